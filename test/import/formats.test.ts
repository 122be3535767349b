import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportIncompleteError, buildSnapshotFromImport, importFiles } from '../../src-main/import';
import { parseCsv } from '../../src-main/import/csv';
import { readCsv } from '../../src-main/import/csv-read';
import { normalizeKeys } from '../../src-main/import/json-read';
import { recognize } from '../../src-main/import/recognize';
import { decodeText } from '../../src-main/import/text-decode';
import { copySamples, readJson, writeJson } from './helpers';
import { SAMPLES } from './parity-seed';

const NOW = new Date('2025-01-08T00:00:00Z');
const SENTRY_URL = 'https://sentry.io/api/0/organizations/contoso/scim/v2';

describe('decodeText', () => {
  const text = 'id,displayName\r\n1,Jürgen\r\n';

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'), 'a.csv')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'a.csv')).toBe(text);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'a.txt')).toBe(text);
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]), 'a.txt')).toBe(text);
  });

  it('reads UTF-16 LE without BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf16le'), 'a.txt')).toBe(text);
  });

  it('rejects cut-off UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le').subarray(0, 7)]);
    expect(() => decodeText(bytes, 'a.txt')).toThrow('a.txt: the file looks like UTF-16LE but has an odd number of bytes, so it was cut off. Save or copy it again.');
  });
});

describe('parseCsv', () => {
  it('keeps quoted delimiters, quotes and line breaks', () => {
    const table = parseCsv('a,b,c\r\n"x,1","say ""hi""","two\r\nlines"\r\nlast,,\r\n\r\n', 'f.csv');

    expect(table.delimiter).toBe(',');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['x,1', 'say "hi"', 'two\r\nlines'] },
      { line: 4, cells: ['last', '', ''] }
    ]);
  });

  it('detects semicolons and tabs', () => {
    expect(parseCsv('a;b\n1;2\n', 'f.csv').delimiter).toBe(';');
    expect(parseCsv('a\tb\tc,d\n1\t2\t3,4\n', 'f.txt').rows[0]?.cells).toEqual(['1', '2', '3,4']);
  });

  it("follows Excel's sep= line", () => {
    const table = parseCsv('sep=;\na;b,c\n1;2,3\n', 'f.csv');
    expect(table.header).toEqual(['a', 'b,c']);
    expect(table.rows).toEqual([{ line: 3, cells: ['1', '2,3'] }]);
  });

  it("skips PowerShell's #TYPE line", () => {
    const table = parseCsv('#TYPE Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser\r\n"Id","UserPrincipalName"\r\n"u1","a@contoso.example"\r\n', 'f.csv');
    expect(table.header).toEqual(['Id', 'UserPrincipalName']);
    expect(table.rows).toEqual([{ line: 3, cells: ['u1', 'a@contoso.example'] }]);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"x"y,2\n', 'f.csv')).toThrow('f.csv, line 2: expected commas or the end of the line after a closing double quote, found "y".');
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('\r\n\r\n', 'f.csv')).toThrow('f.csv: the CSV file is empty; expected a header line and one line per row.');
  });
});

