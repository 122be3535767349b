import { readFileSync } from 'node:fs';
import type { RoleMapping } from '../audit';
import type { Snapshot, SnapshotId } from '../model/snapshot';
import type { Workspace } from '../store';
import { type CommandContext, stringOption } from './command';
import { UsageError } from './errors';

/** Reads the snapshot named by `--snapshot` (default `latest`). */
export async function readSnapshotOption(context: CommandContext, workspace: Workspace, option = 'snapshot'): Promise<Snapshot> {
  const ref = stringOption(context, option) ?? 'latest';
  return workspace.readSnapshot(workspace.resolveId(ref));
}

/**
 * The snapshot an audit compares UPNs with: `--previous ID`, none with `--previous none`, and by default
 * the newest complete snapshot taken before this one from the same tenant and app.
 */
export async function readPreviousSnapshot(context: CommandContext, workspace: Workspace, current: Snapshot): Promise<Snapshot | null> {
  const ref = stringOption(context, 'previous');
  if (ref === 'none') return null;
  if (ref) return workspace.readSnapshot(workspace.resolveId(ref));

  const earlier = workspace
    .list()
    .find((summary) => summary.id < current.meta.id && summary.tenantId === current.meta.tenantId && summary.appDisplayName === current.meta.appDisplayName);
  return earlier ? workspace.readSnapshot(earlier.id as SnapshotId) : null;
}

/** Reads `--role-map FILE`: a JSON object from app role id or value to Sentry org role. */
export function readRoleMapping(context: CommandContext): RoleMapping | null {
  const file = stringOption(context, 'role-map');
  if (!file) return null;

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the role map ${file}: ${(error as Error).message}. Expected JSON such as {"Admin": "admin", "User": "member"}.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((value) => typeof value === 'string')) {
    throw new UsageError(`the role map ${file} must be a JSON object from app role id or value to a Sentry role name, such as {"Admin": "admin"}.`);
  }
  return parsed as RoleMapping;
}

export const ROLE_MAP_OPTION = { 'role-map': { type: 'string' } } as const;
export const PREVIOUS_OPTION = { previous: { type: 'string' } } as const;

export function languageOption(context: CommandContext): 'en' | 'de' {
  const lang = stringOption(context, 'lang') ?? 'en';
  if (lang !== 'en' && lang !== 'de') throw new UsageError(`--lang must be en or de, not "${lang}".`);
  return lang;
}
