/**
 * VerifyPool: batches of signatures verified on several threads (Web Workers in browsers,
 * worker_threads in Node), each worker with its own WASM instance or the native addon.
 *
 * A batch is cut into chunks; workers take the next chunk from one queue shared by every batch
 * (each holds at most two, so it never waits for the next), and a slow worker never holds the
 * others back. Each chunk travels as two transferred buffers (lengths and bytes). Verdicts come
 * back in input order. A worker that fails (throws, exits, cannot start) rejects the batches whose
 * chunks it held and is replaced for later work: a promise from verifyBatch always settles.
 */
import { BACKEND_NAMES } from './core/backends.js';
import { batchList, checkItem, type CheckedItem } from './batch.js';
import type { BackendName, FalconBatchItem, FalconVerifier, MlDsa, MlDsaBatchItem } from './types.js';
import { describe } from './core/bytes.js';

/** Every algorithm a pool verifies. */
export type PoolAlgorithm = MlDsa['name'] | FalconVerifier['name'];
export const POOL_ALGORITHMS: readonly PoolAlgorithm[] = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87', 'Falcon-512', 'Falcon-1024', 'Falcon-Det1024'];

/** A pool item: an MlDsaBatchItem / FalconBatchItem with a public key (prepared keys stay on their thread). */
export type PoolBatchItem = Extract<MlDsaBatchItem, { publicKey: Uint8Array }> | Extract<FalconBatchItem, { publicKey: Uint8Array }>;

export interface VerifyPoolOptions {
  /** Number of workers (default: the logical CPUs: os.availableParallelism() in Node,
   * navigator.hardwareConcurrency in browsers). Workers start on first use. */
  size?: number;
  /** The backend every worker uses (default: each worker's fastest, as ready() picks it). */
  backend?: BackendName;
  /** Where the worker script is (default: pool-worker.mjs next to the browser build,
   * pool-worker.node.mjs next to the Node build). Set it when a bundler moved the package. */
  workerUrl?: string | URL;
}

/** Main thread -> worker. */
export type PoolRequest =
  | { type: 'init'; backend: BackendName | null }
  | { type: 'verify'; id: number; alg: PoolAlgorithm; meta: Uint32Array; data: Uint8Array };

/** Worker -> main thread. `id` null: the worker could not start. */
export type PoolResponse =
  | { type: 'ready'; backend: string }
  | { type: 'result'; id: number; verdicts: Uint8Array }
  | { type: 'error'; id: number | null; name: string; message: string };

/** What the pool needs of one worker, in either runtime. */
export interface PoolWorkerHandle {
  post(msg: PoolRequest, transfer: ArrayBuffer[]): void;
  /** Whether the worker holds work (Node: keeps the process alive only then). */
  busy(on: boolean): void;
  terminate(): void;
}

export interface PoolWorkerEvents {
  message(m: PoolResponse): void;
  /** The worker threw, exited or could not load. */
  fail(e: Error): void;
}

/** How workers are made: Web Workers by default, worker_threads with the Node entry point. */
export interface PoolPlatform {
  spawn(url: string | URL | undefined, events: PoolWorkerEvents): PoolWorkerHandle;
  defaultSize(): number;
}

function defaultWebWorkerUrl(): URL {
  const base = import.meta.url as string | undefined;
  if (!base) throw new Error('VerifyPool: cannot locate pool-worker.mjs from this build; pass the workerUrl option');
  return new URL('./pool-worker.mjs', base);
}

