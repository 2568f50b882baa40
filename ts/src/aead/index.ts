/**
 * pqsimd/aead: ChaCha20-Poly1305 (RFC 8439), XChaCha20-Poly1305, XSalsa20-Poly1305 (NaCl
 * secretbox), libsodium's secretstream, the ChaCha20 / XChaCha20 / Salsa20 / XSalsa20 stream
 * ciphers, HChaCha20 / HSalsa20 and Poly1305, on the fastest backend this runtime offers (the
 * native addon's SIMD kernels in Node, else WebAssembly SIMD128 or scalar). `await ready()` once,
 * then everything is synchronous. Importing this module registers the AEAD family (ready() then
 * loads its WASM module too); the root `pqsimd` entry does not re-export it.
 */
import { type FamilyDef, familyInstance, loadFamiliesOn, registerFamily } from '../core/backends.js';
import type { Driver } from '../core/driver.js';
import type { BackendName } from '../types.js';
import { type Aead, aeadBench, aeadFacade, createAead } from './scheme.js';

export { backend, backendInfo, backends, availableBackends, BACKEND_NAMES, ready } from '../core/api.js';
export type { BackendInfo, BackendName, CompiledWasmModule, ReadyOptions, WasmFamily, WasmFamilyModules } from '../types.js';
export { AeadError, SECRETSTREAM_TAG } from './scheme.js';
export type {
  Aead,
  AeadCipher,
  AeadConstructor,
  AeadName,
  DetachedCiphertext,
  OpenItem,
  SealItem,
  SecretBox,
  SecretBoxConstructor,
  Secretstream,
  SecretstreamMessage,
  SecretstreamPull,
  SecretstreamPush,
  XorStream,
} from './scheme.js';

/** The AEAD family bound to one backend. */
export interface AeadFamily extends Aead {
  /** Runs one AEAD kernel `iterations` times inside the backend (PQ_BENCH_AEAD_* ids): a
   * checksum, or -1 when this build has no such kernel. */
  bench(id: number, iterations: number): number;
  /** Bytes of WASM linear memory behind these functions (0 on the native addon). */
  memoryBytes(): number;
}

/** One independently loaded backend of the AEAD family (see loadBackend). */
export interface AeadBackend extends AeadFamily {
  readonly name: BackendName;
}

/** @internal The family's registration. */
export const AEAD_FAMILY: FamilyDef<AeadFamily> = Object.freeze({
  family: 'aead',
  wasm: Object.freeze({
    relaxed: () => import('./wasm-relaxed.js'),
    simd: () => import('./wasm-simd.js'),
    scalar: () => import('./wasm-scalar.js'),
  }),
  residentBytes: 0,
  create: (driver: Driver): AeadFamily =>
    Object.freeze({
      ...createAead(driver),
      bench: (id: number, iterations: number) => aeadBench(driver, id, iterations),
      memoryBytes: () => driver.memoryBytes(),
    }),
});
registerFamily(AEAD_FAMILY);

/**
 * Loads backend `name` as an independent instance of the AEAD family (what the cross-backend
 * tests and the benchmark use); ready() and the default backend are not affected.
 */
export async function loadBackend(name: BackendName): Promise<AeadBackend> {
  registerFamily(AEAD_FAMILY);
  const inst = await loadFamiliesOn(name, [AEAD_FAMILY as FamilyDef<unknown>]);
  return Object.freeze({ name, ...(inst.get('aead') as AeadFamily) });
}

const F = aeadFacade(() => familyInstance<AeadFamily>('aead', 'pqsimd/aead'));

/**
 * ChaCha20-Poly1305 (RFC 8439): `chacha20poly1305(key32, nonce12, aad?)` -> { encrypt, decrypt,
 * encryptDetached, decryptDetached }; encrypt gives ciphertext ‖ tag. One encrypt() per object
 * (nonce-reuse guard). `.sealMany` / `.openMany` for batches.
 */
export const chacha20poly1305 = F.chacha20poly1305;
/**
 * XChaCha20-Poly1305 (24-byte random-safe nonce; libsodium's crypto_aead_xchacha20poly1305_ietf):
 * the same API as chacha20poly1305.
 */
export const xchacha20poly1305 = F.xchacha20poly1305;
/**
 * XSalsa20-Poly1305, NaCl's secretbox: `xsalsa20poly1305(key32, nonce24)` -> { seal/encrypt,
 * open/decrypt, ... } with libsodium's `_easy` layout, tag ‖ ciphertext. No associated data.
 */
export const xsalsa20poly1305 = F.xsalsa20poly1305;
/** The same function as xsalsa20poly1305 (NaCl / libsodium crypto_secretbox_easy). */
export const secretbox = F.secretbox;
/**
 * libsodium's crypto_secretstream_xchacha20poly1305: `secretstream.init(key)` -> { header, push },
 * `secretstream.pull(key, header)` -> pull; push(message, tag?, ad?) and pull(ciphertext, ad?) ->
 * { message, tag }; secretstream.TAG = { MESSAGE, PUSH, REKEY, FINAL }.
 */
export const secretstream = F.secretstream;
/** ChaCha20 (RFC 8439: 12-byte nonce, 32-bit counter): `chacha20(key, nonce, data, out?, counter = 0)`. */
export const chacha20 = F.chacha20;
/** The original ChaCha20 (8-byte nonce, 64-bit counter), same arguments as chacha20. */
export const chacha20orig = F.chacha20orig;
/** XChaCha20 (24-byte nonce, 64-bit counter), same arguments as chacha20. */
export const xchacha20 = F.xchacha20;
/** Salsa20/20 (8-byte nonce, 64-bit counter), same arguments as chacha20. */
export const salsa20 = F.salsa20;
/** XSalsa20 (24-byte nonce, 64-bit counter), same arguments as chacha20. */
export const xsalsa20 = F.xsalsa20;
/** HChaCha20(key 32, nonce 16) -> 32-byte subkey (the XChaCha20 key derivation). */
export const hchacha20 = F.hchacha20;
/** HSalsa20(key 32, nonce 16) -> 32-byte subkey (the XSalsa20 key derivation). */
export const hsalsa20 = F.hsalsa20;
/** Poly1305(message, one-time key 32) -> 16-byte tag. */
export const poly1305 = F.poly1305;
