import { createHash, X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
  PublicClientApplication
} from '@azure/msal-node';
import { type Agent, fetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClientCertificate } from '../tls';
import { type GraphFake, startGraphFake } from './index';
import { CLIENTS, clientCertificate, IDS, requestJson, testSeed, trustingAgent } from './fixtures';

/** msal-node network module over undici that trusts the test CA and records every URL MSAL requests. */
class RecordingNetwork implements INetworkModule {
  readonly urls: string[] = [];

  constructor(private readonly agent: Agent) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    this.urls.push(url);
    const response = await fetch(url, { method, headers: options?.headers, body: method === 'POST' ? options?.body : undefined, dispatcher: this.agent });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const text = await response.text();
    return { status: response.status, headers, body: (text.length > 0 ? JSON.parse(text) : {}) as T };
  }
}

let fake: GraphFake;
let agent: Agent;
let network: RecordingNetwork;

beforeAll(async () => {
  fake = await startGraphFake(testSeed());
  agent = trustingAgent();
});

beforeEach(() => {
  network = new RecordingNetwork(agent);
});

afterAll(async () => {
  await fake.close();
  await agent.close();
});

function authConfig(clientId: string) {
  return { clientId, authority: `${fake.authorityHost}/${IDS.tenant}`, knownAuthorities: [fake.authorityHost] };
}

function confidential(auth: Record<string, unknown>): ConfidentialClientApplication {
  return new ConfidentialClientApplication({ auth: auth as never, system: { networkClient: network } });
}

/** Asserts that MSAL contacted only the fake login server and that the fake saw each of those requests. */
function expectOnlyFakeContacted(): void {
  expect(network.urls.length).toBeGreaterThan(0);
  for (const url of network.urls) expect(new URL(url).origin).toBe(fake.authorityHost);
  const recorded = new Set(fake.requests.filter((r) => r.server === 'login').map((r) => r.path));
  for (const url of network.urls) expect(recorded.has(new URL(url).pathname + new URL(url).search)).toBe(true);
}

