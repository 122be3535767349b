/**
 * Serves the built renderer and the IPC handler table over HTTP on 127.0.0.1.
 *
 * This is the transport swap for tests: Playwright opens the renderer in plain Chromium, and the
 * renderer's `httpTransport` reaches the very same `dispatch` that `ipcMain.handle` uses in Electron.
 * It is not part of the shipped app.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { EventName } from './contract';
import type { Dispatch } from './dispatch';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm'
};

const MAX_BODY_BYTES = 1024 * 1024;

export interface HandlerServer {
  /** Base URL, e.g. `http://127.0.0.1:49152`. */
  url: string;
  /** Sends an event to every connected page, like `webContents.send` in Electron. */
  broadcast(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

export interface HandlerServerOptions {
  /** Resolves to the dispatcher once the caller has built it, so the dispatcher's emitter can use `broadcast`. */
  dispatch: () => Dispatch;
  /** Folder with the built renderer (`out/renderer`), served at `/`. */
  staticDir: string;
  port?: number;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`Request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startHandlerServer(options: HandlerServerOptions): Promise<HandlerServer> {
  const staticRoot = resolve(options.staticDir);
  const eventStreams = new Set<ServerResponse>();
  let origin = '';

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const filePath = resolve(join(staticRoot, relative));
    if (filePath !== staticRoot && !filePath.startsWith(staticRoot + sep)) {
      sendJson(response, 403, { error: 'Path outside the renderer folder' });
      return;
    }
    try {
      const body = await readFile(filePath);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      sendJson(response, 404, { error: `Not found: ${pathname}` });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only the page this server serves may call it: this rejects DNS rebinding (wrong Host) and
    // cross-site requests from other pages in the same browser (wrong Origin).
    const requestOrigin = request.headers.origin;
    if (request.headers.host !== new URL(origin).host || (requestOrigin !== undefined && requestOrigin !== origin)) {
      sendJson(response, 403, { error: 'Requests must come from the served page' });
      return;
    }

    const url = new URL(request.url ?? '/', origin);

    if (request.method === 'GET' && url.pathname === '/ipc/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }

    if (request.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      let payload: unknown;
      try {
        payload = (JSON.parse(await readBody(request)) as { payload?: unknown }).payload;
      } catch (error) {
        sendJson(response, 400, { error: `Invalid JSON body: ${(error as Error).message}` });
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      sendJson(response, 200, await options.dispatch()(channel, payload));
      return;
    }

    if (request.method === 'GET') {
      await serveStatic(url.pathname, response);
      return;
    }
    sendJson(response, 405, { error: `Method ${request.method ?? ''} not allowed` });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: (error as Error).message });
      else response.end();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The handler server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: origin,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    },
    close() {
      for (const stream of eventStreams) stream.end();
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      // A browser keeps idle keep-alive connections open, which would hold server.close() back.
      server.closeAllConnections();
      return closed;
    }
  };
}
