import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src-main/store';
import { copySamples, readJson, runInProcess, snapshotFiles, writeJson } from './helpers';

const SENTRY_URL = 'https://sentry.io/api/0/organizations/contoso/scim/v2';
const G1 = '96e0a000-0000-4000-8000-000000000001';

const folders: string[] = [];

function workspaceDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roster-ws-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Imports `paths`, expects exit 1 with `message`, and checks that the workspace contains no snapshot. */
async function expectRejected(paths: string[], message: string): Promise<void> {
  const workspace = workspaceDir();
  const run = await runInProcess(['import', ...paths, '--workspace', workspace, '--sentry-url', SENTRY_URL]);

  expect(run.stderr).toBe(`roster import: ${message}`);
  expect(run.status).toBe(1);
  expect(snapshotFiles(workspace)).toEqual([]);
  const opened = await Workspace.open(workspace);
  try {
    expect(opened.list()).toEqual([]);
  } finally {
    opened.close();
  }
}

describe('import rejects malformed files', () => {
  it('JSON syntax error names line and column', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'users.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"accountEnabled": true,\n      "employeeId": "E1001"', '"accountEnabled": true\n      "employeeId": "E1001"'));

    await expectRejected([folder], `${file}, line 14, column 7: invalid JSON (Expected ',' or '}' after property value); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it.`);
  });

  it('unknown principal type names the JSON path', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'app-role-assignments.json');
    const pages = readJson(file) as Array<{ value: Array<Record<string, unknown>> }>;
    (pages[1]?.value[0] as Record<string, unknown>).principalType = 'Device';
    writeJson(file, pages);

    await expectRejected([folder], `${file}, $[1].value[0].principalType: expected "User", "Group" or "ServicePrincipal", found "Device".`);
  });

  it('missing assignment page fails the count check', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'app-role-assignments.json');
    writeJson(file, (readJson(file) as unknown[]).slice(0, 1));

    await expectRejected([folder], `${file}, $[0]['@odata.count']: Graph announced 4 app role assignments, but the files hold 2 distinct ones. A page is missing: export every page, following @odata.nextLink until a page has none.`);
  });

  it('two tenants stop the import', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'organization.json');
    const page = readJson(file) as { value: Array<Record<string, unknown>> };
    (page.value[0] as Record<string, unknown>).id = '11111111-2222-4333-8444-555555555555';
    writeJson(file, page);

    await expectRejected(
      [folder],
      `${join(folder, 'provisioning-jobs.json')}, $.value[0]: names tenant 3c9f1a526d0e4b7a9e215f8d2c4b7a10, but ${file} at $.value[0] names tenant 11111111-2222-4333-8444-555555555555. A snapshot covers one tenant; import the files of one tenant only.`
    );
  });

  it('same user with different values names both files', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'users2.json');
    const page = readJson(join(folder, 'users.json')) as { value: Array<Record<string, unknown>> };
    (page.value[1] as Record<string, unknown>).accountEnabled = false;
    writeJson(file, page);

    await expectRejected(
      [folder],
      `${file}, $.value[1]: User 0a1d0000-0000-4000-8000-000000000006 has accountEnabled false, but ${join(folder, 'users.json')} at $.value[1] gives true. The files come from different exports; export them again at one time.`
    );
  });

  it('missing member page fails the count check', async () => {
    const folder = copySamples('graph');
    rmSync(join(folder, `group-members.${G1}.page2.json`));

    await expectRejected([folder], `${join(folder, 'group-members-engineering-page1.json')}, $['@odata.count']: Graph announced 3 members of group ${G1}, but the files hold 2 distinct ones. A page is missing: export every page, following @odata.nextLink until a page has none.`);
  });

  it('missing SCIM page fails the total check', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'sentry-users.json');
    writeJson(file, (readJson(file) as unknown[]).slice(1));

    await expectRejected([folder], `${file}, $[0].totalResults: Sentry announced 4 users, but the files hold 2 distinct ones. A page is missing: download every page, raising startIndex by the page size until totalResults is reached.`);
  });

  it('SCIM pages of different listings', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'sentry-users.json');
    const pages = readJson(file) as Array<Record<string, unknown>>;
    (pages[1] as Record<string, unknown>).totalResults = 5;
    writeJson(file, pages);

    await expectRejected([folder], `${file}, $[1].totalResults: announces 5 users, but ${file} at $[0] announces 4. The pages come from different listings; download them again at one time.`);
  });

  it('member page without a group id', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'members-page.json');
    const page = readJson(join(folder, `group-members.${G1}.page2.json`));
    writeJson(file, page);

    await expectRejected([folder], `${file}, $: this page of directory objects looks like a group's member list but names no group. Put the group's object id in the file name, e.g. group-members.<group id>.json.`);
  });

  it('object of no known kind', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'device.json');
    writeJson(file, { id: 'd1', deviceId: 'x', operatingSystem: 'Windows' });

    await expectRejected([folder], `${file}, $: not an object Roster reads; expected a Graph user, group, servicePrincipal, appRoleAssignment, synchronizationJob, provisioningObjectSummary, or a SCIM User or Group.`);
  });

  it('CSV row with too few cells', async () => {
    const folder = copySamples('portal');
    const file = join(folder, `group-members.${G1}.csv`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(';Member;User\r\n0a1d', ';User\r\n0a1d'));

    await expectRejected([folder], `${file}, line 2: expected 5 cells separated by semicolons as in the header, found 4.`);
  });

  it('CSV flag that is not True or False', async () => {
    const folder = copySamples('portal');
    const file = join(folder, 'users.csv');
    writeFileSync(file, 'objectId,userPrincipalName,accountEnabled\n0a1d0000-0000-4000-8000-000000000001,ada.lovelace@contoso.example,maybe\n');

    await expectRejected([folder], `${file}, line 2, column "accountEnabled": expected True or False, found "maybe".`);
  });

  it('CSV quoted field never closed', async () => {
    const folder = copySamples('portal');
    const file = join(folder, 'users.csv');
    writeFileSync(file, 'objectId,userPrincipalName,displayName\n0a1d0000-0000-4000-8000-000000000001,ada.lovelace@contoso.example,"Ada\n');

    await expectRejected([folder], `${file}, line 2: a quoted field is never closed; expected a closing double quote (").`);
  });

  it('CSV in a legacy code page', async () => {
    const folder = copySamples('portal');
    const file = join(folder, 'users.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('objectId,userPrincipalName,displayName\n0a1d0000-0000-4000-8000-000000000007,juergen.gross@contoso.example,J'), Buffer.from([0xfc]), Buffer.from('rgen\n')]));

    await expectRejected([folder], `${file}, byte 107: the file is not valid UTF-8. Save it again as "CSV UTF-8" or UTF-16 "Unicode text", or export it as JSON.`);
  });

  it('CSV with PowerShell type names', async () => {
    const folder = copySamples('portal');
    const file = join(folder, 'users.csv');
    writeFileSync(file, 'Id,UserPrincipalName,ProxyAddresses\n0a1d0000-0000-4000-8000-000000000001,ada.lovelace@contoso.example,System.Object[]\n');

    await expectRejected([folder], `${file}, line 2, column "ProxyAddresses": PowerShell wrote the type name instead of the values. Join lists with -join ";" before Export-Csv, or export JSON with ConvertTo-Json -Depth 10.`);
  });

  it('JSON cut at the default depth', async () => {
    const folder = copySamples('powershell');
    const file = join(folder, 'service-principal.json');
    const items = readJson(file) as Array<Record<string, unknown>>;
    (items[0] as Record<string, unknown>).AppRoles = ['Microsoft.Graph.PowerShell.Models.MicrosoftGraphAppRole'];
    writeJson(file, items);

    await expectRejected([folder], `${file}, $[0].AppRoles[0]: found the type name "Microsoft.Graph.PowerShell.Models.MicrosoftGraphAppRole" where an object was expected: ConvertTo-Json stopped at its default depth of 2. Export again with ConvertTo-Json -Depth 10 or deeper.`);
  });

  it('assignment of another app', async () => {
    const folder = copySamples('powershell');
    const file = join(folder, 'app-role-assignments.json');
    const items = readJson(file) as Array<Record<string, unknown>>;
    (items[2] as Record<string, unknown>).ResourceId = '99999999-aaaa-4bbb-8ccc-dddddddddddd';
    writeJson(file, items);

    await expectRejected([folder], `${file}, $[2].resourceId: the assignment belongs to service principal 99999999-aaaa-4bbb-8ccc-dddddddddddd, not to the exported app 'Sentry' (5e0b7c1d-2a3f-4e5d-8c6b-1a2b3c4d5e01). Export the assignments of that app only.`);
  });
  it('second service principal', async () => {
    const folder = copySamples('graph');
    const file = join(folder, 'service-principal2.json');
    writeJson(file, { id: '5e0b7c1d-2a3f-4e5d-8c6b-1a2b3c4d5e99', appId: '8f1e2d3c-4b5a-4697-a8b9-0c1d2e3f4a99', displayName: 'Sentry (test)', appRoles: [] });

    await expectRejected([folder], `${file}, $: a second service principal, 'Sentry (test)' (5e0b7c1d-2a3f-4e5d-8c6b-1a2b3c4d5e99), besides 'Sentry' in ${join(folder, 'service-principal.json')} at $.value[0]. Export only the Sentry enterprise app's service principal.`);
  });

  it('invalid Sentry URL', async () => {
    const folder = copySamples('graph');
    const workspace = workspaceDir();

    const run = await runInProcess(['import', folder, '--workspace', workspace, '--sentry-url', 'http://sentry.example/api/0/organizations/contoso/scim/v2']);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'roster import: --sentry-url: Invalid Sentry SCIM URL "http://sentry.example/api/0/organizations/contoso/scim/v2": it must be an https:// URL (http:// only for localhost). Copy the "SCIM Base URL" from Sentry: Settings > Auth > SCIM Information, e.g. https://sentry.io/api/0/organizations/acme/scim/v2.'
    );
    expect(snapshotFiles(workspace)).toEqual([]);
  });
});

