import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotId, SnapshotMeta } from '../../src-main/model/snapshot';
import { Workspace, contentSha256, loadSqlJs } from '../../src-main/store';
import { initialIndexSchema } from '../../src-main/store/migrations/index/001-initial';
import { indexSchema } from '../../src-main/store/migrations/index';
import { latestVersion, migrate, readUserVersion } from '../../src-main/store/migrations/runner';
import { decodeSnapshot } from '../../src-main/store/snapshot-decode';
import { encodeSnapshot } from '../../src-main/store/snapshot-encode';
import { makeTempDir, sampleData, sampleMeta } from './fixture';

let SQL: SqlJsStatic;

beforeAll(async () => {
  SQL = await loadSqlJs();
});

function sampleFullMeta(): SnapshotMeta {
  return { ...sampleMeta(), id: '20260103-120000-aaaaaa' as SnapshotId, contentSha256: contentSha256(sampleData()) };
}

describe('encodeSnapshot', () => {
  it('gives the same file for any size hint', () => {
    const plain = encodeSnapshot(SQL, sampleFullMeta(), sampleData(), 'x.sqlite');
    const roomy = encodeSnapshot(SQL, sampleFullMeta(), sampleData(), 'x.sqlite', 2_000_000);
    const tight = encodeSnapshot(SQL, sampleFullMeta(), sampleData(), 'x.sqlite', 10);

    expect(roomy.byteLength).toBe(plain.byteLength);
    expect(tight.byteLength).toBe(plain.byteLength);
    expect(decodeSnapshot(SQL, roomy, 'x.sqlite').data).toEqual(sampleData());
  });

  it('passes the SQLite integrity check', () => {
    const bytes = encodeSnapshot(SQL, sampleFullMeta(), sampleData(), 'x.sqlite', 2_000_000);
    const db = new SQL.Database(bytes);

    expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    db.close();
  });
});

describe('index upgrade', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });

  afterEach(async () => {
    await cleanup();
  });

  it('migrates a version 1 index on open', async () => {
    const old = new SQL.Database();
    migrate(old, { ...indexSchema, migrations: [initialIndexSchema] }, 'workspace.sqlite');
    await writeFile(join(dir, 'workspace.sqlite'), old.export());
    old.close();

    const workspace = await Workspace.open(dir);
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: '20260103-120000-aaaaaa' as SnapshotId });
    workspace.close();

    const upgraded = new SQL.Database(await readFile(join(dir, 'workspace.sqlite')));
    expect(readUserVersion(upgraded)).toBe(latestVersion(indexSchema));
    expect(upgraded.exec('SELECT id FROM snapshot')[0]?.values).toEqual([['20260103-120000-aaaaaa']]);
    upgraded.close();
  });
});
