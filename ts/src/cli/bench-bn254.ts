/**
 * The BN254 part of `pqsimd bench` (family bn254): time per operation of the field kernels
 * (through the bn254_bench hook), one pairing, ecPairing with 2 and 4 pairs, ecMul, ecAdd and
 * Groth16 verify (1 and 5 public inputs, one-off and prepared) on every backend next to
 * @noble/curves, mcl-wasm and snarkjs (bench/bn254.ts: the cases, the checks, the table), and the
 * cold start of each: a fresh Node process that imports the library, readies it and verifies one
 * Groth16 proof (timed inside the child, from its first line to the verdict).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  BN254_FIXTURES,
  BN254_OPS,
  type Bn254Cases,
  type Bn254Op,
  type Bn254Ratio,
  type Bn254Row,
  bn254Columns,
  bn254Data,
  bn254Ratios,
  bn254Table,
  type Clock,
  measurementJson,
  mclCases,
  median,
  nobleCases,
  pqCases,
  rowSeconds,
  snarkjsCases,
  timeBn254,
  verifyBn254Libs,
} from '../../../bench/index.js';
import { loadBackend as loadBn254Backend } from '../bn254/index.node.js';
import type { BackendName } from '../index.node.js';
import { loadMcl, loadNobleCurves, loadSnarkjs } from './bn254-libs.js';
import { note } from './io.js';

export interface Bn254BenchConfig {
  backends: readonly BackendName[];
  runs: number;
  runMs: number;
  warmupMs: number;
  clock: Clock;
  /** Only these rows (default all). */
  ops?: readonly Bn254Op[];
  nobleColumn: boolean;
  mcl: boolean;
  snarkjs: boolean;
  /** Install snarkjs into build/bench-deps when it is not importable. */
  snarkjsInstall: boolean;
  /** Fresh processes per implementation for the cold-start row (0: no row). */
  coldRuns: number;
  /** The module the cold-start children import for pqsimd (default: dist/bn254.node.mjs next to the CLI). */
  entry?: string;
  progress: (s: string) => void;
}

export interface Bn254BenchResult {
  rows: Bn254Row[];
  impls: string[];
  ratios: Bn254Ratio[];
  table: string;
  notes: string[];
  checks: Record<string, string[]>;
  versions: { noble: string; mcl: string | null; snarkjs: string | null };
  skipped: string[];
  seconds: number;
}

/** The Groth16 equation on @noble/curves, as source for a cold-start child (it imports nothing else). */
const NOBLE_VERIFY = `(bn254, vk, pub, proof) => {
  const { Fp2, Fp12, Fr } = bn254.fields;
  const g1 = (v) => { const p = bn254.G1.Point.fromAffine({ x: BigInt(v[0]), y: BigInt(v[1]) }); p.assertValidity(); return p; };
  const g2 = (v) => { const q = bn254.G2.Point.fromAffine({ x: Fp2.fromBigTuple(v[0].map(BigInt)), y: Fp2.fromBigTuple(v[1].map(BigInt)) }); q.assertValidity(); return q; };
  const ic = vk.IC.map(g1);
  let x = ic[0];
  pub.forEach((s, i) => { const k = BigInt(s); if (k >= Fr.ORDER) throw new Error('>= r'); x = x.add(ic[i + 1].multiplyUnsafe(k)); });
  const f = bn254.pairingBatch([{ g1: g1(proof.pi_a).negate(), g2: g2(proof.pi_b) }, { g1: g1(vk.vk_alpha_1), g2: g2(vk.vk_beta_2) }, { g1: x, g2: g2(vk.vk_gamma_2) }, { g1: g1(proof.pi_c), g2: g2(vk.vk_delta_2) }]);
  return Fp12.eql(f, Fp12.ONE);
}`;

