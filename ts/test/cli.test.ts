// The `pqsimd` command as built (dist/cli.mjs): argument errors, keygen's refusal to replace a
// secret key without --force, a keygen / sign / verify round trip, a one-backend selftest and a
// very short bench with its Markdown and JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'pqsimd-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pqsimd(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...process.execArgv.filter((a) => a === '--experimental-wasm-relaxed-simd'), CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const p = (f: string) => join(dir, f);
const SEED = '00'.repeat(32);

describe('argument errors (exit 2, a message and a pointer to --help)', () => {
  it.each([
    [['keygen', '--bogus'], "pqsimd keygen: unknown option '--bogus' for 'keygen'"],
    [['bench', '--runs=3', '--fast'], "pqsimd bench: unknown option '--fast' for 'bench'"],
    [['keygen', '-x'], "pqsimd keygen: unknown option '-x' for 'keygen'"],
    [['keygen', '--alg'], 'pqsimd keygen: option --alg needs a value'],
    [['sign', '--alg', '44', '--sk'], 'pqsimd sign: option --sk needs a value'],
    [['keygen', '--alg', '--pk', 'x'], 'pqsimd keygen: option --alg needs a value'],
    [['sign', '--deterministic=yes'], 'pqsimd sign: option --deterministic takes no value'],
    [['verify', 'msg.txt'], "pqsimd verify: unexpected argument 'msg.txt'"],
    [['verify', '--', '--alg'], "pqsimd verify: unexpected argument '--'"],
    [['keygen', '--alg', '44', '--alg', '65'], 'pqsimd keygen: option --alg given twice'],
    [
      ['keygen', '--alg', 'ml-dsa-99', '--pk', 'a', '--sk', 'b'],
      "pqsimd keygen: unknown --alg 'ml-dsa-99' (expected ml-dsa-44, ml-dsa-65, ml-dsa-87, falcon-512, falcon-1024 or falcon-det1024)",
    ],
    [['sign', '--alg', 'falcon-512', '--sk', 'a', '--in', 'b', '--out', 'c'], 'pqsimd sign: Falcon-512 is verification-only in pqsimd'],
    [['keygen', '--alg', '44', '--pk', 'a'], 'pqsimd keygen: missing required option --sk'],
    [['bench', '--runs=0'], "pqsimd bench: --runs must be a positive integer, got '0'"],
    [['bench', '--family', 'rsa'], "pqsimd bench: unknown --family 'rsa' (expected mldsa, falcon, aead or bn254)"],
    [['bench', '--family', 'aead', '--alg', 'ml-dsa-44'], 'pqsimd bench: --alg ml-dsa-44 is outside --family aead'],
    [['bench', '--aead-sizes', '64,0'], "pqsimd bench: --aead-sizes: expected sizes in bytes (1 to 67108864), got '64,0'"],
    [['bench', '--backend', 'wasm-fast'], "pqsimd bench: unknown --backend 'wasm-fast' (expected one of: native-avx512,"],
  ])('%j', (args, message) => {
    const r = pqsimd(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain(`Run 'pqsimd ${args[0]} --help' for usage.`);
    expect(r.out).toBe('');
  });

  it('unknown command, help and version', () => {
    const u = pqsimd('frobnicate');
    expect(u.code).toBe(2);
    expect(u.err).toContain("pqsimd: unknown command 'frobnicate'");
    expect(pqsimd().code).toBe(2); // usage on stdout, exit 2
    const h = pqsimd('--help');
    expect(h.code).toBe(0);
    for (const c of ['keygen', 'sign', 'verify', 'selftest', 'bench']) expect(h.out).toContain(`pqsimd ${c}`);
    expect(pqsimd('help', 'bench').out).toContain('Usage: pqsimd bench');
    expect(pqsimd('sign', '--alg', '44', '--help').out).toContain('Usage: pqsimd sign');
    expect(pqsimd('--version').out.trim()).toBe(JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')).version);
  });

  it('the help documents --force', () => {
    expect(pqsimd('keygen', '--help').out).toMatch(/--force +replace an existing secret-key file/);
    expect(pqsimd('--help').out).toContain('[--force]');
  });
});

describe('keygen, sign, verify', () => {
  it('keygen refuses to replace an existing secret key without --force, and replaces it with --force', () => {
    writeFileSync(p('old.sk'), 'precious\n');
    const r = pqsimd('keygen', '--alg', 'ml-dsa-44', '--pk', 'new.pk', '--sk', 'old.sk');
    expect(r.code).toBe(2);
    expect(r.err).toContain("secret key file 'old.sk' already exists");
    expect(r.err).toContain('--force');
    expect(readFileSync(p('old.sk'), 'utf8')).toBe('precious\n');
    expect(existsSync(p('new.pk'))).toBe(false); // nothing written

    const f = pqsimd('keygen', '--alg', 'ml-dsa-44', '--seed', SEED, '--pk', 'new.pk', '--sk', 'old.sk', '--force');
    expect(f.code).toBe(0);
    expect(readFileSync(p('old.sk'), 'utf8').trim()).toMatch(/^[0-9a-f]{5120}$/);
    expect(statSync(p('old.sk')).mode & 0o777).toBe(0o600);
    expect(readFileSync(p('new.pk'), 'utf8').trim()).toMatch(/^[0-9a-f]{2624}$/);
  });

  it('a fresh key pair, a signature that verifies, and a changed message that does not', () => {
    expect(pqsimd('keygen', '--alg', '65', '--seed', SEED, '--pk', 'k.pk', '--sk', 'k.sk', '--backend', 'wasm-simd').code).toBe(0);
    expect(statSync(p('k.sk')).mode & 0o777).toBe(0o600);
    writeFileSync(p('m.txt'), 'a message');
    expect(pqsimd('sign', '--alg', 'ML-DSA-65', '--sk', 'k.sk', '--in', 'm.txt', '--out', 'm.sig', '--deterministic', '--context=0102').code).toBe(0);
    expect(pqsimd('verify', '--alg', 'mldsa65', '--pk', 'k.pk', '--in', 'm.txt', '--sig', 'm.sig', '--context', '0102')).toMatchObject({
      code: 0,
      out: 'valid\n',
    });
    expect(pqsimd('verify', '--alg', 'mldsa65', '--pk', 'k.pk', '--in', 'm.txt', '--sig', 'm.sig')).toMatchObject({ code: 1, out: 'invalid\n' });
    writeFileSync(p('m.txt'), 'another message');
    expect(pqsimd('verify', '--alg', 'mldsa65', '--pk', 'k.pk', '--in', 'm.txt', '--sig', 'm.sig', '--context', '0102')).toMatchObject({
      code: 1,
      out: 'invalid\n',
    });
  });
});

describe('selftest and bench', () => {
  it('selftest on one backend', () => {
    const r = pqsimd('selftest', '--backend', 'wasm-simd');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^selftest passed: wasm-simd × /m);
    for (const family of ['ML-DSA-65', 'Falcon-512', 'AEAD', 'BN254']) expect(r.out).toMatch(new RegExp(`^ok +wasm-simd +${family}$`, 'm'));
  });

  it('a very short bench: the tables, the Markdown and the JSON (with p50 / p99)', () => {
    const r = pqsimd(
      'bench',
      '--alg',
      'ml-dsa-44,falcon-512',
      '--backend',
      'wasm-simd,wasm-scalar',
      '--runs',
      '2',
      '--seconds',
      '0.01',
      '--no-kernels',
      '--out',
      'b.md',
      '--json',
      'b.json',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\| Operation +\| +wasm-simd \| +wasm-scalar \| noble \(pure JS\) \|$/m);
    expect(r.out).toMatch(/^\| ML-DSA-44 verify +\| .* ops\/s \(\d+(\.\d+)?x\) \|/m);
    expect(r.out).toMatch(/^\| Latency, µs per operation \(p50 \/ p99\) \|/m);
    const md = readFileSync(p('b.md'), 'utf8');
    expect(md).toContain('# pqsimd benchmarks');
    expect(md).toMatch(/^\| Falcon-512 verify, prepared key +\|/m);
    expect(md).toMatch(/^\| NTT \(256 coeffs\) +\|/m);
    const j = JSON.parse(readFileSync(p('b.json'), 'utf8'));
    expect(j.tool).toBe('pqsimd bench');
    expect(j.backends).toEqual(['wasm-simd', 'wasm-scalar']);
    expect(j.config).toMatchObject({ runs: 2, secondsPerRun: 0.01 });
    const ops = new Set(j.results.map((x: { alg: string; op: string }) => `${x.alg} ${x.op}`));
    for (const o of [
      'ML-DSA-44 keygen',
      'ML-DSA-44 sign',
      'ML-DSA-44 verify',
      'ML-DSA-44 verify-prepared',
      'Falcon-512 verify',
      'Falcon-512 verify-prepared',
      'null ntt',
      'null invntt',
    ])
      expect(ops).toContain(o);
    for (const x of j.results) {
      expect(x.median).toBeGreaterThan(0);
      expect(x.runs).toHaveLength(2);
      expect(x.p50).toBeGreaterThan(0);
      expect(x.p99).toBeGreaterThanOrEqual(x.p50);
      expect(x.latencyUnit).toBe('ns');
      if (x.impl === 'noble' || x.op === 'verify-prepared')
        expect(x.vsNoble).toBeNull(); // no noble column to compare with
      else expect(x.vsNoble).toBeGreaterThan(0);
    }
    expect(
      j.results.find((x: { alg: string; op: string; impl: string }) => x.alg === 'ML-DSA-44' && x.op === 'verify' && x.impl === 'wasm-simd').vsNoble,
    ).toBeGreaterThan(1);
    expect(j.kernels).toEqual([]);
    expect(j.aead).toBeNull(); // --alg names signature families only
  });

  it('a very short AEAD bench: the table, the kernel table and every implementation checked', () => {
    const r = pqsimd(
      'bench',
      '--family',
      'aead',
      '--backend',
      'wasm-simd,wasm-scalar',
      '--aead-sizes',
      '64,1000',
      '--runs',
      '2',
      '--seconds',
      '0.01',
      '--out',
      'a.md',
      '--json',
      'a.json',
    );
    expect(r.code).toBe(0);
    const impls = ['wasm-simd', 'wasm-scalar', 'noble', 'libsodium', 'node:crypto'];
    expect(r.out).toMatch(
      /^\| MB\/s +\| +wasm-simd \| +wasm-scalar \| +noble [\d.]+ \| +libsodium\.js [\d.]+ \| +node:crypto \(OpenSSL [^)]+\) \| +wasm-simd \/ noble \| +wasm-simd \/ libsodium \|$/m,
    );
    const num = '[\\d.,]+';
    // rows: 5 operations × 2 sizes; node:crypto has no XChaCha20 / XSalsa20, libsodium-wrappers no raw ChaCha20
    expect(r.out).toMatch(new RegExp(`^\\| ChaCha20-Poly1305 open, 1000 B +(\\| +${num} ){5}\\| +${num}x \\| +${num}x \\|$`, 'm'));
    expect(r.out).toMatch(new RegExp(`^\\| XChaCha20-Poly1305 seal, 64 B +(\\| +${num} ){4}\\| +— \\| +${num}x \\| +${num}x \\|$`, 'm'));
    expect(r.out).toMatch(new RegExp(`^\\| ChaCha20 keystream \\(XOR\\), 1000 B +(\\| +${num} ){3}\\| +— \\| +${num} \\| +${num}x \\| +— \\|$`, 'm'));
    expect(r.out).toContain('Output buffers given');
    expect(r.out).toMatch(/^\| Kernel \((rdtsc|cntvct_el0) ticks per byte\) +\| +wasm-simd \| +wasm-scalar \|$/m);
    expect(r.out).toMatch(/^\| Poly1305, portable \(scalar\), 4 KiB +\| +[\d.]+ \| +[\d.]+ \|$/m);
    expect(r.out).not.toMatch(/ML-DSA|Falcon/); // --family aead: no signature tables
    const md = readFileSync(p('a.md'), 'utf8');
    expect(md).toMatch(/^## AEAD$/m);
    expect(md).toMatch(/^\| secretbox \(XSalsa20-Poly1305\) seal, 1000 B +\|/m);
    const j = JSON.parse(readFileSync(p('a.json'), 'utf8'));
    expect(j.families).toEqual(['aead']);
    expect(j.results).toEqual([]);
    expect(j.config.aead.sizes).toEqual([64, 1000]);
    const a = j.aead;
    expect(a.implementations).toEqual(impls);
    const cells = new Set(a.results.map((x: { op: string; size: number; impl: string }) => `${x.op} ${x.size} ${x.impl}`));
    expect(cells.size).toBe(a.results.length);
    // 10 rows × 5 columns, less node:crypto's 4 (X)Salsa/XChaCha cells and libsodium's 2 ChaCha20 cells
    expect(a.results).toHaveLength(10 * 5 - 4 - 2);
    for (const x of a.results) {
      expect(x.median).toBeGreaterThan(0);
      expect(x.MBps).toBeCloseTo((x.median * x.size) / 1e6, 6);
      expect(x.runs).toHaveLength(2);
    }
    // every implementation's outputs were compared with noble's in full, and in every timed batch
    expect(Object.keys(a.checks).sort()).toEqual([...impls].sort());
    for (const impl of impls) {
      const c = a.checks[impl];
      const cellsOf = a.results.filter((x: { impl: string }) => x.impl === impl).length;
      expect(c.full).toBe(2 * cellsOf);
      expect(c.tamperRejected).toBe(2); // the open rows, both sizes
      expect(c.timed).toBeGreaterThanOrEqual(cellsOf * 2); // at least one per run
    }
    const poly = a.kernels.find((k: { kernel: string }) => /Poly1305, portable/.test(k.kernel));
    expect(Object.keys(poly.perBackend)).toEqual(['wasm-simd', 'wasm-scalar']);
    expect(poly.bytesPerIteration).toBe(4096);
    expect(typeof poly.checksum).toBe('number');
  });
});
