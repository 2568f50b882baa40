#!/usr/bin/env node
// ML-DSA-44/65/87 and Falcon-512/1024 verify in real headless Chromium: every pqsimd WASM backend
// the page can run, next to the browser's own WebCrypto ML-DSA and @noble/post-quantum (pure JS),
// then the same harness in Node. Then the AEAD table (bench/aead.ts): pqsimd/aead's WASM backends
// next to @noble/ciphers and libsodium-wrappers (both bundled for the page with esbuild), in
// Chromium and in Node. Prints Markdown tables to stdout (progress goes to stderr).
//
//   node scripts/build.mjs && node scripts/bench-browser.mjs [--json FILE] [--no-node]
//        [--runs N] [--run-ms MS] [--warmup-ms MS] [--node-run-ms MS] [--node-warmup-ms MS]
//        [--no-aead | --aead-only] [--aead-sizes N,N] [--aead-run-ms MS] [--aead-warmup-ms MS]
//        [--no-bn254 | --bn254-only]
//
// Then the BN254 table (bench/bn254.ts): pqsimd/bn254's WASM backends next to @noble/curves, in
// Chromium and in Node, every result checked against noble first (same cell lengths as the AEAD table).
//
// Needs Debian's chromium (apt-get install -y chromium; or --chromium PATH / $CHROMIUM) and the npm
// package playwright-core (its own browser download is not used). The page is served from
// 127.0.0.1 on a random port; nothing else is fetched. The checks (scripts/bench-browser/core.mjs)
// run before any timing, in the page and in Node: pqsimd, WebCrypto and noble must all accept
// the valid signature and reject a mutated signature and a mutated message, or the script fails.
// The timing, statistics and tables are the benchmark core's (bench/), bundled into
// build/bench-browser/core.mjs with core.mjs for the page and for Node.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pageDir = join(root, 'scripts', 'bench-browser');
const RELAXED_FLAG = '--experimental-wasm-relaxed-simd';
// the same flags as the web-bench page and the browser tests (scripts/web-bench.mjs)
const { CHROMIUM_ARGS } = await import(pathToFileURL(join(root, 'scripts/web-bench.mjs')).href);
// 'prepared': the page's fastest backend through a public key prepared once (MlDsa.prepare).
const COLUMNS = ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'prepared', 'WebCrypto', 'noble'];

const HELP = `Usage: node scripts/bench-browser.mjs [options]

Verify ops/s of ML-DSA-44/65/87 and Falcon-512/1024 in headless Chromium (pqsimd backends,
WebCrypto ML-DSA, @noble/post-quantum), then in Node. Run 'node scripts/build.mjs' first.

  --json FILE          also write the results as JSON
  --no-node            skip the Node rows
  --runs N             timed runs per implementation (default 5; the median is reported)
  --run-ms MS          length of one browser run (default 300)
  --warmup-ms MS       browser warm-up per implementation and algorithm (default 1000)
  --node-run-ms MS     length of one Node run (default 150)
  --node-warmup-ms MS  Node warm-up per implementation and algorithm (default 400)
  --chromium PATH      the browser binary (default $CHROMIUM or /usr/bin/chromium)
  --no-aead            skip the AEAD table
  --aead-only          only the AEAD table (no verify or BN254 table)
  --no-bn254           skip the BN254 table
  --bn254-only         only the BN254 table (pqsimd/bn254 vs @noble/curves)
  --aead-sizes N,N     AEAD message sizes in bytes (default 64,1024,16384,1048576)
  --aead-run-ms MS     length of one AEAD run (default a quarter of --run-ms; Node: of --node-run-ms)
  --aead-warmup-ms MS  AEAD warm-up per cell (default a quarter of --warmup-ms; Node: of --node-warmup-ms)`;

