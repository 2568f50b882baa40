// The benchmark itself, in a Web Worker (the page stays responsive): correctness checks first,
// then every operation of every implementation this browser has, timed by the benchmark core
// (bench/: runs interleaved across implementations, median rate, p50 / p99 latency); then the
// AEAD section (bench/aead.ts: pqsimd/aead's WASM backends, @noble/ciphers, libsodium-wrappers).
import * as noble from './noble.js';
import * as nobleCiphers from './noble-ciphers.js';
import * as sodium from './sodium.js';
import * as pq from 'pqsimd';
import * as pqAead from 'pqsimd/aead';
import * as pqBn from 'pqsimd/bn254';
import * as curves from './noble-curves.js';
import {
  AEAD_OPS,
  type AeadCases,
  aeadData,
  aeadLikeCases,
  aeadPlan,
  BN254_FIXTURES,
  BN254_OPS,
  type Bn254Cases,
  bn254Data,
  type CheckCounts,
  nobleCases,
  type PqBn254Like,
  pqCases,
  timeBn254,
  verifyBn254Libs,
  measureInterleaved,
  type SodiumLike,
  sodiumCases,
  timeAeadPlan,
} from '../../bench/index.js';
import { importWebCryptoKey } from '../../scripts/bench-browser/core.mjs';
import {
  ALL_ALGS,
  aeadRunMs,
  aeadWarmupMs,
  MLDSA_ALGS,
  type Alg,
  type BenchOptions,
  type Check,
  type FromWorker,
  type Impl,
  type Row,
  type ToWorker,
} from './shared.js';

type Backend = Awaited<ReturnType<typeof pq.loadBackend>>;
type Fn = () => unknown;
interface Timed {
  impl: Impl;
  fn: Fn;
  async: boolean;
  opsPerCall: number;
  expectTrue: boolean;
}

const post = (m: FromWorker) => (globalThis as unknown as { postMessage(m: FromWorker): void }).postMessage(m);
/** WebCrypto, typed for what the page calls (ML-DSA and the raw-seed format are newer than lib.dom). */
interface Subtle {
  verify(a: { name: string }, key: CryptoKey, sig: Uint8Array, msg: Uint8Array): Promise<boolean>;
  sign(a: { name: string }, key: CryptoKey, msg: Uint8Array): Promise<ArrayBuffer>;
  importKey(format: string, data: Uint8Array, a: { name: string }, extractable: boolean, usages: string[]): Promise<CryptoKey>;
  generateKey(a: { name: string }, extractable: boolean, usages: string[]): Promise<unknown>;
}
const subtle = globalThis.crypto?.subtle as unknown as Subtle | undefined;

const LIB_KEY = { 'ML-DSA-44': 'mlDsa44', 'ML-DSA-65': 'mlDsa65', 'ML-DSA-87': 'mlDsa87', 'Falcon-512': 'falcon512', 'Falcon-1024': 'falcon1024' } as const;
const NOBLE: Record<Alg, noble.NobleScheme> = {
  'ML-DSA-44': noble.ml_dsa44,
  'ML-DSA-65': noble.ml_dsa65,
  'ML-DSA-87': noble.ml_dsa87,
  'Falcon-512': noble.falcon512,
  'Falcon-1024': noble.falcon1024,
};

const flipped = (a: Uint8Array, i: number) => {
  const c = a.slice();
  c[i % c.length]! ^= 1;
  return c;
};
const eq = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const u8 = (n: number, f: (i: number) => number) => Uint8Array.from({ length: n }, (_, i) => f(i) & 0xff);

let done = 0;
function tick(label: string) {
  post({ type: 'progress', done: ++done, label });
}

const checks: Check[] = [];
function check(alg: string, impl: string, what: string, ok: boolean): boolean {
  const c = { alg, impl, what, ok };
  checks.push(c);
  post({ type: 'check', check: c });
  return ok;
}
/** A check whose call may throw (a throw fails it). */
async function probe(alg: string, impl: string, what: string, f: () => unknown, want: unknown): Promise<boolean> {
  let got: unknown;
  try {
    got = await f();
  } catch (e) {
    got = `threw ${(e as Error)?.name}: ${(e as Error)?.message}`;
  }
  return check(alg, impl, `${what}${got === want ? '' : ` (got ${String(got)})`}`, got === want);
}

