import type { SchemaFamily } from '../runner';
import { initialIndexSchema } from './001-initial';

/** `workspace.sqlite`, the list of a workspace's snapshots. Application id is "RSTI" in ASCII. */
export const indexSchema: SchemaFamily = {
  label: 'workspace index',
  applicationId: 0x52535449,
  migrations: [initialIndexSchema]
};
