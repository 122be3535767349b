import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SNAPSHOTS_FOLDER, StoreError, loadSqlJs } from '../../store';
import { writeFileAtomic } from '../../store/atomic-file';
import { systemErrorCode } from '../../store/errors';
import { decodeSnapshot } from '../../store/snapshot-decode';
import { type Command, stringOption } from '../command';
import { UsageError } from '../errors';
import { openExistingWorkspace } from '../workspace';

export const exportSnapshotCommand: Command = {
  name: 'export-snapshot',
  summary: 'Copy one snapshot to a single file that anyone can check with `roster verify`',
  usage: [
    'roster export-snapshot ID|latest --out FILE [--workspace DIR]',
    '  Writes the verified snapshot file to FILE (never over an existing file) and prints its SHA-256.',
    '  Send that hash separately, so the recipient can run `roster verify FILE --sha256 HASH`.'
  ].join('\n'),
  options: {
    out: { type: 'string' }
  },
  async run(context) {
    const ref = context.positionals[0];
    const out = stringOption(context, 'out');
    if (!ref) throw new UsageError('name the snapshot: an id from `roster snapshots`, or `latest`.');
    if (!out) throw new UsageError('--out FILE is required: where to write the snapshot file, e.g. --out sentry-audit.roster.sqlite.');
    const target = resolve(out);
    if (await exists(target)) throw new Error(`${target} already exists, and an export never replaces a file. Choose another name or delete it first.`);
    if (!(await exists(dirname(target)))) throw new Error(`The folder ${dirname(target)} does not exist. Create it first, or choose another --out path.`);

    const workspace = await openExistingWorkspace(context.workspaceDir);
    let bytes: Buffer;
    let contentSha256: string;
    let id: string;
    try {
      id = workspace.resolveId(ref);
      const path = join(workspace.dir, SNAPSHOTS_FOLDER, `${id}.sqlite`);
      bytes = await readFile(path);

      // Verify the very bytes that are copied, so a file changed on disk is never exported.
      const snapshot = decodeSnapshot(await loadSqlJs(), bytes, path);
      const listed = workspace.list().find((summary) => summary.id === id);
      if (snapshot.meta.id !== id || listed === undefined || snapshot.meta.contentSha256 !== listed.contentSha256) {
        throw new StoreError('hash-mismatch', `${path} is not the snapshot the workspace index recorded for ${id}. Restore the file from a backup, or delete the snapshot.`, { path });
      }
      contentSha256 = snapshot.meta.contentSha256;
    } finally {
      workspace.close();
    }

    // NOTE: a file created at `target` between the check above and the rename is replaced.
    await writeFileAtomic(target, bytes);
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    context.stderr(`Snapshot ${id} exported to ${target}.`);
    context.stdout(`File SHA-256     ${fileSha256}`);
    context.stdout(`Content SHA-256  ${contentSha256}`);
    context.stdout(`Check it with: roster verify ${out} --sha256 ${fileSha256}`);
    return 0;
  }
};

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