function parseArgs(argv) {
  const o = {
    json: null,
    node: true,
    runs: 5,
    runMs: 300,
    warmupMs: 1000,
    nodeRunMs: 150,
    nodeWarmupMs: 400,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    verify: true,
    aead: true,
    bn254: true,
    aeadSizes: [64, 1024, 16384, 1 << 20],
    aeadRunMs: 0,
    aeadWarmupMs: 0,
  };
  const num = (name, v) => {
    const x = Number(v);
    if (!Number.isFinite(x) || x <= 0) fail(`${name}: expected a positive number, got ${v}`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) fail(`${a}: missing value`);
      return argv[++i];
    };
    if (a === '--help' || a === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (a === '--json') o.json = val();
    else if (a === '--no-node') o.node = false;
    else if (a === '--runs') o.runs = Math.round(num(a, val()));
    else if (a === '--run-ms') o.runMs = num(a, val());
    else if (a === '--warmup-ms') o.warmupMs = num(a, val());
    else if (a === '--node-run-ms') o.nodeRunMs = num(a, val());
    else if (a === '--node-warmup-ms') o.nodeWarmupMs = num(a, val());
    else if (a === '--chromium') o.chromium = val();
    else if (a === '--no-aead') o.aead = false;
    else if (a === '--aead-only') {
      o.verify = false;
      o.bn254 = false;
    } else if (a === '--no-bn254') o.bn254 = false;
    else if (a === '--bn254-only') {
      o.verify = false;
      o.aead = false;
    } else if (a === '--aead-sizes')
      o.aeadSizes = val()
        .split(',')
        .map((x) => Math.round(num(a, x)));
    else if (a === '--aead-run-ms') o.aeadRunMs = num(a, val());
    else if (a === '--aead-warmup-ms') o.aeadWarmupMs = num(a, val());
    else fail(`unknown option ${a}\n\n${HELP}`);
  }
  if (!o.verify && !o.aead && !o.bn254) fail('nothing to run (the --*-only and --no-* options exclude every table)');
  return o;
}

/** @returns {never} */
function fail(msg) {
  console.error(`bench-browser: ${msg}`);
  process.exit(1);
}
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
const distEntry = join(root, 'dist', 'index.mjs');
if (!existsSync(distEntry)) fail(`${distEntry} is missing: run 'node scripts/build.mjs' first`);
const pq = await import(pathToFileURL(distEntry).href);

// Node's V8 keeps relaxed SIMD behind a flag on older versions: rerun under it so the Node rows
// cover wasm-relaxed too (only when this Node accepts the flag).
if (opts.node && !pq.availableBackends().includes('wasm-relaxed') && !process.env.PQSIMD_BENCH_REEXEC) {
  const probe = spawnSync(process.execPath, [RELAXED_FLAG, '-e', '0'], { stdio: 'ignore' });
  if (probe.status === 0) {
    const r = spawnSync(process.execPath, [RELAXED_FLAG, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, PQSIMD_BENCH_REEXEC: '1' },
    });
    process.exit(r.status ?? 1);
  }
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  fail('playwright-core is not installed: npm install --no-save playwright-core (or add it to devDependencies)');
}
if (!existsSync(opts.chromium)) fail(`no browser at ${opts.chromium}: apt-get install -y chromium (or pass --chromium PATH)`);

const nobleVersion = JSON.parse(readFileSync(join(root, 'node_modules', '@noble', 'post-quantum', 'package.json'), 'utf8')).version;
const mlDsa = await import('@noble/post-quantum/ml-dsa.js');
const falcon = await import('@noble/post-quantum/falcon.js');
const nobleNode = { ...mlDsa, ...falcon };

