/**
 * Reading the caller's arguments safely. The rule: bytes are read only through the intrinsic
 * %TypedArray%.prototype getters (captured when this module loads) and intrinsic copies, inputs
 * are branded with the intrinsic Symbol.toStringTag getter (so a DataView or Uint16Array tagged
 * 'Uint8Array', a Proxy or a look-alike object is refused), and no method or getter of the
 * caller's object is ever called: an own `length`, `subarray`, `set` or `constructor` on a
 * Uint8Array is never consulted. Options objects are read once, up front, before any bytes are
 * looked at (their getters are the only caller code a call can run).
 */

/**
 * The bytes pqsimd returns: a Uint8Array on a plain ArrayBuffer (never shared, never resizable).
 * TypeScript >= 5.7 types a bare Uint8Array as Uint8Array<ArrayBufferLike>, which is not a
 * BufferSource: spelled this way, results pass to WebCrypto (crypto.subtle.importKey, digest),
 * Blob, fetch and TextDecoder without a cast.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const FunctionCall = Function.prototype.call;

function intrinsicGetter(proto: object, key: PropertyKey): (self: unknown) => unknown {
  const get = Object.getOwnPropertyDescriptor(proto, key)?.get;
  if (!get) throw new Error(`pqsimd: no intrinsic getter ${String(key)}`);
  return FunctionCall.bind(get) as (self: unknown) => unknown;
}

const taTag = intrinsicGetter(TypedArrayPrototype, Symbol.toStringTag) as (self: unknown) => string | undefined;
const taByteLength = intrinsicGetter(TypedArrayPrototype, 'byteLength') as (self: Uint8Array) => number;
const taByteOffset = intrinsicGetter(TypedArrayPrototype, 'byteOffset') as (self: Uint8Array) => number;
const taBuffer = intrinsicGetter(TypedArrayPrototype, 'buffer') as (self: Uint8Array) => ArrayBufferLike;
/** %TypedArray%.prototype.set: with a typed-array source it reads only internal slots. */
const taSet = FunctionCall.bind((TypedArrayPrototype as { set: (this: Uint8Array, src: ArrayLike<number>, offset?: number) => void }).set) as (
  self: Uint8Array,
  src: Uint8Array,
  offset: number,
) => void;
const taFill = FunctionCall.bind((TypedArrayPrototype as { fill: (this: Uint8Array, v: number, start?: number, end?: number) => Uint8Array }).fill) as (
  self: Uint8Array,
  v: number,
  start: number,
  end: number,
) => Uint8Array;
const abByteLength = intrinsicGetter(ArrayBuffer.prototype, 'byteLength') as (self: unknown) => number;
const sabByteLength =
  typeof SharedArrayBuffer === 'function' ? (intrinsicGetter(SharedArrayBuffer.prototype, 'byteLength') as (self: unknown) => number) : null;
const dvByteLength = intrinsicGetter(DataView.prototype, 'byteLength') as (self: unknown) => number;
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;
const U8 = Uint8Array;

/** The byte length of a Uint8Array (0 when detached or out of bounds), through the intrinsic getter. */
export const byteLength = taByteLength;

/** Copies `src` (a checked Uint8Array) into `dst` at `offset` with the intrinsic set. */
export function copyInto(dst: Uint8Array, src: Uint8Array, offset: number): void {
  taSet(dst, src, offset);
}

/** Zeroes dst[start, end) with the intrinsic fill. */
export function zero(dst: Uint8Array, start = 0, end = taByteLength(dst)): void {
  taFill(dst, 0, start, end);
}

/** A view of bytes [start, start + n) of a checked Uint8Array, made without calling its methods. */
export function viewOf(v: Uint8Array, start: number, n: number): Uint8Array {
  return new U8(taBuffer(v), taByteOffset(v) + start, n);
}

/** A new Uint8Array holding a copy of the bytes of `v` (a checked Uint8Array). */
export function copyOf(v: Uint8Array): Bytes {
  const c = new U8(taByteLength(v));
  taSet(c, v, 0);
  return c;
}

/** True when the bytes of `v` live in a SharedArrayBuffer, where another thread can read or change
 * them during a call. (A typed array's buffer is an ArrayBuffer or a SharedArrayBuffer; the
 * ArrayBuffer brand check is the one that does not throw on the common path.) */
export function isShared(v: Uint8Array): boolean {
  return !hasSlot(abByteLength, taBuffer(v));
}

/** True when two Uint8Arrays share at least one byte of memory (empty arrays share none). */
export function overlaps(a: Uint8Array, b: Uint8Array): boolean {
  const na = taByteLength(a);
  const nb = taByteLength(b);
  if (na === 0 || nb === 0 || taBuffer(a) !== taBuffer(b)) return false;
  const oa = taByteOffset(a);
  const ob = taByteOffset(b);
  return oa < ob + nb && ob < oa + na;
}

/** True when two Uint8Arrays start at the same byte of the same buffer (in-place work). */
export function sameStart(a: Uint8Array, b: Uint8Array): boolean {
  return taBuffer(a) === taBuffer(b) && taByteOffset(a) === taByteOffset(b);
}

