/**
 * Writes the cells of a worksheet part as SpreadsheetML text, row by row, in the form SheetJS 0.18.5
 * writes with `bookSST` (every value a shared-string cell), with the style attribute set on each cell.
 * Writing the rows here instead of through SheetJS cell objects keeps the 100,000-user workbook in
 * memory and time budget; SheetJS still writes the rest of each worksheet part.
 */
import { cellStyle, STYLE_DEFAULT } from './cell-styles';
import { fitCellText, MAX_COLUMN_WIDTH, type SheetSpec } from './sheet-spec';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Characters of text collected before they are encoded and handed on, so no part becomes one huge string. */
const CHUNK_CHARS = 1 << 20;

/** Collects text and hands it on as UTF-8 buffers of about CHUNK_CHARS characters. */
export class TextChunker {
  private pending = '';

  constructor(private readonly consume: (bytes: Buffer) => void) {}

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending === '') return;
    this.consume(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Control characters other than tab and line feed are not allowed in XML 1.0, so they are written as
// the _xHHHH_ escapes that Excel and SheetJS decode.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b-\u001f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f]/g;

/**
 * Escapes text for element content, with the same output as SheetJS 0.18.5's `escapexml`.
 * NOTE: a literal `_x0041_` in the data is not escaped (as `_x005F_x0041_`), so Excel and SheetJS
 * show it as `A`, as they did when SheetJS wrote the cells.
 */
export function escapeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character)
    .replace(CONTROL_CHARACTERS, (character) => `_x${character.charCodeAt(0).toString(16).padStart(4, '0')}_`);
}

/** Text whose leading, trailing or inner whitespace a reader would drop without `xml:space="preserve"`. */
const NEEDS_SPACE_PRESERVE = /^\s|\s$|[\t\n\r]/;

/** The shared-string table of a workbook: each distinct text once, numbered in order of first use. */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private references = 0;

  indexOf(text: string): number {
    this.references += 1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  /** Writes the sharedStrings part. */
  writeXml(out: TextChunker): void {
    const attributes = `xmlns="${MAIN_NAMESPACE}" count="${this.references}" uniqueCount="${this.indexes.size}"`;
    if (this.indexes.size === 0) {
      out.write(`${XML_DECLARATION}<sst ${attributes}/>`);
      return;
    }
    out.write(`${XML_DECLARATION}<sst ${attributes}>`);
    for (const text of this.indexes.keys()) {
      const space = NEEDS_SPACE_PRESERVE.test(text) ? ' xml:space="preserve"' : '';
      out.write(`<si><t${space}>${escapeXmlText(text)}</t></si>`);
    }
    out.write('</sst>');
  }
}

/** Returns the column letters of a zero-based column index: 0 is A, 26 is AA. */
export function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

const EMPTY_SHEET_DATA = '<sheetData/>';
const SHEET_DATA_END = '</sheetData>';

/**
 * Splits a worksheet part that SheetJS wrote into the text before and after its sheetData element,
 * whose content is replaced.
 */
function splitAtSheetData(template: string, sheetName: string): [string, string] {
  const start = template.indexOf('<sheetData');
  let end = -1;
  if (start !== -1) {
    end = template.startsWith(EMPTY_SHEET_DATA, start) ? start + EMPTY_SHEET_DATA.length : template.indexOf(SHEET_DATA_END, start);
    if (end !== -1 && !template.startsWith(EMPTY_SHEET_DATA, start)) end += SHEET_DATA_END.length;
  }
  if (start === -1 || end === -1) {
    throw new Error(`The worksheet XML SheetJS wrote for sheet "${sheetName}" has no sheetData element. Check the installed xlsx version (expected 0.18.5).`);
  }
  return [template.slice(0, start), template.slice(end)];
}

function hasCells(spec: SheetSpec): boolean {
  return spec.rows.some((row) => row.some((text) => text !== ''));
}

/**
 * Writes a worksheet part: the part SheetJS wrote for the sheet without cells (`template`), with the
 * rows of `spec` as shared-string cells in its sheetData. Empty strings leave the cell out, and rows
 * without cells are left out, as SheetJS does.
 */
export function writeWorksheetXml(
  template: string,
  spec: SheetSpec,
  widths: number[],
  strings: SharedStrings,
  truncationNote: string,
  out: TextChunker
): void {
  const [head, tail] = splitAtSheetData(template, spec.name);
  out.write(head);
  if (!hasCells(spec)) {
    out.write(EMPTY_SHEET_DATA);
    out.write(tail);
    return;
  }

  const columns = widths.map((_, column) => columnName(column));
  out.write('<sheetData>');
  spec.rows.forEach((row, rowIndex) => {
    const rowStyle = spec.rowStyles?.[rowIndex];
    const rowNumber = rowIndex + 1;
    let cells = '';
    for (let column = 0; column < row.length; column += 1) {
      const text = row[column];
      if (text === undefined || text === '') continue;
      const value = fitCellText(text, truncationNote);
      const style = cellStyle(rowStyle, value, widths[column] ?? MAX_COLUMN_WIDTH);
      const styleAttribute = style === STYLE_DEFAULT ? '' : ` s="${style}"`;
      const ref = (columns[column] ?? columnName(column)) + rowNumber;
      cells += `<c r="${ref}"${styleAttribute} t="s"><v>${strings.indexOf(value)}</v></c>`;
    }
    if (cells !== '') out.write(`<row r="${rowNumber}">${cells}</row>`);
  });
  out.write('</sheetData>');
  out.write(tail);
}
