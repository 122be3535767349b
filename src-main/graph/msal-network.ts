import { describeCause } from '../http/errors';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { Transport } from '../http/types';

/** The last request MSAL could not complete, kept so a sign-in error can name the host that failed. */
export interface NetworkFailure {
  host: string;
  cause: string;
}

/**
 * MSAL's network module on top of Roster's `Transport`, so sign-in uses the same proxy and CA
 * settings as Graph and SCIM calls. MSAL swallows some network errors (for example while it reads
 * the authority metadata), so the module remembers the last failure for the error mapping.
 */
export class TransportNetworkModule implements INetworkModule {
  lastFailure: NetworkFailure | null = null;
  /** AADSTS number of the last error response, kept because MSAL drops it when the OpenID metadata request fails. */
  lastAadstsCode: string | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly defaultTimeoutMs: number
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeout?: number): Promise<NetworkResponse<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout ?? this.defaultTimeoutMs);

    let response;
    try {
      response = await this.transport({
        method,
        url,
        headers: { ...(options?.headers ?? {}) },
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        signal: controller.signal
      });
    } catch (error) {
      const cause = controller.signal.aborted ? `timed out after ${timeout ?? this.defaultTimeoutMs} ms` : describeCause(error);
      this.lastFailure = { host: new URL(url).host, cause };
      throw new Error(`Network request to ${new URL(url).host} failed: ${cause}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }

    this.lastFailure = null;
    const body = parseJson<T>(response.bodyText, url);
    if (response.status >= 400) this.lastAadstsCode = firstErrorCode(body);
    return { status: response.status, headers: response.headers, body };
  }
}

/** Parses a sign-in server body for MSAL. An empty body becomes `{}`, which MSAL rejects as incomplete, and a non-JSON body raises. */
function parseJson<T>(text: string, url: string): T {
  if (text.trim() === '') return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`The sign-in server ${new URL(url).host} sent a body that is not JSON (${text.length} characters).`);
  }
}

function firstErrorCode(body: unknown): string | null {
  const codes = (body as { error_codes?: unknown } | null)?.error_codes;
  return Array.isArray(codes) && codes.length > 0 ? String(codes[0]) : null;
}
