/**
 * Timing: implementations measured side by side, their runs interleaved, with the best clock
 * there is. Platform-neutral (performance.now() is global in Node and in browsers).
 */
import { percentileOfSorted } from './stats.js';

/** A hardware tick counter, e.g. the pqsimd addon's tickCounter() (x86-64 rdtsc, AArch64 cntvct_el0). */
export interface TickSource {
  readonly source: string;
  read(): bigint;
}

/** What timestamps each call: performance.now() (milliseconds) or a tick counter. */
export interface Clock {
  /** 'performance.now', or the counter's name ('rdtsc', 'cntvct_el0'). */
  readonly source: string;
  /** True when read() counts hardware ticks. */
  readonly ticks: boolean;
  /** The current time in the clock's own unit. */
  read(): number;
  /** Nanoseconds per unit of read() (ticks: measured against performance.now()). */
  readonly nsPerUnit: number;
  /** Ticks per second (tick clocks only). */
  readonly ticksPerSecond?: number;
}

const perfNow = (): number => performance.now();

/** performance.now(), in milliseconds. */
export function performanceClock(now: () => number = perfNow): Clock {
  return { source: 'performance.now', ticks: false, read: now, nsPerUnit: 1e6 };
}

/** Ticks per second of a counter, measured against performance.now() over about `ms` milliseconds. */
export function measureTickRate(t: TickSource, ms = 100, now: () => number = perfNow): number {
  const c0 = t.read();
  const t0 = now();
  let t1: number;
  do t1 = now();
  while (t1 - t0 < ms);
  return (Number(t.read() - c0) * 1000) / (t1 - t0);
}

/**
 * A clock on the tick counter when there is one (its rate measured once, ~100 ms), else
 * performance.now(). `calibrateMs` = 0 skips the calibration (then nanoseconds are unknown: NaN).
 */
export function bestClock(t: TickSource | null | undefined, calibrateMs = 100): Clock {
  if (!t) return performanceClock();
  const tps = calibrateMs > 0 ? measureTickRate(t, calibrateMs) : NaN;
  return { source: t.source, ticks: true, read: () => Number(t.read()), nsPerUnit: 1e9 / tps, ticksPerSecond: tps };
}

/** One implementation of one operation. */
export interface Impl {
  /** Column name: 'wasm-simd', 'noble', 'WebCrypto' … */
  readonly name: string;
  /** One call, `opsPerCall` operations; returns a promise when `async`. */
  readonly fn?: () => unknown;
  readonly async?: boolean;
  /** Operations per call of fn (default 1), e.g. a kernel run 64 times per call. */
  readonly opsPerCall?: number;
  /**
   * Instead of fn: a batched loop, batch(n) does n operations in one call. The warm-up sizes n
   * so that one call lasts about runMs; a run is one call.
   */
  readonly batch?: (n: number) => unknown;
  /**
   * Every result of fn must pass (e.g. `(v) => v === true` for a verify), or the measurement
   * throws. With batch: what each batch(n) call returns (e.g. its last operation's output),
   * checked after the call, outside the timed span.
   */
  readonly check?: (result: unknown) => boolean;
}

export interface MeasureOptions {
  /** Warm-up per implementation (also sizes a run), milliseconds. */
  warmupMs: number;
  /** Length of one timed run, milliseconds. */
  runMs: number;
  /** Timed runs per implementation; the reported rate is their median. */
  runs: number;
  /** Timestamps each call (default performance.now()); a tick clock adds ticks per operation. */
  clock?: Clock;
  /** At least this many calls per run (default 1). */
  minCalls?: number;
  /** The wall clock in milliseconds, for ops/s (default performance.now()). */
  now?: () => number;
}

export interface Progress {
  impl: string;
  phase: 'warmup' | 'run';
  /** 1-based run number (0 for the warm-up). */
  run: number;
  runs: number;
}

/** One implementation's figures. */
export interface Measurement {
  /** Median rate over the runs, operations per second. */
  median: number;
  /** The rate of each run (in the order run), operations per second. */
  runs: number[];
  /** Operations per timed run. */
  n: number;
  /** Latency of one operation in nanoseconds, 50th and 99th percentile over every call of every run
   *  (a call of opsPerCall operations counts as opsPerCall operations of equal length; batched
   *  implementations: one sample per run). */
  p50: number;
  p99: number;
  /** How many latency samples p50 / p99 are over. */
  samples: number;
  warmup: { ops: number; ms: number };
  /** With a tick clock: median ticks per operation over the runs, each run's, and the per-call percentiles. */
  ticks?: number;
  ticksRuns?: number[];
  ticksP50?: number;
  ticksP99?: number;
}

interface State {
  impl: Impl;
  /** Calls per run (fn) or operations per call (batch). */
  size: number;
  rates: number[];
  ticks: number[];
  /** Per-operation latencies in clock units, one array per run. */
  lat: Float64Array[];
  warmup: { ops: number; ms: number };
}

const MAX_BATCH = 2 ** 31 - 1;

/**
 * Measures every implementation: a warm-up of warmupMs each (in order), then `runs` timed runs
 * interleaved across the implementations (run r of each before run r + 1 of any; the first
 * implementation of a round rotates), so a slow patch of the machine hits all alike.
 * Returns the measurements in the order of `impls`.
 */
