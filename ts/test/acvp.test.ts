// Every case of the NIST ACVP ML-DSA vector sets (vectors/acvp): keyGen, sigGen (FIPS204 and
// FIPS204-tr1) and sigVer, on every WASM backend. Prompts are joined to expectedResults by tcId.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadBackend, type Backend } from './lib.js';
import { BACKENDS, hex, lc, loadAcvp, schemeKey, toHex, type AcvpCase, type AcvpGroup } from './vectors-util.js';

type Scheme = Backend['mlDsa44'];
type PrehashName = Parameters<Scheme['prehash']>[0];

const HASHES: readonly string[] = [
  'SHA2-224',
  'SHA2-256',
  'SHA2-384',
  'SHA2-512',
  'SHA2-512/224',
  'SHA2-512/256',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'SHAKE-128',
  'SHAKE-256',
];

// ---- vector-set shapes ------------------------------------------------------

interface KeyGenGroup extends AcvpGroup<KeyGenTest> {
  parameterSet: string;
  testType: string;
}
interface KeyGenTest {
  tcId: number;
  seed: string;
}
interface KeyGenResult {
  tcId: number;
  pk: string;
  sk: string;
}

interface SigGenGroup extends AcvpGroup<SigGenTest> {
  parameterSet: string;
  testType: string;
  deterministic: boolean;
  signatureInterface: 'external' | 'internal';
  preHash?: 'pure' | 'preHash';
  externalMu?: boolean;
  keyFormat?: 'seed' | 'expanded';
}
interface SigGenTest {
  tcId: number;
  sk?: string;
  seed?: string;
  message?: string;
  mu?: string;
  context?: string;
  hashAlg?: string;
  rnd?: string;
}
interface SigGenResult {
  tcId: number;
  signature: string;
}

interface SigVerGroup extends AcvpGroup<SigVerTest> {
  parameterSet: string;
  testType: string;
  signatureInterface: 'external' | 'internal';
  preHash?: 'pure' | 'preHash';
  externalMu?: boolean;
}
interface SigVerTest {
  tcId: number;
  pk: string;
  message?: string;
  mu?: string;
  context?: string;
  hashAlg?: string;
  signature: string;
}
interface SigVerResult {
  tcId: number;
  testPassed: boolean;
}

// ---- load once per file -------------------------------------------------------

const KEYGEN = loadAcvp<KeyGenGroup, KeyGenTest, KeyGenResult>('ML-DSA-keyGen-FIPS204', 'keyGen', 'FIPS204');
const SIGGEN = loadAcvp<SigGenGroup, SigGenTest, SigGenResult>('ML-DSA-sigGen-FIPS204', 'sigGen', 'FIPS204');
const SIGGEN_TR1 = loadAcvp<SigGenGroup, SigGenTest, SigGenResult>('ML-DSA-sigGen-FIPS204-tr1', 'sigGen', 'FIPS204-tr1');
const SIGVER = loadAcvp<SigVerGroup, SigVerTest, SigVerResult>('ML-DSA-sigVer-FIPS204', 'sigVer', 'FIPS204');

const SETS = [
  { name: 'keyGen (FIPS204)', cases: KEYGEN, expected: 75 },
  { name: 'sigGen (FIPS204)', cases: SIGGEN, expected: 360 },
  { name: 'sigGen (FIPS204-tr1)', cases: SIGGEN_TR1, expected: 720 },
  { name: 'sigVer (FIPS204)', cases: SIGVER, expected: 180 },
] as const;
const EXPECTED_TOTAL = 75 + 360 + 720 + 180;

/** Group the cases by tgId, keeping file order. */
function byGroup<G extends { tgId: number }, T, E>(cases: AcvpCase<G, T, E>[]): [G, AcvpCase<G, T, E>[]][] {
  const m = new Map<G, AcvpCase<G, T, E>[]>();
  for (const c of cases) {
    const l = m.get(c.group);
    if (l) l.push(c);
    else m.set(c.group, [c]);
  }
  return [...m.entries()];
}

function groupLabel(g: SigGenGroup | SigVerGroup): string {
  const parts = [`tgId ${g.tgId}`, g.parameterSet];
  if ('keyFormat' in g && g.keyFormat) parts.push(`key=${g.keyFormat}`);
  if ('deterministic' in g) parts.push(g.deterministic ? 'deterministic' : 'hedged');
  parts.push(g.signatureInterface);
  if (g.signatureInterface === 'external') parts.push(String(g.preHash));
  else parts.push(g.externalMu ? 'externalMu' : "M'");
  return parts.join(' ');
}

function prehashName(h: string | undefined): PrehashName {
  if (h === undefined || !HASHES.includes(h)) throw new Error(`unexpected hashAlg ${String(h)}`);
  return h as PrehashName;
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`test case lacks ${what}`);
  return v;
}

