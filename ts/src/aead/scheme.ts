/**
 * The AEAD family over one driver: ChaCha20-Poly1305 (RFC 8439), XChaCha20-Poly1305,
 * XSalsa20-Poly1305 (NaCl secretbox), libsodium's secretstream, the raw stream ciphers,
 * HChaCha20 / HSalsa20 and Poly1305. This file checks and names every argument; the C core
 * (native/common/aead, entries of native/common/binding/pq_binding.h) does the work, through the
 * binding's transform entries (the message streams in, its output of the same length streams out).
 */
import { type Bytes, byteLength, bytes, copyInto, copyOf, describe, exactLength, isShared, overlaps, sameStart, viewOf, zero } from '../core/bytes.js';
import { COPIED_INPUT_BYTES, type Driver } from '../core/driver.js';
import { fillRandom } from '../core/random.js';
import type { EntryName } from '../gen/binding.js';

/* ---- errors -------------------------------------------------------------------------------------- */

const AUTH_FAILED = 'authentication failed: the ciphertext, tag or associated data was changed, or the key or nonce is wrong';

class AeadErrorClass extends Error {
  constructor(message: string = AUTH_FAILED) {
    super(message);
  }
}
Object.defineProperty(AeadErrorClass.prototype, 'name', { value: 'AeadError', writable: true, configurable: true });

declare const __PQSIMD_VERSION__: string;
/** One class per package version and realm, kept on globalThis like the backend registry: the ESM
 * and CommonJS copies share one ready() state, so either copy's functions may throw, and
 * `instanceof AeadError` must hold for both. */
const ERROR_KEY = Symbol.for(`pqsimd.AeadError@${typeof __PQSIMD_VERSION__ === 'string' ? __PQSIMD_VERSION__ : 'dev'}`);
const G = globalThis as unknown as Record<symbol, typeof AeadErrorClass | undefined>;

G[ERROR_KEY] ??= AeadErrorClass;
/**
 * Thrown when a ciphertext does not authenticate (decrypt, decryptDetached, open, openMany,
 * secretstream pull): a wrong tag, a ciphertext shorter than its tag, a changed ciphertext or
 * associated data, a wrong key or nonce. One message for every cause, and no plaintext is returned
 * or left in the output buffer (it is zeroed). `name` is 'AeadError'; the ESM and CommonJS builds
 * of one package version export the same class.
 */
export const AeadError: typeof AeadErrorClass = G[ERROR_KEY];
/** An authentication failure (see the AeadError class). */
export type AeadError = AeadErrorClass;

const internalError = (entry: EntryName, rc: number): Error => new Error(`pqsimd: internal error: ${entry} returned ${rc}`);

/* ---- public types -------------------------------------------------------------------------------- */

/** A ciphertext and its detached 16-byte tag (encryptDetached; the ciphertext is `out` when one
 * was given).
 *
 * (The functions with an optional `out` return `out` itself when given, typed as given, else a new
 * Bytes. Their NoInfer<O> return keeps TypeScript from inferring O from where the result goes:
 * passed straight to a BufferSource parameter, O would otherwise become Uint8Array<ArrayBufferLike>,
 * which is refused there.) */
export interface DetachedCiphertext<O extends Uint8Array = Bytes> {
  ciphertext: O;
  tag: Bytes;
}

/**
 * An AEAD bound to one key, nonce and (for the ChaCha20 ones) associated data. The object keeps
 * references to those arrays (no copies, as in @noble/ciphers): change them and later calls use
 * the new bytes (their lengths are checked again on every call).
 *
 * Nonce-reuse guard: encrypt() / encryptDetached() (and seal() on a secretbox) may be called once
 * per object; the second call throws, even if the first one failed on its arguments. Make a new
 * object with a fresh nonce for each message. decrypt may be called any number of times.
 *
 * Output buffers (`out`): exactly the length the result needs (RangeError otherwise); `out` may
 * be the input itself (in place: the same memory, e.g. `c.decrypt(sealed, sealed.subarray(0, n))`)
 * or overlap it in any other way (the input is then copied first); any byteOffset works.
 */
export interface AeadCipher {
  /** Encrypts `plaintext`: returns ciphertext ‖ tag (16 bytes), in `out` when given (exactly
   * plaintext length + 16 bytes). Once per object (see the nonce-reuse guard). */
  encrypt<O extends Uint8Array = Bytes>(plaintext: Uint8Array, out?: O): NoInfer<O>;
  /** Checks and decrypts ciphertext ‖ tag: returns the plaintext, in `out` when given (exactly
   * ciphertext length - 16 bytes). Throws AeadError when it does not authenticate; `out` is then
   * all zeros (no unverified plaintext is ever visible, also when `out` is shared memory). */
  decrypt<O extends Uint8Array = Bytes>(ciphertext: Uint8Array, out?: O): NoInfer<O>;
  /** encrypt() with the tag apart: `out` (exactly the plaintext's length) gets the ciphertext. */
  encryptDetached<O extends Uint8Array = Bytes>(plaintext: Uint8Array, out?: O): NoInfer<DetachedCiphertext<O>>;
  /** decrypt() of a ciphertext and its detached tag (a tag that is not 16 bytes: AeadError). */
  decryptDetached<O extends Uint8Array = Bytes>(ciphertext: Uint8Array, tag: Uint8Array, out?: O): NoInfer<O>;
}

/** One message of sealMany. */
export interface SealItem {
  key: Uint8Array;
  nonce: Uint8Array;
  /** Associated data (ChaCha20-Poly1305 and XChaCha20-Poly1305 only). */
  aad?: Uint8Array;
  plaintext: Uint8Array;
}

