/**
 * Runs audits in a worker and keeps the results in main, where the findings, teams and drift
 * channels read them a page at a time.
 */
import type { ParsedRequestOf, ResponseOf } from '../ipc/contract';
import type { AuditResult, SnapshotDiff } from '../model/audit-result';
import { fromTaskError, serviceError } from './errors';
import { findingDetail, localizeFinding } from './finding-detail';
import { FindingIndex, queryTeams } from './finding-query';
import type { SnapshotLibrary } from './library';
import type { TaskRunner } from './task-runner';
import type { ObjectView } from './tasks/types';

interface CachedAudit {
  previousId: string | null;
  audit: AuditResult;
  objects: Record<string, ObjectView>;
  index: FindingIndex;
}

/** Audits kept at once; older ones are dropped and run again on request. An estimate: 100,000 findings take about 100 MB. */
const MAX_CACHED_AUDITS = 3;
const MAX_CACHED_DIFFS = 2;

/** Remembers at most `max` entries, dropping the least recently used one. */
class LruMap<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    const oldest = this.entries.keys().next().value;
    if (this.entries.size > this.max && oldest !== undefined) this.entries.delete(oldest);
  }

  deleteWhere(test: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (test(key)) this.entries.delete(key);
  }
}

export class AuditService {
  private readonly audits = new LruMap<CachedAudit>(MAX_CACHED_AUDITS);
  private readonly diffs = new LruMap<SnapshotDiff>(MAX_CACHED_DIFFS);

  constructor(
    private readonly library: SnapshotLibrary,
    private readonly runner: TaskRunner
  ) {}

  async run(input: ParsedRequestOf<'audit:run'>): Promise<ResponseOf<'audit:run'>> {
    const source = await this.library.source(input.snapshotId);
    const previous = input.previousId === undefined ? null : await this.library.source(input.previousId);
    const { audit, objects } = await this.runner.run('audit', { source, previous }).catch((error: unknown) => {
      throw fromTaskError(error);
    });

    this.audits.set(input.snapshotId, { previousId: input.previousId ?? null, audit, objects, index: new FindingIndex(audit.findings) });
    return {
      snapshotId: input.snapshotId,
      previousId: input.previousId ?? null,
      auditedAt: audit.auditedAt,
      findingCount: audit.findings.length,
      countsByKind: Object.fromEntries(Object.entries(audit.countsByKind).filter((entry): entry is [string, number] => entry[1] !== undefined)),
      countsBySeverity: audit.countsBySeverity,
      matching: audit.matching,
      population: audit.population,
      warnings: audit.warnings ?? []
    };
  }

  findings(input: ParsedRequestOf<'audit:findings'>): ResponseOf<'audit:findings'> {
    const cached = this.cached(input.snapshotId);
    const page = cached.index.query(input.sort, input.filter, input.offset, input.limit);
    return { total: page.total, rows: page.rows.map((finding) => localizeFinding(finding, input.language)) };
  }

  finding(input: ParsedRequestOf<'audit:finding'>): ResponseOf<'audit:finding'> {
    const cached = this.cached(input.snapshotId);
    const finding = cached.index.get(input.findingId);
    if (!finding) {
      throw serviceError('not_found', `No finding ${input.findingId} in the audit of snapshot ${input.snapshotId}. Reload the findings list.`, {
        snapshotId: input.snapshotId,
        findingId: input.findingId
      });
    }
    return findingDetail(finding, cached.objects, input.language);
  }

  teams(input: ParsedRequestOf<'audit:teams'>): ResponseOf<'audit:teams'> {
    return queryTeams(this.cached(input.snapshotId).audit, input);
  }

  /** Returns the cached audit of a snapshot for the export, or null when it was never run or was dropped. */
  peek(snapshotId: string): AuditResult | null {
    return this.audits.get(snapshotId)?.audit ?? null;
  }

  async whatIf(snapshotId: string): Promise<ResponseOf<'audit:whatif'>> {
    const source = await this.library.source(snapshotId);
    return this.runner.run('whatIf', { source }).catch((error: unknown) => {
      throw fromTaskError(error);
    });
  }

  async compare(input: ParsedRequestOf<'drift:compare'>): Promise<ResponseOf<'drift:compare'>> {
    const key = `${input.fromId}>${input.toId}`;
    let diff = this.diffs.get(key);
    if (!diff) {
      const [from, to] = await Promise.all([this.library.source(input.fromId), this.library.source(input.toId)]);
      diff = await this.runner.run('diff', { from, to }).catch((error: unknown) => {
        throw fromTaskError(error);
      });
      this.diffs.set(key, diff);
    }

    const { sides, objectTypes, changes, text } = input.filter;
    const needle = text.trim().toLowerCase();
    const matches = diff.changes.filter(
      (change) =>
        (sides.length === 0 || sides.includes(change.side)) &&
        (objectTypes.length === 0 || objectTypes.includes(change.objectType)) &&
        (changes.length === 0 || changes.includes(change.change)) &&
        (needle === '' || [change.objectId, change.displayName, change.attribute, change.oldValue, change.newValue].some((value) => value?.toLowerCase().includes(needle)))
    );
    const counts = { added: 0, removed: 0, changed: 0 };
    for (const change of matches) counts[change.change]++;
    return { fromId: input.fromId, toId: input.toId, total: matches.length, counts, rows: matches.slice(input.offset, input.offset + input.limit) };
  }

  /** Drops cached results of a deleted or closed snapshot. */
  forget(snapshotId: string): void {
    this.audits.deleteWhere((key) => key === snapshotId);
    this.diffs.deleteWhere((key) => key.split('>').includes(snapshotId));
  }

  private cached(snapshotId: string): CachedAudit {
    const cached = this.audits.get(snapshotId);
    if (cached) return cached;
    throw serviceError('audit_not_run', `Snapshot ${snapshotId} has no audit result in memory. Run the audit (audit:run) first.`, { snapshotId });
  }
}
