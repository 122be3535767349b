import { ImportError } from './errors';

/**
 * Decodes an exported file to text. UTF-8 (with or without a BOM) and UTF-16 with a BOM, as Excel saves
 * "Unicode text", are accepted. Bytes that are not valid UTF-8 are rejected rather than guessed, because
 * a wrong guess would change names and addresses without notice.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), file, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', file);

  // UTF-16 without a BOM shows as a zero byte after (LE) or before (BE) each ASCII character.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return utf16(bytes, 'utf-16le', file);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return utf16(bytes, 'utf-16be', file);
  return utf8(bytes, file, 0);
}

function utf8(bytes: Uint8Array, file: string, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new ImportError(file, at === null ? null : `byte ${at + offset}`, 'the file is not valid UTF-8. Save it again as "CSV UTF-8" or UTF-16 "Unicode text", or export it as JSON.');
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  if (bytes.length % 2 !== 0) throw new ImportError(file, null, `the file looks like ${encoding.toUpperCase()} but has an odd number of bytes, so it was cut off. Save or copy it again.`);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(file, null, `the file is not valid ${encoding.toUpperCase()}. Save it again as "CSV UTF-8".`);
  }
}

/**
 * Finds the offset of the first byte that breaks UTF-8, for the error message. Returns null for the
 * rarer faults this scan does not check (overlong forms, surrogates), which TextDecoder rejects.
 */
function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i] as number);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return null;
}

/** Returns the length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}
