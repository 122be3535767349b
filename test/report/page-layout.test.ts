import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../src-main/report';
import { auditResult, snapshotMeta } from './fixture';
import { readWorkbook, sheetXml } from './xlsx-read';

const workbookBytes = buildWorkbook({ snapshot: snapshotMeta(), audit: auditResult(), runBy: 'auditor', generatedAt: new Date('2026-03-01T10:00:00Z'), toolVersion: '0.1.0' }, 'en');
const names = readWorkbook(workbookBytes).SheetNames;

function pageSetupOf(sheetName: string): { fit: boolean; setup: string | undefined } {
  const xml = sheetXml(workbookBytes, names.indexOf(sheetName));
  return { fit: xml.includes('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension '), setup: /<pageSetup [^>]*\/>/.exec(xml)?.[0] };
}

describe('workbook page layout', () => {
  it('fits the cover to one page width', () => {
    expect(pageSetupOf('Cover')).toEqual({ fit: true, setup: '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' });
  });

  it('fits the narrow summary', () => {
    expect(pageSetupOf('Summary')).toEqual({ fit: true, setup: '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' });
  });

  it('prints the wide findings table landscape unscaled', () => {
    expect(pageSetupOf('Findings')).toEqual({ fit: false, setup: '<pageSetup orientation="landscape"/>' });
  });

  it('sets the setup after the margins', () => {
    const xml = sheetXml(workbookBytes, names.indexOf('Findings'));
    expect(xml).toContain('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup orientation="landscape"/><ignoredErrors>');
  });
});
