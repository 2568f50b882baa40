#!/usr/bin/env node
// Builds what is out of date: the WASM cores (clang-19), the Node addon (and on
// x86-64 Linux the arm64 one, cross-compiled), the JS bundles (esbuild: ESM +
// CommonJS + the CLI) and the .d.ts types (tsc).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const force = process.argv.includes('--force');

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

// 1. WASM
const wasmOut = ['build/wasm/pqsimd-scalar.wasm', 'build/wasm/pqsimd-simd.wasm', 'build/wasm/pqsimd-relaxed.wasm'];
const nativeTime = Math.max(newest('native', (p) => /\.(c|h|inc|S)$/.test(p)), mtime('scripts/build-wasm.sh'));
if (stale(wasmOut, nativeTime)) {
  execFileSync('bash', ['scripts/build-wasm.sh'], { stdio: 'inherit' });
}

// 1b. The Node addon (gcc + node-api-headers); without a compiler the package still works on WASM.
const addonOut = [`prebuilds/${process.platform}-${process.arch}/pqsimd.napi.node`];
const addonTime = Math.max(nativeTime, mtime('scripts/build-addon.sh'));
if (stale(addonOut, addonTime)) {
  try {
    execFileSync('bash', ['scripts/build-addon.sh'], { stdio: 'inherit' });
  } catch {
    rmSync(addonOut[0], { force: true }); // never leave a stale addon behind
    console.warn('warning: the native addon did not build; the package falls back to WASM');
  }
}

// 1c. The arm64 prebuild, cross-compiled on x86-64 Linux when gcc-aarch64-linux-gnu is there
// (scripts/setup.sh installs it); tested under qemu by ts/test/arm64.test.ts.
const hasCross = (() => {
  try {
    execFileSync('aarch64-linux-gnu-gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (process.platform === 'linux' && process.arch === 'x64' && hasCross) {
  const arm64Out = ['prebuilds/linux-arm64/pqsimd.napi.node'];
  if (stale(arm64Out, addonTime)) {
    try {
      execFileSync('bash', ['scripts/build-addon.sh', 'arm64'], { stdio: 'inherit' });
    } catch {
      rmSync(arm64Out[0], { force: true });
      console.warn('warning: the arm64 addon did not cross-build');
    }
  }
}

// 2. JS bundles
const tsTime = Math.max(newest('ts/src'), newest('bench'), mtime('scripts/build.mjs'), mtime('tsconfig.cli.json'), ...wasmOut.map(mtime), mtime('package.json'));
const jsOut = ['dist/index.mjs', 'dist/index.cjs', 'dist/index.node.mjs', 'dist/index.node.cjs', 'dist/cli.mjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/pool-worker.mjs', 'dist/pool-worker.node.mjs'];
if (stale(jsOut, tsTime)) {
  const { build } = await import('esbuild');
  rmSync('dist', { recursive: true, force: true });
  const common = {
    bundle: true,
    loader: { '.wasm': 'binary' },
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: ['ts/src/index.ts'], format: 'esm', platform: 'neutral', outfile: 'dist/index.mjs' });
  // (CommonJS has no import.meta: VerifyPool there needs its workerUrl option.)
  await build({ ...common, entryPoints: ['ts/src/index.ts'], format: 'cjs', platform: 'neutral', outfile: 'dist/index.cjs', define: { 'import.meta.url': 'undefined' } });
  // Node entry points: the same plus the native addon's backends.
  const nodeCommon = { ...common, entryPoints: ['ts/src/index.node.ts'], platform: 'node', external: ['node-gyp-build'] };
  await build({ ...nodeCommon, format: 'esm', outfile: 'dist/index.node.mjs' });
  await build({
    ...nodeCommon,
    format: 'cjs',
    outfile: 'dist/index.node.cjs',
    define: { 'import.meta.url': '__pqsimd_module_url' },
    banner: { js: "const __pqsimd_module_url = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    ...common,
    entryPoints: ['ts/src/cli/main.ts'], // the CLI (one file per command) and the benchmark core in bench/
    format: 'esm',
    platform: 'node',
    outfile: 'dist/cli.mjs',
    external: ['@noble/post-quantum', '@noble/post-quantum/*', 'node-gyp-build'],
    banner: { js: '#!/usr/bin/env node' },
  });
  // VerifyPool workers: small ESM entries that import the package entry next to them
  // (./index.mjs in browsers, ./index.node.mjs in Node) instead of bundling a second copy.
  const siblingEntry = (file) => ({
    name: 'pqsimd-sibling-entry',
    setup(b) {
      b.onResolve({ filter: /^\.\/index(\.node)?\.js$/ }, (a) => (/pool-worker[^/]*\.ts$/.test(a.importer) ? { path: file, external: true } : undefined));
    },
  });
  await build({ ...common, entryPoints: ['ts/src/pool-worker.ts'], format: 'esm', platform: 'neutral', outfile: 'dist/pool-worker.mjs', plugins: [siblingEntry('./index.mjs')] });
  await build({ ...common, entryPoints: ['ts/src/pool-worker.node.ts'], format: 'esm', platform: 'node', outfile: 'dist/pool-worker.node.mjs', plugins: [siblingEntry('./index.node.mjs')] });
  // Types: tsc emits declarations; the CommonJS entry gets .d.cts twins.
  rmSync('build/types', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
  // The CLI and the benchmark core (outside ts/src's rootDir): type-checked only, nothing emitted.
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
  for (const f of readdirSync('build/types')) {
    if (!f.endsWith('.d.ts') || f === 'cli.d.ts' || f === 'index.node.d.ts' || f.startsWith('pool-worker') || f === 'pool-node.d.ts') continue;
    const src = readFileSync(join('build/types', f), 'utf8');
    writeFileSync(join('dist', f), src);
    writeFileSync(join('dist', f.replace(/\.d\.ts$/, '.d.cts')), src.replace(/(from\s+['"]\.\/[^'"]+)\.js(['"])/g, '$1.cjs$2'));
  }
  copyFileSync('ts/src/wasm-modules.d.ts', 'dist/wasm-modules.d.ts');
  mkdirSync('dist/wasm', { recursive: true });
  for (const w of wasmOut) copyFileSync(w, join('dist/wasm', w.split('/').pop()));
  console.log('built dist/ (index.mjs, index.cjs, cli.mjs, types, wasm/)');
}
