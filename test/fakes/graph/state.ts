import type { SeedGraph, SeedGraphGroup, SeedGraphUser, SeedServicePrincipal } from '../seed';

/** Service principal seed plus the synchronization secrets that the shared seed format leaves out. */
export interface FakeServicePrincipal extends SeedServicePrincipal {
  /** Value of the `SkipOutOfScopeDeletions` secret; omitted from `synchronization/secrets` when unset. */
  xSkipOutOfScopeDeletions?: boolean;
  /** Value of the `BaseAddress` secret (the SCIM tenant URL); omitted when unset. */
  xBaseAddress?: string;
}

/** The seed `startGraphFake` accepts: any `SeedGraph`, with the optional extra secret fields above. */
export interface GraphFakeSeed extends SeedGraph {
  servicePrincipals: FakeServicePrincipal[];
}

export type Assignment = SeedServicePrincipal['xAssignments'][number] & { id: string };

/**
 * The fake's live directory: a deep copy of the seed plus indexes for O(1) lookups.
 *
 * Edit object properties in place (e.g. `state.user(id)!.accountEnabled = false`); add or remove
 * objects through the methods here so the indexes stay right, or call `reindex()` after editing the arrays directly.
 */
export class GraphState {
  readonly seed: GraphFakeSeed;
  private usersById = new Map<string, SeedGraphUser>();
  private usersByUpn = new Map<string, SeedGraphUser>();
  private groupsById = new Map<string, SeedGraphGroup>();
  private spsById = new Map<string, FakeServicePrincipal>();
  private spsByAppId = new Map<string, FakeServicePrincipal>();

  constructor(seed: GraphFakeSeed) {
    this.seed = structuredClone(seed);
    this.reindex();
    this.validate();
  }

  reindex(): void {
    this.usersById.clear();
    this.usersByUpn.clear();
    this.groupsById.clear();
    this.spsById.clear();
    this.spsByAppId.clear();

    for (const user of this.seed.users) {
      this.usersById.set(user.id.toLowerCase(), user);
      this.usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
    }
    for (const group of this.seed.groups) this.groupsById.set(group.id.toLowerCase(), group);
    for (const sp of this.seed.servicePrincipals) {
      this.spsById.set(sp.id.toLowerCase(), sp);
      this.spsByAppId.set(sp.appId.toLowerCase(), sp);
      sp.xAssignments.forEach((assignment, index) => {
        // Graph assignment ids are opaque strings; derive a stable one when the seed gives none.
        assignment.id ??= Buffer.from(`${sp.id}:${assignment.principalId}:${index}`).toString('base64url');
      });
    }
  }

  /** Directory ids and UPNs compare case-insensitively, as in Entra. */
  user(idOrUpn: string): SeedGraphUser | undefined {
    const key = idOrUpn.toLowerCase();
    return this.usersById.get(key) ?? this.usersByUpn.get(key);
  }

  group(id: string): SeedGraphGroup | undefined {
    return this.groupsById.get(id.toLowerCase());
  }

  servicePrincipal(id: string): FakeServicePrincipal | undefined {
    return this.spsById.get(id.toLowerCase());
  }

  servicePrincipalByAppId(appId: string): FakeServicePrincipal | undefined {
    return this.spsByAppId.get(appId.toLowerCase());
  }

  assignments(sp: FakeServicePrincipal): Assignment[] {
    return sp.xAssignments as Assignment[];
  }

  addUser(user: SeedGraphUser): void {
    this.seed.users.push(user);
    this.usersById.set(user.id.toLowerCase(), user);
    this.usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
  }

  /** Removes the user from the directory and from every group, as a hard delete does. */
  removeUser(id: string): void {
    const user = this.user(id);
    if (!user) throw new Error(`removeUser: no user with id '${id}'; check the id against the seed.`);
    this.seed.users.splice(this.seed.users.indexOf(user), 1);
    this.usersById.delete(user.id.toLowerCase());
    this.usersByUpn.delete(user.userPrincipalName.toLowerCase());
    for (const group of this.seed.groups) removeValue(group.xMembers, user.id);
  }

