import type { Database } from 'sql.js';
import { StoreError } from '../errors';

/** One schema step. `version` is the `PRAGMA user_version` the database has after `up` ran. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** A family of databases sharing one schema history, e.g. the workspace index or the snapshot file. */
export interface SchemaFamily {
  /** Plain name used in messages, e.g. "snapshot file". */
  label: string;
  /** `PRAGMA application_id` that marks files of this family as Roster's. */
  applicationId: number;
  migrations: readonly Migration[];
}

/** The newest `user_version` a family's migrations produce. */
export function latestVersion(family: SchemaFamily): number {
  return family.migrations.at(-1)?.version ?? 0;
}

export function readUserVersion(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
}

export function readApplicationId(db: Database): number {
  return Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0] ?? 0);
}

/**
 * Rejects a database that is not of this family or that a newer Roster wrote. With `allowEmpty`, a
 * brand-new empty database (application_id 0, user_version 0, no tables) passes, so it can be migrated.
 */
export function checkDatabaseIdentity(db: Database, family: SchemaFamily, file: string, allowEmpty: boolean): void {
  const applicationId = readApplicationId(db);
  const version = readUserVersion(db);
  const isEmpty = applicationId === 0 && version === 0 && db.exec('SELECT 1 FROM sqlite_master LIMIT 1').length === 0;
  if (isEmpty && allowEmpty) return;

  if (applicationId !== family.applicationId) {
    throw new StoreError(
      'foreign-file',
      `${file} is a SQLite database but not a Roster ${family.label} (application_id 0x${hex(applicationId)}, expected 0x${hex(family.applicationId)}). Choose a ${family.label} written by Roster.`,
      { path: file }
    );
  }

  const newest = latestVersion(family);
  if (version > newest) {
    throw new StoreError(
      'too-new',
      `${file} was written by a newer Roster: its ${family.label} format is version ${version}, and this Roster supports up to version ${newest}. Update Roster to open it.`,
      { path: file }
    );
  }
}

/**
 * Brings `db` to the family's newest version, applying every pending migration and the new
 * user_version in one transaction, so a failure leaves the database at its old version.
 * Returns the version before and after.
 */
export function migrate(db: Database, family: SchemaFamily, file: string): { from: number; to: number } {
  assertIncreasing(family);
  checkDatabaseIdentity(db, family, file, true);

  const from = readUserVersion(db);
  const pending = family.migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from };

  db.exec('BEGIN');
  try {
    db.exec(`PRAGMA application_id = ${family.applicationId}`);
    for (const migration of pending) {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer checked by assertIncreasing.
      db.exec(`PRAGMA user_version = ${migration.version}`);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return { from, to: latestVersion(family) };
}

/** Guards against a mis-numbered migration list, which would otherwise skip or repeat steps. */
function assertIncreasing(family: SchemaFamily): void {
  family.migrations.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version !== index + 1) {
      throw new Error(`The ${family.label} migrations are misnumbered: '${migration.name}' has version ${migration.version} at position ${index + 1}. Versions must be 1, 2, 3… in order.`);
    }
  });
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
