/**
 * Checks that an IPC message comes from Roster's own window and page.
 *
 * Kept free of Electron so the rule can be unit-tested. `src-main/electron` fills in the facts
 * from the IPC event (`event.sender.id`, `event.senderFrame.url`).
 */

export interface SenderFacts {
  webContentsId: number;
  /** URL of the frame that sent the message, or null when the frame is already gone. */
  frameUrl: string | null;
  /** False for messages from iframes, which Roster never creates. */
  isMainFrame: boolean;
}

export type TrustedPage =
  | { kind: 'file'; /** Absolute path of the built `index.html`. */ indexPath: string }
  | { kind: 'dev-server'; /** Origin of the electron-vite dev server, e.g. `http://localhost:5173`. */ origin: string };

export interface TrustedSender {
  webContentsId: number;
  page: TrustedPage;
}

function normalizeFilePath(pathname: string): string {
  // file:// URLs percent-encode spaces and non-ASCII characters, and Windows paths arrive as `/C:/...`.
  return decodeURIComponent(pathname).replace(/^\/([A-Za-z]:)/, '$1').replaceAll('\\', '/').toLowerCase();
}

function pageMatches(frameUrl: string, page: TrustedPage): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }

  if (page.kind === 'dev-server') {
    return url.origin === new URL(page.origin).origin;
  }

  // NOTE: the path comparison ignores case, which is right on Windows and macOS but loose on Linux.
  // The webContents id check still ties the message to Roster's window there.
  return url.protocol === 'file:' && normalizeFilePath(url.pathname) === normalizeFilePath(page.indexPath);
}

/** Returns true when the message comes from the main frame of Roster's window showing Roster's page. */
export function isTrustedSender(sender: SenderFacts, trusted: readonly TrustedSender[]): boolean {
  if (!sender.isMainFrame || sender.frameUrl === null) {
    return false;
  }
  const frameUrl = sender.frameUrl;
  return trusted.some((entry) => entry.webContentsId === sender.webContentsId && pageMatches(frameUrl, entry.page));
}
