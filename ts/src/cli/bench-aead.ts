/**
 * The AEAD part of `pqsimd bench` (family aead): MB/s of ChaCha20-Poly1305 seal and open,
 * XChaCha20-Poly1305 seal, secretbox seal and the ChaCha20 keystream at several sizes, on every
 * backend next to @noble/ciphers, libsodium-wrappers and node:crypto (bench/aead.ts: the cells, the
 * checks, the table), then the kernel table: the aead_bench hook's ChaCha20 ways and Poly1305
 * kernels in ticks per byte on each backend.
 */
import {
  AEAD_SIZES,
  aeadColumns,
  aeadData,
  aeadLikeCases,
  aeadPlan,
  aeadTable,
  type AeadCases,
  type AeadRatio,
  type AeadRow,
  type CheckCounts,
  type Clock,
  fmtSize,
  mbps,
  measureInterleaved,
  measurementJson,
  markdownTable,
  nodeCryptoCases,
  sodiumCases,
  timeAeadPlan,
  type Measurement,
} from '../../../bench/index.js';
import { loadBackend as loadAeadBackend, type AeadBackend } from '../aead/index.node.js';
import type { BackendName } from '../index.node.js';
import { loadNobleCiphers, loadSodium, nodeCrypto } from './aead-libs.js';
import { note } from './io.js';

/**
 * The aead_bench hook's kernels (PQ_BENCH_AEAD_* in native/common/shared/pq_bench.h, ids 10-20)
 * and the message bytes of one iteration. The w-way ids run one w-way pass of the build's ChaCha20
 * kernel on w blocks; a build without that pass returns -1 ('—' in the table).
 */
export const AEAD_KERNELS: readonly { id: number; name: string; bytes: number }[] = [
  { id: 10, name: 'ChaCha20, 1-way (64 B)', bytes: 64 },
  { id: 11, name: 'ChaCha20, 2-way (128 B)', bytes: 128 },
  { id: 12, name: 'ChaCha20, 3-way (192 B)', bytes: 192 },
  { id: 13, name: 'ChaCha20, 4-way (256 B)', bytes: 256 },
  { id: 14, name: 'ChaCha20, 8-way (512 B)', bytes: 512 },
  { id: 15, name: 'ChaCha20, 16-way (1 KiB)', bytes: 1024 },
  { id: 16, name: 'ChaCha20, 4 KiB (the build’s dispatch)', bytes: 4096 },
  { id: 17, name: 'Salsa20, 4 KiB', bytes: 4096 },
  { id: 18, name: 'Poly1305, portable (scalar), 4 KiB', bytes: 4096 },
  { id: 19, name: 'Poly1305, the build’s SIMD kernel, 4 KiB', bytes: 4096 },
  { id: 20, name: 'ChaCha20-Poly1305 seal, 4 KiB (init, update, tag)', bytes: 4096 },
];

export interface AeadBenchConfig {
  backends: readonly BackendName[];
  runs: number;
  /** One timed run, milliseconds. */
  runMs: number;
  warmupMs: number;
  clock: Clock;
  sizes?: readonly number[];
  /** The @noble/ciphers column (it is the reference either way). */
  nobleColumn: boolean;
  kernels: boolean;
  progress: (s: string) => void;
}

export interface AeadKernelRow {
  id: number;
  label: string;
  /** Message bytes one iteration of the hook processes. */
  bytes: number;
  /** Per backend: the measurement of one iteration, and the hook's checksum (equal on every backend). */
  cells: Record<string, Measurement>;
  checksum: number;
}

export interface AeadBenchResult {
  rows: AeadRow[];
  impls: string[];
  ratios: AeadRatio[];
  table: string;
  notes: string[];
  checks: CheckCounts;
  versions: { noble: string; libsodiumWrappers: string | null; libsodium: string | null; openssl: string | null };
  kernelRows: AeadKernelRow[];
  kernelTable: string;
  kernelNote: string;
  seconds: number;
}

/** Ticks (or nanoseconds, without a tick clock) per byte of one kernel measurement. */
function perByte(m: Measurement, bytes: number, clock: Clock): number {
  return clock.ticks && m.ticks !== undefined ? m.ticks / bytes : 1e9 / m.median / bytes;
}

