#!/usr/bin/env node
// libFuzzer harnesses of the C core (fuzz/*.c): builds them (clang-19, ASan + UBSan), generates the
// seed corpora from vectors/ (scripts/fuzz-corpus.mjs), runs them and reports.
//   node scripts/fuzz.mjs [--seconds N] [--harness NAME]...   npm run fuzz: N s per harness and build
//                                                             (default 300), then a report with execs,
//                                                             exec/s, new coverage, crash files and
//                                                             llvm-cov line coverage of the family's C
//   node scripts/fuzz.mjs --short                             npm run test:fuzz: ~15 s per harness on
//                                                             its corpus, both builds in parallel,
//                                                             fails on any crash
//   node scripts/fuzz.mjs --build-only
// Every harness is built twice: with the portable kernels (<name>-portable) and with the AVX2 kernels
// (<name>-avx2); `differential` and `aead_differential` link the portable, AVX2 and AVX-512 cores in one binary
// (<name>-multi), each renamed <isa>_<symbol> as scripts/build-addon.sh does.
// A crash reproduces with: build/fuzz/<harness>-<build> <crash-file>.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: opt } = parseArgs({
  options: {
    seconds: { type: 'string' },
    harness: { type: 'string', multiple: true },
    short: { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    'no-cov': { type: 'boolean', default: false },
  },
});

const CC = process.env.FUZZ_CC ?? 'clang-19';
const OUT = 'build/fuzz';
const HARNESSES = [
  'mldsa_verify',
  'mldsa_verify_mutated',
  'mldsa_sign',
  'falcon_verify',
  'falcon_decode',
  'differential',
  'aead_open',
  'secretstream_pull',
  'aead_differential',
  'bn254_precompiles',
  'bn254_groth16',
];
/** The harnesses that link the portable, AVX2 and AVX-512 cores in one binary (<name>-multi). */
const MULTI = ['differential', 'aead_differential'];
/** Which C files each harness's coverage is reported over (its family, plus the x86-64 kernels). */
const FAMILY = {
  mldsa_verify: ['native/common/mldsa'],
  mldsa_verify_mutated: ['native/common/mldsa'],
  mldsa_sign: ['native/common/mldsa'],
  falcon_verify: ['native/common/falcon'],
  falcon_decode: ['native/common/falcon'],
  differential: ['native/common/mldsa', 'native/common/falcon'],
  aead_open: ['native/common/aead'],
  secretstream_pull: ['native/common/aead'],
  aead_differential: ['native/common/aead'],
  bn254_precompiles: ['native/common/bn254'],
  bn254_groth16: ['native/common/bn254'],
};
const cpu = readFileSync('/proc/cpuinfo', 'utf8');
const hasAvx2 = /\bavx2\b/.test(cpu);
const hasAvx512 = /\bavx512vl\b/.test(cpu);

const selected = opt.harness ?? HARNESSES;
for (const h of selected) if (!HARNESSES.includes(h)) throw new Error(`unknown harness ${h} (${HARNESSES.join(', ')})`);
const seconds = opt.short ? 15 : Number(opt.seconds ?? 300);
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');

const SAN = ['-fsanitize=fuzzer,address,undefined', '-fno-sanitize-recover=all', '-g', '-O1'];
const SAN_OBJ = ['-fsanitize=fuzzer-no-link,address,undefined', '-fno-sanitize-recover=all', '-g', '-O1'];
const COV = ['-fprofile-instr-generate', '-fcoverage-mapping', '-g', '-O1'];
const BASE = ['-std=c11', '-Wall', '-Wextra', '-Werror', '-Inative/common'];
const AVX2 = ['-mavx2', '-mbmi', '-mbmi2', '-DPQ_TARGET_X86_AVX2'];
const AVX512 = [...AVX2, '-mavx512f', '-mavx512vl'];

/** @param {string} dir */
const cfiles = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => join(dir, f));
const COMMON = readdirSync('native/common', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => cfiles(join('native/common', e.name)));
const X86 = cfiles('native/x86_64');

