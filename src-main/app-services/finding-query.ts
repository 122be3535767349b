/**
 * Filters, sorts and pages a cached audit in main, so the findings table asks for one page at a time
 * and 100,000 findings never cross IPC. Sort orders are computed once per column and direction.
 */
import type { AuditResult, TeamMemberRow } from '../model/audit-result';
import type { Finding } from '../model/finding';
import { severityRank } from '../model/finding';
import type { ParsedRequestOf } from '../ipc/contract';

type FindingSort = ParsedRequestOf<'audit:findings'>['sort'];
type FindingFilter = ParsedRequestOf<'audit:findings'>['filter'];

/** Sort key of one column; numbers for severity, lowercase text for the rest. */
function sortKey(finding: Finding, column: FindingSort['column']): string | number {
  switch (column) {
    case 'severity':
      return severityRank(finding.severity);
    case 'kind':
      return finding.kind;
    case 'entra': {
      const ref = finding.entra[0];
      return (ref?.userPrincipalName ?? ref?.displayName ?? ref?.id ?? '').toLowerCase();
    }
    case 'sentry': {
      const ref = finding.sentry[0];
      return (ref?.userName ?? ref?.displayName ?? ref?.slug ?? ref?.id ?? '').toLowerCase();
    }
    case 'attribute':
      return finding.attribute?.name ?? '';
    case 'id':
      return finding.id;
  }
}

function compare(a: string | number, b: string | number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Lowercase text a filter matches: kind, ids, names, UPNs, mails, slugs and attribute values. */
export function searchText(finding: Finding): string {
  const parts: Array<string | null | undefined> = [finding.kind, finding.id];
  for (const ref of finding.entra) parts.push(ref.id, ref.displayName, ref.userPrincipalName, ref.mail, ref.matchValue, ref.slug);
  for (const ref of finding.sentry) parts.push(ref.id, ref.userName, ref.displayName, ref.slug);
  if (finding.attribute) parts.push(finding.attribute.name, finding.attribute.entraValue, finding.attribute.sentryValue);
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n').toLowerCase();
}

export class FindingIndex {
  private readonly orders = new Map<string, Uint32Array>();
  private readonly texts: string[];
  private readonly byId: Map<string, Finding>;

  constructor(private readonly findings: readonly Finding[]) {
    this.texts = findings.map(searchText);
    this.byId = new Map(findings.map((finding) => [finding.id, finding]));
  }

  get(id: string): Finding | undefined {
    return this.byId.get(id);
  }

  /** Returns the matching findings' total and the page `[offset, offset + limit)` in sort order. */
  query(sort: FindingSort, filter: FindingFilter, offset: number, limit: number): { total: number; rows: Finding[] } {
    const order = this.order(sort);
    const kinds = new Set<string>(filter.kinds);
    const severities = new Set<string>(filter.severities);
    const text = filter.text.trim().toLowerCase();

    let total = 0;
    const rows: Finding[] = [];
    for (const index of order) {
      const finding = this.findings[index] as Finding;
      if (kinds.size > 0 && !kinds.has(finding.kind)) continue;
      if (severities.size > 0 && !severities.has(finding.severity)) continue;
      if (text !== '' && !(this.texts[index] as string).includes(text)) continue;

      if (total >= offset && rows.length < limit) rows.push(finding);
      total++;
    }
    return { total, rows };
  }

  private order(sort: FindingSort): Uint32Array {
    const cacheKey = `${sort.column}:${sort.direction}`;
    const cached = this.orders.get(cacheKey);
    if (cached) return cached;

    const keys = this.findings.map((finding) => sortKey(finding, sort.column));
    const sign = sort.direction === 'asc' ? 1 : -1;
    // Ties fall back to severity and then the finding id, both ascending, so pages never swap rows between requests.
    const order = Uint32Array.from(this.findings.keys()).sort((a, b) => {
      const fa = this.findings[a] as Finding;
      const fb = this.findings[b] as Finding;
      return (
        sign * compare(keys[a] as string | number, keys[b] as string | number) ||
        compare(severityRank(fa.severity), severityRank(fb.severity)) ||
        compare(fa.id, fb.id)
      );
    });
    this.orders.set(cacheKey, order);
    return order;
  }
}

/** Filters and pages the teams view; rows keep the audit's order. */
export function queryTeams(audit: AuditResult, input: ParsedRequestOf<'audit:teams'>): { total: number; rows: TeamMemberRow[] } {
  const statuses = new Set<string>(input.statuses);
  const text = input.text.trim().toLowerCase();
  const matches = audit.teamMembers.filter((row) => {
    if (statuses.size > 0 && !statuses.has(row.status)) return false;
    if (text === '') return true;
    return [row.groupName, row.slug, row.teamName, row.member].some((value) => value?.toLowerCase().includes(text));
  });
  return { total: matches.length, rows: matches.slice(input.offset, input.offset + input.limit) };
}
