import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type {
  EntraSide,
  ProvisioningJob,
  SentrySide,
  Snapshot,
  SnapshotData,
  SnapshotId,
  SnapshotMeta,
  SnapshotOrigin,
  SourceName
} from '../model/snapshot';
import { metaSha256 } from './canonical';
import { contentSha256 } from './content-hash';
import { StoreError } from './errors';
import { checkDatabaseIdentity, migrate } from './migrations/runner';
import { snapshotSchema } from './migrations/snapshot';
import { openSqliteBytes } from './sqlite-file';

/**
 * Reads snapshot file bytes and verifies them: the content hash and the metadata hash are recomputed
 * and must equal the ones recorded, so a changed file is never returned. `file` names it in errors.
 * Older snapshot formats are migrated in memory only, because snapshot files are never rewritten.
 */
export function decodeSnapshot(SQL: SqlJsStatic, bytes: Uint8Array, file: string): Snapshot {
  const db = openSqliteBytes(SQL, bytes, file);
  try {
    checkDatabaseIdentity(db, snapshotSchema, file, false);
    migrate(db, snapshotSchema, file);
    const recorded = readMeta(db, file);
    const data: SnapshotData = { entra: readEntra(db, file), sentry: readSentry(db, file) };

    const actualContent = contentSha256(data);
    if (actualContent !== recorded.meta.contentSha256) {
      throw new StoreError(
        'hash-mismatch',
        `${file} failed verification: its content hashes to ${actualContent}, but the file records ${recorded.meta.contentSha256}. The file was changed after Roster wrote it, so it cannot be trusted. Capture a new snapshot or restore this file from a backup.`,
        { path: file }
      );
    }
    const actualMeta = metaSha256(recorded.meta);
    if (actualMeta !== recorded.metaSha256) {
      throw new StoreError(
        'hash-mismatch',
        `${file} failed verification: its metadata hashes to ${actualMeta}, but the file records ${recorded.metaSha256}. The file was changed after Roster wrote it, so it cannot be trusted. Capture a new snapshot or restore this file from a backup.`,
        { path: file }
      );
    }
    return { meta: recorded.meta, data };
  } catch (error) {
    throw asStoreError(error, file);
  } finally {
    db.close();
  }
}

/** Turns SQLite's own errors (e.g. "database disk image is malformed") into advice naming the file. */
function asStoreError(error: unknown, file: string): unknown {
  if (error instanceof StoreError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError('corrupt', `${file} is damaged and cannot be read as a snapshot (${detail}). Capture a new snapshot or restore this file from a backup.`, { path: file, cause: error });
}

/** Runs `sql` and returns every row as an array of column values. */
function rows(db: Database, sql: string): SqlValue[][] {
  const statement = db.prepare(sql);
  const result: SqlValue[][] = [];
  try {
    while (statement.step()) result.push(statement.get());
  } finally {
    statement.free();
  }
  return result;
}

function text(value: SqlValue | undefined): string {
  if (typeof value !== 'string') throw new Error(`expected text, found ${describe(value)}`);
  return value;
}

function optionalText(value: SqlValue | undefined): string | null {
  return value === null ? null : text(value);
}

function integer(value: SqlValue | undefined): number {
  if (typeof value !== 'number') throw new Error(`expected a number, found ${describe(value)}`);
  return value;
}

function flag(value: SqlValue | undefined): boolean {
  return integer(value) === 1;
}

function optionalFlag(value: SqlValue | undefined): boolean | null {
  return value === null ? null : flag(value);
}

function describe(value: SqlValue | undefined): string {
  if (value === undefined) return 'no column';
  if (value === null) return 'NULL';
  return value instanceof Uint8Array ? 'a blob' : typeof value;
}

/** Groups (parent id, value) rows, already ordered by parent and position, into lists per parent. */
function listsByParent(db: Database, sql: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const [parent, value] of rows(db, sql)) {
    const key = text(parent);
    let list = lists.get(key);
    if (list === undefined) {
      list = [];
      lists.set(key, list);
    }
    list.push(text(value));
  }
  return lists;
}

function singleRow(db: Database, sql: string, table: string, file: string): SqlValue[] {
  const found = rows(db, sql);
  const row = found[0];
  if (row === undefined) {
    throw new StoreError('corrupt', `${file} is incomplete: its ${table} table is empty. Capture a new snapshot or restore this file from a backup.`, { path: file });
  }
  return row;
}

