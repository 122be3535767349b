/**
 * `node --expose-gc --import tsx bench/sheetjs-memory.ts`
 *
 * Measures how much memory SheetJS needs for a workbook of the size the 100,000-user benchmark
 * builds: a 91,201 x 14 sheet and an 80,518 x 9 sheet with every cell filled, 2.0 million text cells
 * where the benchmark's Users and Teams sheets have 1.9 million that are not empty. It builds
 * the worksheets the way `buildSheet` in src-main/report/xlsx-file.ts does (one cell object per A1
 * reference and a style map), then calls `XLSX.write`, and prints the RSS after each stage. Linux only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as XlsxModule from 'xlsx';
import { formatMegabytes } from './format';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof XlsxModule;
const SHEET_SHAPES = [
  { rows: 91_201, columns: 14 },
  { rows: 80_518, columns: 9 }
];
/** About the average cell length on the benchmark's Users and Teams sheets: 33 MB of text in 1.9 million cells. */
const CELL_LENGTH = 17;

function peakRssBytes(): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

function resetPeak(): void {
  globalThis.gc?.();
  writeFileSync('/proc/self/clear_refs', '5');
}

function textRows(rows: number, columns: number): string[][] {
  return Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => `v${row}-${column}-abcdefghijklmnop`.slice(0, CELL_LENGTH)));
}

if (!globalThis.gc) throw new Error('gc is not exposed: run with node --expose-gc --import tsx bench/sheetjs-memory.ts');

const specs = SHEET_SHAPES.map((shape) => textRows(shape.rows, shape.columns));
resetPeak();
const before = process.memoryUsage().rss;
process.stdout.write(`sheet rows as string arrays: RSS ${formatMegabytes(before)}\n`);

const workbook = XLSX.utils.book_new();
const styleMaps: Array<Map<string, number>> = [];
specs.forEach((rows, index) => {
  const worksheet: XlsxModule.WorkSheet = {};
  const styles = new Map<string, number>();
  rows.forEach((row, rowIndex) => {
    row.forEach((text, column) => {
      const ref = XLSX.utils.encode_cell({ r: rowIndex, c: column });
      worksheet[ref] = { t: 's', v: text };
      styles.set(ref, 2);
    });
  });
  worksheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: (rows[0]?.length ?? 1) - 1 } });
  XLSX.utils.book_append_sheet(workbook, worksheet, `Sheet ${index + 1}`);
  styleMaps.push(styles);
});
resetPeak();
const withObjects = process.memoryUsage().rss;
process.stdout.write(`plus worksheet objects and style maps: RSS ${formatMegabytes(withObjects)} (+${formatMegabytes(withObjects - before)})\n`);

const raw = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false }) as Buffer;
const peak = peakRssBytes();
process.stdout.write(`XLSX.write: peak RSS ${formatMegabytes(peak)} (+${formatMegabytes(peak - withObjects)}), package ${formatMegabytes(raw.length)} uncompressed\n`);
// Reading the style maps here keeps them alive through XLSX.write, as writeXlsx does.
const cells = styleMaps.reduce((sum, styles) => sum + styles.size, 0);
process.stdout.write(`${cells.toLocaleString('en-US')} cells\n`);
