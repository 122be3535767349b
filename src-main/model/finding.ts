/**
 * The findings contract. Kind names, field names and severities are a public interface: scripts read
 * `roster audit --format json`, so change them only with a documented version bump (docs/findings-json.md).
 */

export const FINDING_KINDS = [
  'user.missing_in_sentry',
  'user.orphaned_in_sentry',
  'user.disabled_in_entra',
  'user.matching_attribute_mismatch',
  'user.case_only_difference',
  'user.duplicate_in_sentry',
  'user.nested_group_only',
  'user.unmatchable',
  'user.role_mismatch',
  'group.missing_in_sentry',
  'group.slug_collision',
  'group.name_mismatch',
  'group.unmanaged_in_sentry',
  'group.member_missing_in_sentry',
  'group.member_extra_in_sentry',
  'group.member_list_truncated'
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** An Entra user or group involved in a finding, with the attributes that matter for it. */
export interface EntraRef {
  type: 'user' | 'group';
  id: string;
  displayName: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  accountEnabled?: boolean | null;
  /** The value Entra sends as the matching attribute (userName for users, displayName for groups). */
  matchValue?: string | null;
  /** The team slug Sentry derives from a group's displayName. */
  slug?: string | null;
}

/** A Sentry member or team involved in a finding. */
export interface SentryRef {
  type: 'user' | 'team';
  id: string;
  userName?: string | null;
  displayName?: string | null;
  slug?: string | null;
  sentryOrgRole?: string | null;
}

export interface AttributeDifference {
  name: string;
  entraValue: string | null;
  sentryValue: string | null;
}

export interface ProvisioningEventRef {
  activityDateTime: string;
  provisioningAction: string;
  status: string;
  errorCode: string | null;
}

export interface Finding {
  /** Stable across runs on the same data: derived from the kind and the object ids. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  entra: EntraRef[];
  sentry: SentryRef[];
  attribute: AttributeDifference | null;
  /** Machine-readable facts behind the texts (e.g. the failed scoping clause); rendered into both languages. */
  details: Record<string, string | number | boolean | null>;
  /** What Entra's provisioning service will do about it on its next cycle, in English. */
  explanation: string;
  /** What the auditor or admin should do, in English. */
  recommendedAction: string;
  lastProvisioningEvent: ProvisioningEventRef | null;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
