#!/usr/bin/env node
// Side-by-side benchmark of two builds of pqsimd in one process: this checkout's dist/ and another
// checkout's (--base DIR, e.g. a git worktree of an earlier commit, built with scripts/build.mjs).
// For each backend both offer, the operations run in alternating rounds (base, this, base, this,
// ...), timed with the addon's rdtsc (x86-64) per call; the table gives median ticks and the ratio
// this/base. Hedged signing and random key generation include drawing their randomness.
//   node --experimental-wasm-relaxed-simd scripts/bench-compare.mjs --base /tmp/old [--rounds 15] [--backends native-avx2,wasm-simd]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    base: { type: 'string' },
    rounds: { type: 'string', default: '15' },
    backends: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!opts.base) {
  console.error('usage: bench-compare.mjs --base DIR [--rounds N] [--backends a,b] [--out FILE]');
  process.exit(2);
}
const here = resolve(new URL('..', import.meta.url).pathname);
const load = async (dir) => {
  const entry = join(resolve(dir), 'dist/index.node.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build that checkout first`);
  return import(pathToFileURL(entry).href);
};
const base = await load(opts.base);
const cur = await load(here);
const ticks = cur.tickCounter();
const now = ticks ? () => Number(ticks.read()) : () => performance.now() * 1e3;
const unit = ticks ? `${ticks.source} ticks` : 'ns';
const rounds = Number(opts.rounds);
const backends = (opts.backends ? opts.backends.split(',') : cur.availableBackends()).filter((b) => base.availableBackends().includes(b));

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { falcon512: nobleFalcon512 } = await import('@noble/post-quantum/falcon.js');
const falconKeys = nobleFalcon512.keygen(new Uint8Array(48).fill(5));
const falconMsg = new Uint8Array(59).fill(7);
const falconSig = nobleFalcon512.sign(falconMsg, falconKeys.secretKey);

/** Operations on one loaded backend; each returns a function doing one call. */
function ops(be) {
  const msg = new Uint8Array(59).fill(7);
  const ctx = new Uint8Array(1).fill(1);
  const out = {};
  for (const key of ['mlDsa44', 'mlDsa65', 'mlDsa87']) {
    const m = be[key];
    const kp = m.keygen(new Uint8Array(32).fill(3));
    const sig = m.sign(kp.secretKey, msg, { context: ctx });
    const vk = m.prepare(kp.publicKey);
    out[`${m.name} keygen (random)`] = () => m.keygen();
    out[`${m.name} sign (hedged)`] = () => m.sign(kp.secretKey, msg, { context: ctx });
    out[`${m.name} verify`] = () => m.verify(kp.publicKey, msg, sig, { context: ctx });
    out[`${m.name} verify (prepared)`] = () => vk.verify(msg, sig, { context: ctx });
  }
  const fvk = be.falcon512.prepare(falconKeys.publicKey);
  out['Falcon-512 verify'] = () => be.falcon512.verify(falconKeys.publicKey, falconMsg, falconSig);
  out['Falcon-512 verify (prepared)'] = () => fvk.verify(falconMsg, falconSig);
  return out;
}

const lines = [
  `# pqsimd: this checkout vs ${opts.base}`,
  '',
  `\`node scripts/bench-compare.mjs --base ${opts.base} --rounds ${rounds}\`, ${new Date().toISOString().slice(0, 10)}; median ${unit} per call over ${rounds} alternating rounds.`,
  '',
  '| backend | operation | base | this | this / base |',
  '| --- | --- | ---: | ---: | ---: |',
];
for (const name of backends) {
  const [ob, nb] = [await base.loadBackend(name), await cur.loadBackend(name)];
  const [o, n] = [ops(ob), ops(nb)];
  for (const op of Object.keys(n)) {
    if (!o[op]) continue;
    /** @type {[number[], number[]]} */
    const samples = [[], []];
    const fns = [o[op], n[op]];
    // warm-up: long enough for V8 to tier the WASM up (Liftoff -> TurboFan) and for caches
    for (const f of fns) for (const end = performance.now() + 400; performance.now() < end; ) f();
    const per = op.includes('sign') || op.includes('keygen') ? 20 : 40;
    for (let r = 0; r < rounds; r++) {
      for (const k of r & 1 ? /** @type {const} */ ([1, 0]) : /** @type {const} */ ([0, 1])) {
        for (let i = 0; i < per; i++) {
          const t0 = now();
          fns[k]();
          samples[k].push(now() - t0);
        }
      }
    }
    const [mb, mn] = samples.map(median);
    lines.push(`| ${name} | ${op} | ${Math.round(mb).toLocaleString('en-US')} | ${Math.round(mn).toLocaleString('en-US')} | ${(mn / mb).toFixed(2)} |`);
    console.error(lines.at(-1));
  }
}
const md = lines.join('\n');
console.log(md);
if (opts.out) (await import('node:fs')).writeFileSync(opts.out, `${md}\n`);
