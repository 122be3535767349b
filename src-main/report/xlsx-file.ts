/**
 * Turns plain sheet descriptions into an xlsx file. Every value becomes a text cell, so a name such
 * as `=HYPERLINK(...)` stays text. Frozen panes and cell styles are patched into the package
 * afterwards, because the SheetJS community edition does not write them.
 */
import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import type * as XlsxModule from 'xlsx';

// NOTE: xlsx 0.18.5 is the last SheetJS build on the npm registry (newer ones are only on SheetJS's
// own CDN) and has published advisories about parsing untrusted files. Roster only writes workbooks;
// it reads back only its own output, in tests. Loaded through require because in Node's ESM mode the
// package's CommonJS exports are misdetected (`utils` and `write` resolve to its bundled CFB library).
const XLSX = createRequire(import.meta.url)('xlsx') as typeof XlsxModule;

// SheetJS deflates zip entries in JavaScript unless given Node's zlib, whose output was about a third
// the size for a workbook of 5,000 findings. SheetJS probes zlib's deprecated `bytesRead` (DEP0108)
// here and again on every inflate, which Roster does only in tests, so the probe's warning is muted.
const deprecationsMuted = process.noDeprecation;
process.noDeprecation = true;
try {
  XLSX.CFB.utils.use_zlib(zlib);
} finally {
  process.noDeprecation = deprecationsMuted;
}

/** Row style. `title` and `note` rows are left out of column widths and overflow to the right. */
export type RowStyle = 'title' | 'note' | 'header';

export interface SheetSpec {
  name: string;
  rows: string[][];
  /** Row styles by zero-based row index; rows without one are data rows. */
  rowStyles?: Record<number, RowStyle>;
  /** Zero-based index of the table header row: rows up to it stay frozen. */
  frozenHeaderRow?: number;
  /** Adds an autofilter from the frozen header row over every column and row below it. */
  autoFilter?: boolean;
  /** Minimum widths in characters by zero-based column, for columns that reviewers fill in. */
  minWidths?: Record<number, number>;
}

export const MAX_COLUMN_WIDTH = 70;

/** Excel's limit on the characters in one cell; SheetJS rejects longer text. */
export const MAX_CELL_TEXT = 32767;
const MIN_COLUMN_WIDTH = 8;

/** Cell style ids: indexes into the cellXfs of STYLES_XML. */
const STYLE_HEADER = 1;
const STYLE_DATA = 2;
const STYLE_DATA_WRAPPED = 3;
const STYLE_TITLE = 4;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2">' +
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  '</styleSheet>';

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

function columnWidths(spec: SheetSpec): number[] {
  const columnCount = Math.max(0, ...spec.rows.map((row) => row.length));
  const widths = Array.from({ length: columnCount }, (_, column) => spec.minWidths?.[column] ?? MIN_COLUMN_WIDTH);

  spec.rows.forEach((row, rowIndex) => {
    const style = spec.rowStyles?.[rowIndex];
    if (style === 'title' || style === 'note') return;
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? MIN_COLUMN_WIDTH, longestLine(cell) + 2);
    });
  });

  return widths.map((width) => Math.min(width, MAX_COLUMN_WIDTH));
}

function cellStyle(spec: SheetSpec, rowIndex: number, cell: string, width: number): number {
  const style = spec.rowStyles?.[rowIndex];
  if (style === 'note') return 0;
  if (style === 'title') return STYLE_TITLE;
  if (style === 'header') return STYLE_HEADER;
  return cell.includes('\n') || longestLine(cell) + 2 > width ? STYLE_DATA_WRAPPED : STYLE_DATA;
}

interface BuiltSheet {
  worksheet: XlsxModule.WorkSheet;
  /** Style id by A1 reference, applied to the sheet XML after SheetJS has written it. */
  styles: Map<string, number>;
}

/**
 * Cuts text to Excel's cell limit and ends it with `note`, in which `{length}` is replaced by the full
 * length. The JSON and CSV exports keep the full text.
 */
export function fitCellText(value: string, note: string): string {
  if (value.length <= MAX_CELL_TEXT) return value;
  const suffix = note.replace('{length}', String(value.length));
  return value.slice(0, MAX_CELL_TEXT - suffix.length) + suffix;
}

function buildSheet(spec: SheetSpec, truncationNote: string): BuiltSheet {
  const worksheet: XlsxModule.WorkSheet = {};
  const styles = new Map<string, number>();
  const widths = columnWidths(spec);
  let lastColumn = 0;

  spec.rows.forEach((row, rowIndex) => {
    row.forEach((text, column) => {
      if (text === '') return;
      const value = fitCellText(text, truncationNote);
      const ref = XLSX.utils.encode_cell({ r: rowIndex, c: column });
      worksheet[ref] = { t: 's', v: value };
      const style = cellStyle(spec, rowIndex, value, widths[column] ?? MAX_COLUMN_WIDTH);
      if (style !== 0) styles.set(ref, style);
      lastColumn = Math.max(lastColumn, column);
    });
  });

  const lastRow = Math.max(0, spec.rows.length - 1);
  worksheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: Math.max(lastColumn, widths.length - 1, 0) } });
  worksheet['!cols'] = widths.map((wch) => ({ wch }));

  if (spec.autoFilter) {
    if (spec.frozenHeaderRow === undefined) throw new Error(`Sheet "${spec.name}": an autofilter needs frozenHeaderRow to know where the table starts.`);
    const header = spec.rows[spec.frozenHeaderRow] ?? [];
    worksheet['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: spec.frozenHeaderRow, c: 0 }, e: { r: lastRow, c: Math.max(0, header.length - 1) } })
    };
  }

  return { worksheet, styles };
}

