#!/usr/bin/env node
// VerifyPool in bundled browser apps: one small app (ML-DSA-65 signatures made on the page,
// verified by a VerifyPool of 2 Web Workers, one signature mutated, one under the wrong key), built
// for production by esbuild, Vite, webpack 5 and Rollup (+ @rollup/plugin-node-resolve) against
// the packed tarball installed in an empty project, each with the README's recipe, served from
// 127.0.0.1 under a strict CSP and run in Debian's Chromium (playwright-core). The app also
// checks the pool's errors: no worker given (browsers have no default) and a worker URL that 404s
// (the error names the URL). ts/test/bundlers.test.ts runs it.
//   node scripts/bundler-pool.mjs [esbuild|vite|webpack|rollup ...]   (after node scripts/build.mjs)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The README's recipes: how each bundler's app makes a pool worker. */
export const RECIPES = {
  // esbuild and Rollup do not follow new URL(...) in new Worker(...): the worker is a second
  // entry point of the same build, next to the app's entry file.
  esbuild: "new Worker(new URL('./pool-worker.js', import.meta.url), { type: 'module' })",
  rollup: "new Worker(new URL('./pool-worker.js', import.meta.url), { type: 'module' })",
  // Vite and webpack 5 bundle the worker (and its imports) from this form themselves.
  vite: "new Worker(new URL('pqsimd/pool-worker', import.meta.url), { type: 'module' })",
  webpack: "new Worker(new URL('pqsimd/pool-worker', import.meta.url), { type: 'module' })",
};
export const BUNDLERS = /** @type {(keyof typeof RECIPES)[]} */ (Object.keys(RECIPES));

/** The verdicts the app must get from the pool. */
export const EXPECTED = [true, true, true, false, false, true];

/** @param {string} createWorker */
function appSource(createWorker) {
  return `import { ready, backend, mlDsa65, VerifyPool } from 'pqsimd';

const report = (v) => { document.title = 'done:' + JSON.stringify(v); };
const errorOf = async (pool, items) => {
  try { await pool.verifyBatch(mlDsa65, items); return 'no error'; } catch (e) { return String(e && e.message); } finally { await pool.terminate(); }
};
async function main() {
  await ready();
  const enc = new TextEncoder();
  const a = mlDsa65.keygen(new Uint8Array(32).fill(1));
  const b = mlDsa65.keygen(new Uint8Array(32).fill(2));
  const items = [];
  for (let i = 0; i < 6; i++) {
    const k = i % 2 ? b : a;
    const message = enc.encode('message ' + i);
    items.push({ publicKey: k.publicKey, message, signature: mlDsa65.sign(k.secretKey, message) });
  }
  items[3].signature[100] ^= 1; // a mutated signature
  items[4] = { ...items[4], publicKey: b.publicKey }; // signed under a, checked under b
  const pool = new VerifyPool({ size: 2, createWorker: () => ${createWorker} });
  const verdicts = await pool.verifyBatch(mlDsa65, items);
  const workerBackends = pool.workerBackends;
  await pool.close();
  const noWorker = await errorOf(new VerifyPool({ size: 1 }), items.slice(0, 1));
  const missing = await errorOf(new VerifyPool({ size: 1, workerUrl: '/missing/pool-worker.mjs' }), items.slice(0, 1));
  report({ backend: backend(), verdicts, workerBackends, noWorker, missing });
}
main().catch((e) => report({ error: String((e && e.stack) || e) }));
`;
}
const HTML = '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./main.js"></script>\n';

/**
 * A build tool from the repo's node_modules.
 * @param {string} name
 * @returns {Promise<any>}
 */
async function tool(name) {
  const req = createRequire(join(ROOT, 'package.json'));
  let path;
  try {
    path = req.resolve(name);
  } catch {
    throw new Error(`${name} is not installed: run npm install (it is a devDependency)`);
  }
  const mod = await import(pathToFileURL(path).href);
  return mod.default ?? mod;
}

/**
 * npm pack of this checkout, installed with its runtime dependencies (packed from node_modules,
 * offline) into `dir`, as ts/test/package.test.ts does.
 * @param {string} dir
 */
export function installTarball(dir) {
  /** @param {string[]} args @param {string} cwd */
  const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
  const tgz = readdirSync(dir).find((f) => /^pqsimd-.*\.tgz$/.test(f));
  if (!tgz) throw new Error('npm pack produced no tarball');
  const deps = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});
  const depTgzs = deps.map((d) => {
    const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir, join(ROOT, 'node_modules', d)], ROOT);
    return join(dir, /** @type {[{ filename: string }]} */ (JSON.parse(out))[0].filename);
  });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', ...depTgzs, join(dir, tgz)], dir);
}

