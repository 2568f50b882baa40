/** Entry point of a VerifyPool Web Worker (dist/pool-worker.mjs; it imports ./index.mjs). */
import * as lib from './index.js';
import { poolWorkerHandler } from './pool-worker-core.js';
import type { PoolRequest, PoolResponse } from './pool.js';

const scope = globalThis as unknown as {
  postMessage(m: PoolResponse, transfer: ArrayBuffer[]): void;
  onmessage: ((e: MessageEvent<PoolRequest>) => void) | null;
};
const handle = poolWorkerHandler(lib, (m, transfer) => scope.postMessage(m, transfer));
scope.onmessage = (e) => handle(e.data);
