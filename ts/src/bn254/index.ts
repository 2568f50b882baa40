/**
 * pqsimd/bn254: the BN254 (alt_bn128) pairing curve for verification: the EVM precompiles
 * ecAdd / ecMul / ecPairing with exact EIP-196/197 semantics (and a drop-in backend for
 * @ethereumjs/evm), Groth16 verification of snarkjs JSON (one-off, prepared, batched), pairing
 * checks and the field operations, on the fastest backend this runtime offers (the native addon in
 * Node, else WebAssembly). `await ready()` once, then everything is synchronous. Importing this
 * module registers the BN254 family (ready() then loads its WASM module too); the root `pqsimd`
 * entry does not re-export it.
 */
import { type FamilyDef, familyInstance, loadFamiliesOn, registerFamily } from '../core/backends.js';
import type { Driver } from '../core/driver.js';
import type { BackendName } from '../types.js';
import { type Bn254, type Bn254Evm, type Bn254Fp, type Bn254Fp2, bn254Bench, bn254Facade, createBn254, type Groth16, preparedBytes } from './scheme.js';

export { backend, backendInfo, backends, availableBackends, BACKEND_NAMES, ready } from '../core/api.js';
export type { BackendInfo, BackendName, CompiledWasmModule, ReadyOptions, WasmFamily, WasmFamilyModules } from '../types.js';
export { Bn254Error } from './scheme.js';
export type {
  Bn254,
  Bn254ErrorReason,
  Bn254Evm,
  Bn254Fp,
  Bn254Fp2,
  EthereumjsBn254,
  FpValue,
  Groth16,
  Groth16BatchItem,
  Groth16Proof,
  Groth16PublicSignals,
  Groth16VerificationKey,
  PreparedGroth16Key,
  SnarkjsG1,
  SnarkjsG2,
} from './scheme.js';

/** The BN254 family bound to one backend. */
export interface Bn254Family extends Bn254 {
  /** Runs one BN254 kernel `iterations` times inside the backend (PQ_BENCH_BN254_* ids): a
   * checksum, or -1 when this build has no such kernel. */
  bench(id: number, iterations: number): number;
  /** Bytes of WASM linear memory behind these functions (0 on the native addon). */
  memoryBytes(): number;
}

/** One independently loaded backend of the BN254 family (see loadBackend). */
export interface Bn254Backend extends Bn254Family {
  readonly name: BackendName;
}

/** Public signals up to which a prepared key stays resident in a WASM instance between calls
 * (larger keys are copied in for each call). */
const RESIDENT_PUBLICS = 32;

/** The family's registration (not exported: loadBackend below is this entry's way to a backend). */
const BN254_FAMILY: FamilyDef<Bn254Family> = Object.freeze({
  family: 'bn254',
  wasm: Object.freeze({
    relaxed: () => import('./wasm-relaxed.js'),
    simd: () => import('./wasm-simd.js'),
    scalar: () => import('./wasm-scalar.js'),
  }),
  residentBytes: preparedBytes(RESIDENT_PUBLICS),
  create: (driver: Driver): Bn254Family =>
    Object.freeze({
      ...createBn254(driver),
      bench: (id: number, iterations: number) => bn254Bench(driver, id, iterations),
      memoryBytes: () => driver.memoryBytes(),
    }),
});
registerFamily(BN254_FAMILY);

/**
 * Loads backend `name` as an independent instance of the BN254 family (what the cross-backend
 * tests and the benchmark use); ready() and the default backend are not affected.
 */
export async function loadBackend(name: BackendName): Promise<Bn254Backend> {
  registerFamily(BN254_FAMILY);
  const inst = await loadFamiliesOn(name, [BN254_FAMILY as FamilyDef<unknown>]);
  return Object.freeze({ name, ...(inst.get('bn254') as Bn254Family) });
}

const F = bn254Facade(() => familyInstance<Bn254Family>('bn254', 'pqsimd/bn254'));

/**
 * The EVM precompiles with exact EIP-196/197 semantics, outputs byte-identical to go-ethereum's:
 * `evm.ecAdd(input)` (0x06) and `evm.ecMul(input)` (0x07) return 64 bytes, `evm.ecPairing(input)`
 * (0x08) 32 bytes (…01 or …00); a refused input throws Bn254Error with its `reason`.
 * `evm.ethereumjsBackend` is the object for @ethereumjs/evm's `bn254` option.
 */
export const evm: Bn254Evm = F.evm;
/**
 * Groth16 verification of snarkjs JSON as-is: `groth16.verify(vk, publicSignals, proof)`,
 * `groth16.prepare(vk).verify(publicSignals, proof)` (e(α, β) and the lines of γ and δ cached),
 * `groth16.verifyBatch(items)` (one random linear combination and final exponentiation per key).
 * Verdicts are booleans and never throw on data; a vk not of the snarkjs shape throws TypeError.
 */
export const groth16: Groth16 = F.groth16;
/** `pairingCheck([[g1, g2], ...])`: whether the product of the pairings is 1 (points in the EVM
 * encoding: G1 64 bytes, G2 128 bytes imaginary parts first). */
export const pairingCheck: Bn254['pairingCheck'] = F.pairingCheck;
/** Fp operations of the C core (32-byte big-endian values or bigints): `fp.mul(a, b)`,
 * `fp.sumOfProducts(a0, b0, a1, b1)` = a0·b0 + a1·b1 mod p (the fused kernel). */
export const fp: Bn254Fp = F.fp;
/** Fp2 multiplication of the C core: `fp2.mul([a0, a1], [b0, b1])` -> [c0, c1]. */
export const fp2: Bn254Fp2 = F.fp2;