/** Writes the app's sources for `bundler` into dir/<bundler>/src; returns that project folder. */
function writeApp(dir, bundler) {
  const project = join(dir, bundler);
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'src', 'main.js'), appSource(RECIPES[bundler]));
  writeFileSync(join(project, 'src', 'index.html'), HTML);
  return project;
}

/** The builds: each returns the folder to serve. Projects live in `dir` (where node_modules has pqsimd). */
export const BUILDS = {
  /** @param {string} dir */
  async esbuild(dir) {
    const project = writeApp(dir, 'esbuild');
    const out = join(project, 'dist');
    const { build } = await tool('esbuild');
    await build({
      absWorkingDir: project,
      entryPoints: { main: 'src/main.js', 'pool-worker': 'pqsimd/pool-worker' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      outdir: out,
      logLevel: 'error',
    });
    writeFileSync(join(out, 'index.html'), HTML);
    return out;
  },
  /** @param {string} dir */
  async vite(dir) {
    const project = writeApp(dir, 'vite');
    const out = join(project, 'dist');
    const { build } = await tool('vite');
    await build({
      root: join(project, 'src'),
      configFile: false,
      logLevel: 'error',
      // the pool's worker has dynamic imports (one WASM core each): an ES module worker
      worker: { format: 'es' },
      build: { outDir: out, emptyOutDir: true },
    });
    return out;
  },
  /** @param {string} dir */
  async webpack(dir) {
    const project = writeApp(dir, 'webpack');
    const out = join(project, 'dist');
    const webpack = await tool('webpack');
    const stats = await new Promise((res, rej) =>
      webpack({ mode: 'production', context: project, entry: './src/main.js', output: { path: out, filename: 'main.js' } }, (err, s) =>
        err ? rej(err) : res(s),
      ),
    );
    if (stats.hasErrors()) throw new Error(`webpack: ${stats.toString({ all: false, errors: true })}`);
    writeFileSync(join(out, 'index.html'), HTML);
    return out;
  },
  /** @param {string} dir */
  async rollup(dir) {
    const project = writeApp(dir, 'rollup');
    const out = join(project, 'dist');
    const { rollup } = await tool('rollup');
    const nodeResolve = (await tool('@rollup/plugin-node-resolve')).nodeResolve;
    const bundle = await rollup({
      input: { main: join(project, 'src/main.js'), 'pool-worker': 'pqsimd/pool-worker' },
      plugins: [nodeResolve({ browser: true, rootDir: project })],
      onwarn: (w) => {
        throw new Error(`rollup: ${w.message}`);
      },
    });
    await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].js' });
    await bundle.close();
    writeFileSync(join(out, 'index.html'), HTML);
    return out;
  },
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
/** The web-bench page's policy: no eval, WebAssembly compiled from bytes allowed. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

/**
 * Serves `dir` on 127.0.0.1 (a random port); records every path asked for.
 * @param {string} dir
 * @returns {Promise<{ url: string; requests: string[]; close(): void }>}
 */
export function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html');
    requests.push(path);
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      ok({ url: `http://127.0.0.1:${port}/`, requests, close: () => server.close() });
    }),
  );
}

/** Every file under `dir` that holds `needle` (relative paths). */
export function filesContaining(dir, needle) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => {
    const p = join(dir, f);
    return statSync(p).isFile() && readFileSync(p, 'latin1').includes(needle);
  });
}

/**
 * Runs the built app in a Chromium page; returns what it reported, plus the console errors.
 * @param {import('playwright-core').Browser} browser
 * @param {string} dir
 */
export async function runApp(browser, dir) {
  const server = await serve(dir);
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.title.startsWith('done:'), null, { timeout: 60_000 });
    const report = JSON.parse((await page.title()).slice(5));
    return { ...report, url: server.url, requests: server.requests, consoleErrors };
  } finally {
    await page.close();
    server.close();
  }
}

/** Debian's Chromium, with the flags the other browser tests use. */
export async function launch() {
  const { CHROMIUM_ARGS } = await import(pathToFileURL(join(ROOT, 'scripts/web-bench.mjs')).href);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const which = process.argv.slice(2).length ? process.argv.slice(2) : BUNDLERS;
  const dir = mkdtempSync(join(tmpdir(), 'pqsimd-bundlers-'));
  let t = performance.now();
  installTarball(dir);
  console.log(`installed the tarball in ${dir}: ${Math.round(performance.now() - t)} ms`);
  const browser = await launch();
  try {
    for (const b of which) {
      t = performance.now();
      const out = await BUILDS[b](dir);
      const built = performance.now() - t;
      const r = await runApp(browser, out);
      console.log(b, `build ${Math.round(built)} ms, run ${Math.round(performance.now() - t - built)} ms`, JSON.stringify({ ...r, requests: undefined }));
      console.log(
        '  requests:',
        r.requests.join(' '),
        '| file:// in',
        filesContaining(out, 'file://').map((f) => relative(out, join(out, f))),
      );
    }
  } finally {
    await browser.close();
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
