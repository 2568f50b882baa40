// Shared by the page (app.ts) and the benchmark worker (bench-worker.ts): message shapes,
// options, implementation names and the report formatting (table rows, Markdown). Timing,
// statistics and table rendering are the benchmark core's (bench/, shared with `pqsimd bench`
// and scripts/bench-browser).
import {
  type AeadRatio,
  type AeadRow,
  aeadColumns,
  type Bn254Row,
  bn254Columns,
  bn254Ratios,
  bn254Table,
  aeadTable,
  fmtRate,
  fmtRatio,
  latencyTable,
  markdownTable,
  rateTable,
  type Measurement,
} from '../../bench/index.js';

export { fmtMicros, fmtRate, median } from '../../bench/index.js';

export const IMPLS = ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'noble', 'WebCrypto', 'libsodium'] as const;
/** Columns of the AEAD section: pqsimd/aead's WASM backends, @noble/ciphers, libsodium-wrappers. */
export const AEAD_IMPLS = ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'noble', 'libsodium'] as const;
/** The AEAD section's ratio columns (each shown when both sides were timed). */
export const AEAD_RATIOS: readonly AeadRatio[] = [
  { label: 'wasm-simd / noble', num: 'wasm-simd', den: 'noble' },
  { label: 'wasm-simd / libsodium', num: 'wasm-simd', den: 'libsodium' },
  { label: 'wasm-relaxed / libsodium', num: 'wasm-relaxed', den: 'libsodium' },
];
export type Impl = (typeof IMPLS)[number];
/** Columns of the BN254 section: pqsimd/bn254's WASM backends and @noble/curves. */
export const BN254_IMPLS = ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'noble'] as const;
export const MLDSA_ALGS = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const;
export const FALCON_ALGS = ['Falcon-512', 'Falcon-1024'] as const;
export const ALL_ALGS = [...MLDSA_ALGS, ...FALCON_ALGS] as const;
export type Alg = (typeof ALL_ALGS)[number];

export interface BenchOptions {
  warmupMs: number;
  runMs: number;
  runs: number;
  algs: Alg[];
  kernels: boolean;
  /** The AEAD section (pqsimd/aead next to @noble/ciphers and libsodium-wrappers). */
  aead: boolean;
  /** Its message sizes, bytes. */
  aeadSizes: number[];
  /** The BN254 section (pqsimd/bn254 next to @noble/curves). */
  bn254: boolean;
}

/**
 * One timed cell: one implementation of one operation, as the benchmark core (bench/) measures it:
 * median rate over the runs (ops/s; kernels: transforms/s), each run's rate, operations per run,
 * and the p50 / p99 latency of one operation in nanoseconds.
 */
export type Cell = Measurement;

export interface Row {
  /** e.g. 'ML-DSA-65 verify', 'Falcon-512 NTT'. */
  label: string;
  group: 'sign' | 'verify' | 'keygen' | 'kernel';
  unit: string;
  /** Coefficients per transform (kernels), for coefficients/s. */
  coefficients?: number;
  cells: Partial<Record<Impl, Cell>>;
}

export interface Check {
  alg: string;
  impl: string;
  what: string;
  ok: boolean;
}

export interface WorkerEnv {
  availableBackends: string[];
  crossOriginIsolated: boolean;
  webcrypto: Record<string, { format: string | null; attempts: string[] }>;
  nobleVersion: string;
  /** @noble/ciphers, libsodium-wrappers and the libsodium inside it. */
  aeadVersions: { noble: string; libsodiumWrappers: string; libsodium: string };
  /** @noble/curves (the BN254 section's reference and comparator). */
  curvesVersion: string;
}

export type ToWorker = { type: 'run'; opts: BenchOptions };
export type FromWorker =
  | { type: 'env'; env: WorkerEnv }
  | { type: 'plan'; total: number }
  | { type: 'progress'; done: number; label: string }
  | { type: 'check'; check: Check }
  | { type: 'row'; row: Row }
  | { type: 'aead-row'; row: AeadRow }
  | { type: 'bn254-row'; row: Bn254Row }
  | { type: 'done' }
  | { type: 'error'; message: string };

