/** Capture jobs: start from a connection profile, report progress per source, cancel, and end with one event. */
import type { NodeTransportOptions } from '../http/node-transport';
import type { IpcLogger } from '../ipc/dispatch';
import type { ResponseOf } from '../ipc/contract';
import type { ConnectionService } from './connections';
import { serviceError } from './errors';
import { JobRunner } from './jobs';
import type { Emit } from './ports';
import type { SnapshotLibrary } from './library';
import type { TaskRunner } from './task-runner';
import { TaskError } from './tasks/types';

export interface CaptureServiceOptions {
  connections: ConnectionService;
  library: SnapshotLibrary;
  runner: TaskRunner;
  transport: NodeTransportOptions;
  capturedBy: string;
  toolVersion: string;
  logger: IpcLogger;
  /** Clock for the provisioning log window; tests pass the seed's date. */
  now?: () => Date;
}

export class CaptureService {
  readonly jobs = new JobRunner((error) => error instanceof TaskError && error.failure.cancelled);

  constructor(private readonly options: CaptureServiceOptions) {}

  /** Checks the profile and its secrets before starting, so a missing secret fails the request itself. */
  async start(profileId: string, emit: Emit): Promise<ResponseOf<'snapshots:capture:start'>> {
    const { settings } = await this.options.connections.settingsFor(profileId);
    const workspace = await this.options.library.openWorkspace();
    const { runner, logger } = this.options;

    const jobId = this.jobs.start(
      ({ jobId: id, signal }) =>
        runner.run(
          'capture',
          {
            settings,
            transport: this.options.transport,
            workspaceDir: workspace.dir,
            capturedBy: this.options.capturedBy,
            toolVersion: this.options.toolVersion,
            now: this.options.now?.().toISOString()
          },
          {
            signal,
            onProgress: (progress) => {
              if (progress.type === 'capture') emit('snapshots:capture:progress', { jobId: id, ...progress.progress });
              else emit('connections:deviceCode', { profileId, jobId: id, message: progress.message });
            }
          }
        ),
      (id, end) => {
        if (end.outcome === 'completed') {
          logger.info('capture completed', { jobId: id, profileId, snapshotId: end.value.snapshotId });
          emit('snapshots:capture:done', { jobId: id, outcome: 'completed', snapshotId: end.value.snapshotId });
          return;
        }
        if (end.outcome === 'cancelled') {
          logger.info('capture cancelled', { jobId: id, profileId });
          emit('snapshots:capture:done', { jobId: id, outcome: 'cancelled' });
          return;
        }

        const failure = end.error instanceof TaskError ? end.error.failure : null;
        const error = failure ?? { code: 'internal', message: `Capture failed: ${String(end.error)}`, details: {} };
        logger.warn('capture failed', { jobId: id, profileId, code: error.code, message: error.message });
        emit('snapshots:capture:done', { jobId: id, outcome: 'failed', error: { code: error.code, message: error.message, details: error.details } });
      }
    );
    logger.info('capture started', { jobId, profileId });
    return { jobId };
  }

  cancel(jobId: string): ResponseOf<'snapshots:capture:cancel'> {
    if (this.jobs.cancel(jobId)) return { cancelled: true };
    throw serviceError('job_not_found', `No running capture with job id ${jobId}: it has already ended or never started.`, { jobId });
  }
}
