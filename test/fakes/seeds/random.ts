/**
 * Seeded randomness for the tenant generators, so the same seed always yields byte-identical output.
 *
 * The generator is mulberry32: 32 bits of state, fast enough for 100,000-user tenants, and good enough
 * for picking names and sprinkling drift. It is not suitable for anything security-related.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns the next value in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() needs a non-empty list');
    return items[this.int(items.length)] as T;
  }

  /** Returns a random version-4 GUID in Graph's lower-case form. */
  guid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += this.word32().toString(16).padStart(8, '0');
    const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Returns `length` lower-case hex digits, e.g. for tokens and secrets. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.word32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  private word32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

/** Formats a Date the way Graph does, with whole seconds and a `Z` suffix. */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
