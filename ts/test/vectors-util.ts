import { availableBackends } from './lib.js';
// Loaders for the ML-DSA test vectors in <repo>/vectors (see vectors/PROVENANCE.md).
// Shared by wycheproof.test.ts and acvp.test.ts. Every file is read (and gunzipped) once.
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const VECTORS_DIR = fileURLToPath(new URL('../../vectors/', import.meta.url));

/** Every backend this runtime can run (vitest starts Node with relaxed SIMD enabled). */
export const BACKENDS = availableBackends();

export type ParamSet = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
export type SchemeKey = 'mlDsa44' | 'mlDsa65' | 'mlDsa87';

export function schemeKey(p: string): SchemeKey {
  switch (p) {
    case 'ML-DSA-44':
      return 'mlDsa44';
    case 'ML-DSA-65':
      return 'mlDsa65';
    case 'ML-DSA-87':
      return 'mlDsa87';
    default:
      throw new Error(`unknown parameter set ${JSON.stringify(p)}`);
  }
}

/** Strict hex decoding (Buffer.from(…, 'hex') silently stops at the first bad digit). */
export function hex(s: string): Uint8Array {
  if (typeof s !== 'string' || s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) {
    throw new Error(`bad hex string (length ${String((s as string)?.length)})`);
  }
  // A plain Uint8Array (not a Buffer) - what users pass.
  return new Uint8Array(Buffer.from(s, 'hex'));
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** Compare hex strings case-insensitively (ACVP uses upper case, Wycheproof lower case). */
export const lc = (s: string): string => s.toLowerCase();

/** Read a JSON file under vectors/; `rel` may name either `x.json` or `x.json.gz`. */
export function readVectorJson<T = unknown>(rel: string): T {
  let p = join(VECTORS_DIR, rel);
  if (!existsSync(p) && !p.endsWith('.gz') && existsSync(`${p}.gz`)) p += '.gz';
  if (!existsSync(p)) throw new Error(`missing vector file ${p}`);
  let buf = readFileSync(p);
  if (p.endsWith('.gz')) buf = gunzipSync(buf);
  return JSON.parse(buf.toString('utf8')) as T;
}

/** M' of pure ML-DSA.Sign (FIPS 204 Alg. 2): 0x00 ‖ |ctx| ‖ ctx ‖ M. */
export function pureMPrime(ctx: Uint8Array, msg: Uint8Array): Uint8Array {
  if (ctx.length > 255) throw new Error('ctx too long');
  const out = new Uint8Array(2 + ctx.length + msg.length);
  out[0] = 0;
  out[1] = ctx.length;
  out.set(ctx, 2);
  out.set(msg, 2 + ctx.length);
  return out;
}

// ---------------------------------------------------------------------------
// Minimal DER reader for the two wrappers Wycheproof uses (PKCS#8 seed form and SPKI).

interface Tlv {
  tag: number;
  start: number;
  end: number;
  next: number;
}

function readTlv(b: Uint8Array, off: number): Tlv {
  if (off + 2 > b.length) throw new Error('DER: truncated');
  const tag = b[off]!;
  let len = b[off + 1]!;
  let p = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || p + n > b.length) throw new Error('DER: bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | b[p + i]!;
    p += n;
  }
  if (p + len > b.length) throw new Error('DER: truncated value');
  return { tag, start: p, end: p + len, next: p + len };
}

/** id-ml-dsa-44/65/87 = 2.16.840.1.101.3.4.3.{17,18,19}. */
const OID_PREFIX = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03];
const OID_LAST: Record<ParamSet, number> = { 'ML-DSA-44': 0x11, 'ML-DSA-65': 0x12, 'ML-DSA-87': 0x13 };

function expectAlgId(b: Uint8Array, seq: Tlv, param: ParamSet): void {
  if (seq.tag !== 0x30) throw new Error('DER: AlgorithmIdentifier not a SEQUENCE');
  const oid = readTlv(b, seq.start);
  if (oid.tag !== 0x06) throw new Error('DER: no OID');
  const want = [...OID_PREFIX, OID_LAST[param]];
  const got = [...b.subarray(oid.start, oid.end)];
  if (got.join() !== want.join()) throw new Error(`DER: OID is not ${param}`);
  if (oid.next !== seq.end) throw new Error('DER: AlgorithmIdentifier has parameters');
}

/** PKCS#8 PrivateKeyInfo, seed-only form: returns the 32-byte seed. */
export function parsePkcs8Seed(der: Uint8Array, param: ParamSet): Uint8Array {
  const top = readTlv(der, 0);
  if (top.tag !== 0x30 || top.end !== der.length) throw new Error('DER: bad PrivateKeyInfo');
  const ver = readTlv(der, top.start);
  if (ver.tag !== 0x02 || ver.end - ver.start !== 1 || der[ver.start] !== 0) throw new Error('DER: version');
  const alg = readTlv(der, ver.next);
  expectAlgId(der, alg, param);
  const oct = readTlv(der, alg.next);
  if (oct.tag !== 0x04 || oct.end !== top.end) throw new Error('DER: privateKey not an OCTET STRING');
  const choice = readTlv(der, oct.start);
  if (choice.tag !== 0x80 || choice.end !== oct.end) throw new Error('DER: not the seed form');
  return der.slice(choice.start, choice.end);
}

