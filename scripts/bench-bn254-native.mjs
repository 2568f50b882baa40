#!/usr/bin/env node
// pqsimd's native BN254 next to the native anchors of issue 14, in one run on one machine:
// gnark-crypto (Go module, ecc/bn254) and arkworks (ark-bn254 + ark-ec + ark-ff crates), built
// here from our own small programs (bench/anchors/gnark/main.go, bench/anchors/arkworks/main.rs)
// under build/anchors (cached; never committed), and pqsimd's C core built with each x86-64 core's
// flags (native/test/bench_bn254_anchors.c), plus the addon through Node when dist/ is built.
//
//   node scripts/bench-bn254-native.mjs [--rounds 3] [--ms 25] [--samples 7]
//       [--only gnark,arkworks,pq-avx512,pq-avx2,pq-portable,addon-avx512,addon-avx2]
//       [--rebuild] [--out FILE.md]                  (npm run bench:bn254-native)
//
// Every program reads the same inputs (build/anchors/inputs.txt: field values, a 256-bit scalar,
// 4 G1 and 4 G2 points whose pairings cancel in pairs, made with @noble/curves from a fixed seed)
// and prints its results, which are checked against @noble/curves before any time counts. The
// implementations alternate in rounds (gnark, arkworks, pqsimd, ... then again); each time is the
// median ns per operation of --samples loops of about --ms each, and the table shows the median
// over the rounds. A column whose toolchain (go, cargo, gcc) or registry (the Go module proxy,
// crates.io) is unavailable is left out with the reason. Run it under the bench lock:
//   flock /tmp/pqsimd-bench.lock node scripts/bench-bn254-native.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bn254 } from '@noble/curves/bn254.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build', 'anchors');
const GNARK_VERSION = 'v0.22.0'; // the newest the Go module proxy serves that builds with Go 1.26
const ARK_VERSION = '0.5';
const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    ms: { type: 'string', default: '25' },
    samples: { type: 'string', default: '7' },
    only: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const rounds = Number(opts.rounds);
const ms = Number(opts.ms);
const samples = Number(opts.samples);
if (!(rounds >= 1 && ms > 0 && samples >= 1)) throw new Error('--rounds, --ms and --samples must be positive');
mkdirSync(OUT, { recursive: true });
const log = (/** @type {string} */ s) => console.error(`bench-bn254-native: ${s}`);

/** The operations, in table order: [id, label, unit divisor (1 = ns, 1000 = µs), unit]. */
const OPS = /** @type {const} */ ([
  ['fp_mul', 'Fp mul (dependent chain)', 1, 'ns'],
  ['fp2_mul', 'Fp2 mul (dependent chain)', 1, 'ns'],
  ['g1_add', 'G1 add (Jacobian + Jacobian)', 1, 'ns'],
  ['g1_mul', 'G1 scalar mul (256-bit scalar, GLV)', 1000, 'µs'],
  ['pairing', 'pairing e(P, Q)', 1000, 'µs'],
  ['check2', 'PairingCheck, 2 pairs (decoded points)', 1000, 'µs'],
  ['check4', 'PairingCheck, 4 pairs (decoded points)', 1000, 'µs'],
  ['ecpairing2', 'ecPairing, 2 pairs (bytes in, all checks)', 1000, 'µs'],
  ['ecpairing4', 'ecPairing, 4 pairs (bytes in, all checks)', 1000, 'µs'],
]);

// ---- inputs and the expected results (@noble/curves) ------------------------------------------

const { Fp, Fp2, Fr } = bn254.fields;
const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
let ctr = 0;
/** Deterministic random numbers below m (SHA-256 of a counter): the same inputs every run. */
const randBelow = (/** @type {bigint} */ m) => {
  const h = createHash('sha256').update(`pqsimd bn254 anchors ${ctr++}`).digest('hex');
  return (BigInt(`0x${h}`) % (m - 1n)) + 1n;
};
const be = (/** @type {bigint} */ n) => n.toString(16).padStart(64, '0');
/** @param {import('@noble/curves/abstract/weierstrass.js').WeierstrassPoint<bigint>} pt */
const g1hex = (pt) => be(pt.toAffine().x) + be(pt.toAffine().y);
/** @param {import('@noble/curves/abstract/weierstrass.js').WeierstrassPoint<import('@noble/curves/abstract/tower.js').Fp2>} pt */
const g2hex = (pt) => {
  const { x, y } = pt.toAffine();
  return be(x.c1) + be(x.c0) + be(y.c1) + be(y.c0);
};

