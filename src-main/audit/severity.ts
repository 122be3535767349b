/**
 * Severity of each finding kind. High is what breaks someone's access or leaves access in Sentry that
 * should be gone, and that Entra will not fix on its own. Medium is a gap that Entra closes by itself
 * next cycle, or a result the auditor cannot fully trust. Low is cosmetic, and info needs no action.
 *
 * | Kind                              | Severity                 | Why                                                                 |
 * |-----------------------------------|--------------------------|---------------------------------------------------------------------|
 * | user.disabled_in_entra            | high                     | a disabled or deleted person still holds a Sentry membership        |
 * | user.orphaned_in_sentry           | high                     | a membership no in-scope Entra user accounts for; Entra keeps it    |
 * | user.matching_attribute_mismatch  | high                     | Entra misses the existing member and invites the person again       |
 * | user.duplicate_in_sentry          | high                     | Entra stops on DuplicateTargetEntries, or one membership stays unmanaged |
 * | user.unmatchable                  | high                     | Entra skips the user: access is neither given nor removed           |
 * | user.role_mismatch                | high if Sentry's role is more privileged than expected, else medium | excess privilege is access that should be gone |
 * | user.missing_in_sentry            | medium; high when the last provisioning event failed | Entra creates the invite next cycle unless it keeps failing |
 * | user.nested_group_only            | medium                   | the person expects access that Entra will never provision           |
 * | user.case_only_difference         | info                     | Sentry compares userName case-insensitively, so Entra still matches |
 * | group.slug_collision              | high                     | two groups drive one team, so memberships overwrite each other      |
 * | group.member_extra_in_sentry      | high                     | team access the group does not grant; Entra does not remove it      |
 * | group.missing_in_sentry           | medium; high when Sentry rejects the slug | Entra creates the team next cycle unless the slug is invalid |
 * | group.member_missing_in_sentry    | medium                   | Entra adds the member next cycle                                    |
 * | group.member_list_truncated       | medium                   | the membership comparison for this team is incomplete               |
 * | group.name_mismatch               | low                      | Entra finds the team by slug and renames it to the group's name     |
 * | group.unmanaged_in_sentry         | info                     | Sentry lists every team; Entra ignores teams it does not manage     |
 */
import type { FindingKind, Severity } from '../model/finding';

export const BASE_SEVERITY: Record<FindingKind, Severity> = {
  'user.missing_in_sentry': 'medium',
  'user.orphaned_in_sentry': 'high',
  'user.disabled_in_entra': 'high',
  'user.matching_attribute_mismatch': 'high',
  'user.case_only_difference': 'info',
  'user.duplicate_in_sentry': 'high',
  'user.nested_group_only': 'medium',
  'user.unmatchable': 'high',
  'user.role_mismatch': 'medium',
  'group.missing_in_sentry': 'medium',
  'group.slug_collision': 'high',
  'group.name_mismatch': 'low',
  'group.unmanaged_in_sentry': 'info',
  'group.member_missing_in_sentry': 'medium',
  'group.member_extra_in_sentry': 'high',
  'group.member_list_truncated': 'medium'
};

/** Sentry's organization roles from least to most privileged. `billing` ranks lowest because it grants access to billing pages only. */
const ROLE_RANK: Record<string, number> = { billing: 0, member: 1, admin: 2, manager: 3, owner: 4 };

export function roleMismatchSeverity(expectedRole: string, sentryRole: string): Severity {
  const expected = ROLE_RANK[expectedRole] ?? 1;
  const actual = ROLE_RANK[sentryRole] ?? 1;
  return actual > expected ? 'high' : 'medium';
}
