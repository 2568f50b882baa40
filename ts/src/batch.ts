/**
 * verifyBatch for every scheme object: argument checks for the whole batch first (TypeError, so
 * nothing is half done), then one verdict per item in input order. A public key that occurs
 * more than once in the batch is prepared once (MlDsa/FalconVerifier.prepare) and its items are
 * verified through the prepared key; verdicts are the same as single verify's.
 */
import { brand as bytes, byteLength, describe } from './core/bytes.js';

/** What the batch needs of one scheme object (its single verify and prepare). */
export interface BatchScheme<K extends PreparedLike> {
  readonly name: string;
  readonly lengths: { publicKey: number };
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, opts?: { context?: Uint8Array }): boolean;
  prepare(publicKey: Uint8Array): K;
}

export interface PreparedLike {
  readonly algorithm: string;
  verify(message: Uint8Array, signature: Uint8Array, opts?: { context?: Uint8Array }): boolean;
}

/** One checked item: exactly one of publicKey / key. */
export interface CheckedItem<K extends PreparedLike = PreparedLike> {
  publicKey?: Uint8Array;
  key?: K;
  message: Uint8Array;
  signature: Uint8Array;
  context?: Uint8Array;
}

/** The items as an array: an Array or any other iterable. */
export function batchList(items: unknown, what = 'items'): unknown[] {
  if (Array.isArray(items)) return items;
  if (items !== null && typeof items === 'object' && typeof (items as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return Array.from(items as Iterable<unknown>);
  }
  throw new TypeError(`${what}: expected an array of { publicKey, message, signature } items, got ${describe(items)}`);
}

/**
 * Checks one item's types (TypeError naming the field, as single verify does). `hasContext`:
 * ML-DSA (a context string is allowed); Falcon has none. `prepared`: whether a prepared `key`
 * may stand in for `publicKey` (VerifyPool: no, keys do not cross threads).
 */
export function checkItem(scheme: string, v: unknown, i: number, hasContext: boolean, isPrepared: ((k: unknown) => boolean) | null): CheckedItem {
  const at = `items[${i}]`;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TypeError(`${at}: expected an object { publicKey, message, signature${hasContext ? ', context?' : ''} }, got ${describe(v)}`);
  }
  const o = v as Record<string, unknown>;
  const out: CheckedItem = { message: bytes(`${at}.message`, o.message), signature: bytes(`${at}.signature`, o.signature) };
  if (o.key !== undefined) {
    if (!isPrepared) throw new TypeError(`${at}.key: prepared keys cannot be sent to workers; pass publicKey (the pool prepares repeated keys itself)`);
    if (o.publicKey !== undefined) throw new TypeError(`${at}: pass either publicKey or key, not both`);
    const k = o.key;
    if (!isPrepared(k)) {
      throw new TypeError(`${at}.key: expected a prepared ${scheme} key (from ${scheme}.prepare), got ${describe(k)}`);
    }
    if ((k as PreparedLike).algorithm !== scheme) throw new TypeError(`${at}.key: a prepared ${(k as PreparedLike).algorithm} key in a ${scheme} batch`);
    out.key = k as PreparedLike;
  } else {
    out.publicKey = bytes(`${at}.publicKey`, o.publicKey);
  }
  if (o.context !== undefined) {
    if (!hasContext) throw new TypeError(`${at}.context: ${scheme} has no context string`);
    out.context = bytes(`${at}.context`, o.context);
  }
  return out;
}

/** 32-bit FNV-1a of the first 48 bytes (ML-DSA: ρ, random per key; Falcon: the first
 * coefficients of h): groups equal public keys cheaply; equality is then checked in full. */
function fingerprint(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0, n = Math.min(byteLength(b), 48); i < n; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  const n = byteLength(a);
  if (n !== byteLength(b)) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Items of the batch that share one public key (by content). */
interface Group {
  publicKey: Uint8Array;
  indices: number[];
}

/** Verifies checked items: verdicts in order; repeated public keys are prepared once. */
export function verifyChecked<K extends PreparedLike>(scheme: BatchScheme<K>, list: readonly CheckedItem[]): boolean[] {
  const out = new Array<boolean>(list.length).fill(false);
  const buckets = new Map<number, Group[]>();
  const groups: Group[] = [];
  for (let i = 0; i < list.length; i++) {
    const pk = list[i]!.publicKey;
    // Keys of the wrong length cannot be prepared (and verify to false): no grouping.
    if (!pk || byteLength(pk) !== scheme.lengths.publicKey) continue;
    const h = fingerprint(pk);
    let bucket = buckets.get(h);
    if (!bucket) {
      bucket = [];
      buckets.set(h, bucket);
    }
    let g = bucket.find((x) => equalBytes(x.publicKey, pk));
    if (!g) {
      g = { publicKey: pk, indices: [] };
      bucket.push(g);
      groups.push(g);
    }
    g.indices.push(i);
  }
  const done = new Uint8Array(list.length);
  for (const g of groups) {
    if (g.indices.length < 2) continue;
    let key: K;
    try {
      key = scheme.prepare(g.publicKey);
    } catch {
      continue; // a malformed key (Falcon): single verify gives these items their verdict (false)
    }
    for (const i of g.indices) {
      const it = list[i]!;
      out[i] = it.context !== undefined ? key.verify(it.message, it.signature, { context: it.context }) : key.verify(it.message, it.signature);
      done[i] = 1;
    }
  }
  for (let i = 0; i < list.length; i++) {
    if (done[i]) continue;
    const it = list[i]!;
    const opts = it.context !== undefined ? { context: it.context } : undefined;
    if (it.key) out[i] = opts ? it.key.verify(it.message, it.signature, opts) : it.key.verify(it.message, it.signature);
    else out[i] = opts ? scheme.verify(it.publicKey!, it.message, it.signature, opts) : scheme.verify(it.publicKey!, it.message, it.signature);
  }
  return out;
}

/** MlDsa.verifyBatch / FalconVerifier.verifyBatch over the scheme's own verify and prepare. */
export function verifyBatch<K extends PreparedLike>(
  scheme: BatchScheme<K>,
  hasContext: boolean,
  isPrepared: (k: unknown) => boolean,
  items: unknown,
): boolean[] {
  const list = batchList(items).map((v, i) => checkItem(scheme.name, v, i, hasContext, isPrepared));
  return verifyChecked(scheme, list);
}
