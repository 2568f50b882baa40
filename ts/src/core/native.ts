/**
 * The native Node addon (N-API): prebuilds/<platform>-<arch>/*.node, found with node-gyp-build.
 * It registers the binding's entries (native/common/binding/pq_binding.h) once per ISA it offers; the
 * driver passes the caller's Uint8Arrays straight through (the addon reads them in place).
 * Loading never throws: a missing or broken addon leaves the WASM backends, and says why.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
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

/** node-gyp-build's loader (only what is used here). */
interface NodeGypBuild {
  resolve(dir: string): string;
}

/**
 * 'musl' when this Node's ELF interpreter (PT_INTERP, read from the binary's program headers)
 * is musl's loader (/lib/ld-musl-<arch>.so.1), else 'glibc'. node-gyp-build itself picks the
 * musl prebuild only on Alpine (it looks for /etc/alpine-release, or LIBC=musl); this covers
 * every musl Node (Void, a musl Node on any distribution) at the cost of reading a few hundred
 * bytes (process.report's glibcVersionRuntime would tell too, but a report takes ~10 ms).
 */
function elfInterpreterIsMusl(path: string): boolean {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    const read = (offset: number, length: number): Buffer => {
      const b = Buffer.alloc(length);
      readSync(fd, b, 0, length, offset);
      return b;
    };
    const h = read(0, 64);
    // ELF64 little-endian only (x64, arm64: the Linux targets with prebuilds)
    if (h.readUInt32BE(0) !== 0x7f454c46 || h[4] !== 2 || h[5] !== 1) return false;
    const phoff = Number(h.readBigUInt64LE(0x20));
    const phentsize = h.readUInt16LE(0x36);
    const phnum = h.readUInt16LE(0x38);
    const ph = read(phoff, phentsize * phnum);
    for (let i = 0; i < phnum; i++) {
      const e = i * phentsize;
      if (ph.readUInt32LE(e) !== 3) continue; // PT_INTERP
      const interp = read(Number(ph.readBigUInt64LE(e + 8)), Math.min(Number(ph.readBigUInt64LE(e + 32)), 256));
      return interp.toString('latin1').includes('ld-musl-');
    }
    return false; // statically linked: no interpreter
  } catch {
    return false;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The prebuild directories this package ships (prebuilds/<platform>-<arch>). */
function shippedPrebuilds(root: string): string {
  try {
    return readdirSync(join(root, 'prebuilds')).sort().join(', ') || 'none';
  } catch {
    return 'none';
  }
}

/**
 * The addon file for this process: node-gyp-build's choice (prebuilds/<platform>-<arch>, the most
 * specific matching tags), with the musl build instead of the glibc one when this Node runs on
 * musl. Throws an Error whose message says why there is none.
 */
function addonPath(load: NodeGypBuild, root: string): string {
  let file: string;
  try {
    file = load.resolve(root);
  } catch (e) {
    // node-gyp-build: "No native build was found for platform=darwin arch=arm64 runtime=node ... libc=glibc ..."
    const msg = e instanceof Error ? e.message : String(e);
    const tag = (k: string): string | undefined => new RegExp(`\\b${k}=(\\S+)`).exec(msg)?.[1];
    const target = `${tag('platform') ?? process.platform}-${tag('arch') ?? process.arch}`;
    throw new Error(`no prebuilt native addon for ${target} in this package (it has: ${shippedPrebuilds(root)}); the WebAssembly backends run instead`);
  }
  if (process.platform === 'linux' && file.endsWith('.glibc.node') && elfInterpreterIsMusl(process.execPath)) {
    const musl = `${file.slice(0, -'.glibc.node'.length)}.musl.node`;
    if (existsSync(musl)) return musl;
    throw new Error(`no prebuilt native addon for ${process.platform}-${process.arch} with musl in this package; the WebAssembly backends run instead`);
  }
  return file;
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
    const root = packageRoot();
    const file = addonPath(require('node-gyp-build') as NodeGypBuild, root);
    try {
      addon = require(file) as Addon;
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      throw new Error(`the native addon ${file.slice(root.length + 1)} did not load (${why}); the WebAssembly backends run instead`);
    }
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
