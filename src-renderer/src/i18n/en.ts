/** English UI text. German in `de.ts` must have the same keys, which the `Resources` type enforces. */
export const en = {
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
    emptyBody: 'Run <cmd>roster fetch</cmd> to capture the current state of Entra ID and Sentry, then refresh this list.',
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
    entraCounts: '{{users}} users · {{assignments}} assignments · {{groups}} groups',
    sentryCounts: '{{members}} members · {{teams}} teams',
    tenant: 'Tenant {{tenantId}}',
    noWarnings: 'None',
    warningCount_one: '{{count}} warning',
    warningCount_other: '{{count}} warnings',
    unavailableCount_one: '{{count}} source not readable',
    unavailableCount_other: '{{count}} sources not readable'
  },
  errors: {
    loadSnapshots: 'The snapshots could not be loaded',
    retry: 'Try again',
    render: 'This screen failed to display. The log file has the details. Reload the window to try again.',
    reload: 'Reload',
    details: 'Technical details',
    codes: {
      invalid_request: 'Roster sent an invalid request to its background process.',
      invalid_response: 'Roster received data from its background process that it could not read.',
      unknown_channel: 'Roster asked its background process for an operation that does not exist.',
      forbidden_sender: 'This page is not allowed to talk to Roster’s background process.',
      not_found: 'The requested item was not found.',
      workspace_unavailable: 'The workspace folder could not be read.',
      transport_failed: 'Roster’s background process did not respond.',
      internal: 'An unexpected error occurred. The log file has the details.'
    }
  }
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language file must match. */
export type Resources = Widen<typeof en>;