/** One message of openMany (the ciphertext with its tag, as encrypt returns it). */
export interface OpenItem {
  key: Uint8Array;
  nonce: Uint8Array;
  /** Associated data (ChaCha20-Poly1305 and XChaCha20-Poly1305 only). */
  aad?: Uint8Array;
  ciphertext: Uint8Array;
}

/** What every AEAD constructor has besides being callable. */
interface AeadStatics {
  /** 'ChaCha20-Poly1305', 'XChaCha20-Poly1305' or 'XSalsa20-Poly1305'. */
  readonly algorithm: AeadName;
  /** 32 */
  readonly keyLength: number;
  /** 12 (ChaCha20-Poly1305) or 24 */
  readonly nonceLength: number;
  /** 16 */
  readonly tagLength: number;
  /** Encrypts many messages, each under its own key and nonce: the sealed messages in order
   * (as encrypt() returns them). Every item is read and checked before any is encrypted. */
  sealMany(items: readonly SealItem[]): Bytes[];
  /** Decrypts many sealed messages: the plaintexts in order. Every item is read and checked first;
   * if any does not authenticate, throws AeadError naming it (`items[i]: ...`) and every plaintext
   * made so far is zeroed (all or nothing). */
  openMany(items: readonly OpenItem[]): Bytes[];
}

/** ChaCha20-Poly1305 / XChaCha20-Poly1305: `(key, nonce, aad?) => AeadCipher`; RangeError naming
 * `key` or `nonce` when its length is wrong. */
export interface AeadConstructor extends AeadStatics {
  (key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): AeadCipher;
}

/**
 * XSalsa20-Poly1305, NaCl's crypto_secretbox (libsodium's `_easy` layout: tag ‖ ciphertext).
 * encrypt/seal and decrypt/open are the same functions under both names. Same nonce-reuse guard as
 * AeadCipher (encrypt, encryptDetached and seal share it).
 */
export interface SecretBox extends AeadCipher {
  /** = encrypt: tag (16) ‖ ciphertext. */
  seal<O extends Uint8Array = Bytes>(plaintext: Uint8Array, out?: O): NoInfer<O>;
  /** = decrypt: AeadError when it does not authenticate. */
  open<O extends Uint8Array = Bytes>(box: Uint8Array, out?: O): NoInfer<O>;
}

/** `xsalsa20poly1305(key, nonce)` = `secretbox(key, nonce)`: no associated data (TypeError if
 * one is passed). */
export interface SecretBoxConstructor extends AeadStatics {
  (key: Uint8Array, nonce: Uint8Array): SecretBox;
}

/**
 * A raw stream cipher: `(key, nonce, data, out?, counter = 0)` returns data XOR keystream (in
 * `out` when given: exactly data's length; in place or overlapping is fine). `counter` is the first
 * 64-byte block's number (a non-negative integer: a number up to 2^53 - 1, or a bigint): RangeError before any work if
 * the data would run past the counter's end (2^32 blocks for RFC 8439 ChaCha20, 2^64 for the
 * others). No authentication: use an AEAD unless a protocol needs the raw cipher.
 */
export interface XorStream {
  <O extends Uint8Array = Bytes>(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, out?: O, counter?: number | bigint): NoInfer<O>;
  /** 32 */
  readonly keyLength: number;
  /** 12 (ChaCha20), 8 (original ChaCha20, Salsa20) or 24 (XChaCha20, XSalsa20) */
  readonly nonceLength: number;
  /** 32 (RFC 8439 ChaCha20) or 64 */
  readonly counterBits: number;
}

/** Secretstream message tags (libsodium's crypto_secretstream_xchacha20poly1305_TAG_*). */
export const SECRETSTREAM_TAG = Object.freeze({ MESSAGE: 0, PUSH: 1, REKEY: 2, FINAL: 3 } as const);

/** Encrypts the messages of one stream, in order. */
export interface SecretstreamPush {
  /**
   * Encrypts the next message: returns first byte ‖ body ‖ mac (message length + 17 bytes).
   * `tag` (default MESSAGE) is one of SECRETSTREAM_TAG; `ad` is associated data. After FINAL the
   * stream is closed: its state is wiped and later calls throw.
   */
  (message: Uint8Array, tag?: number, ad?: Uint8Array): Bytes;
  /** Explicit rekey (crypto_secretstream_xchacha20poly1305_rekey); the puller must do the same at
   * the same point. */
  rekey(): void;
}

/** The result of a secretstream pull. */
export interface SecretstreamMessage {
  message: Bytes;
  /** The message's tag (one of SECRETSTREAM_TAG for streams made by this library). */
  tag: number;
}

/** Decrypts the messages of one stream, in order. */
export interface SecretstreamPull {
  /**
   * Checks and decrypts the next message (first byte ‖ body ‖ mac) with associated data `ad`.
   * Throws AeadError if it does not authenticate: the stream is then closed (state wiped, later
   * calls throw), as it is after a FINAL message.
   */
  (ciphertext: Uint8Array, ad?: Uint8Array): SecretstreamMessage;
  /** Explicit rekey, at the point where the pusher called its rekey(). */
  rekey(): void;
}

