import { createPrivateKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCertificate } from '../fakes/graph/fixtures';
import { startServiceHarness, type ServiceHarness } from './harness';

let harness: ServiceHarness;

beforeAll(async () => {
  harness = await startServiceHarness();
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

/** Returns a loopback port with nothing listening, for the unreachable-host case. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('connections:save and list', () => {
  it('stores a profile and reports only hasSecret', async () => {
    const saved = await harness.call('connections:save', harness.profileInput());
    expect(saved.name).toBe('Contoso');
    expect(saved.hasSecret).toEqual({ clientSecret: true, certificatePassphrase: false, scimToken: true });
    expect(saved.authorityHost).toBe(harness.fakes.graph.authorityHost);

    const listed = await harness.call('connections:list', {});
    expect(listed.profiles.map((profile) => profile.id)).toContain(saved.id);
  });

  it('keeps secrets when a save leaves them empty', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ name: 'Keep' }));
    const renamed = await harness.call('connections:save', { ...harness.profileInput({ name: 'Kept' }), id: saved.id, secrets: { clientSecret: '', scimToken: '' } });
    expect(renamed.id).toBe(saved.id);
    expect(renamed.name).toBe('Kept');
    expect(renamed.hasSecret.clientSecret).toBe(true);
    expect(await harness.secrets.get(saved.id, 'scimToken')).toBe(harness.seed.scim.token);
  });

  it('rejects an invalid client id by field', async () => {
    const result = await harness.invoke('connections:save', harness.profileInput({ clientId: 'not-a-guid' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_connection');
    expect(result.error.message).toBe('Invalid client id "not-a-guid": use the application (client) id GUID from the app registration\'s overview page.');
    expect(result.error.details).toEqual({ field: 'clientId', value: 'not-a-guid' });
  });

  it('rejects both app id and app name', async () => {
    const result = await harness.invoke('connections:save', harness.profileInput({ appName: 'Sentry' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('Name the Sentry enterprise app with exactly one of app id or app name.');
  });

  it('deletes a profile and its secrets', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ name: 'Gone' }));
    expect(await harness.call('connections:delete', { id: saved.id })).toEqual({ deleted: saved.id });
    expect(await harness.secrets.has(saved.id, 'clientSecret')).toBe(false);
    const again = await harness.invoke('connections:delete', { id: saved.id });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });
});

describe('connections:test', () => {
  it('passes both sides against the fakes', async () => {
    const saved = await harness.call('connections:save', harness.profileInput());
    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra).toEqual({
      ok: true,
      summary: {
        appDisplayName: 'Sentry',
        appId: harness.seed.graph.servicePrincipals[0]?.appId,
        servicePrincipalId: harness.seed.graph.servicePrincipals[0]?.id,
        checked: 'Application.Read.All, User.Read.All, GroupMember.Read.All'
      }
    });
    expect(result.sentry).toEqual({ ok: true, summary: { org: 'contoso', members: harness.seed.scim.users.length } });
  });

  it('names the client id for a wrong secret', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ secrets: { clientSecret: 'wrong-secret-value', scimToken: harness.seed.scim.token } }));
    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra.ok).toBe(false);
    if (result.entra.ok) return;
    expect(result.entra.code).toBe('wrong_secret');
    expect(result.entra.message).toBe(
      `The client secret for client id ${saved.clientId} is invalid or expired. Create a new secret in Entra (App registrations > Certificates & secrets) and enter it in Connections.`
    );
    expect(result.entra.details.clientId).toBe(saved.clientId);
    expect(result.sentry.ok).toBe(true);
  });

  it('reports a wrong SCIM token', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ secrets: { clientSecret: harness.seed.graph.clients[0]?.clientSecret, scimToken: 'sntrys_wrong' } }));
    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra.ok).toBe(true);
    expect(result.sentry.ok).toBe(false);
    if (result.sentry.ok) return;
    expect(result.sentry.code).toBe('scim_unauthorized');
    expect(result.sentry.details.status).toBe(401);
    expect(result.sentry.message).toMatch(/^Sentry SCIM rejected the token \(HTTP 401/);
  });

  it('reports SCIM switched off', async () => {
    const saved = await harness.call('connections:save', harness.profileInput());
    harness.fakes.scim.service.scimEnabled = false;
    try {
      const result = await harness.call('connections:test', { id: saved.id });
      expect(result.sentry.ok ? null : result.sentry.code).toBe('scim_not_enabled');
    } finally {
      harness.fakes.scim.service.scimEnabled = true;
    }
  });

  it('reports unreachable hosts on both sides', async () => {
    const port = await closedPort();
    const saved = await harness.call(
      'connections:save',
      harness.profileInput({ authorityHost: `https://127.0.0.1:${port}`, sentryScimUrl: `https://127.0.0.1:${port}/api/0/organizations/contoso/scim/v2` })
    );
    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra.ok ? null : result.entra.code).toBe('host_unreachable');
    expect(result.sentry.ok ? null : result.sentry.code).toBe('host_unreachable');
  }, 60_000);

  it('reports a missing secret without a request', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ secrets: {} }));
    const requestsBefore = harness.fakes.scim.requests.length;
    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra.ok ? null : result.entra.code).toBe('missing_secret');
    expect(result.sentry.ok ? null : result.sentry.code).toBe('missing_secret');
    expect(harness.fakes.scim.requests.length).toBe(requestsBefore);
  });

  it('names a missing Graph permission', async () => {
    // A second app registration that may read apps but not users.
    const narrow = { clientId: '5d0f3c1e-8a8b-4f3e-9a51-2b7d4c6e9f10', clientSecret: 'narrow-secret-value', permissions: ['Application.Read.All', 'GroupMember.Read.All'] };
    harness.fakes.graph.state.seed.clients.push(narrow);
    const saved = await harness.call(
      'connections:save',
      harness.profileInput({ clientId: narrow.clientId, secrets: { clientSecret: narrow.clientSecret, scimToken: harness.seed.scim.token } })
    );

    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra.ok).toBe(false);
    if (result.entra.ok) return;
    expect(result.entra.code).toBe('graph_permission_missing');
    expect(result.entra.details.permission).toBe('User.Read.All');
    expect(result.entra.message).toContain('Grant the Roster app registration the Microsoft Graph permission User.Read.All');
  });
});

describe('device code sign-in', () => {
  it('sends the code and signs in', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ name: 'Person', signInMethod: 'deviceCode', secrets: { scimToken: harness.seed.scim.token } }));
    expect(saved.hasSecret.clientSecret).toBe(false);

    const pending = harness.call('connections:test', { id: saved.id });
    const event = await harness.waitForEvent((recorded) => recorded.event === 'connections:deviceCode' && (recorded.payload as { profileId: string }).profileId === saved.id);
    const payload = event.payload as { profileId: string; jobId: string | null; message: string };
    expect(payload.jobId).toBeNull();
    const userCode = /enter the code (\S+)/.exec(payload.message)?.[1];
    expect(userCode).toBeDefined();

    harness.fakes.graph.approveDeviceCode(userCode ?? '', ['Application.Read.All', 'User.Read.All', 'GroupMember.Read.All']);
    const result = await pending;
    expect(result.entra.ok).toBe(true);
    expect(result.sentry.ok).toBe(true);
  }, 60_000);
});

describe('certificate sign-in', () => {
  it('opens a passphrase-protected key in memory', async () => {
    const { certPem, keyPem } = clientCertificate();
    const passphrase = 'correct horse battery staple';
    const encryptedKey = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
    const pemPath = join(harness.dir, 'client.pem');
    await writeFile(pemPath, `${certPem}\n${encryptedKey}`);

    const client = { clientId: '8c6b1f0e-2d4a-4c1b-9e7f-3a5d6b8c9e01', certificatePem: certPem, permissions: ['Application.Read.All', 'User.Read.All', 'GroupMember.Read.All'] };
    harness.fakes.graph.state.seed.clients.push(client);
    const saved = await harness.call(
      'connections:save',
      harness.profileInput({ clientId: client.clientId, signInMethod: 'certificate', certificatePath: pemPath, secrets: { certificatePassphrase: passphrase, scimToken: harness.seed.scim.token } })
    );
    expect(saved.hasSecret).toEqual({ clientSecret: false, certificatePassphrase: true, scimToken: true });

    const result = await harness.call('connections:test', { id: saved.id });
    expect(result.entra.ok).toBe(true);

    await harness.call('connections:save', { ...harness.profileInput({ clientId: client.clientId, signInMethod: 'certificate', certificatePath: pemPath }), id: saved.id, secrets: { certificatePassphrase: 'wrong passphrase' } });
    const wrong = await harness.call('connections:test', { id: saved.id });
    expect(wrong.sentry.ok).toBe(true);
    expect(wrong.entra.ok).toBe(false);
    if (wrong.entra.ok) return;
    expect(wrong.entra.code).toBe('invalid_settings');
    expect(wrong.entra.message).toBe(`The certificate passphrase does not open the private key in ${pemPath}. Enter the passphrase again in Connections.`);

    const capture = await harness.invoke('snapshots:capture:start', { profileId: saved.id });
    expect(capture.ok ? null : capture.error.code).toBe('invalid_connection');
  }, 60_000);
});
