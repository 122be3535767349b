/** Plain sheet descriptions that the sheet builders return and `writeXlsx` turns into worksheets. */

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
  /** Prints the sheet one page wide whatever its width; by default only narrow sheets are scaled. */
  fitToPageWidth?: boolean;
}

export const MAX_COLUMN_WIDTH = 70;

/** Excel's limit on the characters in one cell; SheetJS rejects longer text. */
export const MAX_CELL_TEXT = 32767;

/**
 * Cuts text to Excel's cell limit and ends it with `note`, in which `{length}` is replaced by the full
 * length. The JSON and CSV exports keep the full text.
 */
export function fitCellText(value: string, note: string): string {
  if (value.length <= MAX_CELL_TEXT) return value;
  const suffix = note.replace('{length}', String(value.length));
  return value.slice(0, MAX_CELL_TEXT - suffix.length) + suffix;
}