describe('readCsv', () => {
  it('reads the UTF-16 users download', () => {
    const file = fileURLToPath(new URL('portal/exportUsers_2025-1-8.txt', SAMPLES));
    const content = readCsv(decodeText(readFileSync(file), file), file);

    expect(content.kind).toBe('users');
    if (content.kind !== 'users') return;
    expect(content.columns).toEqual(['userPrincipalName', 'displayName', 'surname', 'mail', 'givenName', 'id', 'userType', 'accountEnabled', 'otherMails']);
    expect(content.items.at(-1)).toEqual({
      path: 'line 7',
      raw: {
        userPrincipalName: 'juergen.gross@contoso.example',
        displayName: 'Jürgen Groß',
        surname: 'Groß',
        mail: 'juergen.gross@contoso.example',
        givenName: 'Jürgen',
        id: '0a1d0000-0000-4000-8000-000000000007',
        userType: 'Member',
        accountEnabled: true,
        otherMails: []
      }
    });
    expect(content.items[2]?.raw.otherMails).toEqual(['chen@home.example']);
    expect(content.items[2]?.raw.accountEnabled).toBe(false);
  });

  it('reads German Excel booleans', () => {
    const content = readCsv('objectId;userPrincipalName;accountEnabled\r\nu1;a@contoso.example;WAHR\r\nu2;b@contoso.example;FALSCH\r\n', 'users.csv');

    expect(content.kind === 'users' ? content.items.map((item) => item.raw.accountEnabled) : null).toEqual([true, false]);
  });

  it('groups member rows by groupId column', () => {
    const content = readCsv('groupId;id;objectType\r\ng1;u1;User\r\ng2;u2;User\r\ng1;g9;Group\r\n', 'export.csv');

    expect(content).toEqual({
      kind: 'members',
      columns: ['groupId', 'id', 'objectType'],
      lists: [
        { target: { groupId: 'g1', relation: 'direct' }, items: [{ path: 'line 2', raw: { id: 'u1', '@odata.type': '#microsoft.graph.user' } }, { path: 'line 4', raw: { id: 'g9', '@odata.type': '#microsoft.graph.group' } }] },
        { target: { groupId: 'g2', relation: 'direct' }, items: [{ path: 'line 3', raw: { id: 'u2', '@odata.type': '#microsoft.graph.user' } }] }
      ]
    });
  });
});

describe('normalizeKeys', () => {
  it('turns PowerShell output into Graph JSON', () => {
    const member = { DeletedDateTime: null, Id: 'u1', CreatedDateTime: '/Date(1714641251123)/', AdditionalProperties: { '@odata.type': '#microsoft.graph.user', userPrincipalName: 'a@contoso.example' } };

    expect(normalizeKeys(member)).toEqual({ deletedDateTime: null, id: 'u1', createdDateTime: '2024-05-02T09:14:11.123Z', '@odata.type': '#microsoft.graph.user', userPrincipalName: 'a@contoso.example' });
  });

  it('leaves Graph JSON unchanged', () => {
    const user = { id: 'u1', userPrincipalName: 'a@contoso.example', proxyAddresses: ['SMTP:a@contoso.example'] };
    expect(normalizeKeys(user)).toEqual(user);
  });
});

describe('recognize', () => {
  const cases: Array<[string, Record<string, unknown>, string | null]> = [
    ['user', { id: 'u', userPrincipalName: 'a@contoso.example' }, 'user'],
    ['group', { id: 'g', displayName: 'G', securityEnabled: true }, 'group'],
    ['typed member', { '@odata.type': '#microsoft.graph.device', id: 'd' }, 'otherDirectoryObject'],
    ['assignment', { id: 'a', appRoleId: 'r', principalId: 'p' }, 'appRoleAssignment'],
    ['service principal', { id: 's', appId: 'x', appRoles: [] }, 'servicePrincipal'],
    ['job', { id: 'j', templateId: 'sentry', schedule: {} }, 'provisioningJob'],
    ['schema', { id: 'sentry', synchronizationRules: [] }, 'provisioningSchema'],
    ['scope', { key: 'SyncAll', value: 'false' }, 'provisioningScope'],
    ['log entry', { id: 'l', activityDateTime: '2025-01-01T00:00:00Z', provisioningAction: 'create' }, 'provisioningLog'],
    ['beta log entry', { id: 'l', activityDateTime: '2025-01-01T00:00:00Z', action: 'Create' }, 'provisioningLog'],
    ['organization', { id: 't', verifiedDomains: [] }, 'organization'],
    ['SCIM user', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: '1', userName: 'a@contoso.example' }, 'scimUser'],
    ['SCIM group', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: '2', displayName: 'T' }, 'scimGroup'],
    ['capture info', { rosterCapture: 1 }, 'captureInfo'],
    ['other object', { id: 'x', deviceId: 'y' }, null]
  ];

  it.each(cases)('%s', (_name, raw, kind) => {
    expect(recognize(raw)).toBe(kind);
  });
});

