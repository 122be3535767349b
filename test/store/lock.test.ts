import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotId } from '../../src-main/model/snapshot';
import { Workspace } from '../../src-main/store';
import { makeTempDir, sampleData, sampleMeta } from './fixture';

const ID_A = '20260103-120000-aaaaaa' as SnapshotId;
const ID_B = '20260103-120000-bbbbbb' as SnapshotId;
const ID_C = '20260103-120000-cccccc' as SnapshotId;

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});

afterEach(async () => {
  await cleanup();
});

/** Returns the pid of a child process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('Could not start a child process to get a dead pid.');
  return child.pid;
}

describe('workspace lock', () => {
  it('serializes two writing instances', async () => {
    const first = await Workspace.open(dir);
    const second = await Workspace.open(dir);

    await Promise.all([
      first.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A }),
      second.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_B }),
      first.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_C })
    ]);

    expect(first.list().map((summary) => summary.id)).toEqual([ID_C, ID_B, ID_A]);
    expect(second.list().map((summary) => summary.id)).toEqual([ID_C, ID_B, ID_A]);
    expect((await readdir(dir)).sort()).toEqual(['snapshots', 'workspace.sqlite']);
    first.close();
    second.close();
  });

  it('reports a busy workspace', async () => {
    const workspace = await Workspace.open(dir, { lockTimeoutMs: 100 });
    const lockPath = join(dir, 'workspace.lock');
    await writeFile(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), acquiredAt: new Date().toISOString() }));

    await expect(workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A })).rejects.toThrow(
      `Workspace ${dir} is busy: another Roster process (pid ${process.pid} on ${hostname()}) is updating it. Wait for it to finish and try again. If no Roster is running, delete ${lockPath}.`
    );
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
    expect(await readFile(lockPath, 'utf8')).toContain(`"pid":${process.pid}`);
    workspace.close();
  });

  it('takes over a dead holder lock', async () => {
    const workspace = await Workspace.open(dir, { lockTimeoutMs: 100 });
    await writeFile(join(dir, 'workspace.lock'), JSON.stringify({ pid: deadPid(), host: hostname(), acquiredAt: '2026-01-01T00:00:00.000Z' }));

    await workspace.writeSnapshot({ meta: sampleMeta(), data: sampleData(), id: ID_A });

    expect(workspace.list().map((summary) => summary.id)).toEqual([ID_A]);
    expect((await readdir(dir)).sort()).toEqual(['snapshots', 'workspace.sqlite']);
    workspace.close();
  });

  it('waits for an unreadable fresh lock', async () => {
    const workspace = await Workspace.open(dir, { lockTimeoutMs: 100 });
    const lockPath = join(dir, 'workspace.lock');
    await writeFile(lockPath, '');

    await expect(workspace.deleteSnapshot(ID_A)).rejects.toThrow(`Workspace ${dir} is busy: another Roster process is updating it.`);
    workspace.close();
  });
});

describe('lock file creation', () => {
  it('writes the owner before the lock appears', async () => {
    const { acquireLock } = await import('../../src-main/store/lock');
    const path = join(dir, 'thing.lock');

    const release = await acquireLock(path, 'Thing', { timeoutMs: 1_000, staleAfterMs: 60_000 });
    const owner = JSON.parse(await readFile(path, 'utf8')) as { pid: number; host: string };
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(hostname());
    expect(await readdir(dir)).toEqual(['thing.lock']);

    await release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for a live holder, then reports busy', async () => {
    const { acquireLock } = await import('../../src-main/store/lock');
    const path = join(dir, 'thing.lock');
    const release = await acquireLock(path, 'Thing', { timeoutMs: 1_000, staleAfterMs: 60_000 });

    await expect(acquireLock(path, 'Thing', { timeoutMs: 100, staleAfterMs: 60_000 })).rejects.toThrow(
      `Thing is busy: another Roster process (pid ${process.pid} on ${hostname()}) is updating it.`
    );
    expect(await readdir(dir)).toEqual(['thing.lock']);
    await release();
  });
});
