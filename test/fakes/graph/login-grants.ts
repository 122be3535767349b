import type { DeviceCodeEntry } from './device-codes';

/** An accepted scope list, or the OAuth error Entra would send for it. */
export type ScopeCheck =
  | { ok: true; scopes: string[]; resourcePrefix: string }
  | { ok: false; error: string; code: number; message: string };

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const PUBLIC_GRAPH = 'https://graph.microsoft.com/';

/**
 * Checks a `scope` parameter. The Graph resource may be named by the public Graph URL or by this
 * fake's own URL; both mean the fake. Client credentials need exactly `<resource>/.default`;
 * delegated requests may name permissions with or without the resource prefix (bare names mean Graph).
 */
export function parseScopes(raw: string, graphUrl: string, kind: 'application' | 'delegated'): ScopeCheck {
  const scopes = raw.split(/\s+/).filter((scope) => scope.length > 0);
  if (scopes.length === 0) return { ok: false, error: 'invalid_request', code: 900144, message: "The request body must contain the following parameter: 'scope'." };

  const resources = [PUBLIC_GRAPH, `${graphUrl}/`];
  let resourcePrefix: string | null = null;
  const resourceScopes: string[] = [];

  for (const scope of scopes) {
    if (OIDC_SCOPES.has(scope)) continue;
    if (!scope.includes('://')) {
      resourcePrefix ??= PUBLIC_GRAPH;
      resourceScopes.push(scope);
      continue;
    }
    const resource = resources.find((candidate) => scope.toLowerCase().startsWith(candidate.toLowerCase()));
    if (!resource) {
      const name = scope.slice(0, scope.lastIndexOf('/'));
      return { ok: false, error: 'invalid_resource', code: 500011, message: `The resource principal named ${name} was not found in the tenant. Use ${PUBLIC_GRAPH}.default or ${graphUrl}/.default.` };
    }
    resourcePrefix ??= resource;
    resourceScopes.push(scope.slice(resource.length));
  }

  if (kind === 'application') {
    if (resourceScopes.length !== 1 || resourceScopes[0] !== '.default') {
      return {
        ok: false,
        error: 'invalid_scope',
        code: 1002012,
        message: `The provided value for scope ${raw} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
      };
    }
  }
  for (const scope of resourceScopes) {
    if (!/^(\.default|[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*)$/.test(scope)) {
      return { ok: false, error: 'invalid_scope', code: 70011, message: `The provided value for the input parameter 'scope' is not valid. The scope ${raw} is not valid.` };
    }
  }
  return { ok: true, scopes, resourcePrefix: resourcePrefix ?? PUBLIC_GRAPH };
}

/** The outcome of polling the token endpoint with a device code. */
export type DeviceCodeOutcome = { ok: true; entry: DeviceCodeEntry } | { ok: false; error: string; code: number; message: string };

/**
 * Decides a device-code poll as RFC 8628 describes: pending, declined, expired, unknown, or a token.
 * NOTE: only AADSTS70016 (pending) is a code seen in Microsoft material; 70020, 70000 and 70019 here are assumptions.
 */
export function grantForDeviceCode(entry: DeviceCodeEntry | undefined, clientId: string): DeviceCodeOutcome {
  if (!entry || entry.clientId.toLowerCase() !== clientId.toLowerCase() || entry.status === 'redeemed') {
    return { ok: false, error: 'bad_verification_code', code: 70019, message: "The provided value for the input parameter 'device_code' is not valid." };
  }
  if (Date.now() > entry.expiresAt) {
    return { ok: false, error: 'expired_token', code: 70020, message: 'The provided value for the input parameter \'device_code\' is not valid. This device code has expired.' };
  }
  if (entry.status === 'declined') return { ok: false, error: 'authorization_declined', code: 70000, message: 'The user declined the sign-in request.' };
  if (entry.status === 'pending') return { ok: false, error: 'authorization_pending', code: 70016, message: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.' };

  entry.status = 'redeemed';
  return { ok: true, entry };
}
