import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotId } from '../../src-main/model/snapshot';
import { Workspace, contentSha256, loadSqlJs, newSnapshotId, openSnapshotFile } from '../../src-main/store';
import { indexSchema } from '../../src-main/store/migrations/index';
import { latestVersion } from '../../src-main/store/migrations/runner';
import { snapshotSchema } from '../../src-main/store/migrations/snapshot';
import { makeTempDir, sampleData, sampleMeta } from './fixture';

let dir: string;
let cleanup: () => Promise<void>;
let workspace: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  workspace = await Workspace.open(dir);
});

afterEach(async () => {
  workspace.close();
  await cleanup();
});

const ID_A = '20260103-120000-aaaaaa' as SnapshotId;
const ID_B = '20260104-090000-bbbbbb' as SnapshotId;

function snapshotPath(id: string): string {
  return join(dir, 'snapshots', `${id}.sqlite`);
}

/** Rewrites a snapshot file after running `sql` on it, the way someone editing it with a SQLite tool would. */
async function editWithSql(path: string, sql: string): Promise<void> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await readFile(path));
  db.exec(sql);
  await writeFile(path, db.export());
  db.close();
}

describe('Workspace round trip', () => {
  it('reads back exactly what was written', async () => {
    const meta = await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const snapshot = await workspace.readSnapshot(ID_A);

    expect(snapshot.data).toEqual(sampleData());
    expect(snapshot.meta).toEqual({ ...sampleMeta(), id: ID_A, contentSha256: contentSha256(sampleData()) });
    expect(meta).toEqual(snapshot.meta);
  });

  it('keeps null logs, job and schema', async () => {
    const data = sampleData();
    data.entra.provisioningLogs = null;
    data.entra.provisioningJob = { ...data.entra.provisioningJob!, quarantine: null, lastExecution: null, syncAll: null };
    data.entra.provisioningSchema = null;
    await workspace.writeSnapshot({ meta: sampleMeta(), data, id: ID_A });

    expect((await workspace.readSnapshot(ID_A)).data).toEqual(data);
  });

  it('keeps empty logs apart from null', async () => {
    const data = sampleData();
    data.entra.provisioningLogs = [];
    data.entra.provisioningJob = null;
    await workspace.writeSnapshot({ meta: sampleMeta(), data, id: ID_A });
    const read = await workspace.readSnapshot(ID_A);

    expect(read.data.entra.provisioningLogs).toEqual([]);
    expect(read.data.entra.provisioningJob).toBeNull();
  });

  it('keeps order across insert batches', async () => {
    const data = sampleData();
    const template = data.entra.users[0]!;
    // 70 users and addresses span two full 32-row inserts and a remainder.
    data.entra.users = Array.from({ length: 70 }, (_, index) => ({ ...template, id: `u-${(70 - index) * 7919 % 1000}`, proxyAddresses: [`SMTP:u${index}@contoso.example`] }));
    data.sentry.users = Array.from({ length: 70 }, (_, index) => ({ ...data.sentry.users[0]!, id: String(1000 - index), emails: [{ value: `u${index}@contoso.example`, primary: index % 2 === 0, type: null }] }));
    await workspace.writeSnapshot({ meta: sampleMeta(), data, id: ID_A });

    expect((await workspace.readSnapshot(ID_A)).data).toEqual(data);
  });

  it('names new ids after createdAt', async () => {
    const meta = await workspace.writeSnapshot({ meta: sampleMeta('2026-02-03T04:05:06.789Z'), data: sampleData() });

    expect(meta.id).toMatch(/^20260203-040506-[0-9a-f]{6}$/);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`${meta.id}.sqlite`]);
  });

  it('reads a standalone file', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });

    expect((await openSnapshotFile(snapshotPath(ID_A))).data).toEqual(sampleData());
  });

  it('stores content in queryable tables', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const SQL = await loadSqlJs();
    const db = new SQL.Database(await readFile(snapshotPath(ID_A)));

    const result = db.exec("SELECT u.display_name, a.address FROM entra_user u JOIN entra_user_proxy_address a ON a.user_id = u.id WHERE u.id = 'u-2' ORDER BY a.position");
    expect(result[0]?.values).toEqual([['Zoë 山田 🚀', 'SMTP:zoe@contoso.example'], ['Zoë 山田 🚀', 'smtp:zoë@contoso.example']]);
    db.close();
  });
});

