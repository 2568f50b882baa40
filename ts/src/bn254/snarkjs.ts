/**
 * snarkjs Groth16 JSON (verification_key.json, proof.json, public.json) to the byte layout of the
 * C entries bn254_groth16_prepare / _verify / _verify_batch (native/common/binding/pq_binding.h):
 * every number a 32-byte big-endian integer; G1 = x ‖ y; G2 = x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (the
 * EIP-197 order, imaginary part first, while snarkjs writes each Fp2 coordinate as [c0, c1] =
 * [real, imaginary]: the classic bug is to copy them over unswapped); the point at infinity = all
 * zeros. Nothing here checks a value against p or r, or a point against its curve: the C does, and
 * says 0 (invalid) for any of it.
 *
 * Two kinds of wrong input. The verification key is the application's own, so a key that is not
 * shaped like snarkjs's (not an object, a point missing or nested wrongly, protocol not 'groth16',
 * curve not BN254, nPublic not IC.length - 1) is a programming error: TypeError. Everything else
 * (the numbers of a key, and every part of a proof or of the public signals) is data: anything not
 * exactly as snarkjs writes it (a JS number instead of a decimal string, a hex string, a sign, a
 * value of 2^256 or more, a wrong nesting or count, a projective z that is neither "1" nor "0")
 * makes the verdict false, never an exception.
 */
import { describe } from '../core/bytes.js';

export const FP_BYTES = 32;
export const G1_BYTES = 64;
export const G2_BYTES = 128;
/** A proof: A (G1) ‖ B (G2) ‖ C (G1). */
export const PROOF_BYTES = G1_BYTES + G2_BYTES + G1_BYTES;
/** alpha (G1) ‖ beta, gamma, delta (G2); IC[0..n] follow, one G1 each. */
export const VK_FIXED_BYTES = G1_BYTES + 3 * G2_BYTES;

const isArray = Array.isArray;
/** At most 78 digits: 2^256 has 78. Only plain digits (no sign, no 0x, no spaces, no exponent). */
const DECIMAL = /^[0-9]{1,78}$/;
const TWO_256 = 1n << 256n;
/** The curve names a snarkjs key may carry for BN254 ('bn128' is what snarkjs writes). */
const CURVES: readonly unknown[] = ['bn128', 'bn254', 'alt_bn128'];

/** The value of a decimal string below 2^256; null for anything else. */
export function decimal(v: unknown): bigint | null {
  if (typeof v !== 'string' || !DECIMAL.test(v)) return null;
  const x = BigInt(v);
  return x < TWO_256 ? x : null;
}

/** Writes x (0 <= x < 2^256) as 32 big-endian bytes at dst[at]. (Through a hex string: a few
 * times faster than shifting the bigint byte by byte.) */
export function writeBig(dst: Uint8Array, at: number, x: bigint): void {
  const h = x.toString(16).padStart(64, '0');
  for (let i = 0; i < 32; i++) dst[at + i] = HEX_VALUE[h.charCodeAt(2 * i)]! * 16 + HEX_VALUE[h.charCodeAt(2 * i + 1)]!;
}

/** The 32 big-endian bytes at src[at] as a bigint. */
export function readBig(src: Uint8Array, at: number): bigint {
  let h = '0x';
  for (let i = 0; i < 32; i++) h += HEX_DIGITS[src[at + i]!];
  return BigInt(h);
}

const HEX_VALUE = new Uint8Array(128);
for (let i = 0; i < 16; i++) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
const HEX_DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const isObject = (v: unknown): boolean => (typeof v === 'object' && v !== null) || typeof v === 'function';

/** The entries of a snarkjs G1 point [x, y, z] (or affine [x, y]), each read once; null when `v`
 * is not an array of 2 or 3 entries that are not themselves objects. */
function g1Parts(v: unknown): unknown[] | null {
  if (!isArray(v)) return null;
  const n = v.length;
  if (n !== 2 && n !== 3) return null;
  const parts: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const e = v[i];
    if (isObject(e)) return null;
    parts.push(e);
  }
  return parts;
}

