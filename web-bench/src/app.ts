// The page: what this browser offers, the run (a Web Worker does the timing), then the chart,
// the table with ratios, the worker pool, the checks, JSON download and Markdown copy.
import * as pq from 'pqsimd';
import {
  AEAD_OP_SHORT,
  AEAD_SIZES,
  aeadColumns,
  bn254Columns,
  bn254Ratios,
  fmtMBps,
  fmtRatio,
  fmtSize,
  fmtTime,
  mbps,
  measureInterleaved,
  rowSeconds,
} from '../../bench/index.js';
import {
  AEAD_IMPLS,
  AEAD_RATIOS,
  aeadImplLabel,
  aeadRunMs,
  aeadWarmupMs,
  ALL_ALGS,
  BN254_IMPLS,
  baselineOf,
  bn254Markdown,
  fmtMicros,
  fmtRate,
  fmtRatioX,
  IMPLS,
  toMarkdown,
  type Alg,
  type BenchOptions,
  type FromWorker,
  type Impl,
  type Report,
  type ToWorker,
} from './shared.js';

// Same probes as the library's (ts/src/backends.ts): i8x16.popcnt (SIMD128), i8x16.relaxed_swizzle.
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
const RELAXED_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 43, 1, 41, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 12, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 128, 2, 11,
];
const COLORS: Record<Impl, string> = {
  'wasm-relaxed': '#1565c0',
  'wasm-simd': '#42a5f5',
  'wasm-scalar': '#90caf9',
  noble: '#2e7d32',
  WebCrypto: '#ef6c00',
  libsodium: '#8e24aa',
};
const SVGNS = 'http://www.w3.org/2000/svg';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const q = new URLSearchParams(location.search);
const flag = (k: string) => q.has(k) && q.get(k) !== '0' && q.get(k) !== 'false';

type State = 'idle' | 'running' | 'done' | 'error';
const state: { state: State; env: Record<string, string>; report: Report | null; errors: string[]; status: string } = {
  state: 'idle',
  env: {},
  report: null,
  errors: [],
  status: 'idle',
};

function setState(s: State, status?: string): void {
  state.state = s;
  document.documentElement.dataset.state = s;
  if (status !== undefined) setStatus(status);
}
function setStatus(s: string): void {
  state.status = s;
  $('status').textContent = s;
}

function validates(bytes: number[]): boolean {
  try {
    return WebAssembly.validate(new Uint8Array(bytes));
  } catch {
    return false;
  }
}

async function detect(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const hasWasm = typeof WebAssembly === 'object';
  env.WebAssembly = hasWasm ? 'yes' : 'no';
  env.SIMD128 = hasWasm && validates(SIMD_PROBE) ? 'yes' : 'no';
  env['Relaxed SIMD'] = hasWasm && validates(RELAXED_PROBE) ? 'yes' : 'no';
  let sharedMemory = false;
  try {
    sharedMemory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    /* no threads */
  }
  env.Threads = `${sharedMemory ? 'yes' : 'no'} (SharedArrayBuffer ${typeof SharedArrayBuffer === 'function' ? 'yes' : 'no'}, crossOriginIsolated ${globalThis.crossOriginIsolated ? 'yes' : 'no'}, shared WebAssembly.Memory ${sharedMemory ? 'yes' : 'no'})`;
  env.Cores = String(navigator.hardwareConcurrency ?? 'unknown');
  let wc = 'no';
  try {
    await crypto.subtle.generateKey({ name: 'ML-DSA-44' }, false, ['sign', 'verify']);
    wc = 'yes';
  } catch (e) {
    wc = `no (${(e as Error)?.name ?? 'error'})`;
  }
  env['WebCrypto ML-DSA'] = wc;
  env['pqsimd backends'] = pq.availableBackends().join(', ');
  env['pqsimd best backend'] = pq.availableBackends()[0] ?? 'none';
  env['Secure context'] = globalThis.isSecureContext ? 'yes' : 'no';
  return env;
}

function renderEnv(env: Record<string, string>): void {
  const t = $<HTMLTableElement>('env');
  t.replaceChildren();
  for (const [k, v] of Object.entries(env)) {
    const tr = t.insertRow();
    tr.insertCell().textContent = k;
    const td = tr.insertCell();
    td.textContent = v;
    if (/^yes/.test(v)) td.className = 'yes';
    else if (/^no/.test(v)) td.className = 'no';
  }
}

