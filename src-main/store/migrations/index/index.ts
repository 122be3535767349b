import type { SchemaFamily } from '../runner';
import { initialIndexSchema } from './001-initial';
import { reconcileJournalSchema } from './002-reconcile-journal';

/** `workspace.sqlite`, the list of a workspace's snapshots. Application id is "RSTI" in ASCII. */
export const indexSchema: SchemaFamily = {
  label: 'workspace index',
  applicationId: 0x52535449,
  migrations: [initialIndexSchema, reconcileJournalSchema]
};