/** The entries of a snarkjs G2 point [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] (or without z),
 * each read once; null when the nesting is not that. */
function g2Parts(v: unknown): unknown[][] | null {
  if (!isArray(v)) return null;
  const n = v.length;
  if (n !== 2 && n !== 3) return null;
  const parts: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const c = v[i];
    if (!isArray(c) || c.length !== 2) return null;
    const c0 = c[0];
    const c1 = c[1];
    if (isObject(c0) || isObject(c1)) return null;
    parts.push([c0, c1]);
  }
  return parts;
}

/** Writes a G1 point (from g1Parts) at dst[at]: false when a number is not valid data. z "1":
 * the affine point (x, y), where (0, 0) is refused (it is not on the curve; in the byte layout it
 * would mean infinity); z "0": the point at infinity (snarkjs writes it ["0", "1", "0"]). */
function writeG1(dst: Uint8Array, at: number, parts: readonly unknown[]): boolean {
  const x = decimal(parts[0]);
  const y = decimal(parts[1]);
  if (x === null || y === null) return false;
  if (parts.length === 3) {
    const z = parts[2];
    if (z === '0') return true; // infinity: the bytes stay zero
    if (z !== '1') return false;
  }
  if (x === 0n && y === 0n) return false;
  writeBig(dst, at, x);
  writeBig(dst, at + FP_BYTES, y);
  return true;
}

/** Writes a G2 point (from g2Parts) at dst[at] in the EIP-197 order x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0;
 * z ["1", "0"]: affine, (0, 0) refused; z ["0", "0"]: infinity. */
function writeG2(dst: Uint8Array, at: number, parts: readonly (readonly unknown[])[]): boolean {
  const x0 = decimal(parts[0]![0]);
  const x1 = decimal(parts[0]![1]);
  const y0 = decimal(parts[1]![0]);
  const y1 = decimal(parts[1]![1]);
  if (x0 === null || x1 === null || y0 === null || y1 === null) return false;
  if (parts.length === 3) {
    const [z0, z1] = parts[2]!;
    if (z1 !== '0') return false;
    if (z0 === '0') return true;
    if (z0 !== '1') return false;
  }
  if (x0 === 0n && x1 === 0n && y0 === 0n && y1 === 0n) return false;
  writeBig(dst, at, x1);
  writeBig(dst, at + FP_BYTES, x0);
  writeBig(dst, at + 2 * FP_BYTES, y1);
  writeBig(dst, at + 3 * FP_BYTES, y0);
  return true;
}

/** A verification key in the C layout. */
export interface EncodedKey {
  /** The number of public signals (IC.length - 1). */
  readonly nPublic: number;
  /** alpha ‖ beta ‖ gamma ‖ delta ‖ IC[0..n]; null when a number of the key is not valid data (a
   * key that cannot verify anything). */
  readonly bytes: Uint8Array | null;
}

const VK_SHAPE = "a snarkjs Groth16 verification key { protocol: 'groth16', curve: 'bn128', nPublic, vk_alpha_1, vk_beta_2, vk_gamma_2, vk_delta_2, IC }";
const G1_SHAPE = 'a G1 point [x, y, z] (decimal strings)';
const G2_SHAPE = 'a G2 point [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] (decimal strings)';

/**
 * Reads a snarkjs verification key (each property once) into the C layout. TypeError (naming the
 * property) unless it has the snarkjs shape; numbers that are not valid data give `bytes: null`.
 * Other properties (vk_alphabeta_12, ...) are ignored.
 */
