/**
 * @noble/post-quantum (pure JS), the reference the selftest cross-checks against and the bench
 * compares with. It stays external to dist/cli.mjs and is imported lazily: without it the CLI
 * works and skips the noble checks and columns.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AlgName, FalconAlg } from './algs.js';

export interface NobleDsa {
  lengths: { publicKey?: number; secretKey?: number; signature?: number; seed?: number };
  keygen(seed?: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { context?: Uint8Array; extraEntropy?: Uint8Array | false }): Uint8Array;
  verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array, opts?: { context?: Uint8Array }): boolean;
  internal: {
    sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { extraEntropy?: Uint8Array | false }): Uint8Array;
    verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
  };
}
export interface NobleNtt {
  encode(r: Int32Array): Int32Array;
  decode(r: Int32Array): Int32Array;
}
/** noble's Falcon (round 3, compressed detached signatures); its padded variant is not used here. */
export interface NobleFalcon {
  keygen(seed?: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { extraEntropy?: Uint8Array | false }): Uint8Array;
  verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
}
export interface Noble {
  version: string;
  algs: Record<AlgName, NobleDsa>;
  ntt?: NobleNtt;
  /** Absent in noble versions without Falcon; noble has no deterministic Falcon-1024. */
  falcon?: Partial<Record<FalconAlg, NobleFalcon>>;
}

/** @noble/post-quantum when it can be imported, else null. */
export async function loadNoble(): Promise<Noble | null> {
  let mod: { ml_dsa44: NobleDsa; ml_dsa65: NobleDsa; ml_dsa87: NobleDsa };
  try {
    mod = (await import('@noble/post-quantum/ml-dsa.js')) as unknown as typeof mod;
  } catch {
    return null;
  }
  let version = 'unknown';
  try {
    const url = import.meta.resolve('@noble/post-quantum/ml-dsa.js');
    const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(url)), 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? version;
  } catch {
    /* version stays unknown */
  }
  let ntt: NobleNtt | undefined;
  try {
    type GenCrystals = (o: Record<string, unknown>) => { NTT: NobleNtt };
    const c = (await import('@noble/post-quantum/_crystals.js')) as unknown as { genCrystals: GenCrystals };
    // The ML-DSA ring, exactly as noble's ml-dsa.js instantiates it.
    ntt = c.genCrystals({
      N: 256,
      Q: 8380417,
      F: 8347681,
      ROOT_OF_UNITY: 1753,
      newPoly: (n: number) => new Int32Array(n),
      isKyber: false,
      brvBits: 8,
    }).NTT;
  } catch {
    ntt = undefined;
  }
  let falcon: Noble['falcon'];
  try {
    const f = (await import('@noble/post-quantum/falcon.js')) as unknown as { falcon512: NobleFalcon; falcon1024: NobleFalcon };
    if (f.falcon512 && f.falcon1024) falcon = { 'Falcon-512': f.falcon512, 'Falcon-1024': f.falcon1024 };
  } catch {
    falcon = undefined;
  }
  return { version, algs: { 'ML-DSA-44': mod.ml_dsa44, 'ML-DSA-65': mod.ml_dsa65, 'ML-DSA-87': mod.ml_dsa87 }, ntt, falcon };
}

/** noble's verdict; an exception (malformed input) counts as a rejection. */
export function nobleFalconVerify(n: NobleFalcon, sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  try {
    return n.verify(sig, msg, pk) === true;
  } catch {
    return false;
  }
}
