/**
 * The generic WASM driver: one instance of one family's module, called through the binding
 * (native/common/binding/pq_binding.h) with no per-entry code here.
 *
 * Linear memory, laid out once above __heap_base:
 *   state | ints | input descriptors | output descriptors | message window | arena | resident
 * Each call copies every input once into the arena (by its real byte length, read with the
 * intrinsic getter, bounds-checked against the arena), lets the C core write outputs into the
 * arena, copies them out, and zeroes everything it used (state, arena, message window). The
 * arena is 128 KiB; a call whose inputs and outputs need more (an AEAD's associated data of any
 * length) grows it, and the memory, once to what it needs, and later calls keep that size. A
 * message of any length streams through the 64 KiB window; a transform entry (stream ciphers,
 * AEADs) works on each piece in place there, and the piece's output is copied out to the same
 * offset of the caller's message output. A library-owned, immutable blob (a
 * prepared key, see Driver.adopt) may stay in the resident region between calls. If the
 * instance traps, it is replaced before the error is rethrown, so the next call works. A call
 * can never start while another is in flight on the same instance (it throws instead).
 */
import { ENTRIES, type EntryName, type Family } from '../gen/binding.js';
import { byteLength, copyInto, viewOf, zero } from './bytes.js';
import type { Driver } from './driver.js';

export const CHUNK = 64 * 1024;
const ARENA = 128 * 1024;
const MAX_ARGS = 16;
const align = (n: number): number => (n + 63) & ~63;

type EndFn = (st: number, a: number, inp: number, out: number) => number;
type BeginFn = (st: number, a: number, inp: number) => void;
type UpdateFn = (st: number, p: number, n: number) => void;
type TransformFn = (st: number, src: number, dst: number, n: number) => void;
interface EntryFns {
  begin?: BeginFn;
  update?: UpdateFn;
  transform?: TransformFn;
  end: EndFn;
}

interface Exports {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  pq_bind_state_bytes(): number;
  [name: string]: unknown;
}

export class WasmDriver implements Driver {
  private u8!: Uint8Array;
  private i32!: Int32Array;
  private u32!: Uint32Array;
  private fns = new Map<EntryName, EntryFns>();
  private stateAt = 0;
  private stateBytes = 0;
  private intsAt = 0;
  private inAt = 0;
  private outAt = 0;
  private windowAt = 0;
  private arenaAt = 0;
  private arenaBytes = ARENA;
  private memory!: WebAssembly.Memory;
  private residentAt = 0;
  private resident: Uint8Array | null = null;
  private readonly adopted = new WeakSet<Uint8Array>();
  private busy = false;

  /** `residentBytes`: the largest blob the family adopts (its largest prepared key). */
  constructor(
    private readonly module: WebAssembly.Module,
    private readonly family: Family,
    private readonly residentBytes: number,
  ) {
    this.instantiate();
  }

  private instantiate(): void {
    const inst = new WebAssembly.Instance(this.module, {});
    const ex = inst.exports as unknown as Exports;
    const fns = new Map<EntryName, EntryFns>();
    for (const [name, e] of Object.entries(ENTRIES) as [EntryName, (typeof ENTRIES)[EntryName]][]) {
      if (e.family !== this.family) continue;
      const get = <T>(sym: string): T => {
        const f = ex[sym];
        if (typeof f !== 'function') throw new Error(`pqsimd: the ${this.family} WASM module has no ${sym} (rebuild the package)`);
        return f as T;
      };
      const end = get<EndFn>(`pq_bind_${name}`);
      if (e.streamed === 0) fns.set(name, { end });
      else if (e.streamed === 1) fns.set(name, { begin: get<BeginFn>(`pq_bind_${name}_begin`), update: get<UpdateFn>(`pq_bind_${name}_update`), end });
      else fns.set(name, { begin: get<BeginFn>(`pq_bind_${name}_begin`), transform: get<TransformFn>(`pq_bind_${name}_update`), end });
    }
    const base = align(ex.__heap_base.value as number);
    this.stateBytes = ex.pq_bind_state_bytes();
    this.stateAt = base;
    this.intsAt = base + align(this.stateBytes);
    this.inAt = this.intsAt + 4 * MAX_ARGS;
    this.outAt = this.inAt + 8 * MAX_ARGS;
    this.windowAt = align(this.outAt + 8 * MAX_ARGS);
    this.arenaAt = this.windowAt + CHUNK;
    this.arenaBytes = ARENA;
    this.residentAt = this.arenaAt + ARENA;
    const need = this.residentAt + align(this.residentBytes);
    const have = ex.memory.buffer.byteLength;
    if (need > have) ex.memory.grow(Math.ceil((need - have) / 65536));
    this.fns = fns;
    this.memory = ex.memory;
    this.views();
    this.resident = null;
  }

  private views(): void {
    this.u8 = new Uint8Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
    this.u32 = new Uint32Array(this.memory.buffer);
  }

