/**
 * pqsimd bench: keygen / sign / verify ops/s of every available backend next to
 * @noble/post-quantum, NTT throughput and per-kernel timings, and the AEAD family's throughput
 * next to @noble/ciphers, libsodium and node:crypto (bench-aead.ts); the timing, statistics and
 * tables are the shared benchmark core's (bench/).
 */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

import {
  bestClock,
  latencyTable,
  measureInterleaved,
  measurementJson,
  rateTable,
  resultTable,
  ticksTable,
  type Clock,
  type Impl,
  type Measurement,
  type ResultRow,
} from '../../../bench/index.js';
import { availableBackends, KERNEL_NAMES, loadBackend, tickCounter, type KernelName } from '../index.node.js';
import { falconOf, isFalcon, kernelsOf, schemeOf, type AnyAlg, type Backend, type FalconAlg } from './algs.js';
import { InputError, parseAlgList, parsePositiveNumber, resolveBackends, UsageError, type Command, type Parsed } from './args.js';
import { aeadJson, benchAead, type AeadBenchResult } from './bench-aead.js';
import { benchBn254, bn254Json, type Bn254BenchResult } from './bench-bn254.js';
import { fromB64, fromHex, log, note, writeOutput } from './io.js';
import { loadNoble, type Noble } from './noble.js';
import { FALCON_KAT } from './selftest-data.js';

const help = `Usage: pqsimd bench [options]

Measure keygen, sign (hedged) and verify in ops/s for ML-DSA-44/65/87, and verify for
Falcon-512/1024 (of one signature noble makes at setup; Falcon keygen and sign are not
benchmarked), on every available backend and on @noble/post-quantum (pure JS, when importable),
plus forward and inverse NTT throughput. Each figure is the median of N runs after a warm-up,
the runs of the implementations interleaved; latency per operation is given as its 50th and
99th percentile over all calls (timed with the addon's tick counter when it is loaded).
The AEAD family: MB/s of ChaCha20-Poly1305 seal and open, XChaCha20-Poly1305 seal, secretbox
seal and the ChaCha20 keystream at 64 B, 1 KiB, 16 KiB and 1 MiB on every backend next to
@noble/ciphers, libsodium-wrappers and node:crypto (every output checked against noble's), and
the ChaCha20 / Poly1305 kernels in ticks per byte.
The BN254 family: time per operation of Fp mul, sumOfProducts vs 2 x mul + add, Fp2 mul, one
pairing, ecPairing (2 and 4 pairs), ecMul, ecAdd, Groth16 verify (1 and 5 public inputs, one-off
and prepared) and the cold start (a fresh process: import + ready + first verify) on every
backend next to @noble/curves, mcl-wasm (when installed) and snarkjs (GPL: installed on demand
into build/bench-deps, never a dependency).

  --family F[,F]       only these families: mldsa, falcon, aead, bn254 (default all; with --alg, the
                       families of those algorithms)
  --alg ALG[,ALG]      only these (default ml-dsa-44,ml-dsa-65,ml-dsa-87,falcon-512,falcon-1024;
                       falcon-det1024 on request, without a noble column)
  --backend NAME[,…]   only these backends (default all available)
  --runs N             runs per figure (default 5)
  --seconds S          length of one run in seconds (default 0.2; AEAD cells: a fifth of it)
  --aead-sizes N[,N]   AEAD message sizes in bytes (default 64,1024,16384,1048576)
  --no-noble           skip @noble/post-quantum and the @noble/ciphers column
  --no-ntt             skip the NTT rows of the main table
  --no-kernels         skip the per-kernel tables (ns per call; AEAD: ticks per byte)
  --no-snarkjs         no snarkjs column in the BN254 table
  --no-snarkjs-install use snarkjs only if already importable (no npm install into build/bench-deps)
  --no-mcl             no mcl-wasm column in the BN254 table
  --cold-runs N        fresh processes per implementation for the BN254 cold start (default 3; 0: none)
  --out FILE.md        also write the results as Markdown
  --json FILE.json     also write the results as JSON`;

interface Machine {
  cpu: string;
  logicalCpus: number;
  platform: string;
  arch: string;
  node: string;
  memoryGiB: number;
}