// ---- the checks ----------------------------------------------------------------

function runKeyGen(m: Scheme, c: AcvpCase<KeyGenGroup, KeyGenTest, KeyGenResult>): void {
  expect(c.group.testType).toBe('AFT');
  const kp = m.keygen(hex(c.test.seed));
  expect(kp.publicKey.length).toBe(m.lengths.publicKey);
  expect(kp.secretKey.length).toBe(m.lengths.secretKey);
  expect(toHex(kp.publicKey)).toBe(lc(c.expected.pk));
  expect(toHex(kp.secretKey)).toBe(lc(c.expected.sk));
}

function runSigGen(m: Scheme, c: AcvpCase<SigGenGroup, SigGenTest, SigGenResult>, tr1: boolean): void {
  const { group: g, test: t } = c;
  expect(g.testType).toBe('AFT');

  // Key: the expanded secret key, or (tr1 keyFormat "seed") the 32-byte seed ξ to run KeyGen on.
  let sk: Uint8Array;
  let pk: Uint8Array | undefined; // only known when we generate the key ourselves
  const keyFormat = tr1 ? g.keyFormat : 'expanded';
  if (keyFormat === 'seed') {
    expect(t.sk).toBeUndefined();
    const kp = m.keygen(hex(need(t.seed, 'seed')));
    sk = kp.secretKey;
    pk = kp.publicKey;
  } else if (keyFormat === 'expanded') {
    expect(t.seed).toBeUndefined();
    sk = hex(need(t.sk, 'sk'));
    expect(sk.length).toBe(m.lengths.secretKey);
  } else {
    throw new Error(`unexpected keyFormat ${String(keyFormat)}`);
  }

  let rndOpts: { deterministic: true } | { random: Uint8Array };
  if (g.deterministic === true) {
    expect(t.rnd).toBeUndefined();
    rndOpts = { deterministic: true };
  } else if (g.deterministic === false) {
    const rnd = hex(need(t.rnd, 'rnd'));
    expect(rnd.length).toBe(32);
    rndOpts = { random: rnd };
  } else {
    throw new Error(`unexpected deterministic ${String(g.deterministic)}`);
  }

  let sig: Uint8Array;
  let verify: ((s: Uint8Array) => boolean) | undefined;
  if (g.signatureInterface === 'external') {
    expect(t.mu).toBeUndefined();
    const msg = hex(need(t.message, 'message'));
    const ctx = hex(need(t.context, 'context'));
    if (g.preHash === 'pure') {
      expect(t.hashAlg).toBeUndefined();
      sig = m.sign(sk, msg, { ...rndOpts, context: ctx });
      if (pk) verify = (s) => m.verify(pk!, msg, s, { context: ctx });
    } else if (g.preHash === 'preHash') {
      const ph = m.prehash(prehashName(t.hashAlg));
      sig = ph.sign(sk, msg, { ...rndOpts, context: ctx });
      if (pk) verify = (s) => ph.verify(pk!, msg, s, { context: ctx });
    } else {
      throw new Error(`unexpected preHash ${String(g.preHash)}`);
    }
  } else if (g.signatureInterface === 'internal') {
    expect(t.context).toBeUndefined();
    expect(t.hashAlg).toBeUndefined();
    if (g.externalMu === true) {
      expect(t.message).toBeUndefined();
      const mu = hex(need(t.mu, 'mu'));
      expect(mu.length).toBe(64);
      sig = m.internal.sign(sk, mu, { ...rndOpts, externalMu: true });
      if (pk) verify = (s) => m.internal.verify(pk!, mu, s, { externalMu: true });
    } else if (g.externalMu === false) {
      expect(t.mu).toBeUndefined();
      const mPrime = hex(need(t.message, 'message'));
      sig = m.internal.sign(sk, mPrime, rndOpts);
      if (pk) {
        verify = (s) => m.internal.verify(pk!, mPrime, s);
        // μ of this M', signed through the external-μ interface, gives the same signature.
        const mu = m.internal.mu(pk, mPrime);
        expect(toHex(m.internal.sign(sk, mu, { ...rndOpts, externalMu: true }))).toBe(lc(c.expected.signature));
      }
    } else {
      throw new Error(`unexpected externalMu ${String(g.externalMu)}`);
    }
  } else {
    throw new Error(`unexpected signatureInterface ${String(g.signatureInterface)}`);
  }

  expect(sig.length).toBe(m.lengths.signature);
  expect(toHex(sig)).toBe(lc(c.expected.signature));
  if (verify) expect(verify(sig)).toBe(true);
}

