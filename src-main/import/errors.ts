/**
 * An exported file that cannot be imported. The message names the file, the place in it (a line or a
 * JSON path) and what was expected. An import that raises it writes nothing.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly location: string | null;

  constructor(file: string, location: string | null, problem: string) {
    super(location === null ? `${file}: ${problem}` : `${file}, ${location}: ${problem}`);
    this.name = 'ImportError';
    this.file = file;
    this.location = location;
  }
}

/** The files were read, but parts an audit needs are missing. `missing` lists what to export. */
export class ImportIncompleteError extends Error {
  readonly missing: string[];

  constructor(missing: string[]) {
    super(`The files lack parts an audit needs, so no snapshot was written: ${missing.join(' ')}`);
    this.name = 'ImportIncompleteError';
    this.missing = missing;
  }
}

/** Describes a JSON value briefly for an error message, e.g. `"Device"`, `a number`, `null`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
