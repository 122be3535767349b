import { BrowserWindow, app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';
import type { Logger } from './log/logger';

/** The renderer's origin: the built files, or the electron-vite dev server during `npm start`. */
export type RendererSource = { kind: 'file'; indexPath: string } | { kind: 'dev-server'; url: string };

export function createMainWindow(options: { preloadPath: string; source: RendererSource; logger: Logger }): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Roster',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged
    }
  });

  // Keep the window title fixed instead of following the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  const load =
    options.source.kind === 'file' ? window.loadFile(options.source.indexPath) : window.loadURL(options.source.url);
  load.catch((error: unknown) => options.logger.error('failed to load the renderer', { source: options.source, error }));

  return window;
}

function openIfAllowed(url: string, logger: Logger): void {
  if (!isAllowedExternalUrl(url)) {
    logger.warn('blocked a link outside the allowlist', { url });
    return;
  }
  shell.openExternal(url).catch((error: unknown) => logger.error('failed to open a link in the browser', { url, error }));
}

/**
 * Locks down every webContents Roster creates: no new windows, no navigation away from the app page,
 * no webviews. Allowlisted links open in the system browser instead.
 */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, logger);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (event.url === contents.getURL()) return;
    event.preventDefault();
    openIfAllowed(event.url, logger);
  });

  contents.on('will-redirect', (event) => {
    logger.warn('blocked a redirect', { url: event.url });
    event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => {
    logger.warn('blocked a webview');
    event.preventDefault();
  });
}

/**
 * Denies every permission request (camera, notifications, clipboard read, ...) and sets the CSP header
 * on main-frame responses. `csp` is the strict policy, or the dev-server one during `npm start`.
 */
export function hardenSession(logger: Logger, csp: string): void {
  const defaultSession = session.defaultSession;

  defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('denied a permission request', { permission });
    callback(false);
  });
  defaultSession.setPermissionCheckHandler(() => false);

  // NOTE: Chromium may skip this for file:// loads of the built app, so there the meta tag in
  // index.html is what surely applies. The header covers pages served over http, such as the dev server.
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame') {
      callback({ responseHeaders: details.responseHeaders });
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