function machineInfo(): Machine {
  let cpu = '';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  const list = os.cpus();
  if (!cpu) cpu = list[0]?.model?.trim() || 'unknown CPU';
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : list.length;
  return {
    cpu,
    logicalCpus: n,
    platform: os.platform(),
    arch: os.arch(),
    node: process.version,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.logicalCpus} logical CPU${m.logicalCpus === 1 ? '' : 's'}, ${m.memoryGiB} GiB, ${m.platform} ${m.arch}, Node ${m.node}`;
}

interface Row extends ResultRow {
  alg: AnyAlg | null;
  op: string;
  unit: string;
  cells: Record<string, Measurement>;
}

/** Fixed noble keygen seed and signing randomness, so every bench run verifies the same signature. */
const FALCON_BENCH_SEED = Uint8Array.from({ length: 48 }, (_, i) => 0xf0 ^ i);
const FALCON_BENCH_RND = Uint8Array.from({ length: 48 }, (_, i) => 0x5a ^ i);

/** Measures `impls` interleaved into `row` (progress on a terminal). */
type Timer = (row: Row, impls: Impl[], runMs?: number) => Promise<Row>;

/**
 * Falcon verify on every backend and noble. noble makes the key pair and one compressed signature
 * of `msg` at setup (not measured); without noble (or for det1024, which noble lacks) the embedded
 * known-answer signature is verified instead.
 */
async function benchFalcon(alg: FalconAlg, backends: Backend[], noble: Noble | null, msg: Uint8Array, time: Timer): Promise<Row[]> {
  const n = noble?.falcon?.[alg];
  let pk: Uint8Array;
  let m: Uint8Array;
  let sig: Uint8Array;
  if (n) {
    const kp = n.keygen(FALCON_BENCH_SEED);
    pk = kp.publicKey;
    m = msg;
    sig = n.sign(m, kp.secretKey, { extraEntropy: FALCON_BENCH_RND });
    if (!n.verify(sig, m, pk)) throw new InputError(`noble ${alg}: own signature does not verify`);
  } else {
    const kat = FALCON_KAT[alg];
    pk = fromB64(kat.pk);
    m = fromHex(kat.msg);
    sig = fromB64(kat.sig);
    note(`note: ${alg} verify is measured on the embedded known-answer signature (${m.length}-byte message)`);
  }
  const isTrue = (v: unknown) => v === true;
  const verify: Impl[] = [];
  const prepared: Impl[] = [];
  for (const b of backends) {
    const f = falconOf(b, alg);
    if (!f.verify(pk, m, sig)) throw new InputError(`${b.name} ${alg}: a valid signature does not verify; run 'pqsimd selftest'`);
    verify.push({ name: b.name, fn: () => f.verify(pk, m, sig), check: isTrue });
    const vk = f.prepare(pk);
    if (!vk.verify(m, sig)) throw new InputError(`${b.name} ${alg}: prepared key rejects a valid signature`);
    prepared.push({ name: b.name, fn: () => vk.verify(m, sig), check: isTrue });
  }
  if (n) verify.push({ name: 'noble', fn: () => n.verify(sig, m, pk), check: isTrue });
  return [
    await time({ label: `${alg} verify`, alg, op: 'verify', unit: 'ops/s', cells: {} }, verify),
    await time({ label: `${alg} verify, prepared key`, alg, op: 'verify-prepared', unit: 'ops/s', cells: {} }, prepared),
  ];
}

/** ML-DSA keygen, hedged sign, verify and verify with a prepared key on every backend and noble. */
async function benchMlDsa(alg: Exclude<AnyAlg, FalconAlg>, backends: Backend[], noble: Noble | null, msg: Uint8Array, time: Timer): Promise<Row[]> {
  const ops: Record<'keygen' | 'sign' | 'verify' | 'prepared', Impl[]> = { keygen: [], sign: [], verify: [], prepared: [] };
  const isTrue = (v: unknown) => v === true;
  for (const b of backends) {
    const m = schemeOf(b, alg);
    const { publicKey, secretKey } = m.keygen();
    const sig = m.sign(secretKey, msg);
    if (!m.verify(publicKey, msg, sig)) throw new InputError(`${b.name} ${alg}: own signature does not verify; run 'pqsimd selftest'`);
    ops.keygen.push({ name: b.name, fn: () => m.keygen() });
    ops.sign.push({ name: b.name, fn: () => m.sign(secretKey, msg) });
    ops.verify.push({ name: b.name, fn: () => m.verify(publicKey, msg, sig), check: isTrue });
    const vk = m.prepare(publicKey);
    ops.prepared.push({ name: b.name, fn: () => vk.verify(msg, sig), check: isTrue });
  }
  if (noble) {
    const n = noble.algs[alg];
    const { publicKey, secretKey } = n.keygen();
    const sig = n.sign(msg, secretKey);
    if (!n.verify(sig, msg, publicKey)) throw new InputError(`noble ${alg}: own signature does not verify`);
    ops.keygen.push({ name: 'noble', fn: () => n.keygen() });
    ops.sign.push({ name: 'noble', fn: () => n.sign(msg, secretKey) });
    ops.verify.push({ name: 'noble', fn: () => n.verify(sig, msg, publicKey), check: isTrue });
  }
  const rows: Row[] = [];
  for (const [op, label, key] of [
    ['keygen', 'keygen', 'keygen'],
    ['sign', 'sign', 'sign'],
    ['verify', 'verify', 'verify'],
    ['verify-prepared', 'verify, prepared key', 'prepared'],
  ] as const) {
    rows.push(await time({ label: `${alg} ${label}`, alg, op, unit: 'ops/s', cells: {} }, ops[key]));
  }
  return rows;
}

const FAMILIES = ['mldsa', 'falcon', 'aead', 'bn254'] as const;
type FamilyName = (typeof FAMILIES)[number];

/** --family (mldsa, ml-dsa, falcon, aead), and the algorithms of the signature families to run. */
function parseFamilies(p: Parsed): { families: Set<FamilyName>; algs: AnyAlg[] } {
  const f = p.values.get('family');
  const a = p.values.get('alg');
  const familyOf = (alg: AnyAlg): FamilyName => (isFalcon(alg) ? 'falcon' : 'mldsa');
  let families: Set<FamilyName>;
  if (f === undefined) families = a === undefined ? new Set(FAMILIES) : new Set(parseAlgList(a).map(familyOf));
  else {
    families = new Set();
    for (const x of f.split(',')) {
      const k = x
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');
      const fam = FAMILIES.find((y) => y === k);
      if (!fam) throw new UsageError(`unknown --family '${x.trim()}' (expected mldsa, falcon, aead or bn254)`);
      families.add(fam);
    }
  }
  const algs = parseAlgList(a).filter((alg) => families.has(familyOf(alg)));
  if (a !== undefined && algs.length < parseAlgList(a).length) throw new UsageError(`--alg ${a} is outside --family ${f}`);
  return { families, algs };
}

/** --cold-runs: fresh processes per implementation for the BN254 cold start (0 to 50, default 3). */
function parseColdRuns(p: Parsed): number {
  const s = p.values.get('cold-runs');
  if (s === undefined) return 3;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 50) throw new UsageError(`--cold-runs: expected an integer from 0 to 50, got '${s}'`);
  return n;
}

/** --aead-sizes: message sizes in bytes (1 B to 64 MiB). */
function parseSizes(p: Parsed): number[] | undefined {
  const s = p.values.get('aead-sizes');
  if (s === undefined) return undefined;
  const sizes = s.split(',').map((x) => Number(x.trim()));
  for (const n of sizes)
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 26) throw new UsageError(`--aead-sizes: expected sizes in bytes (1 to 67108864), got '${s}'`);
  return [...new Set(sizes)];
}

async function run(p: Parsed, argv: readonly string[]): Promise<number> {
  const { families, algs } = parseFamilies(p);
  const aeadSizes = parseSizes(p);
  const names = resolveBackends(p);
  const runs = parsePositiveNumber(p, 'runs', 5, true);
  const seconds = parsePositiveNumber(p, 'seconds', 0.2, false);
  const mdPath = p.values.get('out');
  const jsonPath = p.values.get('json');
  const signatures = families.has('mldsa') || families.has('falcon');
  const noble = p.flags.has('no-noble') || !signatures ? null : await loadNoble();
  if (!noble && signatures && !p.flags.has('no-noble')) note('note: @noble/post-quantum cannot be imported: no pure-JS column');
  const withNtt = !p.flags.has('no-ntt') && families.has('mldsa');
  const machine = machineInfo();
  const date = new Date().toISOString();
  const command = ['pqsimd', 'bench', ...argv].join(' ');
  const msgLen = 64;
  const msg = Uint8Array.from({ length: msgLen }, (_, i) => (i * 131 + 7) & 0xff);
  const runMs = seconds * 1000;
  const warmupMs = Math.max(50, runMs / 2);

  const backends: Backend[] = [];
  if (signatures) for (const n of names) backends.push(await loadBackend(n));
  const impls = [...(names as string[]), ...(noble ? ['noble'] : [])];
  // The cycle-accurate timer: the addon's rdtsc (x86-64) or cntvct_el0 (AArch64), else performance.now().
  const clock: Clock = bestClock(tickCounter());

  log(`pqsimd bench: ${machineLine(machine)}`);
  if (signatures)
    log(
      `median of ${runs} run${runs > 1 ? 's' : ''} × ${seconds} s after a warm-up, runs interleaved across implementations; ${msgLen}-byte message, hedged signing${noble ? `; ratios vs @noble/post-quantum ${noble.version}` : ''}`,
    );
  log('');

  const progress = (s: string) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${s}`);
  };
  const time: Timer = async (row, list, ms = runMs) => {
    if (list.length) {
      const res = await measureInterleaved(list, { warmupMs: Math.min(warmupMs, Math.max(50, ms / 2)), runMs: ms, runs, clock, minCalls: 5 }, (e) =>
        progress(`${row.label}: ${e.impl} ${e.phase === 'warmup' ? 'warm-up' : `run ${e.run}/${e.runs}`}`),
      );
      for (const [impl, m] of res) row.cells[impl] = m;
    }
    return row;
  };

  const rows: Row[] = [];
  for (const alg of algs) {
    if (isFalcon(alg)) rows.push(...(await benchFalcon(alg, backends, noble, msg, time)));
    else rows.push(...(await benchMlDsa(alg, backends, noble, msg, time)));
  }
  if (withNtt) {
    const ntt: Impl[] = [];
    const inv: Impl[] = [];
    for (const b of backends) {
      const k = kernelsOf(b);
      if (!k) {
        note(`note: backend ${b.name} exposes no NTT kernels`);
        continue;
      }
      ntt.push({ name: b.name, batch: (n) => k.nttLoop(n) });
      inv.push({ name: b.name, batch: (n) => k.invnttLoop(n) });
    }
    if (noble?.ntt) {
      const nn = noble.ntt;
      const poly = Int32Array.from({ length: 256 }, (_, i) => (i * 7919) % 8380417);
      ntt.push({
        name: 'noble',
        batch: (n) => {
          for (let i = 0; i < n; i++) nn.encode(poly);
        },
      });
      inv.push({
        name: 'noble',
        batch: (n) => {
          for (let i = 0; i < n; i++) nn.decode(poly);
        },
      });
    }
    if (ntt.length) {
      rows.push(await time({ label: 'NTT (256 coeffs)', alg: null, op: 'ntt', unit: '/s', cells: {} }, ntt));
      rows.push(await time({ label: 'inverse NTT', alg: null, op: 'invntt', unit: '/s', cells: {} }, inv));
    }
  }
  // Per-kernel timings (ns per call) per backend: where the time goes.
  const kernelRows: Row[] = [];
  if (!p.flags.has('no-kernels')) {
    for (const name of KERNEL_NAMES) {
      if (!families.has(name.startsWith('Falcon') ? 'falcon' : 'mldsa')) continue;
      const list: Impl[] = [];
      for (const b of backends) {
        const k = kernelsOf(b);
        if (k?.run) list.push({ name: b.name, batch: (n) => k.run!(name as KernelName, n) });
      }
      if (list.length) kernelRows.push(await time({ label: name, alg: null, op: 'kernel', unit: 'calls/s', cells: {} }, list, runMs / 2));
    }
  }
  // The AEAD family: its own table (MB/s at several sizes) and kernel table (ticks per byte).
  let aead: AeadBenchResult | null = null;
  if (families.has('aead')) {
    aead = await benchAead({
      backends: names,
      runs,
      // 20 rows of up to 9 columns: a fifth of a signature cell's run keeps them within ~1 minute
      runMs: runMs / 5,
      warmupMs: Math.max(30, runMs / 5),
      clock,
      sizes: aeadSizes,
      nobleColumn: !p.flags.has('no-noble'),
      kernels: !p.flags.has('no-kernels'),
      progress,
    });
  }
  // The BN254 family: one table, time per operation (the field rows through its bench hook).
  let bn: Bn254BenchResult | null = null;
  if (families.has('bn254')) {
    bn = await benchBn254({
      backends: names,
      runs,
      // 13 rows of up to 9 columns, a fifth of a signature cell's run: ~1 minute with the cold starts
      runMs: runMs / 5,
      warmupMs: Math.max(30, runMs / 5),
      clock,
      nobleColumn: !p.flags.has('no-noble'),
      mcl: !p.flags.has('no-mcl'),
      snarkjs: !p.flags.has('no-snarkjs'),
      snarkjsInstall: !p.flags.has('no-snarkjs-install'),
      coldRuns: parseColdRuns(p),
      progress,
    });
  }
  progress('');

  const implLabel = (i: string) => (i === 'noble' ? 'noble (pure JS)' : i);
  const table = rows.length
    ? rateTable(rows, impls, { title: 'Operation', implLabel, suffix: (r) => ` ${r.unit}`, baseline: () => (noble ? 'noble' : null) })
    : '';
  const latency = rows.length ? latencyTable(rows, impls, { title: 'Latency, µs per operation (p50 / p99)', implLabel }) : '';
  const latencyNote =
    `Latency: 50th and 99th percentile over every call of every run, timed with ${clock.ticks ? `the addon's \`${clock.source}\` counter` : 'performance.now()'}` +
    ' (NTT rows: over the runs, of the mean of each batch).';
  if (rows.length) {
    log(table);
    log('');
    log(latency);
    log(latencyNote);
    log('');
  }
  const tps = clock.ticksPerSecond;
  const ticks = clock.ticks ? ticksTable(rows, impls, { title: `Operation (median ${clock.source} ticks)`, implLabel }) : '';
  const ticksNote =
    clock.ticks && tps
      ? `Cycle-accurate timer: the addon's \`${clock.source}\` counter at ${(tps / 1e9).toFixed(3)} GHz (measured against performance.now()); ticks per operation include the JS call and, for native backends, the N-API crossing.`
      : '';
  if (ticks) {
    log(ticks);
    log(ticksNote);
    log('');
  }
  let kernelTable = '';
  if (kernelRows.length) {
    kernelTable = resultTable(
      kernelRows,
      names,
      (m) => {
        const ns = 1e9 / m.median;
        return ns.toFixed(ns < 100 ? 1 : 0);
      },
      { title: 'Kernel (ns per call)' },
    );
    log(kernelTable);
    log('');
  }
  const aeadHeading = aead ? `AEAD (pqsimd/aead), MB/s; ${aead.rows.length} rows timed in ${aead.seconds.toFixed(0)} s:` : '';
  if (aead) {
    log(aeadHeading);
    log('');
    log(aead.table);
    log('');
    for (const n of aead.notes) log(n);
    log('');
    if (aead.kernelTable) {
      log(aead.kernelTable);
      log(aead.kernelNote);
      log('');
    }
  }
  const bnHeading = bn ? `BN254 (pqsimd/bn254), time per operation; ${bn.rows.length} rows timed in ${bn.seconds.toFixed(0)} s:` : '';
  if (bn) {
    log(bnHeading);
    log('');
    log(bn.table);
    log('');
    for (const n of bn.notes) log(n);
    log('');
  }
  log(`date: ${date}`);

  if (mdPath) {
    const sig = [
      `Operations per second, median of ${runs} runs of ~${seconds} s each after a warm-up, the runs of the implementations interleaved. ` +
        `Sign is hedged (random \`rnd\`) over a ${msgLen}-byte message; verify checks one valid signature. ` +
        (algs.some(isFalcon) ? 'Falcon: verify only, of one compressed signature made by noble at setup (keygen and sign are not benchmarked). ' : '') +
        (noble
          ? `Ratios in parentheses are relative to [@noble/post-quantum](https://github.com/paulmillr/noble-post-quantum) ${noble.version} (pure JavaScript) on the same machine. `
          : '') +
        (withNtt ? 'NTT rows are single ML-DSA polynomial transforms per second (noble: its internal NTT).' : ''),
      '',
      table,
      '',
      latency,
      '',
      latencyNote,
      '',
      ...(ticks ? [ticks, '', ticksNote, ''] : []),
      ...(kernelTable ? ['Kernels, nanoseconds per call (median; each call runs the kernel once on fixed data inside the backend):', '', kernelTable, ''] : []),
    ];
    const aeadMd = aead
      ? ['## AEAD', '', aead.table, '', ...aead.notes.flatMap((n) => [n, '']), ...(aead.kernelTable ? [aead.kernelTable, '', aead.kernelNote, ''] : [])]
      : [];
    const md = [
      '# pqsimd benchmarks',
      '',
      ...(rows.length ? sig : []),
      ...aeadMd,
      ...(bn ? ['## BN254', '', bn.table, '', ...bn.notes.flatMap((n) => [n, ''])] : []),
      `- Machine: ${machineLine(machine)}`,
      `- Backends available: ${availableBackends().join(', ')}`,
      `- Date: ${date}`,
      `- Command: \`${command}\``,
      '',
    ].join('\n');
    writeOutput(mdPath, 'Markdown report', new TextEncoder().encode(md), 'raw');
    note(`wrote ${mdPath}`);
  }
  if (jsonPath) {
    const results = rows.flatMap((r) =>
      Object.entries(r.cells).map(([impl, m]) => {
        const base = r.cells.noble?.median;
        return {
          alg: r.alg,
          op: r.op,
          impl,
          unit: r.op === 'ntt' || r.op === 'invntt' ? 'transforms/s' : 'ops/s',
          ...measurementJson(m),
          vsNoble: impl !== 'noble' && base ? m.median / base : null,
        };
      }),
    );
    const json = {
      tool: 'pqsimd bench',
      date,
      command,
      machine,
      timer: clock.ticks ? { source: clock.source, ticksPerSecond: tps } : { source: 'performance.now' },
      config: {
        runs,
        secondsPerRun: seconds,
        warmupSeconds: warmupMs / 1000,
        interleaved: true,
        messageBytes: msgLen,
        signing: 'hedged',
        latency: 'p50 / p99: nanoseconds per operation over every call of every run (NTT and kernels: over the runs)',
        ...(aead
          ? { aead: { secondsPerRun: runMs / 5000, warmupSeconds: Math.max(30, runMs / 5) / 1000, sizes: [...new Set(aead.rows.map((r) => r.size))] } }
          : {}),
        ...(algs.some(isFalcon)
          ? { falcon: 'verify only: one compressed signature made by noble at setup (or the embedded known-answer signature without noble)' }
          : {}),
      },
      backends: names,
      noble: noble ? { package: '@noble/post-quantum', version: noble.version } : null,
      results,
      kernels: kernelRows.map((r) => ({ kernel: r.label, nsPerCall: Object.fromEntries(Object.entries(r.cells).map(([b, m]) => [b, 1e9 / m.median])) })),
      families: [...families],
      aead: aead ? aeadJson(aead) : null,
      bn254: bn ? bn254Json(bn) : null,
    };
    writeOutput(jsonPath, 'JSON report', new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`), 'raw');
    note(`wrote ${jsonPath}`);
  }
  return 0;
}

export const bench: Command = {
  name: 'bench',
  options: {
    family: 'string',
    'aead-sizes': 'string',
    alg: 'string',
    backend: 'string',
    runs: 'string',
    seconds: 'string',
    out: 'string',
    json: 'string',
    'no-noble': 'boolean',
    'no-ntt': 'boolean',
    'no-kernels': 'boolean',
    'no-snarkjs': 'boolean',
    'no-snarkjs-install': 'boolean',
    'no-mcl': 'boolean',
    'cold-runs': 'string',
  },
  help,
  run,
};
