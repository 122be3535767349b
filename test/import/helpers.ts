import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src-main/cli/main';
import { SAMPLES } from './parity-seed';

/** Copies one sample folder into a fresh temporary folder, so a test can break one file of it. */
export function copySamples(folder: string): string {
  const target = join(mkdtempSync(join(tmpdir(), 'roster-import-')), folder);
  cpSync(fileURLToPath(new URL(`${folder}/`, SAMPLES)), target, { recursive: true });
  return target;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export interface InProcessRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in this process, which is fast enough for the many rejection cases. */
export async function runInProcess(args: string[]): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: {} });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Lists the files in a workspace's snapshots folder, none when the folder does not exist. */
export function snapshotFiles(workspace: string): string[] {
  const dir = join(workspace, 'snapshots');
  return existsSync(dir) ? readdirSync(dir) : [];
}
