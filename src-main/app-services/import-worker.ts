/**
 * Reads exported files in a worker thread, which keeps parsing a large export (provisioning logs, a
 * tenant's users) off main's event loop, where it would delay every other IPC reply. Main still copies
 * the finished plan out of the worker's message.
 */
import { Worker } from 'node:worker_threads';
import { ImportError, type ImportOptions, type ImportPlan } from '../import';
import type { ImportReader } from './import-service';

/** The job main gives the worker entry (`./import-worker-entry.ts`) as `workerData`. */
export interface ImportWorkerJob {
  paths: string[];
  options: ImportOptions;
}

/** The one message the worker entry posts: the plan, or the failure as plain data. */
export type ImportWorkerReply =
  | { ok: true; plan: ImportPlan }
  | { ok: false; failure: { kind: 'import'; file: string; location: string | null; message: string } | { kind: 'other'; message: string } };

/** Turns what `importFiles` threw into data that survives `postMessage`. */
export function toImportWorkerFailure(error: unknown): Extract<ImportWorkerReply, { ok: false }>['failure'] {
  if (error instanceof ImportError) return { kind: 'import', file: error.file, location: error.location, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** Rebuilds the error the worker caught, so callers see the same `ImportError` as from `importFiles` in this thread. */
function fromFailure(failure: Extract<ImportWorkerReply, { ok: false }>['failure']): Error {
  if (failure.kind === 'other') return new Error(`The import worker failed: ${failure.message}`);
  const prefix = failure.location === null ? `${failure.file}: ` : `${failure.file}, ${failure.location}: `;
  return new ImportError(failure.file, failure.location, failure.message.startsWith(prefix) ? failure.message.slice(prefix.length) : failure.message);
}

/** Creates a reader that starts one worker per import, from `entry`: the bundled chunk in the app, a tsx bootstrap in tests. */
export function createWorkerImportReader(entry: string | URL): ImportReader {
  return (paths, options) =>
    new Promise<ImportPlan>((resolve, reject) => {
      const worker = new Worker(entry, { workerData: { paths, options } satisfies ImportWorkerJob });
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        outcome();
      };

      worker.once('message', (reply: ImportWorkerReply) => finish(() => (reply.ok ? resolve(reply.plan) : reject(fromFailure(reply.failure)))));
      worker.once('error', (error) => finish(() => reject(new Error(`The import worker failed: ${error.message}`))));
      worker.once('exit', (code) => finish(() => reject(new Error(`The import worker stopped with exit code ${code} before it replied.`))));
    });
}
