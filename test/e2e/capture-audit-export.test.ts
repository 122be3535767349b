/**
 * Journey: an auditor creates a connection to the fake Entra and Sentry servers, tests it and takes
 * a snapshot with live progress. The auditor then audits it, filters, opens a finding from the
 * keyboard and exports the Excel workbook, which the test reads back with `xlsx`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { startFakes, type Fakes } from '../fakes';
import { startJourneyHarness, type JourneyHarness } from './harness';
import { answerNextPrompt, launchBrowser, openApp, screenshot, skipReason, switchLanguage, type OpenedApp } from './support';
import { DEMO_SEED, fillConnectionForm } from './connection-form';

const reason = skipReason();
if (reason !== null) console.warn(reason);

async function takeSnapshot(page: Page): Promise<void> {
  await page.keyboard.press('Control+2');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect.poll(() => page.locator('.capture-progress tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3);
  await expect.poll(() => page.locator('.capture .notice--success').count(), { timeout: 60_000 }).toBe(1);
}

describe.skipIf(reason !== null)(reason ?? 'capture, audit and export', () => {
  let browser: Browser;
  let fakes: Fakes;
  let harness: JourneyHarness | null = null;
  let app: OpenedApp | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    fakes = await startFakes(DEMO_SEED);
  });

  afterAll(async () => {
    await browser?.close();
    await fakes?.close();
  });

  afterEach(async () => {
    await app?.context.close();
    app = null;
    await harness?.close();
    harness = null;
  });

  it('captures, audits, filters and exports', async () => {
    harness = await startJourneyHarness({ caPem: fakes.tls.caPem });
    app = await openApp(browser, harness.url);
    const { page } = app;

    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'New connection' }).first().click();
    await fillConnectionForm(page, fakes, { clientSecret: DEMO_SEED.graph.clients[0]!.clientSecret! });
    await screenshot(page, 'connection-form-en');
    await page.getByRole('button', { name: 'Save connection' }).click();

    const card = page.locator('article.connection');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain('Client secret\nstored');
    expect(await card.innerText()).not.toContain(DEMO_SEED.graph.clients[0]!.clientSecret!);
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => card.locator('.test-side--ok').count(), { timeout: 30_000 }).toBe(2);
    expect(await card.locator('.test-side--ok').first().innerText()).toContain('Entra ID: connected');
    await screenshot(page, 'connections-en');

    await takeSnapshot(page);
    const sources = await page.locator('.capture-progress tbody tr').allInnerTexts();
    expect(sources.some((row) => row.startsWith('graph.users') || row.includes('users'))).toBe(true);
    await screenshot(page, 'snapshots-en');

    await page.locator('.capture .notice--success').getByRole('button', { name: 'Audit' }).click();
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.count()).toBe(1);
    const total = Number((await page.locator('.severity-cards .stat__value').first().innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(10);

    await page.getByRole('button', { name: /^High/ }).first().click();
    const high = Number((await page.locator('.stat--high .stat__value').innerText()).replace(/\D/g, ''));
    await expect.poll(() => grid.getAttribute('aria-label')).toBe(`${high} finding${high === 1 ? '' : 's'}`);
    await expect.poll(() => page.locator('.grid__body .severity--high').count()).toBeGreaterThan(0);
    expect(await page.locator('.grid__body .severity--medium').count()).toBe(0);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => grid.getAttribute('aria-label')).toBe(`${total} findings`);
    await page.keyboard.press('/');
    await page.keyboard.type('user.missing_in_sentry');
    await expect.poll(() => page.locator('.filter-bar__count').innerText()).toMatch(/^\d+ findings? match/);
    expect(await page.locator('.grid__body [role="gridcell"]:nth-child(2)').allInnerTexts()).toEqual(
      expect.arrayContaining(['User missing in Sentry'])
    );

    await page.getByTestId('findings-scroll').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const detail = page.locator('.finding-detail');
    await expect.poll(() => detail.locator('.side').count()).toBe(2);
    expect(await detail.getByRole('heading', { level: 3 }).innerText()).toBe('User missing in Sentry');
    expect(await detail.textContent()).toContain('Recommended action');
    await screenshot(page, 'audit-detail-en');

    await switchLanguage(page, 'Deutsch');
    await expect.poll(() => detail.getByRole('heading', { level: 3 }).innerText()).toBe('Benutzer fehlt in Sentry');
    await expect.poll(() => detail.textContent()).toContain('Empfohlene Maßnahme');
    await screenshot(page, 'audit-detail-de');
    await switchLanguage(page, 'English');

    await page.keyboard.press('Control+5');
    const target = join(harness.dir, 'evidence.xlsx');
    await page.getByLabel('Report language').selectOption('de');
    answerNextPrompt(page, target);
    await page.getByRole('button', { name: 'Save workbook…' }).click();
    await expect.poll(() => page.locator('.notice--success').innerText(), { timeout: 30_000 }).toContain(`Excel workbook with ${total} findings saved to`);
    await screenshot(page, 'export-en');

    const workbook = XLSX.read(await readFile(target));
    expect(workbook.SheetNames.length).toBeGreaterThan(3);
    expect(workbook.SheetNames[0]).toBe('Deckblatt');
    const findingsSheet = workbook.SheetNames.find((name) => name === 'Feststellungen');
    expect(findingsSheet).toBe('Feststellungen');
    const rows = XLSX.utils.sheet_to_json(workbook.Sheets[findingsSheet!]!, { header: 1 });
    expect(rows.length).toBeGreaterThanOrEqual(total + 1);

    const json = join(harness.dir, 'findings.json');
    answerNextPrompt(page, json);
    await page.getByRole('button', { name: 'Save JSON…' }).click();
    await expect.poll(() => page.locator('.notice--success').innerText(), { timeout: 30_000 }).toContain(`JSON file with ${total} findings saved to`);
    const exported = JSON.parse(await readFile(json, 'utf8')) as { findings: Array<{ kind: string }> };
    expect(exported.findings).toHaveLength(total);
    expect(exported.findings.map((finding) => finding.kind)).toContain('user.missing_in_sentry');

    const csv = join(harness.dir, 'findings.csv');
    answerNextPrompt(page, csv);
    await page.getByRole('button', { name: 'Save CSV…' }).click();
    await expect.poll(() => page.locator('.notice--success').innerText(), { timeout: 30_000 }).toContain(`CSV file with ${total} findings saved to`);
    expect(await readFile(csv, 'utf8')).toContain('user.missing_in_sentry');

    // A member invited in Sentry after the first snapshot shows up as drift.
    fakes.scim.state.addMember({ email: 'new.hire@contoso.example' });
    await takeSnapshot(page);
    await page.keyboard.press('Control+4');
    await page.getByLabel('Earlier snapshot').selectOption({ index: 2 });
    await page.getByLabel('Later snapshot').selectOption({ index: 1 });
    const added = page.locator('.table tbody tr', { hasText: 'new.hire@contoso.example' });
    await expect.poll(() => added.count(), { timeout: 30_000 }).toBe(1);
    expect(await added.innerText()).toMatch(/^Added\tSentry\t/);
    await screenshot(page, 'drift-en');

    await switchLanguage(page, 'Deutsch');
    await expect.poll(() => added.innerText()).toMatch(/^Hinzugefügt\tSentry\tMitglied\t/);
    await screenshot(page, 'drift-compare-de');
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.getByRole('button', { name: 'Snapshot erstellen' }).count()).toBe(1);
    await screenshot(page, 'snapshots-de');
    await page.keyboard.press('Control+1');
    await expect.poll(() => page.locator('article.connection').innerText()).toContain('Geheimer Clientschlüssel\ngespeichert');
    await screenshot(page, 'connections-de');
    expect(app.problems).toEqual([]);
  });
});