// Setup data: a 64-byte message; ML-DSA keys from fixed seeds and deterministic signatures made
// with pqsimd; Falcon keys and one compressed signature made with noble (pqsimd's Falcon is
// verification-only), from the fixed seed / randomness of the CLI's bench.
const hex = (u8) => Buffer.from(u8).toString('hex');
const msg = Uint8Array.from({ length: 64 }, (_, i) => (i * 131 + 7) & 0xff);
const data = {};
if (opts.verify) {
  const t0 = performance.now();
  const b = await pq.loadBackend('wasm-scalar');
  for (const [alg, key, lvl] of /** @type {const} */ ([
    ['ML-DSA-44', 'mlDsa44', 44],
    ['ML-DSA-65', 'mlDsa65', 65],
    ['ML-DSA-87', 'mlDsa87', 87],
  ])) {
    const seed = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + lvl) & 0xff);
    const kp = b[key].keygen(seed);
    const sig = b[key].sign(kp.secretKey, msg, { deterministic: true });
    data[alg] = { seed: hex(seed), pk: hex(kp.publicKey), msg: hex(msg), sig: hex(sig) };
  }
  const fseed = Uint8Array.from({ length: 48 }, (_, i) => 0xf0 ^ i);
  const frnd = Uint8Array.from({ length: 48 }, (_, i) => 0x5a ^ i);
  for (const [alg, f] of /** @type {const} */ ([
    ['Falcon-512', falcon.falcon512],
    ['Falcon-1024', falcon.falcon1024],
  ])) {
    const kp = f.keygen(fseed);
    const sig = f.sign(msg, kp.secretKey, { extraEntropy: frnd });
    data[alg] = { pk: hex(kp.publicKey), msg: hex(msg), sig: hex(sig) };
  }
  log(`setup: keys and signatures in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// core.mjs with the benchmark core (bench/, TypeScript) for the page and for Node, and noble for
// the page: ESM bundles.
const { build, stop: stopEsbuild } = await import('esbuild');
const coreFile = join(root, 'build', 'bench-browser', 'core.mjs');
mkdirSync(dirname(coreFile), { recursive: true });
await build({
  entryPoints: [join(pageDir, 'core.mjs')],
  outfile: coreFile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
const core = await import(pathToFileURL(coreFile).href);
const nobleOutput = (
  await build({
    stdin: {
      contents:
        "export { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';\n" +
        "export { falcon512, falcon1024 } from '@noble/post-quantum/falcon.js';\n",
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
).outputFiles?.[0];
if (!nobleOutput) fail('esbuild wrote no noble bundle');
const nobleBundle = nobleOutput.contents;
// The AEAD table's comparators for the page: @noble/ciphers and libsodium-wrappers (its WASM inlined).
const versionOf = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const aeadVersions = { noble: versionOf('@noble/ciphers'), libsodiumWrappers: versionOf('libsodium-wrappers') };
const ciphersOutput = (
  await build({
    stdin: {
      contents:
        "import { chacha20, chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';\n" +
        "import { secretbox } from '@noble/ciphers/salsa.js';\n" +
        "export { default as sodium } from 'libsodium-wrappers';\n" +
        'export const nobleCiphers = { chacha20, chacha20poly1305, xchacha20poly1305, secretbox };\n' +
        `export const versions = ${JSON.stringify(aeadVersions)};\n`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
).outputFiles?.[0];
if (!ciphersOutput) fail('esbuild wrote no @noble/ciphers + libsodium-wrappers bundle');
const ciphersBundle = ciphersOutput.contents;
// The BN254 table's reference and comparator for the page: @noble/curves' bn254.
const curvesVersion = versionOf('@noble/curves');
const curvesOutput = (
  await build({
    stdin: { contents: "export { bn254 } from '@noble/curves/bn254.js';\n", resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
).outputFiles?.[0];
if (!curvesOutput) fail('esbuild wrote no @noble/curves bundle');
const curvesBundle = curvesOutput.contents;
await stopEsbuild(); // no idle esbuild service process while timing

// The page, from 127.0.0.1 (a secure context, so crypto.subtle exists), cross-origin isolated so
// performance.now() has its fine resolution.
const routes = {
  '/': ['text/html; charset=utf-8', () => readFileSync(join(pageDir, 'index.html'))],
  '/core.mjs': ['text/javascript', () => readFileSync(coreFile)],
  '/pqsimd.mjs': ['text/javascript', () => readFileSync(distEntry)],
  '/pqsimd-aead.mjs': ['text/javascript', () => readFileSync(join(root, 'dist', 'aead.mjs'))],
  '/noble.mjs': ['text/javascript', () => nobleBundle],
  '/ciphers.mjs': ['text/javascript', () => ciphersBundle],
  '/pqsimd-bn254.mjs': ['text/javascript', () => readFileSync(join(root, 'dist', 'bn254.mjs'))],
  '/curves.mjs': ['text/javascript', () => curvesBundle],
};
const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  // the chunks of the package's ESM build that /pqsimd.mjs imports (shared code, one WASM core each)
  const chunk = /^\/((?:chunk|wasm-[a-z]+)-\w+\.mjs)$/.exec(path)?.[1];
  const chunkFile = chunk && join(root, 'dist', chunk);
  const route = routes[path] ?? (chunkFile && existsSync(chunkFile) ? ['text/javascript', () => readFileSync(chunkFile)] : undefined);
  const headers = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  };
  if (!route) {
    res.writeHead(req.url === '/favicon.ico' ? 204 : 404, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': route[0] }).end(route[1]());
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;

const browserOpts = { warmupMs: opts.warmupMs, runMs: opts.runMs, runs: opts.runs };
const nodeOpts = { warmupMs: opts.nodeWarmupMs, runMs: opts.nodeRunMs, runs: opts.runs };
// AEAD cells: 20 rows × 5 columns, so a quarter of a verify cell's run and warm-up by default
const aeadOpts = (runMs, warmupMs) => ({
  sizes: opts.aeadSizes,
  runMs: opts.aeadRunMs || Math.max(10, Math.round(runMs / 4)),
  warmupMs: opts.aeadWarmupMs || Math.max(20, Math.round(warmupMs / 4)),
  runs: opts.runs,
});
const aeadBrowserOpts = aeadOpts(opts.runMs, opts.warmupMs);
const aeadNodeOpts = aeadOpts(opts.nodeRunMs, opts.nodeWarmupMs);
const started = performance.now();
let browserVersion;
let pageInfo;
const browserResults = {};
/** @type {{ rows: import('../bench/aead.ts').AeadRow[]; checks: Record<string, unknown> } | null} */
let aeadBrowser = null;
let aeadPageVersions = null;
/** @type {{ rows: import('../bench/bn254.ts').Bn254Row[]; checks: Record<string, string[]> } | null} */
let bnBrowser = null;
const browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS });
try {
  browserVersion = browser.version();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (m) => {
    const t = m.text();
    log(t.startsWith('[progress] ') ? `chromium: ${t.slice(11)}` : `chromium console.${m.type()}: ${t}`);
  });
  await page.goto(`${origin}/`);
  try {
    await page.waitForFunction(() => window.pqBenchReady === true, null, { timeout: 30_000 });
  } catch (e) {
    throw new Error(`the page did not load: ${pageErrors.join('\n') || (e instanceof Error ? e.message : e)}`);
  }
  pageInfo = await page.evaluate(() => window.pqBench.info());
  log(
    `chromium ${browserVersion}: pqsimd availableBackends() = [${pageInfo.availableBackends.join(', ')}]; crossOriginIsolated ${pageInfo.crossOriginIsolated}`,
  );
  for (const alg of Object.keys(data)) {
    Object.assign(browserResults, await page.evaluate(({ d, o }) => window.pqBench.run(d, o), { d: { [alg]: data[alg] }, o: browserOpts }));
  }
  if (opts.aead) {
    aeadBrowser = await page.evaluate((o) => window.pqBench.aead(o), aeadBrowserOpts);
    aeadPageVersions = await page.evaluate(() => window.pqBench.aeadVersions());
  }
  if (opts.bn254) bnBrowser = await page.evaluate((o) => window.pqBench.bn254(o), aeadBrowserOpts);
  if (pageErrors.length) throw new Error(`errors in the page:\n${pageErrors.join('\n')}`);
} finally {
  await browser.close();
  server.close();
}
const browserSeconds = (performance.now() - started) / 1000;

let nodeResults = null;
let nodeBackends = null;
let aeadNode = null;
let bnNode = null;
if (opts.node) {
  const { benchAll, benchAead } = core;
  nodeBackends = pq.availableBackends();
  log(`node ${process.version}${process.execArgv.includes(RELAXED_FLAG) ? ` ${RELAXED_FLAG}` : ''}: pqsimd availableBackends() = [${nodeBackends.join(', ')}]`);
  const env = { pq, noble: nobleNode, subtle: globalThis.crypto?.subtle, backends: nodeBackends };
  if (opts.verify) nodeResults = await benchAll(env, data, nodeOpts, (s) => log(`node: ${s}`));
  if (opts.aead) {
    // the platform-neutral build (WASM only), as in the page; the comparators from node_modules
    const aead = await import(pathToFileURL(join(root, 'dist', 'aead.mjs')).href);
    const ch = await import('@noble/ciphers/chacha.js');
    const { secretbox } = await import('@noble/ciphers/salsa.js');
    const sodium = (await import('libsodium-wrappers')).default;
    await sodium.ready;
    const nobleCiphers = { chacha20: ch.chacha20, chacha20poly1305: ch.chacha20poly1305, xchacha20poly1305: ch.xchacha20poly1305, secretbox };
    const backends = aead.availableBackends().filter((b) => b.startsWith('wasm-'));
    aeadNode = await benchAead({ aead, nobleCiphers, sodium, backends }, aeadNodeOpts, (s) => log(`node: AEAD ${s}`));
  }
  if (opts.bn254) {
    // the platform-neutral build (WASM only), as in the page
    const bn = await import(pathToFileURL(join(root, 'dist', 'bn254.mjs')).href);
    const { bn254 } = await import('@noble/curves/bn254.js');
    const backends = bn.availableBackends().filter((b) => b.startsWith('wasm-'));
    bnNode = await core.benchBn254({ bn, curves: bn254, backends }, aeadNodeOpts, (s) => log(`node: BN254 ${s}`));
  }
}
const totalSeconds = (performance.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------
// Report

const { fmtRate, fmtRatio, latencyTable, markdownTable, spread } = core;

/** Rows of the latency table (bench/'s ResultRow). */
function latencyRows(results, suffix) {
  return Object.entries(results).map(([alg, r]) => ({ label: `${alg} verify${suffix}`, cells: r.cells }));
}

/** Table rows: ML-DSA cells carry a ratio vs Chromium's WebCrypto, Falcon cells vs noble (same runtime). */
function rowsOf(results, suffix) {
  return Object.entries(results).map(([alg, r]) => {
    const webcrypto = browserResults[alg]?.cells?.WebCrypto?.median;
    const noble = r.cells.noble?.median;
    return [
      `${alg} verify${suffix}`,
      ...COLUMNS.map((c) => {
        const m = r.cells[c]?.median;
        if (m === undefined) return '—';
        if (webcrypto) return c === 'WebCrypto' && !suffix ? `${fmtRate(m)} (1.00x)` : `${fmtRate(m)} (${fmtRatio(m / webcrypto)})`;
        if (noble && c !== 'noble') return `${fmtRate(m)} (${fmtRatio(m / noble)} noble)`;
        return fmtRate(m);
      }),
    ];
  });
}

const cpu =
  /^model name\s*:\s*(.+)$/m.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1]?.trim() ??
  os.cpus()[0]?.model ??
  'unknown CPU';
const date = new Date().toISOString();
const webcryptoFormats = [
  ...new Set(
    Object.values(browserResults)
      .map((r) => r.info.webcrypto?.format)
      .filter(Boolean),
  ),
];
const nodeLabel = `Node ${process.version}${process.execArgv.includes(RELAXED_FLAG) ? ` (${RELAXED_FLAG})` : ''}`;
const preparedOn = Object.values(browserResults).find((r) => r.info.prepared)?.info.prepared;
const header = [
  'Verify, ops/s',
  'wasm-relaxed',
  'wasm-simd',
  'wasm-scalar',
  preparedOn ? `${preparedOn}, prepared key` : 'prepared key',
  'WebCrypto',
  `noble ${nobleVersion}`,
];
const body = [...rowsOf(browserResults, ''), ...(nodeResults ? rowsOf(nodeResults, ` (${nodeLabel.split(' (')[0]})`) : [])];

const verifyOut = [
  `## pqsimd verify in headless Chromium ${browserVersion}`,
  '',
  `${date}; ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} logical CPUs; Chromium ${browserVersion} (${opts.chromium}), ${nodeLabel}.`,
  `pqsimd backends in the page (availableBackends()): ${pageInfo.availableBackends.join(', ')}` +
    (nodeBackends ? `; in Node: ${nodeBackends.join(', ')}` : '') +
    `. WebCrypto ML-DSA public key import: ${webcryptoFormats.map((f) => `'${f}'`).join(', ') || 'not available'}.`,
  `Median of ${opts.runs} runs of ~${opts.runMs} ms per implementation after a ${opts.warmupMs} ms warm-up (Node: ${opts.nodeRunMs} / ${opts.nodeWarmupMs} ms), runs interleaved; ` +
    `64-byte message; each implementation is checked first (valid signature accepted, mutated signature and message rejected, pqsimd and WebCrypto signatures cross-verified); ML-DSA keys and deterministic signatures made with pqsimd, Falcon ones (compressed) with noble. ` +
    `WebCrypto: crypto.subtle.verify awaited one at a time, key imported once.`,
  '',
  markdownTable(header, body),
  '',
  latencyTable([...latencyRows(browserResults, ''), ...(nodeResults ? latencyRows(nodeResults, ` (${nodeLabel.split(' (')[0]})`) : [])], COLUMNS, {
    title: 'Verify latency, µs (p50 / p99)',
    implLabel: (c) => header[COLUMNS.indexOf(c) + 1],
  }),
  '',
  `Ratios: ML-DSA rows vs Chromium's WebCrypto of the same parameter set${nodeResults ? ' (Node rows too)' : ''}; Falcon rows (no WebCrypto Falcon) vs noble in the same runtime. ` +
    `"—": not available there.${nodeResults && !Object.values(nodeResults).some((r) => r.cells.WebCrypto) ? ` ${nodeLabel.split(' (')[0]} has no WebCrypto ML-DSA.` : ''}`,
  `WebCrypto ML-DSA public-key import in Chromium, per format tried: ${
    Object.entries(browserResults)
      .filter(([, r]) => r.info.webcrypto)
      .slice(0, 1)
      .map(([alg, r]) => `(${alg}) ${r.info.webcrypto.attempts.join('; ')}`)
      .join('') || 'not tried'
  }.`,
  `Prepared key: ${preparedOn ?? 'the fastest backend'} verifying through MlDsa/FalconVerifier.prepare(pk), made once (as WebCrypto's key is imported once)${preparedOn ? '' : ': not in this build of pqsimd'}.`,
  (() => {
    const spreads = [browserResults, nodeResults ?? {}]
      .flatMap((res) => Object.values(res).flatMap((r) => Object.values(r.cells).map((c) => spread(c.runs))))
      .sort((a, b) => a - b);
    const pct = (x) => `${Math.round(100 * x)}%`;
    return `Run-to-run spread, (max − min) / median over the ${opts.runs} runs of a cell: median ${pct(spreads[spreads.length >> 1])}, worst ${pct(spreads.at(-1))} (each run in the JSON).`;
  })(),
  `Latency: 50th and 99th percentile of single verifications over every run, at the resolution of performance.now() (in Chromium 5 µs, the page being cross-origin isolated).`,
  `Timing took ${totalSeconds.toFixed(0)} s (browser ${browserSeconds.toFixed(0)} s).`,
];
if (opts.verify) console.log(verifyOut.join('\n'));