/** The Groth16 equation on mcl-wasm's primitives, for a cold-start child. */
const MCL_VERIFY = `(mcl, vk, pub, proof) => {
  const g1 = (v) => { const p = new mcl.G1(); p.setStr('1 ' + v[0] + ' ' + v[1], 10); return p; };
  const g2 = (v) => { const q = new mcl.G2(); q.setStr('1 ' + v[0][0] + ' ' + v[0][1] + ' ' + v[1][0] + ' ' + v[1][1], 10); return q; };
  const ic = vk.IC.map(g1);
  let x = ic[0];
  pub.forEach((s, i) => { const k = new mcl.Fr(); k.setStr(s, 10); x = mcl.add(x, mcl.mul(ic[i + 1], k)); });
  const ml = [mcl.millerLoop(mcl.neg(g1(proof.pi_a)), g2(proof.pi_b)), mcl.millerLoop(g1(vk.vk_alpha_1), g2(vk.vk_beta_2)), mcl.millerLoop(x, g2(vk.vk_gamma_2)), mcl.millerLoop(g1(proof.pi_c), g2(vk.vk_delta_2))];
  return mcl.finalExp(ml.reduce((a, b) => mcl.mul(a, b))).isOne();
}`;

/** A cold-start child's program: `body` ends with `ok` (the verdict) set; it prints { ok, ms }. */
function childProgram(body: string): string {
  const f = BN254_FIXTURES.g1;
  return [
    `const F = ${JSON.stringify({ vk: f.vk, publicSignals: f.publicSignals, proof: f.proof })};`,
    'const t0 = performance.now();',
    body,
    'const ms = performance.now() - t0;',
    'process.stdout.write(JSON.stringify({ ok, ms, info: typeof info === "undefined" ? null : info }) + "\\n");',
    'process.exit(0);', // (snarkjs's worker threads would keep the process alive)
  ].join('\n');
}

/** Runs one child (ES module from stdin-free -e code), its JSON line, or an error. */
function runChild(code: string, execArgv: readonly string[]): Promise<{ ok: unknown; ms: number; info: unknown }> {
  return new Promise((resolveP, reject) => {
    const c = spawn(process.execPath, [...execArgv, '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    c.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    c.on('error', reject);
    c.on('close', (status) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolveP(JSON.parse(line) as { ok: unknown; ms: number; info: unknown });
      } catch {
        reject(new Error(`cold-start child exited ${status}: ${(err || out).trim().slice(0, 300)}`));
      }
    });
  });
}

/** The node flags a child needs (relaxed SIMD, when this process has it). */
function childFlags(): string[] {
  return process.execArgv.filter((a) => a === '--experimental-wasm-relaxed-simd');
}

