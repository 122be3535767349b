/** English text of the audit screen: counts, findings, the detail pane, teams and the what-if comparison. */
export const enAudit = {
  severity: {
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    info: 'Info'
  },
  kinds: {
    'user.missing_in_sentry': 'User missing in Sentry',
    'user.orphaned_in_sentry': 'Sentry member without Entra user',
    'user.disabled_in_entra': 'Disabled in Entra ID',
    'user.matching_attribute_mismatch': 'Matching attribute differs',
    'user.case_only_difference': 'Differs only in letter case',
    'user.duplicate_in_sentry': 'Duplicate Sentry members',
    'user.nested_group_only': 'Assigned only through a nested group',
    'user.unmatchable': 'Cannot be matched',
    'user.role_mismatch': 'Role differs',
    'group.missing_in_sentry': 'Team missing in Sentry',
    'group.slug_collision': 'Team slug collision',
    'group.name_mismatch': 'Team name differs',
    'group.unmanaged_in_sentry': 'Team not managed by Entra',
    'group.member_missing_in_sentry': 'Team member missing in Sentry',
    'group.member_extra_in_sentry': 'Extra team member in Sentry',
    'group.member_list_truncated': 'Team member list cut off'
  },
  audit: {
    heading: 'Audit',
    description: 'What Entra’s provisioning service would do with each assigned person and group, and where Sentry differs.',
    snapshot: 'Snapshot',
    running: 'Auditing the snapshot…',
    failed: 'The audit could not run',
    noSnapshotTitle: 'No snapshot chosen',
    noSnapshotPick: 'Choose a snapshot above to audit it.',
    noSnapshotBody: 'Take a snapshot or open the demo on the Snapshots screen first.',
    toSnapshots: 'Go to Snapshots',
    summaryLabel: 'Counts',
    findings_one: 'finding',
    findings_other: 'findings',
    byKind: 'Findings by kind',
    matchingRule: 'Matching: {{target}} ← {{source}} ({{origin}})',
    matchingOrigin: {
      schema: 'from the provisioning schema',
      default: 'Entra’s default for Sentry',
      override: 'what-if override'
    },
    population: '{{users}} users in scope, {{members}} Sentry members',
    auditedAt: 'audited {{time}}',
    warnings: 'Limits of this audit',
    viewsLabel: 'Audit views',
    views: {
      findings: 'Findings',
      teams: 'Teams',
      whatIf: 'What-if matching'
    }
  },
  findings: {
    filters: 'Filter findings',
    search: 'Search findings',
    searchPlaceholder: 'Search names, IDs, values…  (/)',
    allKinds: 'All kinds',
    matching_one: '{{formatted}} finding matches',
    matching_other: '{{formatted}} findings match',
    clearFilters: 'Clear filters',
    gridLabel_one: '{{formatted}} finding',
    gridLabel_other: '{{formatted}} findings',
    loadingRow: 'Loading…',
    loadFailed: 'The findings could not be loaded',
    none: 'This snapshot has no findings: both sides match.',
    noneMatching: 'No finding matches these filters.',
    columns: {
      severity: 'Severity',
      kind: 'Kind',
      entra: 'Entra ID',
      sentry: 'Sentry',
      attribute: 'Attribute',
      id: 'ID'
    }
  },
  finding: {
    loading: 'Loading the finding…',
    loadFailed: 'The finding could not be loaded',
    entra: 'Entra ID',
    sentry: 'Sentry',
    entraNone: 'No Entra object is involved.',
    sentryNone: 'No Sentry object is involved.',
    comparison: 'Entra ID and Sentry side by side',
    attribute: 'Attribute',
    objectType: 'Type',
    differs: 'differs',
    empty: '(empty)',
    entraSends: 'Entra sends',
    sentryHolds: 'Sentry holds',
    explanation: 'What happens',
    action: 'Recommended action',
    lastEvent: 'Last provisioning event',
    id: 'Finding ID'
  },
  teams: {
    search: 'Search groups, teams, members',
    statusLabel: 'Membership status',
    count_one: '{{formatted}} row',
    count_other: '{{formatted}} rows',
    loading: 'Loading team memberships…',
    loadFailed: 'The team memberships could not be loaded',
    empty: 'No membership matches these filters.',
    caption: 'Team memberships in Entra ID and Sentry',
    noGroup: 'no Entra group',
    noTeam: 'no Sentry team',
    columns: {
      group: 'Entra group',
      team: 'Sentry team',
      member: 'Member',
      status: 'Status'
    },
    status: {
      in_both: 'In both',
      missing_in_sentry: 'Missing in Sentry',
      extra_in_sentry: 'Only in Sentry'
    }
  },
  whatIf: {
    loading: 'Comparing the matching candidates…',
    loadFailed: 'The comparison could not be computed',
    description: 'Each row audits this snapshot again with another Entra attribute as the source of userName. Pick the source that links the most people and creates no duplicates.',
    caption: 'Outcome per candidate source of userName',
    current: 'current',
    columns: {
      source: 'Source of <field>userName</field>',
      link: 'Link',
      create: 'Create',
      duplicate: 'Duplicate',
      skip: 'Skip',
      orphaned: 'Orphaned'
    },
    hints: {
      link: 'users whose value matches exactly one Sentry member',
      create: 'users whose value matches no member, so Entra creates one',
      duplicate: 'users whose value matches several members or another user',
      skip: 'users without a value, whom Entra skips',
      orphaned: 'Sentry members that no user would match'
    }
  }
};