describe('Workspace list and resolveId', () => {
  it('lists summaries newest first', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta('2026-01-03T12:00:00.000Z'), data: sampleData(), id: ID_A });
    await workspace.writeSnapshot({ meta: { ...sampleMeta('2026-01-04T09:00:00.000Z'), origin: 'import', warnings: [] }, data: sampleData(), id: ID_B });

    expect(workspace.list()).toEqual([
      {
        id: ID_B,
        createdAt: '2026-01-04T09:00:00.000Z',
        origin: 'import',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        appDisplayName: 'Sentry',
        sentryOrg: 'acme',
        contentSha256: contentSha256(sampleData()),
        counts: { entraUsers: 2, assignments: 2, groups: 2, scimUsers: 2, scimGroups: 2 },
        warningCount: 0,
        unavailableCount: 2
      },
      expect.objectContaining({ id: ID_A, origin: 'live', warningCount: 1 })
    ]);
  });

  it('resolves latest to the newest', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta('2026-01-04T09:00:00.000Z'), data: sampleData(), id: ID_B });
    await workspace.writeSnapshot({ meta: sampleMeta('2026-01-03T12:00:00.000Z'), data: sampleData(), id: ID_A });

    expect(workspace.resolveId('latest')).toBe(ID_B);
    expect(workspace.resolveId(ID_A)).toBe(ID_A);
  });

  it('tells an empty workspace to fetch', () => {
    expect(() => workspace.resolveId('latest')).toThrow(`Workspace ${dir} has no complete snapshots. Run \`roster fetch\` to capture one.`);
  });

  it('tells an unknown id how to list ids', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });

    expect(() => workspace.resolveId('20990101-000000-000000')).toThrow(`No snapshot '20990101-000000-000000' in workspace ${dir}. Run \`roster snapshots\` to see the ids, or use 'latest'.`);
  });

  it('sees writes of another instance', async () => {
    const other = await Workspace.open(dir);
    await other.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    other.close();

    expect(workspace.list().map((summary) => summary.id)).toEqual([ID_A]);
  });
});

describe('Workspace writes', () => {
  it('never replaces an existing snapshot', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const before = await readFile(snapshotPath(ID_A));
    const changed = sampleData();
    changed.sentry.orgSlug = 'other';

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: changed, id: ID_A })).rejects.toThrow(
      `Snapshot ${ID_A} already exists in ${dir}, and snapshots are never replaced. Omit the id to get a new one.`
    );
    expect(await readFile(snapshotPath(ID_A))).toEqual(before);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`${ID_A}.sqlite`]);
  });

  it('rejects a duplicate user id', async () => {
    const data = sampleData();
    data.entra.users.push({ ...data.entra.users[0]! });

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data })).rejects.toThrow(
      "Invalid snapshot data, so nothing was written: entra.users contains the user id 'u-2' twice. Each must appear once, so remove the duplicate in the capture or import."
    );
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
  });

  it('rejects a missing field with its path', async () => {
    const data = sampleData() as unknown as { sentry: { users: Array<Record<string, unknown>> } };
    delete data.sentry.users[1]!.userName;

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: data as never })).rejects.toThrow(/^Invalid snapshot data, so nothing was written: sentry\.users\.1\.userName: /);
  });

  it('rejects a non-UTC createdAt', async () => {
    await expect(workspace.writeSnapshot({ meta: sampleMeta('2026-01-03T12:00:00+02:00'), data: sampleData() })).rejects.toThrow(
      'Invalid snapshot metadata, so nothing was written: createdAt: expected an ISO 8601 UTC timestamp ending in Z. Fix the capture or import that produced it.'
    );
  });

  it('rejects a malformed id', async () => {
    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: '../evil' as SnapshotId })).rejects.toThrow(
      "Invalid snapshot id '../evil': expected YYYYMMDD-HHMMSS-xxxxxx (UTC time and 6 lowercase hex digits), e.g. 20260131-142501-3fa9c2."
    );
  });

  it('cancels before the rename', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A, signal: controller.signal })).rejects.toThrow('user cancelled');
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
    expect(workspace.list()).toEqual([]);
  });
});

