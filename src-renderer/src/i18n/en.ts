import { enAudit, enCompare } from './en-audit';
import { enWork } from './en-work';

/** English UI text. German in `de.ts` must have the same keys, which the `Resources` type enforces. */
export const en = {
  ...enWork,
  ...enAudit,
  ...enCompare,
  app: {
    title: 'Roster',
    tagline: 'Entra ID app assignments checked against Sentry SCIM',
    version: 'Version {{version}}'
  },
  language: {
    label: 'Language',
    en: 'English',
    de: 'Deutsch',
    saveFailed: 'The language could not be saved: {{message}}'
  },
  snapshots: {
    heading: 'Snapshots',
    description:
      'Each snapshot records both sides at one moment: who is assigned to the Sentry app in Entra ID, and the members and teams Sentry holds through SCIM.',
    workspace: 'Workspace folder',
    refresh: 'Refresh',
    loading: 'Loading snapshots…',
    count_one: '{{count}} snapshot',
    count_other: '{{count}} snapshots',
    emptyTitle: 'No snapshots yet',
    emptyBody: 'Take a snapshot above, or run <cmd>roster fetch</cmd> to capture the current state of Entra ID and Sentry, then refresh this list.',
    audit: 'Audit',
    delete: 'Delete',
    deleteLabel: 'Delete snapshot {{id}}',
    actionFailed: 'The request failed',
    confirmDelete: {
      title: 'Delete this snapshot?',
      body: 'Snapshot {{id}} is removed from the workspace for good. Reports exported from it keep its hash.'
    },
    incomplete_one: '{{count}} incomplete snapshot is not listed. Run <cmd>roster snapshots</cmd> to see why.',
    incomplete_other: '{{count}} incomplete snapshots are not listed. Run <cmd>roster snapshots</cmd> to see why.',
    tableCaption: 'Snapshots in this workspace, newest first',
    columns: {
      captured: 'Captured',
      id: 'Snapshot ID',
      origin: 'Source',
      entraApp: 'Entra app',
      sentryOrg: 'Sentry organization',
      entraCounts: 'Entra ID',
      sentryCounts: 'Sentry',
      warnings: 'Warnings'
    },
    origin: {
      live: 'Live capture',
      import: 'Import',
      demo: 'Demo data'
    },
    openDetails: 'Show details of snapshot {{id}}',
    entraUsers_one: '{{formatted}} user',
    entraUsers_other: '{{formatted}} users',
    assignments_one: '{{formatted}} assignment',
    assignments_other: '{{formatted}} assignments',
    groups_one: '{{formatted}} group',
    groups_other: '{{formatted}} groups',
    sentryMembers_one: '{{formatted}} member',
    sentryMembers_other: '{{formatted}} members',
    sentryTeams_one: '{{formatted}} team',
    sentryTeams_other: '{{formatted}} teams',
    tenant: 'Tenant',
    noWarnings: 'None',
    warningCount_one: '{{count}} warning',
    warningCount_other: '{{count}} warnings',
    unavailableCount_one: '{{count}} source not readable',
    unavailableCount_other: '{{count}} sources not readable'
  },
  detail: {
    heading: 'Snapshot {{id}}',
    close: 'Close',
    loading: 'Loading the snapshot…',
    loadFailed: 'The snapshot could not be loaded',
    fields: {
      capturedAt: 'Captured',
      capturedBy: 'Captured by',
      tenantId: 'Tenant ID',
      appId: 'Application (client) ID',
      servicePrincipalId: 'Service principal ID',
      sentryBaseUrl: 'Sentry SCIM base URL',
      population: 'Population',
      toolVersion: 'Roster version',
      contentSha256: 'Content SHA-256'
    },
    sources: 'Sources',
    sourceColumns: {
      source: 'Source',
      rows: 'Rows received',
      apiTotal: 'API total',
      pages: 'Pages',
      retries: 'Retries',
      duration: 'Duration'
    },
    apiTotalNone: 'not reported',
    seconds: '{{value}} s',
    warnings: 'Warnings',
    noWarnings: 'The capture recorded no warnings.',
    unavailable: 'Not readable',
    unavailableColumns: {
      source: 'Source',
      reason: 'Reason',
      permission: 'Missing permission'
    },
    noUnavailable: 'Every source was readable.',
    permissionUnknown: 'unknown',
    englishNote: 'Warnings and reasons are recorded in English at capture time.'
  },
  errors: {
    loadSnapshots: 'The snapshots could not be loaded',
    retry: 'Try again',
    render: 'This screen failed to display. The log file has the details. Reload the window to try again.',
    reload: 'Reload',
    details: 'Technical details',
    path: 'File',
    codes: {
      invalid_request: 'Roster sent an invalid request to its background process.',
      invalid_response: 'Roster received data from its background process that it could not read.',
      unknown_channel: 'Roster asked its background process for an operation that does not exist.',
      forbidden_sender: 'This page is not allowed to talk to Roster’s background process.',
      not_found: 'The requested item was not found.',
      workspace_unavailable: 'The workspace folder could not be read.',
      transport_failed: 'Roster’s background process did not respond.',
      internal: 'An unexpected error occurred. The log file has the details.',
      secret_store_unavailable: 'The system’s secret store is not available, so Roster cannot keep secrets. Unlock the keyring and try again.',
      missing_secret: 'A secret is missing for this connection. Edit the connection and enter it.',
      invalid_connection: 'The connection settings are invalid. Edit the connection and check each field.',
      sign_in_failed: 'Signing in to Entra ID failed. Test the connection to see why.',
      graph_permission_missing: 'The app registration lacks a Microsoft Graph permission it needs. Test the connection to see which one.',
      scim_unauthorized: 'Sentry rejected the SCIM token. Test the connection and store a fresh token.',
      host_unreachable: 'A server could not be reached. Check the network and the proxy settings.',
      capture_failed: 'Reading one of the sources failed, so no snapshot was saved.',
      job_not_found: 'The capture has already ended.',
      audit_not_run: 'The audit is no longer in memory. Choose the snapshot again to rerun it.',
      file_unreadable: 'The file could not be read as a Roster snapshot.',
      export_failed: 'The file could not be written. Check the folder and that the file is not open in another program.',
      reconcile_rejected: 'The reconcile plan was rejected: it deletes more members than the threshold allows. Raise the threshold for this run, or select fewer findings.',
      reconcile_sentry_mismatch: 'The connection points at another Sentry organization than the snapshot. Choose the connection whose SCIM URL matches the snapshot.',
      reconcile_nothing_to_do: 'The selected findings need no SCIM operation, so there is nothing to send.',
      reconcile_run_active: 'This reconcile run is still running. Wait for it to finish, or cancel it first.',
      reconcile_run_not_active: 'This reconcile run is not running any more. Resume it from the list of unfinished runs.',
      import_file_invalid: 'A file could not be imported. The message names the file and the place that is wrong.',
      import_sentry_url_invalid: 'The Sentry SCIM URL is invalid. Copy the SCIM Base URL from Sentry: Settings > Auth > SCIM Information.',
      import_incomplete: 'The files do not contain everything an audit needs. Export the missing parts and import again.',
      import_preview_not_found: 'This import summary has expired. Choose or drop the files again.'
    }
  }
};

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language file must match. */
export type Resources = Widen<typeof en>;