function banner(msg: string): void {
  const b = $('banner');
  b.hidden = false;
  b.textContent = b.textContent ? `${b.textContent}\n${msg}` : msg;
}

function options(): BenchOptions {
  const quick = flag('quick') || ($('quick') as HTMLInputElement).checked;
  const num = (k: string, d: number) => {
    const v = Number(q.get(k));
    return q.has(k) && Number.isFinite(v) && v > 0 ? v : d;
  };
  const algs = (
    q
      .get('algs')
      ?.split(',')
      .map((s) => s.trim()) ?? [...ALL_ALGS]
  ).filter((a): a is Alg => (ALL_ALGS as readonly string[]).includes(a));
  return {
    warmupMs: num('warmupMs', quick ? 60 : 500),
    runMs: num('runMs', quick ? 40 : 250),
    runs: Math.round(num('runs', quick ? 3 : 5)),
    algs,
    kernels: q.get('kernels') !== '0',
    aead: q.get('aead') !== '0',
    bn254: q.get('bn254') !== '0',
    aeadSizes: (() => {
      const l = q
        .get('aeadSizes')
        ?.split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0 && n <= 1 << 24);
      return l?.length ? l : quick ? [64, 16384] : [...AEAD_SIZES];
    })(),
  };
}

// ---------------------------------------------------------------------------------------------
// Chart (SVG, log scale) and tables

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

interface Bar {
  label: string;
  value: number;
  color: string;
  text: string;
}
interface BarGroup {
  label: string;
  bars: Bar[];
}

function barChart(groups: BarGroup[], unit: string, log = true): SVGSVGElement {
  const values = groups.flatMap((g) => g.bars.map((b) => b.value)).filter((v) => v > 0);
  const lo = log ? Math.floor(Math.log10(Math.min(...values))) : 0;
  const hi = Math.ceil(Math.log10(Math.max(...values)) + 1e-9);
  const max = Math.max(...values);
  const left = 210;
  const width = 1000;
  const plotW = width - left - 90;
  const barH = 10;
  const gap = 8;
  const x = (v: number) => left + (log ? (Math.log10(v) - lo) / Math.max(1, hi - lo) : v / max) * plotW;
  let y = 24;
  const body: SVGElement[] = [];
  for (const g of groups) {
    const h = g.bars.length * (barH + 1);
    body.push(el('text', { x: left - 8, y: y + h / 2 + 4, 'text-anchor': 'end' }, g.label));
    for (const b of g.bars) {
      const rect = el('rect', { x: left, y, width: Math.max(1, x(b.value) - left), height: barH, fill: b.color });
      rect.appendChild(el('title', {}, `${g.label}, ${b.label}: ${b.text}`));
      body.push(rect, el('text', { x: x(b.value) + 4, y: y + barH - 1, class: 'axis' }, b.text));
      y += barH + 1;
    }
    y += gap;
  }
  const height = y + 6;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `bar chart, ${unit}, log scale` });
  const tick = (v: number) => (v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : String(v));
  // log: one grid line per decade; linear: 0 and four more, at round steps
  const step = 10 ** Math.floor(Math.log10(max / 4));
  const lines = log
    ? Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i))
    : Array.from({ length: Math.floor(max / (Math.ceil(max / 4 / step) * step)) + 1 }, (_, i) => i * Math.ceil(max / 4 / step) * step);
  for (const v of lines) {
    const gx = log ? x(v) : left + (v / max) * plotW;
    svg.appendChild(el('line', { x1: gx, x2: gx, y1: 16, y2: height - 4, class: 'grid' }));
    svg.appendChild(el('text', { x: gx, y: 12, 'text-anchor': 'middle', class: 'axis' }, tick(v)));
  }
  for (const e of body) svg.appendChild(e);
  return svg;
}