function makeInputs() {
  const P = Fp.ORDER;
  const R = Fr.ORDER;
  const fa = randBelow(P);
  const fb = randBelow(P);
  const xa = Fp2.fromBigTuple([randBelow(P), randBelow(P)]);
  const xb = Fp2.fromBigTuple([randBelow(P), randBelow(P)]);
  // the full 256-bit range, as ecMul takes it (each implementation reduces it mod r)
  const scalar = randBelow(1n << 256n);
  // e([a]G1, [b]G2) e(-[b]G1, [a]G2) = 1, twice: the checks of 2 and 4 pairs hold
  const g1 = [];
  const g2 = [];
  for (let i = 0; i < 2; i++) {
    const a = randBelow(R);
    const b = randBelow(R);
    g1.push(G1.BASE.multiply(a), G1.BASE.multiply(b).negate());
    g2.push(G2.BASE.multiply(b), G2.BASE.multiply(a));
  }
  const pairs = g1.map((p, i) => g1hex(p) + g2hex(/** @type {any} */ (g2[i])));
  const lines = {
    fp_a: be(fa),
    fp_b: be(fb),
    fp2_a: be(xa.c0) + be(xa.c1),
    fp2_b: be(xb.c0) + be(xb.c1),
    scalar: be(scalar),
    ...Object.fromEntries(g1.map((p, i) => [`g1_${i}`, g1hex(p)])),
    ...Object.fromEntries(g2.map((q, i) => [`g2_${i}`, g2hex(q)])),
    pairing2: pairs.slice(0, 2).join(''),
    pairing4: pairs.join(''),
  };
  const x = Fp2.mul(xa, xb);
  const p0 = /** @type {any} */ (g1[0]);
  const p1 = /** @type {any} */ (g1[1]);
  const expected = {
    fp_mul: be(Fp.mul(fa, fb)),
    fp2_mul: be(x.c0) + be(x.c1),
    g1_mul: g1hex(p0.multiply(scalar % R)),
    g1_add: g1hex(p0.add(p1.double())),
    check2: '01',
    check4: '01',
    check_swapped: '00',
    ecpairing2: '01',
    ecpairing4: '01',
  };
  const file = join(OUT, 'inputs.txt');
  writeFileSync(
    file,
    `${Object.entries(lines)
      .map(([k, v]) => `${k} ${v}`)
      .join('\n')}\n`,
  );
  return { file, expected };
}

// ---- builds (cached under build/anchors) -------------------------------------------------------

const mtime = (/** @type {string} */ f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
/** True when `out` exists and is newer than every one of `inputs`. */
const fresh = (/** @type {string} */ out, /** @type {string[]} */ inputs) => !opts.rebuild && existsSync(out) && inputs.every((f) => mtime(f) < mtime(out));
/** The path of a tool: PATH first, then the usual install places. */
function tool(/** @type {string} */ name, /** @type {string[]} */ places) {
  for (const p of [name, ...places]) {
    const r = spawnSync(p, ['version'], { stdio: 'ignore' });
    if (!r.error) return p;
  }
  return undefined;
}
/** Runs a build step; its output goes to stderr only when it fails (then it throws). */
function step(/** @type {string} */ cmd, /** @type {string[]} */ args, /** @type {import('node:child_process').SpawnSyncOptions} */ o = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...o, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n')}`);
  }
  return String(r.stdout);
}

/** @typedef {{ name: string, note: string, run: () => string }} Impl */

