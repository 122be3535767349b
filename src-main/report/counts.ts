import type { AuditResult } from '../model/audit-result';
import { FINDING_KINDS, SEVERITIES, type FindingKind, type Severity } from '../model/finding';
import type { FindingCounts } from './types';

/** Counts per kind and severity pair, for the Summary sheet's table. */
export type KindSeverityTable = Record<FindingKind, Record<Severity, number>>;

function zeroBySeverity(): Record<Severity, number> {
  return { high: 0, medium: 0, low: 0, info: 0 };
}

export function tabulateFindings(audit: AuditResult): KindSeverityTable {
  const table = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, zeroBySeverity()])) as KindSeverityTable;
  for (const finding of audit.findings) {
    const row = table[finding.kind];
    if (!row || !SEVERITIES.includes(finding.severity)) {
      throw new Error(`Finding ${finding.id} has unknown kind "${finding.kind}" or severity "${finding.severity}": the report only knows the kinds and severities in src-main/model/finding.ts.`);
    }
    row[finding.severity] += 1;
  }
  return table;
}

/**
 * Counts the findings and checks them against the totals the audit stored, so a report never shows
 * a summary that disagrees with its own finding rows.
 */
export function countFindings(audit: AuditResult): FindingCounts {
  const table = tabulateFindings(audit);
  const bySeverity = zeroBySeverity();
  const byKind = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, 0])) as Record<FindingKind, number>;

  for (const kind of FINDING_KINDS) {
    for (const severity of SEVERITIES) {
      byKind[kind] += table[kind][severity];
      bySeverity[severity] += table[kind][severity];
    }
  }

  for (const kind of FINDING_KINDS) {
    const stored = audit.countsByKind[kind] ?? 0;
    if (stored !== byKind[kind]) {
      throw new Error(`Inconsistent audit result ${audit.snapshotId}: countsByKind["${kind}"] is ${stored} but ${byKind[kind]} findings have that kind. Re-run the audit.`);
    }
  }
  for (const severity of SEVERITIES) {
    const stored = audit.countsBySeverity[severity];
    if (stored !== bySeverity[severity]) {
      throw new Error(`Inconsistent audit result ${audit.snapshotId}: countsBySeverity.${severity} is ${stored} but ${bySeverity[severity]} findings have that severity. Re-run the audit.`);
    }
  }

  return { bySeverity, byKind };
}
