import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInError, createTokenProvider } from '../../src-main/graph/auth';
import type { TransportRequest } from '../../src-main/http/types';
import { parseCertificatePem } from '../../src-main/graph/certificate';
import { startGraphFake } from '../fakes/graph/index';
import type { GraphFake } from '../fakes/graph/index';
import { createClientCertificate } from '../fakes/tls';
import { CLIENT_ID, SENTRY_SP_ID, TENANT_ID, connect, hostsOf, recordingTransport, standardSeed } from './fixtures';

const CERT_CLIENT_ID = 'cece0000-0000-4000-8000-00000000cccc';
const PUBLIC_CLIENT_ID = 'dddd0000-0000-4000-8000-00000000dddd';

/**
 * Rewrites the device code grant type. MSAL Node 7 polls with `grant_type=device_code`, which Entra
 * accepts. The fake login server accepts only the RFC 8628 URN, so these tests send that instead.
 * NOTE: drop this once the fake accepts the short form too.
 */
function urnDeviceCodeGrant(request: TransportRequest): TransportRequest {
  if (!request.body?.includes('grant_type=device_code')) return request;
  return { ...request, body: request.body.replace('grant_type=device_code', `grant_type=${encodeURIComponent('urn:ietf:params:oauth:grant-type:device_code')}`) };
}

