/**
 * Runs tasks in a worker thread, or in this thread behind the same interface.
 *
 * The app uses the worker runner so audits of 100,000 findings never freeze the window. Most tests use
 * the in-process runner, which calls the very same `runTask`; one test runs the worker entry through
 * tsx to check the message protocol.
 */
import { Worker } from 'node:worker_threads';
import { runTask, toTaskFailure } from './tasks/run-task';
import { TaskError } from './tasks/types';
import type { TaskFailure, TaskInputs, TaskName, TaskOutputs, TaskProgress } from './tasks/types';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TaskProgress) => void;
}

export interface TaskRunner {
  /** Resolves with the task's output, or rejects with `TaskError` (cancelled or failed). */
  run<N extends TaskName>(name: N, input: TaskInputs[N], options?: RunOptions): Promise<TaskOutputs[N]>;
}

/** Messages between main and the worker entry (`./worker-entry.ts`). */
export type ToWorker = { type: 'run'; name: TaskName; input: unknown } | { type: 'cancel' };
export type FromWorker =
  | { type: 'progress'; progress: TaskProgress }
  | { type: 'done'; output: unknown }
  | { type: 'failed'; failure: TaskFailure };

/** Grace period for a cancelled task to stop on its own before its worker is terminated. */
const CANCEL_GRACE_MS = 5_000;

export function createInProcessTaskRunner(): TaskRunner {
  return {
    async run(name, input, options = {}) {
      const signal = options.signal ?? new AbortController().signal;
      try {
        return await runTask(name, input, signal, options.onProgress ?? (() => undefined));
      } catch (error) {
        throw new TaskError(toTaskFailure(name, input, error, signal));
      }
    }
  };
}

export interface WorkerRunnerOptions {
  /** The worker entry: the bundled file in the app, `worker-entry.ts` with tsx in tests. */
  entry: string | URL;
  execArgv?: string[];
}

/** Starts one worker per task and ends it when the task ends, so a stuck task does not hold up the next one. */
export function createWorkerTaskRunner(options: WorkerRunnerOptions): TaskRunner {
  return {
    run(name, input, runOptions = {}) {
      return new Promise((resolve, reject) => {
        const worker = new Worker(options.entry, { execArgv: options.execArgv });
        let settled = false;
        let killTimer: NodeJS.Timeout | null = null;

        const finish = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          if (killTimer !== null) clearTimeout(killTimer);
          runOptions.signal?.removeEventListener('abort', onAbort);
          void worker.terminate();
          outcome();
        };
        const cancelled = (): TaskError => new TaskError({ cancelled: true, code: 'internal', message: `The ${name} task was cancelled.`, details: {} });

        const onAbort = (): void => {
          worker.postMessage({ type: 'cancel' } satisfies ToWorker);
          killTimer = setTimeout(() => finish(() => reject(cancelled())), CANCEL_GRACE_MS);
        };

        worker.on('message', (message: FromWorker) => {
          if (message.type === 'progress') runOptions.onProgress?.(message.progress);
          else if (message.type === 'done') finish(() => resolve(message.output as TaskOutputs[typeof name]));
          else finish(() => reject(new TaskError(message.failure)));
        });
        worker.on('error', (error) => {
          finish(() => reject(new TaskError({ cancelled: false, code: 'internal', message: `The ${name} worker failed: ${error.message}`, details: {} })));
        });
        worker.on('exit', (exitCode) => {
          finish(() => reject(new TaskError({ cancelled: false, code: 'internal', message: `The ${name} worker stopped with exit code ${exitCode} before it finished.`, details: {} })));
        });

        if (runOptions.signal?.aborted) {
          finish(() => reject(cancelled()));
          return;
        }
        runOptions.signal?.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ type: 'run', name, input } satisfies ToWorker);
      });
    }
  };
}
