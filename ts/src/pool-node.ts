/** VerifyPool's workers in Node: worker_threads running dist/pool-worker.node.mjs by default. */
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PoolPlatform } from './pool.js';

export const nodePoolPlatform: PoolPlatform = {
  // (the CommonJS build defines import.meta.url as its own file's URL)
  defaultUrl: () => new URL('./pool-worker.node.mjs', import.meta.url),
  create: (url) => new Worker(typeof url === 'string' ? url : new URL(url.href), { name: 'pqsimd-pool' }),
  defaultSize: () => (typeof availableParallelism === 'function' ? availableParallelism() : cpus().length),
};
