import { sentrySlug } from '../../../src-main/scim/slug';
import type { SeedScim } from '../seed';

/** An organization member as the fake stores it. Change it only through `ScimState` so the indexes stay right. */
export interface MemberRecord {
  readonly id: number;
  /** Invite e-mail of a pending member, or the linked account's primary e-mail; case kept as sent. */
  readonly email: string;
  readonly role: string;
  /** An invite not yet accepted. Sentry shows both kinds alike, but orders and de-duplicates them differently. */
  readonly pending: boolean;
  /** Extra addresses of the linked account (accepted members only). */
  readonly secondaryEmails: readonly string[];
  readonly idpProvisioned: boolean;
  readonly idpRoleRestricted: boolean;
  /** A member managed by a Sentry partnership, for which PATCH, PUT and DELETE return 403. */
  readonly partnershipRestricted: boolean;
}

export interface TeamRecord {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly status: 'active' | 'pending_deletion';
  readonly idpProvisioned: boolean;
  /** Member ids in the order they joined. */
  readonly memberIds: ReadonlySet<number>;
}

type MutableMember = { -readonly [K in keyof MemberRecord]: MemberRecord[K] };
type MutableTeam = Omit<{ -readonly [K in keyof TeamRecord]: TeamRecord[K] }, 'memberIds'> & { memberIds: Set<number> };

export const DEFAULT_ORG_ROLE = 'member';
export const TOP_ORG_ROLE = 'owner';

/**
 * Members and teams of one Sentry organization, indexed for the SCIM fake.
 *
 * Lookups by id, e-mail and slug are map lookups. The list orders are sorted once after a change and
 * reused by every page, so paging through 100,000 members costs one sort, not one per page.
 */
export class ScimState {
  readonly orgSlug: string;
  readonly orgId: string;
  readonly provider: SeedScim['provider'];

  private readonly memberById = new Map<number, MutableMember>();
  private readonly teamById = new Map<number, MutableTeam>();
  /** Lower-cased address -> ids of members the Users filter matches with it. */
  private readonly memberIdsByEmail = new Map<string, Set<number>>();
  /** Lower-cased slug -> id of the active team with that slug. */
  private readonly teamIdBySlug = new Map<string, number>();
  private readonly teamIdsByMember = new Map<number, Set<number>>();
  private sortedMembers: MemberRecord[] | null = null;
  private sortedTeams: TeamRecord[] | null = null;
  private nextMemberId = 1;
  private nextTeamId = 1;

  constructor(seed: SeedScim, orgId: string) {
    this.orgSlug = seed.orgSlug;
    this.orgId = orgId;
    this.provider = seed.provider;

    for (const user of seed.users) {
      const id = parseSeedId(user.id, 'users');
      if (this.memberById.has(id)) throw new Error(`Seed user id ${user.id} appears twice; give each SCIM user its own id.`);
      if (user.xPending && user.xSecondaryEmails?.length) {
        throw new Error(`Seed user ${user.id} is pending and has xSecondaryEmails; a pending invite has no linked account, so drop one of them.`);
      }
      this.insertMember({
        id,
        email: user.userName,
        role: user.sentryOrgRole,
        pending: user.xPending ?? false,
        secondaryEmails: user.xSecondaryEmails ?? [],
        idpProvisioned: false,
        idpRoleRestricted: false,
        partnershipRestricted: false
      });
    }

    for (const group of seed.groups) {
      const id = parseSeedId(group.id, 'groups');
      if (this.teamById.has(id)) throw new Error(`Seed group id ${group.id} appears twice; give each SCIM group its own id.`);
      const slug = group.xSlug ?? sentrySlug(group.displayName);
      if (this.teamIdBySlug.has(slug.toLowerCase())) {
        throw new Error(`Seed group ${group.id} has slug "${slug}", which another seed group already holds; set xSlug to a free slug.`);
      }
      const team = this.insertTeam(id, group.displayName, slug, false);
      for (const memberId of group.xMembers) {
        const numeric = parseSeedId(memberId, `groups[${group.id}].xMembers`);
        if (!this.memberById.has(numeric)) {
          throw new Error(`Seed group ${group.id} lists member ${memberId}, which is not a seed user; add the user or remove the id.`);
        }
        this.linkTeamMember(team, numeric);
      }
    }
  }

