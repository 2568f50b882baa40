// Shared by the page (app.ts) and the benchmark worker (bench-worker.ts): message shapes,
// options, implementation names and the report formatting (table rows, Markdown).

export const IMPLS = ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'noble', 'WebCrypto'] as const;
export type Impl = (typeof IMPLS)[number];
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
}

/** One timed cell: one implementation of one operation. */
export interface Cell {
  /** Median rate over the runs (ops/s; kernels: transforms/s). */
  median: number;
  runs: number[];
  /** Operations per timed run. */
  n: number;
}

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
}

export type ToWorker = { type: 'run'; opts: BenchOptions };
export type FromWorker =
  | { type: 'env'; env: WorkerEnv }
  | { type: 'plan'; total: number }
  | { type: 'progress'; done: number; label: string }
  | { type: 'check'; check: Check }
  | { type: 'row'; row: Row }
  | { type: 'done' }
  | { type: 'error'; message: string };

export interface PoolPoint {
  /** 0: verifyBatch in the page's own thread, no worker. */
  workers: number;
  median: number;
  runs: number[];
  items: number;
}

export function fmtRate(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1e7) return `${(x / 1e6).toFixed(1)}M`;
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function fmtRatio(x: number): string {
  return x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

/** The column each row's ratios are against: WebCrypto, else noble, else wasm-scalar. */
export function baselineOf(row: Row): Impl | null {
  for (const b of ['WebCrypto', 'noble', 'wasm-scalar'] as const) if (row.cells[b]) return b;
  return null;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Report {
  date: string;
  userAgent: string;
  env: Record<string, string>;
  options: BenchOptions;
  worker: WorkerEnv | null;
  rows: Row[];
  pool: PoolPoint[];
  poolBackend: string | null;
  checks: Check[];
  errors: string[];
}

function mdTable(header: string[], body: string[][]): string {
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n');
}

/** The results as Markdown (what "Copy as Markdown" copies). */
export function toMarkdown(r: Report): string {
  const impls = IMPLS.filter((i) => r.rows.some((row) => row.cells[i]));
  const body = r.rows.map((row) => {
    const base = baselineOf(row);
    const b = base ? row.cells[base]!.median : NaN;
    return [
      `${row.label} (${row.unit})`,
      ...impls.map((i) => {
        const c = row.cells[i];
        if (!c) return '—';
        return base && i !== base ? `${fmtRate(c.median)} (${fmtRatio(c.median / b)})` : fmtRate(c.median);
      }),
    ];
  });
  const fails = r.checks.filter((c) => !c.ok);
  const out = [
    `pqsimd web bench, ${r.date}`,
    '',
    `${r.userAgent}`,
    `${Object.entries(r.env).map(([k, v]) => `${k}: ${v}`).join('; ')}.`,
    `Median of ${r.options.runs} runs of ~${r.options.runMs} ms after a ${r.options.warmupMs} ms warm-up per cell, in a Web Worker; ratios against WebCrypto where it has the operation, else noble, else wasm-scalar. ` +
      `Kernels: one transform of 256 (ML-DSA) or 512 (Falcon-512) coefficients.`,
    '',
    mdTable(['Operation', ...impls.map((i) => (i === 'noble' && r.worker ? `noble ${r.worker.nobleVersion}` : i))], body),
  ];
  if (r.pool.length) {
    const one = r.pool.find((p) => p.workers === 1)?.median;
    out.push(
      '',
      `Worker pool (VerifyPool, ${r.poolBackend ?? 'best backend'}), ML-DSA-65 verify, batches of ${r.pool[0]!.items}:`,
      '',
      mdTable(
        ['Workers', 'verify/s', 'vs 1 worker'],
        r.pool.map((p) => [p.workers === 0 ? '0 (verifyBatch in the page thread)' : String(p.workers), fmtRate(p.median), one ? fmtRatio(p.median / one) : '—']),
      ),
    );
  }
  out.push('', fails.length ? `**${fails.length} correctness check(s) FAILED**: ${fails.map((f) => `${f.impl} ${f.alg}: ${f.what}`).join('; ')}` : `All ${r.checks.length} correctness checks passed.`);
  if (r.errors.length) out.push(`Errors: ${r.errors.join('; ')}`);
  return out.join('\n');
}