/** libsodium's crypto_secretstream_xchacha20poly1305, wire-compatible both ways. */
export interface Secretstream {
  /** The message tags: MESSAGE 0, PUSH 1, REKEY 2, FINAL 3. */
  readonly TAG: typeof SECRETSTREAM_TAG;
  /** 32 */
  readonly keyLength: number;
  /** 24 */
  readonly headerLength: number;
  /** Bytes a pushed message grows by: 17 (first byte and 16-byte mac). */
  readonly overhead: number;
  /** Starts a stream under `key` with a fresh random header (send it first; the puller needs it). */
  init(key: Uint8Array): { header: Bytes; push: SecretstreamPush };
  /** Opens the stream that starts with `header`. */
  pull(key: Uint8Array, header: Uint8Array): SecretstreamPull;
}

/** Every function of the family bound to one backend (the facades of pqsimd/aead forward to the
 * default one). */
export interface Aead {
  /** ChaCha20-Poly1305, RFC 8439 (12-byte nonce). */
  readonly chacha20poly1305: AeadConstructor;
  /** XChaCha20-Poly1305 (24-byte nonce; libsodium's crypto_aead_xchacha20poly1305_ietf). */
  readonly xchacha20poly1305: AeadConstructor;
  /** XSalsa20-Poly1305 (NaCl secretbox; tag ‖ ciphertext). */
  readonly xsalsa20poly1305: SecretBoxConstructor;
  /** The same function as xsalsa20poly1305. */
  readonly secretbox: SecretBoxConstructor;
  /** libsodium's crypto_secretstream_xchacha20poly1305. */
  readonly secretstream: Secretstream;
  /** ChaCha20, RFC 8439: 12-byte nonce, 32-bit block counter. */
  readonly chacha20: XorStream;
  /** The original ChaCha20: 8-byte nonce, 64-bit block counter. */
  readonly chacha20orig: XorStream;
  /** XChaCha20: 24-byte nonce, 64-bit block counter (libsodium's crypto_stream_xchacha20_xor_ic). */
  readonly xchacha20: XorStream;
  /** Salsa20/20: 8-byte nonce, 64-bit block counter. */
  readonly salsa20: XorStream;
  /** XSalsa20: 24-byte nonce, 64-bit block counter. */
  readonly xsalsa20: XorStream;
  /** HChaCha20(key 32, nonce 16) -> 32-byte subkey. */
  hchacha20(key: Uint8Array, nonce: Uint8Array): Bytes;
  /** HSalsa20(key 32, nonce 16) -> 32-byte subkey. */
  hsalsa20(key: Uint8Array, nonce: Uint8Array): Bytes;
  /** Poly1305 one-time MAC of `message` under a 32-byte one-time key -> 16-byte tag (noble's
   * argument order). Never reuse a Poly1305 key. */
  poly1305(message: Uint8Array, key: Uint8Array): Bytes;
}

/* ---- implementation ------------------------------------------------------------------------------ */

/** The AEADs by name (AeadConstructor.algorithm). */
export type AeadName = 'ChaCha20-Poly1305' | 'XChaCha20-Poly1305' | 'XSalsa20-Poly1305';

const KEY = 32;
const TAG = 16;
const EMPTY = new Uint8Array(0);
/** ChaCha20-Poly1305's 32-bit counter starts at 1 for the message: at most 2^32 - 1 blocks. */
const IETF_MAX = 64 * (2 ** 32 - 1);

interface AeadParams {
  readonly name: AeadName;
  /** a[0] of aead_seal / aead_open */
  readonly kind: number;
  readonly nonce: number;
  /** libsodium's layout (tag ‖ ciphertext) instead of ciphertext ‖ tag */
  readonly tagFirst: boolean;
  readonly aad: boolean;
  readonly maxLength: number;
}
const CHACHA_POLY: AeadParams = { name: 'ChaCha20-Poly1305', kind: 0, nonce: 12, tagFirst: false, aad: true, maxLength: IETF_MAX };
const XCHACHA_POLY: AeadParams = { name: 'XChaCha20-Poly1305', kind: 1, nonce: 24, tagFirst: false, aad: true, maxLength: IETF_MAX };
const XSALSA_POLY: AeadParams = { name: 'XSalsa20-Poly1305', kind: 2, nonce: 24, tagFirst: true, aad: false, maxLength: Number.MAX_SAFE_INTEGER };

/** The int arguments of the fixed-argument entries, made once (no allocation per call). */
const KIND_ARGS: readonly (readonly number[])[] = [0, 1, 2, 3].map((k) => Object.freeze([k]));
const NO_INTS: readonly number[] = Object.freeze([]);

/** What the functions of one family instance share: its driver and a scratch buffer. */
interface Ctx {
  readonly driver: Driver;
  /** Small results are made here first (see result()); wiped after each use. */
  readonly scratch: Uint8Array;
}
/** Largest array V8 keeps inside the JS heap (typed_array_max_size_in_heap). */
const SMALL = 64;
const SCRATCH = 2 * SMALL;

/**
 * A new n-byte result that `fill` writes. V8 keeps typed arrays of up to 64 bytes inside the JS
 * heap, and handing such a fresh array to the native addon makes V8 move it out first (measured:
 * 0.6-1.3 µs for a 16-byte tag, several times the whole call): small results are written to the
 * instance's scratch buffer (at `at`, 0 or 64) and copied into a new array. The scratch bytes are
 * wiped; if `fill` throws, nothing is returned.
 */
function result(cx: Ctx, n: number, fill: (dst: Uint8Array) => void, at = 0): Bytes {
  if (n > SMALL) {
    const r = new Uint8Array(n);
    fill(r);
    return r;
  }
  const v = viewOf(cx.scratch, at, n);
  try {
    fill(v);
    const r = new Uint8Array(n);
    copyInto(r, v, 0);
    return r;
  } finally {
    zero(cx.scratch, at, at + n);
  }
}

