/**
 * Runs the built main process under plain Node with a stub `electron` module (see fake-electron/),
 * because the Electron binary is not always installed. It catches bundling and start-up errors and
 * checks the IPC wiring, sender checks and window hardening as the bundle really does them.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src-main/ipc/contract';

const ROOT = join(import.meta.dirname, '../..');
const DRIVER = join(import.meta.dirname, 'fake-electron/run-main.mjs');
const reason = existsSync(join(ROOT, 'out/main/index.js')) ? null : 'main bundle test skipped: out/main is missing, run `npm run build` first';
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)(reason ?? 'built main process', () => {
  let userData: string;
  let output: Record<string, unknown>;

  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'roster-main-'));
    const { stdout } = await promisify(execFile)(process.execPath, [DRIVER, ROOT], {
      env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData, ROSTER_WORKSPACE: '', ROSTER_USER_DATA_DIR: '' },
      timeout: 30_000
    });
    output = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  });

  afterAll(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  it('hardens the window', () => {
    expect(output.sandboxEnabled).toBe(true);
    expect(output.windowOptions).toMatchObject({
      title: 'Roster',
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(ROOT, 'out/preload/preload.cjs') }
    });
    expect(output.loadedUrl).toBe(new URL(`file://${join(ROOT, 'out/renderer/index.html')}`).href);
  });

  it('registers every contract channel', () => {
    expect(output.channels).toEqual([...CHANNEL_NAMES].sort());
  });

  it('opens the default workspace', () => {
    expect(output.list).toEqual({ ok: true, value: { workspaceDir: join(userData, 'workspace'), snapshots: [], incompleteCount: 0 } });
  });

  it('persists the language and emits', () => {
    expect(output.language).toEqual({ ok: true, value: { language: 'de', source: 'system' } });
    expect(output.setLanguage).toEqual({ ok: true, value: { language: 'en' } });
    expect(output.sent).toEqual([{ channel: 'settings:languageChanged', payload: { language: 'en' } }]);
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });
  });

  it('rejects invalid payloads and foreign senders', () => {
    expect(output.invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(output.foreignFrame).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(output.otherWindow).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('denies permissions, popups and navigation', () => {
    expect(output.permission).toBe(false);
    expect(output.popup).toBe('deny');
    expect(output.blockedPopup).toBe('deny');
    expect(output.navigationPrevented).toBe(true);
    expect(output.openAttempts).toEqual(['https://docs.sentry.io/product/accounts/sso/']);
  });

  it('writes the log under userData', () => {
    const log = readFileSync(join(userData, 'logs/main.log'), 'utf8');
    expect(log).toContain('INFO [main] starting');
    expect(log).toContain('rejected IPC from an untrusted sender');
  });
});
