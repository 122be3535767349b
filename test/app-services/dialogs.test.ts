import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, createInProcessTaskRunner, createMemorySecretStore, type AppServicesHandle, type FileDialogs } from '../../src-main/app-services';
import { Workspace } from '../../src-main/store';
import { DEMO_SNAPSHOT_PATH } from './harness';

let dir: string;
let workspace: Workspace | null = null;
let services: AppServicesHandle;
const asked: string[] = [];

/** Dialogs that record each question and answer as a person pressing Cancel would. */
const cancellingDialogs: FileDialogs = {
  openSnapshot: async () => {
    asked.push('open');
    return null;
  },
  saveExport: async (_requested, defaultName) => {
    asked.push(`save ${defaultName}`);
    return null;
  }
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roster-dialogs-'));
  services = createAppServices({
    workspace: { dir: join(dir, 'workspace'), open: async () => (workspace ??= await Workspace.open(join(dir, 'workspace'))) },
    profilesFile: join(dir, 'connections.json'),
    secrets: createMemorySecretStore(),
    dialogs: cancellingDialogs,
    runner: createInProcessTaskRunner(),
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    demoPath: DEMO_SNAPSHOT_PATH
  });
});

afterAll(async () => {
  workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cancelled dialogs', () => {
  it('open nothing', async () => {
    expect(await services.openSnapshotFile(join(dir, 'ignored.sqlite'))).toEqual({ opened: false });
    expect(asked).toContain('open');
  });

  it('export nothing without an error', async () => {
    const demo = await services.openDemo();
    const snapshotId = demo.opened ? (demo.snapshotId ?? '') : '';
    const result = await services.exportFile('workbook', { snapshotId, language: 'de', path: join(dir, 'ignored.xlsx') });
    expect(result).toEqual({ written: false });
    expect(asked).toContain(`save roster-${snapshotId}-de.xlsx`);
    expect((await readdir(dir)).filter((name) => name.endsWith('.xlsx'))).toEqual([]);
  });
});
