import type { Migration } from '../runner';

/**
 * The snapshot file: metadata, then both sides in one table per entity. `position` keeps each list in
 * the order the capture delivered it. Booleans are 0/1 and nullable where the model allows null.
 * Single-row tables carry `singleton = 1` so a second row cannot be inserted.
 */
export const initialSnapshotSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE snapshot_meta (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('live', 'import', 'demo')),
        tool_version TEXT NOT NULL,
        captured_by TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        service_principal_id TEXT NOT NULL,
        app_display_name TEXT NOT NULL,
        sentry_org TEXT NOT NULL,
        sentry_base_url TEXT NOT NULL,
        population TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        -- SHA-256 over the canonical JSON of the whole SnapshotMeta, so edits to the metadata are caught too.
        meta_sha256 TEXT NOT NULL
      );
      CREATE TABLE source_record (
        position INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        rows_received INTEGER NOT NULL,
        api_total INTEGER,
        pages INTEGER NOT NULL,
        retries INTEGER NOT NULL
      );
      CREATE TABLE capture_warning (position INTEGER PRIMARY KEY, message TEXT NOT NULL);
      CREATE TABLE unavailable_item (position INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, missing_permission TEXT);

      CREATE TABLE entra_side (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        tenant_id TEXT NOT NULL,
        -- The raw synchronizationSchema as JSON text: Graph's shape, with no fixed columns to map to.
        provisioning_schema_json TEXT,
        -- 0 when the provisioning logs could not be read (null in the model), 1 when read, even if empty.
        provisioning_logs_read INTEGER NOT NULL CHECK (provisioning_logs_read IN (0, 1))
      );
      CREATE TABLE entra_service_principal (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        app_role_assignment_required INTEGER CHECK (app_role_assignment_required IN (0, 1))
      );
      CREATE TABLE entra_app_role (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        display_name TEXT,
        value TEXT,
        is_enabled INTEGER NOT NULL CHECK (is_enabled IN (0, 1))
      );
      CREATE TABLE entra_app_role_member_type (app_role_id TEXT NOT NULL, position INTEGER NOT NULL, member_type TEXT NOT NULL, PRIMARY KEY (app_role_id, position)) WITHOUT ROWID;
      CREATE TABLE entra_assignment (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        app_role_id TEXT NOT NULL,
        principal_id TEXT NOT NULL,
        principal_type TEXT NOT NULL CHECK (principal_type IN ('User', 'Group', 'ServicePrincipal')),
        principal_display_name TEXT,
        created_date_time TEXT
      );
      CREATE TABLE entra_user (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        user_principal_name TEXT,
        mail TEXT,
        given_name TEXT,
        surname TEXT,
        display_name TEXT,
        account_enabled INTEGER CHECK (account_enabled IN (0, 1)),
        employee_id TEXT,
        user_type TEXT,
        on_premises_immutable_id TEXT
      );
      CREATE TABLE entra_user_proxy_address (user_id TEXT NOT NULL, position INTEGER NOT NULL, address TEXT NOT NULL, PRIMARY KEY (user_id, position)) WITHOUT ROWID;
      CREATE TABLE entra_user_other_mail (user_id TEXT NOT NULL, position INTEGER NOT NULL, mail TEXT NOT NULL, PRIMARY KEY (user_id, position)) WITHOUT ROWID;
      CREATE TABLE entra_deleted_user (position INTEGER PRIMARY KEY, user_id TEXT NOT NULL UNIQUE);
      CREATE TABLE entra_group (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        display_name TEXT,
        security_enabled INTEGER CHECK (security_enabled IN (0, 1)),
        mail_enabled INTEGER CHECK (mail_enabled IN (0, 1))
      );
      CREATE TABLE entra_group_type (group_id TEXT NOT NULL, position INTEGER NOT NULL, group_type TEXT NOT NULL, PRIMARY KEY (group_id, position)) WITHOUT ROWID;
      CREATE TABLE entra_group_member (
        position INTEGER PRIMARY KEY,
        group_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL CHECK (member_type IN ('user', 'group', 'other')),
        relation TEXT NOT NULL CHECK (relation IN ('direct', 'nested')),
        UNIQUE (group_id, member_id, relation)
      );
      CREATE INDEX entra_group_member_by_member ON entra_group_member (member_id);
      CREATE TABLE provisioning_job (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        template_id TEXT,
        schedule_state TEXT,
        status_code TEXT,
        -- *_present is 0 when Graph returned no quarantine or lastExecution object (null in the model).
        quarantine_present INTEGER NOT NULL CHECK (quarantine_present IN (0, 1)),
        quarantine_reason TEXT,
        quarantine_current_began TEXT,
        quarantine_series_began TEXT,
        quarantine_error_code TEXT,
        quarantine_error_message TEXT,
        last_execution_present INTEGER NOT NULL CHECK (last_execution_present IN (0, 1)),
        last_execution_state TEXT,
        last_execution_time_began TEXT,
        last_execution_time_ended TEXT,
        last_execution_error TEXT,
        steady_state_last_achieved_time TEXT,
        sync_all INTEGER CHECK (sync_all IN (0, 1))
      );
      CREATE TABLE provisioning_log (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        activity_date_time TEXT NOT NULL,
        provisioning_action TEXT NOT NULL,
        status TEXT NOT NULL,
        error_code TEXT,
        error_reason TEXT,
        source_id TEXT,
        source_display_name TEXT,
        target_id TEXT,
        target_display_name TEXT,
        identity_type TEXT
      );

      CREATE TABLE sentry_side (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), base_url TEXT NOT NULL, org_slug TEXT NOT NULL);
      CREATE TABLE scim_user (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        user_name TEXT NOT NULL,
        active INTEGER CHECK (active IN (0, 1)),
        sentry_org_role TEXT,
        given_name TEXT,
        family_name TEXT
      );
      CREATE TABLE scim_user_email (
        user_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        value TEXT NOT NULL,
        is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
        type TEXT,
        PRIMARY KEY (user_id, position)
      ) WITHOUT ROWID;
      CREATE TABLE scim_group (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        members_truncated INTEGER NOT NULL CHECK (members_truncated IN (0, 1))
      );
      CREATE TABLE scim_group_member (group_id TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL, display TEXT, PRIMARY KEY (group_id, position)) WITHOUT ROWID;
    `);
  }
};
