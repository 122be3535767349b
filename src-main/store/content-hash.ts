import { createHash, type Hash } from 'node:crypto';
import type { SnapshotData } from '../model/snapshot';
import { canonicalJsonAt, canonicalSnapshotData, compareCodeUnits } from './canonical';

// UTF-16 code units of canonical JSON collected before each Hash.update call, because each call has a
// fixed cost. The value is a round number that keeps the buffer small, not a measured optimum.
const FLUSH_CHARS = 1 << 16;

// Three levels are opened: the root object, the two sides, and the fields of each side. Each value
// below them, such as one user, one membership or one top-level field of the provisioning schema,
// is written by canonicalJsonAt in one piece.
const OPENED_LEVELS = 3;

/** Computes the SHA-256 (lowercase hex) of the canonical JSON of `canonicalSnapshotData(data)`. */
export function contentSha256(data: SnapshotData): string {
  return hashContent(data).sha256;
}

/**
 * Computes the content hash and also returns the length of the canonical JSON in UTF-16 code units,
 * which estimates the file size. The JSON is hashed in pieces of about FLUSH_CHARS characters instead
 * of as one string of tens of megabytes. The bytes hashed are those of `canonicalJson` of the whole
 * value, so the hash equals the one that snapshot files already record.
 */
export function hashContent(data: SnapshotData): { sha256: string; jsonLength: number } {
  const sink = new HashSink(createHash('sha256'));
  writeOpened(canonicalSnapshotData(data), OPENED_LEVELS, [], sink);
  sink.flush();
  return { sha256: sink.hash.digest('hex'), jsonLength: sink.length };
}

/** Buffers JSON text and passes it to a hash as UTF-8. */
class HashSink {
  readonly hash: Hash;
  length = 0;
  private buffer = '';

  constructor(hash: Hash) {
    this.hash = hash;
  }

  write(text: string): void {
    this.buffer += text;
    this.length += text.length;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.hash.update(this.buffer, 'utf8');
    this.buffer = '';
  }
}

/**
 * Writes the canonical JSON of `value` to `sink`, opening arrays and plain objects `levels` deep and
 * writing each value below with canonicalJsonAt. The text is the same as canonicalJson(value) because
 * both sort keys by code unit, drop undefined properties and write undefined array items as null.
 * `path` locates the value for error messages.
 */
function writeOpened(value: unknown, levels: number, path: Array<string | number>, sink: HashSink): void {
  if (levels === 0 || !isOpenable(value)) {
    sink.write(canonicalJsonAt(value, path));
    return;
  }

  if (Array.isArray(value)) {
    sink.write('[');
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) sink.write(',');
      path.push(index);
      writeOpened(value[index], levels - 1, path, sink);
      path.pop();
    }
    sink.write(']');
    return;
  }

  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareCodeUnits);
  sink.write('{');
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) sink.write(',');
    first = false;
    sink.write(`${JSON.stringify(key)}:`);
    path.push(key);
    writeOpened(item, levels - 1, path, sink);
    path.pop();
  }
  sink.write('}');
}

/** Tells whether `value` is an array or object whose JSON form is its own items, with no toJSON. */
function isOpenable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
