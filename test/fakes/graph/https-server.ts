import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestTls } from '../tls';

/** One request as the fake saw it: method, path with query, and the status sent (0 when the connection was dropped). */
export interface RecordedRequest {
  server: 'graph' | 'login';
  method: string;
  path: string;
  status: number;
  /** True for a request that arrived inside a `$batch` body rather than as its own HTTP request. */
  viaBatch?: boolean;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts an HTTPS server on 127.0.0.1 with a free port; handler errors become a logged plain-text 500 so the failing test shows them. */
export async function startHttpsServer(tls: TestTls, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<RunningServer> {
  const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    handler(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      console.error(`fake server: handler failed for ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`fake server bug: ${message}`);
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    server,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })
  };
}

/** Adds a request to the log and returns the entry, so the caller can fill in the status once it is known. */
export function recordRequest(log: RecordedRequest[], server: RecordedRequest['server'], req: IncomingMessage): RecordedRequest {
  const entry: RecordedRequest = { server, method: req.method ?? 'GET', path: req.url ?? '/', status: 0 };
  log.push(entry);
  return entry;
}
