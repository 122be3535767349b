import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { writeFileAtomic } from './atomic-file';
import { StoreError, fileSystemError } from './errors';
import { acquireLock } from './lock';
import { indexSchema } from './migrations/index';
import { migrate } from './migrations/runner';
import { loadSqlJs } from './sqljs';
import { openSqliteBytes } from './sqlite-file';
import { INDEX_FILE_NAME, LOCK_FILE_NAME } from './workspace';

export type JournalOperationState = 'planned' | 'pending' | 'done' | 'skipped' | 'failed';
export type JournalRunState = 'running' | 'completed' | 'cancelled';

/** One planned SCIM operation as the journal stores it when a run starts. */
export interface JournalOperationInput {
  seq: number;
  kind: string;
  findingId: string;
  method: string;
  path: string;
  body: unknown;
}

export interface JournalOperation extends JournalOperationInput {
  state: JournalOperationState;
  reason: string | null;
  httpStatus: number | null;
  responseSummary: string | null;
  /** Id of the member or team the operation created or found, e.g. for the team members added next. */
  resultId: string | null;
  runBy: string | null;
  startedAt: string | null;
  endedAt: string | null;
  verified: boolean | null;
  verificationNote: string | null;
}

export interface JournalRun {
  id: string;
  snapshotId: string;
  sentryBaseUrl: string;
  runBy: string;
  startedAt: string;
  endedAt: string | null;
  state: JournalRunState;
  /** The plan exactly as approved, as JSON, so a resume never rebuilds it from newer data. */
  planJson: string;
  verificationSnapshotId: string | null;
  operations: JournalOperation[];
}

export interface OperationResultInput {
  state: 'done' | 'skipped' | 'failed';
  reason: string | null;
  httpStatus: number | null;
  responseSummary: string | null;
  resultId: string | null;
  at: string;
}

const LOCK_TIMEOUT_MS = 10_000;
const STALE_LOCK_MS = 2 * 60_000;
const OPERATION_COLUMNS = `seq, kind, finding_id, method, path, body_json, state, reason, http_status, response_summary, result_id,
  run_by, started_at, ended_at, verified, verification_note`;

/**
 * The reconcile journal in the workspace index (`workspace.sqlite`). Every change reloads the index
 * under the workspace lock, applies one statement batch and replaces the file atomically, so a change
 * is on disk before the method returns and snapshot writes by other processes are kept.
 */
export class ReconcileJournal {
  private constructor(
    readonly dir: string,
    private readonly SQL: SqlJsStatic
  ) {}

  /** Opens the journal of the workspace in `dir`; open the workspace with `Workspace.open` first so the index exists. */
  static async open(dir: string, options: { wasmPath?: string } = {}): Promise<ReconcileJournal> {
    const SQL = await loadSqlJs(options);
    return new ReconcileJournal(resolve(dir), SQL);
  }

