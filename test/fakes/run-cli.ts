import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI_ENTRY = fileURLToPath(new URL('../../src-main/cli/main.ts', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command line in a child process (through tsx), as a user's shell would. A child is
 * needed because Node reads NODE_EXTRA_CA_CERTS, the way users trust the fakes' test CA, only at start-up.
 */
export interface RunOptions {
  /** Called with each stderr chunk and a function that signals the child, e.g. to interrupt it once it started. */
  onStderr?: (chunk: string, kill: (signal: NodeJS.Signals) => void) => void;
}

export function runCliProcess(args: string[], env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
      env: { ...env, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      options.onStderr?.(chunk.toString('utf8'), (signal) => child.kill(signal));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
