import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import type { AccountInfo, AuthenticationResult, Configuration } from '@azure/msal-node';
import type { Transport } from '../http/types';
import { SignInError, toSignInError } from './auth-errors';
import { loadCertificateFile } from './certificate';
import type { CertificateCredential } from './certificate';
import { TransportNetworkModule } from './msal-network';

export { SignInError } from './auth-errors';

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

/** Delegated Graph permissions a person signing in with a device code needs for a full capture. */
export const DELEGATED_PERMISSIONS = [
  'Application.Read.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All'
] as const;

export type EntraCredential =
  | { kind: 'secret'; clientSecret: string }
  /** A PEM file with the certificate and its private key, or an already loaded credential. */
  | { kind: 'certificate'; certificatePath: string }
  | { kind: 'certificate'; certificate: CertificateCredential }
  /** `onDeviceCode` receives Entra's instruction text ("To sign in, use a web browser to open ..."). */
  | { kind: 'deviceCode'; onDeviceCode: (message: string) => void; timeoutSeconds?: number };

export interface EntraAuthOptions {
  tenantId: string;
  clientId: string;
  credential: EntraCredential;
  transport: Transport;
  /** Token authority root for the cloud, e.g. `https://login.microsoftonline.us`. */
  authorityHost?: string;
  /** Graph root for the cloud; the app-only scope is `<graphUrl>/.default`. */
  graphUrl?: string;
  /** Per-request timeout for the sign-in calls, in milliseconds. */
  timeoutMs?: number;
}

/** Source of Graph access tokens. `forceRefresh` requests a new token from Entra, e.g. after a 401. */
export interface TokenProvider {
  readonly tenantId: string;
  readonly clientId: string;
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** A cached token is used until this long before it expires, so a request never carries a token that lapses in flight. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * Creates the token provider for one tenant and app registration with MSAL Node. MSAL's HTTP goes
 * through `transport`, and the authority host is listed in `knownAuthorities` so MSAL reads the
 * OpenID metadata from that host and never calls Microsoft's instance discovery on another one.
 */
export function createTokenProvider(options: EntraAuthOptions): TokenProvider {
  const tenantId = options.tenantId.trim();
  const clientId = options.clientId.trim();
  if (!GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
    throw new SignInError(`Invalid tenant id "${options.tenantId}": use the directory (tenant) id GUID or a verified domain such as contoso.onmicrosoft.com.`, null);
  }
  if (!GUID.test(clientId)) {
    throw new SignInError(`Invalid client id "${options.clientId}": use the application (client) id GUID from the app registration's overview page.`, null);
  }
  const authorityHost = normalizeRoot(options.authorityHost ?? DEFAULT_AUTHORITY_HOST, 'authority host');
  const graphUrl = normalizeRoot(options.graphUrl ?? DEFAULT_GRAPH_URL, 'Graph URL');

  const network = new TransportNetworkModule(options.transport, options.timeoutMs ?? 30_000);
  const credential = options.credential;
  let certificate: CertificateCredential | null = null;
  if (credential.kind === 'certificate') {
    certificate = 'certificate' in credential ? credential.certificate : loadCertificateFile(credential.certificatePath);
  }

  const configuration: Configuration = {
    auth: {
      clientId,
      authority: `${authorityHost}/${tenantId}`,
      knownAuthorities: [new URL(authorityHost).host]
    },
    system: { networkClient: network }
  };
  const context = {
    tenantId,
    clientId,
    authorityHost,
    credentialKind: credential.kind,
    certificateThumbprint: certificate?.thumbprintSha256 ?? null,
    get lastNetworkFailure() {
      return network.lastFailure;
    },
    get lastAadstsCode() {
      return network.lastAadstsCode;
    }
  };

  let acquire: (forceRefresh: boolean) => Promise<AuthenticationResult | null>;
  if (credential.kind === 'deviceCode') {
    acquire = deviceCodeAcquirer(new PublicClientApplication(configuration), graphUrl, credential.onDeviceCode, credential.timeoutSeconds ?? 900);
  } else {
    if (credential.kind === 'secret' && credential.clientSecret.trim() === '') {
      throw new SignInError('The client secret is empty. Set ROSTER_ENTRA_CLIENT_SECRET to a secret value from the app registration (Certificates & secrets).', null);
    }
    configuration.auth.clientSecret = credential.kind === 'secret' ? credential.clientSecret : undefined;
    configuration.auth.clientCertificate = certificate ? { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } : undefined;
    const app = new ConfidentialClientApplication(configuration);
    acquire = (forceRefresh) => app.acquireTokenByClientCredential({ scopes: [`${graphUrl}/.default`], skipCache: forceRefresh });
  }

  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  const fetchToken = async (forceRefresh: boolean): Promise<string> => {
    let result: AuthenticationResult | null;
    try {
      result = await acquire(forceRefresh);
    } catch (error) {
      throw toSignInError(error, context);
    }
    if (!result?.accessToken) {
      throw new SignInError(`Sign-in failed for client id ${clientId} in tenant ${tenantId}: Entra returned no access token.`, null);
    }
    cached = { token: result.accessToken, expiresAt: result.expiresOn ? result.expiresOn.getTime() : Date.now() + 3_600_000 };
    return result.accessToken;
  };

  return {
    tenantId,
    clientId,
    getToken({ forceRefresh = false } = {}) {
      if (!forceRefresh && cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return Promise.resolve(cached.token);
      // Concurrent callers share one sign-in request instead of each starting their own.
      if (!pending) {
        pending = fetchToken(forceRefresh).finally(() => {
          pending = null;
        });
      }
      return pending;
    }
  };
}

/** Builds the token function for device code sign-in: the first call runs the flow, later calls refresh silently with the signed-in account. */
function deviceCodeAcquirer(
  app: PublicClientApplication,
  graphUrl: string,
  onDeviceCode: (message: string) => void,
  timeoutSeconds: number
): (forceRefresh: boolean) => Promise<AuthenticationResult | null> {
  const scopes = DELEGATED_PERMISSIONS.map((permission) => `${graphUrl}/${permission}`);
  let account: AccountInfo | null = null;

  return async (forceRefresh) => {
    if (account) return app.acquireTokenSilent({ account, scopes, forceRefresh });
    const result = await app.acquireTokenByDeviceCode({
      scopes,
      timeout: timeoutSeconds,
      deviceCodeCallback: (response) => onDeviceCode(response.message)
    });
    account = result?.account ?? null;
    return result;
  };
}

/** Checks a cloud root such as `https://login.microsoftonline.us` and drops any trailing slash. */
function normalizeRoot(value: string, label: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SignInError(`Invalid ${label} "${value}": use an https:// URL such as ${label === 'Graph URL' ? DEFAULT_GRAPH_URL : DEFAULT_AUTHORITY_HOST}.`, null);
  }
  if (url.protocol !== 'https:') {
    throw new SignInError(`Invalid ${label} "${value}": Entra sign-in and Graph need https://.`, null);
  }
  if (url.pathname !== '/' || url.search) {
    throw new SignInError(`Invalid ${label} "${value}": give only the scheme and host, e.g. ${label === 'Graph URL' ? DEFAULT_GRAPH_URL : DEFAULT_AUTHORITY_HOST}.`, null);
  }
  return `${url.protocol}//${url.host}`;
}