  /** Members in the order GET /Users lists them: pending invites by e-mail, then accepted members by id. */
  listMembers(): readonly MemberRecord[] {
    if (this.sortedMembers === null) this.sortedMembers = [...this.memberById.values()].sort(compareMembers);
    return this.sortedMembers;
  }

  /** Members whose invite e-mail or linked-account address equals `email`, ignoring case, in list order. */
  findMembersByEmail(email: string): MemberRecord[] {
    const ids = this.memberIdsByEmail.get(email.toLowerCase());
    if (!ids) return [];
    return [...ids].map((id) => this.memberById.get(id)!).sort(compareMembers);
  }

  getMember(id: number): MemberRecord | undefined {
    return this.memberById.get(id);
  }

  /** Active teams ordered by slug, as GET /Groups lists them. */
  listTeams(): readonly TeamRecord[] {
    if (this.sortedTeams === null) {
      this.sortedTeams = [...this.teamById.values()].filter((t) => t.status === 'active').sort((a, b) => compareText(a.slug, b.slug));
    }
    return this.sortedTeams;
  }

  /** Finds the active team with `slug`, ignoring case. */
  findTeamBySlug(slug: string): TeamRecord | undefined {
    const id = this.teamIdBySlug.get(slug.toLowerCase());
    return id === undefined ? undefined : this.teamById.get(id);
  }

  /** Gets a team by id, including teams pending deletion, which the handlers treat as missing. */
  getTeam(id: number): TeamRecord | undefined {
    return this.teamById.get(id);
  }

  teamsOfMember(memberId: number): TeamRecord[] {
    return [...(this.teamIdsByMember.get(memberId) ?? [])].map((id) => this.teamById.get(id)!);
  }

  ownerCount(): number {
    let owners = 0;
    for (const member of this.memberById.values()) if (member.role === TOP_ORG_ROLE) owners++;
    return owners;
  }

  addMember(fields: Partial<Omit<MemberRecord, 'id'>> & { email: string; id?: number }): MemberRecord {
    const id = fields.id ?? this.nextMemberId;
    if (this.memberById.has(id)) throw new Error(`Member id ${id} is already taken; pick another id or leave it out.`);
    return this.insertMember({
      id,
      email: fields.email,
      role: fields.role ?? DEFAULT_ORG_ROLE,
      pending: fields.pending ?? false,
      secondaryEmails: fields.secondaryEmails ?? [],
      idpProvisioned: fields.idpProvisioned ?? false,
      idpRoleRestricted: fields.idpRoleRestricted ?? false,
      partnershipRestricted: fields.partnershipRestricted ?? false
    });
  }

  updateMember(id: number, changes: Partial<Omit<MemberRecord, 'id'>>): MemberRecord {
    const member = this.requireMember(id);
    this.unindexMember(member);
    Object.assign(member, changes);
    this.indexMember(member);
    this.sortedMembers = null;
    return member;
  }

  /** Deletes the member and its team memberships, as deleting an OrganizationMember row does. */
  removeMember(id: number): void {
    const member = this.requireMember(id);
    for (const teamId of this.teamIdsByMember.get(id) ?? []) this.teamById.get(teamId)!.memberIds.delete(id);
    this.teamIdsByMember.delete(id);
    this.unindexMember(member);
    this.memberById.delete(id);
    this.sortedMembers = null;
  }

  addTeam(name: string, slug = sentrySlug(name), idpProvisioned = false): TeamRecord {
    if (this.teamIdBySlug.has(slug.toLowerCase())) throw new Error(`Team slug "${slug}" is already taken; pick another slug.`);
    return this.insertTeam(this.nextTeamId, name, slug, idpProvisioned);
  }

  /** Changes name, slug or flags of a team; the caller has already checked that a new slug is free. */
  updateTeam(id: number, changes: Partial<Pick<TeamRecord, 'name' | 'slug' | 'status' | 'idpProvisioned'>>): TeamRecord {
    const team = this.requireTeam(id);
    if (team.status === 'active') this.teamIdBySlug.delete(team.slug.toLowerCase());
    Object.assign(team, changes);
    if (team.status === 'active') this.teamIdBySlug.set(team.slug.toLowerCase(), team.id);
    this.sortedTeams = null;
    return team;
  }

  /** Adds a member to a team; returns false when it was already on it. */
  addTeamMember(teamId: number, memberId: number): boolean {
    const team = this.requireTeam(teamId);
    this.requireMember(memberId);
    if (team.memberIds.has(memberId)) return false;
    this.linkTeamMember(team, memberId);
    return true;
  }