export async function benchBn254(cfg: Bn254BenchConfig): Promise<Bn254BenchResult | null> {
  const t0 = performance.now();
  const noble = await loadNobleCurves();
  if (!noble) {
    note('note: @noble/curves cannot be imported: the BN254 table is skipped (it is the reference the outputs are checked against)');
    return null;
  }
  const skipped: string[] = [];
  const mcl = cfg.mcl ? await loadMcl() : null;
  if (cfg.mcl && !mcl) skipped.push('mcl-wasm: not importable (not installed: npm install --save-dev mcl-wasm); no mcl-wasm column');
  let snark: Awaited<ReturnType<typeof loadSnarkjs>> | null = null;
  if (cfg.snarkjs) {
    snark = await loadSnarkjs(cfg.snarkjsInstall, (s) => note(`note: ${s}`));
    if ('missing' in snark) skipped.push(`snarkjs: ${snark.missing}; no snarkjs column`);
  }
  for (const s of skipped) note(`note: ${s}`);
  const snarkjs = snark && !('missing' in snark) ? snark : null;

  const d = bn254Data(noble.lib, BN254_FIXTURES);
  const libs: [string, Bn254Cases][] = [];
  const checksums = new Map<number, number>();
  for (const b of cfg.backends) libs.push([b, pqCases(b, await loadBn254Backend(b), d, checksums)]);
  const reference = nobleCases(d);
  if (cfg.nobleColumn) libs.push(['noble', reference]);
  if (mcl) libs.push(['mcl-wasm', mclCases(mcl.lib, d)]);
  if (snarkjs) libs.push(['snarkjs', snarkjsCases(snarkjs.lib, d)]);
  const order = libs.map(([n]) => n);

  try {
    // before any timing: every implementation's results (snarkjs's first calls also build its curve)
    const checks = await verifyBn254Libs(cfg.nobleColumn ? libs : [['noble', reference], ...libs]);
    const rows = await timeBn254(libs, { warmupMs: cfg.warmupMs, runMs: cfg.runMs, runs: cfg.runs, clock: cfg.clock }, cfg.ops ?? BN254_OPS, (label, e) =>
      cfg.progress(`BN254 ${label}: ${e.impl} ${e.phase === 'warmup' ? 'warm-up' : `run ${e.run}/${e.runs}`}`),
    );

    // cold start: a fresh process per run and implementation, interleaved across implementations
    if (cfg.coldRuns > 0) {
      const entry = cfg.entry ?? fileURLToPath(new URL('./bn254.node.mjs', import.meta.url));
      const programs: [string, string][] = [];
      if (existsSync(entry)) {
        for (const b of cfg.backends)
          programs.push([
            b,
            childProgram(
              `const m = await import(${JSON.stringify(new URL(`file://${entry}`).href)});\nawait m.ready({ backend: ${JSON.stringify(b)} });\n` +
                'const ok = m.groth16.verify(F.vk, F.publicSignals, F.proof);\nconst info = m.backend();',
            ),
          ]);
      } else skipped.push(`cold start of pqsimd: ${entry} is missing (run node scripts/build.mjs)`);
      if (cfg.nobleColumn)
        programs.push([
          'noble',
          childProgram(`const { bn254 } = await import(${JSON.stringify(noble.url)});\nconst ok = (${NOBLE_VERIFY})(bn254, F.vk, F.publicSignals, F.proof);`),
        ]);
      if (mcl)
        programs.push([
          'mcl-wasm',
          childProgram(
            `const mm = await import(${JSON.stringify(mcl.url)});\nconst mcl = mm.init ? mm : mm.default;\nawait mcl.init(mcl.BN_SNARK1);\n` +
              `const ok = (${MCL_VERIFY})(mcl, F.vk, F.publicSignals, F.proof);`,
          ),
        ]);
      if (snarkjs)
        programs.push([
          'snarkjs',
          childProgram(`const s = await import(${JSON.stringify(snarkjs.url)});\nconst ok = await s.groth16.verify(F.vk, F.publicSignals, F.proof);`),
        ]);
      const ms: Record<string, number[]> = Object.fromEntries(programs.map(([n]) => [n, []]));
      for (let r = 0; r < cfg.coldRuns; r++) {
        for (let k = 0; k < programs.length; k++) {
          const [name, code] = programs[(k + r) % programs.length]!;
          cfg.progress(`BN254 cold start: ${name} ${r + 1}/${cfg.coldRuns}`);
          const res = await runChild(code, childFlags());
          if (res.ok !== true) throw new Error(`CORRECTNESS CHECK FAILED: ${name} cold start: the first Groth16 verify returned ${String(res.ok)}`);
          if (res.info !== null && res.info !== name) throw new Error(`cold start: asked for backend ${name}, the child ran ${String(res.info)}`);
          ms[name]!.push(res.ms);
        }
      }
      if (programs.length)
        rows.push({
          op: 'cold-start',
          label: 'cold start: import + ready + first Groth16 verify (1 input)',
          cells: {},
          ms: Object.fromEntries(Object.entries(ms).map(([n, v]) => [n, { median: median(v), runs: v }])),
        });
    }

    const impls = bn254Columns(rows, order);
    const ratios = bn254Ratios(impls);
    const implLabel = (i: string) =>
      i === 'noble'
        ? `noble ${noble.version}`
        : i === 'mcl-wasm' && mcl
          ? `mcl-wasm ${mcl.version}`
          : i === 'snarkjs' && snarkjs
            ? `snarkjs ${snarkjs.version}`
            : i;
    const table = bn254Table(rows, impls, ratios, { implLabel });
    const nChecks = [...checks.values()].reduce((a, c) => a + c.length, 0);
    const notes = [
      `Time per operation: median of ${cfg.runs} runs of ~${cfg.runMs} ms per cell after a warm-up, the runs of a row's implementations interleaved; ` +
        'speed-up columns: the comparator’s time / pqsimd’s (above 1: pqsimd is faster).',
      'pqsimd Fp / Fp2 rows and its single pairing: through the bn254_bench hook (dependent chains of the kernel run many times inside one call, so no N-API or WASM crossing is counted; ' +
        'the hook’s checksums agree across the backends); noble’s field rows are the same chains on its bigint Fp / Fp2, mcl-wasm’s one mcl.mul (or two and an add) per JavaScript call. ' +
        'noble and mcl-wasm have no fused sumOfProducts: their 2 × mul + add row is the comparison.',
      'EVM rows: pqsimd evm.ecAdd / ecMul / ecPairing on the EIP-196/197 bytes (decoding, curve and G2 subgroup checks, encoding included); noble and mcl-wasm do the same from the bytes ' +
        '(points decoded with their validity checks, mcl-wasm with its G2 order check on; pairing checks as one pairingBatch, or mcl’s Miller loops multiplied and one final exponentiation). ' +
        'ecMul: a 255-bit scalar; ecPairing inputs whose pairings cancel (output 1).',
      'Groth16: the snarkjs JSON fixtures of vectors/bn254/groth16 (circom-compat: 1 public input; m5: 5). pqsimd groth16.verify(vk, publicSignals, proof) ' +
        '(it keeps the prepared form of recent keys, by content) and groth16.prepare(vk).verify; snarkjs groth16.verify awaited one at a time after its curve is built (warm); ' +
        'noble and mcl-wasm: the equation e(−A, B)·e(α, β)·e(vk_x, γ)·e(C, δ) = 1 on their primitives (neither ships a Groth16 verifier).',
      ...(rows.some((r) => r.ms)
        ? [
            `Cold start: median of ${cfg.coldRuns} fresh Node processes per implementation (interleaved), timed inside the child from its first statement to the first verdict: ` +
              'import of the library, ready() on the backend (noble: nothing; mcl-wasm: init(BN_SNARK1); snarkjs: its curve is built by the first verify), one Groth16 verify (1 input). Process start-up is not counted.',
          ]
        : []),
      `Checked before timing (${nChecks} checks, @noble/curves the reference): field results, ecAdd / ecMul outputs byte for byte, pairing checks 1 for cancelling pairs and 0 with a point changed, ` +
        'Groth16 true for the valid proofs and false with a changed public input; every timed call’s result checked again (EVM outputs in full, verdicts true).',
      ...skipped.map((s) => `Skipped: ${s}.`),
    ];
    return {
      rows,
      impls,
      ratios,
      table,
      notes,
      checks: Object.fromEntries(checks),
      versions: { noble: noble.version, mcl: mcl?.version ?? null, snarkjs: snarkjs?.version ?? null },
      skipped,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await snarkjs?.terminate();
  }
}

/** The JSON of the BN254 part. */
export function bn254Json(r: Bn254BenchResult): Record<string, unknown> {
  return {
    versions: r.versions,
    implementations: r.impls,
    results: r.rows.flatMap((row): Record<string, unknown>[] =>
      row.ms
        ? Object.entries(row.ms).map(([impl, m]) => ({ op: row.op, impl, unit: 'ms', medianMs: m.median, runsMs: m.runs }))
        : Object.entries(row.cells).map(([impl, m]) => ({ op: row.op, impl, unit: 'ops/s', secondsPerOp: rowSeconds(row, impl), ...measurementJson(m) })),
    ),
    ratios: r.ratios,
    checks: r.checks,
    skipped: r.skipped,
    seconds: r.seconds,
  };
}
