// Environment-neutral half of scripts/bench-browser.mjs: the correctness checks and the timing
// harness, run unchanged in headless Chromium (imported by index.html) and in Node.
// Nothing here touches the DOM or node: modules. The timing, statistics and formatting are the
// benchmark core's (bench/, TypeScript): scripts/bench-browser.mjs bundles this file with esbuild
// (build/bench-browser/core.mjs) for the page and for Node.
import {
  aeadData,
  aeadLikeCases,
  aeadPlan,
  BN254_FIXTURES,
  bn254Data,
  measureInterleaved,
  nobleCases,
  pqCases,
  sodiumCases,
  timeAeadPlan,
  timeBn254,
  verifyBn254Libs,
} from '../../bench/index.ts';

export {
  aeadColumns,
  aeadTable,
  bn254Columns,
  bn254Ratios,
  bn254Table,
  fmtMicros,
  fmtRate,
  fmtRatio,
  fmtSize,
  latencyTable,
  markdownTable,
  median,
  spread,
} from '../../bench/index.ts';

export const MLDSA = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'];
export const FALCON = ['Falcon-512', 'Falcon-1024'];
const LIB_KEY = {
  'ML-DSA-44': 'mlDsa44',
  'ML-DSA-65': 'mlDsa65',
  'ML-DSA-87': 'mlDsa87',
  'Falcon-512': 'falcon512',
  'Falcon-1024': 'falcon1024',
};
const NOBLE_KEY = { ...LIB_KEY, 'ML-DSA-44': 'ml_dsa44', 'ML-DSA-65': 'ml_dsa65', 'ML-DSA-87': 'ml_dsa87' };
/** id-ml-dsa-44/65/87: 2.16.840.1.101.3.4.3.17/18/19 (for the SPKI import variant). */
const OID_LAST = { 'ML-DSA-44': 17, 'ML-DSA-65': 18, 'ML-DSA-87': 19 };

