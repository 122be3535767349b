import { DEFAULT_ACCESS_ROLE_ID, type EntraServicePrincipal } from '../model/snapshot';

export interface RoleMapping {
  /** App role id or value (case-insensitive) -> Sentry org role. */
  [appRoleIdOrValue: string]: string;
}

export const SENTRY_ORG_ROLES = ['member', 'admin', 'manager', 'billing', 'owner'] as const;
const ORG_ROLE_SET = new Set<string>(SENTRY_ORG_ROLES);

/** Gallery apps' generic roles, which grant plain access and so map to Sentry's default role. */
const DEFAULT_ACCESS_NAMES = new Set(['user', 'msiam_access', 'default access']);

export interface ExpectedRole {
  /** The Sentry org role the assignment implies, or null when no mapping covers the app role. */
  role: string | null;
  /** The app role that decided it, by value, display name or id. */
  appRole: string | null;
}

/**
 * Builds a lookup from app role ids to the Sentry org role they imply. An explicit mapping wins.
 * Otherwise an app role whose value or display name is a Sentry role name maps to that role, and
 * Default Access, User and msiam_access map to `member`, Sentry's default role.
 */
export function buildRoleResolver(servicePrincipal: EntraServicePrincipal, mapping: RoleMapping | null | undefined): (appRoleIds: string[]) => ExpectedRole {
  const explicit = new Map<string, string>();
  for (const [key, role] of Object.entries(mapping ?? {})) {
    const normalized = role.trim().toLowerCase();
    if (!ORG_ROLE_SET.has(normalized)) {
      throw new Error(`Invalid role mapping "${key}" -> "${role}": the target must be a Sentry org role (${SENTRY_ORG_ROLES.join(', ')}).`);
    }
    explicit.set(key.trim().toLowerCase(), normalized);
  }

  const byId = new Map<string, ExpectedRole>();
  byId.set(DEFAULT_ACCESS_ROLE_ID, { role: explicit.get(DEFAULT_ACCESS_ROLE_ID) ?? 'member', appRole: 'Default Access' });
  for (const appRole of servicePrincipal.appRoles) {
    const name = appRole.value ?? appRole.displayName ?? appRole.id;
    const candidates = [appRole.id, appRole.value, appRole.displayName].filter((value): value is string => value !== null).map((value) => value.toLowerCase());
    const mapped = candidates.map((candidate) => explicit.get(candidate)).find((role) => role !== undefined);
    const named = candidates.find((candidate) => ORG_ROLE_SET.has(candidate));
    const generic = candidates.some((candidate) => DEFAULT_ACCESS_NAMES.has(candidate));
    byId.set(appRole.id, { role: mapped ?? named ?? (generic ? 'member' : null), appRole: name });
  }

  // NOTE: a user with several assignments gets the first one's role (own assignment before group
  // assignments); Entra's own choice among several roles depends on the mapping expression.
  return (appRoleIds) => {
    for (const id of appRoleIds) {
      const expected = byId.get(id);
      if (expected?.role) return expected;
    }
    const first = appRoleIds[0];
    return { role: null, appRole: first === undefined ? null : (byId.get(first)?.appRole ?? first) };
  };
}
