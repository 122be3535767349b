import type { Transport } from './client';

/**
 * Creates a transport for running the renderer in a plain browser against `src-main/ipc/http-server.ts`.
 *
 * Requests are `POST /ipc/<channel>` with `{ payload }`, and events arrive as Server-Sent Events from
 * `/ipc/events`, both same-origin so the CSP's `connect-src 'self'` allows them.
 */
export function httpTransport(baseUrl: string): Transport {
  let source: EventSource | null = null;

  return {
    async invoke(channel, payload) {
      const response = await fetch(`${baseUrl}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload })
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status} from ${channel}`);
      }
      return response.json() as Promise<unknown>;
    },

    subscribe(event, listener) {
      source ??= new EventSource(`${baseUrl}/ipc/events`);
      const handle = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as unknown);
      source.addEventListener(event, handle);
      return () => source?.removeEventListener(event, handle);
    }
  };
}