export function encodeKey(vk: unknown, name = 'vk'): EncodedKey {
  if (vk === null || typeof vk !== 'object' || isArray(vk)) throw new TypeError(`${name}: expected ${VK_SHAPE}, got ${describe(vk)}`);
  const o = vk as Record<string, unknown>;
  const protocol = o.protocol;
  const curve = o.curve;
  const nPublic = o.nPublic;
  const alphaV = o.vk_alpha_1;
  const betaV = o.vk_beta_2;
  const gammaV = o.vk_gamma_2;
  const deltaV = o.vk_delta_2;
  const icV = o.IC;
  if (protocol !== undefined && protocol !== 'groth16') {
    throw new TypeError(`${name}.protocol: expected 'groth16', got ${typeof protocol === 'string' ? JSON.stringify(protocol) : describe(protocol)}`);
  }
  if (curve !== undefined && !CURVES.includes(curve)) {
    throw new TypeError(`${name}.curve: expected 'bn128' (BN254, alt_bn128), got ${typeof curve === 'string' ? JSON.stringify(curve) : describe(curve)}`);
  }
  const g1 = (field: string, v: unknown): unknown[] => {
    const p = g1Parts(v);
    if (!p) throw new TypeError(`${name}.${field}: expected ${G1_SHAPE}, got ${describe(v)}`);
    return p;
  };
  const g2 = (field: string, v: unknown): unknown[][] => {
    const p = g2Parts(v);
    if (!p) throw new TypeError(`${name}.${field}: expected ${G2_SHAPE}, got ${describe(v)}`);
    return p;
  };
  const alpha = g1('vk_alpha_1', alphaV);
  const beta = g2('vk_beta_2', betaV);
  const gamma = g2('vk_gamma_2', gammaV);
  const delta = g2('vk_delta_2', deltaV);
  if (!isArray(icV) || icV.length === 0) throw new TypeError(`${name}.IC: expected a non-empty array of G1 points, got ${describe(icV)}`);
  const count = icV.length;
  const ic: unknown[][] = [];
  for (let i = 0; i < count; i++) ic.push(g1(`IC[${i}]`, icV[i]));
  if (nPublic !== undefined && nPublic !== count - 1) {
    throw new TypeError(
      `${name}.nPublic: expected ${count - 1} (IC has ${count} points: one more than the public signals), got ${describe(nPublic)} ${String(nPublic)}`,
    );
  }
  const out = new Uint8Array(VK_FIXED_BYTES + count * G1_BYTES);
  let ok = writeG1(out, 0, alpha) && writeG2(out, G1_BYTES, beta) && writeG2(out, G1_BYTES + G2_BYTES, gamma) && writeG2(out, G1_BYTES + 2 * G2_BYTES, delta);
  for (let i = 0; ok && i < count; i++) ok = writeG1(out, VK_FIXED_BYTES + i * G1_BYTES, ic[i]!);
  return { nPublic: count - 1, bytes: ok ? out : null };
}

/** The public signals (an array of `n` decimal strings) as n × 32 bytes; null when they are not. */
export function encodePublics(v: unknown, n: number): Uint8Array | null {
  if (!isArray(v) || v.length !== n) return null;
  const out = new Uint8Array(n * FP_BYTES);
  for (let i = 0; i < n; i++) {
    const x = decimal(v[i]);
    if (x === null) return null;
    writeBig(out, i * FP_BYTES, x);
  }
  return out;
}

/** Writes a snarkjs proof { pi_a, pi_b, pi_c } as A ‖ B ‖ C at dst[at] (dst zeroed there); false
 * when it is not one (a `protocol` or `curve` it carries must be Groth16 on BN254 too). */
export function writeProof(dst: Uint8Array, at: number, v: unknown): boolean {
  if (v === null || typeof v !== 'object' || isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const a = g1Parts(o.pi_a);
  const b = g2Parts(o.pi_b);
  const c = g1Parts(o.pi_c);
  const protocol = o.protocol;
  const curve = o.curve;
  if (!a || !b || !c) return false;
  if ((protocol !== undefined && protocol !== 'groth16') || (curve !== undefined && !CURVES.includes(curve))) return false;
  return writeG1(dst, at, a) && writeG2(dst, at + G1_BYTES, b) && writeG1(dst, at + G1_BYTES + G2_BYTES, c);
}
