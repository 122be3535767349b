import type { UserMatchRow } from '../model/audit-result';
import type { EntraUser, ScimUser, Snapshot } from '../model/snapshot';
import type { AuditConfig } from './config';
import { memberRef, userLabel, userRef, type FindingDraft, type ProvisioningEvents } from './findings';
import { scopeReason, type Population, type UserScope } from './population';
import type { ExpectedRole } from './roles';
import { matchKind, memberKey, type SentryMemberIndex } from './sentry-index';
import { roleMismatchSeverity } from './severity';
import { collectSecondaryKeys, looksLikeEmail, userValue, type SecondaryKeyList } from './user-values';

export interface UserAuditInput {
  snapshot: Snapshot;
  previous: Snapshot | null;
  config: AuditConfig;
  population: Population;
  index: SentryMemberIndex;
  events: ProvisioningEvents;
  expectedRole: (appRoleIds: string[]) => ExpectedRole;
}

export interface UserAuditOutput {
  drafts: FindingDraft[];
  rows: UserMatchRow[];
  /** Returns the id of the in-scope user Entra will link a member to (the last one, if several), or null. */
  linkedUserId: (memberId: string) => string | null;
  inScopeUsers: number;
}

/** One Sentry member found for an Entra user and how it was found. */
interface Pairing {
  member: ScimUser;
  matchedBy: string;
  /** The Entra attribute whose value found the member, for secondary matches. */
  attribute: string | null;
  entraValue: string | null;
}

const NO_MEMBERS: ScimUser[] = [];
const CLAIMED = 1;
const LISTED = 2;

/** Shared result for the common case of no secondary match. Callers only read it. */
const NO_PAIRINGS: Pairing[] = [];

/** Pairs each member that the matching value found, without a closure per user. */
function primaryPairings(members: readonly ScimUser[], value: string | null): Pairing[] {
  if (members.length === 0) return NO_PAIRINGS;
  const pairings: Pairing[] = [];
  for (const member of members) pairings.push({ member, matchedBy: value === null ? '' : matchKind(value, member), attribute: null, entraValue: value });
  return pairings;
}

function hasMember(pairings: readonly Pairing[], member: ScimUser): boolean {
  for (const pairing of pairings) if (pairing.member === member) return true;
  return false;
}

/** Mutable state of one audit run; keeps the helper signatures short. */
class UserAudit {
  readonly drafts: FindingDraft[] = [];
  readonly rows: UserMatchRow[] = [];
  /**
   * Members some user has claimed, by id: CLAIMED, LISTED once a row shows the member, or the scope
   * of the last user linked to it (whose row shows it too). A row only shows claimed members, so one
   * map answers all three questions with one lookup per member.
   */
  private readonly claimed = new Map<string, typeof CLAIMED | typeof LISTED | UserScope>();
  private readonly previousUsers: Map<string, EntraUser>;
  /** Reused by every `secondaryPairings` call, which never runs nested. */
  private readonly keyList: SecondaryKeyList = { keys: [], attributes: [] };
  private readonly reasonByGroupId = new Map<string, string>();

  constructor(private readonly input: UserAuditInput) {
    this.previousUsers = new Map((input.previous?.data.entra.users ?? []).map((user) => [user.id, user]));
  }

  /** Returns the matching value Entra sends for the user, taken from the previous snapshot for a deleted user. */
  private valueOf(scope: UserScope): string | null {
    if (scope.user) return scope.matchValue;
    const previousUser = this.previousUsers.get(scope.id);
    return previousUser ? userValue(previousUser, this.input.config.userRule) : null;
  }

