#!/usr/bin/env node
// What a browser downloads for small apps built on pqsimd: each app is built for production by
// esbuild (minified, code splitting) and by Vite, served from 127.0.0.1 with gzip (level 9), and
// loaded in Debian's Chromium (playwright-core), which runs `await ready()` and one verify; the
// bytes Chromium fetched are counted per file. Also lists the package's own files.
//   node scripts/bundle-size.mjs [--out docs/bundle-size.md] [--json FILE] [--check]
// --check fails when the verify-only ML-DSA-65 app downloads more than LIMIT gzip bytes (ts/test/
// bundle-size.test.ts runs it). Run 'node scripts/build.mjs' first.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const { values: opts } = parseArgs({
  options: { out: { type: 'string', default: 'docs/bundle-size.md' }, json: { type: 'string' }, check: { type: 'boolean', default: false } },
});
/** The goal of issue #11: a verify-only ML-DSA-65 app downloads at most 60 KB (gzip). */
export const LIMIT = 60 * 1024;
if (!existsSync('dist/ml-dsa.mjs')) throw new Error("dist/ is missing: run 'node scripts/build.mjs' first");

const APPS = {
  'mldsa65-verify': [
    'ML-DSA-65 verify-only app (`pqsimd/ml-dsa`)',
    "import { ready, mlDsa65 } from 'pqsimd/ml-dsa';\nawait ready();\nreport(mlDsa65.verify(new Uint8Array(1952), new Uint8Array(0), new Uint8Array(3309)));",
  ],
  'mldsa65-verify-root': [
    'ML-DSA-65 verify-only app (root `pqsimd`)',
    "import { ready, mlDsa65 } from 'pqsimd';\nawait ready();\nreport(mlDsa65.verify(new Uint8Array(1952), new Uint8Array(0), new Uint8Array(3309)));",
  ],
  'falcon512-verify': [
    'Falcon-512 verify-only app (`pqsimd/falcon`)',
    "import { ready, falcon512 } from 'pqsimd/falcon';\nawait ready();\nreport(falcon512.verify(new Uint8Array(897), new Uint8Array(0), new Uint8Array(666)));",
  ],
  xchacha20poly1305: [
    'XChaCha20-Poly1305 encrypt + decrypt app (`pqsimd/aead`)',
    "import { ready, xchacha20poly1305 } from 'pqsimd/aead';\nawait ready();\nconst key = new Uint8Array(32), nonce = new Uint8Array(24);\nconst sealed = xchacha20poly1305(key, nonce).encrypt(new Uint8Array(64));\nreport(xchacha20poly1305(key, nonce).decrypt(sealed).length !== 64);",
  ],
  everything: [
    "everything (`import * as pq from 'pqsimd'`, ML-DSA and Falcon used)",
    "import * as pq from 'pqsimd';\nawait pq.ready();\nreport(pq.mlDsa65.verify(new Uint8Array(1952), new Uint8Array(0), new Uint8Array(3309)) || pq.falcon512.verify(new Uint8Array(897), new Uint8Array(0), new Uint8Array(666)));",
  ],
};
const PRELUDE = "const report = (v) => { document.title = 'done:' + v; };\n";
const HTML = '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./main.js"></script>\n';
const ALIAS = { pqsimd: 'dist/index.mjs', 'pqsimd/ml-dsa': 'dist/ml-dsa.mjs', 'pqsimd/falcon': 'dist/falcon.mjs', 'pqsimd/aead': 'dist/aead.mjs' };

const work = join(root, 'build', 'bundle-size');
rmSync(work, { recursive: true, force: true });