// The AEAD tables: MB/s per operation and size, the WASM backends next to noble and libsodium.
const AEAD_COLUMNS = ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'noble', 'libsodium'];
const AEAD_RATIOS = [
  { label: 'wasm-simd / noble', num: 'wasm-simd', den: 'noble' },
  { label: 'wasm-simd / libsodium', num: 'wasm-simd', den: 'libsodium' },
  { label: 'wasm-relaxed / libsodium', num: 'wasm-relaxed', den: 'libsodium' },
];
function aeadOut(res, where) {
  const cols = core.aeadColumns(res.rows, AEAD_COLUMNS);
  const label = (i) => (i === 'noble' ? `noble ${aeadVersions.noble}` : i === 'libsodium' ? `libsodium.js ${aeadVersions.libsodiumWrappers}` : i);
  const ratios = AEAD_RATIOS.filter((q) => cols.includes(q.num) && cols.includes(q.den));
  const checks = Object.entries(res.checks)
    .map(([impl, c]) => `${impl} ${c.full} + ${c.timed}${c.tamperRejected ? ` (${c.tamperRejected} flipped tags rejected)` : ''}`)
    .join(', ');
  return [
    `AEAD, MB/s, ${where}:`,
    '',
    core.aeadTable(res.rows, cols, ratios, { implLabel: label }),
    '',
    `Checked outputs (full + timed batches): ${checks}.`,
    '',
  ];
}
if (opts.aead && (aeadBrowser || aeadNode)) {
  const o = [
    `## pqsimd/aead in headless Chromium ${browserVersion}`,
    '',
    `${date}; ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} logical CPUs; Chromium ${browserVersion} (${opts.chromium})${aeadNode ? `, ${nodeLabel}` : ''}; ` +
      `@noble/ciphers ${aeadVersions.noble}, libsodium-wrappers ${aeadVersions.libsodiumWrappers} (libsodium ${aeadPageVersions?.libsodium ?? '?'}), both bundled for the page with esbuild.`,
    `MB/s = 10^6 message bytes per second: median of ${opts.runs} runs of ~${aeadBrowserOpts.runMs} ms per cell after a ${aeadBrowserOpts.warmupMs} ms warm-up ` +
      `(Node: ${aeadNodeOpts.runMs} / ${aeadNodeOpts.warmupMs} ms), runs interleaved; pqsimd/aead's platform-neutral build (WASM backends) in both. ` +
      'Empty associated data, one cipher object per message; pqsimd and noble write into output buffers allocated once per cell (the hot path without allocation), ' +
      'libsodium-wrappers allocates every result (no output-buffer API) and has no raw ChaCha20 outside its sumo build. ' +
      "Every output equals @noble/ciphers' (which first reproduces RFC 8439 §2.8.2): in full before timing, openers reject a flipped tag bit, and the last output of every timed batch is compared at its start, middle and end.",
    '',
    ...(aeadBrowser ? aeadOut(aeadBrowser, `Chromium ${browserVersion}`) : []),
    ...(aeadNode ? aeadOut(aeadNode, nodeLabel) : []),
    `Timing took ${totalSeconds.toFixed(0)} s in all (browser ${browserSeconds.toFixed(0)} s).`,
  ];
  console.log(`${opts.verify ? '\n' : ''}${o.join('\n')}`);
}

