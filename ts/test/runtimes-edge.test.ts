// The packed package in the JavaScript runtimes besides Node, each the real binary from npm at a
// pinned version (scripts/setup-js-runtimes.sh puts them in build/runtimes):
//  - Cloudflare workerd: Workers bundled with esbuild the way wrangler does (conditions workerd,
//    worker, browser; .wasm imports become the config's compiled Wasm modules), served on
//    localhost and fetched. Also the failure the edge builds exist for ("Wasm code generation
//    disallowed by embedder" from the platform-neutral build), ready({ wasm }) with the modules
//    given by hand, and the edge-light build (its `x.wasm?module` imports, as Vercel asks).
//  - Deno: no permissions at all (WASM, and no prompt), --allow-ffi alone (still WASM: the addon's
//    loader needs --allow-read --allow-env too, and backendInfo() says so), and all three (native).
//  - Bun: the native addon through N-API, and WASM (PQSIMD_NO_NATIVE, PQSIMD_BACKEND).
// Each run verifies ML-DSA-65 and Falcon-512 signatures, signs deterministically, seals and opens
// XChaCha20-Poly1305 and runs BN254 ecPairing; the answers are checked against @noble's and
// go-ethereum's. PQSIMD_SKIP_RUNTIMES=1 skips this file (local work only: in CI a missing runtime
// fails it).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { falcon512 } from '@noble/post-quantum/falcon.js';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const SKIP = process.env.PQSIMD_SKIP_RUNTIMES === '1';
let dir = '';

