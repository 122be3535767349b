/** The workbook's table sheets: one header row, then one row per finding, user, membership or change. */
import type { AuditResult, SnapshotDiff } from '../model/audit-result';
import { FINDING_KINDS, SEVERITIES } from '../model/finding';
import { tabulateFindings } from './counts';
import { describeEntraRef, describeRefs, describeSentryRef, findingRow, yesNo } from './format';
import { labelsFor } from './labels';
import type { ReportLanguage } from './types';
import type { SheetSpec } from './xlsx-file';

function nullable(value: string | null): string {
  return value ?? '';
}

/** Builds the kind-by-severity counts with a total column and a total row. Every kind appears, also those with zero. */
export function summarySheet(audit: AuditResult, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const table = tabulateFindings(audit);
  const header = [labels.summary.kind, ...SEVERITIES.map((severity) => labels.severity[severity]), labels.summary.total];

  const rows = FINDING_KINDS.map((kind) => {
    const counts = SEVERITIES.map((severity) => table[kind][severity]);
    return [kind, ...counts.map(String), String(counts.reduce((sum, count) => sum + count, 0))];
  });

  const columnTotals = SEVERITIES.map((severity) => FINDING_KINDS.reduce((sum, kind) => sum + table[kind][severity], 0));
  const grandTotal = columnTotals.reduce((sum, count) => sum + count, 0);
  const totalRow = [labels.summary.total, ...columnTotals.map(String), String(grandTotal)];

  const allRows = [header, ...rows, totalRow];
  return { name: labels.sheets.summary, rows: allRows, rowStyles: { 0: 'header', [allRows.length - 1]: 'header' }, frozenHeaderRow: 0 };
}

export function findingsSheet(audit: AuditResult, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const rows = [labels.findingColumns, ...audit.findings.map((finding) => findingRow(finding, lang))];
  return { name: labels.sheets.findings, rows, rowStyles: { 0: 'header' }, frozenHeaderRow: 0, autoFilter: true };
}

export function usersSheet(audit: AuditResult, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const rows = audit.users.map((user) => [
    nullable(user.entraId),
    nullable(user.userPrincipalName),
    nullable(user.entraDisplayName),
    nullable(user.mail),
    yesNo(user.accountEnabled, lang),
    yesNo(user.inScope, lang),
    // NOTE: scopeReason and matchedBy come from the audit in English and stay English in German reports.
    user.scopeReason,
    nullable(user.matchValue),
    nullable(user.matchedBy),
    nullable(user.sentryId),
    nullable(user.sentryUserName),
    nullable(user.sentryOrgRole),
    nullable(user.expectedRole),
    user.findingKinds.join(', ')
  ]);
  return { name: labels.sheets.users, rows: [labels.userColumns, ...rows], rowStyles: { 0: 'header' }, frozenHeaderRow: 0, autoFilter: true };
}

export function teamsSheet(audit: AuditResult, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const rows = audit.teamMembers.map((row) => [
    nullable(row.groupId),
    nullable(row.groupName),
    nullable(row.slug),
    nullable(row.teamId),
    nullable(row.teamName),
    row.member,
    nullable(row.entraUserId),
    nullable(row.sentryMemberId),
    labels.memberStatus[row.status]
  ]);
  return { name: labels.sheets.teams, rows: [labels.teamColumns, ...rows], rowStyles: { 0: 'header' }, frozenHeaderRow: 0, autoFilter: true };
}

export function changesSheet(diff: SnapshotDiff, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const rows = diff.changes.map((change) => [
    labels.side[change.side],
    labels.objectType[change.objectType],
    change.objectId,
    nullable(change.displayName),
    labels.change[change.change],
    nullable(change.attribute),
    nullable(change.oldValue),
    nullable(change.newValue)
  ]);
  return { name: labels.sheets.changes, rows: [labels.changeColumns, ...rows], rowStyles: { 0: 'header' }, frozenHeaderRow: 0, autoFilter: true };
}

/** Widths in characters for the columns a reviewer fills in, which start out empty. */
const SIGN_OFF_INPUT_WIDTHS = { decision: 24, justification: 60, reviewer: 24, date: 14 };

/** Zero-based index of the Decision column: it follows the five columns that identify the finding. */
const SIGN_OFF_FIRST_INPUT_COLUMN = 5;

/** Builds the sign-off sheet: instructions, a blank row, then one row per finding with empty decision columns. */
export function signOffSheet(audit: AuditResult, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const instructions = labels.signOff.instructions.map((line) => [line]);
  const headerRow = instructions.length + 1;

  const findingRows = audit.findings.map((finding) => [
    finding.id,
    finding.kind,
    labels.severity[finding.severity],
    describeRefs(finding.entra, describeEntraRef),
    describeRefs(finding.sentry, describeSentryRef)
  ]);

  const rowStyles: SheetSpec['rowStyles'] = { 0: 'title', [headerRow]: 'header' };
  for (let row = 1; row < instructions.length; row += 1) rowStyles[row] = 'note';

  const firstInputColumn = SIGN_OFF_FIRST_INPUT_COLUMN;
  return {
    name: labels.sheets.signOff,
    rows: [...instructions, [], labels.signOff.columns, ...findingRows],
    rowStyles,
    frozenHeaderRow: headerRow,
    autoFilter: true,
    minWidths: {
      [firstInputColumn]: SIGN_OFF_INPUT_WIDTHS.decision,
      [firstInputColumn + 1]: SIGN_OFF_INPUT_WIDTHS.justification,
      [firstInputColumn + 2]: SIGN_OFF_INPUT_WIDTHS.reviewer,
      [firstInputColumn + 3]: SIGN_OFF_INPUT_WIDTHS.date
    }
  };
}