  /** Makes the arena hold `need` bytes (a whole number of 64 KiB pages): the resident region moves
   * up (its old bytes are zeroed, the blob is copied again when next used) and memory grows. */
  private growArena(entry: EntryName, need: number): void {
    const arena = Math.ceil(need / 65536) * 65536;
    const residentAt = this.arenaAt + arena;
    const end = residentAt + align(this.residentBytes);
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / 65536));
      } catch {
        throw new RangeError(`pqsimd: ${entry}: ${need} bytes of arguments do not fit in WASM memory`);
      }
      this.views();
    }
    zero(this.u8, this.residentAt, this.residentAt + align(this.residentBytes));
    this.arenaBytes = arena;
    this.residentAt = residentAt;
    this.resident = null;
  }

  memoryBytes(): number {
    return this.u8.byteLength;
  }

  adopt(blob: Uint8Array): void {
    this.adopted.add(blob);
  }

  call(entry: EntryName, ints: readonly number[], ins: readonly Uint8Array[], outs: readonly Uint8Array[]): number {
    return this.run(entry, ints, ins, null, outs);
  }

  stream(entry: EntryName, ints: readonly number[], ins: readonly Uint8Array[], message: Uint8Array, outs: readonly Uint8Array[]): number {
    return this.run(entry, ints, ins, message, outs);
  }

  transform(
    entry: EntryName,
    ints: readonly number[],
    ins: readonly Uint8Array[],
    message: Uint8Array,
    messageOut: Uint8Array,
    outs: readonly Uint8Array[],
  ): number {
    return this.run(entry, ints, ins, message, outs, messageOut);
  }

  private run(
    entry: EntryName,
    ints: readonly number[],
    ins: readonly Uint8Array[],
    message: Uint8Array | null,
    outs: readonly Uint8Array[],
    messageOut: Uint8Array | null = null,
  ): number {
    const fn = this.fns.get(entry);
    const decl = ENTRIES[entry];
    const kind = message === null ? 0 : messageOut === null ? 1 : 2;
    if (!fn || ints.length !== decl.nint || ins.length !== decl.nin || outs.length !== decl.nout || kind !== decl.streamed) {
      throw new Error(`pqsimd: internal error: bad call of ${entry}`);
    }
    if (messageOut !== null && byteLength(messageOut) !== byteLength(message!)) {
      throw new Error(`pqsimd: internal error: ${entry}: the message output must have the message's length`);
    }
    if (this.busy) {
      throw new Error(`pqsimd: ${entry} was called while another call on the same WASM instance was in flight (a re-entrant call); nothing was computed`);
    }
    this.busy = true;
    let need = 0;
    for (let i = 0; i < ins.length; i++) {
      const n = byteLength(ins[i]!);
      if (!(this.adopted.has(ins[i]!) && n <= this.residentBytes)) need = align(need + n);
    }
    for (let i = 0; i < outs.length; i++) need = align(need + byteLength(outs[i]!));
    if (need > this.arenaBytes) {
      try {
        this.growArena(entry, need);
      } catch (e) {
        this.busy = false;
        throw e;
      }
    }
    const u8 = this.u8;
    let used = 0;
    let windowUsed = 0;
    try {
      for (let i = 0; i < ints.length; i++) this.i32[(this.intsAt >> 2) + i] = ints[i]! | 0;
      for (let i = 0; i < ins.length; i++) {
        const src = ins[i]!;
        const n = byteLength(src);
        let at: number;
        if (this.adopted.has(src) && n <= this.residentBytes) {
          at = this.residentAt;
          if (this.resident !== src) {
            this.resident = null; // stays null if the copy fails
            copyInto(u8, src, at);
            this.resident = src;
          }
        } else {
          if (used + n > this.arenaBytes) throw new RangeError(`pqsimd: ${entry}: inputs larger than the ${this.arenaBytes}-byte WASM arena`);
          at = this.arenaAt + used;
          copyInto(u8, src, at);
          used = align(used + n);
        }
        this.u32[(this.inAt >> 2) + 2 * i] = at;
        this.u32[(this.inAt >> 2) + 2 * i + 1] = n;
      }
      const outAt: number[] = [];
      for (let i = 0; i < outs.length; i++) {
        const n = byteLength(outs[i]!);
        if (used + n > this.arenaBytes) throw new RangeError(`pqsimd: ${entry}: outputs larger than the ${this.arenaBytes}-byte WASM arena`);
        const at = this.arenaAt + used;
        used = align(used + n);
        outAt.push(at);
        this.u32[(this.outAt >> 2) + 2 * i] = at;
        this.u32[(this.outAt >> 2) + 2 * i + 1] = n;
      }
      if (message !== null) {
        fn.begin!(this.stateAt, this.intsAt, this.inAt);
        const len = byteLength(message);
        for (let off = 0; off < len; off += CHUNK) {
          const n = Math.min(CHUNK, len - off);
          copyInto(u8, viewOf(message, off, n), this.windowAt);
          windowUsed = Math.max(windowUsed, n);
          if (messageOut === null) {
            fn.update!(this.stateAt, this.windowAt, n);
          } else {
            fn.transform!(this.stateAt, this.windowAt, this.windowAt, n);
            copyInto(messageOut, viewOf(u8, this.windowAt, n), off);
          }
        }
      }
      const rc = fn.end(this.stateAt, this.intsAt, this.inAt, this.outAt);
      for (let i = 0; i < outs.length; i++) copyInto(outs[i]!, viewOf(u8, outAt[i]!, byteLength(outs[i]!)), 0);
      return rc;
    } catch (e) {
      this.instantiate(); // a trap leaves the instance in an unknown state: start a new one
      throw e;
    } finally {
      if (u8 === this.u8) {
        zero(u8, this.stateAt, this.stateAt + this.stateBytes);
        zero(u8, this.intsAt, this.windowAt);
        if (windowUsed) zero(u8, this.windowAt, this.windowAt + windowUsed);
        if (used) zero(u8, this.arenaAt, this.arenaAt + used);
      }
      this.busy = false;
    }
  }
}