/** Warm-up (which sizes the runs to ~runMs), then runs interleaved across implementations (bench/). */
async function timeRow(row: Row, timed: Timed[], o: BenchOptions): Promise<void> {
  const res = await measureInterleaved(
    timed.map((t) => ({ name: t.impl, fn: t.fn, async: t.async, opsPerCall: t.opsPerCall, ...(t.expectTrue ? { check: (v: unknown) => v === true } : {}) })),
    { warmupMs: o.warmupMs, runMs: o.runMs, runs: o.runs },
    (p) => tick(`${row.label}: ${p.impl} ${p.phase === 'warmup' ? 'warm-up' : `run ${p.run}/${p.runs}`}`),
  );
  for (const [impl, m] of res) row.cells[impl as Impl] = m;
  post({ type: 'row', row });
}

async function run(o: BenchOptions): Promise<void> {
  const names = pq.availableBackends().filter((b) => b.startsWith('wasm-')) as Impl[];
  const backends = new Map<Impl, Backend>();
  for (const n of names) backends.set(n, await pq.loadBackend(n as pq.BackendName));
  const msg = u8(64, (i) => i * 131 + 7);
  const badMsg = flipped(msg, 0);
  const algs = ALL_ALGS.filter((a) => o.algs.includes(a));

  // libsodium-wrappers instantiates its WebAssembly once, before anything is timed.
  let sodiumLib: { lib: SodiumLike; libsodium: string } | null = null;
  if (o.aead) sodiumLib = await sodium.loadSodium();

  // WebCrypto ML-DSA: which parameter sets import (and how), before planning.
  const wc: Record<string, { key: CryptoKey; signKey: CryptoKey | null; format: string }> = {};
  const wcInfo: Record<string, { format: string | null; attempts: string[] }> = {};
  const mlData: Record<string, { seed: Uint8Array; pk: Uint8Array; sk: Uint8Array; sig: Uint8Array }> = {};
  for (const alg of MLDSA_ALGS.filter((a) => algs.includes(a))) {
    const lvl = Number(alg.slice(-2));
    const seed = u8(32, (i) => i * 29 + lvl);
    const ref = backends.get(names[names.length - 1]!)![LIB_KEY[alg]];
    const kp = ref.keygen(seed);
    mlData[alg] = { seed, pk: kp.publicKey, sk: kp.secretKey, sig: ref.sign(kp.secretKey, msg, { deterministic: true }) };
    const imp = await importWebCryptoKey(subtle as unknown as SubtleCrypto, alg, kp.publicKey);
    wcInfo[alg] = { format: imp.format, attempts: imp.attempts };
    if (imp.key) {
      let signKey: CryptoKey | null = null;
      try {
        signKey = await subtle!.importKey('raw-seed', seed, { name: alg }, false, ['sign']);
      } catch {
        /* no seed import: sign/keygen not timed */
      }
      wc[alg] = { key: imp.key, signKey, format: imp.format! };
    }
  }
  post({
    type: 'env',
    env: {
      availableBackends: pq.availableBackends(),
      crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
      webcrypto: wcInfo,
      nobleVersion: noble.VERSION,
      aeadVersions: { noble: nobleCiphers.VERSION, libsodiumWrappers: sodium.VERSION, libsodium: sodiumLib?.libsodium ?? 'not loaded' },
      curvesVersion: curves.VERSION,
    },
  });

  // Plan: progress steps = (1 warm-up + runs) per timed cell.
  const perCell = 1 + o.runs;
  let cells = 0;
  for (const alg of algs) {
    const isMl = (MLDSA_ALGS as readonly string[]).includes(alg);
    const web = wc[alg] ? 1 : 0;
    const webSign = wc[alg]?.signKey ? 1 : 0;
    if (isMl) cells += names.length + 1 + web + (names.length + 1 + webSign) + (names.length + 1 + webSign) + names.length;
    else cells += names.length + 1 + names.length;
  }
  if (o.kernels) cells += 4 * names.length;
  const aeadNames = o.aead ? pqAead.availableBackends().filter((b) => b.startsWith('wasm-')) : [];
  // AEAD: per row the backends, noble, and libsodium except on the raw ChaCha20 rows
  if (o.aead) for (const op of AEAD_OPS) cells += o.aeadSizes.length * (aeadNames.length + 1 + (op === 'chacha20' ? 0 : 1));
  const bnNames = o.bn254 ? pqBn.availableBackends().filter((b) => b.startsWith('wasm-')) : [];
  // BN254: per row the backends and noble, except where noble has no such operation
  if (o.bn254) cells += BN254_OPS.length * (bnNames.length + 1) - 3;
  post({ type: 'plan', total: cells * perCell });

  for (const alg of algs) {
    const isMl = (MLDSA_ALGS as readonly string[]).includes(alg);
    const nb = NOBLE[alg];
    // Keys and one signature: ML-DSA from a fixed seed (pqsimd, deterministic); Falcon from noble.
    let pk: Uint8Array;
    let sig: Uint8Array;
    if (isMl) {
      ({ pk, sig } = mlData[alg]!);
    } else {
      const kp = nb.keygen(u8(48, (i) => 0xf0 ^ i));
      pk = kp.publicKey;
      sig = nb.sign(msg, kp.secretKey, { extraEntropy: u8(48, (i) => 0x5a ^ i) });
    }
    const badSig = flipped(sig, 10);
    const bad = new Set<Impl>();

    // ---- correctness, every implementation, before any timing
    for (const [name, b] of backends) {
      const s = b[LIB_KEY[alg]];
      let ok = true;
      if (isMl) {
        const d = mlData[alg]!;
        const m = s as pq.MlDsa;
        const kp = m.keygen(d.seed);
        ok = check(alg, name, 'keygen(seed) gives the reference public key', eq(kp.publicKey, d.pk)) && ok;
        ok = check(alg, name, 'deterministic sign gives the reference signature', eq(m.sign(kp.secretKey, msg, { deterministic: true }), d.sig)) && ok;
        ok = (await probe(alg, name, 'verifies its own hedged signature', () => m.verify(d.pk, msg, m.sign(d.sk, msg)), true)) && ok;
      }
      ok = (await probe(alg, name, 'valid signature: true', () => s.verify(pk, msg, sig), true)) && ok;
      ok = (await probe(alg, name, 'mutated signature: false', () => s.verify(pk, msg, badSig), false)) && ok;
      ok = (await probe(alg, name, 'mutated message: false', () => s.verify(pk, badMsg, sig), false)) && ok;
      const vk = s.prepare(pk);
      ok = (await probe(alg, name, 'prepared key: valid true', () => vk.verify(msg, sig), true)) && ok;
      ok = (await probe(alg, name, 'prepared key: mutated signature false', () => vk.verify(msg, badSig), false)) && ok;
      ok =
        (await probe(
          alg,
          name,
          'verifyBatch: [valid, mutated]',
          () =>
            s
              .verifyBatch([
                { publicKey: pk, message: msg, signature: sig },
                { publicKey: pk, message: msg, signature: badSig },
              ])
              .join(),
          'true,false',
        )) && ok;
      if (!ok) bad.add(name);
    }
    {
      let ok = true;
      if (isMl) {
        const d = mlData[alg]!;
        ok = check(alg, 'noble', 'keygen(seed) gives the reference public key', eq(nb.keygen(d.seed).publicKey, d.pk)) && ok;
        ok = check(alg, 'noble', 'deterministic sign gives the reference signature', eq(nb.sign(msg, d.sk, { extraEntropy: false }), d.sig)) && ok;
        const ref = backends.get(names[0]!)![LIB_KEY[alg]];
        ok = (await probe(alg, 'noble', `its hedged signature verifies with ${names[0]}`, () => ref.verify(d.pk, msg, nb.sign(msg, d.sk)), true)) && ok;
      }
      ok = (await probe(alg, 'noble', 'valid signature: true', () => nb.verify(sig, msg, pk), true)) && ok;
      ok = (await probe(alg, 'noble', 'mutated signature: false', () => nb.verify(badSig, msg, pk), false)) && ok;
      ok = (await probe(alg, 'noble', 'mutated message: false', () => nb.verify(sig, badMsg, pk), false)) && ok;
      if (!ok) bad.add('noble');
    }
    const w = wc[alg];
    if (w) {
      const a = { name: alg };
      let ok = true;
      ok = (await probe(alg, 'WebCrypto', `valid signature: true (key imported as ${w.format})`, () => subtle!.verify(a, w.key, sig, msg), true)) && ok;
      ok = (await probe(alg, 'WebCrypto', 'mutated signature: false', () => subtle!.verify(a, w.key, badSig, msg), false)) && ok;
      ok = (await probe(alg, 'WebCrypto', 'mutated message: false', () => subtle!.verify(a, w.key, sig, badMsg), false)) && ok;
      if (w.signKey) {
        const wsig = new Uint8Array(await subtle!.sign(a, w.signKey, msg));
        for (const [name, b] of backends) {
          ok = (await probe(alg, 'WebCrypto', `its signature (raw-seed key) verifies with ${name}`, () => b[LIB_KEY[alg]].verify(pk, msg, wsig), true)) && ok;
        }
      }
      if (!ok) bad.add('WebCrypto');
    }

    // ---- timing
    const good = (i: Impl) => !bad.has(i);
    const backendsOk = [...backends].filter(([n]) => good(n));
    if (isMl) {
      const d = mlData[alg]!;
      const a = { name: alg };
      const kg: Timed[] = backendsOk.map(([impl, b]) => ({
        impl,
        fn: () => (b[LIB_KEY[alg]] as pq.MlDsa).keygen(d.seed),
        async: false,
        opsPerCall: 1,
        expectTrue: false,
      }));
      if (good('noble')) kg.push({ impl: 'noble', fn: () => nb.keygen(d.seed), async: false, opsPerCall: 1, expectTrue: false });
      if (w?.signKey && good('WebCrypto'))
        kg.push({ impl: 'WebCrypto', fn: () => subtle!.generateKey(a, false, ['sign', 'verify']), async: true, opsPerCall: 1, expectTrue: false });
      await timeRow({ label: `${alg} keygen`, group: 'keygen', unit: 'ops/s', cells: {} }, kg, o);

      const sg: Timed[] = backendsOk.map(([impl, b]) => ({
        impl,
        fn: () => (b[LIB_KEY[alg]] as pq.MlDsa).sign(d.sk, msg),
        async: false,
        opsPerCall: 1,
        expectTrue: false,
      }));
      if (good('noble')) sg.push({ impl: 'noble', fn: () => nb.sign(msg, d.sk), async: false, opsPerCall: 1, expectTrue: false });
      if (w?.signKey && good('WebCrypto')) {
        const sk = w.signKey;
        sg.push({ impl: 'WebCrypto', fn: () => subtle!.sign(a, sk, msg), async: true, opsPerCall: 1, expectTrue: false });
      }
      await timeRow({ label: `${alg} sign`, group: 'sign', unit: 'ops/s', cells: {} }, sg, o);
    }
    const vf: Timed[] = backendsOk.map(([impl, b]) => {
      const s = b[LIB_KEY[alg]];
      return { impl, fn: () => s.verify(pk, msg, sig), async: false, opsPerCall: 1, expectTrue: true };
    });
    if (good('noble')) vf.push({ impl: 'noble', fn: () => nb.verify(sig, msg, pk), async: false, opsPerCall: 1, expectTrue: true });
    if (w && good('WebCrypto')) {
      const key = w.key;
      const a = { name: alg };
      vf.push({ impl: 'WebCrypto', fn: () => subtle!.verify(a, key, sig, msg), async: true, opsPerCall: 1, expectTrue: true });
    }
    await timeRow({ label: `${alg} verify`, group: 'verify', unit: 'ops/s', cells: {} }, vf, o);

    const pv: Timed[] = backendsOk.map(([impl, b]) => {
      const vk = b[LIB_KEY[alg]].prepare(pk);
      return { impl, fn: () => vk.verify(msg, sig), async: false, opsPerCall: 1, expectTrue: true };
    });
    await timeRow({ label: `${alg} verify, prepared key`, group: 'verify', unit: 'ops/s', cells: {} }, pv, o);
  }

  if (o.kernels) {
    const K = 64; // transforms per call
    for (const [kernel, label, coefficients] of [
      ['ML-DSA NTT', 'ML-DSA NTT', 256],
      ['ML-DSA inverse NTT', 'ML-DSA inverse NTT', 256],
      ['Falcon-512 NTT', 'Falcon-512 NTT', 512],
      ['Falcon-512 inverse NTT', 'Falcon-512 inverse NTT', 512],
    ] as const) {
      const t: Timed[] = [...backends].map(([impl, b]) => ({ impl, fn: () => b.kernels.run(kernel, K), async: false, opsPerCall: K, expectTrue: false }));
      await timeRow({ label, group: 'kernel', unit: 'transforms/s', coefficients, cells: {} }, t, o);
    }
  }
  if (o.aead && sodiumLib) await runAead(o, aeadNames, sodiumLib.lib);
  if (o.bn254) await runBn254(o, bnNames);
}

