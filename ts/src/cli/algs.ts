/**
 * Algorithm and pre-hash names, and access to the library's schemes: only through the package's
 * public API (ts/src/index.node.ts).
 */
import type * as lib from '../index.node.js';
import type { FalconVerifier, MlDsa, PrehashName } from '../index.node.js';
import { falcon512, falcon1024, falconDet1024, mlDsa44, mlDsa65, mlDsa87, PREHASH_NAMES } from '../index.node.js';

export const ALGS = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const;
export type AlgName = (typeof ALGS)[number];
const ALG_KEY = { 'ML-DSA-44': 'mlDsa44', 'ML-DSA-65': 'mlDsa65', 'ML-DSA-87': 'mlDsa87' } as const;

/** Falcon is verification-only here. Det1024 = Algorand's deterministic Falcon-1024. */
export const FALCON_ALGS = ['Falcon-512', 'Falcon-1024', 'Falcon-Det1024'] as const;
export type FalconAlg = (typeof FALCON_ALGS)[number];
const FALCON_KEY = { 'Falcon-512': 'falcon512', 'Falcon-1024': 'falcon1024', 'Falcon-Det1024': 'falconDet1024' } as const;
export type AnyAlg = AlgName | FalconAlg;
/** What `bench` measures when --alg is not given (noble has no deterministic Falcon). */
export const BENCH_DEFAULT_ALGS: readonly AnyAlg[] = [...ALGS, 'Falcon-512', 'Falcon-1024'];

/** The schemes on the default backend (facades: they use whatever ready() chose). */
const DEFAULT_SCHEMES = { mlDsa44, mlDsa65, mlDsa87, falcon512, falcon1024, falconDet1024 } as const;

export function isFalcon(a: AnyAlg): a is FalconAlg {
  return (FALCON_ALGS as readonly string[]).includes(a);
}

/** The library's own list (ACVP names, in the C core's id order). */
export const PREHASHES: readonly PrehashName[] = PREHASH_NAMES;
/** node:crypto name, output length and the last OID byte (2.16.840.1.101.3.4.2.x) of each pre-hash. */
export const PREHASH_INFO: Record<PrehashName, { node: string; len: number; oid: number }> = {
  'SHA2-256': { node: 'sha256', len: 32, oid: 0x01 },
  'SHA2-384': { node: 'sha384', len: 48, oid: 0x02 },
  'SHA2-512': { node: 'sha512', len: 64, oid: 0x03 },
  'SHA2-224': { node: 'sha224', len: 28, oid: 0x04 },
  'SHA2-512/224': { node: 'sha512-224', len: 28, oid: 0x05 },
  'SHA2-512/256': { node: 'sha512-256', len: 32, oid: 0x06 },
  'SHA3-224': { node: 'sha3-224', len: 28, oid: 0x07 },
  'SHA3-256': { node: 'sha3-256', len: 32, oid: 0x08 },
  'SHA3-384': { node: 'sha3-384', len: 48, oid: 0x09 },
  'SHA3-512': { node: 'sha3-512', len: 64, oid: 0x0a },
  'SHAKE-128': { node: 'shake128', len: 32, oid: 0x0b },
  'SHAKE-256': { node: 'shake256', len: 64, oid: 0x0c },
};

/** A loaded backend, as loadBackend returns it. */
export type Backend = Awaited<ReturnType<typeof lib.loadBackend>>;

/** The backend's per-kernel timing loops, when it has them (they are optional to the CLI). */
export type Kernels = { nttLoop(iterations: number): void; invnttLoop(iterations: number): void; run?(name: lib.KernelName, iterations: number): void };

export function kernelsOf(b: Backend): Kernels | undefined {
  const k = (b as { kernels?: Partial<Kernels> }).kernels;
  return k && typeof k.nttLoop === 'function' && typeof k.invnttLoop === 'function' ? (k as Kernels) : undefined;
}

export function schemeOf(b: Backend, alg: AlgName): MlDsa {
  return b[ALG_KEY[alg]];
}

/** The scheme on the default backend (after ready()). */
export function defaultScheme(alg: AlgName): MlDsa {
  return DEFAULT_SCHEMES[ALG_KEY[alg]];
}

export function falconOf(b: Backend, alg: FalconAlg): FalconVerifier {
  return b[FALCON_KEY[alg]];
}

/** The Falcon verifier on the default backend (after ready()). */
export function defaultFalcon(alg: FalconAlg): FalconVerifier {
  return DEFAULT_SCHEMES[FALCON_KEY[alg]];
}
