/**
 * Journey: a newcomer opens Roster on an empty workspace, opens the bundled demo, and browses the
 * audit, its teams and what-if views, then the other screens, in English and German.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startJourneyHarness, type JourneyHarness } from './harness';
import { launchBrowser, openApp, screenshot, skipReason, switchLanguage, type OpenedApp } from './support';

const reason = skipReason();
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)(reason ?? 'first run', () => {
  let browser: Browser;
  let harness: JourneyHarness | null = null;
  let app: OpenedApp | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await app?.context.close();
    app = null;
    await harness?.close();
    harness = null;
  });

  it('offers the demo and audits it', async () => {
    harness = await startJourneyHarness({});
    app = await openApp(browser, harness.url);
    const { page } = app;

    const offer = page.getByRole('heading', { name: 'See Roster at work in a minute' });
    await expect.poll(() => offer.count()).toBe(1);
    await screenshot(page, 'first-run-en');

    await page.getByRole('button', { name: 'Open the demo' }).click();
    await expect.poll(() => page.locator('main').getAttribute('data-screen')).toBe('audit');
    await expect.poll(() => page.getByRole('grid').count()).toBe(1);
    const total = await page.locator('.severity-cards .stat').first().locator('.stat__value').innerText();
    expect(Number(total.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.getByRole('grid').getAttribute('aria-label')).toBe(`${total} findings`);
    await screenshot(page, 'audit-en');

    await page.getByRole('button', { name: /^Matching attribute differs/ }).click();
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-label')).toBe('2 findings');
    await page.getByTestId('findings-scroll').focus();
    await page.keyboard.press('Enter');
    const comparison = page.locator('.finding-detail .comparison');
    await expect.poll(() => comparison.count()).toBe(1);
    const differing = await comparison.locator('tr[data-differs] th code').allInnerTexts();
    expect(differing).toContain('userName');
    expect(await page.locator('.finding-detail .attribute-diff').innerText()).toMatch(/^userName: Entra sends .+, Sentry holds .+$/);
    await screenshot(page, 'audit-detail-compare-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.finding-detail').count()).toBe(0);
    await page.getByRole('button', { name: /^Matching attribute differs/ }).click();

    await page.getByRole('tab', { name: 'Teams' }).click();
    await expect.poll(() => page.locator('.teams-view tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.teams-view tbody tr').first().innerText()).toMatch(/Missing in Sentry|Only in Sentry/);
    await screenshot(page, 'audit-teams-en');

    await page.getByRole('tab', { name: 'What-if matching' }).click();
    await expect.poll(() => page.locator('.whatif-view tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('.whatif-view tr.is-current').count()).toBe(1);
    await screenshot(page, 'audit-whatif-en');

    await page.keyboard.press('Control+2');
    const verdict = page.locator('.verdict');
    await expect.poll(() => verdict.innerText()).toBe('✓\nHash verified: the file is unchanged since it was written.');
    await screenshot(page, 'snapshots-demo-en');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.count()).toBe(1);
    expect(await help.locator('tr').first().innerText()).toMatch(/^(Ctrl\+1|⌘1)\tGo to Connections$/);
    await screenshot(page, 'help-en');
    await help.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => help.count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('shows the first run in German', async () => {
    harness = await startJourneyHarness({ systemLocale: 'de-DE' });
    app = await openApp(browser, harness.url, 'de-DE');
    const { page } = app;

    await expect.poll(() => page.getByRole('heading', { name: 'Roster in einer Minute kennenlernen' }).count()).toBe(1);
    await screenshot(page, 'first-run-de');
    await page.getByRole('button', { name: 'Demo öffnen' }).click();
    await expect.poll(() => page.getByRole('grid').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Prüfung');
    await screenshot(page, 'audit-de');

    await page.getByRole('tab', { name: 'Teams' }).click();
    await expect.poll(() => page.locator('.teams-view tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.teams-view thead th').allInnerTexts()).toEqual(['ENTRA-GRUPPE', 'SENTRY-TEAM', 'MITGLIED', 'STATUS']);
    await screenshot(page, 'audit-teams-de');
    await page.getByRole('tab', { name: 'Zuordnung: Was wäre, wenn' }).click();
    await expect.poll(() => page.locator('.whatif-view tr.is-current').innerText()).toMatch(/aktuell/);
    await screenshot(page, 'audit-whatif-de');

    await page.keyboard.press('Control+1');
    await expect.poll(() => page.getByRole('heading', { name: 'Noch keine Verbindungen' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('connections-heading');
    await screenshot(page, 'connections-empty-de');

    await page.keyboard.press('Control+5');
    await expect.poll(() => page.getByRole('heading', { name: 'Excel-Arbeitsmappe mit Nachweisen' }).count()).toBe(1);
    await screenshot(page, 'export-de');

    await page.keyboard.press('Control+4');
    await expect.poll(() => page.getByRole('heading', { name: 'Für Änderungen braucht es zwei Snapshots' }).count()).toBe(1);
    await screenshot(page, 'drift-de');

    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('heading', { name: 'Tastenkürzel' }).count()).toBe(1);
    await screenshot(page, 'help-de');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('heading', { name: 'Tastenkürzel' }).count()).toBe(0);

    await switchLanguage(page, 'English');
    await expect.poll(() => page.getByRole('heading', { name: 'Drift needs two snapshots' }).count()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
