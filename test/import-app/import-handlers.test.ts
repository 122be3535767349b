/**
 * The import channels against the sample exports in `test/import/samples`, through the same dispatcher
 * the app uses: the preview summary, errors naming the file, missing parts, and what commit writes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../src-main/import';
import { MAX_DROPPED_FILE_BYTES } from '../../src-main/ipc/schemas/import';
import { listFolder, SAMPLES_DIR, SENTRY_URL, startImportHarness, type ImportHarness } from './harness';

let harness: ImportHarness | null = null;
const folders: string[] = [];

afterEach(async () => {
  await harness?.close();
  harness = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function open(options: Parameters<typeof startImportHarness>[0] = {}): Promise<ImportHarness> {
  harness = await startImportHarness(options);
  return harness;
}

/** Copies one sample folder to a temporary folder, so a test can change a file in it. */
function copySamples(folder: string): string {
  const target = join(mkdtempSync(join(tmpdir(), 'roster-import-app-samples-')), folder);
  folders.push(target);
  cpSync(join(SAMPLES_DIR, folder), target, { recursive: true });
  return target;
}

function dropped(folder: string, names: string[]): Array<{ name: string; contentBase64: string }> {
  return names.map((name) => ({ name, contentBase64: readFileSync(join(folder, name)).toString('base64') }));
}

const powershell = join(SAMPLES_DIR, 'powershell');