  /**
   * Finds unclaimed members through secondary keys, the previous snapshot's value and the provisioning log.
   * `primaryKey` is the normalized matching value. Its members are all claimed or in `exclude`, so a
   * secondary key equal to it is skipped. This runs for every user and most keys find only the user's
   * own member, so nothing is allocated until a key finds another member.
   */
  private secondaryPairings(scope: UserScope, exclude: readonly ScimUser[], primaryKey: string | null): Pairing[] {
    const index = this.input.index;
    let found = NO_PAIRINGS;
    const previousUser = this.previousUsers.get(scope.id);
    if (previousUser) {
      const previousValue = userValue(previousUser, this.input.config.userRule);
      if (previousValue) found = this.consider(found, index.find(previousValue), `previous ${this.input.config.matching.sourceAttribute}`, previousValue, exclude);
      const previousUpn = previousUser.userPrincipalName;
      if (previousUpn && previousUpn !== scope.user?.userPrincipalName) found = this.consider(found, index.find(previousUpn), 'previous userPrincipalName', previousUpn, exclude);
    }

    const user = scope.user ?? previousUser ?? null;
    if (user) {
      const { keys, attributes } = this.keyList;
      collectSecondaryKeys(user, this.keyList);
      for (let position = 0; position < keys.length; position++) {
        const key = keys[position] as string;
        if (key === primaryKey) continue;
        found = this.consider(found, index.findNormalized(key), attributes[position] as string, key, exclude);
      }
    }

    const logged = this.input.events.linkedTarget(scope.id);
    const loggedMember = logged ? index.byId.get(logged) : undefined;
    if (loggedMember) found = this.consider(found, [loggedMember], 'provisioning log', null, exclude);
    return found;
  }

  /** Adds the members that no user claimed and `exclude` does not list, each once, and returns the list, new if `found` was NO_PAIRINGS. */
  private consider(found: Pairing[], members: readonly ScimUser[], attribute: string, entraValue: string | null, exclude: readonly ScimUser[]): Pairing[] {
    let result = found;
    for (const member of members) {
      if (this.claimed.has(member.id) || exclude.includes(member) || hasMember(result, member)) continue;
      if (result === NO_PAIRINGS) result = [];
      result.push({ member, matchedBy: attribute, attribute, entraValue });
    }
    return result;
  }

  private claim(pairings: Pairing[]): void {
    for (const pairing of pairings) if (!this.claimed.has(pairing.member.id)) this.claimed.set(pairing.member.id, CLAIMED);
  }

  /** Records that a row shows `member`, and which user links to it when `scope` does. */
  private markListed(member: ScimUser, scope: UserScope): void {
    if (scope.linkedMember === member) this.claimed.set(member.id, scope);
    else if (typeof this.claimed.get(member.id) !== 'object') this.claimed.set(member.id, LISTED);
  }

  linkedUserId(memberId: string): string | null {
    const state = this.claimed.get(memberId);
    return typeof state === 'object' ? state.id : null;
  }

  /**
   * Returns `scopeReason` for the scope. Most users are in scope through one group, so that text is
   * built once per group and shared by its members' rows.
   */
  private reasonOf(scope: UserScope): string {
    const groupId = scope.status === 'in_scope' && !scope.assignedDirectly && scope.directGroupIds.length === 1 ? scope.directGroupIds[0] : undefined;
    if (groupId === undefined) return scopeReason(scope, this.input.population.groupsById);
    let reason = this.reasonByGroupId.get(groupId);
    if (reason === undefined) {
      reason = scopeReason(scope, this.input.population.groupsById);
      this.reasonByGroupId.set(groupId, reason);
    }
    return reason;
  }

  private row(scope: UserScope, value: string | null, pairing: Pairing | null, expected: string | null): void {
    const user = scope.user;
    if (pairing) this.markListed(pairing.member, scope);
    this.rows.push({
      entraId: scope.id,
      userPrincipalName: user?.userPrincipalName ?? null,
      entraDisplayName: user?.displayName ?? null,
      mail: user?.mail ?? null,
      accountEnabled: user?.accountEnabled ?? null,
      inScope: scope.status === 'in_scope',
      scopeReason: this.reasonOf(scope),
      matchValue: value,
      sentryId: pairing?.member.id ?? null,
      sentryUserName: pairing?.member.userName ?? null,
      sentryOrgRole: pairing?.member.sentryOrgRole ?? null,
      expectedRole: expected,
      matchedBy: pairing?.matchedBy ?? null,
      findingKinds: []
    });
  }

  run(): number {
    // Snapshot order decides which user claims a member first, so the result is stable for one snapshot.
    const scopes = this.input.population.scopes;
    const inScope: UserScope[] = [];
    for (const scope of scopes.values()) if (scope.status === 'in_scope') inScope.push(scope);

    // Primary matching first for everyone in scope, so that a secondary key never takes a member
    // that another user's matching value already finds.
    const primaryKeys = new Array<string | null>(inScope.length);
    const primary = new Array<ScimUser[]>(inScope.length);
    for (let position = 0; position < inScope.length; position++) {
      const value = this.valueOf(inScope[position] as UserScope);
      const key = value === null ? null : memberKey(value);
      const members = key === null ? NO_MEMBERS : this.input.index.findNormalized(key);
      // No row exists yet, so no member is LISTED here.
      for (const member of members) this.claimed.set(member.id, CLAIMED);
      primaryKeys[position] = key;
      primary[position] = members;
    }

    for (let position = 0; position < inScope.length; position++) {
      this.auditInScope(inScope[position] as UserScope, primary[position] ?? NO_MEMBERS, primaryKeys[position] ?? null);
    }
    for (const scope of scopes.values()) if (scope.status !== 'in_scope' && scope.status !== 'not_assigned') this.auditOutOfScope(scope);
    for (const scope of scopes.values()) if (scope.status === 'not_assigned') this.row(scope, this.valueOf(scope), null, null);
    this.reportOrphans();
    return inScope.length;
  }

