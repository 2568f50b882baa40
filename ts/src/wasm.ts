/**
 * One WebAssembly instance of the C core and its linear-memory layout.
 *
 * The C code keeps no global state: every buffer lives in a fixed arena that
 * this class lays out once at __heap_base. Inputs are copied in, outputs are
 * copied out, messages stream through a 64 KiB window (never copied whole),
 * and secret regions are zeroed after each call. If a call ever traps, the
 * instance is replaced before the error is rethrown, so the next call works.
 */

export const CHUNK = 64 * 1024;

/** Byte offsets of the arena regions, relative to __heap_base. */
const LAYOUT = {
  state: 0, // pq_keccak_state (checked against the C size)
  prehash: 256, // pq_prehash_ctx
  tr: 768,
  mu: 832,
  rnd: 896,
  seed: 928,
  digest: 960, // 64
  ctx: 1024, // 256
  pk: 1280, // 4096
  sk: 5376, // 8192
  sig: 13568, // 8192
  msg: 21760, // CHUNK
  prep: 21760 + CHUNK, // 65,600: the largest prepared key (ML-DSA-87), 64-byte aligned
  end: 21760 + CHUNK + 65600,
} as const;

export interface CoreExports {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  pq_keccak_absorb(st: number, p: number, len: number): void;
  pq_mldsa_keygen(name: number, xi: number, pk: number, sk: number): number;
  pq_mldsa_sign_mu(name: number, sk: number, mu: number, rnd: number, sig: number): number;
  pq_mldsa_verify_mu(name: number, pk: number, pklen: number, mu: number, sig: number, siglen: number): number;
  pq_mldsa_pk_tr(pk: number, pklen: number, tr: number): void;
  pq_mldsa_mu_init(st: number, tr: number): void;
  pq_mldsa_mu_absorb_prefix(st: number, prehash: number, ctx: number, ctxlen: number): void;
  pq_mldsa_mu_final(st: number, mu: number): void;
  pq_prehash_init(c: number, id: number): number;
  pq_prehash_update(c: number, id: number, p: number, len: number): void;
  pq_prehash_final(c: number, id: number, out: number): void;
  pq_mldsa_mu_absorb_prehash(st: number, id: number, digest: number): number;
  pq_falcon_verify_start(st: number, sig: number, siglen: number): number;
  pq_falcon_verify_finish(logn: number, pk: number, pklen: number, sig: number, siglen: number, st: number): number;
  pq_falcon_det_verify_start(st: number, sig: number, siglen: number): number;
  pq_falcon_det_verify_finish(pk: number, pklen: number, sig: number, siglen: number, st: number): number;
  pq_mldsa_prepare(name: number, pk: number, pklen: number, out: number): number;
  pq_mldsa_verify_prepared(name: number, prep: number, mu: number, sig: number, siglen: number): number;
  pq_falcon_prepare(logn: number, pk: number, pklen: number, out: number): number;
  pq_falcon_verify_prepared_finish(logn: number, prep: number, sig: number, siglen: number, st: number): number;
  pq_falcon_det_verify_prepared_finish(prep: number, sig: number, siglen: number, st: number): number;
  pq_bench_kernel(id: number, iters: number): number;
  pq_sizeof_keccak_state(): number;
  pq_sizeof_prehash_ctx(): number;
}

export type Region = Exclude<keyof typeof LAYOUT, 'end'>;

export class WasmCore {
  private ex!: CoreExports;
  private u8!: Uint8Array;
  private base = 0;

  constructor(private readonly module: WebAssembly.Module) {
    this.instantiate();
  }

  private instantiate(): void {
    const inst = new WebAssembly.Instance(this.module, {});
    const ex = inst.exports as unknown as CoreExports;
    const base = ex.__heap_base.value as number;
    const need = base + LAYOUT.end;
    const have = ex.memory.buffer.byteLength;
    if (need > have) ex.memory.grow(Math.ceil((need - have) / 65536));
    if (ex.pq_sizeof_keccak_state() > LAYOUT.prehash - LAYOUT.state || ex.pq_sizeof_prehash_ctx() > LAYOUT.tr - LAYOUT.prehash) {
      throw new Error('pqsimd: WASM core and JS memory layout disagree (rebuild the package)');
    }
    this.ex = ex;
    this.base = base;
    this.u8 = new Uint8Array(ex.memory.buffer);
  }

  /** Address of a region. */
  p(r: Region): number {
    return this.base + LAYOUT[r];
  }

  get exports(): CoreExports {
    return this.ex;
  }

  write(r: Region, data: Uint8Array, offset = 0): number {
    const at = this.p(r) + offset;
    this.u8.set(data, at);
    return at;
  }

  read(r: Region, len: number): Uint8Array {
    const at = this.p(r);
    return this.u8.slice(at, at + len);
  }

  view(r: Region, len: number): Uint8Array {
    const at = this.p(r);
    return this.u8.subarray(at, at + len);
  }

  wipe(r: Region, len: number): void {
    const at = this.p(r);
    this.u8.fill(0, at, at + len);
  }

  /** Feeds `data` to a streaming C function through the 64 KiB message window. */
  stream(data: Uint8Array, feed: (ptr: number, len: number) => void): void {
    const at = this.p('msg');
    for (let off = 0; off < data.length; off += CHUNK) {
      const part = data.subarray(off, Math.min(off + CHUNK, data.length));
      this.u8.set(part, at);
      feed(at, part.length);
    }
  }

  /** Which prepared key's bytes the `prep` region holds (so repeated verifies skip the copy). */
  private prepOwner: object | null = null;

  /** Makes the `prep` region hold `bytes` (a prepared key), copying only when another key was there. */
  loadPrepared(owner: object, bytes: Uint8Array): void {
    if (this.prepOwner !== owner) {
      this.u8.set(bytes, this.p('prep'));
      this.prepOwner = owner;
    }
  }

  /** Marks the `prep` region as overwritten. */
  clobberPrepared(): void {
    this.prepOwner = null;
  }

  /** Runs `fn`; if the instance traps, it is replaced so the next call works. */
  run<T>(fn: (core: this) => T): T {
    try {
      return fn(this);
    } catch (e) {
      this.instantiate();
      this.prepOwner = null;
      throw e;
    }
  }
}
