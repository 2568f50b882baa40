#!/usr/bin/env node
// pqsimd's native ChaCha20 keystream and ChaCha20-Poly1305 seal next to `openssl speed` (the C of
// the OpenSSL that node:crypto links) and node:crypto itself, alternating in one run, with the
// ratios and the issue-13 goals: keystream >= 0.9x openssl; AEAD at 1 MiB >= 1.0x node:crypto;
// at 64 B the native seal (N-API crossing included) no slower than node:crypto's.
//
//   node scripts/build.mjs && node scripts/bench-openssl.mjs [--rounds N] [--seconds S]
//        [--sizes 64,1024,16384,1048576] [--backend NAME] [--openssl PATH] [--json FILE]
//
// Per operation and size, `rounds` rounds; each round runs `openssl speed -evp chacha20` (or
// `-evp chacha20-poly1305 -aead`: per message a new IV, 13 bytes of AAD, the payload and the tag)
// for S seconds (-elapsed: wall clock, -mr: machine-readable), and then pqsimd and node:crypto for
// S seconds each through the benchmark core (bench/: interleaved, with the addon's tick counter);
// the order alternates between rounds. The figure is the median over the rounds. pqsimd and
// node:crypto seal with the same 13 bytes of AAD; pqsimd writes into an output buffer given once,
// node:crypto allocates each result (it has no output-buffer API), openssl speed works in place.
// Every pqsimd and node:crypto output is checked against @noble/ciphers' (bench/aead.ts).
import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Usage: node scripts/bench-openssl.mjs [options]

pqsimd native ChaCha20 and ChaCha20-Poly1305 seal vs 'openssl speed' and node:crypto, alternating.
Run 'node scripts/build.mjs' first.

  --rounds N        rounds per operation and size (default 3; the median is reported)
  --seconds S       seconds per implementation and round (default 1; openssl speed -seconds S)
  --sizes N,N       message sizes in bytes (default 64,1024,16384,1048576)
  --backend NAME    the pqsimd backend (default the fastest native one)
  --openssl PATH    the openssl binary (default openssl)
  --json FILE       also write the results as JSON`;

/** @returns {never} */
function fail(msg) {
  console.error(`bench-openssl: ${msg}`);
  process.exit(1);
}
const log = (s) => process.stderr.write(`${s}\n`);

function parseArgs(argv) {
  const o = { rounds: 3, seconds: 1, sizes: [64, 1024, 16384, 1 << 20], backend: null, openssl: 'openssl', json: null };
  const posInt = (name, v) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x <= 0) fail(`${name}: expected a positive integer, got ${v}`);
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
    } else if (a === '--rounds') o.rounds = posInt(a, val());
    else if (a === '--seconds') o.seconds = posInt(a, val());
    else if (a === '--sizes')
      o.sizes = val()
        .split(',')
        .map((x) => posInt(a, x));
    else if (a === '--backend') o.backend = val();
    else if (a === '--openssl') o.openssl = val();
    else if (a === '--json') o.json = val();
    else fail(`unknown option ${a}\n\n${HELP}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const aeadEntry = join(root, 'dist', 'aead.node.mjs');
if (!existsSync(aeadEntry)) fail(`${aeadEntry} is missing: run 'node scripts/build.mjs' first`);
const pq = await import(pathToFileURL(aeadEntry).href);
const name = opts.backend ?? pq.availableBackends().find((/** @type {string} */ b) => b.startsWith('native-'));
if (!name) fail(`no native backend here (available: ${pq.availableBackends().join(', ')}); pass --backend`);
const backend = await pq.loadBackend(name);

const ver = spawnSync(opts.openssl, ['version'], { encoding: 'utf8' });
if (ver.status !== 0) fail(`cannot run '${opts.openssl} version': ${ver.error?.message ?? ver.stderr}`);
const opensslVersion = ver.stdout.trim();

// The benchmark core (bench/, TypeScript), bundled once for this script.
const { build, stop: stopEsbuild } = await import('esbuild');
const coreFile = join(root, 'build', 'bench-openssl', 'core.mjs');
mkdirSync(dirname(coreFile), { recursive: true });
await build({
  entryPoints: [join(root, 'bench', 'index.ts')],
  outfile: coreFile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
});
await stopEsbuild(); // no idle esbuild service process while timing
const core = await import(pathToFileURL(coreFile).href);

const ch = await import('@noble/ciphers/chacha.js');
const { secretbox } = await import('@noble/ciphers/salsa.js');
const noble = { chacha20: ch.chacha20, chacha20poly1305: ch.chacha20poly1305, xchacha20poly1305: ch.xchacha20poly1305, secretbox };
/** @type {import('../bench/aead.ts').NodeCryptoLike} */
const nodeCrypto = {
  cipher: (alg, key, iv) => (alg === 'chacha20' ? createCipheriv('chacha20', key, iv) : createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 })),
  decipher: (_alg, key, iv) => createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 }),
};

