import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError, loadSqlJs } from '../../store';
import { decodeSnapshot } from '../../store/snapshot-decode';
import { type Command, stringOption } from '../command';
import { UsageError } from '../errors';
import { describeSnapshot } from './show';

const SHA256 = /^[0-9a-f]{64}$/;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a snapshot file: print its manifest and whether its hashes match',
  usage: [
    'roster verify FILE [--sha256 HASH]',
    '  Recomputes the content and metadata hashes the file records. With --sha256, also compares the',
    '  SHA-256 of the whole file with the one the sender sent separately. Exits 1 when anything differs.'
  ].join('\n'),
  options: {
    sha256: { type: 'string' }
  },
  async run(context) {
    const file = context.positionals[0];
    if (!file) throw new UsageError('name the snapshot file to verify.');
    const expectedFileHash = stringOption(context, 'sha256')?.toLowerCase();
    if (expectedFileHash !== undefined && !SHA256.test(expectedFileHash)) {
      throw new UsageError(`--sha256 must be 64 hexadecimal digits, as export-snapshot printed, not "${expectedFileHash}".`);
    }

    const path = resolve(file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
    }
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    if (expectedFileHash !== undefined && expectedFileHash !== fileSha256) {
      throw new Error(`${path} failed verification: file hash differs: expected ${expectedFileHash}, got ${fileSha256}. The file is not the one that was sent; do not use it.`);
    }

    let snapshot;
    try {
      snapshot = decodeSnapshot(await loadSqlJs(), bytes, path);
    } catch (error) {
      throw explainMismatch(error, path);
    }

    context.stdout(`File            ${path}`);
    context.stdout(describeSnapshot(snapshot));
    context.stdout('');
    context.stdout(`File SHA-256    ${fileSha256}${expectedFileHash === undefined ? ' (not compared: pass --sha256 to compare it with the sender\'s)' : ' (matches --sha256)'}`);
    context.stdout(`verified: content SHA-256 ${snapshot.meta.contentSha256} and metadata hash match what the file records`);
    return 0;
  }
};

/**
 * Restates the store's hash mismatch as "X hash differs: expected ..., got ...".
 * NOTE: the store reports the two hashes only in its message text, so they are read from there.
 */
function explainMismatch(error: unknown, path: string): unknown {
  if (!(error instanceof StoreError) || error.code !== 'hash-mismatch') return error;
  const match = /its (content|metadata) hashes to ([0-9a-f]{64}), but the file records ([0-9a-f]{64})/.exec(error.message);
  if (!match) return error;
  return new Error(`${path} failed verification: ${match[1]} hash differs: expected ${match[3]}, got ${match[2]}. The file was changed after Roster wrote it; do not use it.`, { cause: error });
}
