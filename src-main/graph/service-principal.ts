import type { EntraServicePrincipal } from '../model/snapshot';
import { AmbiguousServicePrincipalError, ServicePrincipalNotFoundError } from './errors';
import type { GraphClient } from './graph-client';
import { SERVICE_PRINCIPAL_SELECT, toServicePrincipal } from './normalize';
import type { SourceTracker } from './source-tracker';

/** Reference to the enterprise app to audit: its application id or its display name. */
export type AppRef = { appId: string } | { displayName: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an app reference before any request, so a typo fails with a message instead of a Graph 400. */
export function validateAppRef(appRef: AppRef): AppRef {
  if ('appId' in appRef) {
    const appId = appRef.appId.trim();
    if (!GUID.test(appId)) {
      throw new Error(`Invalid app id "${appRef.appId}": pass the enterprise app's application id, a GUID such as 00000000-0000-0000-0000-000000000000.`);
    }
    return { appId };
  }
  const displayName = appRef.displayName.trim();
  if (displayName === '') throw new Error('The app display name is empty: pass the enterprise app\'s name (e.g. "Sentry") or --app-id.');
  return { displayName };
}

/** OData string literal: single quotes doubled, then URL-encoded for the query string. */
function odataString(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

/**
 * Finds the service principal by `appId eq` or `displayName eq`. Several matches on a display name
 * raise `AmbiguousServicePrincipalError` listing each app id, because a tenant may hold a second
 * Sentry app (for example one for testing provisioning).
 */
export async function findServicePrincipal(graph: GraphClient, appRef: AppRef, tracker: SourceTracker, signal?: AbortSignal): Promise<EntraServicePrincipal> {
  const ref = validateAppRef(appRef);
  const filter = 'appId' in ref ? `appId%20eq%20${odataString(ref.appId)}` : `displayName%20eq%20${odataString(ref.displayName)}`;
  const path = `/servicePrincipals?$filter=${filter}&$select=${SERVICE_PRINCIPAL_SELECT.join(',')}`;

  const { items } = await graph.listAll<Record<string, unknown> & { id: string }>(path, {
    source: 'graph.servicePrincipal',
    permission: 'Application.Read.All',
    what: 'the enterprise apps',
    signal,
    tracker
  });
  const matches = items.map(toServicePrincipal);

  if (matches.length === 0) throw new ServicePrincipalNotFoundError(ref);
  if (matches.length > 1) {
    if ('appId' in ref) throw new AmbiguousServicePrincipalError(ref.appId, matches);
    throw new AmbiguousServicePrincipalError(ref.displayName, matches);
  }
  return matches[0] as EntraServicePrincipal;
}
