/**
 * The native Node addon (N-API): prebuilds/<platform>-<arch>/*.node, found with node-gyp-build.
 * It registers the binding's entries (native/common/binding/pq_binding.h) once per ISA it offers; the
 * driver passes the caller's Uint8Arrays straight through (the addon reads them in place).
 * Loading never throws: a missing or broken addon leaves the WASM backends, and says why.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, type EntryName } from '../gen/binding.js';
import type { BackendName } from '../types.js';
import { byteLength, copyInto, viewOf, zero } from './bytes.js';
import { COPIED_INPUT_BYTES, type Driver } from './driver.js';
import { denoGrants, readEnv } from './env.js';

type EntryFn = (...args: unknown[]) => number;
type AddonCore = { isa: string } & Record<EntryName, EntryFn>;

interface Addon {
  isas: string[];
  ticks?: () => bigint;
  ticksSource?: string;
  [isa: string]: unknown;
}

/** A hardware tick counter read through the addon (benchmarks only). */
export interface TickCounter {
  read: () => bigint;
  /** 'rdtsc' (x86-64 time-stamp counter) or 'cntvct_el0' (AArch64 virtual counter). */
  source: string;
}

/** f(a[0], ..., a[n-1]) as a plain call (measured: apply or spread add 150-450 TSC ticks a call,
 * 1-4% of a prepared verify). */
function invoke(f: EntryFn, a: unknown[]): number {
  switch (a.length) {
    case 2:
      return f(a[0], a[1]);
    case 3:
      return f(a[0], a[1], a[2]);
    case 4:
      return f(a[0], a[1], a[2], a[3]);
    case 5:
      return f(a[0], a[1], a[2], a[3], a[4]);
    case 6:
      return f(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7:
      return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 8:
      return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    default:
      return f(...a);
  }
}

/** Inputs of at most this many bytes go through the driver's own scratch memory. V8 keeps such small
 * typed arrays on its heap, and N-API must move a fresh one's bytes to a new backing store when the
 * addon asks for its data pointer (measured: 0.6 us per fresh argument, more than a whole 64-byte
 * ChaCha20-Poly1305 seal in the addon); the copy costs about 40 ns. Outputs go straight through
 * (the family modules write small results into scratch of their own). Since small inputs are
 * copied before the call, they can never alias an output. */
const SMALL_INPUT = COPIED_INPUT_BYTES;
const SLOTS = 9; // up to 8 inputs and a message

/** The driver over one ISA of the addon: large inputs and every output go straight through (read
 * and written in place); small inputs through a scratch area, wiped after each call. */
export function nativeDriver(core: AddonCore): Driver {
  for (const name of Object.keys(ENTRIES) as EntryName[]) {
    if (typeof core[name] !== 'function') throw new Error(`pqsimd: the native addon has no ${name} (rebuild it)`);
  }
  const scratch = new Uint8Array(new ArrayBuffer(SMALL_INPUT * SLOTS)); // off-heap: a real ArrayBuffer
  const views: Uint8Array[][] = []; // views[slot][n]: made once, reused (no allocation per call)
  for (let i = 0; i < SLOTS; i++) views.push([]);
  let used = 0; // scratch slots in use by the call in flight
  const input = (v: Uint8Array): Uint8Array => {
    const n = byteLength(v);
    if (n === 0 || n > SMALL_INPUT) return v;
    const slot = views[used]!;
    slot[n] ??= viewOf(scratch, SMALL_INPUT * used, n);
    const s = slot[n];
    used++;
    copyInto(s, v, 0);
    return s;
  };
  const run = (
    entry: EntryName,
    ints: readonly number[],
    ins: readonly Uint8Array[],
    message: Uint8Array | null,
    outs: readonly Uint8Array[],
    messageOut: Uint8Array | null,
  ): number => {
    if (used !== 0) throw new Error(`pqsimd: ${entry} was called while another native call was in flight`);
    try {
      const a: unknown[] = [];
      for (let i = 0; i < ints.length; i++) a.push(ints[i]);
      for (let i = 0; i < ins.length; i++) a.push(input(ins[i]!));
      if (message !== null) a.push(input(message));
      if (messageOut !== null) a.push(messageOut);
      for (let i = 0; i < outs.length; i++) a.push(outs[i]);
      return invoke(core[entry], a);
    } finally {
      if (used) zero(scratch, 0, SMALL_INPUT * used);
      used = 0;
    }
  };
  return {
    call: (entry, ints, ins, outs) => run(entry, ints, ins, null, outs, null),
    stream: (entry, ints, ins, message, outs) => run(entry, ints, ins, message, outs, null),
    transform: (entry, ints, ins, message, messageOut, outs) => run(entry, ints, ins, message, outs, messageOut),
    adopt: () => {},
    memoryBytes: () => 0,
  };
}

/** The package root: dist/ is one level below it. */
function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

export interface NativeBackends {
  backends: [BackendName, () => Driver][];
  error: string | null;
  ticks: TickCounter | null;
}

export function loadNativeBackends(): NativeBackends {
  if (readEnv('PQSIMD_NO_NATIVE')) return { backends: [], error: 'disabled by PQSIMD_NO_NATIVE', ticks: null };
  if ('Deno' in globalThis) {
    // node-gyp-build reads environment variables and files to find the prebuild, then Deno loads
    // it as FFI: without all three permissions Deno would stop to ask (on a terminal) or throw.
    const missing = (['read', 'env', 'ffi'] as const).filter((name) => !denoGrants({ name }));
    if (missing.length) {
      return { backends: [], error: `Deno: the native addon needs ${missing.map((m) => `--allow-${m}`).join(' ')} (running on WebAssembly)`, ticks: null };
    }
  }
  let addon: Addon;
  try {
    const require = createRequire(import.meta.url);
    const load = require('node-gyp-build') as (dir: string) => Addon;
    addon = load(packageRoot());
  } catch (e) {
    return { backends: [], error: e instanceof Error ? e.message.split('\n')[0]! : String(e), ticks: null };
  }
  const backends: [BackendName, () => Driver][] = [];
  for (const isa of addon.isas) {
    const core = addon[isa] as AddonCore;
    backends.push([`native-${isa}` as BackendName, () => nativeDriver(core)]);
  }
  const ticks = typeof addon.ticks === 'function' ? { read: addon.ticks, source: String(addon.ticksSource) } : null;
  return { backends, error: null, ticks };
}
