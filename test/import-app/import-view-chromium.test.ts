/**
 * The import dialog of the built renderer in Debian's Chromium, against the real import handlers over
 * HTTP. It is reached through the "Import files" button of the Snapshots screen. Screenshots of each
 * state go to test-results/screenshots/.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR, SAMPLES_DIR, SENTRY_URL, startImportHarness, type ImportHarness } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screenshots');
/** How long to wait for a read or save; reading 14 files takes well under a second, but CI machines can be slow. */
const WAIT = { timeout: 15_000 };

function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `import view in Chromium skipped: no Chromium at ${CHROMIUM} (install it or set CHROMIUM_PATH)`;
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return 'import view in Chromium skipped: out/renderer is missing, run `npm run build` first';
  return null;
}

const reason = skipReason();
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)(reason ?? 'import view in Chromium', () => {
  let browser: Browser;
  let harness: ImportHarness | null = null;
  let context: BrowserContext | null = null;
  let problems: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await context?.close();
    context = null;
    await harness?.close();
    harness = null;
  });

  /** Opens the app on the Snapshots screen in `language`, answering the path prompt with `paths`. */
  async function openApp(language: 'en' | 'de', paths: string[] = [], workspaceDir?: string): Promise<Page> {
    harness = await startImportHarness({ systemLocale: language === 'de' ? 'de-DE' : 'en-US', workspaceDir });
    const server = await harness.serve();
    const found: string[] = [];
    problems = found;
    context = await browser.newContext({ locale: language === 'de' ? 'de-DE' : 'en-US', viewport: { width: 1280, height: 1500 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') found.push(message.text());
    });
    page.on('pageerror', (error) => found.push(error.message));
    // The browser harness has no native dialog, so the picker asks for paths with window.prompt.
    page.on('dialog', (dialog) => void dialog.accept(paths.join(';')));
    await page.goto(server.url);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `roster-import-${name}.png`), fullPage: true });
  }

  /** Drops the named sample files onto the drop zone, as a file manager would. */
  async function dropSamples(page: Page, folder: string, names: string[]): Promise<void> {
    const files = names.map((name) => ({ name, base64: readFileSync(join(SAMPLES_DIR, folder, name)).toString('base64') }));
    const transfer = await page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: 'application/json' }));
      }
      return data;
    }, files);
    await page.dispatchEvent('.import-drop', 'drop', { dataTransfer: transfer });
  }

  it('previews and saves a picked folder', async () => {
    const page = await openApp('en', [join(SAMPLES_DIR, 'powershell')]);
    await page.getByRole('button', { name: 'Import files…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import exported files' });
    await screenshot(page, 'empty-en');

    await dialog.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(() => dialog.locator('.import-files tbody tr').count(), WAIT).toBe(14);
    expect(await dialog.getByRole('heading', { level: 3 }).first().textContent()).toBe('14 files read');
    expect(await dialog.locator('.import-files tbody tr').first().innerText()).toBe('app-role-assignments.json\tPowerShell JSON\t4 app role assignments');
    expect(await dialog.locator('.import-files tbody tr').nth(1).innerText()).toBe('capture-info.json\tCapture information\t1 capture information file');
    expect(await dialog.locator('.import-outline').innerText()).toContain('Sentry (appId 8f1e2d3c-4b5a-4697-a8b9-0c1d2e3f4a02)');
    expect(await dialog.locator('.import-outline').innerText()).toContain('organization contoso: 4 members, 2 teams');
    expect(await dialog.locator('.import-outline').innerText()).toContain('5, 1 recorded as deleted');
    expect(await harness!.snapshotIds()).toEqual([]);
    await screenshot(page, 'summary-en');

    await dialog.getByRole('button', { name: 'Save snapshot' }).click();
    // The spinner while saving is a status too, so wait for the saved notice itself.
    await expect.poll(() => dialog.locator('.notice--success').count(), WAIT).toBe(1);
    const ids = await harness!.snapshotIds();
    expect(ids).toHaveLength(1);
    expect(await dialog.locator('.notice--success').innerText()).toBe(`Snapshot ${ids[0]} was saved to the workspace and is listed under Snapshots.`);
    await screenshot(page, 'saved-en');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('main tbody tr').count(), WAIT).toBe(1);
    expect(await page.locator('main tbody tr').first().innerText()).toContain('Import');
    expect(problems).toEqual([]);
  });

  it('keeps the summary when saving fails', async () => {
    const blockerDir = mkdtempSync(join(tmpdir(), 'roster-import-view-blocker-'));
    const blocker = join(blockerDir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the workspace folder should be');
    try {
      const page = await openApp('en', [join(SAMPLES_DIR, 'powershell')], join(blocker, 'workspace'));
      await page.getByRole('button', { name: 'Import files…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import exported files' });
      await dialog.getByRole('button', { name: 'Choose folder…' }).click();
      await expect.poll(() => dialog.locator('.import-files tbody tr').count(), WAIT).toBe(14);

      await dialog.getByRole('button', { name: 'Save snapshot' }).click();

      const alert = dialog.getByRole('alert');
      await expect.poll(() => alert.count(), WAIT).toBe(1);
      expect(await alert.locator('.panel__title').innerText()).toBe('The snapshot was not saved');
      expect(await alert.locator('p').first().innerText()).toBe(`The workspace folder ${join(blocker, 'workspace')} could not be written. Nothing was saved.`);
      expect(await dialog.locator('.import-files tbody tr').count()).toBe(14);
      expect(await dialog.getByRole('button', { name: 'Save snapshot' }).isDisabled()).toBe(false);
      await screenshot(page, 'save-failed-en');
    } finally {
      rmSync(blockerDir, { recursive: true, force: true });
    }
  });

  it('opens when files are dragged in', async () => {
    const page = await openApp('en');
    expect(await page.getByRole('dialog').count()).toBe(0);

    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['[]'], 'users.json', { type: 'application/json' }));
      return data;
    });
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });

    await expect.poll(() => page.getByRole('dialog', { name: 'Import exported files' }).count(), WAIT).toBe(1);
    expect(problems).toEqual([]);
  });

  it('asks for the SCIM URL and reads again', async () => {
    const page = await openApp('en', [join(SAMPLES_DIR, 'graph')]);
    await page.getByRole('button', { name: 'Import files…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import exported files' });
    await dialog.getByRole('button', { name: 'Choose folder…' }).click();

    await expect.poll(() => dialog.locator('.import-missing li').count(), WAIT).toBe(1);
    expect(await dialog.locator('.import-missing li').innerText()).toBe(
      "Sentry's SCIM base URL: enter it below (Sentry shows it under Settings > Auth > SCIM Information), or add the capture script's capture-info.json."
    );
    expect(await dialog.getByRole('button', { name: 'Save snapshot' }).isDisabled()).toBe(true);
    await screenshot(page, 'missing-en');

    await dialog.getByLabel("Sentry's SCIM base URL").fill(SENTRY_URL);
    await dialog.getByRole('button', { name: 'Read again with this URL' }).click();
    await expect.poll(() => dialog.locator('.import-missing').count(), WAIT).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Save snapshot' }).isDisabled()).toBe(false);
    expect(await harness!.snapshotIds()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('names a malformed dropped file in German', async () => {
    const page = await openApp('de');
    await page.getByRole('button', { name: 'Dateien importieren …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportierte Dateien importieren' });
    await screenshot(page, 'empty-de');

    // The users.json of the Graph samples with one comma taken out, as a hand edit might leave it.
    const broken = readFileSync(join(SAMPLES_DIR, 'graph', 'users.json'), 'utf8').replace('"accountEnabled": true,\n      "employeeId": "E1001"', '"accountEnabled": true\n      "employeeId": "E1001"');
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'users.json', { type: 'application/json' }));
      return data;
    }, broken);
    await page.dispatchEvent('.import-drop', 'drop', { dataTransfer: transfer });

    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.count(), WAIT).toBe(1);
    expect(await alert.locator('.panel__title').innerText()).toBe('Die Dateien lassen sich nicht importieren');
    expect(await alert.locator('p').first().innerText()).toBe(
      'users.json ist kein Export, den Roster lesen kann. Korrigieren Sie die Datei oder exportieren Sie sie erneut und lesen Sie die Dateien dann noch einmal ein.'
    );
    expect(await alert.locator('dd code').innerText()).toBe('Zeile 14, Spalte 7');
    expect(await alert.locator('dd').nth(1).innerText()).toBe(
      "invalid JSON (Expected ',' or '}' after property value); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it."
    );
    await screenshot(page, 'error-de');
    expect(await harness!.snapshotIds()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('summarizes dropped files in German', async () => {
    const page = await openApp('de');
    await page.getByRole('button', { name: 'Dateien importieren …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportierte Dateien importieren' });

    await dropSamples(page, 'powershell', ['app-role-assignments.json', 'groups.json', 'organization.json', 'service-principal.json', 'users.json']);

    await expect.poll(() => dialog.locator('.import-files tbody tr').count(), WAIT).toBe(5);
    expect(await dialog.locator('.import-files tbody tr').first().innerText()).toBe('app-role-assignments.json\tPowerShell-JSON\t4 App-Rollenzuweisungen');
    const missing = await dialog.locator('.import-missing li').allInnerTexts();
    expect(missing[1]).toBe('Die Sentry-Mitglieder: Laden Sie alle Seiten von GET <SCIM base URL>/Users in sentry-users.json herunter.');
    expect(missing[3]).toBe(
      "Die Mitglieder der zugewiesenen Gruppe 'Engineering' (96e0a000-0000-4000-8000-000000000001): Exportieren Sie GET /groups/96e0a000-0000-4000-8000-000000000001/members als group-members.96e0a000-0000-4000-8000-000000000001.json."
    );
    expect(await dialog.getByRole('button', { name: 'Snapshot speichern' }).isDisabled()).toBe(true);
    await screenshot(page, 'missing-de');

    await dropSamples(page, 'powershell', [
      'app-role-assignments.json',
      'capture-info.json',
      'group-members.96e0a000-0000-4000-8000-000000000001.json',
      'group-transitive-members.96e0a000-0000-4000-8000-000000000001.json',
      'groups.json',
      'organization.json',
      'provisioning-jobs.json',
      'provisioning-logs.json',
      'provisioning-schema.json',
      'provisioning-scope.json',
      'sentry-teams.json',
      'sentry-users.json',
      'service-principal.json',
      'users.json'
    ]);
    await expect.poll(() => dialog.locator('.import-files tbody tr').count(), WAIT).toBe(14);
    expect(await dialog.locator('.import-outline').innerText()).toContain('Organisation contoso: 4 Mitglieder, 2 Teams');
    await screenshot(page, 'summary-de');
    expect(problems).toEqual([]);
  });
});
