/**
 * Shared setup for the journeys: Debian's Chromium through playwright-core, the built renderer, and the
 * real handler table with its services over HTTP (see `./harness.ts`).
 *
 * Screenshots of each state go to `test-results/screenshots/` (gitignored), named `<screen>-<lang>.png`.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RENDERER_DIR } from '../electron/harness';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screenshots');

/** Returns why the journeys cannot run here, or null when Chromium and the built renderer are present. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `journeys skipped: no Chromium at ${CHROMIUM} (install it or set CHROMIUM_PATH)`;
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return 'journeys skipped: out/renderer is missing, run `npm run build` first';
  return null;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
}

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors; a journey asserts that it stays empty. */
  problems: string[];
}

/** Opens the app at `url` in a fresh context with the given browser locale. */
export async function openApp(browser: Browser, url: string, locale = 'en-US'): Promise<OpenedApp> {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  // The app renders after it has read the saved language, so shortcuts work only from then on.
  await page.locator('nav.sidebar').waitFor();
  return { page, context, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Answers the next path prompt (the browser's stand-in for Electron's open and save dialogs) with `path`. */
export function answerNextPrompt(page: Page, path: string): void {
  page.once('dialog', (dialog) => void dialog.accept(path));
}

/** Switches the app's language with the sidebar's toggle. */
export async function switchLanguage(page: Page, language: 'English' | 'Deutsch'): Promise<void> {
  await page.getByRole('button', { name: language, exact: true }).click();
}
