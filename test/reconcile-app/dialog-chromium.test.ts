/**
 * The reconcile dialog in Debian's Chromium, opened from the Audit screen, against the real handlers
 * and the fake SCIM server. It covers the options, the threshold rejection, a run paused, cancelled and
 * resumed from the list of unfinished runs, and the verified result, in English and German.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, skipReason, switchLanguage, type OpenedApp } from '../e2e/support';
import { startReconcileApp, type ReconcileAppHarness } from './app-harness';

const reason = skipReason();
if (reason !== null) console.warn(reason);

/** Sets the language through main, as the sidebar does, because the modal dialog makes the sidebar inert. */
async function setLanguage(page: Page, language: 'en' | 'de'): Promise<void> {
  await page.evaluate(async (value) => {
    await fetch('/ipc/settings:setLanguage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: { language: value } }) });
  }, language);
}

describe.skipIf(reason !== null)(reason ?? 'reconcile dialog in Chromium', () => {
  let browser: Browser;
  let harness: ReconcileAppHarness | null = null;
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

  it('plans, runs, pauses, cancels, resumes and verifies', { timeout: 180_000 }, async () => {
    harness = await startReconcileApp({ latencyMs: 60 });
    app = await openApp(browser, harness.url);
    const { page } = app;

    await page.locator('tbody tr').first().getByRole('button', { name: 'Audit', exact: true }).click();
    const launch = page.getByRole('button', { name: 'Reconcile…' });
    await launch.waitFor({ timeout: 30_000 });
    await launch.click();

    const dialog = page.getByRole('dialog', { name: 'Reconcile with Sentry' });
    await expect.poll(() => dialog.locator('#reconcile-summary').textContent()).toBe(`27 SCIM operations for ${harness.fake.baseUrl}`);
    expect(await dialog.locator('#reconcile-scope').textContent()).toBe('28 findings the filter shows');
    const firstRow = dialog.locator('#reconcile-operations tbody tr').first();
    expect(await firstRow.locator('td').nth(1).textContent()).toBe('POST /Users');
    expect(await firstRow.locator('td').nth(3).textContent()).toBe(
      'Sentry invites grace.liu@contoso.example as a member with role member; the person becomes a full member on their first SSO sign-in.'
    );
    const skipped = dialog.locator('#reconcile-skipped tbody tr');
    expect(await skipped.count()).toBe(13);
    expect(await skipped.first().locator('td').allTextContents()).toEqual(['Delete member owen.price@contoso.example', 'Deleting members is off.', 'Allow deletes']);
    expect(await dialog.getByText('At most 7 member deletions per run: 20, or 5% of the 149 members, whichever is lower.').count()).toBe(1);
    await screenshot(page, 'reconcile-plan-en');

    // Allowing deletes goes over the threshold, and each option needs its own confirmation.
    await dialog.getByLabel('Allow deletes').check();
    // The rejected plan has 35 operations too; it differs from the raised one by the threshold text.
    const rejected = dialog.locator('#reconcile-rejected');
    await expect.poll(() => rejected.locator('p').textContent()).toBe(
      'Plan rejected: it deletes 8 members, more than the threshold of 7. Review the deletions, then raise the threshold for this run to 8 to allow them.'
    );
    const send = dialog.getByRole('button', { name: /^Send \d+ operations to Sentry$/ });
    expect(await send.isDisabled()).toBe(true);
    expect(await dialog.getByText('Confirm each option you turned on.').count()).toBe(1);
    await screenshot(page, 'reconcile-rejected-en');

    await rejected.getByRole('button', { name: 'Raise to 8 for this run' }).click();
    await expect.poll(() => dialog.getByText('At most 8 member deletions in this run, raised from the default of 7.').count()).toBe(1);
    expect(await dialog.locator('#reconcile-summary').textContent()).toBe(`35 SCIM operations for ${harness.fake.baseUrl}`);
    expect(await rejected.count()).toBe(0);
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByLabel('I understand that deleted members lose all their team memberships and that SCIM cannot undo a deletion.').check();
    await expect.poll(() => send.isEnabled()).toBe(true);
    expect(await dialog.locator('#reconcile-operations tbody tr').last().locator('td').nth(3).textContent()).toBe(
      'Sentry deletes member kevin.zhang@contoso.example (id 4128) with all team memberships. SCIM cannot undo this; the person would have to be invited again.'
    );
    await screenshot(page, 'reconcile-confirmed-en');

    // Run, pause, resume, cancel.
    await send.click();
    const status = dialog.locator('#reconcile-run-status');
    await expect.poll(() => status.textContent()).toMatch(/^Operation \d+ of 35$/);
    await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('Paused. Nothing is sent until you resume.');
    const doneWhilePaused = await dialog.locator('#reconcile-run-operations tbody tr[data-state="done"]').count();
    expect(doneWhilePaused).toBeGreaterThan(0);
    expect(doneWhilePaused).toBeLessThan(35);
    await screenshot(page, 'reconcile-paused-en');
    await page.waitForTimeout(500);
    expect(await dialog.locator('#reconcile-run-operations tbody tr[data-state="done"]').count()).toBe(doneWhilePaused);

    await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Operation \d+ of 35$/);
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    const result = dialog.locator('#reconcile-result');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/^Run cancelled with \d+ operations left\. Resume it from the list of unfinished runs\.$/);
    const runs = dialog.locator('#reconcile-runs li');
    await expect.poll(() => runs.count()).toBe(1);
    // The run list refreshes when the cancelled run's last event arrives, which may come after the count settles.
    await expect.poll(async () => (await runs.first().textContent()) ?? '').toContain('Cancelled');
    const states = await dialog.locator('#reconcile-run-operations tbody tr .reconcile-state').allTextContents();
    expect(states).not.toContain('Sending');
    expect(states.filter((state) => state === 'Done' || state === 'Interrupted, checked again on resume' || state === 'Planned')).toHaveLength(35);
    await screenshot(page, 'reconcile-cancelled-en');

    // Resume from the journal and wait for the verified result.
    await runs.first().getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('Run finished: 35 done, 0 skipped, 0 failed.');
    expect(await result.textContent()).toMatch(/Verification snapshot \S+: 35 of 35 applied operations verified\./);
    const rows = dialog.locator('#reconcile-run-operations tbody tr');
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      '1',
      'POST /Users',
      'Sentry invites grace.liu@contoso.example as a member with role member; the person becomes a full member on their first SSO sign-in.',
      'Done',
      '201'
    ]);
    expect(cells[5]).toMatch(/^created member \d+$/);
    expect(cells[6]).toBe('Verified');
    expect(await dialog.getByText('No unfinished runs in this workspace.').count()).toBe(1);
    expect(harness.fake.state.getMember(4128)).toBeUndefined();
    await screenshot(page, 'reconcile-result-en');

    await setLanguage(page, 'de');
    const german = page.getByRole('dialog', { name: 'Mit Sentry abgleichen' });
    await expect.poll(() => german.locator('#reconcile-result').textContent()).toContain('Lauf beendet: 35 erledigt, 0 übersprungen, 0 fehlgeschlagen.');
    const germanRow = german.locator('#reconcile-run-operations tbody tr').first();
    expect(await germanRow.locator('td').nth(3).textContent()).toBe('Erledigt');
    expect(await germanRow.locator('td').nth(6).textContent()).toBe('Bestätigt');
    await screenshot(page, 'reconcile-result-de');

    expect(app.problems).toEqual([]);
    expect(harness.logLines.join('\n')).not.toContain(harness.token);
  });

  it('shows the plan and the rejection in German', { timeout: 120_000 }, async () => {
    harness = await startReconcileApp({ latencyMs: 0 });
    app = await openApp(browser, harness.url);
    const { page } = app;
    await switchLanguage(page, 'Deutsch');

    await page.locator('tbody tr').first().getByRole('button', { name: 'Prüfen', exact: true }).click();
    const launch = page.getByRole('button', { name: 'Abgleichen…' });
    await launch.waitFor({ timeout: 30_000 });
    await launch.click();

    const dialog = page.getByRole('dialog', { name: 'Mit Sentry abgleichen' });
    await expect.poll(() => dialog.locator('#reconcile-summary').textContent()).toBe(`27 SCIM-Operationen für ${harness.fake.baseUrl}`);
    expect(await dialog.locator('#reconcile-operations tbody tr').first().locator('td').nth(3).textContent()).toBe(
      'Sentry lädt grace.liu@contoso.example als Mitglied mit der Rolle member ein; vollwertiges Mitglied wird die Person bei der ersten SSO-Anmeldung.'
    );
    expect(await dialog.locator('#reconcile-skipped tbody tr').first().locator('td').allTextContents()).toEqual([
      'Mitglied owen.price@contoso.example löschen',
      'Das Löschen von Mitgliedern ist ausgeschaltet.',
      'Löschen erlauben'
    ]);
    await screenshot(page, 'reconcile-plan-de');

    await dialog.getByLabel('Löschen erlauben').check();
    await expect.poll(() => dialog.locator('#reconcile-rejected p').textContent()).toBe(
      'Plan abgelehnt: Er löscht 8 Mitglieder, mehr als die Grenze von 7 zulässt. Prüfen Sie die Löschungen und heben Sie dann die Grenze für diesen Lauf auf 8 an, um sie zuzulassen.'
    );
    expect(await dialog.getByRole('button', { name: 'Für diesen Lauf auf 8 anheben' }).count()).toBe(1);
    await screenshot(page, 'reconcile-rejected-de');

    await dialog.getByRole('button', { name: 'Schließen', exact: true }).click();
    expect(await dialog.count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('plans for the finding open in the detail pane', { timeout: 120_000 }, async () => {
    harness = await startReconcileApp({ latencyMs: 0 });
    app = await openApp(browser, harness.url);
    const { page } = app;

    await page.locator('tbody tr').first().getByRole('button', { name: 'Audit', exact: true }).click();
    const launch = page.getByRole('button', { name: 'Reconcile…' });
    await launch.waitFor({ timeout: 30_000 });
    await page.getByTestId('findings-scroll').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.finding-detail .side').count()).toBe(2);
    expect(await page.locator('.finding-detail').getByRole('heading', { level: 3 }).innerText()).toBe('Extra team member in Sentry');

    await launch.click();
    const dialog = page.getByRole('dialog', { name: 'Reconcile with Sentry' });
    await expect.poll(() => dialog.locator('#reconcile-summary').textContent()).toBe(`1 SCIM operation for ${harness.fake.baseUrl}`);
    expect(await dialog.locator('#reconcile-scope').textContent()).toMatch(/^Finding group\.member_extra_in_sentry:\S+$/);
    const cells = await dialog.locator('#reconcile-operations tbody tr').first().locator('td').allTextContents();
    expect(cells[1]).toMatch(/^PATCH \/Groups\/30\d$/);
    expect(cells[3]).toMatch(/^Sentry removes \S+ from team “[^”]+”; the member stays in the organization\.$/);
    expect(await dialog.getByRole('button', { name: 'Send 1 operation to Sentry' }).isEnabled()).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
