import type { Database, SqlValue, Statement } from 'sql.js';

// Rows per multi-row INSERT. Each sql.js run() call has a fixed cost on top of binding the values.
// In a 100,000-row test (sql.js 1.17, Node 20, a shared 2-core machine) 32 rows per call cut the CPU
// time of the inserts by about 15-20%, measured roughly because of the noisy machine. 32 rows of 12
// columns stay far below SQLite's limit of 32,766 bound parameters.
const ROWS_PER_STATEMENT = 32;

/**
 * Inserts rows into one table through two prepared statements reused for every row: one that
 * inserts ROWS_PER_STATEMENT rows at once and one for the remainder. Values are always bound
 * parameters. Call `finish()` to write the buffered rest, and `free()` in a finally block.
 */
export class BulkInsert {
  private readonly columnCount: number;
  private readonly batch: Statement;
  private readonly single: Statement;
  private readonly buffer: SqlValue[] = [];

  constructor(db: Database, table: string, columnCount: number) {
    this.columnCount = columnCount;
    const row = `(${new Array<string>(columnCount).fill('?').join(', ')})`;
    this.batch = db.prepare(`INSERT INTO ${table} VALUES ${new Array<string>(ROWS_PER_STATEMENT).fill(row).join(', ')}`);
    this.single = db.prepare(`INSERT INTO ${table} VALUES ${row}`);
  }

  add(values: readonly SqlValue[]): void {
    if (values.length !== this.columnCount) {
      throw new Error(`BulkInsert expected ${this.columnCount} values per row, got ${values.length}.`);
    }
    for (const value of values) this.buffer.push(value);
    if (this.buffer.length === this.columnCount * ROWS_PER_STATEMENT) {
      this.batch.run(this.buffer);
      this.buffer.length = 0;
    }
  }

  /** Writes the buffered rows. Call `free()` afterwards in every case. */
  finish(): void {
    for (let start = 0; start < this.buffer.length; start += this.columnCount) {
      this.single.run(this.buffer.slice(start, start + this.columnCount));
    }
    this.buffer.length = 0;
  }

  /** Frees both statements; safe to call more than once. */
  free(): void {
    this.buffer.length = 0;
    this.batch.free();
    this.single.free();
  }
}