/** English text of the drift and export screens. */
export const enCompare = {
  drift: {
    heading: 'Drift',
    description: 'What changed on each side between two snapshots: people, groups, assignments, members and teams.',
    from: 'Earlier snapshot',
    to: 'Later snapshot',
    needTwoTitle: 'Drift needs two snapshots',
    needTwoBody: 'Take another snapshot later, or open a snapshot file, to see what changed in between.',
    pickTwo: 'Choose two snapshots to compare.',
    sameSnapshot: 'Choose two different snapshots.',
    search: 'Search names, IDs, values',
    changeLabel: 'Kind of change',
    sideLabel: 'Side',
    loading: 'Comparing the snapshots…',
    failed: 'The snapshots could not be compared',
    none: 'Nothing changed between these snapshots.',
    total_one: '{{formatted}} change',
    total_other: '{{formatted}} changes',
    caption: 'Changes between the two snapshots',
    change: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    side: { entra: 'Entra ID', sentry: 'Sentry' },
    objectType: {
      user: 'User',
      group: 'Group',
      assignment: 'Assignment',
      membership: 'Group membership',
      member: 'Member',
      team: 'Team',
      teamMembership: 'Team membership',
      provisioningJob: 'Provisioning job'
    },
    columns: {
      change: 'Change',
      side: 'Side',
      object: 'Object',
      name: 'Name',
      attribute: 'Attribute',
      before: 'Before',
      after: 'After'
    }
  },
  export: {
    heading: 'Export',
    description: 'Save the audit of a snapshot as evidence. Every file names the snapshot, its hash and where the data came from.',
    snapshot: 'Snapshot',
    compare: 'Compare with (Changes sheet)',
    noCompare: 'No comparison',
    language: 'Report language',
    noSnapshotTitle: 'Nothing to export yet',
    pickFirst: 'Choose a snapshot to export.',
    pathQuestion: 'Save the file as:',
    running: 'Writing…',
    cancelled: 'Nothing was saved.',
    failed: 'The export failed',
    written_one: '{{format}} with {{findings}} finding saved to',
    written_other: '{{format}} with {{findings}} findings saved to',
    bytes: '{{size}} KB',
    formats: {
      workbook: {
        name: 'Excel workbook',
        title: 'Excel evidence workbook',
        body: 'Cover sheet, summary, findings, users, teams and a sign-off sheet, ready to file.',
        button: 'Save workbook…'
      },
      csv: {
        name: 'CSV file',
        title: 'CSV',
        body: 'One row per finding, for spreadsheets and ticket imports.',
        button: 'Save CSV…'
      },
      json: {
        name: 'JSON file',
        title: 'JSON',
        body: 'The findings in the documented format that <cmd>roster audit --format json</cmd> writes, for scripts.',
        button: 'Save JSON…'
      }
    }
  }
};
