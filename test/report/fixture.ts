/**
 * A hand-built audit of a small tenant for the report tests: several finding kinds, umlauts, and
 * display names that a spreadsheet would run as formulas if they were written as plain values.
 */
import type { AuditResult, SnapshotDiff } from '../../src-main/model/audit-result';
import type { Finding } from '../../src-main/model/finding';
import type { SnapshotId, SnapshotMeta } from '../../src-main/model/snapshot';
import type { ReportInput } from '../../src-main/report';

export const SNAPSHOT_ID = '20260301-081500-a1b2c3' as SnapshotId;
export const EARLIER_SNAPSHOT_ID = '20260215-070000-d4e5f6' as SnapshotId;
export const SHA256 = '3f0a8c1e5b7d9f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a';
export const EARLIER_SHA256 = 'b'.repeat(64);

export const HYPERLINK_NAME = '=HYPERLINK("http://example.invalid","x")';

export function snapshotMeta(): SnapshotMeta {
  return {
    id: SNAPSHOT_ID,
    createdAt: '2026-03-01T08:15:00Z',
    origin: 'live',
    toolVersion: '0.1.0',
    capturedBy: 'CONTOSO\\a.auditor',
    tenantId: '11111111-2222-3333-4444-555555555555',
    appId: '66666666-7777-8888-9999-000000000000',
    servicePrincipalId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    appDisplayName: 'Sentry',
    sentryOrg: 'contoso',
    sentryBaseUrl: 'https://sentry.io/api/0/organizations/contoso/scim/v2',
    population: 'Users and groups assigned to the Sentry enterprise app (assignment required: yes)',
    sources: [
      { source: 'graph.assignments', startedAt: '2026-03-01T08:15:01Z', endedAt: '2026-03-01T08:15:03.250Z', rowsReceived: 5, apiTotal: null, pages: 1, retries: 0 },
      { source: 'scim.users', startedAt: '2026-03-01T08:15:04Z', endedAt: '2026-03-01T08:15:09Z', rowsReceived: 4, apiTotal: 4, pages: 1, retries: 2 },
      { source: 'scim.groups', startedAt: '2026-03-01T08:15:09Z', endedAt: '2026-03-01T08:15:10Z', rowsReceived: 2, apiTotal: 3, pages: 1, retries: 0 }
    ],
    warnings: ['SCIM /Groups announced 3 teams but returned 2.', 'Provisioning logs cover only the last 30 days.'],
    unavailable: [{ source: 'graph.provisioningLogs', reason: 'Graph answered 403 Forbidden', missingPermission: 'AuditLog.Read.All' }],
    contentSha256: SHA256
  };
}

export function earlierSnapshotMeta(): SnapshotMeta {
  return { ...snapshotMeta(), id: EARLIER_SNAPSHOT_ID, createdAt: '2026-02-15T07:00:00Z', contentSha256: EARLIER_SHA256, warnings: [], unavailable: [] };
}

function finding(partial: Partial<Finding> & Pick<Finding, 'id' | 'kind' | 'severity'>): Finding {
  return {
    entra: [],
    sentry: [],
    attribute: null,
    details: {},
    explanation: '',
    recommendedAction: '',
    lastProvisioningEvent: null,
    ...partial
  };
}

