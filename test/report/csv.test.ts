import { describe, expect, it } from 'vitest';
import { findingsToCsv } from '../../src-main/report';
import { protectCsvCell, quoteCsvField } from '../../src-main/report/csv';
import { auditResult } from './fixture';

const english = findingsToCsv(auditResult(), 'en');

/** Splits RFC 4180 text into records, honoring quoted fields that contain commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += char;
    }
  }
  return records;
}

describe('findingsToCsv', () => {
  it('starts with a UTF-8 BOM', () => {
    expect(english.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(english, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('ends every record with CRLF', () => {
    expect(english.endsWith('\r\n')).toBe(true);
    expect(english.split('\r\n')).toHaveLength(9);
  });

  it('writes the header row', () => {
    const header = english.slice(1).split('\r\n')[0];
    expect(header).toBe(
      'Finding ID,Kind,Severity,Entra object,Sentry object,Attribute,Entra value,Sentry value,Explanation,Recommended action,Last provisioning event'
    );
  });

  it('quotes commas, quotes and line breaks', () => {
    const lines = english.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'f-missing-juergen,user.missing_in_sentry,high,Jürgen Groß; UPN: juergen.gross@contoso.example; userName: juergen.gross@contoso.example; id: u-juergen,,,,,' +
        '"Entra will create the member ""juergen.gross@contoso.example"", then add it to its teams.",' +
        '"Wait for the next cycle, or provision on demand.",2026-02-28T23:10:00.000Z create failure (SentryConflict)'
    );
    expect(english).toContain(',"No in-scope user sends this userName.\nEntra never deletes it.",');
  });

  it('prefixes formula triggers with a quote', () => {
    const records = parseCsv(english.slice(1));
    expect(records).toHaveLength(8);
    expect(records[2]?.[3]).toBe(`'=HYPERLINK("http://example.invalid","x"); id: u-hyper`);
    expect(records[3]?.[3]).toBe("'+49 Support; UPN: support@contoso.example; mail: help@contoso.example; id: u-plus");
    expect(records[3]?.[6]).toBe("'@support");
    expect(records[3]?.[7]).toBe("'-support@contoso.example");
    expect(records[4]?.[3]).toBe("'-Admin; UPN: Admin@contoso.example; accountEnabled: true; id: u-minus");
    expect(records[5]?.[3]).toBe("'@ops; UPN: ops@contoso.example; accountEnabled: false; id: u-at");
    expect(records[1]?.[0]).toBe('f-missing-juergen');
  });

  it('keeps every row at eleven fields', () => {
    for (const record of parseCsv(english.slice(1))) expect(record).toHaveLength(11);
  });

  it('writes German headers and severities', () => {
    const records = parseCsv(findingsToCsv(auditResult(), 'de').slice(1));
    expect(records[0]?.slice(0, 3)).toEqual(['Feststellungs-ID', 'Art', 'Schweregrad']);
    expect(records[0]?.[9]).toBe('Empfohlene Maßnahme');
    expect(records.slice(1).map((record) => record[2])).toEqual(['hoch', 'mittel', 'mittel', 'niedrig', 'Info', 'hoch', 'mittel']);
    expect(records[4]?.[9]).toBe('Kein Handlungsbedarf.');
    expect(records[5]?.[8]?.startsWith("'@ops ist in Entra deaktiviert")).toBe(true);
  });

  it('writes only the header without findings', () => {
    const empty = { ...auditResult(), findings: [], countsByKind: {}, countsBySeverity: { high: 0, medium: 0, low: 0, info: 0 } };
    expect(findingsToCsv(empty, 'en').split('\r\n')).toHaveLength(2);
  });
});

describe('protectCsvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49', "'+49"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', '']
  ])('turns %j into %j', (input, expected) => {
    expect(protectCsvCell(input)).toBe(expected);
  });
});

describe('quoteCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['Jürgen Groß', 'Jürgen Groß']
  ])('turns %j into %j', (input, expected) => {
    expect(quoteCsvField(input)).toBe(expected);
  });
});
