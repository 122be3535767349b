import { ImportError } from './errors';

export interface CsvRow {
  /** 1-based line number where the row starts in the file. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  headerLine: number;
  rows: CsvRow[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Parses CSV text as RFC 4180 describes it: quoted fields may contain delimiters, line breaks and
 * doubled quotes. The delimiter is the one of comma, semicolon (German Excel) or tab ("Unicode text")
 * that occurs most often in the header line, unless Excel's `sep=` line names it. A first line that is
 * Windows PowerShell's `#TYPE` note or a bulk-operation `version:v1.0` line is skipped. Empty lines are
 * skipped, and every row must have as many cells as the header.
 */
export function parseCsv(text: string, file: string): CsvTable {
  let start = 0;
  let line = 1;
  let delimiter: CsvTable['delimiter'] | null = null;

  const preamble = /^(?:sep=([,;\t])|#TYPE [^\r\n]*|version:v\d[^\r\n]*)\r?\n/i.exec(text);
  if (preamble) {
    if (preamble[1] !== undefined) delimiter = preamble[1] as CsvTable['delimiter'];
    start = preamble[0].length;
    line = 2;
  }
  delimiter ??= detectDelimiter(text.slice(start));

  const records = splitRecords(text, start, line, delimiter, file).filter((record) => !(record.cells.length === 1 && record.cells[0]?.trim() === ''));
  const [headerRecord, ...rows] = records;
  if (headerRecord === undefined) throw new ImportError(file, null, 'the CSV file is empty; expected a header line and one line per row.');

  const header = headerRecord.cells.map((cell) => cell.trim());
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      throw new ImportError(file, `line ${row.line}`, `expected ${header.length} cells separated by ${describeDelimiter(delimiter)} as in the header, found ${row.cells.length}.`);
    }
  }
  return { delimiter, header, headerLine: headerRecord.line, rows };
}

function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = new Map<CsvTable['delimiter'], number>(DELIMITERS.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvTable['delimiter'])) counts.set(char as CsvTable['delimiter'], (counts.get(char as CsvTable['delimiter']) ?? 0) + 1);
  }
  let best: CsvTable['delimiter'] = ',';
  for (const candidate of DELIMITERS) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}

function splitRecords(text: string, start: number, firstLine: number, delimiter: string, file: string): CsvRow[] {
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = firstLine;
  let recordLine = firstLine;
  let i = start;

  const endRecord = (): void => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };

  while (i < text.length) {
    const char = text[i] as string;

    if (char === '"' && cell === '') {
      // A quoted field runs to the next quote that is not doubled.
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new ImportError(file, `line ${openedOn}`, 'a quoted field is never closed; expected a closing double quote (").');
        const inner = text[i] as string;
        if (inner === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (inner === '"') {
          i++;
          break;
        } else {
          if (inner === '\n') line++;
          cell += inner;
          i++;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new ImportError(file, `line ${line}`, `expected ${describeDelimiter(delimiter)} or the end of the line after a closing double quote, found "${next}".`);
      }
      continue;
    }

    if (char === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += char;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function describeDelimiter(delimiter: string): string {
  if (delimiter === '\t') return 'tabs';
  return delimiter === ';' ? 'semicolons' : 'commas';
}
