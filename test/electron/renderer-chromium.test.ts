/**
 * The built renderer in Debian's Chromium, talking to the real handler table over HTTP.
 *
 * Needs `/usr/bin/chromium` (or CHROMIUM_PATH) and `npm run build` output. Set ROSTER_SCREENSHOT_DIR
 * to keep a screenshot of each state.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR, startHarness, type Harness, type HarnessOptions } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = process.env.ROSTER_SCREENSHOT_DIR;

function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `renderer in Chromium skipped: no Chromium at ${CHROMIUM} (install it or set CHROMIUM_PATH)`;
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return 'renderer in Chromium skipped: out/renderer is missing, run `npm run build` first';
  return null;
}

const reason = skipReason();
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)(reason ?? 'renderer in Chromium', () => {
  let browser: Browser;
  let harness: Harness | null = null;
  let context: BrowserContext | null = null;
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    // The page goes first, so its reconnect attempts cannot reach the next test's problem list.
    await context?.close();
    context = null;
    await harness?.close();
    harness = null;
  });

  /** Opens the app; console errors and CSP violations are collected so each test can assert none happened. */
  async function openApp(options: HarnessOptions, locale = 'en-US'): Promise<Page> {
    harness = await startHarness(options);
    const found: string[] = [];
    problems = found;
    context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') found.push(message.text());
    });
    page.on('pageerror', (error) => found.push(error.message));
    await page.goto(harness.server.url);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    if (SCREENSHOT_DIR !== undefined) await page.screenshot({ path: join(SCREENSHOT_DIR, `roster-${name}.png`), fullPage: true });
  }

  it('lists snapshots in English', async () => {
    const page = await openApp({ snapshots: 'two' });

    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('main h2').first().innerText()).toContain('Snapshots');
    expect(await page.locator('tbody tr').first().innerText()).toContain('Import');
    expect(await page.locator('tbody tr').nth(1).innerText()).toContain('1 warning');
    expect(await page.title()).toBe('Roster');
    await screenshot(page, 'list-en');
    expect(problems).toEqual([]);
  });

  it('switches to German and keeps it', async () => {
    const page = await openApp({ snapshots: 'two' });
    await page.getByRole('button', { name: 'Deutsch' }).click();

    await expect.poll(() => page.locator('thead th').first().innerText()).toMatch(/erfasst/i);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    // The switch is immediate and the save follows, so wait for the file.
    const settingsPath = harness!.settingsPath;
    await expect.poll(() => readFile(settingsPath, 'utf8').then(JSON.parse, () => null)).toEqual({ language: 'de' });
    await screenshot(page, 'list-de');

    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Aktualisieren' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('follows the system language', async () => {
    const page = await openApp({ snapshots: 'none', systemLocale: 'de-DE' }, 'de-DE');

    await expect.poll(() => page.getByRole('heading', { name: 'Noch keine Snapshots' }).count()).toBe(1);
    expect(await page.locator('.panel--empty').innerText()).toContain('roster fetch');
    await screenshot(page, 'empty-de');
    expect(problems).toEqual([]);
  });

  it('shows the empty state in English', async () => {
    const page = await openApp({ snapshots: 'none' });

    await expect.poll(() => page.getByRole('heading', { name: 'No snapshots yet' }).count()).toBe(1);
    await screenshot(page, 'empty-en');
  });

  it('shows a translated error and retries', async () => {
    harness = null;
    const blockerDir = await startHarness({});
    const blocker = join(blockerDir.dir, 'not-a-folder');
    await writeFile(blocker, 'a file where the workspace folder should be');

    const page = await openApp({ workspaceDir: join(blocker, 'workspace') });
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByRole('alert').innerText()).toContain('The workspace folder could not be read.');
    expect(await page.getByRole('alert').innerText()).toContain(join(blocker, 'workspace'));
    await screenshot(page, 'error-en');

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await blockerDir.close();
  });

  it('opens snapshot details', async () => {
    const page = await openApp({ snapshots: 'two' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);

    await page.locator('tbody tr').nth(1).locator('.snapshot-id').click();
    const panel = page.locator('#snapshot-detail');
    await expect.poll(() => panel.getByText('AuditLog.Read.All').count()).toBe(1);
    expect(await panel.innerText()).toContain('Sentry returned 2 of 3 announced users');
    expect(await panel.innerText()).toContain('graph.users');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('snapshot-detail-heading');
    await screenshot(page, 'detail-en');

    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect.poll(() => panel.getByText('Fehlende Berechtigung').count()).toBe(1);
    await screenshot(page, 'detail-de');

    await panel.getByRole('button', { name: 'Schließen' }).click();
    expect(await page.locator('#snapshot-detail').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('works from the keyboard', async () => {
    const page = await openApp({ snapshots: 'two' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);

    // Tab order: the five screens in the sidebar, then English and Deutsch.
    for (let step = 0; step < 7; step++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Deutsch');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).toBe('true');

    // Onwards to the first snapshot's id, which opens its details.
    const firstId = await page.locator('tbody tr').first().locator('.snapshot-id').innerText();
    for (let step = 0; step < 12 && (await page.evaluate(() => document.activeElement?.textContent ?? '')) !== firstId; step++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#snapshot-detail').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('snapshot-detail-heading');
  });
});