/** The sheetView SheetJS 0.18.5 writes for every sheet of a workbook without view settings. */
const PLAIN_SHEET_VIEW = '<sheetView workbookViewId="0"/>';

function frozenSheetView(headerRow: number): string {
  const firstScrollingRow = headerRow + 2;
  return (
    `<sheetView workbookViewId="0"><pane ySplit="${headerRow + 1}" topLeftCell="A${firstScrollingRow}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${firstScrollingRow}" sqref="A${firstScrollingRow}"/></sheetView>`
  );
}

function patchSheetXml(xml: string, spec: SheetSpec, styles: Map<string, number>): string {
  let patched = xml;

  if (spec.frozenHeaderRow !== undefined) {
    if (!patched.includes(PLAIN_SHEET_VIEW)) {
      throw new Error(`Cannot freeze the header of sheet "${spec.name}": SheetJS did not write ${PLAIN_SHEET_VIEW}. Check the installed xlsx version (expected 0.18.5).`);
    }
    patched = patched.replace(PLAIN_SHEET_VIEW, frozenSheetView(spec.frozenHeaderRow));
  }

  // Cell values are XML-escaped by SheetJS, so `<c r="` only ever starts a cell element.
  patched = patched.replace(/<c r="([A-Z]+[0-9]+)"([^>]*)>/g, (element: string, ref: string, rest: string) => {
    const style = styles.get(ref);
    if (style === undefined) return element;
    if (/\ss="/.test(rest)) throw new Error(`Cell ${ref} of sheet "${spec.name}" already has a style attribute from SheetJS, and a second one would make the XML invalid. Check the installed xlsx version (expected 0.18.5).`);
    return `<c r="${ref}" s="${style}"${rest}>`;
  });

  return patched;
}

/**
 * Rewrites the `_xlnm._FilterDatabase` names SheetJS writes (`'Findings'!A1:K8`) into the form Excel
 * writes (`'Findings'!$A$1:$K$8`, hidden). LibreOffice 7.4 drops an autofilter whose name has
 * relative references.
 */
function patchWorkbookXml(xml: string, expectedFilters: number): string {
  let found = 0;
  const patched = xml.replace(
    /<definedName name="_xlnm\._FilterDatabase"([^>]*)>([^<]*!)([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)<\/definedName>/g,
    (_element: string, attributes: string, sheet: string, firstColumn: string, firstRow: string, lastColumn: string, lastRow: string) => {
      found += 1;
      return `<definedName name="_xlnm._FilterDatabase"${attributes} hidden="1">${sheet}$${firstColumn}$${firstRow}:$${lastColumn}$${lastRow}</definedName>`;
    }
  );
  if (found !== expectedFilters) {
    throw new Error(`Expected ${expectedFilters} autofilter names in the workbook XML written by SheetJS but found ${found}. Check the installed xlsx version (expected 0.18.5).`);
  }
  return patched;
}

interface ZipEntry {
  content: Uint8Array | number[];
}

function readEntry(zip: unknown, path: string): string {
  const entry = XLSX.CFB.find(zip, path) as ZipEntry | null;
  if (!entry) throw new Error(`The xlsx package written by SheetJS has no ${path}.`);
  return Buffer.from(entry.content).toString('utf8');
}

function replaceEntry(zip: unknown, path: string, text: string): void {
  XLSX.CFB.utils.cfb_add(zip, path, Buffer.from(text, 'utf8'));
}

export interface WorkbookProperties {
  title: string;
  author: string;
  createdAt: Date;
  /** Appended to text cut at MAX_CELL_TEXT, with `{length}` for the full length. */
  truncationNote: string;
}

/** Writes the sheets, in order, as one xlsx file. */
export function writeXlsx(specs: SheetSpec[], properties: WorkbookProperties): Buffer {
  const workbook = XLSX.utils.book_new();
  workbook.Props = { Title: properties.title, Author: properties.author, CreatedDate: properties.createdAt };
  const built = specs.map((spec) => {
    const sheet = buildSheet(spec, properties.truncationNote);
    XLSX.utils.book_append_sheet(workbook, sheet.worksheet, spec.name);
    return sheet;
  });

  // Compressed only once, after patching: the package is unpacked again right away.
  const raw = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false }) as Buffer;

  const zip = XLSX.CFB.read(raw, { type: 'buffer' });
  specs.forEach((spec, index) => {
    // SheetJS names worksheet parts by position: the first sheet is sheet1.xml.
    const path = `/xl/worksheets/sheet${index + 1}.xml`;
    const styles = built[index]?.styles ?? new Map<string, number>();
    replaceEntry(zip, path, patchSheetXml(readEntry(zip, path), spec, styles));
  });
  const filterCount = specs.filter((spec) => spec.autoFilter).length;
  replaceEntry(zip, '/xl/workbook.xml', patchWorkbookXml(readEntry(zip, '/xl/workbook.xml'), filterCount));
  replaceEntry(zip, '/xl/styles.xml', STYLES_XML);

  return Buffer.from(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array);
}