export interface PoolPoint {
  /** 0: verifyBatch in the page's own thread, no worker. */
  workers: number;
  median: number;
  runs: number[];
  items: number;
  /** Latency of one verification (a batch's time / its items), nanoseconds. */
  p50: number;
  p99: number;
}

/** Ratios on the page and in its Markdown: 12.3×. */
export function fmtRatioX(x: number): string {
  return fmtRatio(x, '×');
}

/** The column each row's ratios are against: WebCrypto, else noble, else wasm-scalar. */
export function baselineOf(row: Row): Impl | null {
  for (const b of ['WebCrypto', 'noble', 'wasm-scalar'] as const) if (row.cells[b]) return b;
  return null;
}

export interface Report {
  date: string;
  userAgent: string;
  env: Record<string, string>;
  options: BenchOptions;
  worker: WorkerEnv | null;
  rows: Row[];
  /** The AEAD section's rows (MB/s = median ops/s × size / 10^6). */
  aead: AeadRow[];
  /** The BN254 section's rows (time per operation). */
  bn254: Bn254Row[];
  pool: PoolPoint[];
  poolBackend: string | null;
  checks: Check[];
  errors: string[];
}

/** The results as Markdown (what "Copy as Markdown" copies). */
export function toMarkdown(r: Report): string {
  const impls = IMPLS.filter((i) => r.rows.some((row) => row.cells[i]));
  const implLabel = (i: string) => (i === 'noble' && r.worker ? `noble ${r.worker.nobleVersion}` : i);
  const table = rateTable(r.rows, impls, {
    title: 'Operation',
    implLabel,
    rowLabel: (row) => `${row.label} (${row.unit})`,
    baseline: (row) => baselineOf(row as Row),
    mark: '×',
    pad: false,
  });
  const latency = latencyTable(r.rows, impls, { title: 'Latency, µs per operation (p50 / p99)', implLabel, pad: false });
  const fails = r.checks.filter((c) => !c.ok);
  const out = [
    `pqsimd web bench, ${r.date}`,
    '',
    `${r.userAgent}`,
    `${Object.entries(r.env)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}.`,
  ];
  if (r.rows.length) {
    out.push(
      `Median of ${r.options.runs} runs of ~${r.options.runMs} ms after a ${r.options.warmupMs} ms warm-up per cell, in a Web Worker; ratios against WebCrypto where it has the operation, else noble, else wasm-scalar. ` +
        `Kernels: one transform of 256 (ML-DSA) or 512 (Falcon-512) coefficients.`,
      '',
      table,
      '',
      latency,
      '',
      'Latency: 50th and 99th percentile over every call of every run (kernels: per transform, a call being 64 of them; WebCrypto: each awaited call), ' +
        "at the resolution of the browser's performance.now() (5 µs when cross-origin isolated in Chromium).",
    );
  }
  if (r.aead.length) {
    const v = r.worker?.aeadVersions;
    out.push('', ...aeadMarkdown(r.aead, v, r.options, false));
  }
  if (r.bn254.length) out.push('', ...bn254Markdown(r.bn254, r.worker?.curvesVersion, r.options, false));
  if (r.pool.length) {
    const one = r.pool.find((p) => p.workers === 1)?.median;
    out.push(
      '',
      `Worker pool (VerifyPool, ${r.poolBackend ?? 'best backend'}), ML-DSA-65 verify, batches of ${r.pool[0]!.items}:`,
      '',
      markdownTable(
        ['Workers', 'verify/s', 'vs 1 worker'],
        r.pool.map((p) => [
          p.workers === 0 ? '0 (verifyBatch in the page thread)' : String(p.workers),
          fmtRate(p.median),
          one ? fmtRatioX(p.median / one) : '—',
        ]),
        { pad: false },
      ),
    );
  }
  out.push(
    '',
    fails.length
      ? `**${fails.length} correctness check(s) FAILED**: ${fails.map((f) => `${f.impl} ${f.alg}: ${f.what}`).join('; ')}`
      : `All ${r.checks.length} correctness checks passed.`,
  );
  if (r.errors.length) out.push(`Errors: ${r.errors.join('; ')}`);
  return out.join('\n');
}

