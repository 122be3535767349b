import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { languageSchema } from './contract';
import type { SettingsStore } from './handlers/settings';

// Unknown keys are kept out on purpose: the file is user-editable, and only known settings are trusted.
const settingsFileSchema = z.object({ language: languageSchema.optional() });

/**
 * Settings kept as one JSON file, e.g. `<userData>/settings.json`.
 *
 * A missing file means defaults. An unreadable or invalid file also means defaults, reported through
 * `onInvalid`, because a broken settings file must not stop the app from starting.
 */
export function createJsonSettingsStore(filePath: string, onInvalid: (message: string) => void): SettingsStore {
  async function read(): Promise<{ language?: z.infer<typeof languageSchema> }> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      onInvalid(`Failed to read settings from ${filePath}: ${(error as Error).message}`);
      return {};
    }

    try {
      const parsed = settingsFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      onInvalid(`Ignoring invalid settings in ${filePath}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    } catch (error) {
      onInvalid(`Ignoring settings in ${filePath}: not valid JSON (${(error as Error).message})`);
    }
    return {};
  }

  async function update(patch: { language: z.infer<typeof languageSchema> }): Promise<void> {
    const next = { ...(await read()), ...patch };
    await mkdir(dirname(filePath), { recursive: true });

    // Write then rename, so a crash mid-write leaves the old file instead of half a JSON document.
    const tempPath = `${filePath}.${process.pid}.tmp`;
    await writeFile(tempPath, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    await rename(tempPath, filePath);
  }

  return { read, update };
}