function renderResults(r: Report): void {
  $('results').hidden = false;
  const impls = IMPLS.filter((i) => r.rows.some((row) => row.cells[i]));
  $('legend').replaceChildren(
    ...impls.map((i) => {
      const s = document.createElement('span');
      const sw = document.createElement('span');
      sw.className = `sw sw-${IMPLS.indexOf(i)}`;
      s.append(sw, i === 'noble' && r.worker ? `noble ${r.worker.nobleVersion}` : i);
      return s;
    }),
  );
  $('signatures').hidden = !r.rows.length;
  if (r.rows.length) {
    $('chart').replaceChildren(
      barChart(
        r.rows.map((row) => ({
          label: row.label,
          bars: impls
            .filter((i) => row.cells[i])
            .map((i) => ({ label: i, value: row.cells[i]!.median, color: COLORS[i], text: `${fmtRate(row.cells[i]!.median)} ${row.unit}` })),
        })),
        'ops/s',
      ),
    );
  }
  const t = $<HTMLTableElement>('table');
  t.replaceChildren();
  const head = t.createTHead().insertRow();
  for (const h of ['Operation', 'unit', ...impls.map((i) => (i === 'noble' && r.worker ? `noble ${r.worker.nobleVersion}` : i)), 'coefficients/s (best)']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.appendChild(th);
  }
  const tb = t.createTBody();
  for (const row of r.rows) {
    const tr = tb.insertRow();
    tr.insertCell().textContent = row.label;
    tr.insertCell().textContent = row.unit;
    const base = baselineOf(row);
    const best = Math.max(...Object.values(row.cells).map((c) => c.median));
    for (const i of impls) {
      const td = tr.insertCell();
      const c = row.cells[i];
      if (!c) {
        td.textContent = '—';
        continue;
      }
      td.textContent = fmtRate(c.median);
      td.title = `latency per operation: p50 ${fmtMicros(c.p50)} µs, p99 ${fmtMicros(c.p99)} µs`;
      if (c.median === best) td.className = 'best';
      if (base && i !== base) {
        const s = document.createElement('span');
        s.className = 'ratio';
        s.textContent = ` ${fmtRatioX(c.median / row.cells[base]!.median)}`;
        td.appendChild(s);
      }
    }
    tr.insertCell().textContent = row.coefficients ? fmtRate(best * row.coefficients) : '';
  }
  $('note').textContent =
    `Median of ${r.options.runs} runs of ~${r.options.runMs} ms after a ${r.options.warmupMs} ms warm-up per cell; runs interleaved across implementations (hover a cell: p50 / p99 latency per operation). ` +
    `Ratios (grey) against WebCrypto where it has the operation, else noble, else wasm-scalar. Sign is hedged (fresh randomness); keygen from a fixed seed ` +
    `(WebCrypto: generateKey); WebCrypto verify/sign are awaited one at a time with the key imported once. Kernels: ${'transforms of 256 (ML-DSA) or 512 (Falcon-512) coefficients'}, 64 per call.`;
  if (r.pool.length) {
    const one = r.pool.find((p) => p.workers === 1)?.median;
    $('pool-chart').replaceChildren(
      barChart(
        r.pool.map((p) => ({
          label: p.workers === 0 ? 'page thread (no worker)' : `${p.workers} worker${p.workers > 1 ? 's' : ''}`,
          bars: [{ label: 'verify/s', value: p.median, color: COLORS['wasm-simd'], text: `${fmtRate(p.median)} verify/s` }],
        })),
        'verify/s',
        false,
      ),
    );
    const pt = $<HTMLTableElement>('pool');
    pt.replaceChildren();
    const ph = pt.createTHead().insertRow();
    for (const h of ['Workers', 'verify/s', 'vs 1 worker']) {
      const th = document.createElement('th');
      th.textContent = h;
      ph.appendChild(th);
    }
    const pb = pt.createTBody();
    for (const p of r.pool) {
      const tr = pb.insertRow();
      tr.insertCell().textContent = p.workers === 0 ? '0 (page thread)' : String(p.workers);
      tr.insertCell().textContent = fmtRate(p.median);
      tr.insertCell().textContent = one ? fmtRatioX(p.median / one) : '—';
    }
  }
  renderAead(r);
  renderBn254(r);
  const fails = r.checks.filter((c) => !c.ok);
  $('checks-summary').textContent = fails.length ? `${fails.length} of ${r.checks.length} checks FAILED` : `all ${r.checks.length} checks passed`;
  $('checks').replaceChildren(
    ...r.checks.map((c) => {
      const li = document.createElement('li');
      li.textContent = `${c.ok ? '✓' : '✗'} ${c.alg} ${c.impl}: ${c.what}`;
      if (!c.ok) li.className = 'fail';
      return li;
    }),
  );
  $('markdown').textContent = toMarkdown(r);
}

