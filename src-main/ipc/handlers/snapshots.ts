import type { Snapshot, SnapshotId, SnapshotMeta } from '../../model/snapshot';
import { StoreError } from '../../store/errors';
import type { Handler } from '../dispatch';
import { IpcHandlerError } from '../dispatch';
import type { SnapshotDetailDto, SnapshotSummaryDto } from '../contract';

/** The fields of a workspace's snapshot summary that the list screen shows. */
export type SnapshotSummaryFields = Pick<
  SnapshotMeta,
  'id' | 'createdAt' | 'origin' | 'capturedBy' | 'tenantId' | 'appDisplayName' | 'sentryOrg' | 'warnings' | 'unavailable'
>;

/** The part of the store's `Workspace` that the snapshot handlers use. */
export interface WorkspacePort {
  list(): readonly SnapshotSummaryFields[];
  resolveId(ref: string): SnapshotId;
  readSnapshot(id: SnapshotId): Promise<Snapshot>;
}

export interface WorkspaceAccess {
  dir: string;
  /** Opens the workspace afresh, so snapshots the CLI wrote since the last call show up. */
  open(): Promise<WorkspacePort>;
}

function toSummary(summary: SnapshotSummaryFields): SnapshotSummaryDto {
  return {
    id: summary.id,
    createdAt: summary.createdAt,
    origin: summary.origin,
    capturedBy: summary.capturedBy,
    tenantId: summary.tenantId,
    appDisplayName: summary.appDisplayName,
    sentryOrg: summary.sentryOrg,
    warningCount: summary.warnings.length,
    unavailableCount: summary.unavailable.length
  };
}

function toDetail(snapshot: Snapshot): SnapshotDetailDto {
  const { meta, data } = snapshot;
  return {
    summary: toSummary(meta),
    appId: meta.appId,
    servicePrincipalId: meta.servicePrincipalId,
    sentryBaseUrl: meta.sentryBaseUrl,
    population: meta.population,
    toolVersion: meta.toolVersion,
    contentSha256: meta.contentSha256,
    sources: meta.sources,
    warnings: meta.warnings,
    unavailable: meta.unavailable,
    counts: {
      assignments: data.entra.assignments.length,
      entraUsers: data.entra.users.length,
      entraGroups: data.entra.groups.length,
      sentryMembers: data.sentry.users.length,
      sentryTeams: data.sentry.groups.length
    }
  };
}

/** Turns store errors into IPC errors the renderer can translate. Other errors pass through and become `internal`. */
function toIpcError(error: unknown, workspaceDir: string): unknown {
  if (!(error instanceof StoreError)) {
    return error;
  }
  const details = { storeCode: error.code, workspaceDir };
  if (error.code === 'not-found' || error.code === 'empty-workspace') {
    return new IpcHandlerError('not_found', error.message, details);
  }
  if (error.code === 'invalid-input') {
    return new IpcHandlerError('invalid_request', error.message, details);
  }
  return new IpcHandlerError('workspace_unavailable', error.message, details);
}

export function createSnapshotHandlers(access: WorkspaceAccess): {
  'snapshots:list': Handler<'snapshots:list'>;
  'snapshots:get': Handler<'snapshots:get'>;
} {
  return {
    'snapshots:list': async () => {
      try {
        const workspace = await access.open();
        const snapshots = workspace.list().map(toSummary);
        return { workspaceDir: access.dir, snapshots };
      } catch (error) {
        throw toIpcError(error, access.dir);
      }
    },

    'snapshots:get': async ({ ref }) => {
      try {
        const workspace = await access.open();
        const snapshot = await workspace.readSnapshot(workspace.resolveId(ref));
        return toDetail(snapshot);
      } catch (error) {
        throw toIpcError(error, access.dir);
      }
    }
  };
}
