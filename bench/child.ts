import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ForkOptions {
  /** Extra Node flags, such as `--cpu-prof`. */
  nodeFlags?: string[];
}

/**
 * Starts `bench/<script>` in a new Node process that loads TypeScript through tsx, with an IPC channel
 * and `--expose-gc` so the child can collect garbage between steps.
 */
export function forkBenchScript(script: string, args: string[], options: ForkOptions = {}): ChildProcess {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return fork(path, args, {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc', ...(options.nodeFlags ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  });
}

/**
 * Resolves with the first IPC message from `child`. Rejects when the child exits first or when
 * `timeoutMs` passes, and kills the child on timeout so the benchmark never hangs.
 */
export function nextMessage<T>(child: ChildProcess, timeoutMs: number, description: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${description} timed out after ${Math.round(timeoutMs / 1000)} s; the child process was killed.`));
    }, timeoutMs);
    const onMessage = (message: unknown): void => {
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      reject(new Error(`${description} failed: the child process exited (code ${code}, signal ${signal}) before it reported.`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Sends `signal` (none for a child that exits by itself) and waits up to `graceMs` for the child to
 * exit, then kills it.
 */
export async function stopChild(child: ChildProcess, graceMs = 5_000, signal: NodeJS.Signals | null = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (signal) child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
