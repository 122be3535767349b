/** Column widths and cell styles of the workbook, with the styles part that defines the style ids. */
import { MAX_COLUMN_WIDTH, type RowStyle, type SheetSpec } from './sheet-spec';

const MIN_COLUMN_WIDTH = 8;

/** Cell style ids: indexes into the cellXfs of STYLES_XML. 0 is the default style, written without `s`. */
export const STYLE_DEFAULT = 0;
const STYLE_HEADER = 1;
const STYLE_DATA = 2;
const STYLE_DATA_WRAPPED = 3;
const STYLE_TITLE = 4;

export const STYLES_XML =
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

/** Returns the length of the longest line. It scans with indexOf because splitting every cell allocated arrays. */
function maxLineLength(text: string): number {
  let max = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    max = Math.max(max, end - start);
    start = end + 1;
  }
  return Math.max(max, text.length - start);
}

/** Computes each column's width in characters: its longest line plus 2, between the minimum and MAX_COLUMN_WIDTH. */
export function columnWidths(spec: SheetSpec): number[] {
  let columnCount = 0;
  for (const row of spec.rows) columnCount = Math.max(columnCount, row.length);
  const widths = Array.from({ length: columnCount }, (_, column) => spec.minWidths?.[column] ?? MIN_COLUMN_WIDTH);

  spec.rows.forEach((row, rowIndex) => {
    const style = spec.rowStyles?.[rowIndex];
    if (style === 'title' || style === 'note') return;
    for (let column = 0; column < row.length; column += 1) {
      widths[column] = Math.max(widths[column] ?? MIN_COLUMN_WIDTH, maxLineLength(row[column] ?? '') + 2);
    }
  });

  return widths.map((width) => Math.min(width, MAX_COLUMN_WIDTH));
}

/** Returns the style id of a cell: data cells wrap when they contain a line break or do not fit the column. */
export function cellStyle(rowStyle: RowStyle | undefined, text: string, width: number): number {
  if (rowStyle === 'note') return STYLE_DEFAULT;
  if (rowStyle === 'title') return STYLE_TITLE;
  if (rowStyle === 'header') return STYLE_HEADER;
  return text.includes('\n') || text.length + 2 > width ? STYLE_DATA_WRAPPED : STYLE_DATA;
}
