import type { Database, SqlJsStatic } from 'sql.js';
import { StoreError } from './errors';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_SIZE = 100;

/**
 * Opens SQLite file bytes in memory after checking the header, so random bytes, an empty file and a
 * truncated file get a message naming the file instead of SQLite's "file is not a database".
 */
export function openSqliteBytes(SQL: SqlJsStatic, bytes: Uint8Array, file: string): Database {
  checkSqliteHeader(bytes, file);
  try {
    return new SQL.Database(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('corrupt', `${file} cannot be opened as a SQLite database (${detail}). Restore the file from a backup, or remove it and capture again.`, { path: file, cause: error });
  }
}

/** Checks the SQLite header: the magic string, then that the file is as long as the header records. */
export function checkSqliteHeader(bytes: Uint8Array, file: string): void {
  const magic = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SQLITE_MAGIC.length)).toString('latin1');
  if (bytes.byteLength < HEADER_SIZE || magic !== SQLITE_MAGIC) {
    const what = bytes.byteLength === 0 ? 'it is empty' : 'it is not a SQLite database';
    throw new StoreError('corrupt', `${file} is not a Roster file: ${what}. It may be damaged or belong to another program. Restore it from a backup, or choose the right file.`, { path: file });
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = view.getUint32(28);
  const changeCounter = view.getUint32(24);
  const validFor = view.getUint32(92);

  // The page count at offset 28 is only trustworthy when "version-valid-for" equals the change counter.
  if (pageCount > 0 && validFor === changeCounter) {
    const expectedSize = pageCount * pageSize;
    if (bytes.byteLength < expectedSize) {
      throw new StoreError('truncated', `${file} is truncated: its header describes ${expectedSize} bytes, but the file has ${bytes.byteLength}. The copy or download was incomplete. Copy the file again from its source or restore it from a backup.`, { path: file });
    }
  }
}

/**
 * Returns the first N bytes of an exported database, where N is the size its header records. The
 * export of a preallocated database ends in unused zero bytes, which a stored file must not contain.
 */
export function trimToDatabaseSize(bytes: Uint8Array, file: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const size = view.getUint32(28) * pageSize;

  if (view.getUint32(24) !== view.getUint32(92) || size === 0 || size > bytes.byteLength) {
    throw new Error(`Cannot write ${file}: SQLite left no valid database size in the header (${size} bytes for a ${bytes.byteLength}-byte export). Nothing was written. Report this as a Roster bug.`);
  }
  return bytes.subarray(0, size);
}