/** @returns {Impl} */
function buildGnark() {
  const go = tool('go', ['/usr/local/go/bin/go']);
  if (!go) throw new Error('no Go toolchain (go) on this machine');
  const dir = join(OUT, 'gnark');
  mkdirSync(dir, { recursive: true });
  const src = join(ROOT, 'bench/anchors/gnark/main.go');
  const bin = join(dir, 'anchor-gnark');
  const env = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' };
  if (!fresh(bin, [src, fileURLToPath(import.meta.url)])) {
    log(`building the gnark-crypto ${GNARK_VERSION} program (Go module proxy) ...`);
    copyFileSync(src, join(dir, 'main.go'));
    writeFileSync(join(dir, 'go.mod'), `module pqsimd.local/anchor-gnark\n\ngo 1.26\n\nrequire github.com/consensys/gnark-crypto ${GNARK_VERSION}\n`);
    try {
      step(go, ['mod', 'tidy'], { cwd: dir, env });
    } catch (e) {
      throw new Error(`the Go module proxy did not give gnark-crypto ${GNARK_VERSION}: ${/** @type {Error} */ (e).message}`);
    }
    step(go, ['build', '-trimpath', '-o', bin, '.'], { cwd: dir, env });
  }
  const version = step(go, ['version']).trim().split(' ')[2];
  return { name: 'gnark', note: `gnark-crypto ${GNARK_VERSION} (${version}; its own amd64 assembly, ADX dispatched at run time)`, run: () => bin };
}

/** @returns {Impl} */
function buildArkworks() {
  const home = process.env.HOME ?? '/root';
  const cargo = tool('cargo', [join(home, '.cargo/bin/cargo')]);
  if (!cargo) throw new Error('no Rust toolchain (cargo) on this machine');
  const dir = join(OUT, 'arkworks');
  mkdirSync(join(dir, 'src'), { recursive: true });
  const src = join(ROOT, 'bench/anchors/arkworks/main.rs');
  const bin = join(dir, 'target/release/anchor-arkworks');
  if (!fresh(bin, [src, fileURLToPath(import.meta.url)])) {
    log(`building the arkworks ${ARK_VERSION} program (crates.io; the first build takes about a minute) ...`);
    copyFileSync(src, join(dir, 'src/main.rs'));
    // the asm feature and target-cpu=native: arkworks' fastest Fp multiplication (mulx/adx)
    writeFileSync(
      join(dir, 'Cargo.toml'),
      `[package]\nname = "anchor-arkworks"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n` +
        `ark-bn254 = "${ARK_VERSION}"\nark-ec = "${ARK_VERSION}"\nark-ff = { version = "${ARK_VERSION}", features = ["asm"] }\n\n` +
        `[profile.release]\nopt-level = 3\ncodegen-units = 1\nlto = "thin"\n`,
    );
    try {
      step(cargo, ['build', '--release', '--quiet'], { cwd: dir, env: { ...process.env, RUSTFLAGS: '-C target-cpu=native' } });
    } catch (e) {
      throw new Error(`cargo could not build the arkworks program (crates.io unreachable?): ${/** @type {Error} */ (e).message}`);
    }
  }
  const lock = existsSync(join(dir, 'Cargo.lock')) ? readFileSync(join(dir, 'Cargo.lock'), 'utf8') : '';
  const ver = /name = "ark-bn254"\nversion = "([^"]+)"/.exec(lock)?.[1] ?? ARK_VERSION;
  const rustc = step(cargo.replace(/cargo$/, 'rustc'), ['--version'])
    .trim()
    .split(' ')[1];
  return { name: 'arkworks', note: `ark-bn254 ${ver} (rustc ${rustc}, ark-ff asm feature, target-cpu=native)`, run: () => bin };
}

const CPU = readFileSync('/proc/cpuinfo', 'utf8');
const cpuHas = (/** @type {string[]} */ flags) => flags.every((f) => new RegExp(`^flags\\s*:.*\\b${f}\\b`, 'm').test(CPU));
/** pqsimd's cores as scripts/build-addon.sh compiles them (x86-64). */
const CORES = {
  avx512: {
    need: ['avx2', 'bmi2', 'adx', 'avx512f', 'avx512vl'],
    flags: ['-mavx2', '-mbmi', '-mbmi2', '-madx', '-mavx512f', '-mavx512vl', '-DPQ_TARGET_X86_AVX2'],
  },
  avx2: { need: ['avx2', 'bmi2'], flags: ['-mavx2', '-mbmi', '-mbmi2', '-DPQ_TARGET_X86_AVX2'] },
  portable: { need: [], flags: [] },
};

