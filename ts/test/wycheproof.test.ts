// Every case of the C2SP Wycheproof ML-DSA vectors (vectors/wycheproof, applied as
// vectors/wycheproof/doc/mldsa.md describes), on every WASM backend.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadBackend, type Backend } from './lib.js';
import {
  BACKENDS,
  WP_KINDS,
  WP_LEVELS,
  countTests,
  hex,
  lc,
  loadWycheproof,
  parsePkcs8Seed,
  parseSpki,
  pureMPrime,
  schemeKey,
  toHex,
  wycheproofFileName,
  type ParamSet,
  type WpFile,
  type WpKind,
  type WpSignNoSeedGroup,
  type WpSignSeedGroup,
  type WpSignTest,
  type WpVerifyGroup,
  type WpVerifyTest,
} from './vectors-util.js';

/** Sum of numberOfTests over the 9 files (vectors/PROVENANCE.md). */
const EXPECTED_TOTAL = 1138;

type AnyGroup = WpVerifyGroup | WpSignSeedGroup | WpSignNoSeedGroup;
interface LoadedFile {
  level: number;
  kind: WpKind;
  param: ParamSet;
  name: string;
  data: WpFile<AnyGroup>;
}

const FILES: LoadedFile[] = WP_LEVELS.flatMap((level) =>
  WP_KINDS.map((kind) => ({
    level,
    kind,
    param: `ML-DSA-${level}` as ParamSet,
    name: wycheproofFileName(level, kind),
    data: loadWycheproof<AnyGroup>(level, kind),
  })),
);
const TOTAL_IN_FILES = FILES.reduce((n, f) => n + countTests(f.data), 0);

type Scheme = Backend['mlDsa44'];
const ZERO32 = new Uint8Array(32);

// ---------------------------------------------------------------------------

function runVerify(m: Scheme, param: ParamSet, g: WpVerifyGroup, t: WpVerifyTest): void {
  if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`unexpected result ${t.result}`);
  const expected = t.result === 'valid';
  const pk = hex(g.publicKey);
  // The DER form must wrap exactly the raw key (SPKI with the ML-DSA OID of this file).
  expect(toHex(parseSpki(hex(g.publicKeyDer), param))).toBe(lc(g.publicKey));
  const msg = hex(t.msg);
  const sig = hex(t.sig);
  const ctx = t.ctx !== undefined ? hex(t.ctx) : undefined;

  let ok: unknown;
  expect(() => {
    ok = m.verify(pk, msg, sig, ctx !== undefined ? { context: ctx } : undefined);
  }).not.toThrow();
  expect(ok).toBe(expected);

  // Same verdict from Verify_internal on M' and on μ, where those can be formed
  // (ctx ≤ 255 bytes and a well-formed public key, which μ = H(H(pk) ‖ M') needs).
  const c = ctx ?? new Uint8Array(0);
  if (c.length <= 255 && pk.length === m.lengths.publicKey) {
    const mp = pureMPrime(c, msg);
    expect(m.internal.verify(pk, mp, sig)).toBe(expected);
    const mu = m.internal.mu(pk, mp);
    expect(mu.length).toBe(64);
    expect(m.internal.verify(pk, mu, sig, { externalMu: true })).toBe(expected);
  } else {
    expect(expected).toBe(false);
  }
}

