import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaptureCancelledError, captureSnapshot } from '../../src-main/capture/capture';
import type { CaptureProgress } from '../../src-main/capture/capture';
import { describePopulation } from '../../src-main/capture/population';
import { HttpClient } from '../../src-main/http/client';
import { ScimClient } from '../../src-main/scim/client';
import type { SeedScim } from '../fakes/seed';
import { startGraphFake } from '../fakes/graph/index';
import type { GraphFake } from '../fakes/graph/index';
import { startScimFake } from '../fakes/scim/index';
import type { ScimFake } from '../fakes/scim/index';
import { createTestTls } from '../fakes/tls';
import { FAST_RETRY, SENTRY_APP_ID, SENTRY_SP_ID, TENANT_ID, connect, hostsOf, standardSeed, uid } from '../graph/fixtures';

const NOW = new Date('2025-01-08T00:00:00Z');
const SCIM_TOKEN = 'scim-capture-token';

function scimSeed(): SeedScim {
  return {
    orgSlug: 'acme',
    provider: 'active-directory',
    token: SCIM_TOKEN,
    users: [
      { id: '10', userName: 'bob@contoso.example', sentryOrgRole: 'member' },
      { id: '9', userName: 'alice@contoso.example', sentryOrgRole: 'owner' },
      { id: '11', userName: 'zed@contoso.example', sentryOrgRole: 'member' }
    ],
    groups: [{ id: '300', displayName: 'Engineering', xMembers: ['10', '9'] }]
  };
}

describe('captureSnapshot against both fakes', () => {
  let graphFake: GraphFake;
  let scimFake: ScimFake;

  beforeAll(async () => {
    const tls = createTestTls();
    graphFake = await startGraphFake(standardSeed(), { tls });
    scimFake = await startScimFake(scimSeed(), { tls });
  });

  afterAll(async () => {
    await Promise.all([graphFake.close(), scimFake.close()]);
  });

  beforeEach(() => {
    graphFake.faults.reset();
    scimFake.faults.reset();
  });

  function clients(token = SCIM_TOKEN): { graph: ReturnType<typeof connect>['graph']; scim: ScimClient; urls: string[] } {
    const setup = connect(graphFake);
    const http = new HttpClient({ transport: setup.recorder.transport, timeoutMs: 5000, retry: FAST_RETRY, concurrency: 4, service: 'Sentry SCIM' });
    return { graph: setup.graph, scim: new ScimClient({ baseUrl: scimFake.baseUrl, token, http }), urls: setup.recorder.urls };
  }

  it('captures both sides with meta and population', async () => {
    const { graph, scim, urls } = clients();
    const progress: CaptureProgress[] = [];

    const { meta, data } = await captureSnapshot({ graph, scim, appRef: { displayName: 'Sentry' }, now: NOW, onProgress: (event) => progress.push(event) });

    expect(meta.tenantId).toBe(TENANT_ID);
    expect(meta.appId).toBe(SENTRY_APP_ID);
    expect(meta.servicePrincipalId).toBe(SENTRY_SP_ID);
    expect(meta.appDisplayName).toBe('Sentry');
    expect(meta.sentryOrg).toBe('acme');
    expect(meta.sentryBaseUrl).toBe(scimFake.baseUrl);
    expect(meta.population).toBe(
      `Users assigned to the enterprise app 'Sentry' (appId ${SENTRY_APP_ID}) directly or as direct members of 1 assigned group; Sentry org 'acme' members and teams via SCIM`
    );
    expect(meta.sources.map((source) => source.source)).toEqual([
      'graph.servicePrincipal',
      'graph.assignments',
      'graph.groups',
      'graph.memberships',
      'graph.users',
      'graph.provisioningJob',
      'graph.provisioningSchema',
      'graph.provisioningLogs',
      'scim.users',
      'scim.groups'
    ]);
    expect(meta.sources.find((source) => source.source === 'scim.users')).toMatchObject({ rowsReceived: 3, apiTotal: 3 });
    expect(meta.warnings).toEqual([]);
    expect(meta.unavailable).toEqual([]);

    expect(data.entra.users.map((user) => user.id)).toEqual([uid(1), uid(2), uid(3), uid(5)]);
    expect(data.sentry.orgSlug).toBe('acme');
    expect(data.sentry.users.map((user) => [user.id, user.userName, user.active])).toEqual([
      ['9', 'alice@contoso.example', null],
      ['10', 'bob@contoso.example', null],
      ['11', 'zed@contoso.example', null]
    ]);
    expect(data.sentry.groups.map((group) => [group.displayName, group.members.map((member) => member.value).sort()])).toEqual([['Engineering', ['10', '9']]]);

    const done = progress.filter((event) => event.state === 'done').map((event) => event.source);
    expect(done.sort()).toEqual(meta.sources.map((source) => source.source).sort());
    expect(progress.some((event) => event.source === 'scim.users' && event.state === 'running')).toBe(true);
    expect(hostsOf(urls)).toEqual(hostsOf([graphFake.authorityHost, graphFake.graphUrl, scimFake.baseUrl]));
  });

  it('cancel rejects promptly with CaptureCancelledError', async () => {
    const { graph, scim } = clients();
    // Every Graph response takes 3 s, so a capture that waited for requests in flight would take that long after the cancel.
    graphFake.faults.set({ latencyMs: 3000 });
    const controller = new AbortController();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = Date.now();
      controller.abort();
    }, 100);

    const error = await captureSnapshot({ graph, scim, appRef: { appId: SENTRY_APP_ID }, now: NOW, signal: controller.signal }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CaptureCancelledError);
    expect((error as Error).message).toBe('Capture cancelled; no snapshot was written.');
    // Well under the 3 s a response takes, so the capture did not wait for a request in flight.
    expect(Date.now() - abortedAt).toBeLessThan(2500);
  });

  it('already aborted signal sends no request', async () => {
    const { graph, scim, urls } = clients();
    const controller = new AbortController();
    controller.abort();

    await expect(captureSnapshot({ graph, scim, appRef: { appId: SENTRY_APP_ID }, signal: controller.signal })).rejects.toBeInstanceOf(CaptureCancelledError);
    expect(urls).toEqual([]);
  });

  it('SCIM failure ends the capture with its message', async () => {
    const { graph, scim } = clients('wrong-token');

    const error = await captureSnapshot({ graph, scim, appRef: { appId: SENTRY_APP_ID }, now: NOW }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Sentry SCIM rejected the token \(HTTP 401/);
  });
});

describe('describePopulation', () => {
  it('uses the plural for several groups', () => {
    expect(describePopulation({ appDisplayName: 'Sentry', appId: 'x', assignedGroupCount: 3, sentryOrg: 'acme' })).toBe(
      "Users assigned to the enterprise app 'Sentry' (appId x) directly or as direct members of 3 assigned groups; Sentry org 'acme' members and teams via SCIM"
    );
  });
});
