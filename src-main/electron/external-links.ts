/**
 * The allowlist for links Roster opens in the system browser.
 *
 * Everything else a page tries to open or navigate to is denied. No Electron import, so the rule
 * is unit-tested directly.
 */

interface AllowedSite {
  host: string;
  /** The URL path must start with this, so one site can be allowed only in part. */
  pathPrefix: string;
}

const ALLOWED_SITES: readonly AllowedSite[] = [
  { host: 'learn.microsoft.com', pathPrefix: '/' },
  { host: 'docs.sentry.io', pathPrefix: '/' },
  // TODO: narrow to the project's repository path once it is published.
  { host: 'github.com', pathPrefix: '/' }
];

/** Returns true for https URLs on an allowed host and path, without credentials or a custom port. */
export function isAllowedExternalUrl(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }

  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') {
    return false;
  }
  return ALLOWED_SITES.some((site) => url.hostname === site.host && url.pathname.startsWith(site.pathPrefix));
}
