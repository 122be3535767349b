/** Reads a workbook the report wrote back into plain rows and raw sheet XML, for assertions. */
import { createRequire } from 'node:module';
import type * as XlsxModule from 'xlsx';

export const XLSX = createRequire(import.meta.url)('xlsx') as typeof XlsxModule;

export function readWorkbook(buffer: Buffer): XlsxModule.WorkBook {
  return XLSX.read(buffer, { type: 'buffer', cellStyles: true });
}

export function sheet(workbook: XlsxModule.WorkBook, name: string): XlsxModule.WorkSheet {
  const found = workbook.Sheets[name];
  if (!found) throw new Error(`Sheet "${name}" not found; the workbook has ${workbook.SheetNames.join(', ')}.`);
  return found;
}

/** Reads all rows of a sheet as strings, with empty cells as ''. */
export function rowsOf(worksheet: XlsxModule.WorkSheet): string[][] {
  return XLSX.utils.sheet_to_json<string[]>(worksheet, { header: 1, raw: true, defval: '', blankrows: true });
}

/** Looks up the cover's value in column B for a label in column A. */
export function coverValue(rows: string[][], label: string): string | undefined {
  return rows.find((row) => row[0] === label)?.[1];
}

/** Extracts one file of a zip package (xlsx or ods) as UTF-8 text; `path` starts with `/`. */
export function zipText(buffer: Buffer, path: string): string {
  const zip = XLSX.CFB.read(buffer, { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, path) as { content: Uint8Array } | null;
  if (!entry) throw new Error(`${path} not found in the zip package.`);
  return Buffer.from(entry.content).toString('utf8');
}

/** Extracts the XML of the worksheet part at a zero-based sheet position. */
export function sheetXml(buffer: Buffer, index: number): string {
  return zipText(buffer, `/xl/worksheets/sheet${index + 1}.xml`);
}

export function cellsOf(worksheet: XlsxModule.WorkSheet): Array<[string, XlsxModule.CellObject]> {
  return Object.entries(worksheet).filter(([ref]) => !ref.startsWith('!')) as Array<[string, XlsxModule.CellObject]>;
}
