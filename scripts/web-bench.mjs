#!/usr/bin/env node
// The browser benchmark page (web-bench/): bundles it with esbuild into build/web-bench/ and serves
// it from 127.0.0.1 with a strict CSP (script-src 'self' 'wasm-unsafe-eval') and cross-origin
// isolation (COOP/COEP: SharedArrayBuffer, fine timers). Nothing is fetched from elsewhere.
//
//   node scripts/build.mjs && node scripts/web-bench.mjs [--port N] [--host H] [--no-build]
//        [--emulate-no-relaxed-simd]
//   node scripts/web-bench.mjs --headless [--quick] [--screenshot FILE] [--json FILE] [--markdown FILE]
//        [--chromium PATH] [--timeout S]      one run in headless Chromium, then exit
//
// Page options (URL query): ?quick=1 short runs, ?autorun=1 start at once, ?runs=N&runMs=MS&warmupMs=MS,
// ?algs=ML-DSA-65,Falcon-512 (none: no signatures), ?kernels=0, ?pool=0, ?aead=0, ?aeadSizes=64,1024,
// ?bn254=0.
// Also a module: the tests import buildWebBench / startServer / launchChromium from here.
import { once } from 'node:events';
import { readdirSync, existsSync, mkdirSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'build', 'web-bench');

/** The policy the page runs under (also set as a meta tag in the HTML files, for static hosting). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The page's files: [name in OUT_DIR, esbuild entry or file to copy]. */
const BUNDLES = { 'app.js': 'web-bench/src/app.ts', 'bench-worker.js': 'web-bench/src/bench-worker.ts', 'vectors.js': 'web-bench/src/vectors.ts' };
const COPIES = {
  'index.html': 'web-bench/index.html',
  'vectors.html': 'web-bench/vectors.html',
  'style.css': 'web-bench/style.css',
  // VerifyPool's worker (pool-worker.mjs imports the chunks copied below): next to app.js and
  // vectors.js, whose createWorker makes it (new URL('./pool-worker.mjs', import.meta.url)).
  'pool-worker.mjs': 'dist/pool-worker.mjs',
  'index.mjs': 'dist/index.mjs',
};

