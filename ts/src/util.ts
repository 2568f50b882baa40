/** Argument checks shared by every scheme: errors name the argument. */

export function isBytes(v: unknown): v is Uint8Array {
  return (
    v instanceof Uint8Array ||
    (ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]')
  );
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an Array';
  if (v instanceof ArrayBuffer) return 'an ArrayBuffer';
  if (ArrayBuffer.isView(v)) return `a ${Object.prototype.toString.call(v).slice(8, -1)}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Throws TypeError unless `v` is a Uint8Array (Node Buffers are). */
export function bytes(name: string, v: unknown): Uint8Array {
  if (!isBytes(v)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(v)}`);
  return v;
}

export function optBytes(name: string, v: unknown): Uint8Array | undefined {
  return v === undefined ? undefined : bytes(name, v);
}

export function options<T extends object>(name: string, v: unknown): Partial<T> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object') throw new TypeError(`${name}: expected an options object, got ${describe(v)}`);
  return v as Partial<T>;
}

export function exactLength(name: string, v: Uint8Array, len: number, what: string): void {
  if (v.length !== len) throw new RangeError(`${name}: expected ${len} bytes for ${what}, got ${v.length}`);
}

export function randomBytes(n: number): Uint8Array {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (!c || typeof c.getRandomValues !== 'function') {
    throw new Error('pqsimd: no crypto.getRandomValues in this runtime; pass a seed / random explicitly');
  }
  return c.getRandomValues(new Uint8Array(n));
}