describe('import:preview', () => {
  it('summarizes the PowerShell samples', async () => {
    const app = await open();
    const result = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [powershell] } });
    if (result.cancelled) throw new Error('the preview was cancelled');
    const { summary } = result;

    expect(summary.files.map((file) => [file.name, file.format, file.counts.map(({ kind, count }) => `${count} ${kind}`).join(', ')])).toEqual([
      ['app-role-assignments.json', 'PowerShell JSON', '4 appRoleAssignment'],
      ['capture-info.json', 'Capture info', '1 captureInfo'],
      ['group-members.96e0a000-0000-4000-8000-000000000001.json', 'PowerShell JSON', '3 groupMember'],
      ['group-transitive-members.96e0a000-0000-4000-8000-000000000001.json', 'PowerShell JSON', '4 groupMember'],
      ['groups.json', 'PowerShell JSON', '1 group'],
      ['organization.json', 'PowerShell JSON', '1 organization'],
      ['provisioning-jobs.json', 'PowerShell JSON', '1 provisioningJob'],
      ['provisioning-logs.json', 'PowerShell JSON', '2 provisioningLog'],
      ['provisioning-schema.json', 'PowerShell JSON', '1 provisioningSchema'],
      ['provisioning-scope.json', 'Graph JSON', '1 provisioningScope'],
      ['sentry-teams.json', 'SCIM JSON', '2 scimGroup'],
      ['sentry-users.json', 'SCIM JSON', '4 scimUser'],
      ['service-principal.json', 'PowerShell JSON', '1 servicePrincipal'],
      ['users.json', 'PowerShell JSON', '2 user']
    ]);
    expect(summary.files[0]?.path).toBe(join(powershell, 'app-role-assignments.json'));
    expect(summary.skipped).toEqual([]);
    expect(summary.missing).toEqual([]);
    expect(summary.warnings[0]).toBe(
      "Assigned user(s) 'Dora Deleted' (0a1d0000-0000-4000-8000-000000000004) are in no exported file, so they are recorded as deleted, as a live capture records users Graph answers 404 for. If they exist, export them into users.json."
    );
    expect(summary.warnings).toHaveLength(2);
    expect(summary.outline).toEqual({
      createdAt: '2025-01-08T07:45:12.000Z',
      tenantId: '3c9f1a52-6d0e-4b7a-9e21-5f8d2c4b7a10',
      appDisplayName: 'Sentry',
      appId: '8f1e2d3c-4b5a-4697-a8b9-0c1d2e3f4a02',
      servicePrincipalId: '5e0b7c1d-2a3f-4e5d-8c6b-1a2b3c4d5e01',
      sentryOrg: 'contoso',
      sentryBaseUrl: 'https://sentry.io/api/0/organizations/contoso/scim/v2',
      assignments: 4,
      entraUsers: 5,
      deletedUsers: 1,
      entraGroups: 2,
      directMembers: 3,
      nestedMembers: 1,
      provisioningJob: true,
      provisioningSchema: true,
      provisioningLogs: 2,
      scimUsers: 4,
      scimGroups: 2
    });
  });

  it('writes nothing before commit', async () => {
    const app = await open();
    await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [powershell] } });

    expect(await listFolder(join(app.workspaceDir, 'snapshots'))).toEqual([]);
  });

  it('names the SCIM URL as missing', async () => {
    const app = await open();
    const result = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [join(SAMPLES_DIR, 'graph')] } });
    if (result.cancelled) throw new Error('the preview was cancelled');

    expect(result.summary.missing).toEqual([
      {
        code: 'sentryBaseUrl',
        group: null,
        groupId: null,
        userCount: null,
        users: null,
        text: "Sentry's SCIM base URL: pass --sentry-url (Settings > Auth > SCIM Information in Sentry), or add the capture script's capture-info.json."
      }
    ]);
    expect(result.summary.outline).toBeNull();
  });

  it('reads the same files again with the SCIM URL', async () => {
    const app = await open();
    const first = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [join(SAMPLES_DIR, 'graph')] } });
    if (first.cancelled) throw new Error('the preview was cancelled');

    const second = await app.call('import:preview', { source: { kind: 'again', previewId: first.previewId }, sentryBaseUrl: SENTRY_URL });
    if (second.cancelled) throw new Error('the preview was cancelled');
    expect(second.summary.missing).toEqual([]);
    expect(second.summary.outline?.sentryOrg).toBe('contoso');
    expect(second.previewId).not.toBe(first.previewId);

    const stale = await app.invoke('import:commit', { previewId: first.previewId });
    expect(stale.ok ? null : stale.error.code).toBe('import_preview_not_found');
  });

  it('names missing members and Sentry parts', async () => {
    const app = await open();
    const paths = ['app-role-assignments.json', 'groups.json', 'organization.json', 'service-principal.json', 'users.json'].map((name) => join(powershell, name));
    const result = await app.call('import:preview', { source: { kind: 'pick', pick: 'files', paths } });
    if (result.cancelled) throw new Error('the preview was cancelled');

    expect(result.summary.missing.map((item) => [item.code, item.group, item.groupId])).toEqual([
      ['sentryBaseUrl', null, null],
      ['sentryUsers', null, null],
      ['sentryTeams', null, null],
      ['groupMembers', "'Engineering' (96e0a000-0000-4000-8000-000000000001)", '96e0a000-0000-4000-8000-000000000001']
    ]);
    expect(result.summary.missing[1]?.text).toBe('The Sentry members: download every page of GET <SCIM base URL>/Users into sentry-users.json.');
    expect(result.summary.outline).toBeNull();
  });

  it('classifies every missing part of a lone file', async () => {
    const app = await open();
    const result = await app.call('import:preview', { source: { kind: 'pick', pick: 'files', paths: [join(powershell, 'users.json')] } });
    if (result.cancelled) throw new Error('the preview was cancelled');

    expect(result.summary.missing.map((item) => item.code)).toEqual(['tenant', 'sentryBaseUrl', 'sentryUsers', 'sentryTeams', 'servicePrincipal', 'assignments']);
  });

  it('names the file, line and expectation of bad JSON', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'users.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"accountEnabled": true,\n      "employeeId": "E1001"', '"accountEnabled": true\n      "employeeId": "E1001"'));
    const app = await open();

    const result = await app.invoke('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [folder] }, sentryBaseUrl: SENTRY_URL });

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'import_file_invalid',
        message: `${file}, line 14, column 7: invalid JSON (Expected ',' or '}' after property value); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it.`,
        details: {
          file,
          location: 'line 14, column 7',
          problem: "invalid JSON (Expected ',' or '}' after property value); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it."
        }
      }
    });
  });

  it('names the JSON path of a bad value', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'app-role-assignments.json');
    const pages = JSON.parse(readFileSync(file, 'utf8')) as Array<{ value: Array<Record<string, unknown>> }>;
    (pages[1]?.value[0] as Record<string, unknown>).principalType = 'Device';
    writeFileSync(file, JSON.stringify(pages));
    const app = await open();

    const result = await app.invoke('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [folder] } });

    expect(result.ok ? null : result.error.details).toEqual({
      file,
      location: '$[1].value[0].principalType',
      problem: 'expected "User", "Group" or "ServicePrincipal", found "Device".'
    });
  });

  it('rejects an invalid SCIM URL', async () => {
    const app = await open();
    const result = await app.invoke('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [join(SAMPLES_DIR, 'graph')] }, sentryBaseUrl: 'not a url' });

    expect(result.ok ? null : result.error.code).toBe('import_sentry_url_invalid');
  });

  it('rejects relative and absent paths', async () => {
    const app = await open();
    const relative = await app.invoke('import:preview', { source: { kind: 'pick', pick: 'files', paths: ['samples/users.json'] } });
    const absent = await app.invoke('import:preview', { source: { kind: 'pick', pick: 'files' } });

    expect(relative.ok ? null : relative.error.message).toBe('import:preview needs absolute paths; "samples/users.json" is relative.');
    expect(absent.ok ? null : absent.error.code).toBe('invalid_request');
  });
});

