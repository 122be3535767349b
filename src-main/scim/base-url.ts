import { assertAllowedUrl } from '../http/url-policy';

export interface ScimBaseUrl {
  /** Normalized base URL without a trailing slash, as Sentry shows it in Settings > Auth. */
  url: string;
  /** The organization id or slug from the path. */
  org: string;
}

/**
 * Checks a SCIM base URL as Sentry shows it: `https://<host>/api/0/organizations/<org>/scim/v2` on
 * sentry.io, a regional host (us.sentry.io, de.sentry.io) or a self-hosted install, optionally under a
 * path prefix. A trailing slash is dropped because Sentry's SCIM routes have none.
 */
export function parseScimBaseUrl(input: string): ScimBaseUrl {
  const trimmed = input.trim().replace(/\/+$/, '');
  const hint = 'Copy the "SCIM Base URL" from Sentry: Settings > Auth > SCIM Information, e.g. https://sentry.io/api/0/organizations/acme/scim/v2.';

  let parsed: URL;
  try {
    parsed = assertAllowedUrl(trimmed);
  } catch {
    throw new Error(`Invalid Sentry SCIM URL "${input}": it must be an https:// URL (http:// only for localhost). ${hint}`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`Invalid Sentry SCIM URL "${input}": remove the query or fragment. ${hint}`);
  }

  const match = /\/api\/0\/organizations\/([^/]+)\/scim\/v2$/.exec(parsed.pathname);
  if (!match?.[1]) {
    throw new Error(`Invalid Sentry SCIM URL "${input}": the path must end with /api/0/organizations/<org>/scim/v2. ${hint}`);
  }
  return { url: `${parsed.origin}${parsed.pathname}`, org: decodeURIComponent(match[1]) };
}
