// VerifyPool in bundled apps (issue #15), against the packed tarball installed in an empty project:
// - production builds of one small app by esbuild, Vite, webpack 5 and Rollup, each with the
//   README's createWorker recipe, run in Debian's Chromium under a strict CSP: the pool's verdicts
//   (valid, mutated, wrong key), every worker on a WASM backend, the errors without a worker and
//   with a worker URL that 404s (it names the URL); webpack's output holds no file:// path;
// - the worker entry point is self-contained: esbuild makes one classic script of it (no
//   import.meta, every import followed);
// - Node: createWorker with a worker_threads Worker of pqsimd/pool-worker;
// - the pool's declarations compile without the DOM lib (es2022 alone, es2022 + @types/node) and
//   with it (a Web Worker from createWorker).
// Skips (with a message) only the browser part, and only when the browser binary is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`bundler tests in the browser skipped: no Chromium at ${CHROMIUM}`);

interface AppReport {
  error?: string;
  backend: string;
  verdicts: boolean[];
  workerBackends: (string | null)[];
  noWorker: string;
  missing: string;
  url: string;
  requests: string[];
  consoleErrors: string[];
}
interface Harness {
  BUNDLERS: ('esbuild' | 'vite' | 'webpack' | 'rollup')[];
  EXPECTED: boolean[];
  BUILDS: Record<string, (dir: string) => Promise<string>>;
  installTarball(dir: string): void;
  launch(): Promise<{ close(): Promise<void> }>;
  runApp(browser: unknown, dir: string): Promise<AppReport>;
  filesContaining(dir: string, needle: string): string[];
}

let h: Harness;
let dir = '';
let browser: { close(): Promise<void> } | null = null;

beforeAll(async () => {
  h = (await import(pathToFileURL(join(ROOT, 'scripts/bundler-pool.mjs')).href)) as Harness;
  dir = mkdtempSync(join(tmpdir(), 'pqsimd-bundlers-'));
  h.installTarball(dir);
  if (HAVE_CHROMIUM) browser = await h.launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAVE_CHROMIUM)('VerifyPool in production builds, run in Chromium', () => {
  for (const bundler of ['esbuild', 'vite', 'webpack', 'rollup'] as const) {
    it(`${bundler}: the README recipe, verdicts from the workers, errors that name the worker`, async () => {
      const out = await h.BUILDS[bundler]!(dir);
      const r = await h.runApp(browser, out);
      expect(r.error).toBeUndefined();
      expect(r.verdicts).toEqual(h.EXPECTED);
      expect(r.workerBackends).toHaveLength(2);
      for (const b of r.workerBackends) expect(b).toMatch(/^wasm-(relaxed|simd|scalar)$/);
      expect(r.consoleErrors).toEqual([]);
      // browsers have no default worker; a worker that does not load names its URL
      expect(r.noWorker).toMatch(/no worker script given; pass createWorker: .*pqsimd\/pool-worker/);
      expect(r.missing).toContain(`the worker ${r.url}missing/pool-worker.mjs failed to load`);
      expect(r.missing).toContain('createWorker');
      if (bundler === 'webpack') {
        // import.meta.url in the package would become the build machine's file:// path
        expect(h.filesContaining(out, 'file://')).toEqual([]);
        expect(h.filesContaining(out, dir)).toEqual([]);
        expect(h.filesContaining(out, ROOT)).toEqual([]);
      }
    });
  }
});

describe('pqsimd/pool-worker and the pool outside the browser', () => {
  it('the worker entry point is self-contained: esbuild makes one classic script of it, without warnings', async () => {
    // (as an entry point, as the recipes use it: the package is "sideEffects": false, so a bare
    // `import 'pqsimd/pool-worker'` in a module of the app would be dropped)
    const { build } = await import('esbuild');
    const r = await build({
      absWorkingDir: dir,
      entryPoints: ['pqsimd/pool-worker'],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]); // e.g. "import.meta is not available" in a classic script
    expect(r.outputFiles).toHaveLength(1);
  });

  it('Node: createWorker with a worker_threads Worker of pqsimd/pool-worker', () => {
    writeFileSync(
      join(dir, 'node-pool.mjs'),
      `import { Worker } from 'node:worker_threads';
       import { ready, mlDsa44, VerifyPool } from 'pqsimd';
       await ready();
       const kp = mlDsa44.keygen(new Uint8Array(32));
       const msg = new Uint8Array([1, 2, 3]);
       const sig = mlDsa44.sign(kp.secretKey, msg);
       const bad = sig.slice(); bad[0] ^= 1;
       const pool = new VerifyPool({ size: 2, createWorker: () => new Worker(new URL(import.meta.resolve('pqsimd/pool-worker'))) });
       const v = await pool.verifyBatch(mlDsa44, [{ publicKey: kp.publicKey, message: msg, signature: sig }, { publicKey: kp.publicKey, message: msg, signature: bad }]);
       console.log(JSON.stringify([v, pool.workerBackends.every((b) => /^(native|wasm)-/.test(b))]));
       await pool.close();`,
    );
    const out = execFileSync(process.execPath, ['node-pool.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual([[true, false], true]);
  });

  it("the pool's declarations compile without the DOM lib and with it", () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const cases: [string, object, string][] = [
      [
        'es2022 alone',
        { lib: ['es2022'], types: [], module: 'nodenext', moduleResolution: 'nodenext' },
        `import { VerifyPool, mlDsa65, type PoolWorker, type VerifyPoolOptions } from 'pqsimd';
         declare const w: PoolWorker;
         const opts: VerifyPoolOptions = { size: 2, createWorker: () => w };
         export const v: Promise<boolean[]> = new VerifyPool(opts).verifyBatch(mlDsa65, []);
         export const u = new VerifyPool({ workerUrl: { href: 'file:///w.mjs' } });`,
      ],
      [
        'es2022 + @types/node',
        { lib: ['es2022'], types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], module: 'nodenext', moduleResolution: 'nodenext' },
        `import { Worker } from 'node:worker_threads';
         import { VerifyPool, mlDsa65 } from 'pqsimd';
         const pool = new VerifyPool({ size: 2, createWorker: () => new Worker(new URL(import.meta.resolve('pqsimd/pool-worker'))) });
         export const v: Promise<boolean[]> = pool.verifyBatch(mlDsa65, []);
         export const u = new VerifyPool({ workerUrl: new URL('./pool-worker.mjs', import.meta.url) });`,
      ],
      [
        'es2022 + dom, bundler resolution',
        { lib: ['es2022', 'dom'], types: [], module: 'esnext', moduleResolution: 'bundler' },
        `import { VerifyPool, mlDsa65 } from 'pqsimd';
         const pool = new VerifyPool({ size: 2, createWorker: () => new Worker(new URL('pqsimd/pool-worker', import.meta.url), { type: 'module' }) });
         export const v: Promise<boolean[]> = pool.verifyBatch(mlDsa65, []);`,
      ],
    ];
    cases.forEach(([label, options, code], i) => {
      writeFileSync(join(dir, `pool-types-${i}.mts`), code);
      writeFileSync(
        join(dir, `tsconfig.pool-${i}.json`),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', ...options }, files: [`pool-types-${i}.mts`] }),
      );
      let out = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', `tsconfig.pool-${i}.json`], { cwd: dir, encoding: 'utf8' });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(out, label).toBe('');
    });
  });
});