// The BN254 tables: time per operation, the WASM backends next to noble.
function bnOut(res, where) {
  const cols = core.bn254Columns(res.rows, ['wasm-relaxed', 'wasm-simd', 'wasm-scalar', 'noble']);
  const nChecks = Object.values(res.checks).reduce((a, c) => a + c.length, 0);
  return [
    `BN254, time per operation, ${where}:`,
    '',
    core.bn254Table(res.rows, cols, core.bn254Ratios(cols), { implLabel: (i) => (i === 'noble' ? `noble ${curvesVersion}` : i) }),
    '',
    `Checked before timing: ${nChecks} checks (${Object.keys(res.checks).join(', ')}).`,
    '',
  ];
}
if (opts.bn254 && (bnBrowser || bnNode)) {
  const o = [
    `## pqsimd/bn254 in headless Chromium ${browserVersion}`,
    '',
    `${date}; ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} logical CPUs; Chromium ${browserVersion} (${opts.chromium})${bnNode ? `, ${nodeLabel}` : ''}; @noble/curves ${curvesVersion} (bundled for the page with esbuild).`,
    `Median of ${opts.runs} runs of ~${aeadBrowserOpts.runMs} ms per cell after a ${aeadBrowserOpts.warmupMs} ms warm-up (Node: ${aeadNodeOpts.runMs} / ${aeadNodeOpts.warmupMs} ms), runs interleaved; ` +
      "pqsimd/bn254's platform-neutral build (WASM backends) in both. pqsimd field rows and its single pairing through the bn254_bench hook (many operations in one WASM call), noble's the same dependent chains on its bigint fields; " +
      'EVM rows from the EIP-196/197 bytes (noble: decoded with its validity and G2 subgroup checks); Groth16 on the snarkjs fixtures of vectors/bn254/groth16 (noble: the pairing equation on its primitives). ' +
      'Every result equals noble’s before timing; every timed call’s result is checked again. mcl-wasm, snarkjs and the cold start: `pqsimd bench --family bn254`.',
    '',
    ...(bnBrowser ? bnOut(bnBrowser, `Chromium ${browserVersion}`) : []),
    ...(bnNode ? bnOut(bnNode, nodeLabel) : []),
  ];
  console.log(`${opts.verify || opts.aead ? '\n' : ''}${o.join('\n')}`);
}

