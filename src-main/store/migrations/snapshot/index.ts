import type { SchemaFamily } from '../runner';
import { initialSnapshotSchema } from './001-initial';

/** `snapshots/<id>.sqlite`, one capture written once. Application id is "RSTS" in ASCII. */
export const snapshotSchema: SchemaFamily = {
  label: 'snapshot file',
  applicationId: 0x52535453,
  migrations: [initialSnapshotSchema]
};
