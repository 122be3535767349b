import { captureSnapshot } from '../../capture/capture';
import { createCaptureClients } from '../../capture/clients';
import { createNodeTransport } from '../../http/node-transport';
import { Workspace } from '../../store';
import { toCaptureSettings } from '../credentials';
import type { TaskInputs, TaskOutputs, TaskProgress } from './types';

/**
 * Captures both sides and writes the snapshot to the workspace, all inside the worker so 100,000 rows
 * never pass through the window's process. A cancel before the write leaves the workspace untouched.
 */
export async function runCaptureTask(
  input: TaskInputs['capture'],
  signal: AbortSignal,
  onProgress: (progress: TaskProgress) => void
): Promise<TaskOutputs['capture']> {
  const settings = toCaptureSettings(input.settings, (message) => onProgress({ type: 'deviceCode', message }));
  const { graph, scim } = createCaptureClients(settings, { transport: createNodeTransport(input.transport) });

  const startedAt = new Date();
  const captured = await captureSnapshot({
    graph,
    scim,
    appRef: settings.appRef,
    signal,
    now: input.now === undefined ? undefined : new Date(input.now),
    onProgress: (progress) => onProgress({ type: 'capture', progress })
  });

  const workspace = await Workspace.open(input.workspaceDir);
  try {
    const meta = await workspace.writeSnapshot({
      meta: { ...captured.meta, createdAt: startedAt.toISOString(), origin: 'live', toolVersion: input.toolVersion, capturedBy: input.capturedBy },
      data: captured.data
    });
    return { snapshotId: meta.id };
  } finally {
    workspace.close();
  }
}
