/**
 * Long-running jobs with an id, cancel and exactly one end. The contract's job pattern sits on top:
 * `domain:start` returns `start`'s id, `domain:cancel` calls `cancel`, and `onEnd` sends the final event.
 */
import { randomUUID } from 'node:crypto';

export type JobEnd<T> = { outcome: 'completed'; value: T } | { outcome: 'cancelled' } | { outcome: 'failed'; error: unknown };

export interface JobContext {
  jobId: string;
  signal: AbortSignal;
}

interface RunningJob {
  controller: AbortController;
  done: Promise<void>;
}

export class JobRunner {
  private readonly running = new Map<string, RunningJob>();

  constructor(
    /** Decides whether an error means the job stopped because of its cancel, e.g. `TaskError` with `cancelled`. */
    private readonly isCancellation: (error: unknown) => boolean = () => false,
    private readonly newId: () => string = randomUUID
  ) {}

  /** Starts `work` right away and returns its job id; `onEnd` runs once when it completes, fails or is cancelled. */
  start<T>(work: (context: JobContext) => Promise<T>, onEnd: (jobId: string, end: JobEnd<T>) => void): string {
    const jobId = this.newId();
    const controller = new AbortController();

    const done = Promise.resolve()
      .then(() => work({ jobId, signal: controller.signal }))
      .then(
        (value): JobEnd<T> => ({ outcome: 'completed', value }),
        (error: unknown): JobEnd<T> => (controller.signal.aborted || this.isCancellation(error) ? { outcome: 'cancelled' } : { outcome: 'failed', error })
      )
      .then((end) => {
        this.running.delete(jobId);
        onEnd(jobId, end);
      });

    this.running.set(jobId, { controller, done });
    return jobId;
  }

  /** Asks a running job to stop. Returns false for an unknown or finished job. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Waits until every job started so far has ended, e.g. before the app quits or a test cleans up. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((job) => job.done));
  }
}