if (opts.json) {
  const json = {
    date,
    machine: { cpu, logicalCpus: os.availableParallelism?.() ?? os.cpus().length, platform: process.platform, arch: process.arch },
    chromium: { version: browserVersion, executable: opts.chromium, args: CHROMIUM_ARGS, ...pageInfo },
    node: { version: process.version, execArgv: process.execArgv, availableBackends: nodeBackends },
    noble: nobleVersion,
    method: {
      browser: browserOpts,
      node: opts.node ? nodeOpts : null,
      messageBytes: 64,
      webcrypto: 'crypto.subtle.verify awaited one at a time; key imported once',
    },
    webcryptoImportFormat: webcryptoFormats[0] ?? null,
    results: { chromium: browserResults, node: nodeResults },
    aead: opts.aead
      ? {
          versions: { ...aeadVersions, libsodium: aeadPageVersions?.libsodium ?? null },
          browser: aeadBrowserOpts,
          node: aeadNodeOpts,
          chromium: aeadBrowser,
          nodeResults: aeadNode,
        }
      : null,
    bn254: opts.bn254 ? { curves: curvesVersion, browser: aeadBrowserOpts, node: aeadNodeOpts, chromium: bnBrowser, nodeResults: bnNode } : null,
  };
  writeFileSync(opts.json, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${opts.json}`);
}