/** True for a real Uint8Array (or a subclass such as Node's Buffer), from any realm. */
export function isBytes(v: unknown): v is Uint8Array {
  return typeof v === 'object' && v !== null && taTag(v) === 'Uint8Array';
}

/** True when the intrinsic getter `get` accepts `v` (it throws for objects without its slot). */
function hasSlot(get: ((self: unknown) => number) | null, v: object): boolean {
  if (!get) return false;
  try {
    get(v);
    return true;
  } catch {
    return false;
  }
}

const article = (w: string): string => (/^(?:[aeio]|u(?!int))/i.test(w) ? `an ${w}` : `a ${w}`); // a Uint8Array, an Int8Array

/** What a value is, for error messages ("an Int8Array", "undefined", "a string"), found without
 * running any of the value's own code. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v !== 'object') return article(typeof v);
  const tag = taTag(v);
  if (tag !== undefined) return article(tag);
  if (isView(v)) return hasSlot(dvByteLength, v) ? 'a DataView' : 'a view';
  if (isArray(v)) return 'an Array';
  if (hasSlot(abByteLength, v)) return 'an ArrayBuffer';
  if (hasSlot(sabByteLength, v)) return 'a SharedArrayBuffer';
  return 'an object';
}

/** A Uint8Array whose bytes can be read (not detached, not out of bounds of a shrunk buffer). */
function usable(v: Uint8Array): boolean {
  if (taByteLength(v) !== 0) return true;
  // Length 0: a real empty array, or one whose buffer was detached or shrank under it.
  // The intrinsic set refuses the latter two (TypeError).
  try {
    taSet(new U8(0), v, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A byte-string argument: TypeError naming the argument unless `v` is a Uint8Array whose bytes
 * can be read. Returns `v` itself (read later through the intrinsics only).
 */
export function bytes(name: string, v: unknown): Uint8Array {
  if (!isBytes(v)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(v)}`);
  if (!usable(v)) {
    throw new TypeError(`${name}: the Uint8Array cannot be read (its buffer is detached, or was resized so the view is out of bounds)`);
  }
  return v;
}

/** TypeError naming the argument unless `v` is a Uint8Array (readable or not: verify paths
 * check that later and answer false). */
export function brand(name: string, v: unknown): Uint8Array {
  if (!isBytes(v)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(v)}`);
  return v;
}

/**
 * For verification: the Uint8Array if it can be read; null when it is a Uint8Array whose bytes
 * cannot be read (verify then returns false, as for any bad bytes); TypeError when it is not a
 * Uint8Array at all.
 */
export function bytesOrNull(name: string, v: unknown): Uint8Array | null {
  if (!isBytes(v)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(v)}`);
  return usable(v) ? v : null;
}

/** What readOptions returns for omitted options (shared: callers only read it). */
const NO_OPTIONS: Readonly<Partial<Record<string, Uint8Array | boolean | string>>> = Object.freeze({});

/** The kind of each option: checked once, as it is read. */
export type OptionKind = 'bytes' | 'boolean' | 'string';

/**
 * Reads an options object once: each known key's value is read exactly once (a getter runs
 * once), unknown keys and values of the wrong type throw TypeError naming them. Byte values are
 * only branded here; their lengths are read by the caller after every option has been read.
 */
export function readOptions<K extends string>(
  name: string,
  v: unknown,
  kinds: Readonly<Record<K, OptionKind>>,
): Readonly<Partial<Record<K, Uint8Array | boolean | string>>> {
  if (v === undefined) return NO_OPTIONS;
  const out: Partial<Record<K, Uint8Array | boolean | string>> = {};
  if (v === null || typeof v !== 'object' || isArray(v) || isView(v)) {
    throw new TypeError(`${name}: expected an options object, got ${describe(v)}`);
  }
  const keys = Object.keys(v);
  for (const key of keys) {
    if (!Object.hasOwn(kinds, key)) {
      const known = Object.keys(kinds);
      throw new TypeError(`${name}: unknown option "${key}"${known.length ? `; expected ${known.join(', ')}` : ' (none are accepted)'}`);
    }
  }
  for (const key of Object.keys(kinds) as K[]) {
    if (!keys.includes(key)) continue;
    const value = (v as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (kinds[key] === 'boolean') {
      if (typeof value !== 'boolean') throw new TypeError(`${name}.${key}: expected true or false, got ${describe(value)}`);
      out[key] = value;
    } else if (kinds[key] === 'string') {
      if (typeof value !== 'string') throw new TypeError(`${name}.${key}: expected a string, got ${describe(value)}`);
      out[key] = value;
    } else {
      if (!isBytes(value)) throw new TypeError(`${name}.${key}: expected a Uint8Array, got ${describe(value)}`);
      out[key] = value;
    }
  }
  return out;
}

export function exactLength(name: string, v: Uint8Array, len: number, what: string): void {
  const n = taByteLength(v);
  if (n !== len) throw new RangeError(`${name}: expected ${len} bytes for ${what}, got ${n}`);
}