  /** Removes a member from a team; returns false when it was not on it. */
  removeTeamMember(teamId: number, memberId: number): boolean {
    const team = this.requireTeam(teamId);
    if (!team.memberIds.delete(memberId)) return false;
    this.teamIdsByMember.get(memberId)?.delete(teamId);
    return true;
  }

  /** Copies the mutable parts of a team, so a failed multi-step write can be rolled back. */
  snapshotTeam(id: number): { team: TeamRecord; memberIds: number[] } {
    const team = this.requireTeam(id);
    return { team: { ...team, memberIds: new Set(team.memberIds) }, memberIds: [...team.memberIds] };
  }

  restoreTeam(saved: { team: TeamRecord; memberIds: number[] }): void {
    const team = this.requireTeam(saved.team.id);
    for (const memberId of [...team.memberIds]) this.removeTeamMember(team.id, memberId);
    this.updateTeam(team.id, { name: saved.team.name, slug: saved.team.slug, status: saved.team.status, idpProvisioned: saved.team.idpProvisioned });
    for (const memberId of saved.memberIds) this.linkTeamMember(team, memberId);
  }

  private insertMember(member: MutableMember): MemberRecord {
    this.memberById.set(member.id, member);
    this.indexMember(member);
    this.nextMemberId = Math.max(this.nextMemberId, member.id + 1);
    this.sortedMembers = null;
    return member;
  }

  private insertTeam(id: number, name: string, slug: string, idpProvisioned: boolean): MutableTeam {
    const team: MutableTeam = { id, name, slug, status: 'active', idpProvisioned, memberIds: new Set() };
    this.teamById.set(id, team);
    this.teamIdBySlug.set(slug.toLowerCase(), id);
    this.nextTeamId = Math.max(this.nextTeamId, id + 1);
    this.sortedTeams = null;
    return team;
  }

  private linkTeamMember(team: MutableTeam, memberId: number): void {
    team.memberIds.add(memberId);
    let teams = this.teamIdsByMember.get(memberId);
    if (!teams) this.teamIdsByMember.set(memberId, (teams = new Set()));
    teams.add(team.id);
  }

  /**
   * Lists the addresses the Users filter matches: the invite e-mail of a pending invite, or every
   * address of an accepted member's account.
   */
  private addressesOf(member: MemberRecord): string[] {
    const addresses = member.pending ? [member.email] : [member.email, ...member.secondaryEmails];
    return [...new Set(addresses.map((a) => a.toLowerCase()))];
  }

  private indexMember(member: MemberRecord): void {
    for (const address of this.addressesOf(member)) {
      let ids = this.memberIdsByEmail.get(address);
      if (!ids) this.memberIdsByEmail.set(address, (ids = new Set()));
      ids.add(member.id);
    }
  }

  private unindexMember(member: MemberRecord): void {
    for (const address of this.addressesOf(member)) {
      const ids = this.memberIdsByEmail.get(address);
      ids?.delete(member.id);
      if (ids?.size === 0) this.memberIdsByEmail.delete(address);
    }
  }

  private requireMember(id: number): MutableMember {
    const member = this.memberById.get(id);
    if (!member) throw new Error(`No member with id ${id}; list the members with listMembers() to find a valid id.`);
    return member;
  }

  private requireTeam(id: number): MutableTeam {
    const team = this.teamById.get(id);
    if (!team) throw new Error(`No team with id ${id}; list the teams with listTeams() to find a valid id.`);
    return team;
  }
}

/** Orders like Postgres `ORDER BY email, id`: accepted members have a null member e-mail, and nulls sort last. */
function compareMembers(a: MemberRecord, b: MemberRecord): number {
  if (a.pending !== b.pending) return a.pending ? -1 : 1;
  if (a.pending) {
    const byEmail = compareText(a.email, b.email);
    if (byEmail !== 0) return byEmail;
  }
  return a.id - b.id;
}

/**
 * Compares UTF-16 code units, which is the order of Postgres's C collation.
 * NOTE: Sentry's database collation is unknown. Under en_US, hyphens weigh less, so `ab` would sort before `a-c`.
 */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function parseSeedId(value: string, where: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(value)) {
    throw new Error(`Seed ${where} id "${value}" is not a positive integer; Sentry ids are digits only, e.g. "4811".`);
  }
  return Number(value);
}
