import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateEntry, zipArchive } from '../../src-main/report/zip-writer';
import { XLSX } from './xlsx-read';

function chunksOf(...texts: string[]): (sink: (bytes: Buffer) => void) => void {
  return (sink) => texts.forEach((text) => sink(Buffer.from(text, 'utf8')));
}

/** Reads the central directory of a zip archive without Zip64 or comments. */
function centralDirectory(archive: Buffer): Array<{ name: string; crc32: number; compressedSize: number; uncompressedSize: number; offset: number }> {
  const end = archive.length - 22;
  expect(archive.readUInt32LE(end)).toBe(0x06054b50);
  const count = archive.readUInt16LE(end + 10);
  let position = archive.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index += 1) {
    expect(archive.readUInt32LE(position)).toBe(0x02014b50);
    const nameLength = archive.readUInt16LE(position + 28);
    entries.push({
      name: archive.toString('ascii', position + 46, position + 46 + nameLength),
      crc32: archive.readUInt32LE(position + 16),
      compressedSize: archive.readUInt32LE(position + 20),
      uncompressedSize: archive.readUInt32LE(position + 24),
      offset: archive.readUInt32LE(position + 42)
    });
    position += 46 + nameLength;
  }
  return entries;
}

describe('deflateEntry', () => {
  it('joins chunks into one deflate stream', () => {
    const texts = ['<row r="1">Groß</row>', 'x'.repeat(100_000), '', '<row r="3"/>'];
    const entry = deflateEntry(chunksOf(...texts));
    const expected = Buffer.from(texts.join(''), 'utf8');
    expect(zlib.inflateRawSync(Buffer.concat(entry.chunks)).equals(expected)).toBe(true);
    expect(entry.uncompressedSize).toBe(expected.length);
    expect(entry.compressedSize).toBe(Buffer.concat(entry.chunks).length);
    expect(entry.crc32).toBe(zlib.crc32(expected));
  });

  it('writes an empty entry', () => {
    const entry = deflateEntry(() => undefined);
    expect(zlib.inflateRawSync(Buffer.concat(entry.chunks))).toHaveLength(0);
    expect(entry.uncompressedSize).toBe(0);
    expect(entry.crc32).toBe(0);
  });
});

describe('zipArchive', () => {
  const files: Array<[string, string]> = [
    ['[Content_Types].xml', '<Types/>'],
    ['xl/worksheets/sheet1.xml', `<sheetData>${'<row/>'.repeat(50_000)}</sheetData>`],
    ['xl/empty.xml', '']
  ];
  const archive = zipArchive(files.map(([name, text]) => [name, deflateEntry(chunksOf(text))]));

  it('lists entries in order', () => {
    expect(centralDirectory(archive).map((entry) => entry.name)).toEqual(files.map(([name]) => name));
  });

  it('records sizes and checksums', () => {
    centralDirectory(archive).forEach((entry, index) => {
      const content = Buffer.from(files[index]?.[1] ?? '', 'utf8');
      expect(entry.uncompressedSize, entry.name).toBe(content.length);
      expect(entry.crc32, entry.name).toBe(zlib.crc32(content));
      expect(archive.readUInt32LE(entry.offset), entry.name).toBe(0x04034b50);
      const dataStart = entry.offset + 30 + archive.readUInt16LE(entry.offset + 26);
      const data = archive.subarray(dataStart, dataStart + entry.compressedSize);
      expect(zlib.inflateRawSync(data).equals(content), entry.name).toBe(true);
    });
  });

  it('reads back with SheetJS', () => {
    const zip = XLSX.CFB.read(archive, { type: 'buffer' });
    const sheet = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml') as { content: Uint8Array } | null;
    expect(Buffer.from(sheet?.content ?? []).toString('utf8')).toBe(files[1]?.[1]);
  });
});