/** RangeError unless `v` has exactly `want` bytes (an output buffer). */
function outLength(name: string, v: Uint8Array, want: number, what: string): void {
  const n = byteLength(v);
  if (n !== want) throw new RangeError(`${name}: expected ${want} bytes (${what}), got ${n}`);
}

/**
 * Runs a transform entry with the buffer rules the C core needs: message and output either the
 * same memory (in place) or disjoint (a partly overlapping message is copied first), and no input
 * overlapping an output (the native addon reads inputs in place while outputs are written; such
 * an input is copied first). Copies are wiped afterwards.
 */
function transform(
  cx: Ctx,
  entry: EntryName,
  ints: readonly number[],
  ins: readonly Uint8Array[],
  message: Uint8Array,
  messageOut: Uint8Array,
  outs: readonly Uint8Array[],
): number {
  let copies: Uint8Array[] | null = null;
  let src = message;
  // (inputs of at most COPIED_INPUT_BYTES are copied by every driver before the call: no check, so a
  // fresh small array's bytes stay on V8's heap)
  if (byteLength(message) > COPIED_INPUT_BYTES && !sameStart(message, messageOut) && overlaps(message, messageOut)) {
    src = copyOf(message);
    copies = [src];
  }
  let args = ins;
  for (let i = 0; i < ins.length; i++) {
    const x = ins[i]!;
    if (byteLength(x) <= COPIED_INPUT_BYTES) continue;
    let hit = overlaps(x, messageOut);
    for (let j = 0; !hit && j < outs.length; j++) hit = overlaps(x, outs[j]!);
    if (hit) {
      if (args === ins) args = ins.slice();
      const c = copyOf(x);
      (args as Uint8Array[])[i] = c;
      if (copies) copies.push(c);
      else copies = [c];
    }
  }
  try {
    return cx.driver.transform(entry, ints, args, src, messageOut, outs);
  } finally {
    if (copies) for (const c of copies) zero(c);
  }
}

/** Seals `pt` into ct (its length) and tag (16); the regions come from the caller's output. A
 * shared output is written only through copies: the C core MACs the ciphertext by reading back
 * what it wrote (the native addon writes in place), so another thread changing a shared ciphertext
 * mid-call would get a valid tag for its change; and the addon writes fixed-size outputs only to
 * private memory. */
function seal(cx: Ctx, p: AeadParams, ins: readonly Uint8Array[], pt: Uint8Array, ct: Uint8Array, tag: Uint8Array): void {
  const run = (c: Uint8Array, t: Uint8Array): void => {
    const rc = transform(cx, 'aead_seal', KIND_ARGS[p.kind]!, ins, pt, c, [t]);
    if (rc !== 0) throw internalError('aead_seal', rc);
  };
  const sharedCt = isShared(ct);
  if (!sharedCt && !isShared(tag)) {
    run(ct, tag);
    return;
  }
  const c = sharedCt ? new Uint8Array(byteLength(ct)) : ct;
  const t = new Uint8Array(TAG);
  run(c, t);
  if (c !== ct) copyInto(ct, c, 0);
  copyInto(tag, t, 0);
}

/**
 * Opens ct with `tag` into `out`. A shared `out` (another thread could read it mid-call) is never
 * given unverified bytes: the plaintext goes to a private buffer and is copied after the tag
 * checked. On any failure `out` ends all zeros.
 */
function open(cx: Ctx, p: AeadParams, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ct: Uint8Array, tag: Uint8Array, out: Uint8Array, what = ''): void {
  const target = isShared(out) ? new Uint8Array(byteLength(out)) : out;
  let rc: number;
  try {
    rc = transform(cx, 'aead_open', KIND_ARGS[p.kind]!, [key, nonce, aad, tag], ct, target, []);
  } catch (e) {
    zero(target);
    if (target !== out) zero(out);
    throw e;
  }
  if (rc !== 1) {
    zero(target);
    if (target !== out) zero(out);
    throw rc === 0 ? new AeadError(what + AUTH_FAILED) : internalError('aead_open', rc);
  }
  if (target !== out) {
    copyInto(out, target, 0);
    zero(target);
  }
}

/** The key, nonce and associated data of an AEAD, checked (TypeError / RangeError naming them). */
function aeadArgs(p: AeadParams, key: unknown, nonce: unknown, aad: unknown, at = ''): [Uint8Array, Uint8Array, Uint8Array] {
  const k = bytes(`${at}key`, key);
  const n = bytes(`${at}nonce`, nonce);
  let a: Uint8Array = EMPTY;
  if (aad !== undefined) {
    if (!p.aad) throw new TypeError(`${at}aad: ${p.name} (secretbox) has no associated data, got ${describe(aad)}`);
    a = bytes(`${at}aad`, aad);
  }
  exactLength(`${at}key`, k, KEY, p.name);
  exactLength(`${at}nonce`, n, p.nonce, p.name);
  return [k, n, a];
}

function checkMax(p: AeadParams, len: number): void {
  if (len > p.maxLength) throw new RangeError(`plaintext: ${p.name} encrypts at most ${p.maxLength} bytes, got ${len}`);
}