export async function benchAead(cfg: AeadBenchConfig): Promise<AeadBenchResult | null> {
  const t0 = performance.now();
  const noble = await loadNobleCiphers();
  if (!noble) {
    note('note: @noble/ciphers cannot be imported: the AEAD table is skipped (it is the reference the outputs are checked against)');
    return null;
  }
  const sodium = await loadSodium();
  if (!sodium) note('note: libsodium-wrappers cannot be imported: no libsodium column');
  const node = nodeCrypto();
  if (!node) note('note: this Node has no chacha20-poly1305 in node:crypto: no node:crypto column');

  const d = aeadData(noble.lib, cfg.sizes ?? AEAD_SIZES);
  const loaded = new Map<BackendName, AeadBackend>();
  for (const b of cfg.backends) loaded.set(b, await loadAeadBackend(b));
  const libs: [string, AeadCases][] = [...loaded].map(([name, b]) => [name, aeadLikeCases(b, d)]);
  if (cfg.nobleColumn) libs.push(['noble', aeadLikeCases(noble.lib, d, 16)]);
  if (sodium) libs.push(['libsodium', sodiumCases(sodium.lib, d)]);
  if (node) libs.push(['node:crypto', nodeCryptoCases(node.lib, d)]);
  const order = libs.map(([n]) => n);

  const checks: CheckCounts = new Map();
  const plan = aeadPlan(d, libs, checks);
  const rows = await timeAeadPlan(plan, { warmupMs: cfg.warmupMs, runMs: cfg.runMs, runs: cfg.runs, clock: cfg.clock }, (label, e) =>
    cfg.progress(`${label}: ${e.impl} ${e.phase === 'warmup' ? 'warm-up' : `run ${e.run}/${e.runs}`}`),
  );

  const impls = aeadColumns(rows, order);
  const native = cfg.backends.find((b) => b.startsWith('native-'));
  const ratios: AeadRatio[] = [];
  if (native && node) ratios.push({ label: `${native} / node:crypto`, num: native, den: 'node:crypto' });
  const wasm = cfg.backends.includes('wasm-simd') ? 'wasm-simd' : cfg.backends.find((b) => b.startsWith('wasm-'));
  if (wasm && cfg.nobleColumn) ratios.push({ label: `${wasm} / noble`, num: wasm, den: 'noble' });
  if (wasm && sodium) ratios.push({ label: `${wasm} / libsodium`, num: wasm, den: 'libsodium' });
  const implLabel = (i: string) =>
    i === 'noble'
      ? `noble ${noble.version}`
      : i === 'libsodium' && sodium
        ? `libsodium.js ${sodium.version}`
        : i === 'node:crypto' && node
          ? `node:crypto (OpenSSL ${node.openssl})`
          : i;
  const table = aeadTable(rows, impls, ratios, { implLabel });

  const totals = [...checks.values()].reduce((a, c) => ({ full: a.full + c.full, timed: a.timed + c.timed, tamper: a.tamper + c.tamperRejected }), {
    full: 0,
    timed: 0,
    tamper: 0,
  });
  const notes = [
    `MB/s = 10^6 message bytes per second: median of ${cfg.runs} runs of ~${cfg.runMs} ms per cell after a warm-up, the runs of a row's implementations interleaved. ` +
      `Sizes ${d.sizes.map(fmtSize).join(', ')}; empty associated data; one fresh cipher object per message (fixed key and 12- / 24-byte nonce).`,
    'Output buffers given: pqsimd and @noble/ciphers write into an output buffer allocated once per cell (the hot path without allocation; ' +
      "noble's secretbox takes 32 bytes of scratch in front). libsodium-wrappers and node:crypto take no output buffer and allocate every result " +
      '(libsodium-wrappers also copies the message in and the result out of its WASM heap).',
    `node:crypto: createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 }) + setAAD + update + final + getAuthTag per message ` +
      "(open: createDecipheriv + setAAD + setAuthTag + update + final), 'chacha20' with a 16-byte IV (counter 0 ‖ nonce) for the keystream; " +
      'OpenSSL has no XChaCha20 or XSalsa20. libsodium-wrappers has no raw ChaCha20 (only its sumo build).' +
      (native ? ` pqsimd native figures include the N-API call (the whole message in one crossing).` : ''),
    `Checked: @noble/ciphers reproduces RFC 8439 §2.8.2, then gives the reference outputs; every implementation's output of every cell matched them in full ` +
      `(${totals.full} full comparisons, ${totals.tamper} openers rejected a flipped tag bit), and the last output of every timed batch was compared ` +
      `at its start, middle and end and then overwritten (${totals.timed} batch checks).`,
  ];

  // ---- kernels: the aead_bench hook
  const kernelRows: AeadKernelRow[] = [];
  if (cfg.kernels) {
    for (const k of AEAD_KERNELS) {
      const list = [];
      let checksum: number | null = null;
      for (const [name, b] of loaded) {
        const probe = b.bench(k.id, 3);
        if (probe === -1) continue; // this build has no such kernel
        // every build runs the same kernel on the same data: the checksums must agree
        if (checksum === null) checksum = probe;
        else if (probe !== checksum)
          throw new Error(`CORRECTNESS CHECK FAILED: aead kernel '${k.name}': ${name} checksum ${probe}, another backend ${checksum}`);
        list.push({ name, batch: (n: number) => b.bench(k.id, n), check: (v: unknown) => typeof v === 'number' && v !== -1 });
      }
      if (!list.length || checksum === null) continue;
      const res = await measureInterleaved(list, { warmupMs: Math.max(30, cfg.runMs / 2), runMs: cfg.runMs / 2, runs: cfg.runs, clock: cfg.clock }, (e) =>
        cfg.progress(`kernel ${k.name}: ${e.impl} ${e.phase === 'warmup' ? 'warm-up' : `run ${e.run}/${e.runs}`}`),
      );
      kernelRows.push({ id: k.id, label: k.name, bytes: k.bytes, cells: Object.fromEntries(res), checksum });
    }
  }
  const unit = cfg.clock.ticks ? `${cfg.clock.source} ticks per byte` : 'ns per byte';
  const kernelCols = cfg.backends.filter((b) => kernelRows.some((r) => r.cells[b]));
  const kernelTable = kernelRows.length
    ? markdownTable(
        [`Kernel (${unit})`, ...kernelCols],
        kernelRows.map((r) => [
          r.label,
          ...kernelCols.map((b) => {
            const m = r.cells[b];
            if (!m) return '—';
            const x = perByte(m, r.bytes, cfg.clock);
            return x >= 10 ? x.toFixed(1) : x.toFixed(2);
          }),
        ]),
      )
    : '';
  const kernelNote = kernelRows.length
    ? `Kernels through the aead_bench hook (one call runs a kernel many times inside the backend on fixed data, so no JS or N-API crossing is counted): ` +
      `${unit}${cfg.clock.ticks && cfg.clock.ticksPerSecond ? ` (${(cfg.clock.ticksPerSecond / 1e9).toFixed(3)} GHz)` : ''}, median of ${cfg.runs} runs. ` +
      "'—': the build has no such kernel. The checksum of every kernel agreed across the backends that have it."
    : '';
  return {
    rows,
    impls,
    ratios,
    table,
    notes,
    checks,
    versions: { noble: noble.version, libsodiumWrappers: sodium?.version ?? null, libsodium: sodium?.libsodium ?? null, openssl: node?.openssl ?? null },
    kernelRows,
    kernelTable,
    kernelNote,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** The JSON of the AEAD part. */
export function aeadJson(r: AeadBenchResult): Record<string, unknown> {
  return {
    versions: r.versions,
    implementations: r.impls,
    results: r.rows.flatMap((row) =>
      Object.entries(row.cells).map(([impl, m]) => ({
        op: row.op,
        size: row.size,
        impl,
        MBps: mbps(m, row.size),
        unit: 'ops/s',
        ...measurementJson(m),
        ...(m.ticks !== undefined ? { ticksPerByte: m.ticks / row.size } : {}),
      })),
    ),
    ratios: r.ratios,
    checks: Object.fromEntries(r.checks),
    kernels: r.kernelRows.map((k) => ({
      kernel: k.label,
      id: k.id,
      bytesPerIteration: k.bytes,
      checksum: k.checksum,
      perBackend: Object.fromEntries(
        Object.entries(k.cells).map(([b, m]) => [
          b,
          { iterationsPerSecond: m.median, ticksPerIteration: m.ticks ?? null, ticksPerByte: m.ticks !== undefined ? m.ticks / k.bytes : null },
        ]),
      ),
    })),
    seconds: r.seconds,
  };
}