function readMeta(db: Database, file: string): { meta: SnapshotMeta; metaSha256: string } {
  const row = singleRow(
    db,
    `SELECT id, created_at, origin, tool_version, captured_by, tenant_id, app_id, service_principal_id, app_display_name,
       sentry_org, sentry_base_url, population, content_sha256, meta_sha256 FROM snapshot_meta`,
    'snapshot_meta',
    file
  );

  const meta: SnapshotMeta = {
    id: text(row[0]) as SnapshotId,
    createdAt: text(row[1]),
    origin: text(row[2]) as SnapshotOrigin,
    toolVersion: text(row[3]),
    capturedBy: text(row[4]),
    tenantId: text(row[5]),
    appId: text(row[6]),
    servicePrincipalId: text(row[7]),
    appDisplayName: text(row[8]),
    sentryOrg: text(row[9]),
    sentryBaseUrl: text(row[10]),
    population: text(row[11]),
    sources: rows(db, 'SELECT source, started_at, ended_at, rows_received, api_total, pages, retries FROM source_record ORDER BY position').map((record) => ({
      source: text(record[0]) as SourceName,
      startedAt: text(record[1]),
      endedAt: text(record[2]),
      rowsReceived: integer(record[3]),
      apiTotal: record[4] === null ? null : integer(record[4]),
      pages: integer(record[5]),
      retries: integer(record[6])
    })),
    warnings: rows(db, 'SELECT message FROM capture_warning ORDER BY position').map((warning) => text(warning[0])),
    unavailable: rows(db, 'SELECT source, reason, missing_permission FROM unavailable_item ORDER BY position').map((item) => ({
      source: text(item[0]) as SourceName,
      reason: text(item[1]),
      missingPermission: optionalText(item[2])
    })),
    contentSha256: text(row[12])
  };
  return { meta, metaSha256: text(row[13]) };
}

function readEntra(db: Database, file: string): EntraSide {
  const side = singleRow(db, 'SELECT tenant_id, provisioning_schema_json, provisioning_logs_read FROM entra_side', 'entra_side', file);
  const principal = singleRow(db, 'SELECT id, app_id, display_name, app_role_assignment_required FROM entra_service_principal', 'entra_service_principal', file);

  const memberTypes = listsByParent(db, 'SELECT app_role_id, member_type FROM entra_app_role_member_type ORDER BY app_role_id, position');
  const proxyAddresses = listsByParent(db, 'SELECT user_id, address FROM entra_user_proxy_address ORDER BY user_id, position');
  const otherMails = listsByParent(db, 'SELECT user_id, mail FROM entra_user_other_mail ORDER BY user_id, position');
  const groupTypes = listsByParent(db, 'SELECT group_id, group_type FROM entra_group_type ORDER BY group_id, position');
  const schemaJson = optionalText(side[1]);

  return {
    tenantId: text(side[0]),
    servicePrincipal: {
      id: text(principal[0]),
      appId: text(principal[1]),
      displayName: text(principal[2]),
      appRoleAssignmentRequired: optionalFlag(principal[3]),
      appRoles: rows(db, 'SELECT id, display_name, value, is_enabled FROM entra_app_role ORDER BY position').map((role) => ({
        id: text(role[0]),
        displayName: optionalText(role[1]),
        value: optionalText(role[2]),
        isEnabled: flag(role[3]),
        allowedMemberTypes: memberTypes.get(text(role[0])) ?? []
      }))
    },
    assignments: rows(db, 'SELECT id, app_role_id, principal_id, principal_type, principal_display_name, created_date_time FROM entra_assignment ORDER BY position').map((assignment) => ({
      id: text(assignment[0]),
      appRoleId: text(assignment[1]),
      principalId: text(assignment[2]),
      principalType: text(assignment[3]) as EntraSide['assignments'][number]['principalType'],
      principalDisplayName: optionalText(assignment[4]),
      createdDateTime: optionalText(assignment[5])
    })),
    users: rows(
      db,
      `SELECT id, user_principal_name, mail, given_name, surname, display_name, account_enabled, employee_id, user_type, on_premises_immutable_id
       FROM entra_user ORDER BY position`
    ).map((user) => ({
      id: text(user[0]),
      userPrincipalName: optionalText(user[1]),
      mail: optionalText(user[2]),
      proxyAddresses: proxyAddresses.get(text(user[0])) ?? [],
      otherMails: otherMails.get(text(user[0])) ?? [],
      givenName: optionalText(user[3]),
      surname: optionalText(user[4]),
      displayName: optionalText(user[5]),
      accountEnabled: optionalFlag(user[6]),
      employeeId: optionalText(user[7]),
      userType: optionalText(user[8]),
      onPremisesImmutableId: optionalText(user[9])
    })),
    deletedUserIds: rows(db, 'SELECT user_id FROM entra_deleted_user ORDER BY position').map((row) => text(row[0])),
    groups: rows(db, 'SELECT id, display_name, security_enabled, mail_enabled FROM entra_group ORDER BY position').map((group) => ({
      id: text(group[0]),
      displayName: optionalText(group[1]),
      securityEnabled: optionalFlag(group[2]),
      mailEnabled: optionalFlag(group[3]),
      groupTypes: groupTypes.get(text(group[0])) ?? []
    })),
    memberships: rows(db, 'SELECT group_id, member_id, member_type, relation FROM entra_group_member ORDER BY position').map((edge) => ({
      groupId: text(edge[0]),
      memberId: text(edge[1]),
      memberType: text(edge[2]) as EntraSide['memberships'][number]['memberType'],
      relation: text(edge[3]) as EntraSide['memberships'][number]['relation']
    })),
    provisioningJob: readJob(db),
    provisioningSchema: schemaJson === null ? null : (JSON.parse(schemaJson) as unknown),
    provisioningLogs: flag(side[2]) ? readLogs(db) : null
  };
}