/** @returns {Impl} */
function buildPq(/** @type {keyof typeof CORES} */ core) {
  if (process.arch !== 'x64') throw new Error('the cores here are the x86-64 ones');
  const c = CORES[core];
  if (!cpuHas(c.need)) throw new Error(`this CPU lacks ${c.need.join(', ')}`);
  const cc = process.env.CC ?? 'gcc';
  const list = (/** @type {string} */ d, /** @type {RegExp} */ re) =>
    readdirSync(join(ROOT, d))
      .filter((f) => re.test(f))
      .map((f) => join(ROOT, d, f));
  // the family's sources only (the binding's entry table is not needed), and the x86-64 kernels
  const srcs = [...list('native/common/bn254', /^(?!bn254_binding)\w+\.c$/), ...(c.flags.length ? list('native/x86_64', /^bn254\w*\.c$/) : [])];
  const headers = [...list('native/common/bn254', /\.(h|inc)$/), ...list('native/x86_64', /\.h$/)];
  const main = join(ROOT, 'native/test/bench_bn254_anchors.c');
  const bin = join(OUT, `pq-${core}`);
  if (!fresh(bin, [main, ...srcs, ...headers])) {
    log(`building pqsimd's ${core} core ...`);
    step(cc, ['-std=c11', '-O3', '-Wall', '-Wextra', `-I${join(ROOT, 'native/common')}`, ...c.flags, main, ...srcs, '-o', bin]);
  }
  return { name: `pq-${core}`, note: `pqsimd C core, ${core} (${cc} -O3, the addon's flags)`, run: () => bin };
}

// ---- running and checking ----------------------------------------------------------------------

const OP_LIST = OPS.map((o) => o[0]).join(',');
/** One run of a built program: its results (checked) and times (ns per operation). */
function runProgram(/** @type {Impl} */ impl, /** @type {string} */ inputs, /** @type {Record<string, string>} */ expected) {
  const bin = impl.run();
  const args =
    impl.name === 'gnark'
      ? ['-ms', String(ms), '-samples', String(samples), '-ops', OP_LIST, inputs]
      : impl.name === 'arkworks'
        ? [inputs, '--ms', String(ms), '--samples', String(samples), '--ops', OP_LIST]
        : [inputs, String(ms), String(samples), OP_LIST];
  const out = execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 });
  /** @type {Record<string, number>} */
  const times = {};
  const seen = new Set();
  for (const line of out.split('\n')) {
    const [kind, name, value] = line.split(' ');
    if (kind === 'result' && name && value !== undefined) {
      if (expected[name] !== value) throw new Error(`${impl.name}: result ${name} = ${value}, @noble/curves says ${expected[name]}`);
      seen.add(name);
    } else if (kind === 'time' && name) times[name] = Number(value);
  }
  for (const name of Object.keys(expected)) if (!seen.has(name)) throw new Error(`${impl.name}: no result ${name}`);
  return times;
}