/** The AEAD section: legend, MB/s bar chart (log scale, one group per operation and size), table with ratios. */
function renderAead(r: Report): void {
  $('aead-section').hidden = !r.aead.length;
  if (!r.aead.length) return;
  const v = r.worker?.aeadVersions;
  const cols = aeadColumns(r.aead, AEAD_IMPLS);
  $('aead-legend').replaceChildren(
    ...cols.map((i) => {
      const s = document.createElement('span');
      const sw = document.createElement('span');
      sw.className = `sw sw-${IMPLS.indexOf(i as Impl)}`;
      s.append(sw, aeadImplLabel(i, v));
      return s;
    }),
  );
  $('aead-chart').replaceChildren(
    barChart(
      r.aead.map((row) => ({
        label: `${AEAD_OP_SHORT[row.op]}, ${fmtSize(row.size)}`,
        bars: cols
          .filter((i) => row.cells[i])
          .map((i) => {
            const x = mbps(row.cells[i]!, row.size);
            return { label: i, value: x, color: COLORS[i as Impl], text: `${fmtMBps(x)} MB/s` };
          }),
      })),
      'MB/s',
    ),
  );
  const ratios = AEAD_RATIOS.filter((q) => cols.includes(q.num) && cols.includes(q.den));
  const t = $<HTMLTableElement>('aead-table');
  t.replaceChildren();
  const head = t.createTHead().insertRow();
  for (const h of ['MB/s', ...cols.map((i) => aeadImplLabel(i, v)), ...ratios.map((q) => q.label)]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.appendChild(th);
  }
  const tb = t.createTBody();
  for (const row of r.aead) {
    const tr = tb.insertRow();
    tr.insertCell().textContent = row.label;
    const best = Math.max(...Object.values(row.cells).map((c) => c.median));
    for (const i of cols) {
      const td = tr.insertCell();
      const c = row.cells[i];
      td.textContent = c ? fmtMBps(mbps(c, row.size)) : '—';
      if (c) td.title = `${fmtRate(c.median)} messages/s of ${fmtSize(row.size)}`;
      if (c && c.median === best) td.className = 'best';
    }
    for (const q of ratios) {
      const a = row.cells[q.num];
      const b = row.cells[q.den];
      const td = tr.insertCell();
      td.textContent = a && b ? fmtRatioX(a.median / b.median) : '—';
      td.className = 'ratio';
    }
  }
  $('aead-note').textContent =
    `MB/s = 10^6 message bytes per second; median of ${r.options.runs} runs of ~${aeadRunMs(r.options)} ms per cell after a ${aeadWarmupMs(r.options)} ms warm-up, runs interleaved. ` +
    'Empty associated data, one cipher object per message. pqsimd and @noble/ciphers write into output buffers allocated once per cell (no allocation in the hot path); ' +
    "libsodium-wrappers has no output-buffer API (it allocates each result, copying through its WASM heap) and no raw ChaCha20 outside its sumo build. Every output is checked against @noble/ciphers' (see the checks).";
}

/** The BN254 section: time per operation, the sumOfProducts speed-up row and the speed-ups against noble. */
function renderBn254(r: Report): void {
  $('bn254-section').hidden = !r.bn254.length;
  if (!r.bn254.length) return;
  const v = r.worker?.curvesVersion;
  const cols = bn254Columns(r.bn254, BN254_IMPLS);
  const ratios = bn254Ratios(cols);
  const t = $<HTMLTableElement>('bn254-table');
  t.replaceChildren();
  const head = t.createTHead().insertRow();
  for (const h of ['Time per operation', ...cols.map((i) => (i === 'noble' && v ? `noble ${v}` : i)), ...ratios.map((q) => q.label)]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.appendChild(th);
  }
  const tb = t.createTBody();
  const sop = r.bn254.find((x) => x.op === 'fp-sop2');
  for (const row of r.bn254) {
    const tr = tb.insertRow();
    tr.insertCell().textContent = row.label;
    const times = cols.map((i) => rowSeconds(row, i));
    const best = Math.min(...times.filter(Number.isFinite));
    cols.forEach((_, k) => {
      const td = tr.insertCell();
      td.textContent = fmtTime(times[k]!);
      if (times[k] === best) td.className = 'best';
    });
    for (const q of ratios) {
      const td = tr.insertCell();
      const x = rowSeconds(row, q.den) / rowSeconds(row, q.num);
      td.textContent = Number.isFinite(x) ? fmtRatioX(x) : '—';
      td.className = 'ratio';
    }
    if (row.op === 'fp-2mul-add' && sop) {
      const s = tb.insertRow();
      s.insertCell().textContent = 'sumOfProducts speed-up (2 × mul + add / sumOfProducts)';
      for (const i of cols) {
        const x = rowSeconds(row, i) / rowSeconds(sop, i);
        s.insertCell().textContent = Number.isFinite(x) ? fmtRatio(x, '×') : '—';
      }
      for (const _ of ratios) s.insertCell();
    }
  }
  $('bn254-note').textContent = bn254Markdown(r.bn254, v, r.options, false).at(-1) ?? '';
}