/** A valid sign case: exact signature through every interface the case supports, then verify. */
function runValidSign(m: Scheme, sk: Uint8Array, pk: Uint8Array, t: WpSignTest): void {
  expect(t.mu, 'valid sign cases carry mu').toBeDefined();
  expect(t.sig.length).toBe(2 * m.lengths.signature);
  const want = lc(t.sig);
  const mu = hex(t.mu!);
  const rnd = t.rnd !== undefined ? hex(t.rnd) : undefined;
  if (rnd) expect(t.flags).toContain('Randomized');
  // Deterministic = rnd of 32 zero bytes; exercise both spellings of it.
  const detOpts = rnd ? { random: rnd } : { deterministic: true };
  const zeroOpts = { random: rnd ?? ZERO32 };

  // External μ (Sign_internal on μ).
  const sigMu = m.internal.sign(sk, mu, { externalMu: true, ...zeroOpts });
  expect(toHex(sigMu)).toBe(want);
  expect(m.internal.verify(pk, mu, sigMu, { externalMu: true })).toBe(true);

  if (t.msg === undefined) {
    // NIST M'-derived vectors: only μ is given (doc/mldsa.md, flag Internal).
    expect(t.flags).toContain('Internal');
    expect(t.ctx).toBeUndefined();
    return;
  }
  expect(t.flags).not.toContain('Internal');
  const msg = hex(t.msg);
  const ctx = t.ctx !== undefined ? hex(t.ctx) : undefined;

  // ML-DSA.Sign (pure, with context when the case has one).
  const sig = m.sign(sk, msg, ctx !== undefined ? { ...detOpts, context: ctx } : detOpts);
  expect(toHex(sig)).toBe(want);
  expect(m.verify(pk, msg, sig, ctx !== undefined ? { context: ctx } : undefined)).toBe(true);

  // μ computed from (pk, M') must match, and Sign_internal on M' must give the same signature.
  const mp = pureMPrime(ctx ?? new Uint8Array(0), msg);
  expect(toHex(m.internal.mu(pk, mp))).toBe(lc(t.mu!));
  expect(toHex(m.internal.sign(sk, mp, detOpts))).toBe(want);
  expect(m.internal.verify(pk, mp, sig)).toBe(true);
}

/** InvalidContext: the key is fine, the context is longer than 255 bytes. */
function runInvalidContext(m: Scheme, sk: Uint8Array, pk: Uint8Array, t: WpSignTest): void {
  expect(t.ctx).toBeDefined();
  const ctx = hex(t.ctx!);
  expect(ctx.length).toBeGreaterThan(255);
  expect(t.mu, 'no μ exists for an invalid context').toBeUndefined();
  const msg = hex(t.msg!);
  const opts = t.rnd !== undefined ? { random: hex(t.rnd) } : { deterministic: true };
  expect(() => m.sign(sk, msg, { ...opts, context: ctx })).toThrow(RangeError);
  // Sanity: the same key signs and verifies fine with an acceptable context, and verify
  // with the over-long context reports false instead of throwing.
  const sig = m.sign(sk, msg, { ...opts, context: ctx.subarray(0, 255) });
  expect(m.verify(pk, msg, sig, { context: ctx.subarray(0, 255) })).toBe(true);
  expect(m.verify(pk, msg, sig, { context: ctx })).toBe(false);
}

function expectSignInvalid(t: WpSignTest): void {
  expect(t.result).toBe('invalid');
  expect(t.sig).toBe('');
}

function runSignSeed(m: Scheme, param: ParamSet, g: WpSignSeedGroup, t: WpSignTest, kpCache: Map<AnyGroup, ReturnType<Scheme['keygen']>>): void {
  if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`unexpected result ${t.result}`);
  let seed = hex(g.privateSeed);
  if (g.privateKeyPkcs8) {
    // absent or "" for the bad-length seeds
    // PKCS#8 seed form: take the seed from the DER wrapper and check it is the group's seed.
    const fromDer = parsePkcs8Seed(hex(g.privateKeyPkcs8), param);
    expect(toHex(fromDer)).toBe(lc(g.privateSeed));
    seed = fromDer;
  }

  if (g.publicKey === null) {
    // Invalid private seed (wrong length): key generation must refuse it.
    expectSignInvalid(t);
    expect(t.flags).toContain('IncorrectPrivateKeyLength');
    expect(seed.length).not.toBe(m.lengths.seed);
    expect(() => m.keygen(seed)).toThrow(RangeError);
    return;
  }

  expect(seed.length).toBe(m.lengths.seed);
  let kp = kpCache.get(g);
  if (!kp) {
    kp = m.keygen(seed);
    kpCache.set(g, kp);
  }
  expect(toHex(kp.publicKey)).toBe(lc(g.publicKey));
  expect(kp.secretKey.length).toBe(m.lengths.secretKey);

  if (t.result === 'valid') {
    runValidSign(m, kp.secretKey, kp.publicKey, t);
    return;
  }
  expectSignInvalid(t);
  if (t.flags.includes('InvalidContext')) {
    runInvalidContext(m, kp.secretKey, kp.publicKey, t);
    return;
  }
  throw new Error(`unhandled invalid sign_seed case: flags ${t.flags.join(',')}`);
}

