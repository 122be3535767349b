import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, IpcError, IpcResult } from '../../src-main/ipc/contract';
import { createDispatcher, createEmitter, type Dispatch, type HandlerTable, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable, type WorkspacePort } from '../../src-main/ipc/handlers';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import { StoreError } from '../../src-main/store';

/** The error of a failed result, or null for a success, so each assert checks one thing. */
function errorOf(result: IpcResult<unknown>): IpcError | null {
  return result.ok ? null : result.error;
}

const silentLogger: IpcLogger = { debug() {}, info() {}, warn() {}, error() {} };

const emptyWorkspace: WorkspacePort = {
  list: () => [],
  issues: () => [],
  resolveId: (ref) => {
    throw new StoreError('not-found', `No snapshot matches '${ref}'.`);
  },
  readSnapshot: () => Promise.reject(new Error('unreachable'))
};

let dir: string;
let sent: Array<{ event: EventName; payload: unknown }>;
let dispatch: Dispatch;
let table: HandlerTable;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roster-ipc-'));
  sent = [];
  table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.1.0', platform: 'linux', workspaceDir: dir, logDir: dir }),
    workspace: { dir, open: async () => emptyWorkspace },
    settings: createJsonSettingsStore(join(dir, 'settings.json'), () => {}),
    systemLocale: () => 'de-AT'
  });
  const emit = createEmitter((event, payload) => sent.push({ event, payload }), silentLogger);
  dispatch = createDispatcher(table, { logger: silentLogger, emit });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createDispatcher', () => {
  it('rejects an unknown channel as data', async () => {
    const result = await dispatch('shell:exec', { command: 'rm -rf /' });
    expect(result.ok).toBe(false);
    expect(errorOf(result)?.code).toBe('unknown_channel');
  });

  it('rejects prototype keys as channels', async () => {
    const result = await dispatch('constructor', {});
    expect(errorOf(result)?.code).toBe('unknown_channel');
  });

  it('rejects an invalid payload with issues', async () => {
    const result = await dispatch('settings:setLanguage', { language: 'fr' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.details).toMatchObject({ issues: [{ path: 'language' }] });
  });

  it('rejects extra keys on strict requests', async () => {
    const result = await dispatch('app:info', { debug: true });
    expect(errorOf(result)?.code).toBe('invalid_request');
  });

  it('rejects a missing payload', async () => {
    const result = await dispatch('snapshots:get', undefined);
    expect(errorOf(result)?.code).toBe('invalid_request');
  });

  it('returns a valid reply', async () => {
    const result = await dispatch('snapshots:list', {});
    expect(result).toEqual({ ok: true, value: { workspaceDir: dir, snapshots: [], incompleteCount: 0 } });
  });

  it('maps store errors to typed codes', async () => {
    const result = await dispatch('snapshots:get', { ref: 'nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not_found');
    expect(result.error.details).toMatchObject({ storeCode: 'not-found' });
  });

  it('reports a handler reply outside the contract', async () => {
    const broken = createDispatcher(
      { ...table, 'app:info': () => ({ name: 'Roster' }) as never },
      { logger: silentLogger, emit: () => {} }
    );
    const result = await broken('app:info', {});
    expect(errorOf(result)?.code).toBe('invalid_response');
  });

  it('turns unexpected throws into internal errors', async () => {
    const broken = createDispatcher(
      { ...table, 'app:info': () => { throw new TypeError('boom'); } },
      { logger: silentLogger, emit: () => {} }
    );
    const result = await broken('app:info', {});
    expect(errorOf(result)?.code).toBe('internal');
    expect(errorOf(result)?.message).toContain('boom');
  });
});

describe('language settings', () => {
  it('follows the system locale by default', async () => {
    const result = await dispatch('settings:getLanguage', {});
    expect(result).toEqual({ ok: true, value: { language: 'de', source: 'system' } });
  });

  it('persists a choice and emits an event', async () => {
    const set = await dispatch('settings:setLanguage', { language: 'en' });
    expect(set).toEqual({ ok: true, value: { language: 'en' } });
    expect(sent).toEqual([{ event: 'settings:languageChanged', payload: { language: 'en' } }]);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });

    const get = await dispatch('settings:getLanguage', {});
    expect(get).toEqual({ ok: true, value: { language: 'en', source: 'saved' } });
  });

  it('falls back to the system locale on a corrupt file', async () => {
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const result = await dispatch('settings:getLanguage', {});
    expect(result).toEqual({ ok: true, value: { language: 'de', source: 'system' } });
  });
});

describe('createEmitter', () => {
  it('drops payloads outside the contract', () => {
    const delivered: unknown[] = [];
    const emit = createEmitter((_event, payload) => delivered.push(payload), silentLogger);
    emit('settings:languageChanged', { language: 'fr' } as never);
    emit('settings:languageChanged', { language: 'de' });
    expect(delivered).toEqual([{ language: 'de' }]);
  });
});

describe('log:write', () => {
  it('rate-limits renderer lines', async () => {
    const { createAppHandlers, RENDERER_LOG_LIMIT } = await import('../../src-main/ipc/handlers/app');
    const lines: string[] = [];
    const logger: IpcLogger = { ...silentLogger, error: (message) => lines.push(message), warn: (message) => lines.push(`warn ${message}`) };
    let clock = 0;
    const handlers = createAppHandlers(() => ({ name: 'Roster', version: '0', platform: 'linux', workspaceDir: dir, logDir: dir }), () => clock);
    const limited = createDispatcher({ ...table, ...handlers }, { logger, emit: () => {} });

    const results = [];
    for (let i = 0; i < RENDERER_LOG_LIMIT + 5; i += 1) {
      results.push(await limited('log:write', { level: 'error', message: `line ${i}` }));
    }
    expect(results.filter((result) => result.ok && (result.value as { written: boolean }).written)).toHaveLength(RENDERER_LOG_LIMIT);
    expect(lines).toHaveLength(RENDERER_LOG_LIMIT);

    clock = 60_000;
    const afterWindow = await limited('log:write', { level: 'error', message: 'next minute' });
    expect(afterWindow).toEqual({ ok: true, value: { written: true } });
    expect(lines).toContain('warn dropped renderer log lines over the rate limit');
  });
});

describe('snapshot handlers', () => {
  it('reports an unopenable workspace', async () => {
    const failing = createDispatcher(
      createHandlerTable({
        appInfo: () => ({ name: 'Roster', version: '0', platform: 'linux', workspaceDir: dir, logDir: dir }),
        workspace: { dir, open: () => Promise.reject(new StoreError('invalid-input', 'A file is in the way.')) },
        settings: createJsonSettingsStore(join(dir, 'settings.json'), () => {}),
        systemLocale: () => 'en'
      }),
      { logger: silentLogger, emit: () => {} }
    );
    const result = await failing('snapshots:list', {});
    expect(errorOf(result)?.code).toBe('workspace_unavailable');
    expect(errorOf(result)?.details).toEqual({ storeCode: 'invalid-input', workspaceDir: dir });
  });
});