// ---------------------------------------------------------------------------------------------
// The run

function runWorker(opts: BenchOptions, report: Report): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./bench-worker.js', import.meta.url), { type: 'module', name: 'pqsimd-bench' });
    let total = 1;
    const prog = $<HTMLProgressElement>('progress');
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'env') report.worker = m.env;
      else if (m.type === 'plan') total = m.total;
      else if (m.type === 'progress') {
        prog.value = (0.9 * m.done) / total;
        setStatus(m.label);
      } else if (m.type === 'check') {
        report.checks.push(m.check);
        if (!m.check.ok) banner(`Implementations disagree: ${m.check.impl} ${m.check.alg}: ${m.check.what}`);
      } else if (m.type === 'row') {
        report.rows.push(m.row);
        renderResults(report);
      } else if (m.type === 'aead-row') {
        report.aead.push(m.row);
        renderResults(report);
      } else if (m.type === 'bn254-row') {
        report.bn254.push(m.row);
        renderResults(report);
      } else if (m.type === 'done') {
        w.terminate();
        resolve();
      } else if (m.type === 'error') {
        w.terminate();
        reject(new Error(m.message));
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      reject(new Error(`benchmark worker: ${e.message || 'failed to load'}`));
    };
    w.postMessage({ type: 'run', opts } satisfies ToWorker);
  });
}

/** A VerifyPool worker: dist/pool-worker.mjs, copied next to this bundle by scripts/web-bench.mjs. */
const poolWorker = () => new Worker(new URL('./pool-worker.mjs', import.meta.url), { type: 'module' });

/** VerifyPool throughput with 0 (page thread) and 1..hardwareConcurrency workers. */
async function runPool(opts: BenchOptions, report: Report, quick: boolean): Promise<void> {
  await pq.ready();
  report.poolBackend = pq.backend();
  const m = pq.mlDsa65;
  const n = quick ? 32 : 192;
  const items: { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array }[] = [];
  const expected: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const kp = m.keygen(Uint8Array.from({ length: 32 }, (_, j) => (i * 7 + j) & 0xff));
    const message = Uint8Array.from({ length: 64 }, (_, j) => (i + j) & 0xff);
    const signature = m.sign(kp.secretKey, message, { deterministic: true });
    if (i % 4 === 3) signature[i % signature.length]! ^= 1;
    items.push({ publicKey: kp.publicKey, message, signature });
    expected.push(i % 4 !== 3);
  }
  const want = expected.join();
  const cores = Math.max(1, navigator.hardwareConcurrency || 1);
  const prog = $<HTMLProgressElement>('progress');
  const runs = Math.max(3, opts.runs);
  for (let k = 0; k <= cores; k++) {
    setStatus(`worker pool: ${k === 0 ? 'page thread' : `${k} worker${k > 1 ? 's' : ''}`}`);
    const pool = k ? new pq.VerifyPool({ size: k, createWorker: poolWorker }) : null;
    const verify = () => (pool ? pool.verifyBatch('ML-DSA-65', items) : Promise.resolve(m.verifyBatch(items)));
    try {
      const first = await verify(); // also starts the workers
      if (first.join() !== want) {
        report.checks.push({ alg: 'ML-DSA-65', impl: `VerifyPool(${k})`, what: 'verdicts in order', ok: false });
        banner(`VerifyPool with ${k} workers: wrong verdicts`);
        continue;
      }
      // warm-up (at least 300 ms): the workers' WASM tiers up (Liftoff, then TurboFan) while they verify
      const res = (
        await measureInterleaved(
          [
            {
              name: k ? `VerifyPool with ${k} workers` : 'verifyBatch',
              fn: verify,
              async: true,
              opsPerCall: n,
              check: (v) => (v as boolean[]).join() === want,
            },
          ],
          { warmupMs: Math.max(300, opts.warmupMs), runMs: opts.runMs, runs },
        )
      )
        .values()
        .next().value!;
      report.checks.push({ alg: 'ML-DSA-65', impl: k ? `VerifyPool(${k})` : 'verifyBatch', what: `${n} mixed verdicts in order`, ok: true });
      report.pool.push({ workers: k, median: res.median, runs: res.runs, items: n, p50: res.p50, p99: res.p99 });
      prog.value = 0.9 + (0.1 * (k + 1)) / (cores + 1);
      renderResults(report);
    } finally {
      await pool?.terminate();
    }
  }
}

