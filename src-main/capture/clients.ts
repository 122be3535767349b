/**
 * Builds the Graph and SCIM clients for a capture from plain settings.
 *
 * `roster fetch` and the desktop app's connection profiles both call this, so a capture signs in
 * and retries the same way whichever one starts it.
 */
import { createTokenProvider, DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL } from '../graph/auth';
import type { EntraCredential, TokenProvider } from '../graph/auth';
import { GraphClient } from '../graph/graph-client';
import type { AppRef } from '../graph/service-principal';
import { HttpClient } from '../http/client';
import type { HttpLogger, RetryPolicy, Transport } from '../http/types';
import { ScimClient } from '../scim/client';

/** Timeouts and retry budgets for a capture, generous because Graph's Retry-After can request waits of up to a minute. */
export const CAPTURE_HTTP_SETTINGS: { timeoutMs: number; retry: RetryPolicy } = {
  timeoutMs: 60_000,
  retry: { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 60_000 }
};

export interface CaptureSettings {
  tenant: string;
  clientId: string;
  appRef: AppRef;
  sentryUrl: string;
  sentryToken: string;
  credential: EntraCredential;
  authorityHost: string;
  graphUrl: string;
}

export interface CaptureClients {
  tokens: TokenProvider;
  graph: GraphClient;
  scim: ScimClient;
  /** The HTTP client the SCIM client uses, for single requests such as a connection test. */
  scimHttp: HttpClient;
}

export interface CaptureClientOptions {
  transport: Transport;
  logger?: HttpLogger;
  /** Overrides `CAPTURE_HTTP_SETTINGS`, e.g. shorter timeouts for a connection test. */
  http?: { timeoutMs: number; retry: RetryPolicy };
}

export { DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL };

/** Creates the token provider and both clients. Raises `SignInError` for an invalid tenant or client id. */
export function createCaptureClients(settings: CaptureSettings, options: CaptureClientOptions): CaptureClients {
  const { transport, logger } = options;
  const httpSettings = options.http ?? CAPTURE_HTTP_SETTINGS;
  const httpClient = (service: string, concurrency: number): HttpClient =>
    new HttpClient({ transport, service, concurrency, logger, ...httpSettings });

  const tokens = createTokenProvider({
    tenantId: settings.tenant,
    clientId: settings.clientId,
    credential: settings.credential,
    transport,
    authorityHost: settings.authorityHost,
    graphUrl: settings.graphUrl
  });
  const graph = new GraphClient({ http: httpClient('Microsoft Graph', 8), tokens, graphUrl: settings.graphUrl, logger });
  const scimHttp = httpClient('Sentry SCIM', 4);
  const scim = new ScimClient({ baseUrl: settings.sentryUrl, token: settings.sentryToken, http: scimHttp });
  return { tokens, graph, scim, scimHttp };
}