async function buildEsbuild(id, code) {
  const { build } = await import('esbuild');
  const out = join(work, id, 'esbuild');
  await build({
    stdin: { contents: PRELUDE + code, resolveDir: root, loader: 'js', sourcefile: 'main.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: out,
    entryNames: 'main',
    chunkNames: '[name]-[hash]',
    legalComments: 'none',
    logLevel: 'error',
    alias: Object.fromEntries(Object.entries(ALIAS).map(([k, v]) => [k, join(root, v)])),
  });
  writeFileSync(join(out, 'index.html'), HTML);
  return out;
}

async function buildVite(id, code) {
  const { build } = await import('vite');
  const src = join(work, id, 'vite-src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'main.js'), PRELUDE + code);
  writeFileSync(join(src, 'index.html'), HTML);
  const out = join(work, id, 'vite');
  await build({
    root: src,
    logLevel: 'error',
    configFile: false,
    resolve: { alias: Object.entries(ALIAS).map(([k, v]) => ({ find: new RegExp(`^${k}$`), replacement: join(root, v) })) },
    build: { outDir: out, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  return out;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves `dir` with gzip; returns the gzip bytes sent per path. */
function serve(dir) {
  const sent = new Map();
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/$/, '/index.html');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = gzipSync(readFileSync(file), { level: 9 });
    sent.set(path, (sent.get(path) ?? 0) + body.length);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, sent, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

async function download(browser, dir) {
  const { server, sent, url } = await serve(dir);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.title.startsWith('done:'), null, { timeout: 60_000 });
    const title = await page.title();
    await page.close();
    return { title, files: [...sent].map(([f, n]) => ({ file: f, gzip: n })), total: [...sent.values()].reduce((a, b) => a + b, 0) };
  } finally {
    server.close();
  }
}

const { CHROMIUM_ARGS } = await import(pathToFileURL(join(root, 'scripts/web-bench.mjs')).href);
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results = [];
try {
  for (const [id, [label, code]] of Object.entries(APPS)) {
    for (const [bundler, make] of /** @type {const} */ ([
      ['esbuild', buildEsbuild],
      ['Vite', buildVite],
    ])) {
      const dir = await make(id, code);
      const r = await download(browser, dir);
      if (r.title !== 'done:false') throw new Error(`${id} (${bundler}): the app did not run: ${r.title}`);
      results.push({ id, label, bundler, ...r });
    }
  }
} finally {
  await browser.close();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pkgFiles = readdirSync('dist')
  .filter((f) => /\.(mjs|cjs)$/.test(f) && !f.startsWith('node-') && !f.includes('.node.'))
  .sort();
const pkgRows = [
  ...pkgFiles.map((f) => `dist/${f}`),
  ...readdirSync('dist/wasm')
    .sort()
    .map((f) => `dist/wasm/${f}`),
].map((f) => {
  const b = readFileSync(f);
  const gz = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return `| ${f} | ${b.length.toLocaleString('en-US')} | ${gz.toLocaleString('en-US')} | ${br.toLocaleString('en-US')} |`;
});
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const md = [
  '# Bundle size',
  '',
  `What Chromium downloads for small apps built on pqsimd ${pkg.version}: \`node scripts/bundle-size.mjs\` on ${new Date().toISOString().slice(0, 10)}`,
  `(esbuild ${(await import('esbuild')).version}, Vite ${(await import('vite')).version}, production builds; served with gzip level 9 from 127.0.0.1; Debian Chromium headless).`,
  'Each app runs `await ready()` and one verify (the AEAD app: one encrypt and one decrypt); the download includes the one WebAssembly core Chromium picks (relaxed SIMD).',
  '',
  '| App | bundler | files fetched | downloaded (gzip) |',
  '| --- | --- | --- | ---: |',
  ...results.map((r) => `| ${r.label} | ${r.bundler} | ${r.files.map((f) => `${f.file.slice(1)} ${kb(f.gzip)}`).join(', ')} | **${kb(r.total)}** |`),
  '',
  "## The package's browser files",
  '',
  "ESM entry points share chunks; each family's WebAssembly core (relaxed, SIMD128, scalar) is a chunk of",
  'its own with the module inlined as base64, fetched by `import()` only when it is the core the engine runs.',
  '`dist/wasm/*.wasm` are the same modules as plain files. Bytes: raw, gzip -9, brotli -q 11.',
  '',
  '| File | raw | gzip | brotli |',
  '| --- | ---: | ---: | ---: |',
  ...pkgRows,
  '',
];
writeFileSync(opts.out, md.join('\n'));
if (opts.json) writeFileSync(opts.json, JSON.stringify({ limit: LIMIT, results }, null, 2));
console.log(md.join('\n'));
if (opts.check) {
  const bad = results.filter((r) => r.id === 'mldsa65-verify' && r.total > LIMIT);
  for (const r of bad) console.error(`bundle-size: the verify-only ML-DSA-65 app built with ${r.bundler} downloads ${r.total} B (> ${LIMIT})`);
  if (bad.length) process.exit(1);
}
