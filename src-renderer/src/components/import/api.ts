import { bridgeTransport, createApiClient, type ApiClient } from '../../api/client';
import { httpTransport } from '../../api/http-transport';

let client: ApiClient | null = null;

/**
 * Returns the API client of the import view, over the same transport the app chose: the preload's
 * bridge in Electron, HTTP to the page's origin in the browser harness.
 */
export function importApiClient(): ApiClient {
  client ??= createApiClient(window.roster !== undefined ? bridgeTransport(window.roster) : httpTransport(window.location.origin));
  return client;
}
