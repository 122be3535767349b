import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import { buildSnapshotFromImport, importFiles } from '../../src-main/import';
import type { Snapshot } from '../../src-main/model/snapshot';
import { Workspace } from '../../src-main/store';
import { TOOL_VERSION } from '../../src-main/version';
import { startFakes } from '../fakes/index';
import type { Fakes } from '../fakes/index';
import { captureLive } from './live-capture';
import { SAMPLES, paritySeed } from './parity-seed';

const NOW = new Date('2025-01-08T00:00:00Z');
const SENTRY_URL = 'https://sentry.io/api/0/organizations/contoso/scim/v2';

/** The findings the sample tenant must produce, in the audit's order: kind, Entra ids, Sentry ids. */
const EXPECTED_FINDINGS = [
  ['group.member_extra_in_sentry', ['96e0a000-0000-4000-8000-000000000001'], ['301', '103']],
  ['user.disabled_in_entra', ['0a1d0000-0000-4000-8000-000000000003'], ['103']],
  ['user.missing_in_sentry', ['0a1d0000-0000-4000-8000-000000000006'], []],
  ['user.orphaned_in_sentry', [], ['104']],
  ['user.role_mismatch', ['0a1d0000-0000-4000-8000-000000000001'], ['101']],
  ['user.nested_group_only', ['0a1d0000-0000-4000-8000-000000000005'], []],
  ['group.unmanaged_in_sentry', [], ['302']],
  ['user.case_only_difference', ['0a1d0000-0000-4000-8000-000000000002'], ['102']]
];

function sample(path: string): string {
  return fileURLToPath(new URL(path, SAMPLES));
}

function findingKeys(snapshot: Snapshot): Array<[string, string[], string[]]> {
  return auditSnapshot(snapshot).findings.map((finding) => [finding.kind, finding.entra.map((ref) => ref.id), finding.sentry.map((ref) => ref.id)]);
}

let fakes: Fakes;
let folder: string;
let live: Snapshot;

beforeAll(async () => {
  fakes = await startFakes(paritySeed());
  folder = mkdtempSync(join(tmpdir(), 'roster-parity-'));
  const captured = await captureLive(fakes, NOW);
  const workspace = await Workspace.open(join(folder, 'live'));
  try {
    const meta = await workspace.writeSnapshot({ meta: { ...captured.meta, createdAt: NOW.toISOString(), origin: 'live', toolVersion: TOOL_VERSION, capturedBy: 'test' }, data: captured.data });
    live = await workspace.readSnapshot(meta.id);
  } finally {
    workspace.close();
  }
});

afterAll(async () => {
  await fakes.close();
  rmSync(folder, { recursive: true, force: true });
});

async function importAndStore(paths: string[], sentryBaseUrl?: string): Promise<Snapshot> {
  const plan = await importFiles(paths, { sentryBaseUrl, now: NOW });
  expect(plan.missing).toEqual([]);
  const workspace = await Workspace.open(mkdtempSync(join(folder, 'ws-')));
  try {
    const meta = await workspace.writeSnapshot(buildSnapshotFromImport(plan));
    return await workspace.readSnapshot(meta.id);
  } finally {
    workspace.close();
  }
}

function expectSameContent(imported: Snapshot): void {
  const { entra, sentry } = imported.data;
  expect(entra.tenantId).toBe(live.data.entra.tenantId);
  expect(entra.servicePrincipal).toEqual(live.data.entra.servicePrincipal);
  expect(entra.assignments).toEqual(live.data.entra.assignments);
  expect(entra.groups).toEqual(live.data.entra.groups);
  expect(entra.memberships).toEqual(live.data.entra.memberships);
  expect(entra.deletedUserIds).toEqual(live.data.entra.deletedUserIds);
  expect(entra.provisioningJob).toEqual(live.data.entra.provisioningJob);
  expect(entra.provisioningLogs).toEqual(live.data.entra.provisioningLogs);
  expect(sentry.users).toEqual(live.data.sentry.users);
  expect(sentry.groups).toEqual(live.data.sentry.groups);
}