describe('importFiles', () => {
  it('accepts repeated and reordered pages', async () => {
    const original = await importFiles([fileURLToPath(new URL('graph/', SAMPLES))], { sentryBaseUrl: SENTRY_URL, now: NOW });
    const folder = copySamples('graph');
    const assignments = join(folder, 'app-role-assignments.json');
    writeJson(assignments, (readJson(assignments) as unknown[]).reverse());
    writeFileSync(join(folder, 'users-again.json'), readFileSync(join(folder, 'users.json')));
    const sentry = readJson(join(folder, 'sentry-users.json')) as unknown[];
    writeJson(join(folder, 'sentry-users.json'), [sentry[1], sentry[0], sentry[1]]);

    const shuffled = await importFiles([folder], { sentryBaseUrl: SENTRY_URL, now: NOW });

    expect(shuffled.missing).toEqual([]);
    expect(shuffled.snapshot?.data).toEqual(original.snapshot?.data);
    expect(shuffled.snapshot?.meta.sources.find((source) => source.source === 'scim.users')).toMatchObject({ rowsReceived: 4, apiTotal: 4, pages: 3 });
  });

  it('accepts JSON with a UTF-8 BOM', async () => {
    const folder = copySamples('powershell');
    const file = join(folder, 'users.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));

    const plan = await importFiles([folder], { now: NOW });

    expect(plan.missing).toEqual([]);
    expect(plan.snapshot?.data.entra.users.map((user) => user.userPrincipalName)).toEqual([
      'ada.lovelace@contoso.example',
      'ben.okafor@contoso.example',
      'chen.wu@contoso.example',
      'emil.nested@contoso.example',
      'fay.missing@contoso.example'
    ]);
  });

  it('records sources with API totals', async () => {
    const plan = await importFiles([fileURLToPath(new URL('graph/', SAMPLES))], { sentryBaseUrl: SENTRY_URL, now: NOW });

    expect(plan.snapshot?.meta.sources.map((source) => [source.source, source.rowsReceived, source.apiTotal, source.pages])).toEqual([
      ['graph.servicePrincipal', 1, null, 1],
      ['graph.assignments', 4, 4, 2],
      ['graph.groups', 2, null, 1],
      ['graph.memberships', 4, 7, 3],
      ['graph.users', 5, null, 1],
      ['graph.provisioningJob', 1, null, 1],
      ['graph.provisioningSchema', 1, null, 1],
      ['graph.provisioningLogs', 2, null, 1],
      ['scim.users', 4, 4, 2],
      ['scim.groups', 2, 2, 1]
    ]);
    expect(plan.snapshot?.meta.origin).toBe('import');
    expect(plan.snapshot?.meta.createdAt).toBe('2025-01-08T00:00:00.000Z');
    expect(plan.snapshot?.meta.unavailable).toEqual([]);
  });

  it('marks missing provisioning parts unavailable', async () => {
    const folder = copySamples('powershell');
    for (const name of ['provisioning-jobs.json', 'provisioning-schema.json', 'provisioning-scope.json', 'provisioning-logs.json']) rmSync(join(folder, name));

    const plan = await importFiles([folder], { now: NOW });

    expect(plan.missing).toEqual([]);
    expect(plan.snapshot?.data.entra.provisioningJob).toBeNull();
    expect(plan.snapshot?.data.entra.provisioningLogs).toBeNull();
    expect(plan.snapshot?.meta.unavailable).toEqual([
      { source: 'graph.provisioningJob', reason: 'not available: the imported files hold no provisioning job (provisioning-jobs.json)', missingPermission: null },
      { source: 'graph.provisioningSchema', reason: 'not available: the imported files hold no provisioning schema (provisioning-schema.json)', missingPermission: null },
      { source: 'graph.provisioningLogs', reason: 'not available: the imported files hold no provisioning logs (provisioning-logs.json)', missingPermission: null }
    ]);
  });

  it('refuses to build an incomplete snapshot', async () => {
    const folder = copySamples('powershell');
    rmSync(join(folder, 'sentry-users.json'));
    const plan = await importFiles([folder], { now: NOW });

    expect(plan.snapshot).toBeNull();
    expect(() => buildSnapshotFromImport(plan)).toThrow(ImportIncompleteError);
    expect(() => buildSnapshotFromImport(plan)).toThrow(
      'The files lack parts an audit needs, so no snapshot was written: The Sentry members: download every page of GET <SCIM base URL>/Users into sentry-users.json.'
    );
  });
});
