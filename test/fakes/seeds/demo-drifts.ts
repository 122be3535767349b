import type { FindingKind } from '../../../src-main/model/finding';

/**
 * The drift planted in the demo tenant, by the finding kind the audit should report for it. Entries
 * name Entra users by display name, Sentry-only members by userName and groups or teams by name, so a
 * reader can find each one in the app.
 */
export const DEMO_DRIFTS: Record<FindingKind, readonly string[]> = {
  // In scope, no Sentry member: new assignments, members deleted in Sentry's UI, and creates Sentry rejects.
  'user.missing_in_sentry': ['Grace Liu', 'Amara Nwosu', 'Sven Olsen', 'Keiko Sato', 'Marcus Webb', 'Anna-Katharina von Wittelsbach-Hohenzollern'],
  // Ex-employees and a shared owner account, plus two members whose Entra users fail the scoping filter.
  'user.orphaned_in_sentry': [
    'brian.oconnor@contoso.example',
    'julia.santos@contoso.example',
    'kevin.zhang@contoso.example',
    'sentry-admin@contoso.example',
    'leo.fischer@contoso.example',
    'sofia.reyes@northwind.example'
  ],
  // Peter Hall is deleted in Entra (Graph returns 404), so the audit finds his member through the provisioning log.
  'user.disabled_in_entra': ['Nadia Rahman', 'Owen Price', 'Peter Hall'],
  'user.matching_attribute_mismatch': ['Priya Raman', 'Daniel Okafor'],
  'user.case_only_difference': ['Lars Eriksson', 'Fatima Zahra'],
  'user.duplicate_in_sentry': ['Tomasz Nowak', 'Hannah Schmidt'],
  'user.nested_group_only': ['Ahmed Karimi', 'Beatriz Lopes', 'Jie Chen', 'Dmitri Volkov'],
  'user.unmatchable': ['Tariq Haddad'],
  'user.role_mismatch': ['Jonas Lindqvist', 'Mira Kovacs', 'Chloe Martin'],
  'group.missing_in_sentry': ['Data Platform', 'Security Champions'],
  'group.slug_collision': ['Platform Team', 'platform-team'],
  'group.name_mismatch': ['Mobile Developers'],
  'group.unmanaged_in_sentry': ['Frontend Guild', 'Incident Review'],
  'group.member_missing_in_sentry': ['Yusuf Demir', 'Ines Duarte'],
  // Nadia's disabled account no longer counts for Engineering, so her team membership is extra too.
  'group.member_extra_in_sentry': ['kevin.zhang@contoso.example', 'marco.rossi@contoso.example', 'nadia.rahman@contoso.example'],
  // The Store Associates team has more members than the 10,000 that Sentry's SCIM API returns for a team.
  'group.member_list_truncated': ['Store Associates']
};