describe('Workspace delete', () => {
  it('removes the row and the file', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    await workspace.writeSnapshot({ meta: sampleMeta('2026-01-04T09:00:00.000Z'), data: sampleData(), id: ID_B });
    await workspace.deleteSnapshot(ID_B);

    expect(workspace.list().map((summary) => summary.id)).toEqual([ID_A]);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`${ID_A}.sqlite`]);
    expect(workspace.resolveId('latest')).toBe(ID_A);
  });

  it('rejects an unknown id', async () => {
    await expect(workspace.deleteSnapshot(ID_A)).rejects.toThrow(`Cannot delete snapshot '${ID_A}': it is not in workspace ${dir}. Run \`roster snapshots\` to see the ids.`);
  });
});

describe('Workspace verification', () => {
  it('rejects an edited byte', async () => {
    const meta = await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const bytes = await readFile(snapshotPath(ID_A));
    const at = bytes.indexOf('ops@contoso.example');
    expect(bytes.indexOf('ops@contoso.example', at + 1)).toBe(-1);
    bytes[at + 2] = 't'.charCodeAt(0);
    await writeFile(snapshotPath(ID_A), bytes);

    const tampered = sampleData();
    tampered.sentry.users[1]!.userName = 'opt@contoso.example';
    await expect(workspace.readSnapshot(ID_A)).rejects.toThrow(
      `${snapshotPath(ID_A)} failed verification: its content hashes to ${contentSha256(tampered)}, but the file records ${meta.contentSha256}. ` +
        'The file was changed after Roster wrote it, so it cannot be trusted. Capture a new snapshot or restore this file from a backup.'
    );
  });

  it('rejects a value changed with SQLite', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    await editWithSql(snapshotPath(ID_A), "UPDATE entra_user SET account_enabled = 1 WHERE id = 'u-2'");

    await expect(workspace.readSnapshot(ID_A)).rejects.toThrow(/failed verification: its content hashes to [0-9a-f]{64}, but the file records/);
    await expect(openSnapshotFile(snapshotPath(ID_A))).rejects.toThrow(/failed verification/);
  });

  it('rejects edited metadata', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    await editWithSql(snapshotPath(ID_A), "UPDATE snapshot_meta SET tenant_id = 'other-tenant'");

    await expect(workspace.readSnapshot(ID_A)).rejects.toThrow(/failed verification: its metadata hashes to [0-9a-f]{64}, but the file records/);
  });

  it('rejects a newer snapshot format', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const newest = latestVersion(snapshotSchema);
    await editWithSql(snapshotPath(ID_A), `PRAGMA user_version = ${newest + 1}`);

    await expect(workspace.readSnapshot(ID_A)).rejects.toThrow(
      `${snapshotPath(ID_A)} was written by a newer Roster: its snapshot file format is version ${newest + 1}, and this Roster supports up to version ${newest}. Update Roster to open it.`
    );
  });

  it('rejects a newer index format', async () => {
    workspace.close();
    const newest = latestVersion(indexSchema);
    await editWithSql(join(dir, 'workspace.sqlite'), `PRAGMA user_version = ${newest + 3}`);

    await expect(Workspace.open(dir)).rejects.toThrow(
      `${join(dir, 'workspace.sqlite')} was written by a newer Roster: its workspace index format is version ${newest + 3}, and this Roster supports up to version ${newest}. Update Roster to open it.`
    );
    workspace = await Workspace.open(join(dir, 'fresh'));
  });
});