function readJob(db: Database): ProvisioningJob | null {
  const sql = `SELECT singleton, id, template_id, schedule_state, status_code,
      quarantine_present, quarantine_reason, quarantine_current_began, quarantine_series_began, quarantine_error_code, quarantine_error_message,
      last_execution_present, last_execution_state, last_execution_time_began, last_execution_time_ended, last_execution_error,
      steady_state_last_achieved_time, sync_all FROM provisioning_job`;
  const job = rows(db, sql)[0];
  if (job === undefined) return null;

  return {
    id: text(job[1]),
    templateId: optionalText(job[2]),
    scheduleState: optionalText(job[3]),
    statusCode: optionalText(job[4]),
    quarantine: flag(job[5])
      ? { reason: optionalText(job[6]), currentBegan: optionalText(job[7]), seriesBegan: optionalText(job[8]), errorCode: optionalText(job[9]), errorMessage: optionalText(job[10]) }
      : null,
    lastExecution: flag(job[11]) ? { state: optionalText(job[12]), timeBegan: optionalText(job[13]), timeEnded: optionalText(job[14]), error: optionalText(job[15]) } : null,
    steadyStateLastAchievedTime: optionalText(job[16]),
    syncAll: optionalFlag(job[17])
  };
}

function readLogs(db: Database): EntraSide['provisioningLogs'] {
  const sql = `SELECT id, activity_date_time, provisioning_action, status, error_code, error_reason, source_id, source_display_name,
      target_id, target_display_name, identity_type FROM provisioning_log ORDER BY position`;
  return rows(db, sql).map((entry) => ({
    id: text(entry[0]),
    activityDateTime: text(entry[1]),
    provisioningAction: text(entry[2]),
    status: text(entry[3]),
    errorCode: optionalText(entry[4]),
    errorReason: optionalText(entry[5]),
    sourceId: optionalText(entry[6]),
    sourceDisplayName: optionalText(entry[7]),
    targetId: optionalText(entry[8]),
    targetDisplayName: optionalText(entry[9]),
    identityType: optionalText(entry[10])
  }));
}

function readSentry(db: Database, file: string): SentrySide {
  const side = singleRow(db, 'SELECT base_url, org_slug FROM sentry_side', 'sentry_side', file);

  const emails = new Map<string, SentrySide['users'][number]['emails']>();
  for (const [userId, value, primary, type] of rows(db, 'SELECT user_id, value, is_primary, type FROM scim_user_email ORDER BY user_id, position')) {
    const key = text(userId);
    const list = emails.get(key) ?? [];
    list.push({ value: text(value), primary: flag(primary), type: optionalText(type) });
    emails.set(key, list);
  }

  const members = new Map<string, SentrySide['groups'][number]['members']>();
  for (const [groupId, value, display] of rows(db, 'SELECT group_id, value, display FROM scim_group_member ORDER BY group_id, position')) {
    const key = text(groupId);
    const list = members.get(key) ?? [];
    list.push({ value: text(value), display: optionalText(display) });
    members.set(key, list);
  }

  return {
    baseUrl: text(side[0]),
    orgSlug: text(side[1]),
    users: rows(db, 'SELECT id, user_name, active, sentry_org_role, given_name, family_name FROM scim_user ORDER BY position').map((user) => ({
      id: text(user[0]),
      userName: text(user[1]),
      emails: emails.get(text(user[0])) ?? [],
      active: optionalFlag(user[2]),
      sentryOrgRole: optionalText(user[3]),
      givenName: optionalText(user[4]),
      familyName: optionalText(user[5])
    })),
    groups: rows(db, 'SELECT id, display_name, members_truncated FROM scim_group ORDER BY position').map((group) => ({
      id: text(group[0]),
      displayName: text(group[1]),
      members: members.get(text(group[0])) ?? [],
      membersTruncated: flag(group[2])
    }))
  };
}
