import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedFileSecretStore, createMemorySecretStore, type SecretCipher } from '../../src-main/app-services';
import { IpcHandlerError } from '../../src-main/ipc/dispatch';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roster-secrets-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Creates a reversible stand-in for safeStorage that XORs each byte, so the plain text never appears in the file. */
function xorCipher(available = true): SecretCipher {
  const flip = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isAvailable: () => available,
    encrypt: (text) => flip(Buffer.from(text, 'utf8')),
    decrypt: (bytes) => flip(bytes).toString('utf8')
  };
}

describe('encrypted file secret store', () => {
  it('keeps only ciphertext on disk', async () => {
    const file = join(dir, 'secrets.json');
    const store = createEncryptedFileSecretStore(file, xorCipher());
    await store.set('p1', 'scimToken', 'sntrys_plain_value');
    expect(await store.get('p1', 'scimToken')).toBe('sntrys_plain_value');
    expect(await store.has('p1', 'scimToken')).toBe(true);
    expect(await readFile(file, 'utf8')).not.toContain('sntrys_plain_value');
  });

  it('deletes one profile only', async () => {
    const store = createEncryptedFileSecretStore(join(dir, 'secrets.json'), xorCipher());
    await store.set('p1', 'scimToken', 'a');
    await store.set('p1', 'clientSecret', 'b');
    await store.set('p2', 'scimToken', 'c');
    await store.delete('p1');
    expect(await store.has('p1', 'scimToken')).toBe(false);
    expect(await store.has('p1', 'clientSecret')).toBe(false);
    expect(await store.get('p2', 'scimToken')).toBe('c');
  });

  it('rejects storing without encryption', async () => {
    const store = createEncryptedFileSecretStore(join(dir, 'secrets.json'), xorCipher(false));
    const error = await store.set('p1', 'scimToken', 'value').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IpcHandlerError);
    expect((error as IpcHandlerError).code).toBe('secret_store_unavailable');
    await expect(readFile(join(dir, 'secrets.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('memory secret store', () => {
  it('removes a single secret', async () => {
    const store = createMemorySecretStore();
    await store.set('p1', 'clientSecret', 'x');
    await store.set('p1', 'scimToken', 'y');
    await store.delete('p1', 'clientSecret');
    expect(await store.get('p1', 'clientSecret')).toBeNull();
    expect(await store.get('p1', 'scimToken')).toBe('y');
  });
});
