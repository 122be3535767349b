import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultInjector, readBody } from '../faults';
import { checkClientAssertion } from './client-assertion';
import { DEVICE_CODE_LIFETIME_SECONDS, DeviceCodeStore } from './device-codes';
import { aadstsError, type AadstsErrorResponse } from './errors';
import { type RecordedRequest, recordRequest } from './https-server';
import type { GraphState } from './state';
import { type Grant, TOKEN_LIFETIME_SECONDS, type TokenStore } from './tokens';
import { grantForDeviceCode, parseScopes, type ScopeCheck } from './login-grants';

export interface LoginDeps {
  state: GraphState;
  tokens: TokenStore;
  deviceCodes: DeviceCodeStore;
  faults: FaultInjector;
  log: RecordedRequest[];
  /** This server's root URL (known only after it listens). */
  authorityHost: () => string;
  graphUrl: () => string;
  signingKey: { privateKey: KeyObject; publicKey: KeyObject; kid: string };
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** RFC 8628's grant type, and the short form msal-node 7 sends (Entra accepts both). */
const DEVICE_CODE_GRANTS = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);

export function createLoginFaults(authorityHost: () => string): FaultInjector {
  return new FaultInjector({
    tooManyRequests: () =>
      aadstsError(429, 'temporarily_unavailable', 50196, 'The server terminated an operation because it encountered a client request loop.', authorityHost()).body,
    serverError: () => aadstsError(503, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.', authorityHost()).body
  });
}

let signingKey: LoginDeps['signingKey'] | null = null;

/** Returns the ID-token signing key, made once per process because RSA key generation costs up to a second on a busy machine. */
export function createSigningKey(): LoginDeps['signingKey'] {
  if (!signingKey) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    signingKey = { privateKey, publicKey, kid: randomUUID() };
  }
  return signingKey;
}

function signJwt(key: LoginDeps['signingKey'], payload: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: key.kid })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(key.privateKey).toString('base64url');
  return `${header}.${body}.${signature}`;
}

function openIdConfiguration(host: string, tenantId: string, graphUrl: string): Record<string, unknown> {
  const base = `${host}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${graphUrl}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
    tenant_region_scope: null,
    cloud_instance_name: new URL(host).host,
    cloud_graph_host_name: new URL(graphUrl).host,
    msgraph_host: new URL(graphUrl).host
  };
}

/** Handles one request to the fake login server (discovery, token, device code, keys). */
export function loginHandler(deps: LoginDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const entry = recordRequest(deps.log, 'login', req);
    if (await deps.faults.intercept(req, res)) {
      entry.status = res.headersSent ? res.statusCode : 0;
      return;
    }

    const url = new URL(req.url ?? '/', deps.authorityHost());
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    const { status, body } = answer(deps, req, url, form);
    entry.status = status;
    deps.faults.send(req, res, status, body, { 'Cache-Control': 'no-store, no-cache' });
  };
}

function fail(deps: LoginDeps, status: number, error: string, code: number, message: string): AadstsErrorResponse {
  return aadstsError(status, error, code, message, deps.authorityHost());
}

function answer(deps: LoginDeps, req: IncomingMessage, url: URL, form: URLSearchParams): { status: number; body: unknown } {
  const host = deps.authorityHost();
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  const [tenant = '', ...rest] = segments;
  const route = rest.join('/');

  if (req.method === 'GET' && tenant === 'common' && route === 'discovery/instance') {
    const authorization = url.searchParams.get('authorization_endpoint') ?? `${host}/${deps.state.seed.tenantId}/oauth2/v2.0/authorize`;
    const discoveryTenant = new URL(authorization, host).pathname.split('/').filter((s) => s.length > 0)[0] ?? 'common';
    const hostAndPort = new URL(host).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${host}/${discoveryTenant}/v2.0/.well-known/openid-configuration`,
        'api-version': url.searchParams.get('api-version') ?? '1.1',
        metadata: [{ preferred_network: hostAndPort, preferred_cache: hostAndPort, aliases: [hostAndPort, hostAndPort.replace('127.0.0.1', 'localhost')] }]
      }
    };
  }

  if (tenant.toLowerCase() !== deps.state.seed.tenantId.toLowerCase()) {
    return fail(deps, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const tenantId = deps.state.seed.tenantId;

  if (req.method === 'GET' && route === 'v2.0/.well-known/openid-configuration') return { status: 200, body: openIdConfiguration(host, tenantId, deps.graphUrl()) };
  if (req.method === 'GET' && route === 'discovery/v2.0/keys') {
    return { status: 200, body: { keys: [{ ...deps.signingKey.publicKey.export({ format: 'jwk' }), use: 'sig', kid: deps.signingKey.kid }] } };
  }
  if (req.method === 'POST' && route === 'oauth2/v2.0/devicecode') return deviceCode(deps, form);
  if (req.method === 'POST' && route === 'oauth2/v2.0/token') return token(deps, req, form);

  return { status: 404, body: { error: 'not_found', error_description: `The fake login server has no endpoint ${req.method} ${url.pathname}.` } };
}

/** Reads the client id and secret from the form or from HTTP Basic authentication. */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): { clientId: string; secret: string | null } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { clientId: form.get('client_id') ?? '', secret: form.get('client_secret') };
}

