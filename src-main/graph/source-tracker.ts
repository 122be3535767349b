import type { SourceName, SourceRecord } from '../model/snapshot';

/** Progress of one capture source, sent after every page and when the source ends. */
export interface SourceProgress {
  source: SourceName;
  state: 'running' | 'done' | 'unavailable' | 'failed';
  pages: number;
  rows: number;
  retries: number;
  apiTotal: number | null;
}

export type ProgressListener = (progress: SourceProgress) => void;

/** Counts pages, rows and retries of one source and turns them into its `SourceRecord`. */
export class SourceTracker {
  private readonly startedAt = new Date().toISOString();
  pages = 0;
  rows = 0;
  retries = 0;
  apiTotal: number | null = null;

  constructor(
    readonly source: SourceName,
    private readonly listener: ProgressListener | undefined
  ) {
    this.emit('running');
  }

  /** Records one response: `rows` is how many records it added, `retries` how many retries it needed. */
  addPage(rows: number, retries: number): void {
    this.pages++;
    this.rows += rows;
    this.retries += retries;
    this.emit('running');
  }

  /** Adds a total Graph announced (`@odata.count`); totals of several lists in one source add up. */
  addApiTotal(total: number): void {
    this.apiTotal = (this.apiTotal ?? 0) + total;
  }

  /** Replaces the row count, e.g. when a list is read again from the start. */
  setRows(rows: number): void {
    this.rows = rows;
  }

  finish(state: 'done' | 'unavailable' = 'done'): SourceRecord {
    this.emit(state);
    return {
      source: this.source,
      startedAt: this.startedAt,
      endedAt: new Date().toISOString(),
      rowsReceived: this.rows,
      apiTotal: this.apiTotal,
      pages: this.pages,
      retries: this.retries
    };
  }

  fail(): void {
    this.emit('failed');
  }

  private emit(state: SourceProgress['state']): void {
    this.listener?.({ source: this.source, state, pages: this.pages, rows: this.rows, retries: this.retries, apiTotal: this.apiTotal });
  }
}
