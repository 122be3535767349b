import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src-main/report';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'roster-atomic-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes text', async () => {
    const target = join(folder, 'findings.csv');
    await writeFileAtomic(target, 'Jürgen Groß\r\n');
    expect(await readFile(target, 'utf8')).toBe('Jürgen Groß\r\n');
    expect(await readdir(folder)).toEqual(['findings.csv']);
  });

  it('writes bytes', async () => {
    const target = join(folder, 'report.xlsx');
    await writeFileAtomic(target, new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    expect([...(await readFile(target))]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('replaces an existing file', async () => {
    const target = join(folder, 'findings.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['findings.json']);
  });

  it('rejects a missing folder', async () => {
    const target = join(folder, 'missing', 'report.xlsx');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(
      `Cannot write ${target}: the folder ${join(folder, 'missing')} does not exist. Create it or choose another folder.`
    );
    expect(await readdir(folder)).toEqual([]);
  });

  it('rejects a file as folder', async () => {
    await writeFile(join(folder, 'plain'), 'x');
    const target = join(folder, 'plain', 'report.xlsx');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(`${join(folder, 'plain')} is not a folder`);
  });

  it('removes the temp file when rename fails', async () => {
    // A folder in the target's place makes the final rename fail after the temp file is written.
    const target = join(folder, 'report.xlsx');
    await mkdir(join(target, 'occupied'), { recursive: true });
    await expect(writeFileAtomic(target, 'content')).rejects.toThrow(`Failed to write ${target}:`);
    expect(await readdir(folder)).toEqual(['report.xlsx']);
    expect(await readdir(target)).toEqual(['occupied']);
  });
});
