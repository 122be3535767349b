/**
 * The worker thread entry for one offline import: reads the files named in `workerData` and posts
 * exactly one `ImportWorkerReply`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importFiles } from '../import';
import { toImportWorkerFailure, type ImportWorkerJob, type ImportWorkerReply } from './import-worker';

const port = parentPort;
if (port === null) throw new Error('import-worker-entry.ts must run in a worker thread (node:worker_threads).');

const job = workerData as ImportWorkerJob;
importFiles(job.paths, job.options)
  .then((plan): ImportWorkerReply => ({ ok: true, plan }))
  .catch((error: unknown): ImportWorkerReply => ({ ok: false, failure: toImportWorkerFailure(error) }))
  .then((reply) => port.postMessage(reply));
