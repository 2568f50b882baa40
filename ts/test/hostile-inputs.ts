// Hostile inputs for any function that takes bytes: a reusable catalogue, so every family (ML-DSA,
// Falcon, and the families that come next) runs the same cases. Each case makes a fresh value
// from the bytes it should stand for (or pretend to), and says what the library must see:
//   'bytes'   a real Uint8Array (of any realm or subclass, at any offset): read as exactly `data`
//   'type'    not a Uint8Array at all (look-alikes included): TypeError naming the argument
//   'broken'  a Uint8Array whose bytes cannot be read (detached, out of bounds): verify -> false,
//             sign/keygen -> TypeError
import { runInNewContext } from 'node:vm';

export type Expect = 'bytes' | 'type' | 'broken';

export interface HostileCase {
  name: string;
  expect: Expect;
  /** A fresh value standing for `data`. `onRead` (when given) runs if the library calls one of
   * the value's own methods or getters, which it must never do. */
  make(data: Uint8Array, onRead?: () => void): unknown;
}

function taggedAs<T extends object>(o: T, tag: string): T {
  Object.defineProperty(o, Symbol.toStringTag, { value: tag });
  return o;
}

/** A Uint8Array of `data` whose own methods/getters would lie (and report if called). */
function liar(data: Uint8Array, onRead?: () => void): Uint8Array {
  const a = new Uint8Array(data);
  const trap = (v: unknown) => ({
    get: () => {
      onRead?.();
      return v;
    },
    configurable: true,
  });
  Object.defineProperty(a, 'length', trap(data.length === 0 ? 1952 : 0));
  Object.defineProperty(a, 'byteLength', trap(data.length === 0 ? 1952 : 0));
  Object.defineProperty(a, 'byteOffset', trap(7));
  Object.defineProperty(a, 'buffer', trap(new ArrayBuffer(4096)));
  for (const m of ['subarray', 'slice', 'set', 'fill', 'at', 'values', Symbol.iterator] as PropertyKey[]) {
    Object.defineProperty(a, m, {
      value: () => {
        onRead?.();
        return new Uint8Array(3);
      },
      configurable: true,
    });
  }
  Object.defineProperty(a, 'constructor', trap(Uint16Array));
  return a;
}

/** A subclass whose methods and species throw (the library must not need them). */
class SubUint8Array extends Uint8Array {}
for (const m of ['subarray', 'slice', 'set', 'fill']) {
  Object.defineProperty(SubUint8Array.prototype, m, {
    value: () => {
      throw new Error(`subclass ${m} called`);
    },
  });
}
Object.defineProperty(SubUint8Array, Symbol.species, {
  get: () => {
    throw new Error('species read');
  },
});

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'plain Uint8Array', expect: 'bytes', make: (d) => new Uint8Array(d) },
  { name: 'Node Buffer', expect: 'bytes', make: (d) => Buffer.from(d) },
  {
    name: 'odd byteOffset view',
    expect: 'bytes',
    make: (d) => {
      const b = new Uint8Array(d.length + 11).fill(0xa5);
      b.set(d, 7);
      return b.subarray(7, 7 + d.length);
    },
  },
  {
    name: 'subclass with throwing methods',
    expect: 'bytes',
    make: (d) => {
      const a = new SubUint8Array(d.length);
      Uint8Array.prototype.set.call(a, d);
      return a;
    },
  },
  { name: 'own length/subarray/set/constructor that lie', expect: 'bytes', make: (d, onRead) => liar(d, onRead) },
  {
    name: 'cross-realm Uint8Array (node:vm)',
    expect: 'bytes',
    make: (d) => {
      const a = runInNewContext(`new Uint8Array(${d.length})`) as Uint8Array;
      Uint8Array.prototype.set.call(a, d);
      return a;
    },
  },
  {
    name: 'SharedArrayBuffer view',
    expect: 'bytes',
    make: (d) => {
      const a = new Uint8Array(new SharedArrayBuffer(d.length + 3), 3);
      a.set(d);
      return a;
    },
  },
  {
    name: 'resizable ArrayBuffer, in bounds',
    expect: 'bytes',
    make: (d) => {
      const a = new Uint8Array(new ArrayBuffer(d.length, { maxByteLength: d.length + 64 }));
      a.set(d);
      return a;
    },
  },
  {
    name: 'view out of bounds of a shrunk resizable ArrayBuffer',
    expect: 'broken',
    make: (d) => {
      const buf = new ArrayBuffer(d.length + 16, { maxByteLength: d.length + 16 });
      const a = new Uint8Array(buf, 8, d.length);
      a.set(d);
      buf.resize(4);
      return a;
    },
  },
  {
    name: 'detached (transferred) buffer',
    expect: 'broken',
    make: (d) => {
      const a = new Uint8Array(d);
      structuredClone(a.buffer, { transfer: [a.buffer] });
      return a;
    },
  },
  { name: 'DataView tagged Uint8Array', expect: 'type', make: (d) => taggedAs(new DataView(new Uint8Array(d).buffer), 'Uint8Array') },
  {
    name: 'Uint16Array tagged Uint8Array',
    expect: 'type',
    make: (d) => taggedAs(new Uint16Array(new Uint8Array(d.length + (d.length & 1)).buffer), 'Uint8Array'),
  },
  { name: 'Uint8ClampedArray', expect: 'type', make: (d) => new Uint8ClampedArray(d) },
  { name: 'Int8Array', expect: 'type', make: (d) => new Int8Array(d) },
  { name: 'Proxy of a Uint8Array (no traps)', expect: 'type', make: (d) => new Proxy(new Uint8Array(d), {}) },
  {
    name: 'Proxy of a Uint8Array (lying traps)',
    expect: 'type',
    make: (d, onRead) =>
      new Proxy(new Uint8Array(d), {
        get: (t, k) => {
          onRead?.();
          return k === 'length' ? 0 : Reflect.get(t, k);
        },
        getPrototypeOf: () => {
          onRead?.();
          return Uint8Array.prototype;
        },
      }),
  },
  { name: 'object with Uint8Array prototype', expect: 'type', make: () => Object.create(Uint8Array.prototype) },
  { name: 'array-like object', expect: 'type', make: (d) => Object.assign({ ...Array.from(d) }, { length: d.length, byteLength: d.length }) },
  { name: 'plain Array', expect: 'type', make: (d) => Array.from(d) },
  { name: 'ArrayBuffer', expect: 'type', make: (d) => new Uint8Array(d).buffer },
  { name: 'string', expect: 'type', make: () => 'abcd' },
  { name: 'null', expect: 'type', make: () => null },
  { name: 'number', expect: 'type', make: (d) => d.length },
  { name: 'bigint', expect: 'type', make: () => 5n },
  { name: 'boolean', expect: 'type', make: () => true },
  { name: 'symbol', expect: 'type', make: () => Symbol('bytes') },
  { name: 'function', expect: 'type', make: (d) => () => d },
  { name: 'Map', expect: 'type', make: (d) => new Map(d.entries()) },
];