  /** Renames a user's UPN and keeps the UPN index in step. */
  setUserPrincipalName(id: string, userPrincipalName: string): void {
    const user = this.requireUser(id);
    this.usersByUpn.delete(user.userPrincipalName.toLowerCase());
    user.userPrincipalName = userPrincipalName;
    this.usersByUpn.set(userPrincipalName.toLowerCase(), user);
  }

  addGroup(group: SeedGraphGroup): void {
    this.seed.groups.push(group);
    this.groupsById.set(group.id.toLowerCase(), group);
  }

  addGroupMember(groupId: string, memberId: string): void {
    const group = this.requireGroup(groupId);
    if (!this.user(memberId) && !this.group(memberId)) {
      throw new Error(`addGroupMember: '${memberId}' is neither a user nor a group; add the object first.`);
    }
    if (!group.xMembers.includes(memberId)) group.xMembers.push(memberId);
  }

  removeGroupMember(groupId: string, memberId: string): void {
    const group = this.requireGroup(groupId);
    if (!removeValue(group.xMembers, memberId)) {
      throw new Error(`removeGroupMember: '${memberId}' is not a direct member of group '${groupId}'.`);
    }
  }

  addAssignment(spId: string, assignment: SeedServicePrincipal['xAssignments'][number]): Assignment {
    const sp = this.requireServicePrincipal(spId);
    const stored: Assignment = { ...assignment, id: assignment.id ?? Buffer.from(`${sp.id}:${assignment.principalId}:${sp.xAssignments.length}`).toString('base64url') };
    sp.xAssignments.push(stored);
    return stored;
  }

  /** Removes every assignment of `principalId` to the service principal. */
  removeAssignment(spId: string, principalId: string): void {
    const sp = this.requireServicePrincipal(spId);
    const before = sp.xAssignments.length;
    sp.xAssignments = sp.xAssignments.filter((a) => a.principalId.toLowerCase() !== principalId.toLowerCase());
    if (sp.xAssignments.length === before) {
      throw new Error(`removeAssignment: '${principalId}' has no assignment on service principal '${spId}'.`);
    }
  }

  private requireUser(id: string): SeedGraphUser {
    const user = this.user(id);
    if (!user) throw new Error(`No user with id '${id}' in the fake directory; check the id against the seed.`);
    return user;
  }

  private requireGroup(id: string): SeedGraphGroup {
    const group = this.group(id);
    if (!group) throw new Error(`No group with id '${id}' in the fake directory; check the id against the seed.`);
    return group;
  }

  private requireServicePrincipal(id: string): FakeServicePrincipal {
    const sp = this.servicePrincipal(id);
    if (!sp) throw new Error(`No service principal with id '${id}' in the fake directory; check the id against the seed.`);
    return sp;
  }

  /** Rejects seeds whose references point nowhere, so a typo fails at start-up instead of as a silent gap. */
  private validate(): void {
    for (const group of this.seed.groups) {
      for (const memberId of group.xMembers) {
        if (!this.user(memberId) && !this.group(memberId)) {
          throw new Error(`Seed group '${group.id}' lists member '${memberId}', which is neither a seed user nor a seed group.`);
        }
      }
    }
    for (const sp of this.seed.servicePrincipals) {
      for (const a of sp.xAssignments) {
        const found = a.principalType === 'User' ? this.user(a.principalId) : a.principalType === 'Group' ? this.group(a.principalId) : true;
        if (!found) {
          throw new Error(
            `Seed service principal '${sp.id}' assigns ${a.principalType} '${a.principalId}', which is not in the seed ${a.principalType === 'User' ? 'users' : 'groups'}.`
          );
        }
      }
    }
  }
}

function removeValue(list: string[], value: string): boolean {
  const index = list.findIndex((item) => item.toLowerCase() === value.toLowerCase());
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}
