/**
 * Turns plain sheet descriptions into an xlsx file. Every value becomes a text cell, so a name such
 * as `=HYPERLINK(...)` stays text. SheetJS writes the package without cells, then the rows, with
 * their styles, and the frozen panes are put into it, because the SheetJS community edition writes
 * neither cell styles nor panes.
 */
import { createRequire } from 'node:module';
import type * as XlsxModule from 'xlsx';
import { columnWidths, STYLES_XML } from './cell-styles';
import { SharedStrings, TextChunker, writeWorksheetXml } from './sheet-data';
import { deflateEntry, zipArchive, type DeflatedEntry } from './zip-writer';
import type { SheetSpec } from './sheet-spec';

// NOTE: xlsx 0.18.5 is the last SheetJS build on the npm registry (newer ones are only on SheetJS's
// own CDN) and has published advisories about parsing untrusted files. Roster only writes workbooks;
// it reads back only its own output, in tests. Loaded through require because in Node's ESM mode the
// package's CommonJS exports are misdetected (`utils` and `write` resolve to its bundled CFB library).
const XLSX = createRequire(import.meta.url)('xlsx') as typeof XlsxModule;

export type { RowStyle, SheetSpec } from './sheet-spec';
export { fitCellText, MAX_CELL_TEXT, MAX_COLUMN_WIDTH } from './sheet-spec';

/** Returns the A1 range of a sheet from A1 to its last row and its last column. */
function sheetRange(spec: SheetSpec, widths: number[]): string {
  const lastRow = Math.max(0, spec.rows.length - 1);
  // Every non-empty cell lies in a column below widths.length, the length of the longest row.
  return XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: Math.max(widths.length - 1, 0) } });
}

/**
 * Returns the range given to SheetJS for a sheet: all rows but only column A. SheetJS 0.18.5 visits
 * every cell reference of the range while writing, which cost about 1 s of CPU time for the empty
 * Users and Teams placeholders at 100,000 users. It needs the last row for autofilters on a header
 * without rows.
 */
function placeholderRange(spec: SheetSpec): string {
  return XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, spec.rows.length - 1), c: 0 } });
}

/**
 * Builds the worksheet SheetJS writes for a sheet: its column widths and autofilter, but no cells,
 * because writeWorksheetXml writes the rows into SheetJS's output afterwards.
 */
function placeholderSheet(spec: SheetSpec, widths: number[]): XlsxModule.WorkSheet {
  const worksheet: XlsxModule.WorkSheet = {};
  const lastRow = Math.max(0, spec.rows.length - 1);
  worksheet['!ref'] = placeholderRange(spec);
  worksheet['!cols'] = widths.map((wch) => ({ wch }));
  worksheet['!margins'] = PAGE_MARGINS;

  if (spec.autoFilter) {
    if (spec.frozenHeaderRow === undefined) throw new Error(`Sheet "${spec.name}": an autofilter needs frozenHeaderRow to know where the table starts.`);
    const header = spec.rows[spec.frozenHeaderRow] ?? [];
    worksheet['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: spec.frozenHeaderRow, c: 0 }, e: { r: lastRow, c: Math.max(0, header.length - 1) } })
    };
  }

  return worksheet;
}

/**
 * Replaces the placeholder range with the sheet's range where SheetJS wrote it: in the dimension, and
 * in the ignoredError that stops Excel from flagging text that looks like a number.
 */
function setSheetRange(xml: string, spec: SheetSpec, widths: number[]): string {
  const placeholder = placeholderRange(spec);
  const range = sheetRange(spec, widths);
  let patched = xml;
  for (const element of ['<dimension ref="{range}"/>', '<ignoredError numberStoredAsText="1" sqref="{range}"/>']) {
    const written = element.replace('{range}', placeholder);
    if (!patched.includes(written)) {
      throw new Error(`Cannot set the range of sheet "${spec.name}": SheetJS did not write ${written}. Check the installed xlsx version (expected 0.18.5).`);
    }
    patched = patched.replace(written, element.replace('{range}', range));
  }
  return patched;
}

/** Narrow margins in inches, so more of a wide table fits on a printed page. */
const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

/** The element SheetJS 0.18.5 writes for PAGE_MARGINS, after which the page setup goes. */
const WRITTEN_MARGINS = '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>';

/**
 * Widest sheet, in characters of column width, that still reads when scaled to one landscape page.
 * An estimate: about 2.5 times the roughly 90 characters that fit across a landscape page at normal size.
 */
const MAX_FIT_WIDTH = 230;

/**
 * Sets the page setup SheetJS CE cannot write: landscape, and one page wide where the sheet is narrow
 * enough to stay legible, so the cover's labels and values print side by side. Wider tables print
 * landscape at normal size and continue on further pages.
 */
