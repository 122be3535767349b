import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { SnapshotData, SnapshotMeta } from '../model/snapshot';
import { BulkInsert } from './bulk-insert';
import { metaSha256 } from './canonical';
import { migrate } from './migrations/runner';
import { snapshotSchema } from './migrations/snapshot';
import { trimToDatabaseSize } from './sqlite-file';

/**
 * Builds a snapshot database in memory and returns its file bytes. All rows go in one transaction
 * through multi-row prepared statements reused across rows, which is what keeps 100,000-user captures fast.
 * `label` names the target file in errors. `sizeHint` is the expected file size in bytes, e.g. the length
 * of the canonical JSON, and only affects speed.
 */
export function encodeSnapshot(SQL: SqlJsStatic, meta: SnapshotMeta, data: SnapshotData, label: string, sizeHint = 0): Uint8Array {
  const db = openPreallocated(SQL, label, sizeHint);
  try {
    db.exec('BEGIN');
    try {
      insertMeta(db, meta);
      insertEntra(db, data.entra);
      insertSentry(db, data.sentry);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    return trimToDatabaseSize(db.export(), label);
  } finally {
    db.close();
  }
}

/**
 * Opens a migrated, empty snapshot database whose in-memory file already has room for `sizeHint` bytes.
 * sql.js keeps the file in a buffer that grows by 12.5% at a time, and each new buffer made V8 run a
 * full garbage collection. In a 200,000-row test (sql.js 1.17, Node 20) starting with room cut the
 * CPU time of the build by about a third. SQLite ignores the zero bytes after the size its header records.
 */
function openPreallocated(SQL: SqlJsStatic, label: string, sizeHint: number): Database {
  const schema = new SQL.Database();
  let schemaBytes: Uint8Array;
  try {
    schema.exec('PRAGMA journal_mode = OFF');
    migrate(schema, snapshotSchema, label);
    schemaBytes = schema.export();
  } finally {
    schema.close();
  }

  const room = Math.ceil(sizeHint * 1.25);
  let initial = schemaBytes;
  if (room > schemaBytes.byteLength) {
    initial = new Uint8Array(room);
    initial.set(schemaBytes);
  }

  const db = new SQL.Database(initial);
  // The database lives only in memory until export, and a failed build is thrown away whole, so a
  // rollback journal would only cost time (about half of the insert time in sql.js 1.17).
  db.exec('PRAGMA journal_mode = OFF');
  return db;
}

/** Inserts `rows` into `table`, which has `columnCount` columns, through a BulkInsert. */
function insertAll<T>(db: Database, table: string, columnCount: number, rows: Iterable<T>, toParams: (row: T, position: number) => SqlValue[]): void {
  const insert = new BulkInsert(db, table, columnCount);
  try {
    let position = 0;
    for (const row of rows) {
      insert.add(toParams(row, position));
      position += 1;
    }
    insert.finish();
  } finally {
    insert.free();
  }
}

/** Inserts each parent's string list as (parent id, position, value) rows. */
function insertChildStrings<T>(db: Database, table: string, parents: readonly T[], parentId: (parent: T) => string, values: (parent: T) => readonly string[]): void {
  const insert = new BulkInsert(db, table, 3);
  try {
    for (const parent of parents) {
      const id = parentId(parent);
      values(parent).forEach((value, position) => insert.add([id, position, value]));
    }
    insert.finish();
  } finally {
    insert.free();
  }
}

function bool(value: boolean | null): number | null {
  if (value === null) return null;
  return value ? 1 : 0;
}

function insertMeta(db: Database, meta: SnapshotMeta): void {
  db.run(
    `INSERT INTO snapshot_meta (singleton, id, created_at, origin, tool_version, captured_by, tenant_id, app_id, service_principal_id,
       app_display_name, sentry_org, sentry_base_url, population, content_sha256, meta_sha256)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [meta.id, meta.createdAt, meta.origin, meta.toolVersion, meta.capturedBy, meta.tenantId, meta.appId, meta.servicePrincipalId,
      meta.appDisplayName, meta.sentryOrg, meta.sentryBaseUrl, meta.population, meta.contentSha256, metaSha256(meta)]
  );
  insertAll(db, 'source_record', 8, meta.sources, (record, position) => [
    position, record.source, record.startedAt, record.endedAt, record.rowsReceived, record.apiTotal, record.pages, record.retries
  ]);
  insertAll(db, 'capture_warning', 2, meta.warnings, (message, position) => [position, message]);
  insertAll(db, 'unavailable_item', 4, meta.unavailable, (item, position) => [
    position, item.source, item.reason, item.missingPermission
  ]);
}

function insertEntra(db: Database, entra: SnapshotData['entra']): void {
  const schemaJson = entra.provisioningSchema === null || entra.provisioningSchema === undefined ? null : JSON.stringify(entra.provisioningSchema);
  db.run('INSERT INTO entra_side VALUES (1, ?, ?, ?)', [entra.tenantId, schemaJson, entra.provisioningLogs === null ? 0 : 1]);

  const principal = entra.servicePrincipal;
  db.run('INSERT INTO entra_service_principal VALUES (1, ?, ?, ?, ?)', [principal.id, principal.appId, principal.displayName, bool(principal.appRoleAssignmentRequired)]);
  insertAll(db, 'entra_app_role', 5, principal.appRoles, (role, position) => [
    position, role.id, role.displayName, role.value, bool(role.isEnabled)
  ]);
  insertChildStrings(db, 'entra_app_role_member_type', principal.appRoles, (role) => role.id, (role) => role.allowedMemberTypes);

  insertAll(db, 'entra_assignment', 7, entra.assignments, (assignment, position) => [
    position, assignment.id, assignment.appRoleId, assignment.principalId, assignment.principalType, assignment.principalDisplayName, assignment.createdDateTime
  ]);

  insertAll(db, 'entra_user', 11, entra.users, (user, position) => [
    position, user.id, user.userPrincipalName, user.mail, user.givenName, user.surname, user.displayName,
    bool(user.accountEnabled), user.employeeId, user.userType, user.onPremisesImmutableId
  ]);
  insertChildStrings(db, 'entra_user_proxy_address', entra.users, (user) => user.id, (user) => user.proxyAddresses);
  insertChildStrings(db, 'entra_user_other_mail', entra.users, (user) => user.id, (user) => user.otherMails);
  insertAll(db, 'entra_deleted_user', 2, entra.deletedUserIds, (id, position) => [position, id]);

  insertAll(db, 'entra_group', 5, entra.groups, (group, position) => [
    position, group.id, group.displayName, bool(group.securityEnabled), bool(group.mailEnabled)
  ]);
  insertChildStrings(db, 'entra_group_type', entra.groups, (group) => group.id, (group) => group.groupTypes);
  insertAll(db, 'entra_group_member', 5, entra.memberships, (edge, position) => [
    position, edge.groupId, edge.memberId, edge.memberType, edge.relation
  ]);

  const job = entra.provisioningJob;
  if (job !== null) {
    const quarantine = job.quarantine;
    const execution = job.lastExecution;
    db.run('INSERT INTO provisioning_job VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      job.id, job.templateId, job.scheduleState, job.statusCode,
      quarantine === null ? 0 : 1, quarantine?.reason ?? null, quarantine?.currentBegan ?? null, quarantine?.seriesBegan ?? null,
      quarantine?.errorCode ?? null, quarantine?.errorMessage ?? null,
      execution === null ? 0 : 1, execution?.state ?? null, execution?.timeBegan ?? null, execution?.timeEnded ?? null, execution?.error ?? null,
      job.steadyStateLastAchievedTime, bool(job.syncAll)
    ]);
  }

  insertAll(db, 'provisioning_log', 12, entra.provisioningLogs ?? [], (entry, position) => [
    position, entry.id, entry.activityDateTime, entry.provisioningAction, entry.status, entry.errorCode, entry.errorReason,
    entry.sourceId, entry.sourceDisplayName, entry.targetId, entry.targetDisplayName, entry.identityType
  ]);
}

function insertSentry(db: Database, sentry: SnapshotData['sentry']): void {
  db.run('INSERT INTO sentry_side VALUES (1, ?, ?)', [sentry.baseUrl, sentry.orgSlug]);

  insertAll(db, 'scim_user', 7, sentry.users, (user, position) => [
    position, user.id, user.userName, bool(user.active), user.sentryOrgRole, user.givenName, user.familyName
  ]);
  const emails = new BulkInsert(db, 'scim_user_email', 5);
  try {
    for (const user of sentry.users) {
      user.emails.forEach((email, position) => emails.add([user.id, position, email.value, bool(email.primary), email.type]));
    }
    emails.finish();
  } finally {
    emails.free();
  }

  insertAll(db, 'scim_group', 4, sentry.groups, (group, position) => [
    position, group.id, group.displayName, bool(group.membersTruncated)
  ]);
  const members = new BulkInsert(db, 'scim_group_member', 4);
  try {
    for (const group of sentry.groups) {
      group.members.forEach((member, position) => members.add([group.id, position, member.value, member.display]));
    }
    members.finish();
  } finally {
    members.free();
  }
}