/** One AEAD object (see AeadCipher). */
function createCipher(cx: Ctx, p: AeadParams, key: unknown, nonce: unknown, aad: unknown): SecretBox {
  const [k0, n0, a0] = aeadArgs(p, key, nonce, aad);
  /** The arrays again at each call: still readable, still the right length. */
  const args = (): [Uint8Array, Uint8Array, Uint8Array] => aeadArgs(p, k0, n0, aad === undefined ? undefined : a0);
  let used = false;
  const consume = (): void => {
    if (used) {
      throw new Error(
        `${p.name}: encrypt() was already called on this object; a nonce must never encrypt two messages under one key: make a new object with a fresh nonce`,
      );
    }
    used = true;
  };
  const encrypt = <O extends Uint8Array = Bytes>(plaintext: Uint8Array, out?: O): O => {
    consume();
    const pt = bytes('plaintext', plaintext);
    const o = out === undefined ? undefined : bytes('out', out);
    const ins = args();
    const len = byteLength(pt);
    checkMax(p, len);
    const run = (dst: Uint8Array): void => seal(cx, p, ins, pt, viewOf(dst, p.tagFirst ? TAG : 0, len), viewOf(dst, p.tagFirst ? 0 : len, TAG));
    if (!o) return result(cx, len + TAG, run) as Uint8Array as O;
    outLength('out', o, len + TAG, "the plaintext's length + the 16-byte tag");
    run(o);
    return o as O;
  };
  const decrypt = <O extends Uint8Array = Bytes>(ciphertext: Uint8Array, out?: O): O => {
    const c = bytes('ciphertext', ciphertext);
    const o = out === undefined ? undefined : bytes('out', out);
    const [k, n, a] = args();
    const len = byteLength(c) - TAG;
    if (len < 0) {
      if (o) zero(o); // as after any failure
      throw new AeadError();
    }
    const run = (dst: Uint8Array): void => open(cx, p, k, n, a, viewOf(c, p.tagFirst ? TAG : 0, len), viewOf(c, p.tagFirst ? 0 : len, TAG), dst);
    if (!o) return result(cx, len, run) as Uint8Array as O;
    outLength('out', o, len, "the ciphertext's length - the 16-byte tag");
    run(o);
    return o as O;
  };
  const cipher: SecretBox = {
    encrypt,
    decrypt,
    encryptDetached<O extends Uint8Array = Bytes>(plaintext: Uint8Array, out?: O): DetachedCiphertext<O> {
      consume();
      const pt = bytes('plaintext', plaintext);
      const o = out === undefined ? undefined : bytes('out', out);
      const ins = args();
      const len = byteLength(pt);
      checkMax(p, len);
      let tag: Bytes | undefined;
      const run = (ct: Uint8Array): void => {
        tag = result(cx, TAG, (t) => seal(cx, p, ins, pt, ct, t), SMALL);
      };
      // (with no `out`, O is its default: Bytes)
      if (!o) return { ciphertext: result(cx, len, run) as Uint8Array as O, tag: tag! };
      outLength('out', o, len, "the plaintext's length");
      run(o);
      return { ciphertext: o as O, tag: tag! };
    },
    decryptDetached<O extends Uint8Array = Bytes>(ciphertext: Uint8Array, tag: Uint8Array, out?: O): O {
      const c = bytes('ciphertext', ciphertext);
      const t = bytes('tag', tag);
      const o = out === undefined ? undefined : bytes('out', out);
      const [k, n, a] = args();
      const len = byteLength(c);
      if (o) outLength('out', o, len, "the ciphertext's length");
      if (byteLength(t) !== TAG) {
        if (o) zero(o);
        throw new AeadError();
      }
      const run = (dst: Uint8Array): void => open(cx, p, k, n, a, c, t, dst);
      if (!o) return result(cx, len, run) as Uint8Array as O;
      run(o);
      return o as O;
    },
    seal: encrypt,
    open: decrypt,
  };
  return Object.freeze(
    p.tagFirst ? cipher : { encrypt, decrypt, encryptDetached: cipher.encryptDetached, decryptDetached: cipher.decryptDetached },
  ) as SecretBox;
}

/** The items of a batch as an array (TypeError otherwise). */
function itemList(items: unknown, shape: string): unknown[] {
  if (!Array.isArray(items)) throw new TypeError(`items: expected an array of ${shape} items, got ${describe(items)}`);
  return items;
}

/**
 * Reads every item's fields once (each getter runs once), then checks them all, so no caller code
 * runs once the checks have passed and nothing is half done when one item is wrong.
 */
function readItems(p: AeadParams, items: unknown, data: 'plaintext' | 'ciphertext'): [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] {
  const shape = `{ key, nonce, ${p.aad ? 'aad?, ' : ''}${data} }`;
  const list = itemList(items, shape);
  const raw: [unknown, unknown, unknown, unknown][] = [];
  const count = list.length;
  for (let i = 0; i < count; i++) {
    const v = list[i];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`items[${i}]: expected an object ${shape}, got ${describe(v)}`);
    const o = v as Record<string, unknown>;
    raw.push([o.key, o.nonce, o.aad, o[data]]);
  }
  return raw.map(([key, nonce, aad, d], i) => {
    const at = `items[${i}].`;
    const [k, n, a] = aeadArgs(p, key, nonce, aad, at);
    return [k, n, a, bytes(`${at}${data}`, d)];
  });
}

function sealMany(cx: Ctx, p: AeadParams, items: unknown): Bytes[] {
  const list = readItems(p, items, 'plaintext');
  for (const [, , , pt] of list) checkMax(p, byteLength(pt));
  return list.map(([k, n, a, pt]) => {
    const len = byteLength(pt);
    return result(cx, len + TAG, (dst) => seal(cx, p, [k, n, a], pt, viewOf(dst, p.tagFirst ? TAG : 0, len), viewOf(dst, p.tagFirst ? 0 : len, TAG)));
  });
}

