// The BN254 benchmark (bench/bn254.ts and the CLI's bench-bn254.ts) runs and reports what it
// measured: tiny runs, the table's shape, every implementation's checks passed, a wrong result
// refused before timing. Benchmarks are programs: no timing is asserted here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bn254 } from '@noble/curves/bn254.js';
import { describe, expect, it } from 'vitest';
import {
  BN254_FIXTURES,
  BN254_KERNEL_IDS,
  BN254_OPS,
  type Bn254Cases,
  bn254Columns,
  bn254Data,
  bn254Ratios,
  bn254Table,
  nobleCases,
  type PqBn254Like,
  pqCases,
  timeBn254,
  verifyBn254Libs,
} from '../../bench/index.js';
import { availableBackends, loadBackend } from '../../dist/bn254.node.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tiny = { warmupMs: 1, runMs: 1, runs: 1 };
const WASM = availableBackends().filter((b) => b.startsWith('wasm-'));

describe('BN254 bench data', () => {
  it('the kernel ids are those of PQ_BENCH_BN254_* in pq_bench.h (enum order)', () => {
    const h = readFileSync(join(ROOT, 'native/common/shared/pq_bench.h'), 'utf8');
    const body = h.slice(h.indexOf('enum {'), h.indexOf('PQ_BENCH_KERNELS'));
    const names = [...body.matchAll(/^\s*(PQ_BENCH_\w+)\s*,/gm)].map((m) => m[1]!);
    const ids = Object.fromEntries(names.map((n, i) => [n, i]));
    expect(BN254_KERNEL_IDS).toEqual({
      fpMul: ids.PQ_BENCH_BN254_FP_MUL,
      fpSop2: ids.PQ_BENCH_BN254_FP_SOP2,
      fp2MulAdd: ids.PQ_BENCH_BN254_FP_2MUL_ADD,
      fp2Mul: ids.PQ_BENCH_BN254_FP2_MUL,
      fp12Mul: ids.PQ_BENCH_BN254_FP12_MUL,
      millerLoop: ids.PQ_BENCH_BN254_MILLER_LOOP,
      finalExp: ids.PQ_BENCH_BN254_FINAL_EXP,
      pairing: ids.PQ_BENCH_BN254_PAIRING,
      ecMul: ids.PQ_BENCH_BN254_EC_MUL,
      ecPairing2: ids.PQ_BENCH_BN254_EC_PAIRING2,
      groth16Verify1: ids.PQ_BENCH_BN254_G16_VERIFY1,
      groth16Verify5: ids.PQ_BENCH_BN254_G16_VERIFY5,
    });
  });

  it('the embedded Groth16 fixtures are the files of vectors/bn254/groth16', () => {
    const j = (p: string) => JSON.parse(readFileSync(join(ROOT, 'vectors/bn254/groth16', p), 'utf8')) as unknown;
    for (const [f, dir] of [
      [BN254_FIXTURES.g1, 'circom-compat'],
      [BN254_FIXTURES.g5, 'm5'],
    ] as const) {
      expect(f.vk).toEqual(j(`${dir}/verification_key.json`));
      expect(f.proof).toEqual(j(`${dir}/proof.json`));
      expect(f.publicSignals).toEqual(j(`${dir}/public.json`));
      expect(f.badPublicSignals).toEqual(j(`negative/${dir}/public_input_changed/public.json`));
      expect(f.proof).toEqual(j(`negative/${dir}/public_input_changed/proof.json`));
    }
    expect(BN254_FIXTURES.g1.publicSignals).toHaveLength(1);
    expect(BN254_FIXTURES.g5.publicSignals).toHaveLength(5);
  });
});

