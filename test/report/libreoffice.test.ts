import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, writeFileAtomic } from '../../src-main/report';
import { reportInput } from './fixture';

const run = promisify(execFile);

function findOnPath(names: string[]): string | null {
  const folders = (process.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  for (const name of names) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const libreOffice = findOnPath(['libreoffice', 'soffice']);
if (!libreOffice) {
  console.warn('Skipping the LibreOffice conversion test: LibreOffice is not installed (apt-get install libreoffice-calc-nogui).');
}

describe.skipIf(!libreOffice)('workbook in LibreOffice', () => {
  it('converts to PDF', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'roster-lo-'));
    try {
      const workbook = join(folder, 'evidence.xlsx');
      await writeFileAtomic(workbook, buildWorkbook(reportInput(true), 'de'));

      // A private profile keeps the test independent of, and harmless to, the user's LibreOffice settings.
      const profile = `file://${join(folder, 'lo-profile')}`;
      await run(libreOffice ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, workbook], { timeout: 120_000 });

      const pdf = join(folder, 'evidence.pdf');
      expect((await stat(pdf)).size).toBeGreaterThan(1000);
      expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
