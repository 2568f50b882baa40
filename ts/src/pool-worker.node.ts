/** Entry point of a VerifyPool worker thread in Node (dist/pool-worker.node.mjs; it imports ./index.node.mjs). */
import { parentPort } from 'node:worker_threads';
import * as lib from './index.node.js';
import { poolWorkerHandler } from './pool-worker-core.js';

if (!parentPort) throw new Error('pqsimd: pool-worker.node.mjs runs as a worker thread of VerifyPool');
const port = parentPort;
port.on(
  'message',
  poolWorkerHandler(lib, (m, transfer) => port.postMessage(m, transfer)),
);