describe('Entra sign-in against the fake login server', () => {
  let fake: GraphFake;
  let folder: string;
  let certificatePath: string;
  let certificateThumbprint: string;
  let strangerPath: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'roster-auth-'));
    const registered = createClientCertificate('roster-test-app');
    const stranger = createClientCertificate('not-registered');
    certificatePath = join(folder, 'app.pem');
    strangerPath = join(folder, 'stranger.pem');
    writeFileSync(certificatePath, `${registered.certPem}\n${registered.keyPem}`);
    writeFileSync(strangerPath, `${stranger.certPem}\n${stranger.keyPem}`);
    certificateThumbprint = parseCertificatePem(`${stranger.certPem}\n${stranger.keyPem}`, 'stranger').thumbprintSha256;

    const seed = standardSeed();
    seed.clients.push({ clientId: CERT_CLIENT_ID, certificatePem: registered.certPem, permissions: ['Application.Read.All'] });
    seed.clients.push({ clientId: PUBLIC_CLIENT_ID, permissions: [] });
    fake = await startGraphFake(seed);
  });

  afterAll(async () => {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('secret sign-in yields a token Graph accepts', async () => {
    const { graph, recorder } = connect(fake);
    const result = await graph.get<{ id: string }>(`/servicePrincipals/${SENTRY_SP_ID}?$select=id`, { source: 'graph.servicePrincipal', permission: 'Application.Read.All', what: 'the app' });

    expect(result.body.id).toBe(SENTRY_SP_ID);
    expect(hostsOf(recorder.urls)).toEqual(hostsOf([fake.authorityHost, fake.graphUrl]));
    expect(recorder.urls.some((url) => url.includes('/oauth2/v2.0/token'))).toBe(true);
  });

  it('token is cached between calls', async () => {
    const { tokens, recorder } = connect(fake);
    const first = await tokens.getToken();
    const second = await tokens.getToken();

    expect(second).toBe(first);
    expect(recorder.urls.filter((url) => new URL(url).pathname.endsWith('/oauth2/v2.0/token'))).toHaveLength(1);
  });

  it('wrong secret gives the exact message', async () => {
    const { tokens } = connect(fake, { credential: { kind: 'secret', clientSecret: 'wrong' } });
    const error = await tokens.getToken().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).message).toBe(
      `Sign-in failed: the client secret for client id ${CLIENT_ID} is invalid or expired. Create a new secret in Entra and set ROSTER_ENTRA_CLIENT_SECRET.`
    );
    expect((error as SignInError).code).toBe('7000215');
    expect((error as SignInError).message).not.toContain('wrong');
  });

  it('unknown client id names the client', async () => {
    const unknown = 'eeee0000-0000-4000-8000-00000000eeee';
    const { tokens } = connect(fake, { clientId: unknown });
    const error = (await tokens.getToken().catch((caught: unknown) => caught)) as SignInError;

    expect(error.message).toBe(
      `Sign-in failed: no application with client id ${unknown} exists in tenant ${TENANT_ID}. Check the client id (--client-id) and that the app registration lives in this tenant.`
    );
  });

  it('unknown tenant names the tenant', async () => {
    const otherTenant = 'ffff0000-0000-4000-8000-00000000ffff';
    const tokens = createTokenProvider({
      tenantId: otherTenant,
      clientId: CLIENT_ID,
      credential: { kind: 'secret', clientSecret: 'x' },
      transport: recordingTransport().transport,
      authorityHost: fake.authorityHost,
      graphUrl: fake.graphUrl
    });
    const error = (await tokens.getToken().catch((caught: unknown) => caught)) as SignInError;

    expect(error).toBeInstanceOf(SignInError);
    expect(error.message).toBe(
      `Sign-in failed: tenant ${otherTenant} was not found at ${fake.authorityHost}. Check the tenant id (--tenant) and, for a national cloud, the authority host.`
    );
  });

  it('certificate sign-in works with the registered certificate', async () => {
    const { tokens, graph, recorder } = connect(fake, { clientId: CERT_CLIENT_ID, credential: { kind: 'certificate', certificatePath } });
    const token = await tokens.getToken();
    const result = await graph.get<{ appId: string }>(`/servicePrincipals/${SENTRY_SP_ID}?$select=appId`, { source: 'graph.servicePrincipal', permission: 'Application.Read.All', what: 'the app' });

    expect(token.length).toBeGreaterThan(10);
    expect(result.body.appId).toBe('a1a1a1a1-0000-4000-8000-000000000002');
    expect(hostsOf(recorder.urls)).toEqual(hostsOf([fake.authorityHost, fake.graphUrl]));
  });

  it('unregistered certificate names its thumbprint', async () => {
    const { tokens } = connect(fake, { clientId: CERT_CLIENT_ID, credential: { kind: 'certificate', certificatePath: strangerPath } });
    const error = (await tokens.getToken().catch((caught: unknown) => caught)) as SignInError;

    expect(error).toBeInstanceOf(SignInError);
    expect(error.message).toContain(`SHA-256 thumbprint ${certificateThumbprint}`);
    expect(error.message).toContain(`client id ${CERT_CLIENT_ID}`);
  });

  it('certificate file without a key is rejected', () => {
    const bare = join(folder, 'bare.pem');
    writeFileSync(bare, createClientCertificate('bare').certPem);

    expect(() => connect(fake, { clientId: CERT_CLIENT_ID, credential: { kind: 'certificate', certificatePath: bare } })).toThrow(
      `The certificate file ${bare} contains no private key. Append the certificate's private key (PEM) to the file.`
    );
  });

  it('device code sign-in passes the message and gets delegated access', async () => {
    const messages: string[] = [];
    const { tokens, graph, recorder } = connect(fake, {
      clientId: PUBLIC_CLIENT_ID,
      mapRequest: urnDeviceCodeGrant,
      credential: {
        kind: 'deviceCode',
        onDeviceCode: (message) => {
          messages.push(message);
          const userCode = /enter the code (\S+)/.exec(message)?.[1] ?? '';
          setTimeout(() => fake.approveDeviceCode(userCode, ['Application.Read.All']), 50);
        }
      }
    });
    const result = await graph.get<{ id: string }>(`/servicePrincipals/${SENTRY_SP_ID}?$select=id`, { source: 'graph.servicePrincipal', permission: 'Application.Read.All', what: 'the app' });

    expect(result.body.id).toBe(SENTRY_SP_ID);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^To sign in, use a web browser to open the page ${fake.authorityHost}/devicelogin and enter the code \\S+ to authenticate\\.$`));
    expect(hostsOf(recorder.urls)).toEqual(hostsOf([fake.authorityHost, fake.graphUrl]));
    await expect(tokens.getToken()).resolves.toBeTypeOf('string');
  });

  it('declined device code gives a clear message', async () => {
    const { tokens } = connect(fake, {
      clientId: PUBLIC_CLIENT_ID,
      mapRequest: urnDeviceCodeGrant,
      credential: {
        kind: 'deviceCode',
        onDeviceCode: (message) => {
          const userCode = /enter the code (\S+)/.exec(message)?.[1] ?? '';
          setTimeout(() => fake.declineDeviceCode(userCode), 50);
        }
      }
    });
    const error = (await tokens.getToken().catch((caught: unknown) => caught)) as SignInError;

    expect(error.message).toBe('Sign-in failed: the device code sign-in was declined. Run the command again and finish the sign-in in the browser.');
  });

  it('unreachable authority host is named', async () => {
    const port = await closedPort();
    const tokens = createTokenProvider({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      credential: { kind: 'secret', clientSecret: 'x' },
      transport: recordingTransport().transport,
      authorityHost: `https://127.0.0.1:${port}`,
      graphUrl: fake.graphUrl,
      timeoutMs: 2000
    });
    const error = (await tokens.getToken().catch((caught: unknown) => caught)) as SignInError;

    expect(error).toBeInstanceOf(SignInError);
    expect(error.message).toMatch(new RegExp(`^Sign-in failed: could not reach 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\)\\. Check the authority host`));
  });

  it('bad ids are rejected before any request', () => {
    const transport = recordingTransport();
    expect(() =>
      createTokenProvider({ tenantId: 'not a tenant', clientId: CLIENT_ID, credential: { kind: 'secret', clientSecret: 'x' }, transport: transport.transport })
    ).toThrow('Invalid tenant id "not a tenant": use the directory (tenant) id GUID or a verified domain such as contoso.onmicrosoft.com.');
    expect(() =>
      createTokenProvider({ tenantId: TENANT_ID, clientId: 'sentry', credential: { kind: 'secret', clientSecret: 'x' }, transport: transport.transport })
    ).toThrow('Invalid client id "sentry": use the application (client) id GUID from the app registration\'s overview page.');
    expect(transport.urls).toEqual([]);
  });

  it('national cloud roots must be https hosts', () => {
    const transport = recordingTransport();
    const base = { tenantId: TENANT_ID, clientId: CLIENT_ID, credential: { kind: 'secret', clientSecret: 'x' } as const, transport: transport.transport };

    expect(() => createTokenProvider({ ...base, authorityHost: 'http://login.microsoftonline.us' })).toThrow(
      'Invalid authority host "http://login.microsoftonline.us": Entra sign-in and Graph need https://.'
    );
    expect(() => createTokenProvider({ ...base, graphUrl: 'https://graph.microsoft.us/v1.0' })).toThrow(
      'Invalid Graph URL "https://graph.microsoft.us/v1.0": give only the scheme and host, e.g. https://graph.microsoft.com.'
    );
    expect(createTokenProvider({ ...base, authorityHost: 'https://login.microsoftonline.us/', graphUrl: 'https://graph.microsoft.us' }).tenantId).toBe(TENANT_ID);
    expect(transport.urls).toEqual([]);
  });

  it('expired device code gives a clear message', async () => {
    const { tokens } = connect(fake, {
      clientId: PUBLIC_CLIENT_ID,
      mapRequest: urnDeviceCodeGrant,
      credential: {
        kind: 'deviceCode',
        onDeviceCode: (message) => {
          const userCode = /enter the code (\S+)/.exec(message)?.[1] ?? '';
          setTimeout(() => fake.expireDeviceCode(userCode), 50);
        }
      }
    });
    const error = (await tokens.getToken().catch((caught: unknown) => caught)) as SignInError;

    expect(error.message).toBe(
      'Sign-in failed: the device code sign-in was not completed in time. Run the command again and finish the sign-in in the browser within 15 minutes.'
    );
  });
});

/** Finds a loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