function openMany(cx: Ctx, p: AeadParams, items: unknown): Bytes[] {
  const list = readItems(p, items, 'ciphertext');
  const done: Bytes[] = [];
  try {
    for (let i = 0; i < list.length; i++) {
      const [k, n, a, c] = list[i]!;
      const len = byteLength(c) - TAG;
      if (len < 0) throw new AeadError(`items[${i}]: ${AUTH_FAILED}`);
      done.push(
        result(cx, len, (dst) => open(cx, p, k, n, a, viewOf(c, p.tagFirst ? TAG : 0, len), viewOf(c, p.tagFirst ? 0 : len, TAG), dst, `items[${i}]: `)),
      );
    }
  } catch (e) {
    for (const d of done) zero(d);
    throw e;
  }
  return done;
}

function aeadConstructor(cx: Ctx, p: AeadParams): AeadConstructor & SecretBoxConstructor {
  const f = (key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array) => createCipher(cx, p, key, nonce, aad);
  return statics(p, f, {
    sealMany: (items: readonly SealItem[]) => sealMany(cx, p, items),
    openMany: (items: readonly OpenItem[]) => openMany(cx, p, items),
  });
}

/** `f` with an AEAD's read-only properties and batch functions. */
function statics<F extends object>(p: AeadParams, f: F, batch: Pick<AeadStatics, 'sealMany' | 'openMany'>): F & AeadConstructor & SecretBoxConstructor {
  Object.defineProperties(f, {
    algorithm: { value: p.name, enumerable: true },
    keyLength: { value: KEY, enumerable: true },
    nonceLength: { value: p.nonce, enumerable: true },
    tagLength: { value: TAG, enumerable: true },
    sealMany: { value: batch.sealMany, enumerable: true },
    openMany: { value: batch.openMany, enumerable: true },
  });
  return Object.freeze(f) as F & AeadConstructor & SecretBoxConstructor;
}

/* ---- raw stream ciphers -------------------------------------------------------------------------- */

interface XorParams {
  readonly name: string;
  /** a[0] of stream_xor */
  readonly cipher: number;
  readonly nonce: number;
  readonly counterBits: 32 | 64;
}

const TWO32 = 2 ** 32;

/** The counter as (low, high) words, checked: TypeError unless a number or bigint, RangeError
 * unless a non-negative integer whose run of `blocks` blocks stays within the counter. */
function counterWords(p: XorParams, counter: unknown, blocks: number): [number, number] {
  if (counter === undefined) counter = 0;
  if (typeof counter === 'number') {
    if (!Number.isInteger(counter) || counter < 0 || counter >= 2 ** p.counterBits) {
      throw new RangeError(`counter: expected an integer 0 <= counter < 2^${p.counterBits}, got ${counter}`);
    }
    if (!Number.isSafeInteger(counter)) {
      throw new RangeError(`counter: ${counter} is above 2^53 - 1, where numbers are not exact integers: pass the counter as a bigint`);
    }
    // (a safe integer plus any block count stays far below 2^64)
    if (p.counterBits === 32 && counter + blocks > TWO32) {
      throw new RangeError(`counter: ${counter} + ${blocks} blocks of data runs past the end of ${p.name}'s 32-bit block counter`);
    }
    return [(counter % TWO32) | 0, Math.floor(counter / TWO32) | 0];
  }
  if (typeof counter === 'bigint') {
    const end = 1n << BigInt(p.counterBits);
    if (counter < 0n || counter >= end) throw new RangeError(`counter: expected an integer 0 <= counter < 2^${p.counterBits}, got ${counter}`);
    if (counter + BigInt(blocks) > end) {
      throw new RangeError(`counter: ${counter} + ${blocks} blocks of data runs past the end of ${p.name}'s ${p.counterBits}-bit block counter`);
    }
    return [Number(counter & 0xffffffffn) | 0, Number(counter >> 32n) | 0];
  }
  throw new TypeError(`counter: expected a number or a bigint, got ${describe(counter)}`);
}

function xorStream(cx: Ctx, p: XorParams): XorStream {
  const f = <O extends Uint8Array = Bytes>(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, out?: O, counter?: number | bigint): O => {
    const k = bytes('key', key);
    const n = bytes('nonce', nonce);
    const d = bytes('data', data);
    const o = out === undefined ? undefined : bytes('out', out);
    exactLength('key', k, KEY, p.name);
    exactLength('nonce', n, p.nonce, p.name);
    const len = byteLength(d);
    if (o) outLength('out', o, len, "the data's length");
    const [lo, hi] = counterWords(p, counter, Math.ceil(len / 64));
    const run = (dst: Uint8Array): void => {
      const rc = transform(cx, 'stream_xor', [p.cipher, lo, hi], [k, n], d, dst, []);
      if (rc !== 0) throw internalError('stream_xor', rc);
    };
    if (!o) return result(cx, len, run) as Uint8Array as O;
    run(o);
    return o as O;
  };
  Object.defineProperties(f, {
    keyLength: { value: KEY, enumerable: true },
    nonceLength: { value: p.nonce, enumerable: true },
    counterBits: { value: p.counterBits, enumerable: true },
  });
  return Object.freeze(f) as XorStream;
}

const XOR_PARAMS = {
  chacha20: { name: 'ChaCha20', cipher: 0, nonce: 12, counterBits: 32 },
  chacha20orig: { name: 'ChaCha20 (original)', cipher: 1, nonce: 8, counterBits: 64 },
  xchacha20: { name: 'XChaCha20', cipher: 2, nonce: 24, counterBits: 64 },
  salsa20: { name: 'Salsa20', cipher: 3, nonce: 8, counterBits: 64 },
  xsalsa20: { name: 'XSalsa20', cipher: 4, nonce: 24, counterBits: 64 },
} as const satisfies Record<string, XorParams>;

