import type { AuditResult, UserMatchRow } from '../model/audit-result';
import { SEVERITIES, severityRank, type EntraRef, type Finding, type FindingKind, type SentryRef, type Severity } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import { resolveConfig } from './config';
import { buildFinding, ProvisioningEvents } from './findings';
import { auditGroups } from './groups-audit';
import { buildPopulation } from './population';
import { buildRoleResolver, type RoleMapping } from './roles';
import { SentryMemberIndex } from './sentry-index';
import { auditUsers } from './users-audit';

export interface AuditOptions {
  /** The snapshot before this one: its UPNs and team names recognize renamed people and teams. */
  previous?: Snapshot | null;
  /** Audits as if userName came from this source (`mail`, `[mail]`, `ToLower([mail])`, ...). */
  matchingSourceOverride?: string | null;
  roleMapping?: RoleMapping | null;
  now?: Date;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders findings by severity, then kind, then id, so the report lists the worst first and stays stable. */
function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || compareText(a.kind, b.kind) || compareText(a.id, b.id);
}

function attachKinds(rows: UserMatchRow[], findings: Finding[]): void {
  // Rows name only users, and Entra and Sentry user ids share one key space here, so one map by id
  // serves both sides without building a "type:id" key for each of the many rows.
  const kindsByUserId = new Map<string, Set<FindingKind>>();
  const add = (refs: Array<EntraRef | SentryRef>, kind: FindingKind): void => {
    for (const ref of refs) {
      if (ref.type !== 'user') continue;
      const set = kindsByUserId.get(ref.id);
      if (set) set.add(kind);
      else kindsByUserId.set(ref.id, new Set([kind]));
    }
  };
  for (const finding of findings) {
    add(finding.entra, finding.kind);
    add(finding.sentry, finding.kind);
  }
  if (kindsByUserId.size === 0) return;

  for (const row of rows) {
    const entraKinds = row.entraId === null ? undefined : kindsByUserId.get(row.entraId);
    const sentryKinds = row.sentryId === null ? undefined : kindsByUserId.get(row.sentryId);
    if (!entraKinds && !sentryKinds) continue;
    row.findingKinds = [...new Set<FindingKind>([...(entraKinds ?? []), ...(sentryKinds ?? [])])].sort();
  }
}

/**
 * Predicts what Entra's provisioning service does to Sentry on its next cycle for every user, group
 * and team in the snapshot, and explains each difference as a finding.
 */
export function auditSnapshot(snapshot: Snapshot, options: AuditOptions = {}): AuditResult {
  const previous = options.previous ?? null;
  const config = resolveConfig(snapshot, options.matchingSourceOverride);
  const expectedRole = buildRoleResolver(snapshot.data.entra.servicePrincipal, options.roleMapping);
  const population = buildPopulation(snapshot.data, config);
  const index = new SentryMemberIndex(snapshot.data.sentry.users);
  const events = new ProvisioningEvents(snapshot.data.entra.provisioningLogs);

  const users = auditUsers({ snapshot, previous, config, population, index, events, expectedRole });
  const groups = auditGroups({ snapshot, previous, config, population, memberById: index.byId, linkedUserId: users.linkedUserId });

  const findings = [...users.drafts, ...groups.drafts].map((draft) => buildFinding(draft, events));
  findings.sort(compareFindings);
  attachKinds(users.rows, findings);

  const countsByKind: Partial<Record<FindingKind, number>> = {};
  const countsBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    countsByKind[finding.kind] = (countsByKind[finding.kind] ?? 0) + 1;
    countsBySeverity[finding.severity] += 1;
  }

  const warnings = [...config.warnings];
  for (const id of population.missingGroupIds) {
    warnings.push(`Assigned group ${id} is missing from the snapshot, so its team is not audited. Capture the snapshot again with read access to that group.`);
  }
  for (const clause of population.unevaluatedClauses) {
    warnings.push(`Scoping clause "${clause}" tests an attribute the snapshot does not hold or an unknown operator; the audit treated it as satisfied.`);
  }

  return {
    snapshotId: snapshot.meta.id,
    auditedAt: (options.now ?? new Date()).toISOString(),
    matching: config.matching,
    findings,
    countsByKind,
    countsBySeverity,
    users: users.rows,
    teamMembers: groups.rows,
    population: {
      inScopeUsers: users.inScopeUsers,
      assignedGroups: population.assignedGroups.length,
      sentryMembers: snapshot.data.sentry.users.length,
      sentryTeams: snapshot.data.sentry.groups.length
    },
    warnings
  };
}
