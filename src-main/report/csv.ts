import type { AuditResult } from '../model/audit-result';
import { findingRow } from './format';
import { labelsFor } from './labels';
import type { ReportLanguage } from './types';

/** Byte order mark, so Excel reads the file as UTF-8 and shows umlauts correctly. */
const UTF8_BOM = '\uFEFF';

/** Characters that make Excel, LibreOffice or Google Sheets treat a CSV cell as a formula or split it. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralizes spreadsheet formula injection by prefixing a single quote, as OWASP's CSV injection
 * guidance recommends. The quote stays visible in the cell, which is the cost of opening the file safely.
 */
export function protectCsvCell(value: string): string {
  const first = value.charAt(0);
  return FORMULA_TRIGGERS.has(first) ? `'${value}` : value;
}

/** Quotes a field as RFC 4180 requires: when it contains a comma, a double quote, CR or LF. */
export function quoteCsvField(value: string): string {
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * Renders the findings as CSV (RFC 4180: comma separator, CRLF line ends) with a UTF-8 BOM, using
 * the Findings sheet's columns.
 * NOTE: Excel in German locales expects `;` and opens comma-separated files in one column unless
 * they are imported through Data > From Text/CSV; the workbook is the format meant for Excel users.
 */
export function findingsToCsv(audit: AuditResult, lang: ReportLanguage): string {
  const labels = labelsFor(lang);
  const rows = [labels.findingColumns, ...audit.findings.map((finding) => findingRow(finding, lang))];
  const lines = rows.map((row) => row.map((cell) => quoteCsvField(protectCsvCell(cell))).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
