/**
 * Journey: "Test connection" explains what is wrong, in English and German: a wrong client secret,
 * and servers that are down.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakes, type Fakes } from '../fakes';
import { startGraphFake } from '../fakes/graph';
import { startScimFake } from '../fakes/scim';
import { createTestTls } from '../fakes/tls';
import { DEMO_SEED, fillConnectionForm } from './connection-form';
import { startJourneyHarness, type JourneyHarness } from './harness';
import { launchBrowser, openApp, screenshot, skipReason, switchLanguage, type OpenedApp } from './support';

const reason = skipReason();
if (reason !== null) console.warn(reason);

const CLIENT_ID = DEMO_SEED.graph.clients[0]!.clientId;

async function failedSide(card: Locator, index: number): Promise<string> {
  return card.locator('.test-side').nth(index).locator('.test-side__message').innerText();
}

describe.skipIf(reason !== null)(reason ?? 'connection errors', () => {
  let browser: Browser;
  let fakes: Fakes | null = null;
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
    await fakes?.close();
    fakes = null;
  });

  it('names a wrong client secret', async () => {
    fakes = await startFakes(DEMO_SEED);
    harness = await startJourneyHarness({ caPem: fakes.tls.caPem });
    app = await openApp(browser, harness.url);
    const { page } = app;

    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'New connection' }).first().click();
    await fillConnectionForm(page, fakes, { clientSecret: 'not-the-secret' });
    await page.getByRole('button', { name: 'Save connection' }).click();
    const card = page.locator('article.connection');
    await card.getByRole('button', { name: 'Test connection' }).click();

    await expect.poll(() => card.locator('.test-side--failed').count(), { timeout: 30_000 }).toBe(1);
    expect(await failedSide(card, 0)).toBe(
      `Entra rejected the client secret for the application ${CLIENT_ID}. Create a new secret in the app registration and enter it here.`
    );
    expect(await card.locator('.test-side--ok').innerText()).toContain('Sentry SCIM: connected');
    await screenshot(page, 'connection-wrong-secret-en');

    await switchLanguage(page, 'Deutsch');
    await expect.poll(() => failedSide(card, 0)).toBe(
      `Entra hat den geheimen Clientschlüssel der Anwendung ${CLIENT_ID} abgelehnt. Erstellen Sie in der App-Registrierung einen neuen Schlüssel und geben Sie ihn hier ein.`
    );
    await screenshot(page, 'connection-wrong-secret-de');
    expect(app.problems).toEqual([]);
  });

  it('names the host that is down', async () => {
    fakes = await startFakes(DEMO_SEED);
    harness = await startJourneyHarness({ caPem: fakes.tls.caPem });
    app = await openApp(browser, harness.url);
    const { page } = app;

    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'New connection' }).first().click();
    await fillConnectionForm(page, fakes, { clientSecret: DEMO_SEED.graph.clients[0]!.clientSecret! });
    await page.getByRole('button', { name: 'Save connection' }).click();
    const scimHost = new URL(fakes.scim.baseUrl).host;
    await fakes.close();
    fakes = null;

    const card = page.locator('article.connection');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => card.locator('.test-side--failed').count(), { timeout: 30_000 }).toBe(2);
    // The sign-in failure names no host, so the message names the setting to check.
    expect(await failedSide(card, 0)).toBe('The server could not be reached. Check the sign-in host, the network and the proxy settings.');
    expect(await failedSide(card, 1)).toBe(`The host ${scimHost} could not be reached. Check the URL, the network and the proxy settings.`);
    await screenshot(page, 'connection-down-en');

    await switchLanguage(page, 'Deutsch');
    await expect.poll(() => failedSide(card, 1)).toBe(
      `Der Host ${scimHost} ist nicht erreichbar. Prüfen Sie die URL, das Netzwerk und die Proxy-Einstellungen.`
    );
    await screenshot(page, 'connection-down-de');

    // A capture against the stopped servers fails as a whole and saves nothing.
    await switchLanguage(page, 'English');
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const failure = page.locator('.capture [role="alert"]');
    await expect.poll(() => failure.count(), { timeout: 60_000 }).toBe(1);
    expect(await failure.getByRole('heading').innerText()).toBe('The capture failed. Nothing was saved.');
    expect(await failure.locator('p').first().innerText()).toBe('A server could not be reached. Check the network and the proxy settings.');
    expect(await page.locator('table:not(.capture-progress) tbody tr').count()).toBe(0);
    await screenshot(page, 'capture-failed-en');
    expect(app.problems).toEqual([]);
  });

  it('names a missing permission and SCIM turned off', async () => {
    // The app registration can read no group members (Directory.Read.All would include them), and the
    // Sentry organization has SCIM disabled.
    const graphSeed = structuredClone(DEMO_SEED.graph);
    const withoutMembers = (permission: string) => permission !== 'GroupMember.Read.All' && permission !== 'Directory.Read.All';
    graphSeed.clients[0]!.permissions = graphSeed.clients[0]!.permissions.filter(withoutMembers);
    const tls = createTestTls();
    const graph = await startGraphFake(graphSeed, { tls });
    const scim = await startScimFake(structuredClone(DEMO_SEED.scim), { tls, scimEnabled: false });
    fakes = { tls, graph, scim, close: async () => void (await Promise.all([graph.close(), scim.close()])) };
    harness = await startJourneyHarness({ caPem: tls.caPem });
    app = await openApp(browser, harness.url);
    const { page } = app;

    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'New connection' }).first().click();
    await fillConnectionForm(page, fakes, { clientSecret: DEMO_SEED.graph.clients[0]!.clientSecret! });
    await page.getByRole('button', { name: 'Save connection' }).click();
    const card = page.locator('article.connection');
    await card.getByRole('button', { name: 'Test connection' }).click();

    await expect.poll(() => card.locator('.test-side--failed').count(), { timeout: 30_000 }).toBe(2);
    expect(await failedSide(card, 0)).toBe(
      'The app registration lacks the Microsoft Graph permission GroupMember.Read.All. Add it as an application permission and grant admin consent.'
    );
    expect(await failedSide(card, 1)).toBe(
      'SCIM is not enabled for this Sentry organization, or the base URL is wrong. Enable SCIM under Settings > Auth and copy the base URL from there.'
    );
    await screenshot(page, 'connection-permission-en');

    await switchLanguage(page, 'Deutsch');
    await expect.poll(() => failedSide(card, 0)).toBe(
      'Der App-Registrierung fehlt die Microsoft-Graph-Berechtigung GroupMember.Read.All. Fügen Sie sie als Anwendungsberechtigung hinzu und erteilen Sie die Administratorzustimmung.'
    );
    await screenshot(page, 'connection-permission-de');
    expect(app.problems).toEqual([]);
  });
});