describe('import:preview with dropped files', () => {
  const names = [
    'app-role-assignments.json',
    'capture-info.json',
    'group-members.96e0a000-0000-4000-8000-000000000001.json',
    'group-transitive-members.96e0a000-0000-4000-8000-000000000001.json',
    'groups.json',
    'organization.json',
    'provisioning-jobs.json',
    'provisioning-logs.json',
    'provisioning-schema.json',
    'provisioning-scope.json',
    'sentry-teams.json',
    'sentry-users.json',
    'service-principal.json',
    'users.json'
  ];

  it('matches the picked folder', async () => {
    const app = await open();
    const picked = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [powershell] } });
    const result = await app.call('import:preview', { source: { kind: 'dropped', files: dropped(powershell, names) } });
    if (picked.cancelled || result.cancelled) throw new Error('a preview was cancelled');

    expect(result.summary.files.map((file) => file.path)).toEqual(names.map(() => null));
    expect(result.summary.files.map((file) => ({ ...file, path: null }))).toEqual(picked.summary.files.map((file) => ({ ...file, path: null })));
    expect(result.summary.outline).toEqual(picked.summary.outline);
    expect(result.summary.warnings.join('\n')).not.toContain(app.dropDir);
  });

  it('names a bad dropped file by its name', async () => {
    const app = await open();
    const files = dropped(powershell, names);
    files[files.length - 1] = { name: 'users.json', contentBase64: Buffer.from('[{"id": }]').toString('base64') };

    const result = await app.invoke('import:preview', { source: { kind: 'dropped', files } });

    expect(result.ok ? null : result.error.details).toEqual({
      file: 'users.json',
      // JSON.parse names no position for this error, so the importer names none either.
      location: null,
      problem: "invalid JSON (Unexpected token '}', \"[{\"id\": }]\" is not valid JSON); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it."
    });
    expect(await listFolder(app.dropDir)).toEqual([]);
  });

  it('rejects a drop over the total limit', async () => {
    const app = await open();
    // Five files just under the per-file limit add up to more than one drop may hold.
    const content = 'A'.repeat(Math.floor(MAX_DROPPED_FILE_BYTES / 3) * 4);
    const files = [1, 2, 3, 4, 5].map((index) => ({ name: `part-${index}.json`, contentBase64: content }));

    const result = await app.invoke('import:preview', { source: { kind: 'dropped', files } });

    expect(result.ok ? null : result.error.code).toBe('invalid_request');
    expect(result.ok ? null : result.error.details).toEqual({ field: 'source.files', totalBytes: 5 * (Math.floor(MAX_DROPPED_FILE_BYTES / 3) * 3) });
    expect(await listFolder(app.dropDir)).toEqual([]);
  });

  it('rejects names with folders', async () => {
    const app = await open();
    const result = await app.invoke('import:preview', { source: { kind: 'dropped', files: [{ name: '../users.json', contentBase64: '' }] } });

    expect(result.ok ? null : result.error.code).toBe('invalid_request');
    expect(await listFolder(app.dropDir)).toEqual([]);
  });

  it('removes dropped files when the preview ends', async () => {
    const app = await open();
    const result = await app.call('import:preview', { source: { kind: 'dropped', files: dropped(powershell, names) } });
    if (result.cancelled) throw new Error('the preview was cancelled');
    expect(await listFolder(app.dropDir)).toHaveLength(1);

    expect(await app.call('import:discard', { previewId: result.previewId })).toEqual({ discarded: true });
    expect(await listFolder(app.dropDir)).toEqual([]);
  });
});

