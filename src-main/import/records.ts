import { canonicalJson } from '../store';
import { ImportError } from './errors';

/** The place an object was found: the file and the JSON path or CSV line. */
export interface Origin {
  file: string;
  path: string;
}

export interface Found<T> {
  value: T;
  origin: Origin;
}

/**
 * Objects keyed by id. The same object may arrive twice, from a page saved twice or two overlapping
 * exports, which is fine when both copies are equal. Copies that differ come from different points in
 * time, so the import stops, because a snapshot must show one moment.
 */
export class UniqueRecords<T> {
  private readonly byId = new Map<string, Found<T>>();
  /** Arrivals, duplicates included. */
  received = 0;

  constructor(private readonly label: string) {}

  add(id: string, value: T, origin: Origin): void {
    this.received++;
    const existing = this.byId.get(id);
    if (existing === undefined) {
      this.byId.set(id, { value, origin });
      return;
    }
    if (canonicalJson(existing.value) !== canonicalJson(value)) {
      throw new ImportError(origin.file, origin.path, `${this.label} ${id} differs from the copy in ${describeOrigin(existing.origin)}. The files come from different exports; export them again at one time.`);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Found<T> | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  values(): Array<Found<T>> {
    return [...this.byId.values()];
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  entries(): Array<[string, Found<T>]> {
    return [...this.byId.entries()];
  }
}

/**
 * Objects whose properties may come from several files, e.g. a user from a users download and again from
 * a group's member list. Each property is taken from whichever file has it; two files that give the
 * same property different values stop the import.
 */
export class PartialRecords<T extends { id: string }> {
  private readonly byId = new Map<string, { fields: Partial<T>; origins: Map<keyof T, Origin>; first: Origin }>();

  constructor(
    private readonly label: string,
    private readonly properties: ReadonlyArray<keyof T>
  ) {}

  /** Adds the properties `present` names, taking their values from `value`. */
  add(value: T, present: (property: keyof T) => boolean, origin: Origin): void {
    let entry = this.byId.get(value.id);
    if (entry === undefined) {
      entry = { fields: { id: value.id } as Partial<T>, origins: new Map(), first: origin };
      this.byId.set(value.id, entry);
    }
    for (const property of this.properties) {
      if (!present(property)) continue;
      const known = entry.origins.get(property);
      if (known !== undefined && canonicalJson(entry.fields[property]) !== canonicalJson(value[property])) {
        throw new ImportError(
          origin.file,
          origin.path,
          `${this.label} ${value.id} has ${String(property)} ${JSON.stringify(value[property])}, but ${describeOrigin(known)} gives ${JSON.stringify(entry.fields[property])}. The files come from different exports; export them again at one time.`
        );
      }
      entry.fields[property] = value[property];
      entry.origins.set(property, origin);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): { fields: Partial<T>; first: Origin } | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }
}

export function describeOrigin(origin: Origin): string {
  return `${origin.file} at ${origin.path}`;
}
