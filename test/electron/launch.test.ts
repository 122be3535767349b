/**
 * Launches the built app in real Electron through Playwright and checks the window's security setup.
 *
 * Runs only where the Electron binary is installed. `npm run build` must have run first.
 * NOTE: on Linux without a display this needs a virtual one (e.g. `xvfb-run npx vitest run test/electron`).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** The Electron executable, or null when the npm package was installed without its binary. */
function electronExecutable(): string | null {
  try {
    // The `electron` package exports the binary's path and throws when dist/ and path.txt are missing.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function skipReason(executable: string | null): string | null {
  if (executable === null) {
    return 'Electron launch skipped: Electron binary not installed (npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `node node_modules/electron/install.js` to fetch it';
  }
  if (!existsSync(join(ROOT, 'out/main/index.js'))) {
    return 'Electron launch skipped: out/main/index.js is missing, run `npm run build` first';
  }
  return null;
}

const executable = electronExecutable();
const reason = skipReason(executable);
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)(reason ?? 'Electron launch', () => {
  let profileDir: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'roster-electron-'));
    app = await _electron.launch({
      executablePath: executable!,
      args: [ROOT],
      cwd: ROOT,
      env: {
        ...process.env,
        ROSTER_USER_DATA_DIR: join(profileDir, 'profile'),
        ROSTER_WORKSPACE: join(profileDir, 'workspace'),
        ELECTRON_RENDERER_URL: ''
      }
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('opens the Roster window', async () => {
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('Roster');
  });

  it('gives the page no Node globals', async () => {
    // The BrowserWindow options themselves are checked in main-bundle.test.ts, because Electron has no
    // typed API to read them back; here the effect is checked from inside the page.
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  it('exposes only the roster bridge', async () => {
    expect(await page.evaluate(() => Object.keys(window.roster ?? {}).sort())).toEqual(['invoke', 'on']);
    const result = await page.evaluate(() => window.roster?.invoke('shell:exec' as never, {} as never));
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('shows the empty workspace', async () => {
    await expect.poll(() => page.getByText('roster fetch').count()).toBeGreaterThan(0);
  });

  it('denies window.open', async () => {
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
