import type { Seed, SeedAppRole, SeedGraphGroup, SeedGraphUser, SeedScimGroup, SeedScimUser, SeedServicePrincipal } from '../seed';
import { ROSTER_PERMISSIONS, sentryAppRoles, type AppRoleName } from './sentry-app';
import { addressPart } from './names';
import { graphTime, SeededRandom } from './random';

export interface PersonOptions {
  givenName: string;
  surname: string;
  /** Defaults to `given.surname@<tenant domain>` in lower case. */
  userPrincipalName?: string;
  /** Defaults to the UPN; null models a user without a mailbox. */
  mail?: string | null;
  /** Extra `smtp:` addresses after the primary `SMTP:` one. */
  secondaryAddresses?: string[];
  otherMails?: string[];
  /** Defaults to a generated `E` number; null models an account without an HR record. */
  employeeId?: string | null;
  accountEnabled?: boolean;
  userType?: 'Member' | 'Guest';
  xDeleted?: boolean;
}

export interface TenantOptions {
  seed: number;
  domain: string;
  orgSlug: string;
  /** First numeric id handed out to Sentry members; teams start at `firstTeamId`. */
  firstMemberId: number;
  firstTeamId: number;
}

/**
 * Assembles a `Seed` object by object, drawing every id, token and secret from one seeded generator
 * so the same options always produce the same tenant.
 */
export class SeedBuilder {
  readonly rng: SeededRandom;
  readonly tenantId: string;
  readonly domain: string;
  readonly roles: Record<AppRoleName, SeedAppRole>;
  readonly servicePrincipal: SeedServicePrincipal;
  readonly seed: Seed;

  private nextMemberId: number;
  private nextTeamId: number;
  private nextEmployeeNumber = 10001;

  constructor(options: TenantOptions) {
    this.rng = new SeededRandom(options.seed);
    this.domain = options.domain;
    this.tenantId = this.rng.guid();
    this.roles = sentryAppRoles(this.rng);
    this.nextMemberId = options.firstMemberId;
    this.nextTeamId = options.firstTeamId;

    this.servicePrincipal = {
      id: this.rng.guid(),
      appId: this.rng.guid(),
      displayName: 'Sentry',
      appRoleAssignmentRequired: true,
      appRoles: Object.values(this.roles),
      xAssignments: [],
      xSyncAll: false
    };

    this.seed = {
      graph: {
        tenantId: this.tenantId,
        clients: [
          {
            clientId: this.rng.guid(),
            clientSecret: `${this.rng.hex(3)}8Q~${this.rng.hex(34)}`,
            permissions: [...ROSTER_PERMISSIONS]
          }
        ],
        servicePrincipals: [this.servicePrincipal],
        users: [],
        groups: [],
        provisioningLogs: []
      },
      scim: {
        orgSlug: options.orgSlug,
        provider: 'active-directory',
        token: `sntrys_${this.rng.hex(64)}`,
        users: [],
        groups: []
      }
    };
  }

  /** Adds an Entra user with the usual cloud-only attributes. */
  person(options: PersonOptions): SeedGraphUser {
    const upn = options.userPrincipalName ?? `${addressPart(options.givenName)}.${addressPart(options.surname)}@${this.domain}`;
    const mail = options.mail === undefined ? upn : options.mail;
    const proxyAddresses = mail === null ? [] : [`SMTP:${mail}`, ...(options.secondaryAddresses ?? []).map((address) => `smtp:${address}`)];
    const employeeId = options.employeeId === undefined ? `E${this.nextEmployeeNumber++}` : options.employeeId;

    const user: SeedGraphUser = {
      id: this.rng.guid(),
      userPrincipalName: upn,
      mail,
      proxyAddresses,
      otherMails: options.otherMails ?? [],
      givenName: options.givenName,
      surname: options.surname,
      displayName: `${options.givenName} ${options.surname}`,
      accountEnabled: options.accountEnabled ?? true,
      employeeId,
      userType: options.userType ?? 'Member',
      onPremisesImmutableId: null,
      mailNickname: upn.split('@')[0]?.replace(/#EXT#$/i, '') ?? null
    };
    if (options.xDeleted) user.xDeleted = true;
    this.seed.graph.users.push(user);
    return user;
  }

  group(displayName: string, members: Array<SeedGraphUser | SeedGraphGroup>): SeedGraphGroup {
    const group: SeedGraphGroup = {
      id: this.rng.guid(),
      displayName,
      securityEnabled: true,
      mailEnabled: false,
      groupTypes: [],
      xMembers: members.map((member) => member.id)
    };
    this.seed.graph.groups.push(group);
    return group;
  }

  assign(principal: SeedGraphUser | SeedGraphGroup, role: AppRoleName, createdAt: Date): void {
    const isUser = 'userPrincipalName' in principal;
    this.servicePrincipal.xAssignments.push({
      id: this.rng.hex(43),
      principalId: principal.id,
      principalType: isUser ? 'User' : 'Group',
      appRoleId: this.roles[role].id,
      principalDisplayName: principal.displayName ?? undefined,
      createdDateTime: graphTime(createdAt)
    });
  }

  /** Adds a Sentry organization member with the next numeric id. */
  member(userName: string, sentryOrgRole = 'member', options: { pending?: boolean; secondaryEmails?: string[] } = {}): SeedScimUser {
    const member: SeedScimUser = { id: String(this.nextMemberId++), userName, sentryOrgRole };
    if (options.pending) member.xPending = true;
    if (options.secondaryEmails?.length) member.xSecondaryEmails = options.secondaryEmails;
    this.seed.scim.users.push(member);
    return member;
  }

  /** Hands out a member id without adding a member, for a member that Sentry has since deleted. */
  reserveMemberId(): string {
    return String(this.nextMemberId++);
  }

  /** Hands out a team id without adding a team, for a team that Sentry has since deleted. */
  reserveTeamId(): string {
    return String(this.nextTeamId++);
  }

  /** Adds a Sentry team; `slug` is set only when it differs from Sentry's slug of the name. */
  team(displayName: string, members: SeedScimUser[], slug?: string): SeedScimGroup {
    const team: SeedScimGroup = { id: String(this.nextTeamId++), displayName, xMembers: members.map((member) => member.id) };
    if (slug !== undefined) team.xSlug = slug;
    this.seed.scim.groups.push(team);
    return team;
  }
}
