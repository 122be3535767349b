export { writeFileAtomic } from './atomic-write';
export { countFindings } from './counts';
export { findingsToCsv } from './csv';
export { findingsToJson } from './findings-json';
export { buildWorkbook } from './workbook';
export { assertReportLanguage, REPORT_LANGUAGES } from './types';
export type { FindingCounts, FindingsDocument, ReportInput, ReportLanguage } from './types';
