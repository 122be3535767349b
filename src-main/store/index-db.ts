import type { Database, SqlValue } from 'sql.js';
import type { SnapshotData, SnapshotId, SnapshotMeta, SnapshotOrigin } from '../model/snapshot';

/** One snapshot as the snapshot list shows it, read from the workspace index without opening the file. */
export interface SnapshotSummary {
  id: SnapshotId;
  createdAt: string;
  origin: SnapshotOrigin;
  tenantId: string;
  appDisplayName: string;
  sentryOrg: string;
  contentSha256: string;
  counts: { entraUsers: number; assignments: number; groups: number; scimUsers: number; scimGroups: number };
  warningCount: number;
  unavailableCount: number;
}

/** An index row: the summary plus where the file is and how large it was when written. */
export interface IndexEntry {
  summary: SnapshotSummary;
  fileName: string;
  fileSize: number;
}

const COLUMNS = `id, created_at, origin, tenant_id, app_display_name, sentry_org, content_sha256, file_name, file_size,
  entra_user_count, assignment_count, group_count, scim_user_count, scim_group_count, warning_count, unavailable_count`;

export function readIndexEntries(db: Database): IndexEntry[] {
  const statement = db.prepare(`SELECT ${COLUMNS} FROM snapshot`);
  const entries: IndexEntry[] = [];
  try {
    while (statement.step()) entries.push(toEntry(statement.get()));
  } finally {
    statement.free();
  }
  return entries;
}

export function findIndexEntry(db: Database, id: string): IndexEntry | null {
  const statement = db.prepare(`SELECT ${COLUMNS} FROM snapshot WHERE id = ?`);
  try {
    statement.bind([id]);
    return statement.step() ? toEntry(statement.get()) : null;
  } finally {
    statement.free();
  }
}

export function insertIndexEntry(db: Database, meta: SnapshotMeta, data: SnapshotData, fileName: string, fileSize: number): void {
  db.run(`INSERT INTO snapshot (${COLUMNS}, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    meta.id, meta.createdAt, meta.origin, meta.tenantId, meta.appDisplayName, meta.sentryOrg, meta.contentSha256, fileName, fileSize,
    data.entra.users.length, data.entra.assignments.length, data.entra.groups.length, data.sentry.users.length, data.sentry.groups.length,
    meta.warnings.length, meta.unavailable.length, new Date().toISOString()
  ]);
}

export function deleteIndexEntry(db: Database, id: string): void {
  db.run('DELETE FROM snapshot WHERE id = ?', [id]);
}

/** Orders summaries newest first by capture time, then by id, whose random part breaks ties. */
export function compareNewestFirst(a: SnapshotSummary, b: SnapshotSummary): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

function toEntry(row: SqlValue[]): IndexEntry {
  const text = (index: number) => String(row[index]);
  const count = (index: number) => Number(row[index]);
  return {
    summary: {
      id: text(0) as SnapshotId,
      createdAt: text(1),
      origin: text(2) as SnapshotOrigin,
      tenantId: text(3),
      appDisplayName: text(4),
      sentryOrg: text(5),
      contentSha256: text(6),
      counts: { entraUsers: count(9), assignments: count(10), groups: count(11), scimUsers: count(12), scimGroups: count(13) },
      warningCount: count(14),
      unavailableCount: count(15)
    },
    fileName: text(7),
    fileSize: count(8)
  };
}