/* ---- HChaCha20 / HSalsa20, Poly1305 -------------------------------------------------------------- */

function subkey(cx: Ctx, which: 0 | 1, name: string, key: unknown, nonce: unknown): Bytes {
  const k = bytes('key', key);
  const n = bytes('nonce', nonce);
  exactLength('key', k, KEY, name);
  exactLength('nonce', n, 16, name);
  return result(cx, 32, (out) => {
    const rc = cx.driver.call('arx_subkey', KIND_ARGS[which]!, [k, n], [out]);
    if (rc !== 0) throw internalError('arx_subkey', rc);
  });
}

function poly1305(cx: Ctx, message: unknown, key: unknown): Bytes {
  const m = bytes('message', message);
  const k = bytes('key', key);
  exactLength('key', k, KEY, 'Poly1305');
  return result(cx, TAG, (tag) => {
    const rc = cx.driver.stream('poly1305', NO_INTS, [k], m, [tag]);
    if (rc !== 0) throw internalError('poly1305', rc);
  });
}

/* ---- secretstream -------------------------------------------------------------------------------- */

const SS_STATE = 52;
const SS_HEADER = 24;
const SS_OVERHEAD = 17;
const CLOSED = 'secretstream: the stream is closed (after a FINAL message or a failed pull); start a new one';

/**
 * One stream's state, in library memory: two 52-byte slots used in turn (the entries read one
 * state and write the next), wiped when the stream closes.
 */
class StreamState {
  private readonly slots = new Uint8Array(2 * SS_STATE);
  private at = 0;
  private closed = false;
  /** The current state (throws once closed). */
  cur(): Uint8Array {
    if (this.closed) throw new Error(CLOSED);
    return viewOf(this.slots, this.at, SS_STATE);
  }
  /** The slot the next state is written to. */
  next(): Uint8Array {
    return viewOf(this.slots, SS_STATE - this.at, SS_STATE);
  }
  /** The next state becomes the current one; the old one is wiped. */
  advance(): void {
    zero(this.slots, this.at, this.at + SS_STATE);
    this.at = SS_STATE - this.at;
  }
  close(): void {
    zero(this.slots);
    this.closed = true;
  }
}

function readTag(tag: unknown): number {
  if (tag === undefined) return SECRETSTREAM_TAG.MESSAGE;
  if (typeof tag !== 'number') throw new TypeError(`tag: expected a number (secretstream.TAG.*), got ${describe(tag)}`);
  if (tag !== 0 && tag !== 1 && tag !== 2 && tag !== 3) throw new RangeError(`tag: expected MESSAGE 0, PUSH 1, REKEY 2 or FINAL 3, got ${tag}`);
  return tag;
}

function rekeyOf(cx: Ctx, st: StreamState): () => void {
  return () => {
    const rc = cx.driver.call('secretstream_rekey', NO_INTS, [st.cur()], [st.next()]);
    if (rc !== 0) {
      st.close();
      throw internalError('secretstream_rekey', rc);
    }
    st.advance();
  };
}

function secretstreamInit(cx: Ctx, key: unknown, header: Uint8Array): StreamState {
  const k = bytes('key', key);
  const h = bytes('header', header);
  exactLength('key', k, KEY, 'secretstream');
  exactLength('header', h, SS_HEADER, 'secretstream');
  const st = new StreamState();
  const rc = cx.driver.call('secretstream_init', NO_INTS, [k, h], [st.next()]);
  if (rc !== 0) {
    st.close();
    throw internalError('secretstream_init', rc);
  }
  st.advance();
  return st;
}

function createSecretstream(cx: Ctx): Secretstream {
  return Object.freeze({
    TAG: SECRETSTREAM_TAG,
    keyLength: KEY,
    headerLength: SS_HEADER,
    overhead: SS_OVERHEAD,
    init(key: Uint8Array): { header: Bytes; push: SecretstreamPush } {
      bytes('key', key);
      const header = new Uint8Array(SS_HEADER);
      fillRandom(header);
      const st = secretstreamInit(cx, key, header);
      const push = (message: Uint8Array, tag?: number, ad?: Uint8Array): Bytes => {
        const m = bytes('message', message);
        const t = readTag(tag);
        const a = ad === undefined ? EMPTY : bytes('ad', ad);
        const cur = st.cur();
        const len = byteLength(m);
        const out = result(cx, len + SS_OVERHEAD, (out) => {
          let rc: number;
          try {
            rc = transform(cx, 'secretstream_push', KIND_ARGS[t]!, [cur, a], m, viewOf(out, 1, len), [st.next(), viewOf(out, 0, 1), viewOf(out, 1 + len, TAG)]);
          } catch (e) {
            st.close();
            throw e;
          }
          if (rc !== 0) {
            st.close();
            throw internalError('secretstream_push', rc);
          }
        });
        st.advance();
        if (t === SECRETSTREAM_TAG.FINAL) st.close();
        return out;
      };
      Object.defineProperty(push, 'rekey', { value: rekeyOf(cx, st), enumerable: true });
      return { header, push: Object.freeze(push) as SecretstreamPush };
    },
    pull(key: Uint8Array, header: Uint8Array): SecretstreamPull {
      const st = secretstreamInit(cx, key, header);
      const tagOut = new Uint8Array(1);
      const pull = (ciphertext: Uint8Array, ad?: Uint8Array): SecretstreamMessage => {
        const c = bytes('ciphertext', ciphertext);
        const a = ad === undefined ? EMPTY : bytes('ad', ad);
        const cur = st.cur();
        const len = byteLength(c) - SS_OVERHEAD;
        if (len < 0) {
          st.close();
          throw new AeadError();
        }
        const message = result(cx, len, (message) => {
          let rc: number;
          try {
            rc = transform(cx, 'secretstream_pull', NO_INTS, [cur, a, viewOf(c, 0, 1), viewOf(c, 1 + len, TAG)], viewOf(c, 1, len), message, [
              st.next(),
              tagOut,
            ]);
          } catch (e) {
            zero(message);
            st.close();
            throw e;
          }
          if (rc !== 1) {
            zero(message);
            zero(tagOut);
            st.close();
            throw rc === 0 ? new AeadError() : internalError('secretstream_pull', rc);
          }
        });
        st.advance();
        const tag = tagOut[0]!;
        tagOut[0] = 0;
        if (tag === SECRETSTREAM_TAG.FINAL) st.close();
        return { message, tag };
      };
      Object.defineProperty(pull, 'rekey', { value: rekeyOf(cx, st), enumerable: true });
      return Object.freeze(pull) as SecretstreamPull;
    },
  });
}

