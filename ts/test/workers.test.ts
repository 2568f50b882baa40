// The addon (and WASM) from several worker_threads at once: 4 workers x many
// verifies of mixed valid/invalid inputs, every verdict checked; plus inputs the
// native path must handle: detached buffers, empty and 64 MiB messages.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, loadBackend, mlDsa44, ready } from './lib.js';

const DIST = pathToFileURL(resolve(__dirname, '../../dist/index.node.mjs')).href;
const PER_WORKER = Number(process.env.PQSIMD_STRESS ?? 10000);

interface Case {
  pk: Uint8Array;
  msg: Uint8Array;
  sig: Uint8Array;
  ok: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  const keys = [1, 2, 3].map((i) => mlDsa44.keygen(new Uint8Array(32).fill(i)));
  for (let i = 0; i < 24; i++) {
    const k = keys[i % 3]!;
    const msg = new Uint8Array(i * 37).fill(i);
    const sig = mlDsa44.sign(k.secretKey, msg, { deterministic: true });
    out.push({ pk: k.publicKey, msg, sig, ok: true });
    const bad = sig.slice();
    bad[(i * 101) % bad.length]! ^= 1 << (i % 8);
    out.push({ pk: k.publicKey, msg, sig: bad, ok: false });
    out.push({ pk: keys[(i + 1) % 3]!.publicKey, msg, sig, ok: false });
    out.push({ pk: k.publicKey, msg, sig: sig.subarray(0, sig.length - 1), ok: false });
  }
  return out;
}

function runWorker(backend: string, work: Case[], n: number): Promise<{ done: number; wrong: number }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.dist).then(async (m) => {
      await m.ready({ backend: workerData.backend });
      let wrong = 0, done = 0;
      for (let i = 0; i < workerData.n; i++) {
        const c = workerData.cases[i % workerData.cases.length];
        if (m.mlDsa44.verify(c.pk, c.msg, c.sig) !== c.ok) wrong++;
        done++;
      }
      parentPort.postMessage({ done, wrong });
    }).catch((e) => parentPort.postMessage({ error: String(e) }));`;
  return new Promise((res, rej) => {
    const w = new Worker(code, { eval: true, workerData: { dist: DIST, backend, cases: work, n } });
    w.once('message', (m) => (m.error ? rej(new Error(m.error)) : res(m)));
    w.once('error', rej);
  });
}

describe('worker_threads', () => {
  let work: Case[];
  beforeAll(async () => {
    await ready();
    work = cases();
  });

  // the native backends take the full 4 x 10k; the WASM ones a quarter of it (2 cores)
  for (const backend of availableBackends().filter((b) => b !== 'wasm-relaxed')) {
    const n = backend.startsWith('native-') ? PER_WORKER : Math.ceil(PER_WORKER / 4);
    it(`4 workers x ${n} verifies on ${backend}: every verdict right`, async () => {
      const results = await Promise.all([0, 1, 2, 3].map(() => runWorker(backend, work, n)));
      for (const r of results) expect(r).toEqual({ done: n, wrong: 0 });
    }, 300_000);
  }
});

describe('inputs at the edges, every backend', () => {
  for (const name of availableBackends()) {
    it(`${name}: detached buffers: verify false, sign TypeError; empty and 64 MiB messages verify`, async () => {
      const b = await loadBackend(name);
      const m = b.mlDsa44;
      const kp = m.keygen(new Uint8Array(32).fill(9));
      const empty = new Uint8Array(0);
      const sig0 = m.sign(kp.secretKey, empty, { deterministic: true });
      expect(m.verify(kp.publicKey, empty, sig0)).toBe(true);
      const big = new Uint8Array(64 * 1024 * 1024);
      big[big.length - 1] = 1;
      const sigBig = m.sign(kp.secretKey, big, { deterministic: true });
      expect(m.verify(kp.publicKey, big, sigBig)).toBe(true);
      big[12345]! ^= 1;
      expect(m.verify(kp.publicKey, big, sigBig)).toBe(false);
      const vk = m.prepare(kp.publicKey);
      expect(vk.verify(big, sigBig)).toBe(false);
      // detach: transfer the buffer away
      const msg = new Uint8Array(100);
      const sig = m.sign(kp.secretKey, msg, { deterministic: true });
      structuredClone(msg.buffer, { transfer: [msg.buffer] });
      expect(msg.byteLength).toBe(0);
      // a detached Uint8Array: verify answers false (bad bytes, never a throw), sign refuses it
      // (TypeError naming the argument: it must not sign an empty message instead), on every backend
      expect(m.verify(kp.publicKey, msg, sig)).toBe(false);
      expect(() => m.sign(kp.secretKey, msg)).toThrow(/^message: .*detached/);
      expect(m.verify(kp.publicKey, new Uint8Array(100), sig)).toBe(true);
    }, 120_000);
  }
});
