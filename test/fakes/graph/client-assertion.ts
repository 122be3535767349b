import { constants, createHash, verify, X509Certificate } from 'node:crypto';

/** The rejection Entra would send for an assertion: AADSTS code, OAuth error and HTTP status. */
export interface AssertionRejection {
  status: number;
  error: string;
  code: number;
  message: string;
}

/** Clock skew Entra tolerates on `exp`/`nbf`, in seconds. NOTE: five minutes is the usual allowance, not a documented Entra number. */
const CLOCK_SKEW_SECONDS = 300;

function decodePart(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function signatureRejection(reason: string): AssertionRejection {
  return { status: 401, error: 'invalid_client', code: 700027, message: `Client assertion failed signature validation. [Reason - ${reason}]` };
}

/**
 * Checks a `client_assertion` JWT the way Entra does for certificate credentials: RS256 or PS256
 * (msal-node signs PS256 when given a SHA-256 thumbprint), the `x5t`/`x5t#S256` thumbprint,
 * the signature, `iss` = `sub` = client id, `aud` = token endpoint, and `exp`/`nbf`.
 * Returns null when the assertion is valid.
 */
export function checkClientAssertion(jwt: string, certificatePem: string, clientId: string, audiences: readonly string[]): AssertionRejection | null {
  const parts = jwt.split('.');
  const header = decodePart(parts[0]);
  const payload = decodePart(parts[1]);
  if (parts.length !== 3 || !header || !payload || !parts[2]) {
    return { status: 400, error: 'invalid_request', code: 50027, message: 'JWT token is invalid or malformed.' };
  }

  const certificate = new X509Certificate(certificatePem);
  const sha1 = createHash('sha1').update(certificate.raw).digest('base64url');
  const sha256 = createHash('sha256').update(certificate.raw).digest('base64url');
  const x5t = header['x5t'];
  const x5tS256 = header['x5t#S256'];
  if (x5t === undefined && x5tS256 === undefined) return signatureRejection('The key was not found: the header has neither x5t nor x5t#S256.');
  if ((x5t !== undefined && x5t !== sha1) || (x5tS256 !== undefined && x5tS256 !== sha256)) {
    return signatureRejection(`The key was not found: no certificate of client '${clientId}' has the thumbprint in the assertion header.`);
  }

  const alg = header['alg'];
  if (alg !== 'RS256' && alg !== 'PS256') return signatureRejection(`The algorithm '${String(alg)}' is not supported; use RS256 or PS256.`);
  const key =
    alg === 'PS256'
      ? { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }
      : certificate.publicKey;
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  if (!verify('sha256', signed, key, Buffer.from(parts[2], 'base64url'))) return signatureRejection('The signature does not match the certificate.');

  if (payload['iss'] !== clientId || payload['sub'] !== clientId) {
    return { status: 401, error: 'invalid_client', code: 700021, message: `Client assertion application identifier doesn't match 'client_id' parameter '${clientId}'.` };
  }
  const audience = typeof payload['aud'] === 'string' ? payload['aud'] : '';
  if (!audiences.some((accepted) => accepted.toLowerCase() === audience.toLowerCase())) {
    // NOTE: the AADSTS code Entra uses for a wrong audience was not confirmed; 700027 (failed validation) is used instead.
    return signatureRejection(`The audience '${audience}' is not this token endpoint; expected '${audiences[0] ?? ''}'.`);
  }

  const now = Math.floor(Date.now() / 1000);
  const exp = typeof payload['exp'] === 'number' ? payload['exp'] : 0;
  const nbf = typeof payload['nbf'] === 'number' ? payload['nbf'] : 0;
  if (now > exp + CLOCK_SKEW_SECONDS || nbf > now + CLOCK_SKEW_SECONDS) {
    return {
      status: 401,
      error: 'invalid_client',
      code: 700024,
      message: `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, expiry time of assertion ${new Date(exp * 1000).toISOString()}.`
    };
  }
  return null;
}
