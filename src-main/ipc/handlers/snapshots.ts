import type { Snapshot, SnapshotId } from '../../model/snapshot';
import { StoreError } from '../../store';
import type { SnapshotSummary } from '../../store';
import type { Handler } from '../dispatch';
import { IpcHandlerError } from '../dispatch';
import type { SnapshotDetailDto, SnapshotSummaryDto } from '../contract';

/** The part of the store's `Workspace` that the snapshot handlers use. */
export interface WorkspacePort {
  list(): SnapshotSummary[];
  issues(): unknown[];
  resolveId(ref: string): SnapshotId;
  readSnapshot(id: SnapshotId): Promise<Snapshot>;
}

export interface WorkspaceAccess {
  dir: string;
  /** Returns the open workspace. The store rereads its index when another process (the CLI) changed it. */
  open(): Promise<WorkspacePort>;
}

function toSummary(summary: SnapshotSummary): SnapshotSummaryDto {
  return {
    id: summary.id,
    createdAt: summary.createdAt,
    origin: summary.origin,
    tenantId: summary.tenantId,
    appDisplayName: summary.appDisplayName,
    sentryOrg: summary.sentryOrg,
    contentSha256: summary.contentSha256,
    counts: { ...summary.counts },
    warningCount: summary.warningCount,
    unavailableCount: summary.unavailableCount
  };
}

function toDetail(snapshot: Snapshot): SnapshotDetailDto {
  const { meta, data } = snapshot;
  return {
    summary: {
      id: meta.id,
      createdAt: meta.createdAt,
      origin: meta.origin,
      tenantId: meta.tenantId,
      appDisplayName: meta.appDisplayName,
      sentryOrg: meta.sentryOrg,
      contentSha256: meta.contentSha256,
      counts: {
        entraUsers: data.entra.users.length,
        assignments: data.entra.assignments.length,
        groups: data.entra.groups.length,
        scimUsers: data.sentry.users.length,
        scimGroups: data.sentry.groups.length
      },
      warningCount: meta.warnings.length,
      unavailableCount: meta.unavailable.length
    },
    capturedBy: meta.capturedBy,
    appId: meta.appId,
    servicePrincipalId: meta.servicePrincipalId,
    sentryBaseUrl: meta.sentryBaseUrl,
    population: meta.population,
    toolVersion: meta.toolVersion,
    sources: meta.sources,
    warnings: meta.warnings,
    unavailable: meta.unavailable
  };
}

/**
 * Turns store errors from reading a snapshot into IPC errors the renderer can translate.
 * Other errors pass through and become `internal`.
 */
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

/**
 * Opens the workspace. Every store error here is about the folder itself (missing permission, a file
 * in the way, a newer index version), so all of them become `workspace_unavailable`.
 */
async function openWorkspace(access: WorkspaceAccess): Promise<WorkspacePort> {
  try {
    return await access.open();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new IpcHandlerError('workspace_unavailable', error.message, { storeCode: error.code, workspaceDir: access.dir });
  }
}

export function createSnapshotHandlers(access: WorkspaceAccess): {
  'snapshots:list': Handler<'snapshots:list'>;
  'snapshots:get': Handler<'snapshots:get'>;
} {
  return {
    'snapshots:list': async () => {
      const workspace = await openWorkspace(access);
      try {
        const snapshots = workspace.list().map(toSummary);
        return { workspaceDir: access.dir, snapshots, incompleteCount: workspace.issues().length };
      } catch (error) {
        throw toIpcError(error, access.dir);
      }
    },

    'snapshots:get': async ({ ref }) => {
      const workspace = await openWorkspace(access);
      try {
        const snapshot = await workspace.readSnapshot(workspace.resolveId(ref));
        return toDetail(snapshot);
      } catch (error) {
        throw toIpcError(error, access.dir);
      }
    }
  };
}
