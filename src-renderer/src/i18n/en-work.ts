/** English text of the connections, capture, first-run, drift and export screens. */
export const enWork = {
  nav: {
    label: 'Screens',
    connections: 'Connections',
    snapshots: 'Snapshots',
    audit: 'Audit',
    drift: 'Drift',
    export: 'Export'
  },
  help: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    close: 'Close',
    goTo: 'Go to {{screen}}',
    keyNames: {
      control: 'Ctrl',
      arrows: '↑ ↓',
      homeEnd: 'Home / End',
      enter: 'Enter',
      filter: '/',
      escape: 'Esc'
    },
    keys: {
      help: 'Show this list',
      arrows: 'Move through the findings list',
      homeEnd: 'Jump to the first or last finding',
      enter: 'Open the highlighted finding',
      filter: 'Search the findings',
      escape: 'Close the finding or this dialog'
    }
  },
  common: {
    cancel: 'Cancel',
    yes: 'yes',
    no: 'no',
    previous: 'Previous',
    next: 'Next',
    range: '{{from}}–{{to}} of {{total}}'
  },
  connections: {
    heading: 'Connections',
    description: 'A connection names one Entra tenant with its Sentry enterprise app and the Sentry organization it provisions through SCIM.',
    new: 'New connection',
    loading: 'Loading connections…',
    loadFailed: 'The connections could not be loaded',
    emptyTitle: 'No connections yet',
    emptyBody: 'Add the Entra app registration and the Sentry SCIM token once; Roster keeps the secrets in the system’s secret store.',
    testButton: 'Test connection',
    edit: 'Edit',
    delete: 'Delete',
    confirmDelete: {
      title: 'Delete the connection “{{name}}”?',
      body: 'Its stored secrets are deleted too. Snapshots taken with it stay in the workspace.'
    },
    fields: {
      name: 'Name',
      tenantId: 'Tenant ID or domain',
      clientId: 'Application (client) ID',
      signInMethod: 'Sign-in',
      clientSecret: 'Client secret',
      certificatePath: 'Certificate file (PEM)',
      certificatePassphrase: 'Certificate passphrase',
      appBy: 'Find the Sentry enterprise app by',
      appId: 'Enterprise app ID',
      appName: 'Enterprise app name',
      authorityHost: 'Sign-in host',
      graphUrl: 'Microsoft Graph URL',
      sentryScimUrl: 'Sentry SCIM base URL',
      scimToken: 'SCIM token'
    },
    signIn: {
      clientSecret: 'Client secret',
      certificate: 'Certificate',
      deviceCode: 'Interactive sign-in (device code)'
    },
    secret: {
      stored: 'stored',
      missing: 'not stored'
    },
    form: {
      newTitle: 'New connection',
      editTitle: 'Edit “{{name}}”',
      entra: 'Microsoft Entra ID',
      sentry: 'Sentry',
      tenantHint: 'The directory ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.',
      certificateHint: 'One PEM file holding the certificate and its private key.',
      deviceCodeHint: 'A person signs in with their own account when a test or capture starts; Roster shows the code to enter.',
      appBy: { name: 'Name', id: 'App ID' },
      nationalClouds: 'National clouds',
      defaultHint: 'Leave empty for the public cloud.',
      scimHint: 'Copy it from Sentry under Settings > Auth > SCIM Information.',
      secretStored: 'A secret is stored. Type a new one to replace it.',
      keepSecret: 'stored – leave empty to keep',
      save: 'Save connection',
      saving: 'Saving…',
      saveFailed: 'The connection could not be saved'
    },
    test: {
      entra: 'Entra ID',
      sentry: 'Sentry SCIM',
      ok: 'connected',
      failed: 'failed',
      running: 'Testing both sides…',
      requestFailed: 'The test could not run',
      resultLabel: 'Test result',
      summary: {
        appDisplayName: 'Enterprise app',
        appId: 'App ID',
        servicePrincipalId: 'Service principal ID',
        checked: 'Permissions checked',
        org: 'Organization',
        members: 'Members'
      }
    },
    failures: {
      missing_secret: 'No secret is stored for this connection. Edit it and enter the secret.',
      invalid_settings: 'The connection settings are incomplete or invalid. Edit the connection and check each field.',
      wrong_secret: 'Entra rejected the client secret for the application {{clientId}}. Create a new secret in the app registration and enter it here.',
      sign_in_failed: 'Signing in to Entra failed. Check the tenant and the application (client) ID.',
      graph_permission_missing: 'The app registration lacks the Microsoft Graph permission {{permission}}. Add it as an application permission and grant admin consent.',
      app_not_found: 'No enterprise app with this name or ID was found in the tenant. Check the spelling, or use the app ID.',
      scim_unauthorized: 'Sentry rejected the SCIM token. Copy a fresh token from Settings > Auth > SCIM Information.',
      scim_not_enabled: 'SCIM is not enabled for this Sentry organization, or the base URL is wrong. Enable SCIM under Settings > Auth and copy the base URL from there.',
      host_unreachable: 'The host {{host}} could not be reached. Check the URL, the network and the proxy settings.',
      host_unreachable_unnamed: 'The server could not be reached. Check the sign-in host, the network and the proxy settings.',
      timeout: 'The server did not answer in time. Try again, or check the network.',
      unexpected: 'The check failed for an unexpected reason. The technical details below say more.'
    }
  },
  capture: {
    title: 'Take a snapshot',
    profile: 'Connection',
    start: 'Take snapshot',
    cancel: 'Cancel capture',
    cancelling: 'Cancelling…',
    running: 'Reading both sides…',
    noProfiles: 'A snapshot needs a connection to Entra ID and Sentry.',
    toConnections: 'Add a connection',
    startFailed: 'The capture could not start',
    failed: 'The capture failed. Nothing was saved.',
    cancelled: 'The capture was cancelled. Nothing was saved.',
    completed: 'Snapshot {{id}} was saved.',
    progressCaption: 'Progress per source',
    rowsOfTotal: '{{rows}} of {{total}}',
    columns: {
      source: 'Source',
      state: 'State',
      pages: 'Pages',
      rows: 'Rows',
      retries: 'Retries'
    },
    state: {
      running: 'reading',
      done: 'done',
      unavailable: 'not readable',
      failed: 'failed'
    }
  },
  opened: {
    openFile: 'Open snapshot file…',
    pathQuestion: 'Path of the snapshot file to open read-only:',
    verified: 'Hash verified: the file is unchanged since it was written.',
    notVerified: 'Hash does NOT verify: the file was changed or damaged after it was written.',
    readOnly: 'Opened read-only from outside the workspace.',
    demoNote: 'The bundled demo snapshot, opened read-only.',
    problems: {
      truncated: 'The file is shorter than its header says: the copy or download was incomplete. Copy it again from its source.',
      'hash-mismatch': 'The content no longer matches the hash recorded when the snapshot was written. Ask the sender for a fresh copy and its SHA-256.',
      corrupt: 'The file is damaged and cannot be read as a snapshot. Ask the sender for a fresh copy.',
      'foreign-file': 'This is not a Roster snapshot file. Check that you chose the right file.',
      'too-new': 'A newer version of Roster wrote this file. Update Roster to open it.',
      other: 'The file failed its checks. The technical details below name the reason.'
    }
  },
  firstRun: {
    title: 'See Roster at work in a minute',
    body: 'The workspace is still empty. Open the bundled demo: a made-up tenant with about 200 users, 15 groups and every kind of drift, read-only and offline.',
    openDemo: 'Open the demo',
    orCapture: 'Or add a connection and take your first snapshot below.'
  },
  picker: {
    choose: 'Choose a snapshot…',
    demo: 'Demo snapshot (read-only)',
    file: 'File {{name}} (read-only)'
  }
};
