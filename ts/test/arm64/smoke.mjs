// The arm64 smoke test, run by an arm64 Node under qemu-aarch64 (see ts/test/arm64.test.ts):
// loads the package through its Node entry point (node-gyp-build picks prebuilds/linux-arm64),
// checks which backends the addon offers, and runs a vector subset on every backend:
// all Wycheproof ML-DSA verify cases, the valid Wycheproof sign-with-seed cases (key pair from
// the seed, signature on μ byte-identical), and the first Falcon round-3 KATs of each size.
// Plain JavaScript, no test framework: Debian 12's arm64 Node is 18. Prints one JSON line (or
// writes it to $PQ_SMOKE_OUT: Node for Windows under wine cannot write to a pipe).
// Also run by ts/test/musl.test.ts (musl Node, x64 and arm64) and ts/test/windows.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const lib = await import(pathToFileURL(join(root, 'dist', 'index.node.mjs')).href);
const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b) => Buffer.from(b).toString('hex');
const json = (p) => JSON.parse(readFileSync(join(root, 'vectors', p), 'utf8'));
const falconKats = Number(process.env.PQ_FALCON_KATS ?? 10);

await lib.ready();
// the addon file node loaded (prebuilds/<platform>-<arch>/pqsimd.napi[.<libc>].node)
const addon = (process.report.getReport().sharedObjects ?? []).filter((f) => /\.node$/.test(f)).map((f) => f.replace(/\\/g, '/').split('/').slice(-3).join('/'));
const result = { arch: process.arch, platform: process.platform, node: process.version, best: lib.backend(), available: lib.availableBackends(), info: lib.backendInfo(), addon, backends: {} };
let failures = 0;

function falconCases(logn) {
  const text = readFileSync(join(root, 'vectors', 'falcon', 'round3', `falcon${1 << logn}-KAT.rsp`), 'utf8');
  const cases = [];
  for (const block of text.split(/\n\s*\n/)) {
    const f = Object.fromEntries([...block.matchAll(/^(\w+) = (\S+)$/gm)].map((m) => [m[1], m[2]]));
    if (!f.sm) continue;
    const sm = hex(f.sm), mlen = Number(f.mlen);
    const nonce = sm.slice(2, 42), msg = sm.slice(42, 42 + mlen), s2 = sm.slice(43 + mlen);
    const sig = new Uint8Array(1 + 40 + s2.length);
    sig[0] = 0x30 + logn;
    sig.set(nonce, 1);
    sig.set(s2, 41);
    cases.push({ pk: hex(f.pk), msg, sig });
    if (cases.length >= falconKats) break;
  }
  return cases;
}

for (const name of result.available) {
  const b = await lib.loadBackend(name);
  const r = { verify: 0, sign: 0, falcon: 0, failed: [] };
  const fail = (what) => { failures++; if (r.failed.length < 10) r.failed.push(what); };
  for (const level of [44, 65, 87]) {
    const m = b[`mlDsa${level}`];
    for (const g of json(`wycheproof/mldsa_${level}_verify_test.json`).testGroups) {
      const pk = hex(g.publicKey);
      for (const t of g.tests) {
        let ok;
        try {
          ok = m.verify(pk, hex(t.msg), hex(t.sig), t.ctx !== undefined ? { context: hex(t.ctx) } : undefined);
        } catch (e) {
          ok = `threw ${e}`;
        }
        if (ok !== (t.result === 'valid')) fail(`ML-DSA-${level} verify tcId ${t.tcId}: ${ok}`);
        r.verify++;
      }
    }
    for (const g of json(`wycheproof/mldsa_${level}_sign_seed_test.json`).testGroups) {
      // groups with a malformed seed (wrong length) only carry invalid cases: covered on x86-64
      if (g.privateSeed.length !== 64) continue;
      const kp = m.keygen(hex(g.privateSeed));
      if (g.publicKey && toHex(kp.publicKey) !== g.publicKey.toLowerCase()) fail(`ML-DSA-${level} keygen from seed`);
      for (const t of g.tests) {
        if (t.result !== 'valid' || t.mu === undefined) continue;
        const sig = m.internal.sign(kp.secretKey, hex(t.mu), { externalMu: true, random: t.rnd ? hex(t.rnd) : new Uint8Array(32) });
        if (toHex(sig) !== t.sig.toLowerCase()) fail(`ML-DSA-${level} sign tcId ${t.tcId}`);
        r.sign++;
      }
    }
  }
  for (const [logn, f] of [[9, b.falcon512], [10, b.falcon1024]]) {
    for (const c of falconCases(logn)) {
      if (f.verify(c.pk, c.msg, c.sig) !== true) fail(`Falcon-${1 << logn} KAT`);
      const bad = c.sig.slice();
      bad[bad.length >> 1] ^= 4;
      if (f.verify(c.pk, c.msg, bad) !== false) fail(`Falcon-${1 << logn} mutated KAT`);
      r.falcon++;
    }
  }
  result.backends[name] = r;
}
result.failures = failures;
if (process.env.PQ_SMOKE_OUT) writeFileSync(process.env.PQ_SMOKE_OUT, JSON.stringify(result));
else console.log(JSON.stringify(result));
process.exitCode = failures ? 1 : 0;