describe('import names missing parts', () => {
  it('no SCIM teams writes nothing', async () => {
    const folder = copySamples('powershell');
    rmSync(join(folder, 'sentry-teams.json'));
    const workspace = workspaceDir();

    const run = await runInProcess(['import', folder, '--workspace', workspace]);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe('roster import: no snapshot was written: 1 part(s) an audit needs are missing from the files (listed above).');
    expect(run.stdout).toContain('Missing for an audit (no snapshot can be written until these are exported):\n  - The Sentry teams: download every page of GET <SCIM base URL>/Groups into sentry-teams.json.');
    expect(snapshotFiles(workspace)).toEqual([]);
  });

  it('no members of an assigned group', async () => {
    const folder = copySamples('powershell');
    rmSync(join(folder, `group-members.${G1}.json`));
    rmSync(join(folder, `group-transitive-members.${G1}.json`));
    const workspace = workspaceDir();

    const run = await runInProcess(['import', folder, '--workspace', workspace]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`  - The members of assigned group 'Engineering' (${G1}): export GET /groups/${G1}/members as group-members.${G1}.json.`);
    expect(snapshotFiles(workspace)).toEqual([]);
  });

  it('nested group without transitive members', async () => {
    const folder = copySamples('powershell');
    rmSync(join(folder, `group-transitive-members.${G1}.json`));

    const run = await runInProcess(['import', folder, '--dry-run', '--workspace', workspaceDir()]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`  - The transitive members of assigned group 'Engineering' (${G1}), which contains nested groups: export GET /groups/${G1}/transitiveMembers as group-transitive-members.${G1}.json.`);
  });

  it('no tenant, no app, no Sentry URL', async () => {
    const folder = copySamples('graph');
    for (const name of ['organization.json', 'service-principal.json', 'provisioning-jobs.json', 'provisioning-logs.json']) rmSync(join(folder, name));

    const run = await runInProcess(['import', folder, '--dry-run', '--workspace', workspaceDir()]);

    expect(run.status).toBe(1);
    const missing = run.stdout.slice(run.stdout.indexOf('Missing for an audit')).split('\n\n')[0];
    expect(missing).toBe(
      [
        'Missing for an audit (no snapshot can be written until these are exported):',
        '  - The tenant id: export GET /organization into organization.json.',
        "  - Sentry's SCIM base URL: pass --sentry-url (Settings > Auth > SCIM Information in Sentry), or add the capture script's capture-info.json.",
        "  - The Sentry enterprise app's service principal: export GET /servicePrincipals?$filter=appId eq '<app id>' into service-principal.json."
      ].join('\n')
    );
  });
});