async function graphStatus(accessToken: string, path: string): Promise<number> {
  return (await requestJson(agent, `${fake.graphUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } })).status;
}

function sha256Thumbprint(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
}

describe('client credentials with msal-node', () => {
  it('signs in with a client secret', async () => {
    const app = confidential({ ...authConfig(CLIENTS.auditor.clientId), clientSecret: CLIENTS.auditor.clientSecret });
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(result?.accessToken).toMatch(/^[\w-]{43}$/);
    expect(await graphStatus(result!.accessToken, `/v1.0/servicePrincipals/${IDS.sentrySp}`)).toBe(200);
    expect(network.urls.map((url) => new URL(url).pathname)).toEqual([
      `/${IDS.tenant}/v2.0/.well-known/openid-configuration`,
      `/${IDS.tenant}/oauth2/v2.0/token`
    ]);
    expectOnlyFakeContacted();
  });

  it('accepts the fake Graph URL as scope', async () => {
    const app = confidential({ ...authConfig(CLIENTS.auditor.clientId), clientSecret: CLIENTS.auditor.clientSecret });
    const result = await app.acquireTokenByClientCredential({ scopes: [`${fake.graphUrl}/.default`] });
    expect(await graphStatus(result!.accessToken, `/v1.0/users/${IDS.alice}`)).toBe(200);
  });

  it('signs in with a certificate and SHA-256 thumbprint', async () => {
    const { certPem, keyPem } = clientCertificate();
    const app = confidential({ ...authConfig(CLIENTS.certificate.clientId), clientCertificate: { thumbprintSha256: sha256Thumbprint(certPem), privateKey: keyPem } });
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(await graphStatus(result!.accessToken, `/v1.0/servicePrincipals/${IDS.sentrySp}`)).toBe(200);
    // The certificate client holds only Application.Read.All.
    expect(await graphStatus(result!.accessToken, `/v1.0/users/${IDS.alice}`)).toBe(403);
    expectOnlyFakeContacted();
  });

  it('signs in with a certificate and SHA-1 thumbprint', async () => {
    const { certPem, keyPem } = clientCertificate();
    const thumbprint = createHash('sha1').update(new X509Certificate(certPem).raw).digest('hex');
    const app = confidential({ ...authConfig(CLIENTS.certificate.clientId), clientCertificate: { thumbprint, privateKey: keyPem } });
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(result?.accessToken).toMatch(/^[\w-]{43}$/);
  });

  it('rejects an assertion signed by another key', async () => {
    const stranger = createClientCertificate('stranger');
    const app = confidential({
      ...authConfig(CLIENTS.certificate.clientId),
      clientCertificate: { thumbprintSha256: sha256Thumbprint(clientCertificate().certPem), privateKey: stranger.keyPem }
    });
    await expect(app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS700027')
    });
  });

  it('rejects a wrong secret', async () => {
    const app = confidential({ ...authConfig(CLIENTS.auditor.clientId), clientSecret: 'wrong' });
    await expect(app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS7000215')
    });
    expectOnlyFakeContacted();
  });

  it('rejects an unknown client', async () => {
    const app = confidential({ ...authConfig('0f0f0f0f-0000-4000-8000-000000000000'), clientSecret: 'x' });
    await expect(app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({
      errorCode: 'unauthorized_client',
      errorMessage: expect.stringContaining('AADSTS700016')
    });
  });

  it('rejects a scope without /.default', async () => {
    const app = confidential({ ...authConfig(CLIENTS.auditor.clientId), clientSecret: CLIENTS.auditor.clientSecret });
    await expect(app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/User.Read.All'] })).rejects.toMatchObject({
      errorCode: 'invalid_scope',
      errorMessage: expect.stringContaining('AADSTS1002012')
    });
  });
});

describe('token endpoint over plain HTTPS', () => {
  async function postToken(tenant: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return requestJson(agent, `${fake.authorityHost}/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString()
    });
  }

  it('accepts HTTP Basic client authentication', async () => {
    const basic = Buffer.from(`${CLIENTS.auditor.clientId}:${CLIENTS.auditor.clientSecret}`).toString('base64');
    const response = await postToken(IDS.tenant, { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }, { Authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
  });

  it('rejects an unknown tenant with AADSTS90002', async () => {
    const response = await postToken('contoso.invalid', { ...CLIENTS.auditor, client_id: CLIENTS.auditor.clientId, client_secret: CLIENTS.auditor.clientSecret, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
    expect(response.body.error_codes).toEqual([90002]);
    expect(response.body.error_description).toMatch(/^AADSTS90002: Tenant 'contoso.invalid' not found/);
    expect(Object.keys(response.body).sort()).toEqual(['correlation_id', 'error', 'error_codes', 'error_description', 'error_uri', 'timestamp', 'trace_id']);
  });

  it('rejects a malformed scope with AADSTS70011', async () => {
    const response = await requestJson(agent, `${fake.authorityHost}/${IDS.tenant}/oauth2/v2.0/devicecode`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENTS.auditor.clientId, scope: 'https://graph.microsoft.com/User.Read.All!' }).toString()
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_scope');
    expect(response.body.error_codes).toEqual([70011]);
  });

  it('rejects an unknown device code', async () => {
    const response = await postToken(IDS.tenant, { client_id: CLIENTS.auditor.clientId, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'nope' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_verification_code');
  });

  it('serves instance discovery naming this host', async () => {
    const response = await requestJson(agent, `${fake.authorityHost}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${fake.authorityHost}/${IDS.tenant}/oauth2/v2.0/authorize`)}`);
    const host = new URL(fake.authorityHost).host;
    expect(response.body.tenant_discovery_endpoint).toBe(`${fake.authorityHost}/${IDS.tenant}/v2.0/.well-known/openid-configuration`);
    expect(response.body.metadata).toEqual([{ preferred_network: host, preferred_cache: host, aliases: [host, host.replace('127.0.0.1', 'localhost')] }]);
  });
});

describe('device code with msal-node', () => {
  function publicApp(): PublicClientApplication {
    return new PublicClientApplication({ auth: authConfig(CLIENTS.auditor.clientId), system: { networkClient: network } });
  }

  it('polls until the person approves', async () => {
    const messages: string[] = [];
    const result = await publicApp().acquireTokenByDeviceCode({
      scopes: ['https://graph.microsoft.com/Application.Read.All'],
      deviceCodeCallback: (response) => {
        messages.push(response.message);
        setTimeout(() => fake.approveDeviceCode(response.userCode, ['Application.Read.All', 'GroupMember.Read.All']), 300);
      }
    });
    expect(messages[0]).toMatch(new RegExp(`^To sign in, use a web browser to open the page ${fake.authorityHost}/devicelogin and enter the code [A-Z2-9]{9} to authenticate\\.$`));
    expect(result?.account?.username).toBe('auditor@contoso.example');
    expect(result?.scopes).toEqual(['https://graph.microsoft.com/Application.Read.All', 'https://graph.microsoft.com/GroupMember.Read.All']);

    const tokenPolls = fake.requests.filter((r) => r.server === 'login' && new URL(r.path, fake.authorityHost).pathname.endsWith('/oauth2/v2.0/token')).slice(-2);
    expect(tokenPolls.map((r) => r.status)).toEqual([400, 200]);
    expectOnlyFakeContacted();

    // Delegated GroupMember.Read.All without a user permission gets Graph's limited member items.
    const members = await requestJson(agent, `${fake.graphUrl}/v1.0/groups/${IDS.sre}/members?$select=id,userPrincipalName`, {
      headers: { Authorization: `Bearer ${result!.accessToken}` }
    });
    expect(members.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: IDS.carol, userPrincipalName: null },
      { '@odata.type': '#microsoft.graph.user', id: IDS.alice, userPrincipalName: null }
    ]);
    expect(await graphStatus(result!.accessToken, '/v1.0/auditLogs/provisioning')).toBe(403);
  });

  it('refreshes a delegated token silently', async () => {
    const app = publicApp();
    const first = await app.acquireTokenByDeviceCode({
      scopes: ['User.Read.All'],
      deviceCodeCallback: (response) => fake.approveDeviceCode(response.userCode, ['User.Read.All'])
    });
    const refreshed = await app.acquireTokenSilent({ account: first!.account!, scopes: ['User.Read.All'], forceRefresh: true });
    expect(refreshed.accessToken).not.toBe(first!.accessToken);
    expect(await graphStatus(refreshed.accessToken, `/v1.0/users/${IDS.alice}`)).toBe(200);

    const grants = fake.requests.filter((r) => r.server === 'login' && new URL(r.path, fake.authorityHost).pathname.endsWith('/oauth2/v2.0/token'));
    expect(grants.at(-1)?.status).toBe(200);
    expectOnlyFakeContacted();
  });

  it('stops when the person declines', async () => {
    const attempt = publicApp().acquireTokenByDeviceCode({
      scopes: ['User.Read.All'],
      deviceCodeCallback: (response) => fake.declineDeviceCode(response.userCode)
    });
    await expect(attempt).rejects.toThrow(/authorization_declined/);
  });

  it('stops when the code expires', async () => {
    const attempt = publicApp().acquireTokenByDeviceCode({
      scopes: ['User.Read.All'],
      deviceCodeCallback: (response) => fake.expireDeviceCode(response.userCode)
    });
    await expect(attempt).rejects.toThrow(/expired_token/);
  });

  it('rejects approving an unknown user code', () => {
    expect(() => fake.approveDeviceCode('NOPE', ['User.Read.All'])).toThrow(/No device-code sign-in has user code 'NOPE'/);
  });
});
