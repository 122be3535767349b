import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FILE_NAME, Workspace } from '../store';

/** Returns true when the folder contains a Roster workspace, so a read does not create one at a mistyped path. */
export function workspaceExists(dir: string): boolean {
  return existsSync(join(dir, INDEX_FILE_NAME));
}

/**
 * Opens an existing workspace for commands that only read snapshots. Opening creates a missing
 * workspace, which a typo in --workspace must not do; only `fetch` and `import` create one.
 */
export async function openExistingWorkspace(dir: string): Promise<Workspace> {
  if (!workspaceExists(dir)) {
    throw new Error(`No Roster workspace in ${dir}: check --workspace or ROSTER_WORKSPACE. \`roster fetch\` or \`roster import\` creates one.`);
  }
  return Workspace.open(dir);
}