/** Bundles the page (minified ESM, the browser build of the package inside) into build/web-bench/. */
export async function buildWebBench({ minify = true } = {}) {
  for (const f of ['dist/index.mjs', 'dist/aead.mjs', 'dist/bn254.mjs', 'dist/pool-worker.mjs']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run 'node scripts/build.mjs' first`);
  }
  const { build } = await import('esbuild');
  const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  const noble = version('@noble/post-quantum');
  mkdirSync(OUT_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(BUNDLES).map(([out, src]) => [out.replace(/\.js$/, ''), src])),
    outdir: OUT_DIR,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // the package's browser build, as users get it (platform-neutral ESM, each WASM core a chunk);
    // @noble/ciphers and libsodium-wrappers (the AEAD section's comparators) are bundled in
    alias: { 'pqsimd/aead': join(ROOT, 'dist/aead.mjs'), 'pqsimd/bn254': join(ROOT, 'dist/bn254.mjs'), pqsimd: join(ROOT, 'dist/index.mjs') },
    define: {
      __NOBLE_VERSION__: JSON.stringify(noble),
      __NOBLE_CIPHERS_VERSION__: JSON.stringify(version('@noble/ciphers')),
      __SODIUM_WRAPPERS_VERSION__: JSON.stringify(version('libsodium-wrappers')),
      __NOBLE_CURVES_VERSION__: JSON.stringify(version('@noble/curves')),
    },
  });
  for (const [out, src] of Object.entries(COPIES)) copyFileSync(join(ROOT, src), join(OUT_DIR, out));
  // the chunks dist/index.mjs and dist/pool-worker.mjs import (shared code, one WASM core each)
  for (const f of readdirSync(join(ROOT, 'dist'))) {
    if (/^(chunk|wasm-[a-z]+)-[\w]+\.mjs$/.test(f)) copyFileSync(join(ROOT, 'dist', f), join(OUT_DIR, f));
  }
  return result.metafile;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/**
 * A script prepended to every served script when emulating a browser without relaxed SIMD
 * (Chromium 156 has no switch for it, see docs/web-bench.md): WebAssembly.validate / compile /
 * instantiate / Module refuse modules whose code section uses a relaxed-SIMD opcode
 * (0xFD prefix, LEB128 0x100..0x113), as an engine without the feature does.
 */
export const NO_RELAXED_SIMD_SHIM = `(() => {
  if (globalThis.__pqsimdNoRelaxedSimd) return;
  globalThis.__pqsimdNoRelaxedSimd = true;
  const W = WebAssembly;
  const bytesOf = (s) => s instanceof ArrayBuffer ? new Uint8Array(s) : ArrayBuffer.isView(s) ? new Uint8Array(s.buffer, s.byteOffset, s.byteLength) : null;
  const relaxed = (src) => {
    const b = bytesOf(src);
    if (!b || b.length < 8) return false;
    let p = 8;
    while (p < b.length) {
      const id = b[p++];
      let size = 0, shift = 0, x;
      do { x = b[p++]; size += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80 && p < b.length);
      if (id === 10) for (let i = p; i + 2 < p + size; i++) if (b[i] === 0xfd && b[i + 1] >= 0x80 && b[i + 1] <= 0x93 && b[i + 2] === 0x02) return true;
      p += size;
    }
    return false;
  };
  const err = () => new W.CompileError('WebAssembly.compile(): relaxed SIMD is not supported (emulated)');
  const validate = W.validate, compile = W.compile, instantiate = W.instantiate, Module = W.Module;
  W.validate = (s, ...o) => (relaxed(s) ? false : validate.call(W, s, ...o));
  W.compile = (s, ...o) => (relaxed(s) ? Promise.reject(err()) : compile.call(W, s, ...o));
  W.instantiate = (s, ...o) => (relaxed(s) ? Promise.reject(err()) : instantiate.call(W, s, ...o));
  W.Module = new Proxy(Module, { construct(t, a, nt) { if (relaxed(a[0])) throw err(); return Reflect.construct(t, a, nt); } });
})();
`;

/**
 * Serves OUT_DIR (plus `routes`: { '/path': [contentType, Buffer | string | () => ...] }) on
 * host:port (port 0: a free one). Returns { url, server, close() }.
 * @param {{ port?: number; host?: string; routes?: Record<string, [string, Buffer | string | (() => Buffer | string)]>;
 *   emulateNoRelaxedSimd?: boolean; log?: ((line: string) => void) | null }} [options]
 */
export async function startServer({ port = 0, host = '127.0.0.1', routes = {}, emulateNoRelaxedSimd = false, log = null } = {}) {
  const headers = {
    'Content-Security-Policy': CSP,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const server = http.createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    if (path === '/') path = '/index.html';
    let type;
    let body;
    const route = routes[path];
    if (route) {
      type = route[0];
      body = typeof route[1] === 'function' ? route[1]() : route[1];
    } else {
      const file = normalize(join(OUT_DIR, path));
      if (!file.startsWith(OUT_DIR + sep) || !existsSync(file)) {
        res.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end();
        log?.(`404 ${path}`);
        return;
      }
      type = TYPES[extname(file)] ?? 'application/octet-stream';
      body = readFileSync(file);
    }
    if (emulateNoRelaxedSimd && /javascript/.test(type)) body = NO_RELAXED_SIMD_SHIM + body.toString();
    res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
  });
  server.listen(port, host);
  await once(server, 'listening'); // (rejects on an 'error' event)
  const url = `http://${host}:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`;
  return { url, server, close: () => /** @type {Promise<void>} */ (new Promise((r) => server.close(() => r()))) };
}

/** Debian's Chromium through playwright-core (no browser download). */
export async function launchChromium({ executablePath = process.env.CHROMIUM || '/usr/bin/chromium', args = [] } = {}) {
  if (!existsSync(executablePath)) throw new Error(`no browser at ${executablePath}: apt-get install -y --no-install-recommends chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * Opens the page with ?autorun=1 (plus `query`) and waits for the run to finish. Returns
 * { state, env, report, markdown, errors, consoleErrors }; takes a screenshot when asked.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ query?: string; timeoutMs?: number; screenshot?: string | null; onStatus?: ((status: string) => void) | null }} [options]
 */
export async function runPage(browser, url, { query = '', timeoutMs = 600_000, screenshot = null, onStatus = null } = {}) {
  const page = await browser.newPage({ viewport: { width: 1150, height: 900 } });
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e?.message ?? e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`console.error: ${m.text()}`);
  });
  await page.goto(`${url}?autorun=1${query ? `&${query}` : ''}`);
  const t0 = Date.now();
  let last = '';
  for (;;) {
    const s = await page.evaluate(() => ({ state: window.webBench?.state, status: window.webBench?.status }));
    if (s.status !== last && onStatus) {
      last = s.status ?? '';
      onStatus(last);
    }
    if (s.state === 'done' || s.state === 'error') break;
    if (Date.now() - t0 > timeoutMs) throw new Error(`the page did not finish in ${timeoutMs / 1000} s (last status: ${s.status})`);
    await page.waitForTimeout(250);
  }
  const out = await page.evaluate(() => {
    const wb = window.webBench;
    if (!wb) throw new Error('the page has no window.webBench');
    const banner = document.getElementById('banner');
    return {
      state: wb.state,
      env: wb.env,
      report: wb.report,
      markdown: wb.markdown(),
      errors: wb.errors,
      banner: !banner || banner.hidden ? null : banner.textContent,
    };
  });
  if (screenshot) {
    mkdirSync(dirname(resolve(screenshot)), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  await page.close();
  return { ...out, consoleErrors };
}

// ---------------------------------------------------------------------------------------------

const HELP = `Usage: node scripts/web-bench.mjs [options]

Builds web-bench/ into build/web-bench/ and serves it on 127.0.0.1 (Ctrl+C stops).
  --port N                    port (default 8787; 0 = any free port)
  --host H                    address to listen on (default 127.0.0.1)
  --no-build                  serve what is in build/web-bench/
  --emulate-no-relaxed-simd   serve every script with a prelude that hides relaxed SIMD
  --headless                  instead of serving for you: one run in headless Chromium, then exit
    --quick                   short runs (?quick=1)
    --query Q                 more page options, e.g. 'algs=ML-DSA-65&pool=0'
    --screenshot FILE         full-page screenshot when done
    --json FILE               the results as JSON
    --markdown FILE           the results as Markdown (with a header: date, machine, command)
    --chromium PATH           browser binary (default $CHROMIUM or /usr/bin/chromium)
    --timeout S               give up after S seconds (default 900)`;

async function main(argv) {
  const o = {
    port: 8787,
    host: '127.0.0.1',
    build: true,
    emulate: false,
    headless: false,
    quick: false,
    query: '',
    screenshot: null,
    json: null,
    markdown: null,
    chromium: undefined,
    timeout: 900,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a}: missing value`);
      return argv[++i];
    };
    if (a === '--help' || a === '-h') {
      console.log(HELP);
      return;
    } else if (a === '--port') o.port = Number(val());
    else if (a === '--host') o.host = val();
    else if (a === '--no-build') o.build = false;
    else if (a === '--emulate-no-relaxed-simd') o.emulate = true;
    else if (a === '--headless') o.headless = true;
    else if (a === '--quick') o.quick = true;
    else if (a === '--query') o.query = val();
    else if (a === '--screenshot') o.screenshot = val();
    else if (a === '--json') o.json = val();
    else if (a === '--markdown') o.markdown = val();
    else if (a === '--chromium') o.chromium = val();
    else if (a === '--timeout') o.timeout = Number(val());
    else throw new Error(`unknown option ${a}\n\n${HELP}`);
  }
  if (o.build) await buildWebBench();
  const srv = await startServer({ port: o.headless ? 0 : o.port, host: o.host, emulateNoRelaxedSimd: o.emulate });
  if (!o.headless) {
    console.log(`pqsimd web bench: ${srv.url}  (quick run: ${srv.url}?quick=1&autorun=1)${o.emulate ? '  [relaxed SIMD hidden]' : ''}`);
    console.log('Ctrl+C stops the server.');
    return;
  }
  const browser = await launchChromium({ executablePath: o.chromium });
  try {
    const query = [o.quick ? 'quick=1' : '', o.query].filter(Boolean).join('&');
    const t0 = Date.now();
    const r = await runPage(browser, srv.url, {
      query,
      timeoutMs: o.timeout * 1000,
      screenshot: o.screenshot,
      onStatus: (s) => process.stderr.write(`\r\x1b[K${s.slice(0, 100)}`),
    });
    process.stderr.write('\n');
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    const cpu =
      /^model name\s*:\s*(.+)$/m.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1]?.trim() ??
      os.cpus()[0]?.model ??
      'unknown CPU';
    const cmd = `node scripts/web-bench.mjs ${process.argv.slice(2).join(' ')}`;
    const header = `Chromium ${browser.version()} (headless, ${o.chromium ?? process.env.CHROMIUM ?? '/usr/bin/chromium'}) on ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} logical CPUs, ${os.type()} ${os.release()}; command: \`${cmd}\`; the run took ${secs} s.`;
    if (o.json)
      writeFileSync(
        o.json,
        `${JSON.stringify(
          { chromium: browser.version(), machine: { cpu, logicalCpus: os.availableParallelism?.() ?? os.cpus().length }, command: cmd, ...r },
          null,
          2,
        )}\n`,
      );
    if (o.markdown) writeFileSync(o.markdown, `${header}\n\n${r.markdown}\n`);
    console.log(`${header}\n\n${r.markdown}`);
    if (r.state !== 'done' || r.banner || r.consoleErrors.length) {
      console.error(`web-bench: the run failed: state ${r.state}; ${r.banner ?? ''} ${r.consoleErrors.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await srv.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`web-bench: ${e?.message ?? e}`);
    process.exit(1);
  });
}
