// The reference side of the pqsimd/bn254 suites (nothing of the package): the vectors in
// vectors/bn254 (see its PROVENANCE.md) and @noble/curves bn254 as the independent judge, with the
// EIP-196/197 byte encodings of its points.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bn254 } from '@noble/curves/bn254.js';

export { bn254 };

/** Strict hex decoding into a plain Uint8Array (what users pass). */
export function hex(s: string): Uint8Array {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new Error(`bad hex string (length ${s.length})`);
  return new Uint8Array(Buffer.from(s, 'hex'));
}
export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

export const BN_VECTORS = fileURLToPath(new URL('../../vectors/bn254/', import.meta.url));

/** A JSON file of vectors/bn254. */
export function bnJson<T = unknown>(rel: string): T {
  const p = join(BN_VECTORS, rel);
  if (!existsSync(p)) throw new Error(`missing vector file ${p}`);
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}

/** The default export of an ES module of vectors/bn254 (noble-curves' eth-dump.js, seda.js). */
export async function bnModule<T = unknown>(rel: string): Promise<T> {
  const p = join(BN_VECTORS, rel);
  if (!existsSync(p)) throw new Error(`missing vector file ${p}`);
  return ((await import(pathToFileURL(p).href)) as { default: T }).default;
}

export const { Fp, Fp2, Fp12, Fr } = bn254.fields;
export const P = Fp.ORDER;
export const R = Fr.ORDER;
export type G1 = InstanceType<typeof bn254.G1.Point>;
export type G2 = InstanceType<typeof bn254.G2.Point>;
export const G1 = bn254.G1.Point;
export const G2 = bn254.G2.Point;

/** x as 32 big-endian bytes (x < 2^256). */
export function be32(x: bigint): Uint8Array {
  return new Uint8Array(Buffer.from(x.toString(16).padStart(64, '0'), 'hex'));
}
export function fromBe(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`);
}

/** `a ‖ b ‖ ...` */
export function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** EIP-196 G1 encoding: x ‖ y, infinity = 64 zeros. */
export function g1Bytes(p: G1): Uint8Array {
  if (p.equals(G1.ZERO)) return new Uint8Array(64);
  const a = p.toAffine();
  return cat(be32(a.x), be32(a.y));
}

/** EIP-197 G2 encoding: x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (imaginary first), infinity = 128 zeros. */
export function g2Bytes(q: G2): Uint8Array {
  if (q.equals(G2.ZERO)) return new Uint8Array(128);
  const a = q.toAffine();
  return cat(be32(a.x.c1), be32(a.x.c0), be32(a.y.c1), be32(a.y.c0));
}

/** noble's verdict on an ecPairing input of valid points: the product of the pairings is 1. */
export function noblePairingCheck(pairs: readonly [G1, G2][]): boolean {
  const live = pairs.filter(([a, b]) => !a.equals(G1.ZERO) && !b.equals(G2.ZERO));
  return Fp12.eql(bn254.pairingBatch(live.map(([g1, g2]) => ({ g1, g2 }))), Fp12.ONE);
}

/** Byte equality of two Uint8Arrays (any offsets). */
export function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** What `f` did: 'ok:<hex>' for bytes, 'value:<v>' for anything else, or '<ErrorName>[/<reason>]: <message>'. */
export function outcome(f: () => unknown): string {
  try {
    const v = f();
    if (v instanceof Uint8Array) return `ok:${Buffer.from(v).toString('hex')}`;
    return `value:${String(v)}`;
  } catch (e) {
    const reason = (e as { reason?: string }).reason;
    return `${(e as Error).name}${reason ? `/${reason}` : ''}: ${(e as Error).message}`;
  }
}

/** A snarkjs fixture of vectors/bn254/groth16 (manifest.json paths). */
export interface Groth16Case {
  name: string;
  vk: string;
  proof: string;
  public: string;
  expected: 'valid' | 'invalid';
  description: string;
}
export function groth16Cases(): Groth16Case[] {
  return bnJson<{ cases: Groth16Case[] }>('groth16/manifest.json').cases;
}
export function groth16Json<T = unknown>(rel: string): T {
  return bnJson<T>(join('groth16', rel));
}