  async createRun(input: { id: string; snapshotId: string; sentryBaseUrl: string; runBy: string; startedAt: string; planJson: string; operations: JournalOperationInput[] }): Promise<void> {
    await this.update((db) => {
      if (selectRun(db, input.id) !== null) {
        throw new StoreError('exists', `Reconcile run ${input.id} already exists in ${this.dir}; start a new run or resume this one.`, { path: this.indexPath });
      }
      db.run('INSERT INTO reconcile_run (id, snapshot_id, sentry_base_url, run_by, started_at, state, plan_json) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        input.id, input.snapshotId, input.sentryBaseUrl, input.runBy, input.startedAt, 'running', input.planJson
      ]);
      for (const operation of input.operations) {
        db.run('INSERT INTO reconcile_operation (run_id, seq, kind, finding_id, method, path, body_json, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          input.id, operation.seq, operation.kind, operation.findingId, operation.method, operation.path, JSON.stringify(operation.body ?? null), 'planned'
        ]);
      }
    });
  }

  /** Records that the operation's request is about to be sent, with the path and body it will carry. */
  async markPending(runId: string, seq: number, input: { path: string; body: unknown; runBy: string; at: string }): Promise<void> {
    await this.updateOperation(runId, seq, 'UPDATE reconcile_operation SET state = ?, path = ?, body_json = ?, run_by = ?, started_at = ?, ended_at = NULL WHERE run_id = ? AND seq = ?', [
      'pending', input.path, JSON.stringify(input.body ?? null), input.runBy, input.at, runId, seq
    ]);
  }

  async recordResult(runId: string, seq: number, result: OperationResultInput & { runBy: string }): Promise<void> {
    await this.updateOperation(
      runId,
      seq,
      `UPDATE reconcile_operation SET state = ?, reason = ?, http_status = ?, response_summary = ?, result_id = ?, run_by = ?,
         started_at = COALESCE(started_at, ?), ended_at = ? WHERE run_id = ? AND seq = ?`,
      [result.state, result.reason, result.httpStatus, result.responseSummary, result.resultId, result.runBy, result.at, result.at, runId, seq]
    );
  }

  async setRunState(runId: string, state: JournalRunState, at: string): Promise<void> {
    await this.update((db) => {
      requireRun(db, runId, this.dir);
      db.run('UPDATE reconcile_run SET state = ?, ended_at = ? WHERE id = ?', [state, state === 'running' ? null : at, runId]);
    });
  }

  async recordVerification(runId: string, snapshotId: string, results: { seq: number; verified: boolean | null; note: string }[]): Promise<void> {
    await this.update((db) => {
      requireRun(db, runId, this.dir);
      db.run('UPDATE reconcile_run SET verification_snapshot_id = ? WHERE id = ?', [snapshotId, runId]);
      for (const result of results) {
        let verified: number | null = null;
        if (result.verified !== null) verified = result.verified ? 1 : 0;
        db.run('UPDATE reconcile_operation SET verified = ?, verification_note = ? WHERE run_id = ? AND seq = ?', [verified, result.note, runId, result.seq]);
      }
    });
  }

  /** Reads a run and its operations from disk, as another process may have left them. */
  readRun(runId: string): JournalRun | null {
    return this.read((db) => {
      const run = selectRun(db, runId);
      if (run === null) return null;
      run.operations = selectOperations(db, runId);
      return run;
    });
  }

  /** Runs newest first, without their operations. */
  listRuns(): JournalRun[] {
    return this.read((db) => {
      const statement = db.prepare('SELECT id FROM reconcile_run ORDER BY started_at DESC, id DESC');
      const ids: string[] = [];
      try {
        while (statement.step()) ids.push(String(statement.get()[0]));
      } finally {
        statement.free();
      }
      return ids.map((id) => selectRun(db, id)).filter((run): run is JournalRun => run !== null);
    });
  }

  private get indexPath(): string {
    return join(this.dir, INDEX_FILE_NAME);
  }

  private async updateOperation(runId: string, seq: number, sql: string, params: SqlValue[]): Promise<void> {
    await this.update((db) => {
      db.run(sql, params);
      if (db.getRowsModified() !== 1) {
        throw new StoreError('not-found', `Reconcile run ${runId} has no operation ${seq} in ${this.dir}. Check the run id with \`roster reconcile --resume\`.`, { path: this.indexPath });
      }
    });
  }

  private read<T>(work: (db: Database) => T): T {
    const db = this.load();
    try {
      return work(db);
    } finally {
      db.close();
    }
  }

  private async update(change: (db: Database) => void): Promise<void> {
    const release = await acquireLock(join(this.dir, LOCK_FILE_NAME), `Workspace ${this.dir}`, { timeoutMs: LOCK_TIMEOUT_MS, staleAfterMs: STALE_LOCK_MS });
    try {
      const db = this.load();
      try {
        change(db);
        await writeFileAtomic(this.indexPath, db.export());
      } finally {
        db.close();
      }
    } finally {
      await release();
    }
  }

  private load(): Database {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.indexPath);
    } catch (error) {
      throw fileSystemError('read the workspace index', this.indexPath, error);
    }
    const db = openSqliteBytes(this.SQL, bytes, this.indexPath);
    try {
      migrate(db, indexSchema, this.indexPath);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  }
}

function requireRun(db: Database, runId: string, dir: string): void {
  if (selectRun(db, runId) === null) {
    throw new StoreError('not-found', `No reconcile run '${runId}' in workspace ${dir}. Check the run id printed when the run started.`, { path: dir });
  }
}

function selectRun(db: Database, runId: string): JournalRun | null {
  const statement = db.prepare('SELECT id, snapshot_id, sentry_base_url, run_by, started_at, ended_at, state, plan_json, verification_snapshot_id FROM reconcile_run WHERE id = ?');
  try {
    statement.bind([runId]);
    if (!statement.step()) return null;
    const row = statement.get();
    return {
      id: String(row[0]),
      snapshotId: String(row[1]),
      sentryBaseUrl: String(row[2]),
      runBy: String(row[3]),
      startedAt: String(row[4]),
      endedAt: textOrNull(row[5]),
      state: String(row[6]) as JournalRunState,
      planJson: String(row[7]),
      verificationSnapshotId: textOrNull(row[8]),
      operations: []
    };
  } finally {
    statement.free();
  }
}

function selectOperations(db: Database, runId: string): JournalOperation[] {
  const statement = db.prepare(`SELECT ${OPERATION_COLUMNS} FROM reconcile_operation WHERE run_id = ? ORDER BY seq`);
  const operations: JournalOperation[] = [];
  try {
    statement.bind([runId]);
    while (statement.step()) {
      const row = statement.get();
      operations.push({
        seq: Number(row[0]),
        kind: String(row[1]),
        findingId: String(row[2]),
        method: String(row[3]),
        path: String(row[4]),
        body: row[5] === null ? null : (JSON.parse(String(row[5])) as unknown),
        state: String(row[6]) as JournalOperationState,
        reason: textOrNull(row[7]),
        httpStatus: row[8] === null ? null : Number(row[8]),
        responseSummary: textOrNull(row[9]),
        resultId: textOrNull(row[10]),
        runBy: textOrNull(row[11]),
        startedAt: textOrNull(row[12]),
        endedAt: textOrNull(row[13]),
        verified: row[14] === null ? null : Number(row[14]) === 1,
        verificationNote: textOrNull(row[15])
      });
    }
  } finally {
    statement.free();
  }
  return operations;
}

function textOrNull(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