const webPlatform: PoolPlatform = {
  spawn(url, events) {
    if (typeof Worker !== 'function') throw new Error("VerifyPool: this runtime has no Web Workers (in Node, import the package's Node entry point)");
    const w = new Worker(url ?? defaultWebWorkerUrl(), { type: 'module', name: 'pqsimd-pool' });
    w.onmessage = (e: MessageEvent<PoolResponse>) => events.message(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      events.fail(new Error(`VerifyPool: worker error: ${e.message || 'the worker script failed to load or threw'}`));
    };
    w.onmessageerror = () => events.fail(new Error('VerifyPool: a message from a worker could not be deserialized'));
    return {
      post: (m, transfer) => w.postMessage(m, transfer),
      busy: () => {},
      terminate: () => w.terminate(),
    };
  },
  defaultSize: () => {
    const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
    return typeof n === 'number' && n >= 1 ? n : 4;
  },
};

let platform: PoolPlatform = webPlatform;

/** Called by the Node entry point: worker_threads instead of Web Workers. */
export function setPoolPlatform(p: PoolPlatform): void {
  platform = p;
}

interface Batch {
  verdicts: boolean[];
  remaining: number;
  settled: boolean;
  resolve(v: boolean[]): void;
  reject(e: unknown): void;
}

interface Chunk {
  batch: Batch;
  alg: PoolAlgorithm;
  items: CheckedItem[];
  start: number;
}

interface Slot {
  handle: PoolWorkerHandle | null;
  /** Chunks sent and not answered, by request id (answers come in order). */
  inflight: Map<number, Chunk>;
  alive: boolean;
  backend: string | null;
}

/** Chunks a worker may hold: the next one is already there when it finishes one. */
const DEPTH = 2;

/** Lengths (pk, msg, sig, ctx + 1 or 0) and all bytes of a chunk, in two buffers to transfer. */
function pack(items: readonly CheckedItem[]): { meta: Uint32Array; data: Uint8Array } {
  const meta = new Uint32Array(1 + 4 * items.length);
  meta[0] = items.length;
  let total = 0;
  items.forEach((it, i) => {
    const ctx = it.context;
    meta[1 + 4 * i] = it.publicKey!.length;
    meta[2 + 4 * i] = it.message.length;
    meta[3 + 4 * i] = it.signature.length;
    meta[4 + 4 * i] = ctx ? ctx.length + 1 : 0;
    total += it.publicKey!.length + it.message.length + it.signature.length + (ctx ? ctx.length : 0);
  });
  const data = new Uint8Array(total);
  let o = 0;
  for (const it of items) {
    for (const part of [it.publicKey!, it.message, it.signature, it.context]) {
      if (!part) continue;
      data.set(part, o);
      o += part.length;
    }
  }
  return { meta, data };
}

function algorithmName(alg: unknown): PoolAlgorithm {
  const name = typeof alg === 'string' ? alg : alg !== null && typeof alg === 'object' ? (alg as { name?: unknown }).name : undefined;
  if (typeof name !== 'string') throw new TypeError(`algorithm: expected an algorithm name or object (e.g. 'ML-DSA-65' or mlDsa65), got ${describe(alg)}`);
  if (!POOL_ALGORITHMS.includes(name as PoolAlgorithm)) {
    throw new RangeError(`algorithm: unknown algorithm "${name}"; expected one of ${POOL_ALGORITHMS.join(', ')}`);
  }
  return name as PoolAlgorithm;
}

/**
 * A pool of verification workers.
 *
 *   const pool = new VerifyPool();                 // one worker per core, started on first use
 *   const ok = await pool.verifyBatch('ML-DSA-65', items);   // or pool.verifyBatch(mlDsa65, items)
 *   await pool.close();
 */
export class VerifyPool {
  /** The most workers this pool runs at once. */
  readonly size: number;
  /** The backend the workers use (undefined: each worker's fastest). */
  readonly backend: BackendName | undefined;
  #url: string | URL | undefined;
  #slots: Slot[] = [];
  #queue: Chunk[] = [];
  #pending = new Set<Batch>();
  #nextId = 1;
  #state: 'open' | 'closing' | 'closed' = 'open';
  #drained: (() => void)[] = [];

