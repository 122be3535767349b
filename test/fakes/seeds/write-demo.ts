/**
 * Writes `resources/demo/seed.json` from `buildDemoSeed()`: `npx tsx test/fakes/seeds/write-demo.ts`.
 * Run it after every change to the demo generator; demo.test.ts fails while the two differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoSeed } from './demo';

export const DEMO_SEED_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources/demo/seed.json');

/** The file's exact text: two-space JSON with a final newline, keys in the order the generator sets them. */
export function demoSeedText(): string {
  return `${JSON.stringify(buildDemoSeed(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(DEMO_SEED_PATH), { recursive: true });
  writeFileSync(DEMO_SEED_PATH, demoSeedText());
  console.log(`Wrote ${DEMO_SEED_PATH}`);
}