const median = (/** @type {number[]} */ a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** The addon's BN254 through Node (dist/ from node scripts/build.mjs), on what it exposes. */
async function addonImpls(/** @type {string[]} */ wanted, /** @type {Record<string, string>} */ lines) {
  const entry = join(ROOT, 'dist/bn254.node.mjs');
  if (!existsSync(entry)) throw new Error('no dist/bn254.node.mjs (run node scripts/build.mjs first)');
  const mod = await import(pathToFileURL(entry).href);
  // the bench hook's ids: the order of the enum in native/common/shared/pq_bench.h
  const enumText = /enum\s*\{([\s\S]*?)\};/.exec(readFileSync(join(ROOT, 'native/common/shared/pq_bench.h'), 'utf8'))?.[1] ?? '';
  const ids = enumText
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const id = (/** @type {string} */ n) => {
    const i = ids.indexOf(`PQ_BENCH_BN254_${n}`);
    if (i < 0) throw new Error(`no PQ_BENCH_BN254_${n} in pq_bench.h`);
    return i;
  };
  const hex = (/** @type {string} */ h) => Uint8Array.from(Buffer.from(h, 'hex'));
  const in2 = hex(/** @type {string} */ (lines.pairing2));
  const in4 = hex(/** @type {string} */ (lines.pairing4));
  /** @type {Impl[]} */
  const out = [];
  for (const core of wanted) {
    const be = await mod.loadBackend(`native-${core}`).catch(() => undefined);
    if (!be || be.name !== `native-${core}`) {
      log(`addon-${core} left out: the addon has no native-${core} backend on this machine`);
      continue;
    }
    for (const input of [in2, in4]) if (be.evm.ecPairing(input)[31] !== 1) throw new Error(`addon-${core}: ecPairing gave 0`);
    /** @type {Record<string, (n: number) => void>} */
    const bodies = {
      fp_mul: (n) => be.bench(id('FP_MUL'), n),
      fp2_mul: (n) => be.bench(id('FP2_MUL'), n),
      pairing: (n) => be.bench(id('PAIRING'), n),
      ecpairing2: (n) => {
        for (let i = 0; i < n; i++) be.evm.ecPairing(in2);
      },
      ecpairing4: (n) => {
        for (let i = 0; i < n; i++) be.evm.ecPairing(in4);
      },
    };
    out.push({
      name: `addon-${core}`,
      note: `the N-API addon's native-${core} backend through Node ${process.version}: Fp/Fp2 mul and the pairing by its bench hook (a loop inside one call), ecPairing by evm.ecPairing`,
      run: () => {
        const lines = [];
        for (const [op, body] of Object.entries(bodies)) lines.push(`time ${op} ${measureJs(body)}`);
        return lines.join('\n');
      },
    });
  }
  return out;
}

/** The programs' method in JS: median ns per operation of `samples` loops of about `ms` each. */
function measureJs(/** @type {(n: number) => void} */ body) {
  const target = ms * 1e6;
  const now = () => Number(process.hrtime.bigint());
  let n = 1;
  for (;;) {
    const t0 = now();
    body(n);
    const dt = now() - t0;
    if (dt >= target / 4 || n >= 2 ** 30) {
      if (dt > 0) n = Math.floor((n * target) / dt) + 1;
      break;
    }
    n *= 4;
  }
  const per = [];
  for (let s = 0; s < samples; s++) {
    const t0 = now();
    body(n);
    per.push((now() - t0) / n);
  }
  return median(per);
}

// ---- main --------------------------------------------------------------------------------------

const ALL = ['gnark', 'arkworks', 'pq-avx512', 'pq-avx2', 'addon-avx512', 'addon-avx2'];
const wanted = opts.only ? opts.only.split(',') : ALL;
for (const w of wanted) if (![...ALL, 'pq-portable'].includes(w)) throw new Error(`--only: unknown ${w} (${[...ALL, 'pq-portable'].join(', ')})`);
const { file: inputs, expected } = makeInputs();
const inputLines = Object.fromEntries(
  readFileSync(inputs, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' ')),
);

/** @type {Impl[]} */
const impls = [];
/** @type {string[]} */
const skipped = [];
/** @type {[string, () => Impl][]} */
const builders = [
  ['gnark', buildGnark],
  ['arkworks', buildArkworks],
  ['pq-avx512', () => buildPq('avx512')],
  ['pq-avx2', () => buildPq('avx2')],
  ['pq-portable', () => buildPq('portable')],
];
for (const [name, build] of builders) {
  if (!wanted.includes(name)) continue;
  try {
    impls.push(build());
  } catch (e) {
    const why = /** @type {Error} */ (e).message.split('\n')[0]?.replace(/:$/, '');
    skipped.push(`${name}: ${why}`);
    log(`${name} left out: ${/** @type {Error} */ (e).message}`);
  }
}
const addonCores = wanted.filter((w) => w.startsWith('addon-')).map((w) => w.slice('addon-'.length));
if (addonCores.length) {
  try {
    impls.push(...(await addonImpls(addonCores, inputLines)));
  } catch (e) {
    skipped.push(`addon: ${/** @type {Error} */ (e).message}`);
    log(`addon left out: ${/** @type {Error} */ (e).message}`);
  }
}
if (!impls.length) throw new Error('nothing to measure');

