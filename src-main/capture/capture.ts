import { readEntraSide } from '../graph/entra-capture';
import type { EntraCapture } from '../graph/entra-capture';
import type { GraphClient } from '../graph/graph-client';
import type { AppRef } from '../graph/service-principal';
import type { SourceProgress } from '../graph/source-tracker';
import type { ScimClient } from '../scim/client';
import type { ScimPageProgress } from '../scim/client';
import type { ScimGroup, ScimUser, SentrySide, SnapshotData, SnapshotMeta, SourceRecord } from '../model/snapshot';
import { describePopulation } from './population';

/** Progress of one source (pages, rows, retries so far), sent after every page and when the source ends. */
export type CaptureProgress = SourceProgress;

/** The parts of `SnapshotMeta` a capture fills in. The snapshot store adds id, hash, time, version and user. */
export type CaptureMeta = Omit<SnapshotMeta, 'id' | 'contentSha256' | 'createdAt' | 'toolVersion' | 'capturedBy' | 'origin'>;

export interface CaptureOptions {
  graph: GraphClient;
  scim: ScimClient;
  appRef: AppRef;
  onProgress?: (event: CaptureProgress) => void;
  signal?: AbortSignal;
  /** Clock for the provisioning log window; tests pass a fixed one. */
  now?: Date;
}

export interface CaptureResult {
  meta: CaptureMeta;
  data: SnapshotData;
}

/** The capture was cancelled through its `AbortSignal`; nothing was returned to be stored. */
export class CaptureCancelledError extends Error {
  constructor() {
    super('Capture cancelled; no snapshot was written.');
    this.name = 'CaptureCancelledError';
  }
}

/**
 * Captures both sides at once: Entra through Graph and Sentry through SCIM. When one side fails, the
 * other is cancelled and the first error is raised. Cancelling through `signal` rejects with
 * `CaptureCancelledError` as soon as the signal fires, without waiting for requests in flight.
 */
export async function captureSnapshot(options: CaptureOptions): Promise<CaptureResult> {
  const { graph, scim, appRef, onProgress } = options;
  if (options.signal?.aborted) throw new CaptureCancelledError();

  // One controller for both sides: the caller's cancel and a failure on either side stop everything.
  const controller = new AbortController();
  let rejectCancelled: (error: Error) => void = () => undefined;
  const cancelled = new Promise<never>((_, reject) => {
    rejectCancelled = reject;
  });
  cancelled.catch(() => undefined);
  const onCancel = (): void => {
    controller.abort(new CaptureCancelledError());
    rejectCancelled(new CaptureCancelledError());
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const signal = controller.signal;

  const stopOnFailure = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      controller.abort(error);
      throw error;
    });

  try {
    const both = Promise.all([
      stopOnFailure(readEntraSide(graph, appRef, { onProgress, signal, now: options.now })),
      stopOnFailure(readSentrySide(scim, onProgress, signal))
    ]);
    const [entra, sentry] = await Promise.race([both, cancelled]);
    return assemble(entra, sentry);
  } catch (error) {
    if (options.signal?.aborted) throw new CaptureCancelledError();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
}

async function readSentrySide(
  scim: ScimClient,
  onProgress: ((event: CaptureProgress) => void) | undefined,
  signal: AbortSignal
): Promise<{ side: SentrySide; sources: SourceRecord[] }> {
  const onPage = (page: ScimPageProgress): void => {
    onProgress?.({ source: page.source, state: 'running', pages: page.page, rows: page.rows, retries: page.retries, apiTotal: page.total });
  };
  const report = (record: SourceRecord): void => {
    onProgress?.({ source: record.source, state: 'done', pages: record.pages, rows: record.rowsReceived, retries: record.retries, apiTotal: record.apiTotal });
  };

  const [users, groups] = await Promise.all([
    scim.listUsers({ signal, onPage }).then((result) => (report(result.source), result)),
    scim.listGroups({ signal, onPage }).then((result) => (report(result.source), result))
  ]);

  return {
    side: {
      baseUrl: scim.baseUrl,
      orgSlug: scim.org,
      users: [...users.rows].sort((a: ScimUser, b: ScimUser) => compareIds(a.id, b.id)),
      groups: [...groups.rows].sort((a: ScimGroup, b: ScimGroup) => compareIds(a.id, b.id))
    },
    sources: [users.source, groups.source]
  };
}

function assemble(entra: EntraCapture, sentry: { side: SentrySide; sources: SourceRecord[] }): CaptureResult {
  const sp = entra.side.servicePrincipal;
  return {
    meta: {
      tenantId: entra.side.tenantId,
      appId: sp.appId,
      servicePrincipalId: sp.id,
      appDisplayName: sp.displayName,
      sentryOrg: sentry.side.orgSlug,
      sentryBaseUrl: sentry.side.baseUrl,
      population: describePopulation({ appDisplayName: sp.displayName, appId: sp.appId, assignedGroupCount: entra.assignedGroupCount, sentryOrg: sentry.side.orgSlug }),
      sources: [...entra.sources, ...sentry.sources],
      warnings: entra.warnings,
      unavailable: entra.unavailable
    },
    data: { entra: entra.side, sentry: sentry.side }
  };
}

/** Sentry ids are decimal numbers as strings; shorter ones sort first so `9` comes before `10`. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