export const fromHex = (h) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const eq = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const flipped = (a, i) => {
  const c = a.slice();
  c[i] ^= 1;
  return c;
};
const b64url = (u8) => {
  let s = '';
  for (const b of u8) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
/** `name: message` of a thrown value (an Error, a DOMException, or anything else). */
function errorText(e) {
  const o = /** @type {{ name?: unknown; message?: unknown } | null | undefined} */ (e);
  return `${o?.name ?? 'Error'}: ${o?.message ?? e}`;
}
function derLen(n) {
  return n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
}
function spki(alg, pk) {
  const algId = [0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, OID_LAST[alg]];
  const bits = [0x03, ...derLen(pk.length + 1), 0x00, ...pk];
  return Uint8Array.from([0x30, ...derLen(algId.length + bits.length), ...algId, ...bits]);
}

/**
 * Imports an ML-DSA public key into WebCrypto in every format below and keeps the first that
 * works. Returns that key and format, and what each attempt said; key is null when WebCrypto has
 * no ML-DSA (or none of the formats works).
 */
export async function importWebCryptoKey(subtle, alg, pk) {
  const attempts = [];
  if (!subtle) return { key: null, format: null, attempts: ['crypto.subtle is not available'] };
  const tries = [
    ['raw-public', pk],
    ['raw', pk],
    ['spki', spki(alg, pk)],
    ['jwk', { kty: 'AKP', alg, pub: b64url(pk) }],
  ];
  let found = null;
  for (const [format, data] of tries) {
    try {
      const key = await subtle.importKey(format, data, { name: alg }, false, ['verify']);
      attempts.push(`${format}: ok`);
      found ??= { key, format };
    } catch (e) {
      attempts.push(`${format}: ${errorText(e)}`);
    }
  }
  return { key: found?.key ?? null, format: found?.format ?? null, attempts };
}

/** One loaded pqsimd backend per name, shared by every algorithm. */
async function backend(env, name) {
  env.loaded ??= new Map();
  if (!env.loaded.has(name)) env.loaded.set(name, await env.pq.loadBackend(name));
  return env.loaded.get(name);
}

class CheckError extends Error {}
function check(cond, what) {
  if (!cond) throw new CheckError(`CORRECTNESS CHECK FAILED: ${what}`);
}

/**
 * Correctness checks for one algorithm, then one closure per implementation (each returns the
 * verdict, a boolean or a Promise of one). Throws if any implementation disagrees.
 *   env: { pq: the pqsimd module, noble: { ml_dsa44, …, falcon512, falcon1024 }, subtle, backends }
 *   d:   { pk, msg, sig, seed? } as hex (seed only for ML-DSA: pk/sig were made from it with pqsimd)
 */
export async function setupAlg(env, alg, d) {
  const pk = fromHex(d.pk);
  const msg = fromHex(d.msg);
  const sig = fromHex(d.sig);
  const badSig = flipped(sig, sig.length >> 1);
  const badMsg = flipped(msg, 0);
  const isMlDsa = MLDSA.includes(alg);
  const impls = [];
  const info = { checks: /** @type {string[]} */ ([]) };
  const ok = (what) => info.checks.push(what);

  for (const name of env.backends) {
    const s = (await backend(env, name))[LIB_KEY[alg]];
    if (isMlDsa) {
      const kp = s.keygen(fromHex(d.seed));
      check(eq(kp.publicKey, pk), `${name} ${alg}: keygen(seed) differs from the setup public key`);
      check(eq(s.sign(kp.secretKey, msg, { deterministic: true }), sig), `${name} ${alg}: deterministic signature differs from the setup one`);
      ok(`${name}: keygen(seed) and deterministic sign reproduce the setup pk/sig`);
    }
    check(s.verify(pk, msg, sig) === true, `${name} ${alg}: valid signature rejected`);
    check(s.verify(pk, msg, badSig) === false, `${name} ${alg}: mutated signature accepted`);
    check(s.verify(pk, badMsg, sig) === false, `${name} ${alg}: signature of another message accepted`);
    ok(`${name}: valid true, mutated signature false, mutated message false`);
    impls.push({ name, kind: 'sync', fn: () => s.verify(pk, msg, sig) });
  }

  // The fastest backend again, through a key prepared once (like WebCrypto's imported CryptoKey);
  // skipped when this build of pqsimd has no prepare().
  const best = env.backends[0];
  const bs = best && (await backend(env, best))[LIB_KEY[alg]];
  if (typeof bs?.prepare === 'function') {
    const vk = bs.prepare(pk);
    check(vk.verify(msg, sig) === true, `${best} ${alg} prepared key: valid signature rejected`);
    check(vk.verify(msg, badSig) === false, `${best} ${alg} prepared key: mutated signature accepted`);
    check(vk.verify(badMsg, sig) === false, `${best} ${alg} prepared key: signature of another message accepted`);
    ok(`${best} prepared key: valid true, mutated signature false, mutated message false`);
    info.prepared = best;
    impls.push({ name: 'prepared', kind: 'sync', fn: () => vk.verify(msg, sig) });
  }

  if (isMlDsa) {
    const imp = await importWebCryptoKey(env.subtle, alg, pk);
    info.webcrypto = { format: imp.format, attempts: imp.attempts };
    if (imp.key) {
      const subtle = env.subtle;
      const key = imp.key;
      const algo = { name: alg };
      check((await subtle.verify(algo, key, sig, msg)) === true, `WebCrypto ${alg}: valid pqsimd signature rejected`);
      check((await subtle.verify(algo, key, badSig, msg)) === false, `WebCrypto ${alg}: mutated signature accepted`);
      check((await subtle.verify(algo, key, sig, badMsg)) === false, `WebCrypto ${alg}: signature of another message accepted`);
      ok(`WebCrypto (${imp.format}): valid true, mutated signature false, mutated message false (agrees with pqsimd)`);
      // The other direction: WebCrypto signs with the same seed, every pqsimd backend verifies.
      try {
        const sk = await subtle.importKey('raw-seed', fromHex(d.seed), algo, false, ['sign']);
        const wsig = new Uint8Array(await subtle.sign(algo, sk, msg));
        for (const name of env.backends) {
          const s = (await backend(env, name))[LIB_KEY[alg]];
          check(s.verify(pk, msg, wsig) === true, `${name} ${alg}: rejects WebCrypto's signature under the same seed`);
        }
        ok('WebCrypto sign (raw-seed import of the same seed) verifies with every pqsimd backend');
      } catch (e) {
        if (e instanceof CheckError) throw e;
        ok(`WebCrypto raw-seed sign skipped: ${errorText(e)}`);
      }
      impls.push({ name: 'WebCrypto', kind: 'async', fn: () => subtle.verify(algo, key, sig, msg) });
    }
  }

  const n = env.noble?.[NOBLE_KEY[alg]];
  if (n) {
    const nv = (s, m) => {
      try {
        return n.verify(s, m, pk) === true;
      } catch {
        return false; // noble throws on some malformed inputs: a rejection
      }
    };
    check(nv(sig, msg) === true, `noble ${alg}: valid signature rejected`);
    check(nv(badSig, msg) === false, `noble ${alg}: mutated signature accepted`);
    check(nv(sig, badMsg) === false, `noble ${alg}: signature of another message accepted`);
    ok('noble: valid true, mutated signature false, mutated message false');
    impls.push({ name: 'noble', kind: 'sync', fn: () => n.verify(sig, msg, pk) });
  }
  return { impls, info };
}

/**
 * Warm-up of warmupMs per implementation (wasm tiers up from Liftoff to TurboFan in the
 * background), which also calibrates the op count of a run to about runMs; then `runs` timed runs,
 * interleaved across implementations (the starting implementation rotates); every verdict must be
 * true. Per implementation: { warmup: { ops, ms }, n, runs, median, p50, p99, samples, … }
 * (ops/s; p50 / p99: nanoseconds per verification).
 */
export async function measure(impls, { warmupMs = 1000, runMs = 300, runs = 5 } = {}) {
  const res = await measureInterleaved(
    impls.map(({ name, kind, fn }) => ({ name, fn, async: kind === 'async', check: (v) => v === true })),
    { warmupMs, runMs, runs },
  );
  return Object.fromEntries(res);
}

/**
 * setupAlg + measure for every algorithm in `data` (progress: optional callback).
 * @param {(status: string) => void} [progress]
 */
export async function benchAll(env, data, opts, progress = () => {}) {
  const result = {};
  for (const alg of Object.keys(data)) {
    progress(`${alg}: checks`);
    const { impls, info } = await setupAlg(env, alg, data[alg]);
    progress(`${alg}: timing ${impls.map((i) => i.name).join(', ')}`);
    result[alg] = { info, cells: await measure(impls, opts) };
  }
  return result;
}

/**
 * The AEAD table (bench/aead.ts) in this runtime: pqsimd/aead on each backend in env.backends,
 * @noble/ciphers (also the reference every output is checked against) and libsodium-wrappers.
 *   env: { aead: the pqsimd/aead module, nobleCiphers: { chacha20poly1305, xchacha20poly1305, secretbox, chacha20 },
 *          sodium: libsodium-wrappers after `await sodium.ready` (or null), backends: string[] }
 *   o:   { sizes, warmupMs, runMs, runs }
 * Returns { rows, checks } (rows: bench/'s AeadRow; checks: per implementation, how often its output was checked).
 * @param {(status: string) => void} [progress]
 */
export async function benchAead(env, o, progress = () => {}) {
  const d = aeadData(env.nobleCiphers, o.sizes);
  /** @type {[string, import('../../bench/aead.ts').AeadCases][]} */
  const libs = [];
  for (const name of env.backends) libs.push([name, aeadLikeCases(await env.aead.loadBackend(name), d)]);
  libs.push(['noble', aeadLikeCases(env.nobleCiphers, d, 16)]);
  if (env.sodium) libs.push(['libsodium', sodiumCases(env.sodium, d)]);
  /** @type {import('../../bench/aead.ts').CheckCounts} */
  const counts = new Map();
  let last = '';
  const rows = await timeAeadPlan(aeadPlan(d, libs, counts), { warmupMs: o.warmupMs, runMs: o.runMs, runs: o.runs }, (label) => {
    if (label === last) return;
    last = label;
    progress(label);
  });
  return { rows, checks: Object.fromEntries(counts) };
}

/**
 * The BN254 table (bench/bn254.ts): env.bn = pqsimd/bn254, env.curves = @noble/curves' bn254,
 * env.backends = the WASM backends. Every implementation's checks against noble first (throws on a
 * mismatch), then the rows. Returns { rows, checks }.
 * @param {{ bn: { loadBackend(name: string): Promise<unknown> }; curves: import('../../bench/bn254.ts').NobleBn254; backends: string[] }} env
 * @param {{ warmupMs: number; runMs: number; runs: number }} o
 * @param {(s: string) => void} [progress]
 */
export async function benchBn254(env, o, progress = () => {}) {
  const d = bn254Data(env.curves, BN254_FIXTURES);
  const sums = new Map();
  /** @type {[string, import('../../bench/bn254.ts').Bn254Cases][]} */
  const libs = [];
  for (const name of env.backends)
    libs.push([name, pqCases(name, /** @type {import('../../bench/bn254.ts').PqBn254Like} */ (await env.bn.loadBackend(name)), d, sums)]);
  libs.push(['noble', nobleCases(d)]);
  const checks = await verifyBn254Libs(libs);
  let last = '';
  const rows = await timeBn254(libs, { warmupMs: o.warmupMs, runMs: o.runMs, runs: o.runs }, undefined, (label) => {
    if (label === last) return;
    last = label;
    progress(label);
  });
  return { rows, checks: Object.fromEntries(checks) };
}
