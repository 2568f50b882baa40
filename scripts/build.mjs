#!/usr/bin/env node
// Builds what is out of date: the WASM cores (clang-19), the Node addon (and on
// x86-64 Linux the arm64 one, cross-compiled), the JS bundles (esbuild: ESM +
// CommonJS + the CLI) and the .d.ts types (tsc).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const force = process.argv.includes('--force');

/**
 * The newest modification time of the files under `dir` that pass `filter`.
 * @param {string} dir
 * @param {(path: string) => boolean} [filter]
 * @returns {number}
 */
function newest(dir, filter = () => true) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, filter));
    else if (filter(p)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const stale = (outputs, inputTime) => force || outputs.some((o) => mtime(o) < inputTime);

// 0. Generated TypeScript from the C binding declaration and parameters (ts/src/gen)
const genTime = Math.max(
  mtime('native/common/binding/pq_binding.h'),
  newest('native/common', (p) => /params|falcon\.h|mldsa\.h/.test(p)),
  mtime('scripts/gen-binding.mjs'),
);
if (stale(['ts/src/gen/binding.ts', 'ts/src/gen/params.ts'], genTime)) {
  execFileSync(process.execPath, ['scripts/gen-binding.mjs'], { stdio: 'inherit' });
}

// 1. WASM: one module per family and core
const { bindingEntries } = await import('./gen-binding.mjs');
const families = [...new Set(bindingEntries().map((e) => e.family))];
const wasmOut = families.flatMap((f) => ['scalar', 'simd', 'relaxed'].map((c) => `build/wasm/${f}-${c}.wasm`));
const nativeTime = Math.max(
  newest('native', (p) => /\.(c|h|inc|S)$/.test(p)),
  mtime('scripts/build-wasm.sh'),
);
if (stale(wasmOut, nativeTime)) {
  execFileSync('bash', ['scripts/build-wasm.sh'], { stdio: 'inherit' });
}

// 1b. The Node addon's prebuilds (gcc + node-api-headers), in prebuildify's layout
// (prebuilds/<platform>-<arch>/pqsimd.napi[.glibc|.musl].node); without a compiler the package
// still works on WASM. On x86-64 Linux: linux-x64 glibc; with the tools scripts/setup.sh installs,
// also linux-x64 musl, linux-arm64 glibc and musl (gcc-aarch64-linux-gnu; musl headers from
// build/musl, scripts/setup-musl.sh) and win32-x64 (mingw-w64), tested by ts/test/musl.test.ts,
// ts/test/arm64.test.ts and ts/test/windows.test.ts.
const addonTime = Math.max(nativeTime, mtime('scripts/build-addon.sh'));
const has = (cmd) => {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
/** @type {[target: string, file: string][]} */
const addonTargets = [];
if (process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64')) {
  const a = process.arch;
  addonTargets.push([`linux-${a}-glibc`, `prebuilds/linux-${a}/pqsimd.napi.glibc.node`]);
  const muslDir = a === 'x64' ? 'build/musl/x64' : 'build/musl/arm64';
  if (existsSync(muslDir)) addonTargets.push([`linux-${a}-musl`, `prebuilds/linux-${a}/pqsimd.napi.musl.node`]);
  if (a === 'x64' && has('aarch64-linux-gnu-gcc')) {
    addonTargets.push(['linux-arm64-glibc', 'prebuilds/linux-arm64/pqsimd.napi.glibc.node']);
    if (existsSync('build/musl/arm64')) addonTargets.push(['linux-arm64-musl', 'prebuilds/linux-arm64/pqsimd.napi.musl.node']);
  }
  // Windows x64, cross-built with mingw-w64 (tested under wine by ts/test/windows.test.ts)
  if (a === 'x64' && has('x86_64-w64-mingw32-gcc')) addonTargets.push(['win32-x64', 'prebuilds/win32-x64/pqsimd.napi.node']);
}
for (const [target, file] of addonTargets) {
  if (!stale([file], addonTime)) continue;
  try {
    execFileSync('bash', ['scripts/build-addon.sh', target], { stdio: 'inherit' });
  } catch {
    rmSync(file, { force: true }); // never leave a stale addon behind
    console.warn(
      `warning: the ${target} addon did not build; ${target.startsWith(`${process.platform}-${process.arch}`) ? 'the package falls back to WASM' : 'it is left out'}`,
    );
  }
}
// Linux prebuilds under the old name (pqsimd.napi.node, before the libc tags): stale, never shipped
for (const dir of existsSync('prebuilds') ? readdirSync('prebuilds') : []) {
  if (dir.startsWith('linux-')) rmSync(join('prebuilds', dir, 'pqsimd.napi.node'), { force: true });
}

// 2. JS bundles. ESM: one build per platform with code splitting, so the entry points (root,
// pqsimd/ml-dsa, pqsimd/falcon, pqsimd/aead, pqsimd/bn254, the pool worker) share one registry and
// each family's WASM core is a chunk of its own, loaded by dynamic import() only when it runs.
// CommonJS: one bundle per entry point (no splitting in CommonJS; the WASM cores are inlined).
const tsTime = Math.max(
  newest('ts/src'),
  newest('bench'),
  mtime('scripts/build.mjs'),
  mtime('tsconfig.cli.json'),
  ...wasmOut.map(mtime),
  mtime('package.json'),
);
const ENTRIES = {
  index: 'ts/src/index.ts',
  'ml-dsa': 'ts/src/ml-dsa/index.ts',
  falcon: 'ts/src/falcon/index.ts',
  aead: 'ts/src/aead/index.ts',
  bn254: 'ts/src/bn254/index.ts',
};
const NODE_ENTRIES = {
  'index.node': 'ts/src/index.node.ts',
  'ml-dsa.node': 'ts/src/ml-dsa/index.node.ts',
  'falcon.node': 'ts/src/falcon/index.node.ts',
  'aead.node': 'ts/src/aead/index.node.ts',
  'bn254.node': 'ts/src/bn254/index.node.ts',
};
// The edge runtimes' export conditions (Cloudflare workerd, Vercel edge-light) and the suffix of
// their .wasm imports (Vercel asks for `x.wasm?module`; wrangler and workerd take `x.wasm`).
const EDGE = { workerd: '', 'edge-light': '?module' };
const jsOut = [
  ...Object.keys(ENTRIES).flatMap((e) => [`dist/${e}.mjs`, `dist/${e}.cjs`]),
  ...Object.keys(ENTRIES).flatMap((e) => Object.keys(EDGE).map((c) => `dist/${e}.${c}.mjs`)),
  ...Object.keys(NODE_ENTRIES).flatMap((e) => [`dist/${e}.mjs`, `dist/${e}.cjs`]),
  'dist/cli.mjs',
  'dist/types/index.d.ts',
  'dist/types/index.d.cts',
  'dist/pool-worker.mjs',
  'dist/pool-worker.node.mjs',
];
if (stale(jsOut, tsTime)) {
  const { build } = await import('esbuild');
  rmSync('dist', { recursive: true, force: true });
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    loader: { '.wasm': 'binary' },
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    define: { __PQSIMD_VERSION__: JSON.stringify(version) },
  };
  /** @type {import('esbuild').BuildOptions} */
  const esm = { ...common, format: 'esm', splitting: true, outdir: 'dist', outExtension: { '.js': '.mjs' }, entryNames: '[name]' };
  await build({ ...esm, platform: 'neutral', entryPoints: { ...ENTRIES, 'pool-worker': 'ts/src/pool-worker.ts' }, chunkNames: '[name]-[hash]' });
  // Edge runtimes forbid compiling WASM at run time ("Wasm code generation disallowed by
  // embedder"): there each family's core chunk imports its .wasm file as a module, which the
  // platform compiles at deploy time, instead of holding its bytes.
  for (const [condition, suffix] of Object.entries(EDGE)) {
    await build({
      ...esm,
      platform: 'neutral',
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [`${name}.${condition}`, entry])),
      chunkNames: `${condition}-[name]-[hash]`,
      plugins: [
        {
          name: 'wasm-as-module',
          setup(b) {
            b.onResolve({ filter: /\.wasm$/ }, (args) => ({ path: `./wasm/${basename(args.path)}${suffix}`, external: true }));
          },
        },
      ],
    });
  }
  await build({
    ...esm,
    platform: 'node',
    entryPoints: { ...NODE_ENTRIES, 'pool-worker.node': 'ts/src/pool-worker.node.ts' },
    chunkNames: 'node-[name]-[hash]',
    external: ['node-gyp-build'],
  });
  for (const [name, entry] of Object.entries(ENTRIES)) {
    // (CommonJS has no import.meta: VerifyPool there needs its workerUrl option.)
    await build({
      ...common,
      entryPoints: [entry],
      format: 'cjs',
      platform: 'neutral',
      outfile: `dist/${name}.cjs`,
      define: { ...common.define, 'import.meta.url': 'undefined' },
    });
  }
  for (const [name, entry] of Object.entries(NODE_ENTRIES)) {
    await build({
      ...common,
      entryPoints: [entry],
      format: 'cjs',
      platform: 'node',
      external: ['node-gyp-build'],
      outfile: `dist/${name}.cjs`,
      define: { ...common.define, 'import.meta.url': '__pqsimd_module_url' },
      banner: { js: "const __pqsimd_module_url = require('node:url').pathToFileURL(__filename).href;" },
    });
  }
  await build({
    ...common,
    entryPoints: ['ts/src/cli/main.ts'], // the CLI (one file per command) and the benchmark core in bench/
    format: 'esm',
    platform: 'node',
    outfile: 'dist/cli.mjs',
    // the comparators are imported lazily: the CLI runs without them (their columns are skipped)
    external: [
      '@noble/post-quantum',
      '@noble/post-quantum/*',
      '@noble/ciphers',
      '@noble/ciphers/*',
      '@noble/curves',
      '@noble/curves/*',
      'libsodium-wrappers',
      'node-gyp-build',
    ],
    banner: { js: '#!/usr/bin/env node' },
  });
  // Types: tsc emits declarations (build/types, the ts/src tree); each .d.ts gets a .d.cts twin
  // whose relative imports name .cjs files, for the CommonJS entry points.
  rmSync('build/types', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
  // The CLI and the benchmark core (outside ts/src's rootDir): type-checked only, nothing emitted.
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
  for (const rel of readdirSync('build/types', { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.d.ts') || /^cli[./]/.test(rel) || rel.startsWith('pool-worker') || rel === 'pool-node.d.ts' || /wasm-\w+\.d\.ts$/.test(rel)) continue;
    const src = readFileSync(join('build/types', rel), 'utf8');
    const out = join('dist/types', rel);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, src);
    // (both `from './x.js'` and the inline `import("./x.js").T` tsc writes for inferred types: under
    // node16 resolution an ESM .d.ts reached from a .d.cts is an error, TS1542)
    writeFileSync(out.replace(/\.d\.ts$/, '.d.cts'), src.replace(/((?:from\s+|import\()['"]\.\.?\/[^'"]+)\.js(['"])/g, '$1.cjs$2'));
  }
  // Declarations next to each entry file too (dist/index.node.d.mts, ...), for imports by path.
  const typesOf = {
    index: 'index',
    'index.node': 'index.node',
    'ml-dsa': 'ml-dsa/index',
    'ml-dsa.node': 'ml-dsa/index.node',
    falcon: 'falcon/index',
    'falcon.node': 'falcon/index.node',
    aead: 'aead/index',
    'aead.node': 'aead/index.node',
    bn254: 'bn254/index',
    'bn254.node': 'bn254/index.node',
  };
  for (const [entry, types] of Object.entries(typesOf)) {
    writeFileSync(`dist/${entry}.d.mts`, `export * from './types/${types}.js';\n`);
    writeFileSync(`dist/${entry}.d.cts`, `export * from './types/${types}.cjs';\n`);
  }
  for (const [entry, types] of Object.entries(typesOf)) {
    if (entry.endsWith('.node')) continue;
    for (const condition of Object.keys(EDGE)) writeFileSync(`dist/${entry}.${condition}.d.mts`, `export * from './types/${types}.js';\n`);
  }
  // pqsimd/pool-worker: a worker entry point, nothing to import (VerifyPoolOptions.createWorker)
  writeFileSync(
    'dist/types/pool-worker.d.ts',
    "// The VerifyPool worker (run it with new Worker(new URL('pqsimd/pool-worker', import.meta.url), { type: 'module' })): it exports nothing.\nexport {};\n",
  );
  // The pool worker (pqsimd/pool-worker) exports nothing: a declaration next to each file, so a
  // typed side-effect import of the subpath resolves (TypeScript's noUncheckedSideEffectImports).
  for (const f of ['pool-worker', 'pool-worker.node']) writeFileSync(`dist/${f}.d.mts`, 'export {};\n');
  mkdirSync('dist/wasm', { recursive: true });
  for (const w of wasmOut) copyFileSync(w, join('dist/wasm', basename(w)));
  console.log('built dist/ (ESM with chunks, CommonJS, cli.mjs, types/, wasm/)');
}