function findClient(deps: LoginDeps, clientId: string): GraphState['seed']['clients'][number] | AadstsErrorResponse {
  const client = deps.state.seed.clients.find((candidate) => candidate.clientId.toLowerCase() === clientId.toLowerCase());
  if (client) return client;
  return fail(
    deps,
    400,
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${deps.state.seed.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant.`
  );
}

function scopeFailure(deps: LoginDeps, check: Extract<ScopeCheck, { ok: false }>): AadstsErrorResponse {
  return fail(deps, 400, check.error, check.code, check.message);
}

function deviceCode(deps: LoginDeps, form: URLSearchParams): { status: number; body: unknown } {
  const client = findClient(deps, form.get('client_id') ?? '');
  if ('status' in client) return client;
  const scopes = parseScopes(form.get('scope') ?? '', deps.graphUrl(), 'delegated');
  if (!scopes.ok) return scopeFailure(deps, scopes);

  const entry = deps.deviceCodes.create(client.clientId, scopes.scopes, scopes.resourcePrefix);
  const verificationUri = `${deps.authorityHost()}/devicelogin`;
  return {
    status: 200,
    body: {
      user_code: entry.userCode,
      device_code: entry.deviceCode,
      verification_uri: verificationUri,
      expires_in: DEVICE_CODE_LIFETIME_SECONDS,
      // One second instead of Entra's five keeps polling tests fast.
      interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`
    }
  };
}

function tokenResponse(deps: LoginDeps, grant: Omit<Grant, 'expiresAt'>, extra: Record<string, unknown> = {}): { status: number; body: unknown } {
  const accessToken = deps.tokens.issueAccessToken(grant);
  return { status: 200, body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken, ...extra } };
}

function token(deps: LoginDeps, req: IncomingMessage, form: URLSearchParams): { status: number; body: unknown } {
  const { clientId, secret } = clientCredentials(req, form);
  const client = findClient(deps, clientId);
  if ('status' in client) return client;
  const grantType = form.get('grant_type') ?? '';

  if (grantType === 'client_credentials') {
    const assertion = form.get('client_assertion');
    if (assertion !== null) {
      if (form.get('client_assertion_type') !== JWT_BEARER) {
        return fail(deps, 400, 'invalid_request', 90014, `The request body must contain client_assertion_type '${JWT_BEARER}'.`);
      }
      if (!client.certificatePem) return fail(deps, 401, 'invalid_client', 700027, `Client assertion failed signature validation. [Reason - The key was not found: app '${client.clientId}' has no certificate.]`);
      const tokenEndpoint = `${deps.authorityHost()}/${deps.state.seed.tenantId}/oauth2/v2.0/token`;
      const rejection = checkClientAssertion(assertion, client.certificatePem, client.clientId, [tokenEndpoint]);
      if (rejection) return fail(deps, rejection.status, rejection.error, rejection.code, rejection.message);
    } else if (secret === null) {
      return fail(deps, 401, 'invalid_client', 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    } else if (secret !== client.clientSecret) {
      return fail(
        deps,
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`
      );
    }

    const scopes = parseScopes(form.get('scope') ?? '', deps.graphUrl(), 'application');
    if (!scopes.ok) return scopeFailure(deps, scopes);
    return tokenResponse(deps, { clientId: client.clientId, kind: 'application', permissions: new Set(client.permissions) });
  }

  if (DEVICE_CODE_GRANTS.has(grantType)) {
    const outcome = grantForDeviceCode(deps.deviceCodes.byDevice(form.get('device_code') ?? ''), client.clientId);
    if (!outcome.ok) return scopeFailure(deps, outcome);
    const { entry } = outcome;
    const user = entry.user!;
    const grant: Omit<Grant, 'expiresAt'> = { clientId: client.clientId, kind: 'delegated', permissions: new Set(entry.permissions), userId: user.id };
    return tokenResponse(deps, grant, delegatedExtras(deps, grant, entry.scopes, entry.permissions.map((p) => `${entry.resourcePrefix}${p}`), user));
  }

  if (grantType === 'refresh_token') {
    const refreshed = deps.tokens.refreshGrant(form.get('refresh_token') ?? '');
    if (!refreshed || refreshed.clientId !== client.clientId) return fail(deps, 400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid: the refresh token is unknown.');
    return tokenResponse(deps, refreshed, { refresh_token: form.get('refresh_token') });
  }

  return fail(deps, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
}

/** Refresh token, ID token and client_info that Entra adds to delegated token responses when the matching scopes were requested. */
function delegatedExtras(
  deps: LoginDeps,
  grant: Omit<Grant, 'expiresAt'>,
  requested: string[],
  grantedScopes: string[],
  user: { id: string; userPrincipalName: string; displayName: string }
): Record<string, unknown> {
  const tenantId = deps.state.seed.tenantId;
  const extras: Record<string, unknown> = { scope: grantedScopes.join(' ') };
  if (requested.includes('offline_access')) extras['refresh_token'] = deps.tokens.issueRefreshToken(grant);
  if (requested.includes('openid')) {
    const now = Math.floor(Date.now() / 1000);
    extras['id_token'] = signJwt(deps.signingKey, {
      aud: grant.clientId,
      iss: `${deps.authorityHost()}/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      sub: user.id,
      tid: tenantId,
      ver: '2.0'
    });
    extras['client_info'] = Buffer.from(JSON.stringify({ uid: user.id, utid: tenantId })).toString('base64url');
  }
  return extras;
}
