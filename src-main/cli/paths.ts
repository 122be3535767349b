import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The workspace folder the desktop app uses: `<app data>/workspace`, where app data is the folder
 * Electron names `userData` for the product name "Roster". The command line resolves the same path
 * without Electron so both work on the same snapshots.
 */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ROSTER_WORKSPACE) return env.ROSTER_WORKSPACE;
  return join(appDataDir(env, platform), 'Roster', 'workspace');
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}
