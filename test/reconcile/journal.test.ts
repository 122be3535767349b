import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FILE_NAME, loadSqlJs, Workspace } from '../../src-main/store';
import { ReconcileJournal } from '../../src-main/store/journal';
import { indexSchema } from '../../src-main/store/migrations/index';
import { initialIndexSchema } from '../../src-main/store/migrations/index/001-initial';
import { migrate, readUserVersion } from '../../src-main/store/migrations/runner';

let SQL: SqlJsStatic;
let folder: string;

beforeAll(async () => {
  SQL = await loadSqlJs();
});

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'roster-journal-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function columns(db: Database, table: string): string[] {
  const statement = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid');
  const names: string[] = [];
  statement.bind([table]);
  while (statement.step()) names.push(String(statement.get()[0]));
  statement.free();
  return names;
}

describe('index migration 002', () => {
  it('adds the journal tables to a version 1 index', () => {
    const db = new SQL.Database();
    migrate(db, { ...indexSchema, migrations: [initialIndexSchema] }, 'workspace.sqlite');
    db.run("INSERT INTO snapshot VALUES ('20260101-000000-abcdef', 't', 'live', 'x', 'Sentry', 'acme', 'h', 'f.sqlite', 1, 0, 0, 0, 0, 0, 0, 0, 't')");

    expect(migrate(db, indexSchema, 'workspace.sqlite')).toEqual({ from: 1, to: 2 });
    expect(readUserVersion(db)).toBe(2);
    expect(columns(db, 'reconcile_run')).toEqual(['id', 'snapshot_id', 'sentry_base_url', 'run_by', 'started_at', 'ended_at', 'state', 'plan_json', 'verification_snapshot_id']);
    expect(columns(db, 'reconcile_operation')).toEqual([
      'run_id', 'seq', 'kind', 'finding_id', 'method', 'path', 'body_json', 'state', 'reason', 'http_status', 'response_summary', 'result_id',
      'run_by', 'started_at', 'ended_at', 'verified', 'verification_note'
    ]);
    expect(db.exec('SELECT count(*) FROM snapshot')[0]?.values[0]?.[0]).toBe(1);
    db.close();
  });

  it('rejects an unknown operation state', () => {
    const db = new SQL.Database();
    migrate(db, indexSchema, 'workspace.sqlite');
    db.run("INSERT INTO reconcile_run (id, snapshot_id, sentry_base_url, run_by, started_at, state, plan_json) VALUES ('r', 's', 'u', 'me', 't', 'running', '{}')");

    expect(() => db.run("INSERT INTO reconcile_operation (run_id, seq, kind, finding_id, method, path, state) VALUES ('r', 1, 'user.create', 'f', 'POST', '/Users', 'sent')")).toThrow(
      'CHECK constraint failed'
    );
    db.close();
  });
});

describe('reconcile journal', () => {
  it('records a run step by step on disk', async () => {
    const workspace = await Workspace.open(folder);
    workspace.close();
    const journal = await ReconcileJournal.open(folder);

    await journal.createRun({
      id: 'run-1', snapshotId: '20260101-000000-abcdef', sentryBaseUrl: 'https://sentry.io/api/0/organizations/acme/scim/v2', runBy: 'auditor',
      startedAt: '2026-01-01T00:00:00.000Z', planJson: '{"operations":[]}',
      operations: [
        { seq: 1, kind: 'user.create', findingId: 'f1', method: 'POST', path: '/Users', body: { userName: 'a@example.com' } },
        { seq: 2, kind: 'user.delete', findingId: 'f2', method: 'DELETE', path: '/Users/7', body: null }
      ]
    });
    await journal.markPending('run-1', 1, { path: '/Users', body: { userName: 'a@example.com' }, runBy: 'auditor', at: '2026-01-01T00:00:01.000Z' });
    expect(journal.readRun('run-1')?.operations.map((operation) => operation.state)).toEqual(['pending', 'planned']);

    await journal.recordResult('run-1', 1, { state: 'done', reason: null, httpStatus: 201, responseSummary: 'created member 9', resultId: '9', at: '2026-01-01T00:00:02.000Z', runBy: 'auditor' });
    await journal.recordResult('run-1', 2, { state: 'failed', reason: 'Sentry SCIM answered 403', httpStatus: 403, responseSummary: 'last owner', resultId: null, at: '2026-01-01T00:00:03.000Z', runBy: 'other' });
    await journal.setRunState('run-1', 'completed', '2026-01-01T00:00:04.000Z');
    await journal.recordVerification('run-1', '20260101-000005-fedcba', [{ seq: 1, verified: true, note: 'holds' }, { seq: 2, verified: null, note: 'not applied' }]);

    const run = (await ReconcileJournal.open(folder)).readRun('run-1');
    expect(run?.state).toBe('completed');
    expect(run?.endedAt).toBe('2026-01-01T00:00:04.000Z');
    expect(run?.verificationSnapshotId).toBe('20260101-000005-fedcba');
    expect(run?.operations[0]).toEqual({
      seq: 1, kind: 'user.create', findingId: 'f1', method: 'POST', path: '/Users', body: { userName: 'a@example.com' }, state: 'done', reason: null,
      httpStatus: 201, responseSummary: 'created member 9', resultId: '9', runBy: 'auditor', startedAt: '2026-01-01T00:00:01.000Z',
      endedAt: '2026-01-01T00:00:02.000Z', verified: true, verificationNote: 'holds'
    });
    expect(run?.operations[1]?.startedAt).toBe('2026-01-01T00:00:03.000Z');
    expect(run?.operations[1]?.runBy).toBe('other');
    expect(run?.operations[1]?.verified).toBeNull();
    expect(journal.listRuns().map((listed) => listed.id)).toEqual(['run-1']);
  });

  it('keeps snapshots that another process listed', async () => {
    const workspace = await Workspace.open(folder);
    const journal = await ReconcileJournal.open(folder);
    await journal.createRun({ id: 'run-2', snapshotId: 's', sentryBaseUrl: 'u', runBy: 'me', startedAt: 't', planJson: '{}', operations: [] });

    const bytes = readFileSync(join(folder, INDEX_FILE_NAME));
    const db = new SQL.Database(bytes);
    expect(db.exec("SELECT id FROM reconcile_run")[0]?.values).toEqual([['run-2']]);
    db.close();
    expect(workspace.list()).toEqual([]);
    workspace.close();
  });

  it('names a missing operation', async () => {
    (await Workspace.open(folder)).close();
    const journal = await ReconcileJournal.open(folder);
    await journal.createRun({ id: 'run-3', snapshotId: 's', sentryBaseUrl: 'u', runBy: 'me', startedAt: 't', planJson: '{}', operations: [] });

    await expect(journal.markPending('run-3', 4, { path: '/Users', body: null, runBy: 'me', at: 't' })).rejects.toThrow(
      `Reconcile run run-3 has no operation 4 in ${folder}.`
    );
    await expect(journal.setRunState('run-9', 'completed', 't')).rejects.toThrow(`No reconcile run 'run-9' in workspace ${folder}.`);
  });

  it('fails clearly without a workspace index', async () => {
    writeFileSync(join(folder, 'note.txt'), 'x');
    const journal = await ReconcileJournal.open(folder);
    expect(() => journal.readRun('run-1')).toThrow(`Cannot read the workspace index ${join(folder, INDEX_FILE_NAME)}: it does not exist.`);
  });
});
