/**
 * The secrets port: client secrets, certificate passphrases and SCIM tokens live only behind it.
 *
 * Secrets never go to the workspace, the profiles file, logs or IPC replies. The Electron app keeps them
 * encrypted with the OS keychain (`src-main/electron/safe-storage.ts`); tests keep them in memory.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretName } from '../ipc/schemas/connections';
import { serviceError } from './errors';

export interface SecretStore {
  get(profileId: string, name: SecretName): Promise<string | null>;
  set(profileId: string, name: SecretName, value: string): Promise<void>;
  /** Removes one secret, or every secret of the profile when `name` is absent. */
  delete(profileId: string, name?: SecretName): Promise<void>;
  has(profileId: string, name: SecretName): Promise<boolean>;
}

function keyOf(profileId: string, name: SecretName): string {
  return `${profileId}/${name}`;
}

/** Creates a secret store that lives only in memory until the process ends, for tests and the HTTP harness. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (profileId, name) => values.get(keyOf(profileId, name)) ?? null,
    set: async (profileId, name, value) => {
      values.set(keyOf(profileId, name), value);
    },
    delete: async (profileId, name) => {
      for (const key of [...values.keys()]) {
        if (name === undefined ? key.startsWith(`${profileId}/`) : key === keyOf(profileId, name)) values.delete(key);
      }
    },
    has: async (profileId, name) => values.has(keyOf(profileId, name))
  };
}

/** Encryption by the operating system, e.g. Electron's `safeStorage`. */
export interface SecretCipher {
  isAvailable(): boolean;
  encrypt(plainText: string): Buffer;
  decrypt(cipherText: Buffer): string;
}

/**
 * Creates a secret store that keeps ciphertext (base64) in one JSON file, e.g. `<userData>/secrets.json`.
 * Every call fails with `secret_store_unavailable` when the cipher is unavailable, because storing a
 * secret in plain text is never an acceptable fallback.
 */
export function createEncryptedFileSecretStore(filePath: string, cipher: SecretCipher): SecretStore {
  function requireCipher(): void {
    if (cipher.isAvailable()) return;
    throw serviceError(
      'secret_store_unavailable',
      'Secrets cannot be stored: the operating system offers no encryption for this account (on Linux, unlock or install a keyring such as GNOME Keyring or KWallet), so Roster keeps no secret at all.',
      { file: filePath }
    );
  }

  async function readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`The secrets file ${filePath} is not a JSON object. Delete it and enter the secrets again in Connections.`);
    }
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }

  async function writeAll(values: Record<string, string>): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    const tempPath = `${filePath}.${process.pid}.tmp`;
    await writeFile(tempPath, `${JSON.stringify(values, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
    await rename(tempPath, filePath);
  }

  return {
    async get(profileId, name) {
      requireCipher();
      const stored = (await readAll())[keyOf(profileId, name)];
      return stored === undefined ? null : cipher.decrypt(Buffer.from(stored, 'base64'));
    },
    async set(profileId, name, value) {
      requireCipher();
      const values = await readAll();
      values[keyOf(profileId, name)] = cipher.encrypt(value).toString('base64');
      await writeAll(values);
    },
    async delete(profileId, name) {
      const values = await readAll();
      const remaining = Object.entries(values).filter(([key]) => (name === undefined ? !key.startsWith(`${profileId}/`) : key !== keyOf(profileId, name)));
      await writeAll(Object.fromEntries(remaining));
    },
    // Reads only the key, so the connection list shows `hasSecret` even where decryption is unavailable.
    async has(profileId, name) {
      return keyOf(profileId, name) in (await readAll());
    }
  };
}