export function findings(): Finding[] {
  return [
    finding({
      id: 'f-missing-juergen',
      kind: 'user.missing_in_sentry',
      severity: 'high',
      entra: [{ type: 'user', id: 'u-juergen', displayName: 'Jürgen Groß', userPrincipalName: 'juergen.gross@contoso.example', matchValue: 'juergen.gross@contoso.example' }],
      details: { user: 'Jürgen Groß', matchValue: 'juergen.gross@contoso.example', valueIsEmail: true },
      explanation: 'Entra will create the member "juergen.gross@contoso.example", then add it to its teams.',
      recommendedAction: 'Wait for the next cycle, or provision on demand.',
      lastProvisioningEvent: { activityDateTime: '2026-02-28T23:10:00Z', provisioningAction: 'create', status: 'failure', errorCode: 'SentryConflict' }
    }),
    finding({
      id: 'f-orphan-hyperlink',
      kind: 'user.orphaned_in_sentry',
      severity: 'medium',
      entra: [{ type: 'user', id: 'u-hyper', displayName: HYPERLINK_NAME, userPrincipalName: null }],
      sentry: [{ type: 'user', id: 's-41', userName: 'old.account@contoso.example', sentryOrgRole: 'member' }],
      details: { sentryUserName: 'old.account@contoso.example', sentryOrgRole: 'member', reason: 'no_match', provisionedByEntra: false, syncAll: false },
      explanation: 'No in-scope user sends this userName.\nEntra never deletes it.',
      recommendedAction: 'Remove the member in Sentry, or assign its owner.'
    }),
    finding({
      id: 'f-mismatch-plus',
      kind: 'user.matching_attribute_mismatch',
      severity: 'medium',
      entra: [{ type: 'user', id: 'u-plus', displayName: '+49 Support', userPrincipalName: 'support@contoso.example', mail: 'help@contoso.example' }],
      sentry: [{ type: 'user', id: 's-42', userName: '-support@contoso.example' }],
      attribute: { name: 'userName', entraValue: '@support', sentryValue: '-support@contoso.example' },
      details: {
        matchValue: '@support',
        sourceAttribute: 'userPrincipalName',
        sentryUserName: '-support@contoso.example',
        secondaryAttribute: 'mail',
        secondaryValue: 'help@contoso.example'
      },
      explanation: 'Entra sends userName "@support", Sentry holds "-support@contoso.example".',
      recommendedAction: 'Align the two values.'
    }),
    finding({
      id: 'f-case-minus',
      kind: 'user.case_only_difference',
      severity: 'low',
      entra: [{ type: 'user', id: 'u-minus', displayName: '-Admin', userPrincipalName: 'Admin@contoso.example', accountEnabled: true }],
      sentry: [{ type: 'user', id: 's-43', userName: 'admin@contoso.example' }],
      attribute: { name: 'userName', entraValue: 'Admin@contoso.example', sentryValue: 'admin@contoso.example' },
      details: { matchValue: 'Admin@contoso.example', sentryUserName: 'admin@contoso.example' },
      explanation: 'Only the letter case differs.',
      recommendedAction: 'None needed.'
    }),
    finding({
      id: 'f-disabled-at',
      kind: 'user.disabled_in_entra',
      severity: 'info',
      entra: [{ type: 'user', id: 'u-at', displayName: '@ops', userPrincipalName: 'ops@contoso.example', accountEnabled: false }],
      sentry: [{ type: 'user', id: 's-44', userName: 'ops@contoso.example' }],
      details: { user: '@ops', state: 'disabled', linkedByEntra: true, sentryUserName: 'ops@contoso.example' },
      explanation: 'Entra will remove the member.',
      recommendedAction: 'Confirm the account should lose access.'
    }),
    finding({
      id: 'f-slug-platform',
      kind: 'group.slug_collision',
      severity: 'high',
      entra: [
        { type: 'group', id: 'g-1', displayName: 'Platform Team', slug: 'platform-team' },
        { type: 'group', id: 'g-2', displayName: 'Platform-Team', slug: 'platform-team' }
      ],
      sentry: [{ type: 'team', id: 't-7', displayName: 'Platform Team', slug: 'platform-team' }],
      details: { groupNames: 'Platform Team, Platform-Team', slug: 'platform-team' },
      explanation: 'Both groups map to the slug platform-team.',
      recommendedAction: 'Rename one group.'
    }),
    finding({
      id: 'f-member-juergen',
      kind: 'group.member_missing_in_sentry',
      severity: 'medium',
      entra: [
        { type: 'group', id: 'g-1', displayName: 'Platform Team', slug: 'platform-team' },
        { type: 'user', id: 'u-juergen', displayName: 'Jürgen Groß' }
      ],
      sentry: [{ type: 'team', id: 't-7', slug: 'platform-team' }],
      details: { user: 'Jürgen Groß', groupName: 'Platform Team', member: 'juergen.gross@contoso.example', teamName: 'Platform Team' },
      explanation: 'Jürgen Groß is not in the team.',
      recommendedAction: 'Wait for the next cycle.'
    })
  ];
}

