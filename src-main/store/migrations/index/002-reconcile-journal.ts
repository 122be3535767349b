import type { Migration } from '../runner';

/**
 * The reconcile journal: one row per run and one per planned SCIM operation. An operation row is
 * set to 'pending' before its request is sent and to its result after, so a crash leaves at most
 * one 'pending' row per run, which a resume checks against Sentry before sending anything again.
 */
export const reconcileJournalSchema: Migration = {
  version: 2,
  name: 'reconcile-journal',
  up(db) {
    db.exec(`
      CREATE TABLE reconcile_run (
        id TEXT PRIMARY KEY,
        snapshot_id TEXT NOT NULL,
        sentry_base_url TEXT NOT NULL,
        run_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'cancelled')),
        plan_json TEXT NOT NULL,
        verification_snapshot_id TEXT
      );
      CREATE TABLE reconcile_operation (
        run_id TEXT NOT NULL REFERENCES reconcile_run (id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body_json TEXT,
        state TEXT NOT NULL CHECK (state IN ('planned', 'pending', 'done', 'skipped', 'failed')),
        reason TEXT,
        http_status INTEGER,
        response_summary TEXT,
        result_id TEXT,
        run_by TEXT,
        started_at TEXT,
        ended_at TEXT,
        verified INTEGER CHECK (verified IN (0, 1)),
        verification_note TEXT,
        PRIMARY KEY (run_id, seq)
      );
    `);
  }
};
