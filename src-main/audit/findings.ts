import type { AttributeDifference, EntraRef, Finding, FindingKind, ProvisioningEventRef, SentryRef, Severity } from '../model/finding';
import type { EntraGroup, EntraUser, ProvisioningLogEntry, ScimGroup, ScimUser } from '../model/snapshot';
import { sentrySlug } from '../scim/slug';
import { describeFinding } from './describe';
import { BASE_SEVERITY } from './severity';

export interface FindingDraft {
  kind: FindingKind;
  /** Overrides the kind's base severity where the severity table allows it. */
  severity?: Severity;
  entra: EntraRef[];
  sentry: SentryRef[];
  attribute?: AttributeDifference | null;
  details: Finding['details'];
}

/**
 * Hashes text to 16 hex digits with two 32-bit FNV-1a variants. The finding id must not depend on
 * Node's crypto module, because the renderer loads this code too.
 */
export function stableHash(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}

export function findingId(kind: FindingKind, entraIds: string[], sentryIds: string[]): string {
  const key = `${kind}|${[...entraIds].sort().join(',')}|${[...sentryIds].sort().join(',')}`;
  return `${kind}:${stableHash(key)}`;
}

/** Finds the latest provisioning log entry per Entra object (source id) and per Sentry object (target id). */
export class ProvisioningEvents {
  // Two maps instead of one keyed by "source:id", because building that key for every user of a
  // large tenant cost more than the lookup itself.
  private readonly latestBySource = new Map<string, ProvisioningLogEntry>();
  private readonly latestByTarget = new Map<string, ProvisioningLogEntry>();

  constructor(entries: ProvisioningLogEntry[] | null) {
    for (const entry of entries ?? []) {
      if (entry.sourceId) keepLatest(this.latestBySource, entry.sourceId, entry);
      if (entry.targetId) keepLatest(this.latestByTarget, entry.targetId, entry);
    }
  }

  /** Returns the latest entry about any of the given objects. */
  lastFor(entraIds: string[], sentryIds: string[]): ProvisioningLogEntry | null {
    if (this.latestBySource.size === 0 && this.latestByTarget.size === 0) return null;
    let best: ProvisioningLogEntry | null = null;
    for (const id of entraIds) best = later(best, this.latestBySource.get(id));
    for (const id of sentryIds) best = later(best, this.latestByTarget.get(id));
    return best;
  }

  /** Returns the Sentry member id that Entra last wrote or matched for an Entra user, from a successful log entry. */
  linkedTarget(entraId: string): string | null {
    const entry = this.latestBySource.get(entraId);
    return entry && entry.targetId && entry.status.toLowerCase() === 'success' ? entry.targetId : null;
  }

  /** True when some log entry names the Sentry object as its target, so Entra has managed it before. */
  touchedTarget(sentryId: string): boolean {
    return this.latestByTarget.has(sentryId);
  }
}

function keepLatest(latest: Map<string, ProvisioningLogEntry>, id: string, entry: ProvisioningLogEntry): void {
  const current = latest.get(id);
  if (!current || Date.parse(entry.activityDateTime) > Date.parse(current.activityDateTime)) latest.set(id, entry);
}

/** Returns the later of two entries; on equal times the one already chosen stays. */
function later(best: ProvisioningLogEntry | null, entry: ProvisioningLogEntry | undefined): ProvisioningLogEntry | null {
  if (!entry) return best;
  return !best || Date.parse(entry.activityDateTime) > Date.parse(best.activityDateTime) ? entry : best;
}

function toEventRef(entry: ProvisioningLogEntry | null): ProvisioningEventRef | null {
  if (!entry) return null;
  return { activityDateTime: entry.activityDateTime, provisioningAction: entry.provisioningAction, status: entry.status, errorCode: entry.errorCode };
}

export function buildFinding(draft: FindingDraft, events: ProvisioningEvents): Finding {
  const entraIds = draft.entra.map((ref) => ref.id);
  const sentryIds = draft.sentry.map((ref) => ref.id);
  const finding: Finding = {
    id: findingId(draft.kind, entraIds, sentryIds),
    kind: draft.kind,
    severity: draft.severity ?? BASE_SEVERITY[draft.kind],
    entra: draft.entra,
    sentry: draft.sentry,
    attribute: draft.attribute ?? null,
    details: draft.details,
    explanation: '',
    recommendedAction: '',
    lastProvisioningEvent: toEventRef(events.lastFor(entraIds, sentryIds))
  };
  const text = describeFinding(finding, 'en');
  finding.explanation = text.explanation;
  finding.recommendedAction = text.recommendedAction;
  return finding;
}

export function userRef(user: EntraUser | null, id: string, matchValue: string | null): EntraRef {
  return {
    type: 'user',
    id,
    displayName: user?.displayName ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
    mail: user?.mail ?? null,
    accountEnabled: user?.accountEnabled ?? null,
    matchValue
  };
}

export function groupRef(group: EntraGroup, matchValue: string | null): EntraRef {
  return { type: 'group', id: group.id, displayName: group.displayName, matchValue, slug: matchValue === null ? null : sentrySlug(matchValue) };
}

export function memberRef(member: ScimUser): SentryRef {
  return { type: 'user', id: member.id, userName: member.userName, sentryOrgRole: member.sentryOrgRole };
}

export function teamRef(team: ScimGroup): SentryRef {
  return { type: 'team', id: team.id, displayName: team.displayName, slug: sentrySlug(team.displayName) };
}

/** Returns the name a text uses for an Entra user: the UPN, else the display name, else the object id. */
export function userLabel(user: EntraUser | null, id: string): string {
  return user?.userPrincipalName ?? user?.displayName ?? id;
}
