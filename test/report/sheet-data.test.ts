import { describe, expect, it } from 'vitest';
import { columnName, escapeXmlText, SharedStrings, TextChunker } from '../../src-main/report/sheet-data';
import { writeXlsx, type SheetSpec } from '../../src-main/report/xlsx-file';
import { HYPERLINK_NAME } from './fixture';
import { cellsOf, readWorkbook, rowsOf, sheet, sheetXml, zipText } from './xlsx-read';

const PROPERTIES = { title: 'Test', author: 'tester', createdAt: new Date('2026-03-01T08:15:00Z'), truncationNote: ' [cut, {length} characters]' };

/** Values that a spreadsheet would run as formulas, or that XML or whitespace handling could change. */
const TRICKY_VALUES = [
  HYPERLINK_NAME,
  '+49 Support',
  '-Admin',
  '@ops',
  '=1+1',
  'a & b <c> "d" \'e\'',
  'bell\u0007 and\rreturn',
  '  leading and trailing  ',
  'two\nlines',
  'tab\there',
  'Jürgen Groß 😀'
];

function collect(write: (out: TextChunker) => void): { text: string; chunks: number } {
  const chunks: Buffer[] = [];
  const out = new TextChunker((bytes) => chunks.push(bytes));
  write(out);
  out.flush();
  return { text: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length };
}

/** A sheet of more than one chunk of XML: every value distinct except a repeated status column. */
function largeSheet(): SheetSpec {
  const header = ['ID', 'Name', 'Status', 'Note'];
  const rows = Array.from({ length: 6000 }, (_, index) => [
    `user-${index}-${'x'.repeat(150)}`,
    TRICKY_VALUES[index % TRICKY_VALUES.length] ?? '',
    index % 2 === 0 ? 'active' : 'disabled',
    index % 7 === 0 ? '' : `note ${index}`
  ]);
  rows[10] = ['', '', '', ''];
  return { name: 'Users', rows: [header, ...rows], rowStyles: { 0: 'header' }, frozenHeaderRow: 0, autoFilter: true };
}

describe('escapeXmlText', () => {
  it('leaves plain text unchanged', () => {
    expect(escapeXmlText('Jürgen Groß, id: u-1')).toBe('Jürgen Groß, id: u-1');
  });

  it('escapes markup characters', () => {
    expect(escapeXmlText('a & b <c> "d" \'e\'')).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  });

  it('escapes control characters', () => {
    expect(escapeXmlText('a\u0000b\u0007c\rd\u001f')).toBe('a_x0000_b_x0007_c_x000d_d_x001f_');
  });

  it('keeps tabs and line feeds', () => {
    expect(escapeXmlText('a\tb\nc')).toBe('a\tb\nc');
  });
});

describe('columnName', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('SharedStrings', () => {
  it('numbers texts in order of first use', () => {
    const strings = new SharedStrings();
    expect(['b', 'a', 'b', 'c', 'a'].map((text) => strings.indexOf(text))).toEqual([0, 1, 0, 2, 1]);
  });

  it('writes counts and preserves spaces', () => {
    const strings = new SharedStrings();
    for (const text of ['plain', ' padded', 'plain', 'a\nb', '<x>']) strings.indexOf(text);
    const { text } = collect((out) => strings.writeXml(out));
    expect(text).toContain('count="5" uniqueCount="4">');
    expect(text).toContain('<si><t>plain</t></si><si><t xml:space="preserve"> padded</t></si>');
    expect(text).toContain('<si><t xml:space="preserve">a\nb</t></si><si><t>&lt;x&gt;</t></si></sst>');
  });

  it('writes an empty table', () => {
    const { text } = collect((out) => new SharedStrings().writeXml(out));
    expect(text).toMatch(/<sst xmlns="[^"]+" count="0" uniqueCount="0"\/>$/);
  });
});

describe('TextChunker', () => {
  it('hands on large text in several chunks', () => {
    const piece = `Groß ${'y'.repeat(995)}\n`;
    const { text, chunks } = collect((out) => {
      for (let index = 0; index < 3000; index += 1) out.write(piece);
    });
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(piece.repeat(3000));
  });
});

describe('writeXlsx rows written directly', () => {
  const spec = largeSheet();
  const buffer = writeXlsx([{ name: 'Cover', rows: [['Title'], [], ['Label', 'Value']] }, spec], PROPERTIES);
  const book = readWorkbook(buffer);
  const users = sheet(book, 'Users');
  const xml = sheetXml(buffer, 1);

  it('reads back every cell', () => {
    const rows = rowsOf(users);
    expect(rows).toHaveLength(spec.rows.length);
    spec.rows.forEach((row, index) => {
      expect(rows[index], `row ${index + 1}`).toEqual(row);
    });
  });

  it('keeps formula-like values as text', () => {
    for (const [ref, cell] of cellsOf(users)) {
      expect(cell.t, ref).toBe('s');
      expect(cell.f, ref).toBeUndefined();
    }
    expect(users['B2']).toMatchObject({ t: 's', v: HYPERLINK_NAME });
    expect(xml).not.toContain('<f>');
  });

  it('shares repeated strings', () => {
    const shared = zipText(buffer, '/xl/sharedStrings.xml');
    const cellCount = spec.rows.flat().filter((text) => text !== '').length + 3;
    const distinct = new Set([...spec.rows.flat(), 'Title', 'Label', 'Value']);
    distinct.delete('');
    expect(shared).toContain(`count="${cellCount}" uniqueCount="${distinct.size}"`);
  });

  it('styles header, data and wrapped cells', () => {
    expect(xml).toContain('<c r="A1" s="1" t="s">');
    expect(xml).toContain('<c r="C2" s="2" t="s">');
    expect(xml).toContain('<c r="A2" s="3" t="s">');
    expect(xml).toMatch(/<c r="B10" s="3" t="s">/);
  });

  it('leaves out empty rows and cells', () => {
    expect(xml).not.toContain('<row r="12">');
    expect(xml).toContain('<row r="2"><c r="A2" s="3" t="s"><v>');
    expect(xml).not.toContain('<c r="D2"');
  });

  it('keeps the frozen header and autofilter', () => {
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain(`<autoFilter ref="A1:D${spec.rows.length}"/>`);
    expect(users['!autofilter']?.ref).toBe(`A1:D${spec.rows.length}`);
  });

  it('writes the full sheet range', () => {
    const range = `A1:D${spec.rows.length}`;
    expect(xml).toContain(`<dimension ref="${range}"/>`);
    expect(xml).toContain(`<ignoredError numberStoredAsText="1" sqref="${range}"/>`);
    expect(users['!ref']).toBe(range);
  });

  it('writes an empty sheetData for a sheet without text', () => {
    const empty = writeXlsx([{ name: 'Blank', rows: [[], ['', '']] }], PROPERTIES);
    expect(sheetXml(empty, 0)).toContain('<sheetData/>');
    expect(rowsOf(sheet(readWorkbook(empty), 'Blank')).flat().every((text) => text === '')).toBe(true);
  });
});
