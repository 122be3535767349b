import type { Database, SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs, StoreError } from '../../src-main/store';
import { initialIndexSchema } from '../../src-main/store/migrations/index/001-initial';
import { indexSchema } from '../../src-main/store/migrations/index';
import { latestVersion, migrate, readApplicationId, readUserVersion } from '../../src-main/store/migrations/runner';
import type { SchemaFamily } from '../../src-main/store/migrations/runner';
import { snapshotSchema } from '../../src-main/store/migrations/snapshot';

let SQL: SqlJsStatic;

beforeAll(async () => {
  SQL = await loadSqlJs();
});

function tables(db: Database): string[] {
  const result = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return (result[0]?.values ?? []).map((row) => String(row[0]));
}

function columns(db: Database, table: string): string[] {
  const statement = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid');
  const names: string[] = [];
  statement.bind([table]);
  while (statement.step()) names.push(String(statement.get()[0]));
  statement.free();
  return names;
}

describe('index migration 001', () => {
  it('creates the snapshot table', () => {
    const db = new SQL.Database();
    // Only this step, so later index migrations do not change what this test expects.
    expect(migrate(db, { ...indexSchema, migrations: [initialIndexSchema] }, 'workspace.sqlite')).toEqual({ from: 0, to: 1 });

    expect(readUserVersion(db)).toBe(1);
    expect(readApplicationId(db)).toBe(0x52535449);
    expect(tables(db)).toEqual(['snapshot']);
    expect(columns(db, 'snapshot')).toEqual([
      'id', 'created_at', 'origin', 'tenant_id', 'app_display_name', 'sentry_org', 'content_sha256', 'file_name', 'file_size',
      'entra_user_count', 'assignment_count', 'group_count', 'scim_user_count', 'scim_group_count', 'warning_count', 'unavailable_count', 'indexed_at'
    ]);
    db.close();
  });
});

describe('snapshot migration 001', () => {
  it('creates one table per entity', () => {
    const db = new SQL.Database();
    expect(migrate(db, snapshotSchema, 'x.sqlite')).toEqual({ from: 0, to: 1 });

    expect(readUserVersion(db)).toBe(1);
    expect(readApplicationId(db)).toBe(0x52535453);
    expect(tables(db)).toEqual([
      'capture_warning', 'entra_app_role', 'entra_app_role_member_type', 'entra_assignment', 'entra_deleted_user', 'entra_group',
      'entra_group_member', 'entra_group_type', 'entra_service_principal', 'entra_side', 'entra_user', 'entra_user_other_mail',
      'entra_user_proxy_address', 'provisioning_job', 'provisioning_log', 'scim_group', 'scim_group_member', 'scim_user',
      'scim_user_email', 'sentry_side', 'snapshot_meta', 'source_record', 'unavailable_item'
    ]);
    expect(columns(db, 'snapshot_meta')).toEqual([
      'singleton', 'id', 'created_at', 'origin', 'tool_version', 'captured_by', 'tenant_id', 'app_id', 'service_principal_id',
      'app_display_name', 'sentry_org', 'sentry_base_url', 'population', 'content_sha256', 'meta_sha256'
    ]);
    expect(columns(db, 'entra_user')).toEqual([
      'position', 'id', 'user_principal_name', 'mail', 'given_name', 'surname', 'display_name', 'account_enabled', 'employee_id', 'user_type', 'on_premises_immutable_id'
    ]);
    expect(columns(db, 'entra_group_member')).toEqual(['position', 'group_id', 'member_id', 'member_type', 'relation']);
    expect(columns(db, 'entra_side')).toEqual(['singleton', 'tenant_id', 'provisioning_schema_json', 'provisioning_logs_read']);
    expect(columns(db, 'scim_user')).toEqual(['position', 'id', 'user_name', 'active', 'sentry_org_role', 'given_name', 'family_name']);
    expect(columns(db, 'scim_user_email')).toEqual(['user_id', 'position', 'value', 'is_primary', 'type']);
    expect(columns(db, 'scim_group_member')).toEqual(['group_id', 'position', 'value', 'display']);
    expect(columns(db, 'provisioning_job')).toEqual([
      'singleton', 'id', 'template_id', 'schedule_state', 'status_code', 'quarantine_present', 'quarantine_reason', 'quarantine_current_began',
      'quarantine_series_began', 'quarantine_error_code', 'quarantine_error_message', 'last_execution_present', 'last_execution_state',
      'last_execution_time_began', 'last_execution_time_ended', 'last_execution_error', 'steady_state_last_achieved_time', 'sync_all'
    ]);
    db.close();
  });

  it('is a no-op when already current', () => {
    const db = new SQL.Database();
    migrate(db, snapshotSchema, 'x.sqlite');
    expect(migrate(db, snapshotSchema, 'x.sqlite')).toEqual({ from: 1, to: 1 });
    db.close();
  });
});

describe('migration runner', () => {
  it('rejects a newer user_version', () => {
    const db = new SQL.Database();
    migrate(db, indexSchema, 'workspace.sqlite');
    const newer = latestVersion(indexSchema) + 1;
    db.exec(`PRAGMA user_version = ${newer}`);

    expect(() => migrate(db, indexSchema, '/w/workspace.sqlite')).toThrow(
      `/w/workspace.sqlite was written by a newer Roster: its workspace index format is version ${newer}, and this Roster supports up to version ${newer - 1}. Update Roster to open it.`
    );
    db.close();
  });

  it('rejects another application database', () => {
    const db = new SQL.Database();
    db.exec('CREATE TABLE notes (body TEXT)');

    const attempt = () => migrate(db, snapshotSchema, '/w/notes.sqlite');
    expect(attempt).toThrow(StoreError);
    expect(attempt).toThrow(
      '/w/notes.sqlite is a SQLite database but not a Roster snapshot file (application_id 0x00000000, expected 0x52535453). Choose a snapshot file written by Roster.'
    );
    db.close();
  });

  it('rolls back a failing migration', () => {
    const family: SchemaFamily = {
      label: 'test file',
      applicationId: 1,
      migrations: [
        { version: 1, name: 'first', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') },
        { version: 2, name: 'broken', up: (db) => db.exec('CREATE TABLE a (y INTEGER)') }
      ]
    };
    const db = new SQL.Database();

    expect(() => migrate(db, family, 'x')).toThrow('table a already exists');
    expect(readUserVersion(db)).toBe(0);
    expect(readApplicationId(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rejects misnumbered migrations', () => {
    const family: SchemaFamily = {
      label: 'test file',
      applicationId: 1,
      migrations: [
        { version: 1, name: 'first', up: () => undefined },
        { version: 3, name: 'skipped', up: () => undefined }
      ]
    };
    const db = new SQL.Database();

    expect(() => migrate(db, family, 'x')).toThrow("The test file migrations are misnumbered: 'skipped' has version 3 at position 2. Versions must be 1, 2, 3… in order.");
    db.close();
  });
});