describe('damaged files', () => {
  it('rejects random bytes', async () => {
    const path = join(dir, 'random.sqlite');
    await writeFile(path, Buffer.from('4f1c9a2be37d5e608a1f4c9b2e7d3a5f60718293a4b5c6d7e8f90a1b2c3d4e5f'.repeat(4), 'hex'));

    await expect(openSnapshotFile(path)).rejects.toThrow(
      `${path} is not a Roster file: it is not a SQLite database. It may be damaged or belong to another program. Restore it from a backup, or choose the right file.`
    );
  });

  it('rejects a truncated file', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const bytes = await readFile(snapshotPath(ID_A));
    const path = join(dir, 'half.sqlite');
    await writeFile(path, bytes.subarray(0, 4096));

    await expect(openSnapshotFile(path)).rejects.toThrow(
      `${path} is truncated: its header describes ${bytes.byteLength} bytes, but the file has 4096. The copy or download was incomplete. Copy the file again from its source or restore it from a backup.`
    );
  });

  it('rejects another program database', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')");
    const path = join(dir, 'places.sqlite');
    await writeFile(path, db.export());
    db.close();

    await expect(openSnapshotFile(path)).rejects.toThrow(
      `${path} is a SQLite database but not a Roster snapshot file (application_id 0x00000000, expected 0x52535453). Choose a snapshot file written by Roster.`
    );
  });

  it('rejects the index as a snapshot', async () => {
    const path = join(dir, 'workspace.sqlite');

    await expect(openSnapshotFile(path)).rejects.toThrow(`${path} is a SQLite database but not a Roster snapshot file (application_id 0x52535449, expected 0x52535453).`);
  });

  it('rejects a missing file', async () => {
    const path = join(dir, 'nowhere.sqlite');

    await expect(openSnapshotFile(path)).rejects.toThrow(`Cannot read the snapshot file ${path}: it does not exist.`);
  });

  it('rejects a damaged index', async () => {
    workspace.close();
    const indexPath = join(dir, 'workspace.sqlite');
    await writeFile(indexPath, 'not a database at all, just some text that is long enough to fill a header of one hundred bytes....');

    await expect(Workspace.open(dir)).rejects.toThrow(`${indexPath} is not a Roster file: it is not a SQLite database.`);
    workspace = await Workspace.open(join(dir, 'fresh'));
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder without write permission', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    try {
      await expect(Workspace.open(join(locked, 'ws'))).rejects.toThrow(
        `Cannot create the workspace folder ${join(locked, 'ws', 'snapshots')}: permission denied. Choose a workspace folder you can write to, or fix the folder's permissions.`
      );
    } finally {
      await chmod(locked, 0o700);
    }
  });
});

describe('newSnapshotId', () => {
  it('formats the UTC time', () => {
    expect(newSnapshotId(new Date('2026-12-31T23:59:58.999Z'))).toMatch(/^20261231-235958-[0-9a-f]{6}$/);
  });

  it('rejects an invalid date', () => {
    expect(() => newSnapshotId(new Date('nonsense'))).toThrow('Cannot create a snapshot id from an invalid date. Pass the capture time as a valid Date.');
  });
});

describe('Workspace.open', () => {
  it('rejects a file as folder', async () => {
    const file = join(dir, 'plain.txt');
    await writeFile(file, 'not a folder');

    await expect(Workspace.open(file)).rejects.toThrow(
      `Cannot create the workspace folder ${join(file, 'snapshots')}: a file is in the way where a folder is expected. Choose another workspace folder, or move the file.`
    );
  });

  it('creates the folder and index', async () => {
    const nested = join(dir, 'a', 'b');
    const created = await Workspace.open(nested);

    expect((await readdir(nested)).sort()).toEqual(['snapshots', 'workspace.sqlite']);
    expect(created.dir).toBe(nested);
    expect(created.list()).toEqual([]);
    created.close();
    await rm(nested, { recursive: true });
  });
});
