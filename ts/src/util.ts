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

/** A view whose ArrayBuffer was transferred away reads as empty; say so instead. */
function isDetached(v: Uint8Array): boolean {
  if (v.byteLength !== 0) return false;
  try {
    new Uint8Array(v.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/** Throws TypeError unless `v` is a Uint8Array (Node Buffers are) on a live buffer. */
export function bytes(name: string, v: unknown): Uint8Array {
  if (!isBytes(v)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(v)}`);
  if (isDetached(v)) throw new TypeError(`${name}: the Uint8Array's buffer is detached (transferred)`);
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