describe('import:commit', () => {
  it('writes exactly one snapshot', async () => {
    const app = await open();
    const preview = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [powershell] } });
    if (preview.cancelled) throw new Error('the preview was cancelled');

    const { snapshotId } = await app.call('import:commit', { previewId: preview.previewId });

    expect(await app.snapshotIds()).toEqual([snapshotId]);
    const list = await app.call('snapshots:list', {});
    expect(list.snapshots.map((summary) => [summary.id, summary.origin, summary.appDisplayName, summary.sentryOrg])).toEqual([[snapshotId, 'import', 'Sentry', 'contoso']]);
    expect(list.snapshots[0]?.counts).toEqual({ entraUsers: 5, assignments: 4, groups: 2, scimUsers: 4, scimGroups: 2 });

    const again = await app.invoke('import:commit', { previewId: preview.previewId });
    expect(again.ok ? null : again.error.code).toBe('import_preview_not_found');
    expect(await app.snapshotIds()).toEqual([snapshotId]);
  });

  it('writes the same snapshot as the importer', async () => {
    const app = await open();
    const preview = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [powershell] } });
    if (preview.cancelled) throw new Error('the preview was cancelled');
    const { snapshotId } = await app.call('import:commit', { previewId: preview.previewId });

    const expected = await importFiles([powershell]);
    const detail = await app.call('snapshots:get', { ref: snapshotId });
    expect(detail.population).toBe(expected.snapshot?.meta.population);
    expect(detail.warnings).toEqual(expected.snapshot?.meta.warnings);
  });

  it('keeps dropped file paths out of the snapshot', async () => {
    const app = await open();
    const folder = copySamples('graph');
    const names = (await listFolder(folder)).filter((name) => name.endsWith('.json'));
    // A member list of an unassigned group gives a warning that names its file.
    const extra = join(folder, 'group-members.11111111-2222-4333-8444-555555555555.json');
    writeFileSync(extra, JSON.stringify({ value: [] }));
    const preview = await app.call('import:preview', { source: { kind: 'dropped', files: dropped(folder, [...names, 'group-members.11111111-2222-4333-8444-555555555555.json']) }, sentryBaseUrl: SENTRY_URL });
    if (preview.cancelled) throw new Error('the preview was cancelled');

    const { snapshotId } = await app.call('import:commit', { previewId: preview.previewId });

    const detail = await app.call('snapshots:get', { ref: snapshotId });
    expect(detail.warnings.join('\n')).not.toContain(app.dropDir);
    expect(detail.warnings.join('\n')).toContain('(group-members.11111111-2222-4333-8444-555555555555.json at $) was not used');
    expect(await listFolder(app.dropDir)).toEqual([]);
  });

  it('writes nothing while parts are missing', async () => {
    const app = await open();
    const preview = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [join(SAMPLES_DIR, 'graph')] } });
    if (preview.cancelled) throw new Error('the preview was cancelled');

    const result = await app.invoke('import:commit', { previewId: preview.previewId });

    expect(result.ok ? null : result.error.code).toBe('import_incomplete');
    expect(result.ok ? null : result.error.details).toEqual({
      missing: [
        {
          code: 'sentryBaseUrl',
          group: null,
          groupId: null,
          userCount: null,
          users: null,
          text: "Sentry's SCIM base URL: pass --sentry-url (Settings > Auth > SCIM Information in Sentry), or add the capture script's capture-info.json."
        }
      ]
    });
    expect(await app.snapshotIds()).toEqual([]);
  });

  it('writes nothing when the workspace fails', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'roster-import-app-blocker-')), 'not-a-folder');
    folders.push(blocker);
    writeFileSync(blocker, 'a file where the workspace folder should be');
    const app = await open({ workspaceDir: join(blocker, 'workspace') });
    const preview = await app.call('import:preview', { source: { kind: 'pick', pick: 'folder', paths: [powershell] } });
    if (preview.cancelled) throw new Error('the preview was cancelled');

    const result = await app.invoke('import:commit', { previewId: preview.previewId });

    expect(result.ok ? null : result.error.code).toBe('workspace_unavailable');
    expect(result.ok ? null : (result.error.details as { workspaceDir: string }).workspaceDir).toBe(join(blocker, 'workspace'));
    expect(await readFile(blocker, 'utf8')).toBe('a file where the workspace folder should be');
  });

  it('fails on an unknown preview', async () => {
    const app = await open();
    const result = await app.invoke('import:commit', { previewId: 'no-such-preview' });

    expect(result.ok ? null : result.error).toEqual({
      code: 'import_preview_not_found',
      message: 'No import preview no-such-preview: it was written, discarded or replaced by newer ones. Read the files again.',
      details: { previewId: 'no-such-preview' }
    });
  });
});