/** @type {Record<string, Record<string, number[]>>} impl -> op -> per-round medians */
const times = Object.fromEntries(impls.map((i) => [i.name, {}]));
const t0 = Date.now();
for (let r = 0; r < rounds; r++) {
  for (const impl of impls) {
    log(`round ${r + 1}/${rounds}: ${impl.name}`);
    const got = impl.name.startsWith('addon-')
      ? Object.fromEntries(
          impl
            .run()
            .split('\n')
            .map((l) => {
              const [, op, v] = l.split(' ');
              return [op, Number(v)];
            }),
        )
      : runProgram(impl, inputs, expected);
    const per = /** @type {Record<string, number[]>} */ (times[impl.name]);
    for (const [op, v] of Object.entries(got)) {
      per[op] ??= [];
      per[op].push(v);
    }
  }
}
log(`measured in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

// ---- the table ---------------------------------------------------------------------------------

const med = (/** @type {string} */ impl, /** @type {string} */ op) => {
  const v = times[impl]?.[op];
  return v?.length ? median(v) : undefined;
};
const fmt = (/** @type {number | undefined} */ ns, /** @type {number} */ div) => {
  if (ns === undefined) return '—';
  const v = ns / div;
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
};
const names = impls.map((i) => i.name);
const pq = names.find((n) => n.startsWith('pq-'));
const ratioTo = names.filter((n) => n === 'gnark' || n === 'arkworks');
const header = ['operation', 'unit', ...names, ...(pq ? ratioTo.map((n) => `${pq} / ${n}`) : [])];
const rows = OPS.map(([op, label, div, unit]) => [
  label,
  unit,
  ...names.map((n) => fmt(med(n, op), div)),
  ...(pq
    ? ratioTo.map((n) => {
        const a = med(pq, op);
        const b = med(n, op);
        return a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}x` : '—';
      })
    : []),
]);
const md = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
const lines = [
  `BN254, native, one machine (${/model name\s*:\s*(.*)/.exec(CPU)?.[1] ?? 'unknown CPU'}, ${cpus().length} cores): median time per operation over ${rounds} rounds ` +
    `(each the median of ${samples} loops of ~${ms} ms; implementations alternating); ratios < 1 mean pqsimd is faster.`,
  '',
  ...md,
  '',
  ...impls.map((i) => `- ${i.name}: ${i.note}`),
  ...skipped.map((s) => `- left out: ${s}`),
  '- Every program is checked against @noble/curves on the same inputs before it is timed (Fp/Fp2 products, [k]P, P + Q, the checks of 2 and 4 pairs true and a swapped one false).',
  "- ecPairing = the precompile 0x08 from 192-byte pairs: coordinates < p, on the curve/twist, the G2 subgroup check, then the check (go-ethereum does this over gnark-crypto; the Go and Rust programs do it with the libraries' own calls).",
];
const gp = med(pq ?? '', 'ecpairing2');
const gg = med('gnark', 'ecpairing2');
const gc = med(pq ?? '', 'check2');
const gcg = med('gnark', 'check2');
if (gp !== undefined && gg !== undefined) {
  const q = gp / gg;
  lines.push(
    '',
    `Goal (issue 14): native ecPairing of 2 pairs <= 1.2x gnark-crypto's time: ${pq} ${(gp / 1000).toFixed(0)} µs / gnark ${(gg / 1000).toFixed(0)} µs = ` +
      `${q.toFixed(2)}x: ${q <= 1 ? 'met, and gnark is beaten (the stretch goal)' : q <= 1.2 ? 'met' : 'not met'}` +
      (gc !== undefined && gcg !== undefined ? ` (PairingCheck of 2 decoded pairs alone: ${(gc / gcg).toFixed(2)}x).` : '.'),
  );
}
const text = lines.join('\n');
console.log(text);
if (opts.out) writeFileSync(opts.out, `${text}\n`);
