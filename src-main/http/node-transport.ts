import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { Transport } from './types';

export interface NodeTransportOptions {
  /** A PEM CA to trust in addition to the system's, e.g. a test CA or a TLS-inspecting proxy's. */
  extraCaPem?: string;
}

/**
 * Builds the command line's transport on undici: `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured,
 * and so is `NODE_EXTRA_CA_CERTS` (Node adds it to the default store; when `extraCaPem` replaces the
 * store, the file is read again so it still counts).
 */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const ca = options.extraCaPem ? [...rootCertificates, ...extraCaFromEnvironment(), options.extraCaPem] : undefined;
  const tls = ca ? { ca } : {};
  const dispatcher = new EnvHttpProxyAgent({ connect: tls, requestTls: tls });

  return async (request) => {
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      dispatcher,
      redirect: 'manual'
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, bodyText: await response.text() };
  };
}

function extraCaFromEnvironment(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    // Node itself warns at start-up when this file is unreadable; nothing more to add here.
    return [];
  }
}