export function auditResult(): AuditResult {
  return {
    snapshotId: SNAPSHOT_ID,
    auditedAt: '2026-03-01T08:16:00Z',
    matching: { targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', origin: 'schema' },
    findings: findings(),
    countsByKind: {
      'user.missing_in_sentry': 1,
      'user.orphaned_in_sentry': 1,
      'user.matching_attribute_mismatch': 1,
      'user.case_only_difference': 1,
      'user.disabled_in_entra': 1,
      'group.slug_collision': 1,
      'group.member_missing_in_sentry': 1
    },
    countsBySeverity: { high: 2, medium: 3, low: 1, info: 1 },
    users: [
      {
        entraId: 'u-juergen',
        userPrincipalName: 'juergen.gross@contoso.example',
        entraDisplayName: 'Jürgen Groß',
        mail: null,
        accountEnabled: true,
        inScope: true,
        scopeReason: 'member of Platform Team',
        matchValue: 'juergen.gross@contoso.example',
        sentryId: null,
        sentryUserName: null,
        sentryOrgRole: null,
        expectedRole: 'member',
        matchedBy: null,
        findingKinds: ['user.missing_in_sentry', 'group.member_missing_in_sentry']
      },
      {
        entraId: 'u-hyper',
        userPrincipalName: null,
        entraDisplayName: HYPERLINK_NAME,
        mail: null,
        accountEnabled: false,
        inScope: false,
        scopeReason: 'disabled',
        matchValue: null,
        sentryId: 's-41',
        sentryUserName: 'old.account@contoso.example',
        sentryOrgRole: 'member',
        expectedRole: null,
        matchedBy: 'mail',
        findingKinds: ['user.orphaned_in_sentry']
      }
    ],
    teamMembers: [
      {
        groupId: 'g-1',
        groupName: 'Platform Team',
        slug: 'platform-team',
        teamId: 't-7',
        teamName: 'Platform Team',
        member: 'Jürgen Groß',
        entraUserId: 'u-juergen',
        sentryMemberId: null,
        status: 'missing_in_sentry'
      },
      { groupId: null, groupName: null, slug: 'legacy', teamId: 't-9', teamName: 'legacy', member: '@ops', entraUserId: null, sentryMemberId: 's-44', status: 'extra_in_sentry' }
    ],
    population: { inScopeUsers: 3, assignedGroups: 2, sentryMembers: 4, sentryTeams: 2 },
    warnings: ['Scoping clause "department EQUALS Ops" was treated as satisfied.']
  };
}

export function snapshotDiff(): SnapshotDiff {
  return {
    from: EARLIER_SNAPSHOT_ID,
    to: SNAPSHOT_ID,
    changes: [
      { side: 'entra', objectType: 'user', objectId: 'u-juergen', displayName: 'Jürgen Groß', change: 'added', attribute: null, oldValue: null, newValue: null },
      { side: 'sentry', objectType: 'member', objectId: 's-42', displayName: null, change: 'changed', attribute: 'userName', oldValue: 'support@contoso.example', newValue: '-support@contoso.example' }
    ]
  };
}

export function reportInput(withCompare: boolean): ReportInput {
  return {
    snapshot: snapshotMeta(),
    audit: auditResult(),
    compare: withCompare ? { snapshot: earlierSnapshotMeta(), diff: snapshotDiff() } : null,
    runBy: 'b.reviewer',
    generatedAt: new Date('2026-03-02T10:00:00Z'),
    toolVersion: '0.1.0'
  };
}