  private auditInScope(scope: UserScope, members: ScimUser[], primaryKey: string | null): void {
    const user = scope.user as EntraUser;
    const value = this.valueOf(scope);
    const source = this.input.config.matching.sourceAttribute;
    const expected = this.input.expectedRole(scope.appRoleIds);
    const primary = primaryPairings(members, value);
    const secondary = this.secondaryPairings(scope, members, primaryKey);
    this.claim(secondary);

    if (value === null) {
      this.drafts.push({
        kind: 'user.unmatchable',
        entra: [userRef(user, scope.id, value)],
        sentry: secondary.map((pairing) => memberRef(pairing.member)),
        details: { user: userLabel(user, scope.id), sourceAttribute: source, sentryUserName: secondary[0]?.member.userName ?? null }
      });
      this.row(scope, null, secondary[0] ?? null, expected.role);
      return;
    }

    if (members.length > 1 || (members.length === 1 && secondary.length > 0)) {
      const all = [...primary, ...secondary];
      this.drafts.push({
        kind: 'user.duplicate_in_sentry',
        entra: [userRef(user, scope.id, value)],
        sentry: all.map((pairing) => memberRef(pairing.member)),
        details: { user: userLabel(user, scope.id), matchValue: value, sentryUserNames: all.map((pairing) => pairing.member.userName).join(', '), count: all.length, cause: members.length > 1 ? 'matching' : 'secondary' }
      });
    }

    const linked = members.length === 1 ? primary[0] : undefined;
    if (linked) {
      scope.linkedMember = linked.member;
      this.checkLinked(scope, value, linked, expected);
      this.row(scope, value, linked, expected.role);
      return;
    }
    if (members.length > 1) {
      this.row(scope, value, primary[0] ?? null, expected.role);
      return;
    }

    const mismatch = secondary[0];
    if (mismatch) {
      this.drafts.push({
        kind: 'user.matching_attribute_mismatch',
        entra: [userRef(user, scope.id, value)],
        sentry: secondary.map((pairing) => memberRef(pairing.member)),
        attribute: { name: 'userName', entraValue: value, sentryValue: mismatch.member.userName },
        details: { user: userLabel(user, scope.id), matchValue: value, sourceAttribute: source, sentryUserName: mismatch.member.userName, secondaryAttribute: mismatch.attribute, secondaryValue: mismatch.entraValue }
      });
      this.row(scope, value, mismatch, expected.role);
      return;
    }

    const lastEvent = this.input.events.lastFor([scope.id], []);
    this.drafts.push({
      kind: 'user.missing_in_sentry',
      severity: lastEvent?.status.toLowerCase() === 'failure' ? 'high' : undefined,
      entra: [userRef(user, scope.id, value)],
      sentry: [],
      details: { user: userLabel(user, scope.id), matchValue: value, sourceAttribute: source, valueIsEmail: looksLikeEmail(value), scopeReason: this.reasonOf(scope) }
    });
    this.row(scope, value, null, expected.role);
  }

  private checkLinked(scope: UserScope, value: string, linked: Pairing, expected: ExpectedRole): void {
    const user = scope.user as EntraUser;
    const member = linked.member;
    if (linked.matchedBy === 'case-insensitive') {
      this.drafts.push({
        kind: 'user.case_only_difference',
        entra: [userRef(user, scope.id, value)],
        sentry: [memberRef(member)],
        attribute: { name: 'userName', entraValue: value, sentryValue: member.userName },
        details: { user: userLabel(user, scope.id), matchValue: value, sentryUserName: member.userName }
      });
    }

    const sentryRole = member.sentryOrgRole?.toLowerCase() ?? null;
    if (expected.role === null || sentryRole === null || expected.role === sentryRole) return;
    this.drafts.push({
      kind: 'user.role_mismatch',
      severity: roleMismatchSeverity(expected.role, sentryRole),
      entra: [userRef(user, scope.id, value)],
      sentry: [memberRef(member)],
      attribute: { name: 'sentryOrgRole', entraValue: expected.role, sentryValue: sentryRole },
      details: {
        user: userLabel(user, scope.id),
        sentryUserName: member.userName,
        appRole: expected.appRole,
        expectedRole: expected.role,
        sentryRole,
        schemaMapsRole: this.input.config.sentryOrgRoleMapped,
        ownerInvolved: expected.role === 'owner' || sentryRole === 'owner'
      }
    });
  }

