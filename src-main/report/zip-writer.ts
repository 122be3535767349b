/**
 * Writes a zip archive in memory, deflating each entry as its data arrives, so that only the
 * compressed bytes of a large worksheet are kept. Written because SheetJS's CFB.write needs each
 * entry's uncompressed bytes in one buffer.
 */
import * as zlib from 'node:zlib';

/** An entry's data after compression, with what the zip headers record about it. */
export interface DeflatedEntry {
  chunks: Buffer[];
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
}

/** A final, empty deflate block (fixed Huffman codes), which ends a stream of sync-flushed chunks. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * Compresses what `write` hands to its sink as one raw deflate stream. Each chunk is deflated on its
 * own and ends with a sync flush, which closes it on a byte boundary without ending the stream, so
 * the chunks concatenate. Matches across chunks are lost, which costs little for the chunks of about
 * 1 MiB that TextChunker hands on, because deflate looks back at most 32 KiB.
 */
export function deflateEntry(write: (sink: (bytes: Buffer) => void) => void): DeflatedEntry {
  const entry: DeflatedEntry = { chunks: [], compressedSize: 0, uncompressedSize: 0, crc32: 0 };
  const add = (compressed: Buffer): void => {
    entry.chunks.push(compressed);
    entry.compressedSize += compressed.length;
  };

  write((bytes) => {
    if (bytes.length === 0) return;
    entry.crc32 = zlib.crc32(bytes, entry.crc32);
    entry.uncompressedSize += bytes.length;
    add(zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  });
  add(FINAL_BLOCK);
  return entry;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
/** Version 2.0 of the zip specification, the first with deflate. */
const ZIP_VERSION = 20;
const METHOD_DEFLATE = 8;
/** Zip without the Zip64 extension stores sizes and offsets in 32 bits and counts entries in 16. */
const MAX_ZIP32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/**
 * Joins deflated entries into one zip archive, in the order given. Modification times are left at 0,
 * as SheetJS writes them, so the same workbook gives the same bytes. Names must be ASCII.
 */
export function zipArchive(entries: Array<[string, DeflatedEntry]>): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`Cannot write ${entries.length} zip entries: without Zip64 the limit is ${MAX_ENTRIES}.`);
  const parts: Buffer[] = [];
  const centralDirectory: Buffer[] = [];
  let offset = 0;

  for (const [path, entry] of entries) {
    const name = Buffer.from(path, 'ascii');
    if (entry.uncompressedSize > MAX_ZIP32 || offset > MAX_ZIP32) {
      throw new Error(`Cannot write zip entry ${path}: the workbook exceeds 4 GiB, the limit without Zip64.`);
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0);
    local.writeUInt16LE(ZIP_VERSION, 4);
    local.writeUInt16LE(METHOD_DEFLATE, 8);
    local.writeUInt32LE(entry.crc32, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0);
    central.writeUInt16LE(ZIP_VERSION, 4);
    central.writeUInt16LE(ZIP_VERSION, 6);
    central.writeUInt16LE(METHOD_DEFLATE, 10);
    central.writeUInt32LE(entry.crc32, 16);
    central.writeUInt32LE(entry.compressedSize, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centralDirectory.push(central, name);

    parts.push(local, name, ...entry.chunks);
    offset += local.length + name.length + entry.compressedSize;
  }

  const directorySize = centralDirectory.reduce((sum, part) => sum + part.length, 0);
  if (offset + directorySize > MAX_ZIP32) throw new Error('Cannot write the workbook: it exceeds 4 GiB, the limit without Zip64.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...parts, ...centralDirectory, end]);
}
