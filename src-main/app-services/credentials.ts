/**
 * Turns a stored profile and its secrets into the settings a capture or a connection test needs.
 * The result contains secrets: it stays in memory and goes to a worker by message, never to disk or a log.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CaptureSettings } from '../capture/clients';
import type { CertificateCredential } from '../graph/certificate';
import { CertificateFileError, parseCertificatePem } from '../graph/certificate';
import { IpcHandlerError } from '../ipc/dispatch';
import { serviceError } from './errors';
import type { StoredProfile } from './profile-store';
import type { SecretStore } from './secrets';

/** The Entra credential in a form that can be posted to a worker; device code gets its callback there. */
export type PortableCredential =
  | { kind: 'secret'; clientSecret: string }
  | { kind: 'certificate'; certificate: CertificateCredential }
  | { kind: 'deviceCode' };

export type PortableSettings = Omit<CaptureSettings, 'credential'> & { credential: PortableCredential };

function missingSecret(profile: StoredProfile, secret: string, where: string): never {
  throw serviceError('missing_secret', `Connection "${profile.name}" has no ${secret}. Enter it in Connections (${where}) and save.`, {
    profileId: profile.id,
    secret
  });
}

/**
 * Reads the certificate file and, when a passphrase is stored, decrypts its private key in memory,
 * because the sign-in code accepts only an unencrypted key and the decrypted key must never be written.
 */
function loadCertificate(path: string, passphrase: string | null): CertificateCredential {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw serviceError('invalid_connection', `Cannot read the certificate file ${path}: ${(error as Error).message}. Check the path in Connections.`, {
      field: 'certificatePath',
      value: path
    });
  }
  if (passphrase === null) return parseCertificatePem(text, path);

  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----[\s\S]+?-----END ENCRYPTED PRIVATE KEY-----/.exec(text)?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  if (!encrypted || !certificate) return parseCertificatePem(text, path);

  let plainKey: string;
  try {
    plainKey = createPrivateKey({ key: encrypted, format: 'pem', passphrase }).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw serviceError('invalid_connection', `The certificate passphrase does not open the private key in ${path}. Enter the passphrase again in Connections.`, {
      field: 'certificatePassphrase',
      value: path
    });
  }
  return parseCertificatePem(`${certificate}\n${plainKey}`, path);
}

/** Turns a certificate file the sign-in cannot use into `invalid_connection` naming the path. */
function certificateProblem(error: unknown, path: string): IpcHandlerError {
  if (error instanceof IpcHandlerError) return error;
  if (error instanceof CertificateFileError) return serviceError('invalid_connection', error.message, { field: 'certificatePath', value: path });
  throw error;
}

/**
 * Collects everything a capture needs for `profile`, raising `missing_secret` when a secret was never
 * entered and `invalid_connection` for an unusable certificate. With `allowMissing` a missing secret
 * becomes an empty string listed in `missing`, and a certificate problem is returned in `entraProblem`.
 */
export async function resolveSettings(
  profile: StoredProfile,
  secrets: SecretStore,
  options: { allowMissing?: boolean } = {}
): Promise<PortableSettings & { missing: Array<'scimToken' | 'clientSecret'>; entraProblem: IpcHandlerError | null }> {
  const missing: Array<'scimToken' | 'clientSecret'> = [];
  let entraProblem: IpcHandlerError | null = null;
  let sentryToken = await secrets.get(profile.id, 'scimToken');
  if (sentryToken === null) {
    if (!options.allowMissing) missingSecret(profile, 'SCIM token', 'Sentry: Settings > Auth > SCIM Information');
    missing.push('scimToken');
    sentryToken = '';
  }

  let credential: PortableCredential;
  if (profile.signInMethod === 'clientSecret') {
    let clientSecret = await secrets.get(profile.id, 'clientSecret');
    if (clientSecret === null) {
      if (!options.allowMissing) missingSecret(profile, 'client secret', 'Entra: App registrations > Certificates & secrets');
      missing.push('clientSecret');
      clientSecret = '';
    }
    credential = { kind: 'secret', clientSecret };
  } else if (profile.signInMethod === 'certificate') {
    const passphrase = await secrets.get(profile.id, 'certificatePassphrase');
    const path = profile.certificatePath ?? '';
    try {
      credential = { kind: 'certificate', certificate: loadCertificate(path, passphrase) };
    } catch (error) {
      entraProblem = certificateProblem(error, path);
      if (!options.allowMissing) throw entraProblem;
      // A placeholder that is never used: the connection test reports `entraProblem` instead of signing in.
      credential = { kind: 'deviceCode' };
    }
  } else {
    credential = { kind: 'deviceCode' };
  }

  return {
    tenant: profile.tenantId,
    clientId: profile.clientId,
    appRef: profile.appId !== null ? { appId: profile.appId } : { displayName: profile.appName ?? '' },
    sentryUrl: profile.sentryScimUrl,
    sentryToken,
    credential,
    authorityHost: profile.authorityHost,
    graphUrl: profile.graphUrl,
    missing,
    entraProblem
  };
}

/**
 * Completes a portable credential; `onDeviceCode` receives Entra's sign-in instruction for a person.
 * NOTE: MSAL's token cache lives only as long as one test or capture, so a person signs in with a new device code each time.
 */
export function toCaptureSettings(settings: PortableSettings, onDeviceCode: (message: string) => void): CaptureSettings {
  const { credential } = settings;
  if (credential.kind === 'deviceCode') return { ...settings, credential: { kind: 'deviceCode', onDeviceCode } };
  return { ...settings, credential };
}
