import { safeStorage } from 'electron';
import { join } from 'node:path';
import { createEncryptedFileSecretStore, type SecretStore } from '../app-services';

/**
 * Creates the app's secret store: ciphertext from Electron's `safeStorage` (the OS keychain, DPAPI or
 * libsecret) in `<userData>/secrets.json`. Without OS encryption every secret operation fails with
 * `secret_store_unavailable` instead of storing plain text.
 */
export function createSafeStorageSecretStore(userDataDir: string): SecretStore {
  return createEncryptedFileSecretStore(join(userDataDir, 'secrets.json'), {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (cipherText) => safeStorage.decryptString(cipherText)
  });
}