  constructor(opts: VerifyPoolOptions = {}) {
    if (opts === null || typeof opts !== 'object') throw new TypeError(`VerifyPool: expected an options object, got ${describe(opts)}`);
    const size = opts.size ?? platform.defaultSize();
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1024) {
      throw new RangeError(`size: expected an integer from 1 to 1024, got ${String(size)}`);
    }
    if (opts.backend !== undefined && !BACKEND_NAMES.includes(opts.backend)) {
      throw new RangeError(`backend: unknown backend "${String(opts.backend)}"; expected one of ${BACKEND_NAMES.join(', ')}`);
    }
    if (opts.workerUrl !== undefined && typeof opts.workerUrl !== 'string' && !(opts.workerUrl instanceof URL)) {
      throw new TypeError(`workerUrl: expected a string or URL, got ${describe(opts.workerUrl)}`);
    }
    this.size = size;
    this.backend = opts.backend;
    this.#url = opts.workerUrl;
  }

  /** Workers running now (they start on demand and are replaced after a failure). */
  get workers(): number {
    return this.#slots.length;
  }

  /** The backend each running worker reported (null until it has started). */
  get workerBackends(): (string | null)[] {
    return this.#slots.map((s) => s.backend);
  }

  /**
   * Verifies `items` with `algorithm` on the workers: one verdict per item, in order. Bad bytes
   * give false; a non-Uint8Array field rejects with TypeError (before any work starts); a
   * failing worker rejects with an Error.
   */
  async verifyBatch(algorithm: PoolAlgorithm | { readonly name: PoolAlgorithm }, items: readonly PoolBatchItem[]): Promise<boolean[]> {
    if (this.#state !== 'open') throw new Error(`VerifyPool: the pool is ${this.#state === 'closing' ? 'closing' : 'closed'}`);
    const alg = algorithmName(algorithm);
    const hasContext = alg.startsWith('ML-DSA');
    const list = batchList(items).map((v, i) => checkItem(alg, v, i, hasContext, null));
    if (list.length === 0) return [];
    return new Promise<boolean[]>((resolve, reject) => {
      const batch: Batch = { verdicts: new Array<boolean>(list.length).fill(false), remaining: 0, settled: false, resolve, reject };
      // Chunks: about four per worker (load balance), at least a few items each (message cost).
      const per = Math.max(Math.ceil(list.length / (this.size * 4)), Math.min(4, Math.ceil(list.length / this.size)));
      for (let start = 0; start < list.length; start += per) {
        this.#queue.push({ batch, alg, items: list.slice(start, start + per), start });
        batch.remaining++;
      }
      this.#pending.add(batch);
      this.#dispatch();
    });
  }

  /** Lets queued and running batches finish, then stops every worker. */
  async close(): Promise<void> {
    if (this.#state === 'open') this.#state = 'closing';
    if (this.#pending.size) await new Promise<void>((r) => this.#drained.push(r));
    this.#shutdown(null);
  }

  /** Stops every worker now; batches not finished reject. */
  async terminate(): Promise<void> {
    this.#shutdown(new Error('VerifyPool: terminated'));
  }

  #shutdown(reason: Error | null): void {
    this.#state = 'closed';
    this.#queue = [];
    for (const b of [...this.#pending]) this.#settle(b, reason ?? new Error('VerifyPool: closed'));
    for (const s of this.#slots) this.#stop(s);
    this.#slots = [];
  }

  #stop(s: Slot): void {
    s.alive = false;
    const h = s.handle;
    s.handle = null;
    if (h) {
      try {
        h.terminate();
      } catch {
        /* already gone */
      }
    }
  }

  #settle(b: Batch, error: unknown | null): void {
    if (b.settled) return;
    b.settled = true;
    this.#pending.delete(b);
    if (error) b.reject(error);
    else b.resolve(b.verdicts);
    if (this.#pending.size === 0) for (const r of this.#drained.splice(0)) r();
  }

  #spawn(): Slot | null {
    const slot: Slot = { handle: null, inflight: new Map(), alive: true, backend: null };
    try {
      slot.handle = platform.spawn(this.#url, {
        message: (m) => this.#onMessage(slot, m),
        fail: (e) => this.#onFail(slot, e),
      });
      slot.handle.post({ type: 'init', backend: this.backend ?? null }, []);
    } catch (e) {
      // No workers at all in this runtime: every queued batch fails with the reason.
      this.#stop(slot);
      for (const c of this.#queue.splice(0)) this.#settle(c.batch, e);
      return null;
    }
    this.#slots.push(slot);
    return slot;
  }

  #dispatch(): void {
    while (this.#queue.length && this.#state !== 'closed') {
      const chunk = this.#queue[0]!;
      if (chunk.batch.settled) {
        this.#queue.shift();
        continue;
      }
      // an idle worker, else a new one, else one with room for a second chunk
      let slot = this.#slots.find((s) => s.alive && s.inflight.size === 0);
      if (!slot && this.#slots.length < this.size) {
        const s = this.#spawn();
        if (!s) return;
        slot = s;
      }
      slot ??= this.#slots.find((s) => s.alive && s.inflight.size < DEPTH);
      if (!slot) return;
      this.#queue.shift();
      let msg: { meta: Uint32Array; data: Uint8Array };
      try {
        msg = pack(chunk.items);
      } catch (e) {
        this.#settle(chunk.batch, e); // e.g. a buffer detached after the call
        continue;
      }
      const id = this.#nextId++;
      slot.inflight.set(id, chunk);
      slot.handle!.busy(true);
      slot.handle!.post({ type: 'verify', id, alg: chunk.alg, meta: msg.meta, data: msg.data }, [
        msg.meta.buffer as ArrayBuffer,
        msg.data.buffer as ArrayBuffer,
      ]);
    }
  }

  #release(slot: Slot, id: number): Chunk | null {
    const c = slot.inflight.get(id) ?? null;
    slot.inflight.delete(id);
    if (slot.inflight.size === 0) slot.handle?.busy(false);
    return c;
  }

  #onMessage(slot: Slot, m: PoolResponse): void {
    if (!slot.alive) return;
    if (m?.type === 'ready') {
      slot.backend = m.backend;
      return;
    }
    if (m?.type === 'error' && m.id === null) {
      this.#onFail(slot, new Error(`VerifyPool: a worker could not start: ${m.name}: ${m.message}`));
      return;
    }
    if ((m?.type !== 'result' && m?.type !== 'error') || m.id === null || !slot.inflight.has(m.id)) {
      this.#onFail(slot, new Error(`VerifyPool: unexpected message from a worker (${describe(m)} ${String((m as { type?: unknown })?.type)})`));
      return;
    }
    const chunk = this.#release(slot, m.id as number)!;
    const b = chunk.batch;
    if (m.type === 'error') {
      this.#settle(b, new Error(`VerifyPool: a worker failed: ${m.name}: ${m.message}`));
    } else if (!b.settled) {
      if (!(m.verdicts instanceof Uint8Array) || m.verdicts.length !== chunk.items.length) {
        this.#settle(b, new Error('VerifyPool: a worker returned the wrong number of verdicts'));
      } else {
        for (let i = 0; i < m.verdicts.length; i++) b.verdicts[chunk.start + i] = m.verdicts[i] === 1;
        if (--b.remaining === 0) this.#settle(b, null);
      }
    }
    this.#dispatch();
  }

  #onFail(slot: Slot, e: Error): void {
    if (!slot.alive) return;
    const chunks = [...slot.inflight.values()];
    slot.inflight.clear();
    this.#stop(slot);
    this.#slots = this.#slots.filter((s) => s !== slot);
    for (const c of chunks) this.#settle(c.batch, e);
    this.#dispatch(); // a replacement takes any work still queued
  }
}
