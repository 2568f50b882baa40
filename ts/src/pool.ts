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

/**
 * A worker as the pool drives it: a Web Worker (browsers, Deno, Bun) or a worker_threads Worker
 * (Node, Deno, Bun). Structural, so that these declarations need neither the DOM lib nor
 * @types/node; which kind it is, is told at run time (worker_threads' `on` or the Web's
 * `addEventListener`).
 */
export interface PoolWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  terminate(): unknown;
}

export interface VerifyPoolOptions {
  /** Number of workers (default: the logical CPUs: os.availableParallelism() in Node,
   * navigator.hardwareConcurrency in browsers). Workers start on first use. */
  size?: number;
  /** The backend every worker uses (default: each worker's fastest, as ready() picks it). */
  backend?: BackendName;
  /**
   * Makes one worker running the `pqsimd/pool-worker` entry point; called once per worker. The
   * way for bundled apps, since bundlers see the worker in this form:
   *
   *   createWorker: () => new Worker(new URL('pqsimd/pool-worker', import.meta.url), { type: 'module' })
   *
   * (Vite, webpack 5; esbuild and Rollup: README, "Worker pools in bundled apps"). In Node, a
   * worker_threads Worker of the same entry point.
   */
  createWorker?: () => PoolWorker;
  /** Where the worker script is, when the pool makes its workers itself (default in Node:
   * pool-worker.node.mjs next to the Node build; browsers have no default: pass createWorker). */
  workerUrl?: string | { readonly href: string };
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

/** What the pool needs of one worker, in either runtime. @internal */
export interface PoolWorkerHandle {
  post(msg: PoolRequest, transfer: ArrayBuffer[]): void;
  /** Whether the worker holds work (Node: keeps the process alive only then). */
  busy(on: boolean): void;
  terminate(): void;
}

/** @internal */
export interface PoolWorkerEvents {
  message(m: PoolResponse): void;
  /** The worker threw, exited or could not load. */
  fail(e: Error): void;
}

/** How the pool makes workers from a URL: Web Workers by default, worker_threads with the Node entry point. @internal */
export interface PoolPlatform {
  /** The worker script when neither workerUrl nor createWorker is given (throws when there is none). */
  defaultUrl(): string | { readonly href: string };
  create(url: string | { readonly href: string }): PoolWorker;
  defaultSize(): number;
}

/** The recipe the errors suggest. */
const RECIPE =
  "pass createWorker: () => new Worker(new URL('pqsimd/pool-worker', import.meta.url), { type: 'module' }) (README: \"Worker pools in bundled apps\" has the recipe for each bundler)";

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

interface NodeStyleWorker extends PoolWorker {
  on(event: string, listener: (x: unknown) => void): unknown;
  ref?(): void;
  unref?(): void;
}
interface WebStyleWorker extends PoolWorker {
  addEventListener(type: string, listener: (e: { data?: unknown; message?: unknown; preventDefault?(): void }) => void): void;
}

/** Listens to a worker of either kind. @internal */
export function attachWorker(w: unknown, events: PoolWorkerEvents): PoolWorkerHandle {
  const o = w as Partial<NodeStyleWorker & WebStyleWorker> | null;
  if (o === null || typeof o !== 'object' || typeof o.postMessage !== 'function' || typeof o.terminate !== 'function') {
    throw new TypeError(`VerifyPool: createWorker must return a Web Worker or a worker_threads Worker, got ${describe(w)}`);
  }
  const terminate = () => void (o as PoolWorker).terminate();
  const post = (m: PoolRequest, transfer: ArrayBuffer[]) => (o as PoolWorker).postMessage(m, transfer);
  if (typeof o.on === 'function') {
    // worker_threads (also Deno's and Bun's): an idle pool never keeps the process alive
    const n = o as NodeStyleWorker;
    n.unref?.();
    n.on('message', (m) => events.message(m as PoolResponse));
    n.on('error', (e) => events.fail(e instanceof Error ? e : new Error(String(e))));
    n.on('messageerror', () => events.fail(new Error('VerifyPool: a message from a worker could not be deserialized')));
    n.on('exit', (code) => events.fail(new Error(`VerifyPool: a worker exited (code ${String(code)})`)));
    return { post, busy: (on) => (on ? n.ref?.() : n.unref?.()), terminate };
  }
  if (typeof o.addEventListener === 'function') {
    const web = o as WebStyleWorker;
    web.addEventListener('message', (e) => events.message(e.data as PoolResponse));
    web.addEventListener('error', (e) => {
      e.preventDefault?.(); // reported through the batch's rejection, not as an uncaught error
      // A script that cannot be fetched or parsed gives a plain Event (no message) in browsers.
      events.fail(
        new Error(`VerifyPool: worker error: ${typeof e.message === 'string' && e.message ? e.message : 'the worker script failed to load, or threw'}`),
      );
    });
    web.addEventListener('messageerror', () => events.fail(new Error('VerifyPool: a message from a worker could not be deserialized')));
    return { post, busy: () => {}, terminate };
  }
  throw new TypeError('VerifyPool: createWorker returned an object with neither `on` (worker_threads) nor `addEventListener` (Web Worker)');
}

const webPlatform: PoolPlatform = {
  defaultUrl() {
    // No default in the browser build: a URL found from import.meta.url would be wrong in every
    // bundled app (and webpack would write the build machine's file:// path into the bundle).
    throw new Error(`VerifyPool: no worker script given; ${RECIPE}, or the workerUrl option`);
  },
  create(url) {
    if (typeof Worker !== 'function') throw new Error("VerifyPool: this runtime has no Web Workers (in Node, import the package's Node entry point)");
    return new Worker(typeof url === 'string' ? url : url.href, { type: 'module', name: 'pqsimd-pool' });
  },
  defaultSize: () => {
    const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
    return typeof n === 'number' && n >= 1 ? n : 4;
  },
};

let platform: PoolPlatform = webPlatform;

/** Called by the Node entry point: worker_threads instead of Web Workers. @internal */
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
  /** Whether the worker has sent a message (a failure before that: its script did not load). */
  loaded: boolean;
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
  #url: string | { readonly href: string } | undefined;
  #create: (() => PoolWorker) | undefined;
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
    const url = opts.workerUrl as unknown;
    if (url !== undefined && typeof url !== 'string' && !(url !== null && typeof url === 'object' && typeof (url as { href?: unknown }).href === 'string')) {
      throw new TypeError(`workerUrl: expected a string or URL, got ${describe(url)}`);
    }
    if (opts.createWorker !== undefined && typeof opts.createWorker !== 'function') {
      throw new TypeError(`createWorker: expected a function returning a Worker, got ${describe(opts.createWorker)}`);
    }
    if (opts.createWorker !== undefined && url !== undefined) throw new TypeError('VerifyPool: pass createWorker or workerUrl, not both');
    this.size = size;
    this.backend = opts.backend;
    this.#url = opts.workerUrl;
    this.#create = opts.createWorker;
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
    const slot: Slot = { handle: null, loaded: false, inflight: new Map(), alive: true, backend: null };
    const events: PoolWorkerEvents = { message: (m) => this.#onMessage(slot, m), fail: (e) => this.#onFail(slot, e) };
    try {
      let worker: unknown;
      if (this.#create) {
        try {
          worker = this.#create();
        } catch (e) {
          throw new Error(`VerifyPool: createWorker threw: ${errorText(e)}`, { cause: e });
        }
      } else {
        const url = this.#url ?? platform.defaultUrl();
        try {
          worker = platform.create(url);
        } catch (e) {
          throw new Error(`VerifyPool: the worker script ${this.#where()} could not start: ${errorText(e)}; ${RECIPE}`, { cause: e });
        }
      }
      slot.handle = attachWorker(worker, events);
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
    slot.loaded = true;
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

  /** The worker script, for errors: the URL the pool gave the Worker constructor. */
  #where(): string {
    if (this.#create) return '(from createWorker)';
    let url: string | { readonly href: string };
    try {
      url = this.#url ?? platform.defaultUrl();
    } catch {
      return '(none)';
    }
    const s = typeof url === 'string' ? url : url.href;
    // a relative URL as the Worker constructor resolves it (against the page)
    const base = (globalThis as { location?: { href?: string } }).location?.href;
    try {
      return base ? new URL(s, base).href : s;
    } catch {
      return s;
    }
  }

  #onFail(slot: Slot, cause: Error): void {
    if (!slot.alive) return;
    // Before the worker's first message: it did not load (404, wrong MIME type, syntax error, a
    // throw at load time), so the error names the script and how to point the pool at it.
    const e = slot.loaded
      ? cause
      : new Error(
          `VerifyPool: the worker ${this.#where()} failed to load or start: ${cause.message.replace(/^VerifyPool: (worker error: )?/, '')}${this.#create ? '' : `; ${RECIPE}`}`,
          { cause },
        );
    const chunks = [...slot.inflight.values()];
    slot.inflight.clear();
    this.#stop(slot);
    this.#slots = this.#slots.filter((s) => s !== slot);
    for (const c of chunks) this.#settle(c.batch, e);
    this.#dispatch(); // a replacement takes any work still queued
  }
}
