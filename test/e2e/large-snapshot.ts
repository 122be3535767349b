/**
 * Writes a synthetic snapshot with exactly 100,000 findings into a workspace, for the journey that
 * scrolls and filters a very long findings list.
 *
 * Half of the users are assigned in Entra and missing in Sentry (`user.missing_in_sentry`), and the
 * other half are Sentry members that no Entra user matches (`user.orphaned_in_sentry`).
 */
import type { Workspace } from '../../src-main/store';
import { assignUser, entraUser, scimUser, snapshotData } from '../audit/builders';
import { sampleMeta } from '../store/fixture';

export const LARGE_MISSING = 50_000;
export const LARGE_ORPHANED = 50_000;

export async function writeLargeSnapshot(workspace: Workspace): Promise<string> {
  const users = [];
  const assignments = [];
  const members = [];
  for (let index = 0; index < LARGE_MISSING; index++) {
    users.push(entraUser(`u${index}`, `person${index}@contoso.example`));
    assignments.push(assignUser(`u${index}`));
  }
  for (let index = 0; index < LARGE_ORPHANED; index++) {
    members.push(scimUser(`m${index}`, `former${index}@contoso.example`));
  }
  const data = snapshotData({ users, assignments, members });
  const meta = await workspace.writeSnapshot({
    meta: { ...sampleMeta('2026-11-20T09:00:00.000Z'), tenantId: data.entra.tenantId, servicePrincipalId: data.entra.servicePrincipal.id, warnings: [], unavailable: [] },
    data
  });
  return meta.id;
}