/** SubjectPublicKeyInfo: returns the raw public key bytes. */
export function parseSpki(der: Uint8Array, param: ParamSet): Uint8Array {
  const top = readTlv(der, 0);
  if (top.tag !== 0x30 || top.end !== der.length) throw new Error('DER: bad SPKI');
  const alg = readTlv(der, top.start);
  expectAlgId(der, alg, param);
  const bits = readTlv(der, alg.next);
  if (bits.tag !== 0x03 || bits.end !== top.end || der[bits.start] !== 0) throw new Error('DER: bad BIT STRING');
  return der.slice(bits.start + 1, bits.end);
}

// ---------------------------------------------------------------------------
// Wycheproof (schemas: vectors/wycheproof/schemas/mldsa_*.json)

export interface WpVerifyTest {
  tcId: number;
  comment: string;
  msg: string;
  ctx?: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
  flags: string[];
}
export interface WpVerifyGroup {
  type: 'MlDsaVerify';
  publicKey: string;
  publicKeyDer: string;
  tests: WpVerifyTest[];
}

export interface WpSignTest {
  tcId: number;
  comment: string;
  msg?: string;
  ctx?: string;
  rnd?: string;
  mu?: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
  flags: string[];
}
export interface WpSignSeedGroup {
  type: 'MlDsaSign';
  privateSeed: string;
  privateKeyPkcs8?: string;
  publicKey: string | null;
  tests: WpSignTest[];
}
export interface WpSignNoSeedGroup {
  type: 'MlDsaSign';
  privateKey: string;
  publicKey: string | null;
  tests: WpSignTest[];
}

export interface WpFile<G> {
  algorithm: string;
  schema: string;
  numberOfTests: number;
  testGroups: G[];
}

export type WpKind = 'verify' | 'sign_seed' | 'sign_noseed';
export const WP_LEVELS = [44, 65, 87] as const;
export const WP_KINDS: readonly WpKind[] = ['verify', 'sign_seed', 'sign_noseed'];

export function wycheproofFileName(level: number, kind: WpKind): string {
  return `mldsa_${level}_${kind}_test.json`;
}

export function loadWycheproof<G>(level: number, kind: WpKind): WpFile<G> {
  const f = readVectorJson<WpFile<G>>(`wycheproof/${wycheproofFileName(level, kind)}`);
  const schema = `mldsa_${kind}_schema.json`;
  if (f.schema !== schema) throw new Error(`${wycheproofFileName(level, kind)}: schema ${f.schema}, expected ${schema}`);
  if (f.algorithm !== `ML-DSA-${level}`) throw new Error(`unexpected algorithm ${f.algorithm}`);
  return f;
}

export function countTests(f: WpFile<{ tests: unknown[] }>): number {
  return f.testGroups.reduce((n, g) => n + g.tests.length, 0);
}

// ---------------------------------------------------------------------------
// ACVP (prompt + expectedResults, joined by tgId/tcId)

export interface AcvpFile<G> {
  vsId: number;
  algorithm: string;
  mode: string;
  revision: string;
  testGroups: G[];
}
export interface AcvpGroup<T> {
  tgId: number;
  tests: T[];
  [k: string]: unknown;
}

export interface AcvpCase<GP, TP, TE> {
  group: GP;
  test: TP;
  expected: TE;
}

/**
 * Loads `<dir>/prompt.json[.gz]` and `<dir>/expectedResults.json[.gz]` and pairs every prompt test
 * with its expected result by tcId (which ACVP keeps unique across a vector set). Throws if a
 * test has no expected result, or an expected result has no test.
 */
export function loadAcvp<GP extends AcvpGroup<TP>, TP extends { tcId: number }, TE extends { tcId: number }>(
  dir: string,
  mode: string,
  revision: string,
): AcvpCase<GP, TP, TE>[] {
  const prompt = readVectorJson<AcvpFile<GP>>(`acvp/${dir}/prompt.json`);
  const expected = readVectorJson<AcvpFile<AcvpGroup<TE>>>(`acvp/${dir}/expectedResults.json`);
  for (const f of [prompt, expected]) {
    if (f.algorithm !== 'ML-DSA' || f.mode !== mode || f.revision !== revision) {
      throw new Error(`${dir}: unexpected ${f.algorithm}/${f.mode}/${f.revision}`);
    }
  }
  const byId = new Map<number, { tgId: number; test: TE }>();
  for (const g of expected.testGroups) {
    for (const t of g.tests) {
      if (byId.has(t.tcId)) throw new Error(`${dir}: duplicate expected tcId ${t.tcId}`);
      byId.set(t.tcId, { tgId: g.tgId, test: t });
    }
  }
  const out: AcvpCase<GP, TP, TE>[] = [];
  const seen = new Set<number>();
  for (const g of prompt.testGroups) {
    for (const t of g.tests) {
      const e = byId.get(t.tcId);
      if (!e) throw new Error(`${dir}: no expected result for tcId ${t.tcId}`);
      if (e.tgId !== g.tgId) throw new Error(`${dir}: tcId ${t.tcId} in tgId ${g.tgId} vs ${e.tgId}`);
      if (seen.has(t.tcId)) throw new Error(`${dir}: duplicate prompt tcId ${t.tcId}`);
      seen.add(t.tcId);
      out.push({ group: g, test: t, expected: e.test });
    }
  }
  if (seen.size !== byId.size) throw new Error(`${dir}: ${byId.size - seen.size} expected results without a prompt test`);
  return out;
}
