/**
 * Journey: cancel a capture while it runs, take and delete a snapshot with confirmation, and open
 * snapshot files read-only (auditor mode), one intact and one cut short, with the hash verdict shown.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakes, type Fakes } from '../fakes';
import { DEMO_SEED, fillConnectionForm } from './connection-form';
import { startJourneyHarness, type JourneyHarness } from './harness';
import { answerNextPrompt, launchBrowser, openApp, screenshot, skipReason, switchLanguage, type OpenedApp } from './support';

const reason = skipReason();
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)(reason ?? 'snapshot files', () => {
  let browser: Browser;
  let fakes: Fakes;
  let harness: JourneyHarness;
  let app: OpenedApp;

  beforeAll(async () => {
    browser = await launchBrowser();
    fakes = await startFakes(DEMO_SEED);
    harness = await startJourneyHarness({ caPem: fakes.tls.caPem });
    app = await openApp(browser, harness.url);
  });

  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
    await harness?.close();
    await fakes?.close();
  });

  it('cancels, deletes and verifies files', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'New connection' }).first().click();
    await fillConnectionForm(page, fakes, { clientSecret: DEMO_SEED.graph.clients[0]!.clientSecret! });
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect.poll(() => page.locator('article.connection').count()).toBe(1);

    // Slow Graph down so the capture is still running when Cancel is pressed.
    fakes.graph.faults.set({ latencyMs: 400 });
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    await expect.poll(() => page.locator('.capture-progress tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'capture-running-en');
    await page.getByRole('button', { name: 'Cancel capture' }).click();
    await expect.poll(() => page.locator('.capture [role="status"].notice').innerText(), { timeout: 30_000 }).toBe(
      'The capture was cancelled. Nothing was saved.'
    );
    expect(await page.locator('table:not(.capture-progress) tbody tr').count()).toBe(0);

    fakes.graph.faults.set({ latencyMs: 0 });
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    await expect.poll(() => page.locator('.capture .notice--success').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.locator('table:not(.capture-progress) tbody tr').count()).toBe(1);

    const snapshotsDir = join(harness.workspaceDir, 'snapshots');
    const [fileName] = (await readdir(snapshotsDir)).filter((name) => name.endsWith('.sqlite'));
    const intact = join(harness.dir, 'handed-over.sqlite');
    const damaged = join(harness.dir, 'damaged.sqlite');
    await copyFile(join(snapshotsDir, fileName!), intact);
    const bytes = await readFile(intact);
    await writeFile(damaged, bytes.subarray(0, bytes.length - 4096));

    const snapshotId = await page.locator('table:not(.capture-progress) tbody tr .snapshot-id').innerText();
    await page.getByRole('button', { name: `Delete snapshot ${snapshotId}` }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByRole('heading').innerText()).toBe('Delete this snapshot?');
    await screenshot(page, 'snapshot-delete-en');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No snapshots yet' }).count()).toBe(1);

    answerNextPrompt(page, intact);
    await page.getByRole('button', { name: 'Open snapshot file…' }).click();
    const intactCard = page.getByRole('article', { name: intact });
    await expect.poll(() => intactCard.locator('.verdict').innerText()).toContain('Hash verified: the file is unchanged since it was written.');

    answerNextPrompt(page, damaged);
    await page.getByRole('button', { name: 'Open snapshot file…' }).click();
    const damagedCard = page.getByRole('article', { name: damaged });
    await expect.poll(() => damagedCard.locator('.verdict').innerText()).toContain(
      'Hash does NOT verify: the file was changed or damaged after it was written.'
    );
    expect(await damagedCard.locator('p').nth(3).innerText()).toBe(
      'The file is shorter than its header says: the copy or download was incomplete. Copy it again from its source.'
    );
    expect(await damagedCard.getByRole('button', { name: 'Audit' }).count()).toBe(0);
    await screenshot(page, 'snapshot-files-en');

    await switchLanguage(page, 'Deutsch');
    await expect.poll(() => damagedCard.locator('.verdict').innerText()).toContain(
      'Hash stimmt NICHT: Die Datei wurde nach dem Schreiben verändert oder beschädigt.'
    );
    await screenshot(page, 'snapshot-files-de');

    await intactCard.getByRole('button', { name: 'Prüfen' }).click();
    await expect.poll(() => page.getByRole('grid').count()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
