import { randomBytes } from 'node:crypto';
import { forbidden } from './errors';

/** What an access token stands for: the app, the signed-in user (delegated only) and the granted permissions. */
export interface Grant {
  clientId: string;
  kind: 'application' | 'delegated';
  permissions: ReadonlySet<string>;
  /** Epoch milliseconds. */
  expiresAt: number;
  userId?: string;
}

/** Lifetime Entra reports in `expires_in` for Graph tokens, in seconds. */
export const TOKEN_LIFETIME_SECONDS = 3599;

/**
 * Issues opaque bearer tokens and maps them back to their grant.
 * Real Graph tokens are JWTs, but clients must treat them as opaque, so random strings test that contract.
 */
export class TokenStore {
  private accessTokens = new Map<string, Grant>();
  private refreshTokens = new Map<string, Omit<Grant, 'expiresAt'>>();

  issueAccessToken(grant: Omit<Grant, 'expiresAt'>): string {
    const token = randomBytes(32).toString('base64url');
    this.accessTokens.set(token, { ...grant, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 });
    return token;
  }

  issueRefreshToken(grant: Omit<Grant, 'expiresAt'>): string {
    const token = randomBytes(48).toString('base64url');
    this.refreshTokens.set(token, grant);
    return token;
  }

  refreshGrant(refreshToken: string): Omit<Grant, 'expiresAt'> | undefined {
    return this.refreshTokens.get(refreshToken);
  }

  lookup(token: string): { grant: Grant; expired: boolean } | undefined {
    const grant = this.accessTokens.get(token);
    if (!grant) return undefined;
    return { grant, expired: grant.expiresAt <= Date.now() };
  }

  /** Makes every issued access token expired, so the next Graph call gets 401 and a client must sign in again. */
  expireAll(): void {
    for (const grant of this.accessTokens.values()) grant.expiresAt = 0;
  }
}

/**
 * For each least-privileged permission an endpoint needs, the permissions that also satisfy it
 * (Microsoft's Graph API reference lists these as "higher privileged" on each endpoint's page).
 */
const SATISFIED_BY: Record<string, readonly string[]> = {
  'Application.Read.All': ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'User.Read.All': ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'User.ReadBasic.All': ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'GroupMember.Read.All': [
    'GroupMember.Read.All',
    'GroupMember.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All'
  ],
  'Synchronization.Read.All': ['Synchronization.Read.All', 'Synchronization.ReadWrite.All'],
  'AuditLog.Read.All': ['AuditLog.Read.All'],
  'Directory.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All']
};

export function hasPermission(grant: Grant, required: string): boolean {
  const accepted = SATISFIED_BY[required];
  if (!accepted) throw new Error(`Permission '${required}' has no entry in the fake's permission table; add it there.`);
  return accepted.some((permission) => grant.permissions.has(permission));
}

/** Throws Graph's 403 `Authorization_RequestDenied` unless the grant satisfies every listed permission. */
export function requirePermissions(grant: Grant, ...required: string[]): void {
  for (const permission of required) {
    if (!hasPermission(grant, permission)) throw forbidden();
  }
}