// 13 bytes of AAD, as openssl speed -aead (its first byte 0xcc, the rest zero)
const aad = new Uint8Array(13);
aad[0] = 0xcc;
const d = core.aeadData(noble, opts.sizes, aad);
const clock = core.bestClock(pq.tickCounter());
const pqCases = core.aeadLikeCases(backend, d);
const nodeCases = core.nodeCryptoCases(nodeCrypto, d);
/** @type {import('../bench/aead.ts').CheckCounts} */
const counts = new Map();

const OPS = [
  { op: 'chacha20', evp: 'chacha20', aead: false, label: 'ChaCha20 keystream (XOR)' },
  { op: 'chacha20poly1305-seal', evp: 'chacha20-poly1305', aead: true, label: 'ChaCha20-Poly1305 seal, 13 B AAD' },
];

/** openssl speed's bytes per second for one cipher and size (wall clock). */
function opensslSpeed(evp, size, aeadFlag) {
  const args = ['speed', '-elapsed', '-mr', '-seconds', String(opts.seconds), '-bytes', String(size), ...(aeadFlag ? ['-aead'] : []), '-evp', evp];
  const r = spawnSync(opts.openssl, args, { encoding: 'utf8' });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('+F:'));
  if (r.status !== 0 || !line) fail(`${opts.openssl} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  // +F:<n>:<name>:<bytes/s for each size>
  return Number(line.split(':').at(-1));
}

const median = (xs) => core.median(xs);
const results = [];
const started = performance.now();
for (const o of OPS) {
  for (const size of opts.sizes) {
    const ref = d.reference[o.op].get(size);
    const label = `${o.label}, ${core.fmtSize(size)}`;
    const impls = [core.aeadImpl(name, pqCases(o.op, size), ref, counts, label), core.aeadImpl('node:crypto', nodeCases(o.op, size), ref, counts, label)];
    /** @type {Record<string, number[]>} */
    const rounds = { openssl: [], [name]: [], 'node:crypto': [] };
    /** @type {Record<string, number[]>} */
    const ticks = { [name]: [], 'node:crypto': [] };
    for (let r = 0; r < opts.rounds; r++) {
      log(`${label}: round ${r + 1}/${opts.rounds}`);
      const runOpenssl = () => rounds.openssl?.push(opensslSpeed(o.evp, size, o.aead) / 1e6);
      const runHere = async () => {
        const res = await core.measureInterleaved(impls, { warmupMs: r === 0 ? 300 : 100, runMs: opts.seconds * 1000, runs: 1, clock });
        for (const [impl, m] of res) {
          rounds[impl]?.push(core.mbps(m, size));
          if (m.ticks !== undefined) ticks[impl]?.push(m.ticks / size);
        }
      };
      if (r % 2 === 0) {
        runOpenssl();
        await runHere();
      } else {
        await runHere();
        runOpenssl();
      }
    }
    const mb = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, median(v)]));
    const perRound = (a, b) => (rounds[a] ?? []).map((x, i) => x / (rounds[b]?.[i] ?? NaN));
    results.push({
      op: o.op,
      evp: o.evp,
      label,
      size,
      MBps: mb,
      rounds,
      ticksPerByte: {
        openssl: clock.ticksPerSecond ? clock.ticksPerSecond / (mb.openssl * 1e6) : null,
        ...Object.fromEntries(Object.entries(ticks).map(([k, v]) => [k, v.length ? median(v) : null])),
      },
      vsOpenssl: mb[name] / mb.openssl,
      vsOpensslRounds: perRound(name, 'openssl'),
      vsNode: mb[name] / mb['node:crypto'],
      vsNodeRounds: perRound(name, 'node:crypto'),
    });
  }
}
const seconds = (performance.now() - started) / 1000;

// ---- report
const { fmtRatio, markdownTable } = core;
const fmtMB = core.fmtMBps;
const range = (xs) => `${fmtRatio(Math.min(...xs))}–${fmtRatio(Math.max(...xs))}`;
const fmtT = (x) => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(2));
const cpu =
  /^model name\s*:\s*(.+)$/m.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1]?.trim() ??
  os.cpus()[0]?.model ??
  'unknown CPU';
const date = new Date().toISOString();
const table = markdownTable(
  [
    'MB/s (median of rounds)',
    'openssl speed',
    `pqsimd ${name}`,
    'node:crypto',
    `${name} / openssl (rounds)`,
    `${name} / node:crypto (rounds)`,
    `ticks/B: openssl, ${name}, node`,
  ],
  results.map((x) => [
    x.label,
    fmtMB(x.MBps.openssl),
    fmtMB(x.MBps[name]),
    fmtMB(x.MBps['node:crypto']),
    `${fmtRatio(x.vsOpenssl)} (${range(x.vsOpensslRounds)})`,
    `${fmtRatio(x.vsNode)} (${range(x.vsNodeRounds)})`,
    `${fmtT(x.ticksPerByte.openssl)}, ${fmtT(x.ticksPerByte[name])}, ${fmtT(x.ticksPerByte['node:crypto'])}`,
  ]),
);
const find = (op, size) => results.find((x) => x.op === op && x.size === size);
const goals = [];
const big = results.filter((x) => x.op === 'chacha20' && x.size >= 16384);
if (big.length)
  goals.push(
    `Keystream >= 0.9x openssl speed (messages of 16 KiB and more): ${big.map((x) => `${core.fmtSize(x.size)} ${fmtRatio(x.vsOpenssl)}`).join(', ')} — ${big.every((x) => x.vsOpenssl >= 0.9) ? 'met' : 'NOT met'}.`,
  );
const small = results.filter((x) => x.op === 'chacha20' && x.size < 16384);
if (small.length)
  goals.push(
    `Keystream below 16 KiB (each pqsimd call sets up the key and crosses N-API; openssl speed only updates a running context): ${small.map((x) => `${core.fmtSize(x.size)} ${fmtRatio(x.vsOpenssl)}`).join(', ')}.`,
  );
const mib = find('chacha20poly1305-seal', 1 << 20);
if (mib) goals.push(`ChaCha20-Poly1305 seal at 1 MiB >= 1.0x node:crypto: ${fmtRatio(mib.vsNode)} — ${mib.vsNode >= 1 ? 'met' : 'NOT met'}.`);
const b64 = find('chacha20poly1305-seal', 64);
if (b64)
  goals.push(
    `ChaCha20-Poly1305 seal at 64 B (N-API crossing included) no slower than node:crypto: ${fmtRatio(b64.vsNode)} — ${b64.vsNode >= 1 ? 'met' : 'NOT met'}.`,
  );
const cmd = `node scripts/bench-openssl.mjs ${process.argv.slice(2).join(' ')}`.trim();
const out = [
  `## pqsimd ${name} vs openssl speed and node:crypto`,
  '',
  `${date}; ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} logical CPUs; ${opensslVersion}; Node ${process.version} (node:crypto: OpenSSL ${process.versions.openssl}); command \`${cmd}\`.`,
  `${opts.rounds} rounds of ${opts.seconds} s per implementation, operation and size, the order alternating (openssl speed first in odd rounds); the figure is the median over the rounds, ` +
    `the ratio column gives the ratio of the medians and the range of the per-round ratios. openssl speed: \`-elapsed -mr -seconds ${opts.seconds} -bytes N -evp chacha20\` ` +
    '(one EVP_EncryptUpdate per message on a running context) and `-aead -evp chacha20-poly1305` (per message: new IV, 13 bytes of AAD, the payload in place, the tag). ' +
    `pqsimd: chacha20(key, nonce, data, out) and chacha20poly1305(key, nonce, aad).encrypt(data, out) through Node (N-API), an output buffer given once; ` +
    'node:crypto: createCipheriv + setAAD + update + final + getAuthTag (it allocates every result). ' +
    `ticks/B: the addon's ${clock.source} ticks per byte${clock.ticksPerSecond ? ` at ${(clock.ticksPerSecond / 1e9).toFixed(3)} GHz` : ''} (openssl: from its bytes per second).`,
  '',
  table,
  '',
  ...goals.map((g) => `- ${g}`),
  '',
  `Checked: every pqsimd and node:crypto output equals @noble/ciphers' (${[...counts].map(([k, c]) => `${k}: ${c.full} in full, ${c.timed} timed batches`).join('; ')}). Took ${seconds.toFixed(0)} s.`,
];
console.log(out.join('\n'));
if (opts.json) {
  const json = {
    date,
    command: cmd,
    machine: { cpu, logicalCpus: os.availableParallelism?.() ?? os.cpus().length },
    openssl: opensslVersion,
    node: { version: process.version, openssl: process.versions.openssl },
    backend: name,
    timer: { source: clock.source, ticksPerSecond: clock.ticksPerSecond ?? null },
    config: { rounds: opts.rounds, seconds: opts.seconds, sizes: opts.sizes, aadBytes: 13 },
    results,
    checks: Object.fromEntries(counts),
    seconds,
  };
  writeFileSync(opts.json, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${opts.json}`);
}