/** Column heading of an AEAD implementation (with the comparators' versions). */
export function aeadImplLabel(i: string, v: WorkerEnv['aeadVersions'] | undefined): string {
  if (i === 'noble') return v ? `noble ${v.noble}` : 'noble';
  if (i === 'libsodium') return v ? `libsodium.js ${v.libsodiumWrappers}` : 'libsodium.js';
  return i;
}

/** The AEAD section as Markdown lines: heading, the MB/s table with ratios, the notes. */
export function aeadMarkdown(rows: readonly AeadRow[], v: WorkerEnv['aeadVersions'] | undefined, o: BenchOptions, pad: boolean): string[] {
  const cols = aeadColumns(rows, AEAD_IMPLS);
  const ratios = AEAD_RATIOS.filter((q) => cols.includes(q.num) && cols.includes(q.den));
  return [
    `AEAD (pqsimd/aead), MB/s (10^6 message bytes per second${v ? `; libsodium ${v.libsodium} inside libsodium-wrappers` : ''}):`,
    '',
    aeadTable(rows, cols, ratios, { implLabel: (i) => aeadImplLabel(i, v), pad, mark: '×' }),
    '',
    `Median of ${o.runs} runs of ~${aeadRunMs(o)} ms per cell after a ${aeadWarmupMs(o)} ms warm-up, runs interleaved; empty associated data, one cipher object per message. ` +
      'pqsimd and @noble/ciphers write into output buffers allocated once per cell (the hot path without allocation); libsodium-wrappers has no output-buffer API ' +
      '(it allocates each result and copies through its WASM heap) and no raw ChaCha20 outside its sumo build. ' +
      "Every output is checked against noble's (which first reproduces RFC 8439 §2.8.2): in full before timing (openers must also reject a flipped tag bit), then the last output of every timed batch at its start, middle and end.",
  ];
}

/** The BN254 section as Markdown lines: heading, the table with speed-ups against noble, the notes. */
export function bn254Markdown(rows: readonly Bn254Row[], curves: string | undefined, o: BenchOptions, pad: boolean): string[] {
  const cols = bn254Columns(rows, BN254_IMPLS);
  return [
    'BN254 (pqsimd/bn254), time per operation:',
    '',
    bn254Table(rows, cols, bn254Ratios(cols), { implLabel: (i) => (i === 'noble' && curves ? `noble ${curves}` : i), pad, mark: '×' }),
    '',
    `Median of ${o.runs} runs of ~${aeadRunMs(o)} ms per cell after a ${aeadWarmupMs(o)} ms warm-up, runs interleaved, in a Web Worker. ` +
      'pqsimd field rows and its single pairing through the bn254_bench hook (many operations inside one WASM call); noble’s are the same dependent chains on its bigint fields. ' +
      'EVM rows from the EIP-196/197 bytes (noble: decoded with its validity and G2 subgroup checks); Groth16 on the snarkjs fixtures (noble: the pairing equation on its primitives). ' +
      'Every result is checked against @noble/curves before timing (see the checks). mcl-wasm, snarkjs and the cold start: `pqsimd bench --family bn254` in Node.',
  ];
}

/** The AEAD section's run length and warm-up: a quarter of the signature cells' (20 rows × 5 columns). */
export function aeadRunMs(o: BenchOptions): number {
  return Math.max(10, Math.round(o.runMs / 4));
}
export function aeadWarmupMs(o: BenchOptions): number {
  return Math.max(20, Math.round(o.warmupMs / 4));
}
