import { describe, expect, it } from 'vitest';
import type { EventName } from '../../src-main/ipc/contract';
import { createApiClient, type Transport } from '../../src-renderer/src/api/client';
import { createSnapshotsStore } from '../../src-renderer/src/stores/snapshots';

function transportReturning(reply: (channel: string, payload: unknown) => Promise<unknown>): Transport & { emit(event: EventName, payload: unknown): void } {
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  return {
    invoke: reply,
    subscribe(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((item) => item !== listener));
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    }
  };
}

const emptyList = { ok: true, value: { workspaceDir: '/w', snapshots: [], incompleteCount: 0 } };

describe('createApiClient', () => {
  it('passes a valid reply through', async () => {
    const api = createApiClient(transportReturning(async () => emptyList));
    expect(await api.invoke('snapshots:list', {})).toEqual(emptyList);
  });

  it('rejects a reply outside the contract', async () => {
    const api = createApiClient(transportReturning(async () => ({ ok: true, value: { snapshots: 'many' } })));
    const result = await api.invoke('snapshots:list', {});
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('invalid_response');
  });

  it('turns a transport failure into data', async () => {
    const api = createApiClient(transportReturning(() => Promise.reject(new Error('connection refused'))));
    const result = await api.invoke('app:info', {});
    expect(result.ok ? null : result.error.code).toBe('transport_failed');
    expect(result.ok ? null : result.error.message).toContain('connection refused');
  });

  it('passes error replies through', async () => {
    const failure = { ok: false, error: { code: 'not_found', message: 'No snapshot', details: { storeCode: 'not-found' } } };
    const api = createApiClient(transportReturning(async () => failure));
    expect(await api.invoke('snapshots:get', { ref: 'x' })).toEqual(failure);
  });

  it('drops events outside the contract', () => {
    const transport = transportReturning(async () => null);
    const api = createApiClient(transport);
    const received: unknown[] = [];
    const unsubscribe = api.on('settings:languageChanged', (payload) => received.push(payload));

    transport.emit('settings:languageChanged', { language: 'klingon' });
    transport.emit('settings:languageChanged', { language: 'de' });
    unsubscribe();
    transport.emit('settings:languageChanged', { language: 'en' });

    expect(received).toEqual([{ language: 'de' }]);
  });
});

describe('createSnapshotsStore', () => {
  it('keeps the newest refresh', async () => {
    const pending: Array<(value: unknown) => void> = [];
    const api = createApiClient(transportReturning(() => new Promise((resolve) => pending.push(resolve))));
    const store = createSnapshotsStore(api);

    const first = store.getState().load();
    const second = store.getState().load();
    pending[1]?.({ ok: true, value: { workspaceDir: '/new', snapshots: [], incompleteCount: 2 } });
    await second;
    pending[0]?.({ ok: true, value: { workspaceDir: '/old', snapshots: [], incompleteCount: 0 } });
    await first;

    expect(store.getState().workspaceDir).toBe('/new');
    expect(store.getState().incompleteCount).toBe(2);
    expect(store.getState().status).toBe('ready');
  });

  it('stores the error of a failed load', async () => {
    const api = createApiClient(transportReturning(async () => ({ ok: false, error: { code: 'workspace_unavailable', message: 'denied' } })));
    const store = createSnapshotsStore(api);
    await store.getState().load();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error?.code).toBe('workspace_unavailable');
  });
});