  private auditOutOfScope(scope: UserScope): void {
    const value = this.valueOf(scope);
    const key = value === null ? null : memberKey(value);
    const direct = key === null ? [] : this.input.index.findNormalized(key).filter((member) => !this.claimed.has(member.id));
    const directPairings = primaryPairings(direct, value);
    const pairings = [...directPairings, ...this.secondaryPairings(scope, direct, key)];
    this.claim(pairings);
    const ref = userRef(scope.user, scope.id, value);
    const label = userLabel(scope.user ?? this.previousUsers.get(scope.id) ?? null, scope.id);
    const sentry = pairings.map((pairing) => memberRef(pairing.member));
    const first = pairings[0];
    const groupNames = (ids: string[]): string => ids.map((id) => this.input.population.groupsById.get(id)?.displayName ?? id).join(', ');

    if ((scope.status === 'disabled' || scope.status === 'deleted') && first) {
      const linkedByEntra = pairings.some((pairing) => this.input.events.touchedTarget(pairing.member.id)) || this.input.events.linkedTarget(scope.id) !== null;
      const details = { user: label, state: scope.status, sentryUserName: first.member.userName, linkedByEntra, updateEnabled: this.input.config.userUpdateEnabled };
      this.drafts.push({ kind: 'user.disabled_in_entra', entra: [ref], sentry, details });
    } else if (scope.status === 'nested_only') {
      this.drafts.push({ kind: 'user.nested_group_only', entra: [ref], sentry, details: { user: label, nestedIn: groupNames(scope.nestedGroupIds), sentryUserName: first?.member.userName ?? null } });
    } else if (scope.status === 'scoping_failed' && first) {
      this.drafts.push({
        kind: 'user.orphaned_in_sentry',
        entra: [ref],
        sentry,
        details: { sentryUserName: first.member.userName, sentryOrgRole: first.member.sentryOrgRole, reason: 'scoping_failed', user: label, failedClause: scope.failedClauses.join('; '), provisionedByEntra: this.input.events.touchedTarget(first.member.id), syncAll: this.input.config.syncAll }
      });
    }
    this.row(scope, value, first ?? null, null);
  }

  private reportOrphans(): void {
    for (const member of this.input.snapshot.data.sentry.users) {
      const state = this.claimed.get(member.id);
      if (state === undefined) {
        this.drafts.push({
          kind: 'user.orphaned_in_sentry',
          entra: [],
          sentry: [memberRef(member)],
          details: { sentryUserName: member.userName, sentryOrgRole: member.sentryOrgRole, reason: 'no_entra_user', user: null, failedClause: null, provisionedByEntra: this.input.events.touchedTarget(member.id), syncAll: this.input.config.syncAll }
        });
      }
      // LISTED or a linked user's scope: a row already shows the member.
      if (state !== undefined && state !== CLAIMED) continue;
      this.rows.push({
        entraId: null, userPrincipalName: null, entraDisplayName: null, mail: null, accountEnabled: null, inScope: false,
        scopeReason: 'no Entra user', matchValue: null, sentryId: member.id, sentryUserName: member.userName,
        sentryOrgRole: member.sentryOrgRole, expectedRole: null, matchedBy: null, findingKinds: []
      });
    }
  }
}

/**
 * Pairs every Entra user with the Sentry member Entra's next cycle would find, and drafts the user findings.
 * NOTE: two in-scope users with the same matching value (Entra's DuplicateSourceEntries) both link to one member here.
 */
export function auditUsers(input: UserAuditInput): UserAuditOutput {
  const audit = new UserAudit(input);
  const inScopeUsers = audit.run();
  return { drafts: audit.drafts, rows: audit.rows, linkedUserId: (memberId) => audit.linkedUserId(memberId), inScopeUsers };
}