/** @param {string} p */
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
/** The newest source or header time under native/ and fuzz/ (every object depends on all of them). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const srcTime = Math.max(newest('native/common'), newest('native/x86_64'), newest('fuzz'), mtime('scripts/fuzz.mjs'));

/** Runs commands with at most `jobs` at a time; rejects on the first failure. */
async function parallel(cmds, jobs = 2) {
  let next = 0;
  const worker = async () => {
    while (next < cmds.length) {
      const [cmd, args] = cmds[next++];
      await new Promise((resolve, reject) => {
        const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
        p.on('exit', (code) => (code === 0 ? resolve(0) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

/** Objects of one core (kernel sources + flags), compiled into dir; returns their paths. */
async function core(dir, srcs, flags) {
  mkdirSync(dir, { recursive: true });
  const cmds = [];
  const objs = srcs.map((s) => {
    const o = join(dir, `${basename(dirname(s))}_${basename(s, '.c')}.o`);
    if (mtime(o) < srcTime) cmds.push([CC, [...BASE, ...flags, '-c', s, '-o', o]]);
    return o;
  });
  await parallel(cmds);
  return objs;
}

/** A core relinked as one object with every global symbol renamed <isa>_<name> (as build-addon.sh). */
function renamedCore(dir, isa, objs) {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `core-${isa}.o`);
  if (mtime(out) >= srcTime) return out;
  const all = join(dir, 'all.o');
  execFileSync('ld', ['-r', '-o', all, ...objs]);
  const syms = execFileSync('nm', ['-g', '--defined-only', all], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[2])
    .filter(Boolean)
    .map((s) => `${s} ${isa}_${s}`);
  writeFileSync(join(dir, 'syms'), `${syms.join('\n')}\n`);
  execFileSync('objcopy', [`--redefine-syms=${join(dir, 'syms')}`, all, out]);
  return out;
}

/** The builds of a harness: [build name, kernel sources, flags]. */
function buildsOf(h) {
  if (MULTI.includes(h)) return hasAvx2 ? ['multi'] : [];
  return hasAvx2 ? ['portable', 'avx2'] : ['portable'];
}

/** Builds every selected harness (sanitized fuzz binaries, and unless skipped the coverage ones). */
async function build(withCov) {
  /** @type {{ kind: string, objFlags: string[], linkFlags: string[] }[]} */
  const kinds = [{ kind: 'san', objFlags: SAN_OBJ, linkFlags: SAN }];
  if (withCov) kinds.push({ kind: 'cov', objFlags: COV, linkFlags: ['-fsanitize=fuzzer', ...COV] });
  for (const { kind, objFlags, linkFlags } of kinds) {
    const obj = join(OUT, 'obj', kind);
    const cores = {
      portable: await core(join(obj, 'portable'), COMMON, objFlags),
      avx2: hasAvx2 ? await core(join(obj, 'avx2'), [...COMMON, ...X86], [...objFlags, ...AVX2]) : [],
    };
    const links = [];
    for (const h of selected) {
      for (const b of buildsOf(h)) {
        const bin = kind === 'san' ? join(OUT, `${h}-${b}`) : join(OUT, 'cov', `${h}-${b}`);
        mkdirSync(dirname(bin), { recursive: true });
        if (mtime(bin) >= srcTime) continue;
        if (b === 'multi') {
          const isas = [['portable', cores.portable]];
          isas.push(['avx2', cores.avx2]);
          if (hasAvx512) isas.push(['avx512', await core(join(obj, 'avx512'), [...COMMON, ...X86], [...objFlags, ...AVX512])]);
          const renamed = isas.map(([isa, objs]) => renamedCore(join(obj, `renamed-${isa}`), isa, objs));
          const defs = hasAvx512 ? ['-DFUZZ_WITH_AVX512'] : [];
          links.push([CC, [...BASE, ...linkFlags, ...defs, `fuzz/${h}.c`, ...renamed, '-o', bin]]);
        } else {
          const flags = b === 'avx2' ? AVX2 : [];
          links.push([CC, [...BASE, ...linkFlags, ...flags, `fuzz/${h}.c`, ...cores[b], '-o', bin]]);
        }
      }
    }
    await parallel(links);
  }
}

/** libFuzzer's final numbers from its log. */
function parseLog(text) {
  const num = (re) => {
    const m = text.match(re);
    return m ? Number(m[1]) : null;
  };
  const covs = [...text.matchAll(/ cov: (\d+)/g)].map((m) => Number(m[1]));
  const inited = num(/INITED cov: (\d+)/);
  return {
    execs: num(/stat::number_of_executed_units:\s+(\d+)/),
    execPerSec: num(/stat::average_exec_per_sec:\s+(\d+)/),
    newUnits: num(/stat::new_units_added:\s+(\d+)/),
    covStart: inited,
    covEnd: covs.length ? covs[covs.length - 1] : null,
  };
}

/** Runs one fuzz binary for `secs` seconds; resolves to its numbers and findings. */
function runOne(h, b, secs, workDir) {
  const bin = join(OUT, `${h}-${b}`);
  const art = join(OUT, 'crashes', `${h}-${b}`);
  const logDir = join(OUT, 'logs');
  mkdirSync(art, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  const before = new Set(readdirSync(art));
  const dirs = [workDir, join(OUT, 'corpus', h), join('fuzz/regressions', h)].filter((d) => existsSync(d));
  const args = [...dirs, `-max_total_time=${secs}`, '-print_final_stats=1', '-max_len=16384', '-timeout=20', '-rss_limit_mb=3072', `-artifact_prefix=${art}/`];
  const log = join(logDir, `${h}-${b}.log`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
    let text = '';
    p.stdout.on('data', (d) => {
      text += d;
    });
    p.stderr.on('data', (d) => {
      text += d;
    });
    p.on('exit', (code) => {
      writeFileSync(log, text);
      const found = readdirSync(art)
        .filter((f) => !before.has(f))
        .map((f) => join(art, f));
      resolve({ h, b, code, log, found, wall: (Date.now() - t0) / 1000, ...parseLog(text) });
    });
  });
}

/** Replays the corpus through the coverage build; returns the family's line coverage (llvm-cov). */
function coverage(h, dirs) {
  const bins = [];
  const raws = [];
  for (const b of buildsOf(h)) {
    const bin = join(OUT, 'cov', `${h}-${b}`);
    const raw = join(OUT, 'cov', `${h}-${b}.profraw`);
    rmSync(raw, { force: true });
    execFileSync(bin, [...dirs.filter((d) => existsSync(d)), '-runs=0', '-max_len=16384'], {
      stdio: 'ignore',
      env: { ...process.env, LLVM_PROFILE_FILE: raw },
    });
    bins.push(bin);
    raws.push(raw);
  }
  const prof = join(OUT, 'cov', `${h}.profdata`);
  execFileSync('llvm-profdata-19', ['merge', '-sparse', ...raws, '-o', prof]);
  const files = [...FAMILY[h].flatMap(cfiles), ...X86];
  const [first, ...rest] = bins;
  const report = execFileSync('llvm-cov-19', ['report', first, ...rest.flatMap((o) => ['-object', o]), `-instr-profile=${prof}`, ...files], {
    encoding: 'utf8',
  });
  writeFileSync(join(OUT, 'cov', `${h}.txt`), report);
  const total = report.split('\n').find((l) => l.startsWith('TOTAL'));
  // TOTAL regions missed cover% functions missed exec% lines missed cover% [branches ...]
  const cols = total ? total.trim().split(/\s+/) : [];
  return cols.length >= 10 ? `${cols[9]} of ${cols[7]} lines` : '?';
}

await build(!opt.short && !opt['no-cov']);
if (opt['build-only']) process.exit(0);
execFileSync('node', ['scripts/fuzz-corpus.mjs'], { stdio: 'inherit' });

const t0 = Date.now();
const results = [];
for (const h of selected) {
  const builds = buildsOf(h);
  if (opt.short) {
    // both builds at once, each in a fresh scratch corpus (the committed and seed corpora are not changed)
    const runs = builds.map((b) => {
      const work = join(OUT, 'short', `${h}-${b}`);
      rmSync(work, { recursive: true, force: true });
      return runOne(h, b, seconds, work);
    });
    results.push(...(await Promise.all(runs)));
  } else {
    for (const b of builds) results.push(await runOne(h, b, seconds, join(OUT, 'work', h)));
  }
}

const pad = (s, n) => String(s ?? '?').padEnd(n);
console.log(`\n${pad('harness-build', 32)}${pad('execs', 11)}${pad('exec/s', 9)}${pad('cov', 14)}${pad('new units', 11)}findings`);
let bad = 0;
for (const r of results) {
  const cov = `${r.covStart}->${r.covEnd}`;
  const crashed = r.code !== 0 || r.found.length > 0;
  if (crashed) bad++;
  const findings = crashed ? `${r.found.join(' ') || `exit ${r.code}`} (log ${r.log})` : '0';
  console.log(`${pad(`${r.h}-${r.b}`, 32)}${pad(r.execs, 11)}${pad(r.execPerSec, 9)}${pad(cov, 14)}${pad(r.newUnits, 11)}${findings}`);
}
if (!opt.short && !opt['no-cov']) {
  console.log('\nline coverage of the family C files (mldsa/*.c, falcon/*.c or aead/*.c, and native/x86_64/*.c), corpus replayed:');
  for (const h of selected) {
    const dirs = [join(OUT, 'work', h), join(OUT, 'corpus', h), join('fuzz/regressions', h)];
    console.log(`  ${pad(h, 24)}${coverage(h, dirs)}  (${join(OUT, 'cov', `${h}.txt`)})`);
  }
}
console.log(`\nfuzz: ${results.length} runs, ${bad} with findings, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (bad) {
  console.log('reproduce: build/fuzz/<harness>-<build> <crash-file>');
  process.exit(1);
}