/**
 * The BN254 section: every implementation's checks against @noble/curves first (a mismatch ends
 * the run with a red banner), then the rows, timed with the AEAD section's shorter cells.
 */
async function runBn254(o: BenchOptions, names: string[]): Promise<void> {
  const d = bn254Data(curves.bn254, BN254_FIXTURES);
  const sums = new Map<number, number>();
  const libs: [string, Bn254Cases][] = [];
  for (const n of names) libs.push([n, pqCases(n, (await pqBn.loadBackend(n as pq.BackendName)) as unknown as PqBn254Like, d, sums)]);
  libs.push(['noble', nobleCases(d)]);
  try {
    for (const [impl, done] of await verifyBn254Libs(libs)) check('BN254', impl, `results equal @noble/curves': ${done.join('; ')}`, true);
    await timeBn254(
      libs,
      { warmupMs: aeadWarmupMs(o), runMs: aeadRunMs(o), runs: o.runs },
      BN254_OPS,
      (label, p) => tick(`BN254 ${label}: ${p.impl} ${p.phase === 'warmup' ? 'warm-up' : `run ${p.run}/${p.runs}`}`),
      (row) => post({ type: 'bn254-row', row }),
    );
  } catch (e) {
    check('BN254', 'all', (e as Error)?.message ?? String(e), false);
    throw e;
  }
}

