/**
 * Journey: a snapshot with 100,000 findings. The list keeps only a window of rows in the DOM, scrolls
 * to the end from the keyboard, and filters by kind, severity and text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourneyHarness, type JourneyHarness } from './harness';
import { LARGE_MISSING, LARGE_ORPHANED, writeLargeSnapshot } from './large-snapshot';
import { launchBrowser, openApp, screenshot, skipReason, type OpenedApp } from './support';

const reason = skipReason();
if (reason !== null) console.warn(reason);

/** Fewer rows than this in the DOM means the list is virtualized: the viewport shows about 15. */
const MAX_RENDERED_ROWS = 60;

function renderedRows(page: Page): Promise<number> {
  return page.locator('.grid__body [role="row"]').count();
}

describe.skipIf(reason !== null)(reason ?? '100,000 findings', () => {
  let browser: Browser;
  let harness: JourneyHarness;
  let app: OpenedApp;
  let snapshotId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    harness = await startJourneyHarness({
      seed: async (workspace) => {
        snapshotId = await writeLargeSnapshot(workspace);
      }
    });
    app = await openApp(browser, harness.url);
  }, 180_000);

  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
    await harness?.close();
  });

  it('scrolls and filters a virtualized list', { timeout: 180_000 }, async () => {
    const { page } = app;
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Audit', exact: true }).click();

    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getAttribute('aria-label'), { timeout: 120_000 }).toBe('100,000 findings');
    expect(await grid.getAttribute('aria-rowcount')).toBe('100001');
    await expect.poll(() => page.locator('.grid__body [role="row"][data-finding-id]').count()).toBeGreaterThan(10);
    expect(await renderedRows(page)).toBeLessThan(MAX_RENDERED_ROWS);
    await screenshot(page, 'audit-100k-en');

    const body = page.getByTestId('findings-scroll');
    await body.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('#finding-row-99999').count()).toBe(1);
    await expect.poll(() => page.locator('#finding-row-99999').getAttribute('data-finding-id')).not.toBeNull();
    expect(await page.locator('#finding-row-99999').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#finding-row-0').count()).toBe(0);
    expect(await renderedRows(page)).toBeLessThan(MAX_RENDERED_ROWS);

    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('#finding-row-0').getAttribute('data-finding-id')).not.toBeNull();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#finding-row-2').getAttribute('aria-selected')).toBe('true');

    // Sorting by kind runs in main over all 100,000 rows, so both ends of the list change kind.
    const firstKind = () => page.locator('#finding-row-0 [role="gridcell"]:nth-child(2)').innerText();
    await page.getByRole('button', { name: 'Kind' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Kind' }).getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(firstKind).toBe('User missing in Sentry');
    await page.getByRole('button', { name: 'Kind' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Kind' }).getAttribute('aria-sort')).toBe('descending');
    await expect.poll(firstKind).toBe('Sentry member without Entra user');

    await page.getByLabel('Kind', { exact: true }).selectOption('user.orphaned_in_sentry');
    await expect.poll(() => grid.getAttribute('aria-label')).toBe(`${new Intl.NumberFormat('en').format(LARGE_ORPHANED)} findings`);
    await expect.poll(() => page.locator('.grid__body [role="gridcell"]:nth-child(2)').first().innerText()).toBe('Sentry member without Entra user');

    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.keyboard.press('/');
    await page.keyboard.type('person4242@');
    await expect.poll(() => grid.getAttribute('aria-label')).toBe('1 finding');
    expect(await page.locator('.grid__body [role="row"]').first().innerText()).toContain('person4242');
    await screenshot(page, 'audit-100k-filtered-en');

    expect(LARGE_MISSING + LARGE_ORPHANED).toBe(100_000);
    expect(snapshotId).not.toBe('');
    expect(app.problems).toEqual([]);
  });
});
