/**
 * Loads the built preload the way a sandboxed renderer does: CommonJS, with `electron` as the only
 * module `require` can return, and checks the bridge it exposes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { RosterBridge } from '../../src-main/ipc/contract';

const PRELOAD = join(import.meta.dirname, '../../out/preload/preload.cjs');
const reason = existsSync(PRELOAD) ? null : 'preload bundle test skipped: out/preload/preload.cjs is missing, run `npm run build` first';
if (reason !== null) console.warn(reason);

interface FakeElectron {
  exposed: Map<string, unknown>;
  invoked: Array<{ channel: string; payload: unknown }>;
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  module: unknown;
}

function fakeElectron(): FakeElectron {
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; payload: unknown }> = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    invoked,
    listeners,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (channel: string, payload: unknown) => {
          invoked.push({ channel, payload });
          return Promise.resolve({ ok: true, value: 'from main' });
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(listener);
        },
        removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)
      }
    }
  };
}

function loadPreload(): { electron: FakeElectron; bridge: RosterBridge } {
  const electron = fakeElectron();
  const required: string[] = [];
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron.module;
    throw new Error(`A sandboxed preload cannot require '${name}'`);
  };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console }, { filename: PRELOAD });

  expect(required).toEqual(['electron']);
  return { electron, bridge: electron.exposed.get('roster') as RosterBridge };
}

describe.skipIf(reason !== null)(reason ?? 'built preload', () => {
  it('exposes only window.roster', () => {
    const { electron } = loadPreload();
    expect([...electron.exposed.keys()]).toEqual(['roster']);
  });

  it('forwards contract channels', async () => {
    const { electron, bridge } = loadPreload();
    const result = await bridge.invoke('snapshots:list', {});
    expect(result).toEqual({ ok: true, value: 'from main' });
    expect(electron.invoked).toEqual([{ channel: 'snapshots:list', payload: {} }]);
  });

  it('rejects unknown channels locally', async () => {
    const { electron, bridge } = loadPreload();
    const result = await bridge.invoke('fs:readFile' as never, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(electron.invoked).toEqual([]);
  });

  it('subscribes without leaking the event object', () => {
    const { electron, bridge } = loadPreload();
    const received: unknown[] = [];
    const unsubscribe = bridge.on('settings:languageChanged', (payload) => received.push(payload));

    const listener = [...(electron.listeners.get('settings:languageChanged') ?? [])][0];
    listener?.({ sender: 'ipc internals' }, { language: 'de' });
    unsubscribe();

    expect(received).toEqual([{ language: 'de' }]);
    expect(electron.listeners.get('settings:languageChanged')?.size).toBe(0);
  });

  it('rejects unknown events', () => {
    const { bridge } = loadPreload();
    expect(() => bridge.on('debug:everything' as never, () => {})).toThrow(/Unknown IPC event/);
  });
});