function runSignNoSeed(m: Scheme, g: WpSignNoSeedGroup, t: WpSignTest): void {
  if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`unexpected result ${t.result}`);
  const sk = hex(g.privateKey);
  if (t.result === 'valid') {
    expect(g.publicKey).not.toBeNull();
    expect(sk.length).toBe(m.lengths.secretKey);
    runValidSign(m, sk, hex(g.publicKey!), t);
    return;
  }
  expectSignInvalid(t);
  if (t.flags.includes('InvalidContext')) {
    expect(g.publicKey).not.toBeNull();
    runInvalidContext(m, sk, hex(g.publicKey!), t);
    return;
  }
  if (t.flags.includes('IncorrectPrivateKeyLength') || t.flags.includes('InvalidPrivateKey')) {
    if (t.flags.includes('IncorrectPrivateKeyLength')) expect(sk.length).not.toBe(m.lengths.secretKey);
    else expect(sk.length).toBe(m.lengths.secretKey);
    const msg = hex(t.msg!);
    const ctx = t.ctx !== undefined ? hex(t.ctx) : new Uint8Array(0);
    // Every signing entry point must refuse the key.
    expect(() => m.sign(sk, msg, { deterministic: true, context: ctx })).toThrow(RangeError);
    expect(() => m.sign(sk, msg, { random: ZERO32, context: ctx })).toThrow(RangeError);
    expect(() => m.internal.sign(sk, pureMPrime(ctx, msg), { deterministic: true })).toThrow(RangeError);
    if (t.mu !== undefined) {
      expect(() => m.internal.sign(sk, hex(t.mu!), { externalMu: true, deterministic: true })).toThrow(RangeError);
    }
    expect(() => m.prehash('SHA2-256').sign(sk, msg, { deterministic: true })).toThrow(RangeError);
    return;
  }
  throw new Error(`unhandled invalid sign_noseed case: flags ${t.flags.join(',')}`);
}

// ---------------------------------------------------------------------------

describe('Wycheproof ML-DSA vector files', () => {
  it(`hold ${EXPECTED_TOTAL} cases, as their numberOfTests say`, () => {
    expect(FILES.length).toBe(9);
    for (const f of FILES) expect(countTests(f.data), f.name).toBe(f.data.numberOfTests);
    expect(TOTAL_IN_FILES).toBe(EXPECTED_TOTAL);
  });
});

describe.each([...BACKENDS])('Wycheproof ML-DSA on %s', (backendName) => {
  let backend: Backend;
  let ran = 0;
  let registered = 0;
  const kpCache = new Map<AnyGroup, ReturnType<Scheme['keygen']>>();

  beforeAll(async () => {
    backend = await loadBackend(backendName);
    expect(backend.name).toBe(backendName);
  });

  for (const f of FILES) {
    describe(f.name, () => {
      for (const g of f.data.testGroups) {
        for (const t of g.tests as (WpVerifyTest | WpSignTest)[]) {
          registered++;
          const flags = t.flags.length ? ` [${t.flags.join(',')}]` : '';
          it(`tcId ${t.tcId} ${t.result}${flags}: ${t.comment}`, () => {
            ran++;
            const m = backend[schemeKey(f.param)];
            if (f.kind === 'verify') runVerify(m, f.param, g as WpVerifyGroup, t as WpVerifyTest);
            else if (f.kind === 'sign_seed') runSignSeed(m, f.param, g as WpSignSeedGroup, t as WpSignTest, kpCache);
            else runSignNoSeed(m, g as WpSignNoSeedGroup, t as WpSignTest);
          });
        }
      }
    });
  }

  // Runs after every case above (tests in a file run in order): nothing was skipped.
  it('ran every case', () => {
    expect(registered).toBe(EXPECTED_TOTAL);
    expect(ran).toBe(EXPECTED_TOTAL);
  });
});
