/**
 * Connection profiles kept as one JSON file in the app's user data folder (`connections.json`).
 *
 * Profiles are settings of this workstation, not audit evidence, so they stay out of the workspace:
 * a workspace folder can be handed to a colleague without the tenant's sign-in details. Secrets are
 * never in this file (see `./secrets.ts`).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { signInMethodSchema } from '../ipc/schemas/connections';

const storedProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  tenantId: z.string(),
  clientId: z.string(),
  signInMethod: signInMethodSchema,
  certificatePath: z.string().nullable(),
  appId: z.string().nullable(),
  appName: z.string().nullable(),
  authorityHost: z.string(),
  graphUrl: z.string(),
  sentryScimUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

const profilesFileSchema = z.object({ version: z.literal(1), profiles: z.array(storedProfileSchema) });

export interface ProfileStore {
  list(): Promise<StoredProfile[]>;
  get(id: string): Promise<StoredProfile | null>;
  /** Inserts a profile without an id, or replaces the one with that id. Returns what was stored. */
  put(fields: Omit<StoredProfile, 'id' | 'createdAt' | 'updatedAt'>, id?: string): Promise<StoredProfile>;
  delete(id: string): Promise<boolean>;
}

/**
 * Opens the profiles file. A missing file means no profiles. A damaged file raises instead of being
 * replaced, so a typo made by hand never wipes the auditor's profiles.
 */
export function createProfileStore(filePath: string, now: () => Date = () => new Date()): ProfileStore {
  async function readAll(): Promise<StoredProfile[]> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`The connections file ${filePath} is not valid JSON (${(error as Error).message}). Fix or delete the file.`, { cause: error });
    }
    const parsed = profilesFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`The connections file ${filePath} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}. Fix or delete the file.`);
    }
    return parsed.data.profiles;
  }

  async function writeAll(profiles: StoredProfile[]): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    // Write then rename, so a crash mid-write leaves the previous file.
    const tempPath = `${filePath}.${process.pid}.tmp`;
    await writeFile(tempPath, `${JSON.stringify({ version: 1, profiles }, null, 2)}\n`, 'utf8');
    await rename(tempPath, filePath);
  }

  return {
    list: readAll,

    async get(id) {
      return (await readAll()).find((profile) => profile.id === id) ?? null;
    },

    async put(fields, id) {
      const profiles = await readAll();
      const timestamp = now().toISOString();
      const existing = id === undefined ? undefined : profiles.find((profile) => profile.id === id);
      const stored: StoredProfile = {
        ...fields,
        id: existing?.id ?? randomUUID(),
        createdAt: existing?.createdAt ?? timestamp,
        updatedAt: timestamp
      };
      if (existing) {
        await writeAll(profiles.map((profile) => (profile.id === existing.id ? stored : profile)));
      } else {
        await writeAll([...profiles, stored]);
      }
      return stored;
    },

    async delete(id) {
      const profiles = await readAll();
      const remaining = profiles.filter((profile) => profile.id !== id);
      if (remaining.length === profiles.length) return false;
      await writeAll(remaining);
      return true;
    }
  };
}
