import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Fakes } from '../fakes';
import type { Seed } from '../fakes/seed';

export const DEMO_SEED = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/seed.json'), 'utf8')) as Seed;

/** Returns the text or password field labelled `label`, not a radio button with the same text. */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).and(page.locator('input:not([type="radio"])'));
}

/** Fills the connection form for the demo seed served by `fakes`, in English. */
export async function fillConnectionForm(page: Page, fakes: Fakes, options: { clientSecret: string; name?: string }): Promise<void> {
  const client = DEMO_SEED.graph.clients[0]!;
  await field(page, 'Name').fill(options.name ?? 'Contoso (fakes)');
  await field(page, 'Tenant ID or domain').fill(DEMO_SEED.graph.tenantId);
  await field(page, 'Application (client) ID').fill(client.clientId);
  await field(page, 'Client secret').fill(options.clientSecret);
  await field(page, 'Enterprise app name').fill(DEMO_SEED.graph.servicePrincipals[0]!.displayName);
  await page.getByText('National clouds').click();
  await field(page, 'Sign-in host').fill(fakes.graph.authorityHost);
  await field(page, 'Microsoft Graph URL').fill(fakes.graph.graphUrl);
  await field(page, 'Sentry SCIM base URL').fill(fakes.scim.baseUrl);
  await field(page, 'SCIM token').fill(DEMO_SEED.scim.token);
}