function runSigVer(m: Scheme, c: AcvpCase<SigVerGroup, SigVerTest, SigVerResult>): void {
  const { group: g, test: t } = c;
  expect(g.testType).toBe('AFT');
  expect(typeof c.expected.testPassed).toBe('boolean');
  const pk = hex(t.pk);
  const sig = hex(t.signature);
  let ok: boolean;
  if (g.signatureInterface === 'external') {
    expect(t.mu).toBeUndefined();
    const msg = hex(need(t.message, 'message'));
    const ctx = hex(need(t.context, 'context'));
    if (g.preHash === 'pure') {
      expect(t.hashAlg).toBeUndefined();
      ok = m.verify(pk, msg, sig, { context: ctx });
    } else if (g.preHash === 'preHash') {
      ok = m.prehash(prehashName(t.hashAlg)).verify(pk, msg, sig, { context: ctx });
    } else {
      throw new Error(`unexpected preHash ${String(g.preHash)}`);
    }
  } else if (g.signatureInterface === 'internal') {
    expect(t.context).toBeUndefined();
    expect(t.hashAlg).toBeUndefined();
    if (g.externalMu === true) {
      expect(t.message).toBeUndefined();
      ok = m.internal.verify(pk, hex(need(t.mu, 'mu')), sig, { externalMu: true });
    } else if (g.externalMu === false) {
      expect(t.mu).toBeUndefined();
      const mPrime = hex(need(t.message, 'message'));
      ok = m.internal.verify(pk, mPrime, sig);
      // Same verdict through μ.
      expect(m.internal.verify(pk, m.internal.mu(pk, mPrime), sig, { externalMu: true })).toBe(c.expected.testPassed);
    } else {
      throw new Error(`unexpected externalMu ${String(g.externalMu)}`);
    }
  } else {
    throw new Error(`unexpected signatureInterface ${String(g.signatureInterface)}`);
  }
  expect(ok).toBe(c.expected.testPassed);
}

// ---- suites ----------------------------------------------------------------------

describe('ACVP ML-DSA vector files', () => {
  it('hold 75 keyGen, 360 sigGen, 720 sigGen-tr1 and 180 sigVer cases', () => {
    for (const s of SETS) expect(s.cases.length, s.name).toBe(s.expected);
    // sigVer has both verdicts (36 pass / 144 fail), so a constant answer cannot pass.
    expect(SIGVER.filter((c) => c.expected.testPassed).length).toBe(36);
  });
});

describe.each([...BACKENDS])('ACVP ML-DSA on %s', (backendName) => {
  let backend: Backend;
  const ran = { keyGen: 0, sigGen: 0, sigGenTr1: 0, sigVer: 0 };
  const registered = { keyGen: 0, sigGen: 0, sigGenTr1: 0, sigVer: 0 };

  beforeAll(async () => {
    backend = await loadBackend(backendName);
    expect(backend.name).toBe(backendName);
  });

  describe('keyGen (FIPS204)', () => {
    for (const [g, cases] of byGroup(KEYGEN)) {
      describe(`tgId ${g.tgId} ${g.parameterSet}`, () => {
        for (const c of cases) {
          registered.keyGen++;
          it(`tcId ${c.test.tcId}`, () => {
            ran.keyGen++;
            runKeyGen(backend[schemeKey(g.parameterSet)], c);
          });
        }
      });
    }
  });

  for (const [label, set, key, tr1] of [
    ['sigGen (FIPS204)', SIGGEN, 'sigGen', false],
    ['sigGen (FIPS204-tr1)', SIGGEN_TR1, 'sigGenTr1', true],
  ] as const) {
    describe(label, () => {
      for (const [g, cases] of byGroup(set)) {
        describe(groupLabel(g), () => {
          for (const c of cases) {
            registered[key]++;
            const extra = c.test.hashAlg ? ` ${c.test.hashAlg}` : '';
            it(`tcId ${c.test.tcId}${extra}`, () => {
              ran[key]++;
              runSigGen(backend[schemeKey(g.parameterSet)], c, tr1);
            });
          }
        });
      }
    });
  }

  describe('sigVer (FIPS204)', () => {
    for (const [g, cases] of byGroup(SIGVER)) {
      describe(groupLabel(g), () => {
        for (const c of cases) {
          registered.sigVer++;
          const extra = c.test.hashAlg ? ` ${c.test.hashAlg}` : '';
          it(`tcId ${c.test.tcId}${extra} expect ${c.expected.testPassed ? 'pass' : 'fail'}`, () => {
            ran.sigVer++;
            runSigVer(backend[schemeKey(g.parameterSet)], c);
          });
        }
      });
    }
  });

  // Runs after every case above (tests in a file run in order): nothing was skipped.
  it('ran every case', () => {
    const want = { keyGen: 75, sigGen: 360, sigGenTr1: 720, sigVer: 180 };
    expect(registered).toEqual(want);
    expect(ran).toEqual(want);
    expect(ran.keyGen + ran.sigGen + ran.sigGenTr1 + ran.sigVer).toBe(EXPECTED_TOTAL);
  });
});
