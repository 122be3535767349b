// Loads the TypeScript import worker entry in a worker thread. tsx's loader is registered here
// because `--import tsx` in a worker's execArgv does not reach that worker's module loader on Node 20.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/app-services/import-worker-entry.ts');
