import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../electron/harness';

let harness: Harness;

beforeEach(async () => {
  harness = await startHarness({ snapshots: 'two' });
});

afterEach(async () => {
  await harness.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${harness.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  });
}

/** A raw GET, because fetch normalizes `..` in paths and will not let a caller set the Host header. */
function rawGet(path: string, host = new URL(harness.server.url).host): Promise<number> {
  const port = new URL(harness.server.url).port;
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('startHandlerServer', () => {
  it('listens on loopback only', () => {
    expect(new URL(harness.server.url).hostname).toBe('127.0.0.1');
  });

  it('serves the same reply as dispatch', async () => {
    const response = await post('/ipc/snapshots:list', { payload: {} });
    const direct = await harness.dispatch('snapshots:list', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(direct);
  });

  it('lists the seeded snapshots newest first', async () => {
    const body = (await (await post('/ipc/snapshots:list', { payload: {} })).json()) as {
      ok: boolean;
      value: { snapshots: Array<{ origin: string; warningCount: number }> };
    };
    expect(body.ok).toBe(true);
    expect(body.value.snapshots.map((snapshot) => snapshot.origin)).toEqual(['import', 'live']);
    expect(body.value.snapshots[1]?.warningCount).toBe(1);
  });

  it('returns contract errors as data', async () => {
    const body = await (await post('/ipc/settings:setLanguage', { payload: { language: 'xx' } })).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('rejects a foreign Origin', async () => {
    const response = await post('/ipc/app:info', { payload: {} }, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('rejects a foreign Host', async () => {
    expect(await rawGet('/index.html', 'evil.example')).toBe(403);
  });

  it('rejects paths outside the renderer folder', async () => {
    expect(await rawGet('/..%2f..%2fpackage.json')).toBe(403);
  });

  it('streams events to subscribers', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${harness.server.url}/ipc/events`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read();

    await post('/ipc/settings:setLanguage', { payload: { language: 'de' } });
    const { value } = await reader.read();
    controller.abort();

    expect(new TextDecoder().decode(value)).toBe('event: settings:languageChanged\ndata: {"language":"de"}\n\n');
  });
});
