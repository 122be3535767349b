import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../src-main/ipc/contract';
import { de } from '../../src-renderer/src/i18n/de';
import { en } from '../../src-renderer/src/i18n/en';

describe('error texts', () => {
  it.each(IPC_ERROR_CODES)('has both languages for %s', (code) => {
    const english = (en.errors.codes as Record<string, string>)[code];
    const german = (de.errors.codes as Record<string, string>)[code];
    expect(english, `English text for ${code}`).toMatch(/\S/);
    expect(german, `German text for ${code}`).toMatch(/\S/);
    expect(german).not.toBe(english);
  });
});
