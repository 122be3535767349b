import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook, writeFileAtomic } from '../../src-main/report';
import { HYPERLINK_NAME, reportInput } from './fixture';
import { zipText } from './xlsx-read';

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
  console.warn('Skipping the LibreOffice conversion tests: LibreOffice is not installed (apt-get install libreoffice-calc-nogui).');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe.skipIf(!libreOffice)('workbook in LibreOffice', () => {
  let folder = '';
  let workbook = '';

  async function convert(format: string): Promise<string> {
    // A private profile keeps the test independent of, and harmless to, the user's LibreOffice settings.
    const profile = `file://${join(folder, 'lo-profile')}`;
    await run(libreOffice ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', folder, workbook], { timeout: 120_000 });
    return join(folder, `evidence.${format}`);
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'roster-lo-'));
    workbook = join(folder, 'evidence.xlsx');
    await writeFileAtomic(workbook, buildWorkbook(reportInput(true), 'de'));
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('converts to PDF', async () => {
    const pdf = await convert('pdf');
    expect((await stat(pdf)).size).toBeGreaterThan(1000);
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('keeps autofilters and text in ODS', async () => {
    const content = zipText(await readFile(await convert('ods')), '/content.xml');
    expect(content).toContain('table:target-range-address="Feststellungen.A1:Feststellungen.K8" table:display-filter-buttons="true"');
    expect(content).toContain('table:target-range-address="Freigabe.A5:Freigabe.I12" table:display-filter-buttons="true"');
    expect(content).toContain(escapeXml(HYPERLINK_NAME));
    expect(content).not.toContain('table:formula=');
    expect(content).not.toContain('office:value-type="float"');
  });
});
