/**
 * Content-Security-Policy strings, kept in one place.
 *
 * `src-renderer/index.html` carries `RENDERER_CSP` in a meta tag, and the build checks that it does.
 * The main process also sends it as a response header wherever Chromium applies one. No Electron
 * import, because `electron.vite.config.ts` reads these strings too.
 */

/** The sources the built renderer needs: its own scripts, styles, images (plus data: URLs), fonts and requests. */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'"
].join('; ');

/** The header form adds `frame-ancestors`, which Chromium ignores in a meta tag. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

/**
 * The policy for `npm start` only: Vite's dev server injects an inline React Refresh preamble and
 * inline `<style>` tags, and talks to the page over a WebSocket for hot reload.
 */
export const DEV_SERVER_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'"
].join('; ');
