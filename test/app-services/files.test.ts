import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDoneEvent } from '../../src-main/ipc/schemas/capture';
import { loadSqlJs } from '../../src-main/store';
import { readWorkbook, rowsOf, sheet } from '../report/xlsx-read';
import { DEMO_SNAPSHOT_PATH, startServiceHarness, type ServiceHarness } from './harness';

let harness: ServiceHarness;
let demoId: string;
let liveId: string;

/** Captures the fakes into the workspace and returns the new snapshot id. */
async function capture(profileId: string): Promise<string> {
  const { jobId } = await harness.call('snapshots:capture:start', { profileId });
  const done = (await harness.waitForEvent((event) => event.event === 'snapshots:capture:done' && (event.payload as CaptureDoneEvent).jobId === jobId, 60_000))
    .payload as CaptureDoneEvent;
  if (done.outcome !== 'completed') throw new Error(`capture ended ${done.outcome}`);
  return done.snapshotId;
}

beforeAll(async () => {
  harness = await startServiceHarness();
  const opened = await harness.call('snapshots:openDemo', {});
  demoId = opened.opened && opened.snapshotId ? opened.snapshotId : '';

  // The live capture differs from the demo by one Sentry member, removed before capturing.
  harness.fakes.scim.state.removeMember(4101);
  const profile = await harness.call('connections:save', harness.profileInput());
  liveId = await capture(profile.id);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

/** Copies the demo snapshot and changes one display name inside it, leaving the stored hashes as they were. */
async function tamperedCopy(): Promise<string> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await readFile(DEMO_SNAPSHOT_PATH));
  try {
    db.run("UPDATE entra_user SET display_name = 'Tampered' WHERE rowid = (SELECT min(rowid) FROM entra_user)");
    const path = join(harness.dir, 'tampered.sqlite');
    await writeFile(path, db.export());
    return path;
  } finally {
    db.close();
  }
}

describe('snapshots:openFile', () => {
  it('reports a tampered file as not verified', async () => {
    const path = await tamperedCopy();
    const result = await harness.call('snapshots:openFile', { path });
    expect(result.opened).toBe(true);
    if (!result.opened) return;
    expect(result.verified).toBe(false);
    expect(result.snapshotId).toBeNull();
    expect(result.problem?.storeCode).toBe('hash-mismatch');
  });

  it('rejects a file changed after opening', async () => {
    const path = join(harness.dir, 'copy.sqlite');
    await copyFile(DEMO_SNAPSHOT_PATH, path);
    const opened = await harness.call('snapshots:openFile', { path });
    expect(opened.opened).toBe(true);
    expect(opened.opened && opened.verified).toBe(true);
    if (!opened.opened || opened.snapshotId === null) return;

    await copyFile(await tamperedCopy(), path);
    const result = await harness.invoke('audit:run', { snapshotId: opened.snapshotId });
    expect(result.ok ? null : result.error.code).toBe('file_unreadable');

    // The copy contains the demo's snapshot id, so opening the demo again points that id back at the intact file.
    expect(await harness.call('snapshots:openDemo', {})).toMatchObject({ verified: true, snapshotId: opened.snapshotId });
    expect((await harness.invoke('audit:run', { snapshotId: opened.snapshotId })).ok).toBe(true);
  });

  it('rejects a missing file', async () => {
    const result = await harness.invoke('snapshots:openFile', { path: join(harness.dir, 'nothing.sqlite') });
    expect(result.ok ? null : result.error.code).toBe('file_unreadable');
  });

  it('needs a path without a dialog', async () => {
    const result = await harness.invoke('snapshots:openFile', {});
    expect(result.ok ? null : result.error.code).toBe('invalid_request');
  });
});

describe('drift:compare', () => {
  it('lists the removed member', async () => {
    const result = await harness.call('drift:compare', {
      fromId: demoId,
      toId: liveId,
      offset: 0,
      limit: 50,
      filter: { sides: ['sentry'], objectTypes: ['member'], changes: [], text: '' }
    });
    expect(result.total).toBe(1);
    expect(result.counts).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(result.rows[0]).toMatchObject({ side: 'sentry', objectType: 'member', objectId: '4101', change: 'removed' });
  });
});

describe('export', () => {
  it('writes a workbook with changes', async () => {
    await harness.call('audit:run', { snapshotId: liveId });
    const path = join(harness.dir, 'audit.xlsx');
    const result = await harness.call('export:workbook', { snapshotId: liveId, compareId: demoId, language: 'en', path });
    expect(result).toMatchObject({ written: true, path });

    const book = readWorkbook(await readFile(path));
    expect(book.SheetNames).toEqual(['Cover', 'Summary', 'Findings', 'Users', 'Teams and memberships', 'Changes', 'Sign-off']);
    const findings = rowsOf(sheet(book, 'Findings'));
    const summary = await harness.call('audit:run', { snapshotId: liveId });
    expect(findings.length - 1).toBe(summary.findingCount);
    if (result.written) expect(result.findingCount).toBe(summary.findingCount);
  });

  it('writes German CSV and JSON', async () => {
    const csvPath = join(harness.dir, 'audit.csv');
    const jsonPath = join(harness.dir, 'audit.json');
    await harness.call('export:csv', { snapshotId: demoId, language: 'de', path: csvPath });
    await harness.call('export:json', { snapshotId: demoId, language: 'de', path: jsonPath });

    const document = JSON.parse(await readFile(jsonPath, 'utf8')) as { language: string; snapshot: { id: string }; findings: unknown[] };
    expect(document.language).toBe('de');
    expect(document.snapshot.id).toBe(demoId);
    expect(document.findings).toHaveLength(41);
    expect((await readFile(csvPath, 'utf8')).split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThan(41);
  });
});

describe('snapshots:delete', () => {
  it('closes an opened file without deleting it', async () => {
    const path = join(harness.dir, 'closing.sqlite');
    await copyFile(DEMO_SNAPSHOT_PATH, path);
    const opened = await harness.call('snapshots:openFile', { path });
    const id = opened.opened ? (opened.snapshotId ?? '') : '';
    // The demo id is the same snapshot, so closing it also closes the demo until it is opened again.
    expect(await harness.call('snapshots:delete', { id })).toEqual({ deleted: id });
    expect((await readFile(path)).length).toBeGreaterThan(0);
    await harness.call('snapshots:openDemo', {});
  });
});

describe('secrets', () => {
  it('never leave the secret store', async () => {
    const secrets = [harness.seed.scim.token, harness.seed.graph.clients[0]?.clientSecret ?? 'missing'];
    const files = await harness.allFileContents();
    expect(files.some((file) => file.path.endsWith('connections.json'))).toBe(true);
    expect(files.some((file) => file.path.includes('snapshots'))).toBe(true);

    for (const secret of secrets) {
      expect(files.filter((file) => file.text.includes(secret)).map((file) => file.path)).toEqual([]);
      expect(harness.replies.filter((reply) => reply.includes(secret))).toEqual([]);
      expect(harness.logLines.filter((line) => line.includes(secret))).toEqual([]);
      expect(harness.events.filter((event) => JSON.stringify(event.payload).includes(secret))).toEqual([]);
    }
  });
});

describe('export errors', () => {
  it('names a missing folder', async () => {
    const path = join(harness.dir, 'no-such-folder', 'audit.json');
    const result = await harness.invoke('export:json', { snapshotId: demoId, language: 'en', path });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('export_failed');
    expect(result.error.message).toBe(`Export failed: Cannot write ${path}: the folder ${join(harness.dir, 'no-such-folder')} does not exist. Create it or choose another folder.`);
  });
});