/**
 * The AEAD section: every cell's output is compared in full with @noble/ciphers' before timing
 * (aeadPlan throws on a mismatch; the error ends the run with a red banner), the timed batches'
 * outputs by windows; the counts become the page's checks.
 */
async function runAead(o: BenchOptions, names: string[], sodiumLib: SodiumLike): Promise<void> {
  const d = aeadData(nobleCiphers.lib, o.aeadSizes);
  check('AEAD', 'noble', 'reproduces the RFC 8439 §2.8.2 ChaCha20-Poly1305 vector (the reference outputs)', true);
  const libs: [string, AeadCases][] = [];
  for (const n of names) libs.push([n, aeadLikeCases(await pqAead.loadBackend(n as pq.BackendName), d)]);
  libs.push(['noble', aeadLikeCases(nobleCiphers.lib, d, 16)]);
  libs.push(['libsodium', sodiumCases(sodiumLib, d)]);
  const counts: CheckCounts = new Map();
  try {
    await timeAeadPlan(
      aeadPlan(d, libs, counts),
      { warmupMs: aeadWarmupMs(o), runMs: aeadRunMs(o), runs: o.runs },
      (label, p) => tick(`${label}: ${p.impl} ${p.phase === 'warmup' ? 'warm-up' : `run ${p.run}/${p.runs}`}`),
      (row) => post({ type: 'aead-row', row }),
    );
  } catch (e) {
    check('AEAD', 'all', (e as Error)?.message ?? String(e), false);
    throw e;
  }
  for (const [impl, c] of counts) {
    const tamper = c.tamperRejected ? `, a flipped tag rejected in ${c.tamperRejected} open cells` : '';
    check('AEAD', impl, `every output equals @noble/ciphers' (${c.full} full comparisons${tamper}; ${c.timed} timed batches checked)`, true);
  }
}

(globalThis as unknown as { onmessage: (e: MessageEvent<ToWorker>) => void }).onmessage = (e) => {
  if (e.data?.type !== 'run') return;
  done = 0;
  run(e.data.opts).then(
    () => post({ type: 'done' }),
    (err) => post({ type: 'error', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
  );
};
