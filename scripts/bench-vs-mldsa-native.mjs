#!/usr/bin/env node
// pqsimd through Node next to mldsa-native's own benchmark, alternating, on one machine:
//   node scripts/bench-vs-mldsa-native.mjs --mldsa-native DIR [--rounds 3] [--backends native-avx2,native-avx512]
// DIR is a checkout of mldsa-native you provide (nothing is downloaded). Its benchmark is built
// with its own Makefile (`make bench CYCLES=PMU`: rdtsc on x86-64, its native backend on) and run
// for ML-DSA-44/65/87; each round then measures pqsimd in this process on the same operations:
// random keygen (a fresh 32-byte seed each time), hedged sign (fresh rnd) and verify, 59-byte
// message, 1-byte context (mldsa-native's test/bench_mldsa.c uses the same sizes). pqsimd's
// times include the N-API call, the argument checks and drawing randomness; mldsa-native's are the
// C alone. Medians of rdtsc ticks; the last columns are pqsimd / mldsa-native.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    'mldsa-native': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    backends: { type: 'string' },
    out: { type: 'string' },
  },
});
const dir = opts['mldsa-native'];
if (!dir || !existsSync(join(dir, 'Makefile'))) {
  console.error('usage: bench-vs-mldsa-native.mjs --mldsa-native DIR (a checkout of mldsa-native) [--rounds N] [--backends a,b] [--out FILE]');
  process.exit(2);
}
const root = resolve(new URL('..', import.meta.url).pathname);
const pq = await import(pathToFileURL(join(root, 'dist/index.node.mjs')).href);
const ticks = pq.tickCounter();
if (!ticks) throw new Error('no tick counter: this needs the native addon on x86-64 or AArch64');
const now = () => Number(ticks.read());
const rounds = Number(opts.rounds);
const backends = opts.backends ? opts.backends.split(',') : pq.availableBackends().filter((b) => b.startsWith('native-') && b !== 'native-portable');

console.error(`building mldsa-native's benchmark in ${dir} ...`);
execFileSync('make', ['-C', dir, '-j2', 'bench', 'CYCLES=PMU'], { stdio: ['ignore', 'ignore', 'inherit'] });
/** @param {number} level */
const binary = (level) => {
  const cands = [`test/build/mldsa${level}/bin/bench_mldsa${level}`, `test/build/mldsa${level}/bin/bench_mldsa`];
  const found = cands.map((c) => join(dir, c)).find((p) => existsSync(p));
  if (!found) throw new Error(`no bench binary for ML-DSA-${level} under ${dir}/test/build`);
  return found;
};

/** mldsa-native's medians (its "percentiles" line, the 50th) for one parameter set. */
function runMldsaNative(level) {
  const out = execFileSync(binary(level), { encoding: 'utf8' });
  const legend = out.split('\n').find((l) => /^\s*percentile/.test(l));
  if (!legend) throw new Error(`no percentile legend in the output of ${binary(level)}`);
  const cols = legend.trim().split(/\s+/).slice(1).map(Number);
  const at50 = cols.indexOf(50);
  const med = {};
  for (const op of ['keypair', 'sign', 'verify']) {
    const line = out.split('\n').find((l) => l.trim().startsWith(`${op} percentiles:`));
    if (!line) throw new Error(`no ${op} percentiles in the output of ${binary(level)}`);
    med[op] = Number((line.split(':')[1] ?? '').trim().split(/\s+/)[at50]);
  }
  return med;
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
};

/** pqsimd's medians on one backend, for one parameter set. */
function runPqsimd(be, key) {
  const m = be[key];
  const msg = new Uint8Array(59).fill(3);
  const context = new Uint8Array(1).fill(1);
  const kp = m.keygen();
  const sig = m.sign(kp.secretKey, msg, { context });
  const fns = {
    keypair: () => m.keygen(),
    sign: () => m.sign(kp.secretKey, msg, { context }),
    verify: () => m.verify(kp.publicKey, msg, sig, { context }),
  };
  const med = {};
  for (const [op, f] of Object.entries(fns)) {
    for (const end = performance.now() + 200; performance.now() < end; ) f();
    const t = [];
    for (let i = 0; i < 1000; i++) {
      const t0 = now();
      f();
      t.push(now() - t0);
    }
    med[op] = median(t);
  }
  return med;
}

const loaded = Object.fromEntries(await Promise.all(backends.map(async (b) => [b, await pq.loadBackend(b)])));
const results = {}; // `${who}/${level}/${op}` -> medians per round
const add = (k, v) => {
  results[k] ??= [];
  results[k].push(v);
};
for (let r = 0; r < rounds; r++) {
  for (const level of [44, 65, 87]) {
    const ref = runMldsaNative(level);
    for (const op of Object.keys(ref)) add(`mldsa-native/${level}/${op}`, ref[op]);
    for (const b of backends) {
      const mine = runPqsimd(loaded[b], `mlDsa${level}`);
      for (const op of Object.keys(mine)) add(`${b}/${level}/${op}`, mine[op]);
    }
  }
  console.error(`round ${r + 1}/${rounds} done`);
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = [
  `\`node scripts/bench-vs-mldsa-native.mjs --mldsa-native ${dir} --rounds ${rounds}\`, ${new Date().toISOString().slice(0, 10)};`,
  `median ${ticks.source} ticks per call (the median of the ${rounds} rounds' medians).`,
  '',
  `| operation | mldsa-native (C) | ${backends.map((b) => `pqsimd ${b} (Node)`).join(' | ')} | ${backends.map((b) => `${b} / mldsa-native`).join(' | ')} |`,
  `| --- | ---: | ${backends.map(() => '---:').join(' | ')} | ${backends.map(() => '---:').join(' | ')} |`,
];
for (const level of [44, 65, 87]) {
  for (const [op, label] of [
    ['keypair', 'keygen (random)'],
    ['sign', 'sign (hedged)'],
    ['verify', 'verify'],
  ]) {
    const ref = median(results[`mldsa-native/${level}/${op}`]);
    const mine = backends.map((b) => median(results[`${b}/${level}/${op}`]));
    lines.push(`| ML-DSA-${level} ${label} | ${fmt(ref)} | ${mine.map(fmt).join(' | ')} | ${mine.map((v) => (v / ref).toFixed(2)).join(' | ')} |`);
  }
}
const md = lines.join('\n');
console.log(md);
if (opts.out) (await import('node:fs')).writeFileSync(opts.out, `${md}\n`);
