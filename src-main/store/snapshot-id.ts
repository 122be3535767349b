import { randomBytes } from 'node:crypto';
import type { SnapshotId } from '../model/snapshot';
import { StoreError } from './errors';

const SNAPSHOT_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-f]{6}$/;

/** Creates a snapshot id `YYYYMMDD-HHMMSS-xxxxxx` from the UTC time `at` and 6 random hex digits. */
export function newSnapshotId(at: Date): SnapshotId {
  if (Number.isNaN(at.getTime())) {
    throw new StoreError('invalid-input', 'Cannot create a snapshot id from an invalid date. Pass the capture time as a valid Date.');
  }

  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const date = `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `${date}-${time}-${randomBytes(3).toString('hex')}` as SnapshotId;
}

export function isSnapshotId(value: string): value is SnapshotId {
  return SNAPSHOT_ID_PATTERN.test(value);
}

/** Checks that `value` has the snapshot id form, because ids become file names. */
export function parseSnapshotId(value: string): SnapshotId {
  if (!isSnapshotId(value)) {
    throw new StoreError('invalid-input', `Invalid snapshot id '${value}': expected YYYYMMDD-HHMMSS-xxxxxx (UTC time and 6 lowercase hex digits), e.g. 20260131-142501-3fa9c2.`);
  }
  return value;
}