function setPageLayout(xml: string, spec: SheetSpec, widths: number[]): string {
  if (!xml.includes(WRITTEN_MARGINS) || !xml.includes('<dimension ')) {
    throw new Error(`Cannot set the page setup of sheet "${spec.name}": SheetJS did not write ${WRITTEN_MARGINS}. Check the installed xlsx version (expected 0.18.5).`);
  }
  const fit = spec.fitToPageWidth === true || widths.reduce((sum, width) => sum + width, 0) <= MAX_FIT_WIDTH;
  const pageSetup = fit ? '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '<pageSetup orientation="landscape"/>';
  const withSetup = xml.replace(WRITTEN_MARGINS, `${WRITTEN_MARGINS}${pageSetup}`);
  return fit ? withSetup.replace('<dimension ', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ') : withSetup;
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

/** Puts the frozen pane into the sheetView SheetJS wrote, because SheetJS CE writes no panes. */
function freezeHeader(xml: string, spec: SheetSpec): string {
  if (spec.frozenHeaderRow === undefined) return xml;
  if (!xml.includes(PLAIN_SHEET_VIEW)) {
    throw new Error(`Cannot freeze the header of sheet "${spec.name}": SheetJS did not write ${PLAIN_SHEET_VIEW}. Check the installed xlsx version (expected 0.18.5).`);
  }
  return xml.replace(PLAIN_SHEET_VIEW, frozenSheetView(spec.frozenHeaderRow));
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

/** The fields of a container read by SheetJS's CFB library that packageFiles uses. */
interface ZipContainer {
  FullPaths: string[];
  FileIndex: Array<Partial<ZipEntry> & { size?: number }>;
}

function readEntry(zip: unknown, path: string): string {
  const entry = XLSX.CFB.find(zip, path) as ZipEntry | null;
  if (!entry) throw new Error(`The xlsx package written by SheetJS has no ${path}.`);
  return Buffer.from(entry.content).toString('utf8');
}

/** Compresses the text `write` writes to the chunker, as UTF-8. */
function deflateText(write: (out: TextChunker) => void): DeflatedEntry {
  return deflateEntry((sink) => {
    const out = new TextChunker(sink);
    write(out);
    out.flush();
  });
}

/**
 * Lists the files of the package SheetJS wrote by zip path, in its order, leaving out folders and the
 * placeholder entry SheetJS's CFB library adds to every container.
 */
function packageFiles(zip: ZipContainer): Array<[string, Buffer]> {
  const root = zip.FullPaths[0] ?? '';
  const files: Array<[string, Buffer]> = [];
  zip.FullPaths.forEach((fullPath, index) => {
    const entry = zip.FileIndex[index];
    const path = fullPath.slice(root.length);
    if (index === 0 || !entry?.content || !entry.size || path === '\u0001Sh33tJ5') return;
    files.push([path, Buffer.from(entry.content)]);
  });
  return files;
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
  const widths = specs.map((spec) => {
    const sheetWidths = columnWidths(spec);
    XLSX.utils.book_append_sheet(workbook, placeholderSheet(spec, sheetWidths), spec.name);
    return sheetWidths;
  });
  // SheetJS writes the shared-strings part and its relationship only when some cell contains text. This
  // cell is overwritten with the sheet's rows, and the part is replaced by the workbook's strings.
  const firstSheet = workbook.SheetNames[0];
  if (firstSheet !== undefined) (workbook.Sheets[firstSheet] as XlsxModule.WorkSheet)['A1'] = { t: 's', v: '' };

  // Left uncompressed because the package is unpacked again right away and deflated part by part below.
  const raw = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false }) as Buffer;

  const zip = XLSX.CFB.read(raw, { type: 'buffer' }) as ZipContainer;
  // Parts replaced in SheetJS's package, by zip path.
  const replaced = new Map<string, DeflatedEntry>();
  // Rows are numbered into one shared-string table in sheet order, as SheetJS numbers them.
  const strings = new SharedStrings();
  specs.forEach((spec, index) => {
    // SheetJS names worksheet parts by position: the first sheet is sheet1.xml.
    const path = `xl/worksheets/sheet${index + 1}.xml`;
    const sheetWidths = widths[index] ?? [];
    const template = setPageLayout(freezeHeader(setSheetRange(readEntry(zip, `/${path}`), spec, sheetWidths), spec), spec, sheetWidths);
    replaced.set(path, deflateText((out) => writeWorksheetXml(template, spec, sheetWidths, strings, properties.truncationNote, out)));
  });
  replaced.set('xl/sharedStrings.xml', deflateText((out) => strings.writeXml(out)));
  const filterCount = specs.filter((spec) => spec.autoFilter).length;
  const workbookXml = patchWorkbookXml(readEntry(zip, '/xl/workbook.xml'), filterCount);
  replaced.set('xl/workbook.xml', deflateText((out) => out.write(workbookXml)));
  replaced.set('xl/styles.xml', deflateText((out) => out.write(STYLES_XML)));

  const files = packageFiles(zip);
  for (const path of replaced.keys()) {
    if (!files.some(([name]) => name === path)) throw new Error(`The xlsx package written by SheetJS has no ${path}. Check the installed xlsx version (expected 0.18.5).`);
  }
  return zipArchive(files.map(([path, content]) => [path, replaced.get(path) ?? deflateEntry((sink) => sink(content))]));
}
