import { copyFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SnapshotId } from '../../src-main/model/snapshot';
import { Workspace } from '../../src-main/store';
import { makeTempDir, sampleData, sampleMeta } from './fixture';

// Lets a test make the next rename onto a matching path fail, as a crash or full disk between the
// temporary write and the rename would.
const faults = vi.hoisted(() => ({ failRenameTo: null as RegExp | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof actual.rename = async (from, to) => {
    if (faults.failRenameTo?.test(String(to))) {
      faults.failRenameTo = null;
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`), { code: 'EIO' });
    }
    return actual.rename(from, to);
  };
  return { ...actual, rename, default: { ...actual, rename } };
});

const ID_A = '20260103-120000-aaaaaa' as SnapshotId;
const ID_B = '20260104-090000-bbbbbb' as SnapshotId;

let dir: string;
let cleanup: () => Promise<void>;
let workspace: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  workspace = await Workspace.open(dir);
});

afterEach(async () => {
  faults.failRenameTo = null;
  workspace.close();
  await cleanup();
});

describe('interrupted snapshot writes', () => {
  it('leaves nothing when the rename fails', async () => {
    faults.failRenameTo = /snapshots[/\\]\d{8}-\d{6}-[0-9a-f]{6}\.sqlite$/;

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A })).rejects.toThrow(/^Cannot rename a temporary file to .*EIO: i\/o error/);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
    expect(workspace.list()).toEqual([]);
    expect(workspace.issues()).toEqual([]);
  });

  it('takes the file back when indexing fails', async () => {
    faults.failRenameTo = /workspace\.sqlite$/;

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A })).rejects.toThrow(/^Cannot rename a temporary file to .*workspace\.sqlite/);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['snapshots', 'workspace.sqlite']);
    expect(workspace.list()).toEqual([]);
  });

  it('keeps earlier snapshots on failure', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    faults.failRenameTo = /workspace\.sqlite$/;

    await expect(workspace.writeSnapshot({ meta: sampleMeta('2026-01-04T09:00:00.000Z'), data: sampleData(), id: ID_B })).rejects.toThrow(/EIO/);
    expect(workspace.list().map((summary) => summary.id)).toEqual([ID_A]);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`${ID_A}.sqlite`]);
    expect((await workspace.readSnapshot(ID_A)).data).toEqual(sampleData());
  });
});

describe('leftovers of crashed writes', () => {
  it('removes temp files of dead processes', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    workspace.close();
    // A pid above Linux's maximum (4194304) cannot be running.
    const abandoned = `${ID_B}.sqlite.99999999-0a1b2c3d.tmp`;
    await copyFile(join(dir, 'snapshots', `${ID_A}.sqlite`), join(dir, 'snapshots', abandoned));
    await writeFile(join(dir, 'workspace.sqlite.99999999-00ff00ff.tmp'), 'partial');

    workspace = await Workspace.open(dir);

    expect(workspace.list().map((summary) => summary.id)).toEqual([ID_A]);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`${ID_A}.sqlite`]);
    expect((await readdir(dir)).sort()).toEqual(['snapshots', 'workspace.sqlite']);
  });

  it('keeps temp files of running processes', async () => {
    const live = `${ID_B}.sqlite.${process.pid}-0a1b2c3d.tmp`;
    await writeFile(join(dir, 'snapshots', live), 'in progress');
    const other = await Workspace.open(dir);

    expect(await readdir(join(dir, 'snapshots'))).toEqual([live]);
    expect(other.list()).toEqual([]);
    expect(other.issues()).toEqual([]);
    other.close();
  });

  it('reports an unindexed file without listing it', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const orphan = join(dir, 'snapshots', `${ID_B}.sqlite`);
    await copyFile(join(dir, 'snapshots', `${ID_A}.sqlite`), orphan);

    expect(workspace.list().map((summary) => summary.id)).toEqual([ID_A]);
    expect(workspace.issues()).toEqual([
      {
        kind: 'unindexed-file',
        id: ID_B,
        path: orphan,
        message: `Snapshot file ${orphan} is not in the workspace index, so it is not listed: its write did not finish, or the index was replaced. Move the file out of the snapshots folder or delete it.`
      }
    ]);
    expect(() => workspace.resolveId(ID_B)).toThrow(`Snapshot file ${orphan} is not in the workspace index`);
  });

  it('reports an index row whose file is missing', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const path = join(dir, 'snapshots', `${ID_A}.sqlite`);
    await rm(path);

    expect(workspace.list()).toEqual([]);
    expect(workspace.issues()).toEqual([
      { kind: 'missing-file', id: ID_A, path, message: `Snapshot ${ID_A} is listed in the workspace index, but its file ${path} is missing. Restore the file from a backup, or delete the snapshot.` }
    ]);
    expect(() => workspace.resolveId('latest')).toThrow(
      `Workspace ${dir} has no complete snapshots. Run \`roster fetch\` to capture one. Run \`roster snapshots\` to see why the snapshots it lists are incomplete.`
    );
    expect(() => workspace.resolveId(ID_A)).toThrow(`Snapshot ${ID_A} is listed in the workspace index, but its file ${path} is missing.`);
  });

  it('reports a replaced file', async () => {
    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });
    const path = join(dir, 'snapshots', `${ID_A}.sqlite`);
    await writeFile(path, 'short');

    expect(workspace.list()).toEqual([]);
    expect(workspace.issues()).toEqual([expect.objectContaining({ kind: 'size-mismatch', id: ID_A, path })]);
  });
});