describe('BN254 bench core', () => {
  const d = bn254Data(bn254, BN254_FIXTURES);

  it('every WASM backend and noble pass the checks, and every row is timed with checked results', async () => {
    const sums = new Map<number, number>();
    const libs: [string, Bn254Cases][] = [];
    for (const b of WASM) libs.push([b, pqCases(b, (await loadBackend(b)) as unknown as PqBn254Like, d, sums)]);
    libs.push(['noble', nobleCases(d)]);
    const checks = await verifyBn254Libs(libs);
    for (const b of WASM) expect(checks.get(b)).toContain('Groth16 (5 inputs): changed public input false');
    expect(checks.get('noble')).toContain('Groth16 (1 inputs): valid proof true');
    expect(sums.size).toBe(5); // the checksums of the five hook kernels, equal on every backend

    const rows = await timeBn254(libs, tiny);
    expect(rows.map((r) => r.op)).toEqual([...BN254_OPS]);
    for (const r of rows) {
      for (const b of WASM) expect(r.cells[b], `${r.op} ${b}`).toBeDefined();
      // noble has no fused sumOfProducts and no prepared key
      expect(r.cells.noble === undefined).toBe(r.op === 'fp-sop2' || r.op.startsWith('groth16-prepared'));
      for (const m of Object.values(r.cells)) expect(m.median).toBeGreaterThan(0);
    }
    const cols = bn254Columns(rows, ['native-avx512', ...WASM, 'noble', 'mcl-wasm']);
    expect(cols).toEqual([...WASM, 'noble']);
    const ratios = bn254Ratios(cols);
    expect(ratios.map((q) => q.label)).toEqual([`${WASM.includes('wasm-simd') ? 'wasm-simd' : WASM[0]} vs noble`]);
    const table = bn254Table(rows, cols, ratios).split('\n');
    // header, separator, one line per row and the sumOfProducts speed-up line
    expect(table).toHaveLength(2 + BN254_OPS.length + 1);
    expect(table[0]).toContain('Time per operation');
    const speedup = table.find((l) => l.includes('sumOfProducts speed-up'))!;
    expect(speedup.split('|').filter((c) => /\d\.\d\dx/.test(c))).toHaveLength(WASM.length);
    expect(table.find((l) => l.startsWith('| Fp sumOfProducts'))).toMatch(/\| +— +\|/); // noble's cell
  });

  it('a wrong result is refused before timing', async () => {
    const b = (await loadBackend(WASM[0]!)) as unknown as PqBn254Like;
    const badAdd: PqBn254Like = {
      ...b,
      evm: {
        ...b.evm,
        ecAdd: (i) => {
          const o = b.evm.ecAdd(i);
          o[63]! ^= 1;
          return o;
        },
      },
    };
    await expect(pqCases('bad-add', badAdd, d, new Map()).verify()).rejects.toThrow(/CORRECTNESS CHECK FAILED: bad-add: ecAdd = noble/);
    const yes: PqBn254Like = { ...b, groth16: { verify: () => true, prepare: b.groth16.prepare } };
    await expect(pqCases('always-true', yes, d, new Map()).verify()).rejects.toThrow(/changed public input false/);
    const sums = new Map<number, number>([[BN254_KERNEL_IDS.fpMul, -5]]);
    await expect(pqCases(WASM[0]!, b, d, sums).verify()).rejects.toThrow(/checksum/);
  });
});

describe('pqsimd bench --family bn254 (dist/cli.mjs)', () => {
  it('writes the table with a cold-start row from fresh processes, and its JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pqsimd-bn-bench-'));
    try {
      const json = join(dir, 'bench.json');
      const args = [
        'bench',
        '--family',
        'bn254',
        '--backend',
        'wasm-scalar',
        '--runs',
        '1',
        '--seconds',
        '0.005',
        '--cold-runs',
        '1',
        '--no-mcl',
        '--no-snarkjs',
        '--json',
        json,
      ];
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('BN254 (pqsimd/bn254), time per operation');
      expect(r.stdout).toMatch(/\| cold start: import \+ ready \+ first Groth16 verify \(1 input\) +\| +[\d.]+ ms +\| +[\d.]+ ms +\|/);
      const out = JSON.parse(readFileSync(json, 'utf8')) as {
        families: string[];
        bn254: { implementations: string[]; results: { op: string; impl: string; unit: string }[]; checks: Record<string, string[]> };
      };
      expect(out.families).toEqual(['bn254']);
      expect(out.bn254.implementations).toEqual(['wasm-scalar', 'noble']);
      const ops = new Set(out.bn254.results.map((x) => x.op));
      expect([...ops]).toEqual([...BN254_OPS, 'cold-start']);
      expect(out.bn254.results.filter((x) => x.op === 'cold-start').map((x) => `${x.impl} ${x.unit}`)).toEqual(['wasm-scalar ms', 'noble ms']);
      expect(Object.keys(out.bn254.checks)).toEqual(['wasm-scalar', 'noble']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