async function run(): Promise<void> {
  if (state.state === 'running') return;
  $('banner').hidden = true;
  $('banner').textContent = '';
  ($('run') as HTMLButtonElement).disabled = true;
  setState('running', 'starting');
  const opts = options();
  const quick = flag('quick') || ($('quick') as HTMLInputElement).checked;
  const report: Report = {
    date: new Date().toISOString(),
    userAgent: navigator.userAgent,
    env: state.env,
    options: opts,
    worker: null,
    rows: [],
    aead: [],
    bn254: [],
    pool: [],
    poolBackend: null,
    checks: [],
    errors: [],
  };
  state.report = report;
  const t0 = performance.now();
  try {
    await runWorker(opts, report);
    if (q.get('pool') !== '0') await runPool(opts, report, quick);
    renderResults(report);
    $<HTMLProgressElement>('progress').value = 1;
    const failed = report.checks.filter((c) => !c.ok).length;
    setState(failed ? 'error' : 'done', `${failed ? `${failed} checks FAILED; ` : ''}done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    report.errors.push(msg);
    state.errors.push(msg);
    banner(`Error: ${msg}`);
    if (report.rows.length) renderResults(report);
    setState('error', 'failed');
  } finally {
    ($('run') as HTMLButtonElement).disabled = false;
  }
}

function download(): void {
  if (!state.report) return;
  const blob = new Blob([JSON.stringify(state.report, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `pqsimd-web-bench-${state.report.date.replace(/[:.]/g, '-')}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function copyMarkdown(): Promise<void> {
  if (!state.report) return;
  const text = toMarkdown(state.report);
  try {
    await navigator.clipboard.writeText(text);
    $('copied').textContent = 'copied';
  } catch {
    // No clipboard permission (e.g. not focused): select the Markdown so Ctrl+C copies it.
    const pre = $('markdown');
    (pre.parentElement as HTMLDetailsElement).open = true;
    getSelection()?.selectAllChildren(pre);
    $('copied').textContent = 'clipboard not available: the Markdown below is selected';
  }
}

// For tests and automation: the state, the report, the Markdown.
(window as unknown as { webBench: unknown }).webBench = {
  get state() {
    return state.state;
  },
  get status() {
    return state.status;
  },
  get env() {
    return state.env;
  },
  get report() {
    return state.report;
  },
  get errors() {
    return state.errors;
  },
  markdown: () => (state.report ? toMarkdown(state.report) : ''),
  run,
};

async function main(): Promise<void> {
  setState('idle');
  ($('quick') as HTMLInputElement).checked = flag('quick');
  $('run').addEventListener('click', () => void run());
  $('download').addEventListener('click', download);
  $('copy').addEventListener('click', () => void copyMarkdown());
  addEventListener('securitypolicyviolation', (e) => {
    const msg = `CSP violation: ${e.violatedDirective} (${e.blockedURI || 'inline'})`;
    state.errors.push(msg);
    banner(msg);
  });
  state.env = await detect();
  renderEnv(state.env);
  document.documentElement.dataset.ready = '1';
  if (flag('autorun')) await run();
}

main().catch((e) => {
  state.errors.push(String(e));
  banner(`Error: ${e instanceof Error ? e.message : String(e)}`);
  setState('error', 'failed');
});