function runtime(name: 'workerd' | 'deno' | 'bun'): string {
  const bin = join(root, 'build/runtimes', name, 'node_modules/.bin', name);
  if (!existsSync(bin)) {
    throw new Error(
      `${name} is not in build/runtimes: run \`bash scripts/setup-js-runtimes.sh\` (it installs the pinned ${name} from npm; build/runtimes/${name}/install.log says why it failed)`,
    );
  }
  return bin;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

// ---- what every runtime is asked, and the answers expected ---------------------------------------

interface PairingCase {
  Input: string;
  Expected: string;
  Name: string;
}
const pairings = (JSON.parse(readFileSync(join(root, 'vectors/bn254/go-ethereum/bn256Pairing.json'), 'utf8')) as PairingCase[]).filter((c) =>
  ['jeff1', 'jeff6', 'one_point', 'two_point_match_2', 'ten_point_match_1'].includes(c.Name),
);

const seed = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const msg = new TextEncoder().encode('pqsimd at the edge');
const mldsa = ml_dsa65.keygen(seed);
const mldsaSig = ml_dsa65.sign(msg, mldsa.secretKey, { extraEntropy: false }); // FIPS 204 deterministic (rnd = 0)
const falcon = falcon512.keygen(Uint8Array.from({ length: 48 }, (_, i) => i));
const falconSig = falcon512.sign(msg, falcon.secretKey);
const aead = { key: new Uint8Array(32).fill(9), nonce: Uint8Array.from({ length: 24 }, (_, i) => 100 + i), aad: new TextEncoder().encode('header') };
const sealed = xchacha20poly1305(aead.key, aead.nonce, aead.aad).encrypt(msg);

const QUERY = {
  seed: hex(seed),
  msg: hex(msg),
  mldsa: { pk: hex(mldsa.publicKey), sig: hex(mldsaSig) },
  falcon: { pk: hex(falcon.publicKey), sig: hex(falconSig) },
  aead: { key: hex(aead.key), nonce: hex(aead.nonce), aad: hex(aead.aad), sealed: hex(sealed) },
  pairing: pairings.map((c) => c.Input),
};

/** The checks, as the runtimes run them: a module of its own, bundled into the Workers and
 * imported by the Deno and Bun scripts. */
const CHECKS = `
import { backendInfo, falcon512, mlDsa65, ready } from 'pqsimd';
import { AeadError, xchacha20poly1305 } from 'pqsimd/aead';
import { evm } from 'pqsimd/bn254';
import { falcon512 as falcon512Subpath } from 'pqsimd/falcon';
import { mlDsa65 as mlDsa65Subpath } from 'pqsimd/ml-dsa';
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
const flip = (b) => { const c = b.slice(); c[c.length >> 1] ^= 1; return c; };
export async function checks(q, options = {}) {
  await ready(options);
  const msg = bytes(q.msg);
  const out = { info: backendInfo() };
  const mpk = bytes(q.mldsa.pk), msig = bytes(q.mldsa.sig);
  out.mldsaVerify = [mlDsa65.verify(mpk, msg, msig), mlDsa65.verify(mpk, msg, flip(msig))];
  const kp = mlDsa65.keygen(bytes(q.seed));
  out.mldsaPk = hex(kp.publicKey);
  out.mldsaSig = hex(mlDsa65.sign(kp.secretKey, msg, { deterministic: true }));
  const fpk = bytes(q.falcon.pk), fsig = bytes(q.falcon.sig);
  out.falconVerify = [falcon512.verify(fpk, msg, fsig), falcon512.verify(fpk, msg, flip(fsig))];
  // the family subpaths share the root's ready()
  out.subpaths = [mlDsa65Subpath.verify(mpk, msg, msig), falcon512Subpath.verify(fpk, msg, fsig)];
  const c = () => xchacha20poly1305(bytes(q.aead.key), bytes(q.aead.nonce), bytes(q.aead.aad));
  out.aeadSealed = hex(c().encrypt(msg));
  out.aeadOpened = hex(c().decrypt(bytes(q.aead.sealed)));
  try {
    c().decrypt(flip(bytes(q.aead.sealed)));
    out.aeadTampered = 'opened';
  } catch (e) {
    out.aeadTampered = e instanceof AeadError ? 'AeadError' : String(e);
  }
  out.pairing = q.pairing.map((p) => hex(evm.ecPairing(bytes(p))));
  return out;
}
`;

interface Answer {
  info: { backend: string; available: string[]; nativeError: string | null };
  error?: string;
  [k: string]: unknown;
}

function expectRight(a: Answer): void {
  expect(a.error).toBeUndefined();
  expect(a.mldsaVerify).toEqual([true, false]);
  expect(a.mldsaPk).toBe(hex(mldsa.publicKey));
  expect(a.mldsaSig).toBe(hex(mldsaSig));
  expect(a.falconVerify).toEqual([true, false]);
  expect(a.subpaths).toEqual([true, true]);
  expect(a.aeadSealed).toBe(hex(sealed));
  expect(a.aeadOpened).toBe(hex(msg));
  expect(a.aeadTampered).toBe('AeadError');
  expect(a.pairing).toEqual(pairings.map((c) => c.Expected));
  expect(pairings.map((c) => c.Expected.endsWith('1'))).toEqual([true, false, false, true, true]); // both verdicts covered
}

// ---- the packed package, installed in a fresh project ---------------------------------------------

beforeAll(() => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'pqsimd-edge-'));
  const run = (cmd: string, args: string[], cwd = dir) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], root);
  const tgz = readdirSync(dir).find((f) => /^pqsimd-.*\.tgz$/.test(f));
  if (!tgz) throw new Error('npm pack produced no tarball');
  // (the runtime dependency from this checkout's node_modules: the install is offline)
  const out = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, join(root, 'node_modules/node-gyp-build')], root);
  const dep = join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', dep, join(dir, tgz)]);
  writeFileSync(join(dir, 'checks.mjs'), CHECKS);
  writeFileSync(join(dir, 'query.mjs'), `export default ${JSON.stringify(QUERY)};\n`);
  writeFileSync(
    join(dir, 'main.mjs'),
    `import { checks } from './checks.mjs';
     import q from './query.mjs';
     try { console.log(JSON.stringify(await checks(q))); } catch (e) { console.log(JSON.stringify({ error: String(e?.message ?? e) })); }\n`,
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---- Cloudflare workerd -------------------------------------------------------------------------

/** esbuild as wrangler bundles a Worker: .wasm imports (the package's own, `x.wasm?module` ones and
 * `pqsimd/wasm/...` resolved through the package's exports) become the Worker's Wasm modules. */
function wasmModules(found: Set<string>): Plugin {
  return {
    name: 'workerd-wasm',
    setup(b) {
      b.onResolve({ filter: /\.wasm(\?module)?$/ }, async (args) => {
        if (args.pluginData === 'inner') return undefined;
        const spec = args.path.replace(/\?module$/, '');
        const r = await b.resolve(spec, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
        if (r.errors.length) return { errors: r.errors };
        found.add(r.path);
        return { path: `./${basename(r.path)}`, external: true };
      });
    },
  };
}

const WORKERS = {
  // the workerd export condition: works as it is
  workerd: { conditions: ['workerd', 'worker', 'browser'], prologue: 'const options = {};' },
  // the edge-light export condition (imports x.wasm?module)
  edgeLight: { conditions: ['edge-light', 'worker', 'browser'], prologue: 'const options = {};' },
  // the platform-neutral build, precompiled modules given by hand (SIMD128 cores only)
  given: {
    conditions: ['worker', 'browser'],
    prologue: `${['mldsa', 'falcon', 'aead', 'bn254'].map((f) => `import ${f} from 'pqsimd/wasm/${f}-simd.wasm';`).join('\n')}
      const options = { wasm: { mldsa: { simd: mldsa }, falcon: { simd: falcon }, aead: { simd: aead }, bn254: { simd: bn254 } } };`,
  },
  // the platform-neutral build as it is: the failure the edge builds exist for
  plain: { conditions: ['worker', 'browser'], prologue: 'const options = {};' },
} as const;
type WorkerName = keyof typeof WORKERS;

async function serveWorkers(): Promise<{ ports: Record<WorkerName, number>; stop: () => void }> {
  const wd = join(dir, 'workerd');
  mkdirSync(wd, { recursive: true });
  const services: string[] = [];
  const sockets: string[] = [];
  for (const [name, w] of Object.entries(WORKERS)) {
    writeFileSync(
      join(dir, `worker-${name}.mjs`),
      `import { checks } from './checks.mjs';
       ${w.prologue}
       export default {
         async fetch(request) {
           try {
             return Response.json(await checks(await request.json(), options));
           } catch (e) {
             return Response.json({ error: String(e?.message ?? e) });
           }
         },
       };\n`,
    );
    const found = new Set<string>();
    await build({
      entryPoints: [join(dir, `worker-${name}.mjs`)],
      absWorkingDir: dir,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['browser', 'module', 'main'],
      conditions: [...w.conditions],
      target: 'es2022',
      outfile: join(wd, `${name}.mjs`),
      plugins: [wasmModules(found)],
      logLevel: 'error',
    });
    const mods = [`(name = "${name}.mjs", esModule = embed "${name}.mjs")`];
    for (const f of found) {
      copyFileSync(f, join(wd, basename(f)));
      mods.push(`(name = "${basename(f)}", wasm = embed "${basename(f)}")`);
    }
    services.push(`(name = "${name}", worker = (modules = [${mods.join(', ')}], compatibilityDate = "2025-09-01"))`);
    sockets.push(`(name = "${name}", address = "127.0.0.1:0", http = (), service = "${name}")`);
  }
  writeFileSync(
    join(wd, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";\nconst config :Workerd.Config = (\n  services = [${services.join(',\n    ')}],\n  sockets = [${sockets.join(',\n    ')}],\n);\n`,
  );
  // port 0 everywhere: workerd writes each socket's port to the control fd (3) as JSON lines
  const child = spawn(runtime('workerd'), ['serve', 'config.capnp', '--control-fd=3'], { cwd: wd, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const ports = await new Promise<Record<WorkerName, number>>((res, rej) => {
    const got: Partial<Record<WorkerName, number>> = {};
    let buf = '';
    const timer = setTimeout(() => rej(new Error(`workerd did not listen within 30 s: ${stderr}`)), 30_000);
    child.on('exit', (code) => rej(new Error(`workerd exited (${code}): ${stderr}`)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      buf += d;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const ev = JSON.parse(buf.slice(0, nl)) as { event: string; socket: WorkerName; port: number };
        buf = buf.slice(nl + 1);
        if (ev.event === 'listen') got[ev.socket] = ev.port;
      }
      if (Object.keys(WORKERS).every((n) => got[n as WorkerName])) {
        clearTimeout(timer);
        res(got as Record<WorkerName, number>);
      }
    });
  });
  return { ports, stop: () => child.kill() };
}

describe.skipIf(SKIP)('Cloudflare workerd (npm workerd, pinned in scripts/setup-js-runtimes.sh)', () => {
  let served: Awaited<ReturnType<typeof serveWorkers>> | undefined;
  beforeAll(async () => {
    served = await serveWorkers();
  }, 60_000);
  afterAll(() => served?.stop());

  const ask = async (name: WorkerName): Promise<Answer> => {
    const r = await fetch(`http://127.0.0.1:${served!.ports[name]}/`, { method: 'POST', body: JSON.stringify(QUERY) });
    return (await r.json()) as Answer;
  };

  it('the workerd export condition: every family on WASM with the precompiled modules, relaxed SIMD picked', async () => {
    const a = await ask('workerd');
    expectRight(a);
    expect(a.info).toEqual({ backend: 'wasm-relaxed', available: ['wasm-relaxed', 'wasm-simd', 'wasm-scalar'], nativeError: null });
  });

  it('the edge-light export condition (x.wasm?module imports) works the same', async () => {
    const a = await ask('edgeLight');
    expectRight(a);
    expect(a.info.backend).toBe('wasm-relaxed');
  });

  it('ready({ wasm }) with modules given by hand runs the cores given (SIMD128 here)', async () => {
    const a = await ask('given');
    expectRight(a);
    expect(a.info.backend).toBe('wasm-simd');
  });

  it('the platform-neutral build fails as the platform says, and the error names the remedy', async () => {
    const a = await ask('plain');
    expect(a.error).toMatch(/Wasm code generation disallowed/);
    expect(a.error).toMatch(/Import pqsimd through its "workerd" or "edge-light" export condition/);
    expect(a.error).toMatch(/ready\(\{ wasm: \{ \w+: \{ scalar:/); // the last core tried
  });
});

// ---- Deno and Bun ---------------------------------------------------------------------------------

function runMain(cmd: string, args: string[], env: Record<string, string> = {}): Answer {
  const out = execFileSync(cmd, [...args, 'main.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // (no terminal: a permission prompt would fail, not wait)
    env: { PATH: process.env.PATH ?? '', HOME: dir, DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Answer;
}

const NATIVE = /^native-(avx512|avx2|portable|neon|neon-sha3)$/;

describe.skipIf(SKIP)('Deno (npm deno, pinned)', () => {
  it('no permissions at all: imports, runs on WASM, and says which permissions the native addon needs', () => {
    const a = runMain(runtime('deno'), ['run']);
    expectRight(a);
    expect(a.info.backend).toBe('wasm-relaxed');
    expect(a.info.nativeError).toBe('Deno: the native addon needs --allow-read --allow-env --allow-ffi (running on WebAssembly)');
  });

  it('on a terminal with no permissions, nothing prompts', () => {
    // (script(1) gives Deno a pseudo-terminal; a permission prompt would print "Deno requests ...")
    const out = execFileSync('script', ['-qec', `${runtime('deno')} run main.mjs`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: dir, DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      timeout: 20_000, // (a prompt waits for an answer: this fails by timing out)
    });
    expect(out).not.toMatch(/requests|Allow\?/);
    expectRight(JSON.parse(out.trim().split('\n').at(-1)!) as Answer);
  });

  it('--allow-ffi alone: still WASM, the addon loader needs --allow-read --allow-env too', () => {
    const a = runMain(runtime('deno'), ['run', '--allow-ffi']);
    expectRight(a);
    expect(a.info.backend).toBe('wasm-relaxed');
    expect(a.info.nativeError).toBe('Deno: the native addon needs --allow-read --allow-env (running on WebAssembly)');
  });

  it('--allow-read --allow-env --allow-ffi: the native addon (N-API)', () => {
    const a = runMain(runtime('deno'), ['run', '--allow-read', '--allow-env', '--allow-ffi']);
    expectRight(a);
    expect(a.info.backend).toMatch(NATIVE);
    expect(a.info.nativeError).toBeNull();
  });

  it('--allow-env=PQSIMD_BACKEND: the variable is read', () => {
    const a = runMain(runtime('deno'), ['run', '--allow-env=PQSIMD_BACKEND'], { PQSIMD_BACKEND: 'wasm-scalar' });
    expectRight(a);
    expect(a.info.backend).toBe('wasm-scalar');
  });
});

describe.skipIf(SKIP)('Bun (npm bun, pinned)', () => {
  it('the native addon through N-API', () => {
    const a = runMain(runtime('bun'), []);
    expectRight(a);
    expect(a.info.backend).toMatch(NATIVE);
    expect(a.info.nativeError).toBeNull();
  });

  it('WASM: PQSIMD_NO_NATIVE (best core), PQSIMD_BACKEND=wasm-simd and wasm-scalar', () => {
    const a = runMain(runtime('bun'), [], { PQSIMD_NO_NATIVE: '1' });
    expectRight(a);
    expect(a.info.backend).toBe(a.info.available[0]);
    expect(a.info.backend).toMatch(/^wasm-(relaxed|simd)$/);
    expect(a.info.nativeError).toBe('disabled by PQSIMD_NO_NATIVE');
    for (const b of ['wasm-simd', 'wasm-scalar']) {
      const w = runMain(runtime('bun'), [], { PQSIMD_BACKEND: b });
      expectRight(w);
      expect(w.info.backend).toBe(b);
    }
  });
});
