import type { Migration } from '../runner';

/** The workspace index: one row per complete snapshot, with what the snapshot list shows. */
export const initialIndexSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE snapshot (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('live', 'import', 'demo')),
        tenant_id TEXT NOT NULL,
        app_display_name TEXT NOT NULL,
        sentry_org TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL UNIQUE,
        file_size INTEGER NOT NULL,
        entra_user_count INTEGER NOT NULL,
        assignment_count INTEGER NOT NULL,
        group_count INTEGER NOT NULL,
        scim_user_count INTEGER NOT NULL,
        scim_group_count INTEGER NOT NULL,
        warning_count INTEGER NOT NULL,
        unavailable_count INTEGER NOT NULL,
        indexed_at TEXT NOT NULL
      );
    `);
  }
};