/* ---- the family ---------------------------------------------------------------------------------- */

/** Every function of the family over `driver`. */
export function createAead(driver: Driver): Aead {
  const cx: Ctx = { driver, scratch: new Uint8Array(new ArrayBuffer(SCRATCH)) };
  const secretbox = aeadConstructor(cx, XSALSA_POLY) as SecretBoxConstructor;
  return Object.freeze({
    chacha20poly1305: aeadConstructor(cx, CHACHA_POLY) as AeadConstructor,
    xchacha20poly1305: aeadConstructor(cx, XCHACHA_POLY) as AeadConstructor,
    xsalsa20poly1305: secretbox,
    secretbox,
    secretstream: createSecretstream(cx),
    chacha20: xorStream(cx, XOR_PARAMS.chacha20),
    chacha20orig: xorStream(cx, XOR_PARAMS.chacha20orig),
    xchacha20: xorStream(cx, XOR_PARAMS.xchacha20),
    salsa20: xorStream(cx, XOR_PARAMS.salsa20),
    xsalsa20: xorStream(cx, XOR_PARAMS.xsalsa20),
    hchacha20: (key: Uint8Array, nonce: Uint8Array) => subkey(cx, 0, 'HChaCha20', key, nonce),
    hsalsa20: (key: Uint8Array, nonce: Uint8Array) => subkey(cx, 1, 'HSalsa20', key, nonce),
    poly1305: (message: Uint8Array, key: Uint8Array) => poly1305(cx, message, key),
  });
}

/** The family's benchmark hook (PQ_BENCH_AEAD_* ids): a checksum, or -1 when this build has no
 * such kernel. */
export function aeadBench(driver: Driver, id: number, iterations: number): number {
  return driver.call('aead_bench', [id, iterations >>> 0], [], []);
}

/** The family's functions on whatever backend `impl()` returns when called (the default one after
 * ready()); the same shapes and properties as createAead's. */
export function aeadFacade(impl: () => Aead): Aead {
  const aead = (p: AeadParams, key: 'chacha20poly1305' | 'xchacha20poly1305' | 'xsalsa20poly1305') =>
    statics(p, (k: Uint8Array, n: Uint8Array, a?: Uint8Array) => (impl()[key] as AeadConstructor)(k, n, a), {
      sealMany: (items: readonly SealItem[]) => impl()[key].sealMany(items),
      openMany: (items: readonly OpenItem[]) => impl()[key].openMany(items),
    });
  const xor = (key: keyof typeof XOR_PARAMS): XorStream => {
    const p = XOR_PARAMS[key];
    const f = (k: Uint8Array, n: Uint8Array, d: Uint8Array, o?: Uint8Array, c?: number | bigint) => impl()[key](k, n, d, o, c);
    Object.defineProperties(f, {
      keyLength: { value: KEY, enumerable: true },
      nonceLength: { value: p.nonce, enumerable: true },
      counterBits: { value: p.counterBits, enumerable: true },
    });
    return Object.freeze(f) as XorStream;
  };
  const secretbox = aead(XSALSA_POLY, 'xsalsa20poly1305') as SecretBoxConstructor;
  return Object.freeze({
    chacha20poly1305: aead(CHACHA_POLY, 'chacha20poly1305') as AeadConstructor,
    xchacha20poly1305: aead(XCHACHA_POLY, 'xchacha20poly1305') as AeadConstructor,
    xsalsa20poly1305: secretbox,
    secretbox,
    secretstream: Object.freeze({
      TAG: SECRETSTREAM_TAG,
      keyLength: KEY,
      headerLength: SS_HEADER,
      overhead: SS_OVERHEAD,
      init: (key: Uint8Array) => impl().secretstream.init(key),
      pull: (key: Uint8Array, header: Uint8Array) => impl().secretstream.pull(key, header),
    }),
    chacha20: xor('chacha20'),
    chacha20orig: xor('chacha20orig'),
    xchacha20: xor('xchacha20'),
    salsa20: xor('salsa20'),
    xsalsa20: xor('xsalsa20'),
    hchacha20: (key: Uint8Array, nonce: Uint8Array) => impl().hchacha20(key, nonce),
    hsalsa20: (key: Uint8Array, nonce: Uint8Array) => impl().hsalsa20(key, nonce),
    poly1305: (message: Uint8Array, key: Uint8Array) => impl().poly1305(message, key),
  });
}
