#!/usr/bin/env node
// VerifyPool speedup in Node: ML-DSA-65 and Falcon-512 verify, one batch of distinct keys, verified
// in this thread (verifyBatch) and by pools of 1..N worker_threads, per backend.
//
//   node scripts/build.mjs && node --experimental-wasm-relaxed-simd scripts/bench-pool.mjs
//        [--items N] [--runs N] [--backends a,b] [--max-workers N]
import os from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pq = await import(pathToFileURL(join(root, 'dist/index.node.mjs')).href);
const { falcon512 } = await import('@noble/post-quantum/falcon.js');

const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('--items', 512));
const RUNS = Number(arg('--runs', 5));
const cores = os.availableParallelism?.() ?? os.cpus().length;
const maxWorkers = Number(arg('--max-workers', cores));
const backends = arg('--backends', [pq.availableBackends()[0], 'wasm-simd'].filter((b, i, a) => a.indexOf(b) === i).join(',')).split(',');

await pq.ready();
const u8 = (n, f) => Uint8Array.from({ length: n }, (_, i) => f(i) & 0xff);
// ML-DSA-65: N distinct keys (nothing to share), one signature each, every 8th mutated.
const ml = [];
for (let i = 0; i < N; i++) {
  const kp = pq.mlDsa65.keygen(u8(32, (j) => i * 13 + j));
  const message = u8(64, (j) => i + j);
  const signature = pq.mlDsa65.sign(kp.secretKey, message, { deterministic: true });
  if (i % 8 === 7) signature[100] ^= 1;
  ml.push({ publicKey: kp.publicKey, message, signature });
}
// Falcon-512: 16 keys from noble, N signatures over them.
const fk = Array.from({ length: 16 }, (_, i) => falcon512.keygen(u8(48, (j) => i * 7 + j)));
const fa = [];
for (let i = 0; i < N; i++) {
  const k = fk[i % fk.length];
  if (!k) throw new Error('no key');
  const message = u8(64, (j) => i * 3 + j);
  fa.push({ publicKey: k.publicKey, message, signature: falcon512.sign(message, k.secretKey) });
}
const sets = [
  ['ML-DSA-65', ml, pq.mlDsa65],
  ['Falcon-512', fa, pq.falcon512],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
async function rate(fn, expect) {
  const warm = performance.now();
  while (performance.now() - warm < 400) if ((await fn()).join() !== expect) throw new Error('wrong verdicts');
  const rs = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    if ((await fn()).join() !== expect) throw new Error('wrong verdicts');
    rs.push((N * 1000) / (performance.now() - t0));
  }
  return median(rs);
}

const lines = [];
for (const backend of backends) {
  await pq.ready({ backend });
  for (const [alg, items, scheme] of sets) {
    const expect = scheme.verifyBatch(items).join();
    const base = await rate(async () => scheme.verifyBatch(items), expect);
    const row = [`${alg}, ${backend}`, base];
    for (let w = 1; w <= maxWorkers; w++) {
      const pool = new pq.VerifyPool({ size: w, backend });
      try {
        row.push(await rate(() => pool.verifyBatch(alg, items), expect));
      } finally {
        await pool.close();
      }
    }
    lines.push(row);
    process.stderr.write(
      `${row[0]}: ${row
        .slice(1)
        .map((x) => Math.round(x))
        .join(' / ')}\n`,
    );
  }
}
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `VerifyPool in Node ${process.version}, ${cpu}, ${cores} logical CPUs; batches of ${N} (ML-DSA-65: ${N} distinct keys; Falcon-512: 16 keys), median of ${RUNS} batches after 0.4 s warm-up; verifies/s.\n`,
);
const ws = Array.from({ length: maxWorkers }, (_, i) => i + 1);
console.log(`| Algorithm, backend | this thread (verifyBatch) | ${ws.map((w) => `${w} worker${w > 1 ? 's' : ''}`).join(' | ')} |`);
console.log(`| --- | ---: | ${ws.map(() => '---:').join(' | ')} |`);
for (const [label, base, ...p] of lines) console.log(`| ${label} | ${fmt(base)} | ${p.map((x) => `${fmt(x)} (${(x / base).toFixed(2)}×)`).join(' | ')} |`);
