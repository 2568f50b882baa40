/** VerifyPool's workers in Node: worker_threads running dist/pool-worker.node.mjs. */
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PoolPlatform } from './pool.js';

export const nodePoolPlatform: PoolPlatform = {
  spawn(url, events) {
    const w = new Worker(url ?? new URL('./pool-worker.node.mjs', import.meta.url), { name: 'pqsimd-pool' });
    w.unref(); // an idle pool never keeps the process alive
    w.on('message', (m) => events.message(m));
    w.on('error', (e) => events.fail(e instanceof Error ? e : new Error(String(e))));
    w.on('messageerror', () => events.fail(new Error('VerifyPool: a message from a worker could not be deserialized')));
    w.on('exit', (code) => events.fail(new Error(`VerifyPool: a worker exited (code ${code})`)));
    return {
      post: (m, transfer) => w.postMessage(m, transfer),
      busy: (on) => (on ? w.ref() : w.unref()),
      terminate: () => void w.terminate(),
    };
  },
  defaultSize: () => (typeof availableParallelism === 'function' ? availableParallelism() : cpus().length),
};
