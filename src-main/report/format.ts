/** Cell texts shared by the workbook and the CSV export. */
import type { EntraRef, Finding, ProvisioningEventRef, SentryRef } from '../model/finding';
import { findingText } from './finding-text';
import { labelsFor } from './labels';
import type { ReportLanguage } from './types';

/**
 * Formats a timestamp as ISO 8601 in UTC (`2026-03-01T08:15:00.000Z`). `field` names the value in
 * the error, because an unparseable time in evidence must stop the report rather than be printed.
 */
export function formatUtc(value: string | Date, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`Invalid timestamp ${JSON.stringify(String(value))} in ${field}: expected ISO 8601, e.g. 2026-03-01T08:15:00Z.`);
  }
  return date.toISOString();
}

export function formatOptionalUtc(value: string | null, field: string): string {
  return value === null ? '' : formatUtc(value, field);
}

/** Joins the non-empty `label: value` parts with `; `. Labels are API field names, so they need no translation. */
function joinParts(parts: Array<[label: string | null, value: string | null | undefined]>): string {
  return parts
    .filter((part): part is [string | null, string] => part[1] !== null && part[1] !== undefined && part[1] !== '')
    .map(([label, value]) => (label === null ? value : `${label}: ${value}`))
    .join('; ');
}

export function describeEntraRef(ref: EntraRef): string {
  if (ref.type === 'group') {
    return joinParts([
      [null, ref.displayName],
      ['slug', ref.slug],
      ['id', ref.id]
    ]);
  }

  const enabled = ref.accountEnabled === undefined || ref.accountEnabled === null ? null : String(ref.accountEnabled);
  return joinParts([
    [null, ref.displayName],
    ['UPN', ref.userPrincipalName],
    ['mail', ref.mail],
    ['userName', ref.matchValue],
    ['accountEnabled', enabled],
    ['id', ref.id]
  ]);
}

export function describeSentryRef(ref: SentryRef): string {
  if (ref.type === 'team') {
    return joinParts([
      [null, ref.displayName],
      ['slug', ref.slug],
      ['id', ref.id]
    ]);
  }

  return joinParts([
    [null, ref.displayName],
    ['userName', ref.userName],
    ['orgRole', ref.sentryOrgRole],
    ['id', ref.id]
  ]);
}

/** Describes each referenced object on its own line, so several objects stay readable in one wrapped cell. */
export function describeRefs<T>(refs: T[], describe: (ref: T) => string): string {
  return refs.map(describe).join('\n');
}

export function describeEvent(event: ProvisioningEventRef | null, findingId: string): string {
  if (event === null) return '';
  const time = formatUtc(event.activityDateTime, `lastProvisioningEvent.activityDateTime of finding ${findingId}`);
  const error = event.errorCode === null ? '' : ` (${event.errorCode})`;
  return `${time} ${event.provisioningAction} ${event.status}${error}`;
}

/** Returns the cells of one finding, in the order of `ReportLabels.findingColumns`. */
export function findingRow(finding: Finding, lang: ReportLanguage): string[] {
  const labels = labelsFor(lang);
  const text = findingText(finding, lang);
  return [
    finding.id,
    finding.kind,
    labels.severity[finding.severity],
    describeRefs(finding.entra, describeEntraRef),
    describeRefs(finding.sentry, describeSentryRef),
    finding.attribute?.name ?? '',
    finding.attribute?.entraValue ?? '',
    finding.attribute?.sentryValue ?? '',
    text.explanation,
    text.recommendedAction,
    describeEvent(finding.lastProvisioningEvent, finding.id)
  ];
}

export function yesNo(value: boolean | null, lang: ReportLanguage): string {
  if (value === null) return '';
  const labels = labelsFor(lang);
  return value ? labels.yes : labels.no;
}
