import type { SourceName } from '../model/snapshot';

/** Graph returned 403 for data the audit cannot do without. The message names the permission to grant. */
export class GraphPermissionError extends Error {
  constructor(
    readonly source: SourceName,
    /** The least-privileged application permission that allows the read, e.g. `User.Read.All`. */
    readonly permission: string,
    /** Description of the data being read, e.g. "the users assigned to the enterprise app". */
    readonly what: string,
    readonly graphCode: string | null
  ) {
    super(
      `Graph denied reading ${what} (403${graphCode ? ` ${graphCode}` : ''}). Grant the Roster app registration the Microsoft Graph permission ${permission} ` +
        `(application permission with admin consent, or delegated for device code sign-in) and capture again.`
    );
    this.name = 'GraphPermissionError';
  }
}

/** Graph returned 401 twice, even with a freshly issued token. */
export class GraphUnauthorizedError extends Error {
  constructor(readonly path: string) {
    super(
      `Graph rejected the access token for ${path} (401) even after signing in again. Check that the tenant id matches the Graph URL's cloud and that the token's audience is Microsoft Graph.`
    );
    this.name = 'GraphUnauthorizedError';
  }
}

/** A Graph response that does not have the shape its documentation gives. */
export class GraphResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphResponseError';
  }
}

export interface ServicePrincipalSummary {
  id: string;
  appId: string;
  displayName: string;
}

/** No service principal matched the app id or display name. */
export class ServicePrincipalNotFoundError extends Error {
  constructor(readonly appRef: { appId: string } | { displayName: string }) {
    super(
      'appId' in appRef
        ? `No enterprise app (service principal) with appId ${appRef.appId} exists in this tenant. Check the application id in Entra > Enterprise applications.`
        : `No enterprise app (service principal) named '${appRef.displayName}' exists in this tenant. Check the name in Entra > Enterprise applications, or pass --app-id.`
    );
    this.name = 'ServicePrincipalNotFoundError';
  }
}

/** Several service principals carry the requested display name, so the app must be named by app id. */
export class AmbiguousServicePrincipalError extends Error {
  constructor(
    readonly displayName: string,
    readonly matches: ServicePrincipalSummary[]
  ) {
    const list = matches.map((sp) => `  - '${sp.displayName}' appId ${sp.appId} (object id ${sp.id})`).join('\n');
    super(`${matches.length} enterprise apps are named '${displayName}':\n${list}\nPass --app-id with the appId of the one to audit.`);
    this.name = 'AmbiguousServicePrincipalError';
  }
}