describe('import of the sample tenant', () => {
  it('live capture yields the expected findings', () => {
    expect(findingKeys(live)).toEqual(EXPECTED_FINDINGS);
  });

  it('Graph JSON folder matches live capture', async () => {
    const imported = await importAndStore([sample('graph')], SENTRY_URL);

    expect(findingKeys(imported)).toEqual(findingKeys(live));
    expect(imported.data.entra.users).toEqual(live.data.entra.users);
    expectSameContent(imported);
    expect(imported.meta.origin).toBe('import');
    expect(imported.meta.tenantId).toBe('3c9f1a52-6d0e-4b7a-9e21-5f8d2c4b7a10');
    expect(imported.meta.sentryOrg).toBe('contoso');
    expect(imported.meta.population).toBe(`${live.meta.population} (imported from exported files)`);
  });

  it('PowerShell capture folder matches live capture', async () => {
    const imported = await importAndStore([sample('powershell')]);

    expect(findingKeys(imported)).toEqual(findingKeys(live));
    expect(imported.data.entra.users).toEqual(live.data.entra.users);
    expect(imported.data.entra.memberships).toEqual(live.data.entra.memberships);
    expect(imported.data.entra.groups).toEqual(live.data.entra.groups);
    expect(imported.data.entra.provisioningLogs).toEqual(live.data.entra.provisioningLogs);
    expect(imported.data.sentry).toEqual({ ...live.data.sentry, baseUrl: 'https://sentry.io/api/0/organizations/contoso/scim/v2' });
    // Windows PowerShell writes DateTime as /Date(ms)/, which keeps milliseconds only.
    expect(imported.data.entra.assignments.map((assignment) => [assignment.id, assignment.createdDateTime])).toEqual([
      ['UqC8ZbR1xkGmJd3Vt0aa0001', '2024-05-02T09:14:11.123Z'],
      ['UqC8ZbR1xkGmJd3Vt0aa0004', '2024-05-03T10:00:00Z'],
      ['UqC8ZbR1xkGmJd3Vt0aa0006', '2024-07-01T08:30:00Z'],
      ['UqC8ZbR1xkGmJd3Vt0aa0g01', '2024-06-10T15:00:00Z']
    ]);
    expect(imported.meta.createdAt).toBe('2025-01-08T07:45:12.000Z');
    expect(imported.meta.sentryBaseUrl).toBe('https://sentry.io/api/0/organizations/contoso/scim/v2');
  });

  it('portal CSV downloads match live capture', async () => {
    const graphParts = ['organization', 'service-principal', 'app-role-assignments', 'group-engineering', 'provisioning-jobs', 'provisioning-schema', 'provisioning-scope', 'provisioning-logs'];
    const plan = await importFiles([sample('portal'), ...graphParts.map((name) => sample(`graph/${name}.json`))], { sentryBaseUrl: SENTRY_URL, now: NOW });
    const imported = await importAndStore([sample('portal'), ...graphParts.map((name) => sample(`graph/${name}.json`))], SENTRY_URL);

    expect(findingKeys(imported)).toEqual(findingKeys(live));
    expect(imported.data.entra.memberships).toEqual(live.data.entra.memberships);
    expect(imported.data.sentry.users).toEqual(live.data.sentry.users);
    expect(imported.data.sentry.groups).toEqual(live.data.sentry.groups);
    // The portal's download has no proxyAddresses, employeeId or onPremisesImmutableId.
    expect(imported.data.entra.users).toEqual(live.data.entra.users.map((user) => ({ ...user, proxyAddresses: [], employeeId: null })));
    expect(plan.warnings[0]).toBe(
      'Some users come from files without proxyAddresses, employeeId, onPremisesImmutableId; those values are recorded as empty, so findings that compare them may differ from a live capture.'
    );
    expect(plan.files.map((file) => [basename(file.file), file.format])).toEqual([
      ['exportUsers_2025-1-8.txt', 'CSV'],
      ['group-members.96e0a000-0000-4000-8000-000000000001.csv', 'CSV'],
      ['group-transitive-members.96e0a000-0000-4000-8000-000000000001.csv', 'CSV'],
      ['sentry-teams-resources.json', 'SCIM JSON'],
      ['sentry-users-resources.json', 'SCIM JSON'],
      ...graphParts.map((name) => [`${name}.json`, 'Graph JSON'])
    ]);
  });
});