export async function measureInterleaved(impls: readonly Impl[], opts: MeasureOptions, onProgress?: (p: Progress) => void): Promise<Map<string, Measurement>> {
  const now = opts.now ?? perfNow;
  const clock = opts.clock ?? performanceClock(now);
  const minCalls = Math.max(1, Math.floor(opts.minCalls ?? 1));
  const runs = Math.max(1, Math.floor(opts.runs));
  const names = new Set<string>();
  for (const i of impls) {
    if (names.has(i.name)) throw new Error(`measureInterleaved: implementation '${i.name}' given twice`);
    if (!i.fn === !i.batch) throw new Error(`measureInterleaved: '${i.name}' needs exactly one of fn and batch`);
    names.add(i.name);
  }

  const states: State[] = [];
  for (const impl of impls) {
    states.push(impl.batch ? warmBatch(impl, opts, now) : await warmCalls(impl, opts, now, minCalls));
    onProgress?.({ impl: impl.name, phase: 'warmup', run: 0, runs });
  }
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < states.length; k++) {
      const s = states[(k + r) % states.length]!;
      if (s.impl.batch) runBatch(s, clock, now);
      else await runCalls(s, clock, now);
      onProgress?.({ impl: s.impl.name, phase: 'run', run: r + 1, runs });
    }
  }

  const out = new Map<string, Measurement>();
  for (const s of states) {
    const all = new Float64Array(s.lat.reduce((a, l) => a + l.length, 0));
    let o = 0;
    for (const l of s.lat) {
      all.set(l, o);
      o += l.length;
    }
    all.sort();
    const ops = s.impl.batch ? s.size : s.size * (s.impl.opsPerCall ?? 1);
    const m: Measurement = {
      median: percentileOfSorted(Float64Array.from(s.rates).sort(), 50),
      runs: s.rates,
      n: ops,
      p50: percentileOfSorted(all, 50) * clock.nsPerUnit,
      p99: percentileOfSorted(all, 99) * clock.nsPerUnit,
      samples: all.length,
      warmup: s.warmup,
    };
    if (clock.ticks) {
      m.ticks = percentileOfSorted(Float64Array.from(s.ticks).sort(), 50);
      m.ticksRuns = s.ticks;
      m.ticksP50 = percentileOfSorted(all, 50);
      m.ticksP99 = percentileOfSorted(all, 99);
    }
    out.set(s.impl.name, m);
  }
  return out;
}

function failed(impl: Impl, v: unknown): Error {
  const got = String(v);
  return new Error(`${impl.name}: returned ${got.length > 60 ? `${got.slice(0, 60)}…` : got} while timing`);
}

/** Calls fn for warmupMs (at least once); sizes a run to about runMs. */
async function warmCalls(impl: Impl, o: MeasureOptions, now: () => number, minCalls: number): Promise<State> {
  const fn = impl.fn!;
  let calls = 0;
  const t0 = now();
  let dt: number;
  do {
    const v = impl.async ? await fn() : fn();
    if (impl.check && !impl.check(v)) throw failed(impl, v);
    calls++;
    dt = now() - t0;
  } while (dt < o.warmupMs);
  const size = Math.max(minCalls, Math.round((calls * o.runMs) / Math.max(dt, 1e-3)));
  return { impl, size, rates: [], ticks: [], lat: [], warmup: { ops: calls * (impl.opsPerCall ?? 1), ms: dt } };
}

/** Grows n until batch(n) lasts long enough to time, then warms with run-sized calls until warmupMs has passed. */
function warmBatch(impl: Impl, o: MeasureOptions, now: () => number): State {
  const batch = impl.batch!;
  const enough = Math.min(20, o.runMs / 4);
  let n = 1;
  let ops = 0;
  let size = 1;
  const t0 = now();
  for (;;) {
    const s = now();
    const v = batch(n);
    const dt = now() - s;
    if (impl.check && !impl.check(v)) throw failed(impl, v);
    ops += n;
    if (dt < enough && n < MAX_BATCH) {
      n = Math.min(MAX_BATCH, n * 4);
      continue;
    }
    size = Math.max(1, Math.min(MAX_BATCH, Math.round((n * o.runMs) / Math.max(dt, 1e-3))));
    if (now() - t0 >= o.warmupMs) break;
    n = size;
  }
  return { impl, size, rates: [], ticks: [], lat: [], warmup: { ops, ms: now() - t0 } };
}

async function runCalls(s: State, clock: Clock, now: () => number): Promise<void> {
  const { impl, size } = s;
  const fn = impl.fn!;
  const per = impl.opsPerCall ?? 1;
  const check = impl.check;
  const lat = new Float64Array(size);
  const w0 = now();
  const c0 = clock.read();
  let prev = c0;
  if (impl.async) {
    for (let i = 0; i < size; i++) {
      const v = await fn();
      const t = clock.read();
      lat[i] = (t - prev) / per;
      prev = t;
      if (check && !check(v)) throw failed(impl, v);
    }
  } else {
    for (let i = 0; i < size; i++) {
      const v = fn();
      const t = clock.read();
      lat[i] = (t - prev) / per;
      prev = t;
      if (check && !check(v)) throw failed(impl, v);
    }
  }
  const w1 = now();
  const ops = size * per;
  s.rates.push((ops * 1000) / Math.max(w1 - w0, 1e-6));
  if (clock.ticks) s.ticks.push((prev - c0) / ops);
  s.lat.push(lat);
}

function runBatch(s: State, clock: Clock, now: () => number): void {
  const w0 = now();
  const c0 = clock.read();
  const v = s.impl.batch!(s.size);
  const c1 = clock.read();
  const w1 = now();
  if (s.impl.check && !s.impl.check(v)) throw failed(s.impl, v);
  s.rates.push((s.size * 1000) / Math.max(w1 - w0, 1e-6));
  if (clock.ticks) s.ticks.push((c1 - c0) / s.size);
  s.lat.push(Float64Array.of((c1 - c0) / s.size));
}
