/**
 * The worker thread entry for capture, audit and export tasks. It runs one task per worker: main posts
 * `run`, may post `cancel`, and receives progress followed by exactly one `done` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './task-runner';
import { runTask, toTaskFailure } from './tasks/run-task';

const port = parentPort;
if (port === null) throw new Error('worker-entry.ts must run in a worker thread (node:worker_threads).');

const controller = new AbortController();
const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }

  const { name, input } = message;
  runTask(name, input as never, controller.signal, (progress) => post({ type: 'progress', progress }))
    .then((output) => post({ type: 'done', output }))
    .catch((error: unknown) => post({ type: 'failed', failure: toTaskFailure(name, input, error, controller.signal) }));
});
