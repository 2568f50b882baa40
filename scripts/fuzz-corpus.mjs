#!/usr/bin/env node
// Seed corpora of the fuzz harnesses (fuzz/*.c), generated from the repository's vectors into
// build/fuzz/corpus/<harness>/ (one file per input, in the harness's input format; see the comment at
// the top of each harness). Run by scripts/fuzz.mjs; does nothing when up to date.
//   ML-DSA: Wycheproof verify and sign-noseed vectors (vectors/wycheproof)
//   Falcon: the reference records (vectors/falcon/reference) and Algorand det1024 KATs
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const OUT = 'build/fuzz/corpus';
const stamp = join(OUT, '.stamp');
if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(fileURLToPath(import.meta.url)).mtimeMs) process.exit(0);
rmSync(OUT, { recursive: true, force: true });

/** Deterministic bytes for the synthetic seeds. */
let counter = 0;
const prng = (n) => {
  const out = Buffer.alloc(n);
  for (let o = 0; o < n; o += 32) createHash('sha256').update(`fuzz-corpus ${counter++}`).digest().copy(out, o);
  return out;
};
const hex = (s) => Buffer.from(s ?? '', 'hex');
const u16 = (n) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
const counts = {};
const add = (h, ...parts) => {
  const dir = join(OUT, h);
  mkdirSync(dir, { recursive: true });
  const buf = Buffer.concat(parts);
  writeFileSync(join(dir, createHash('sha1').update(buf).digest('hex')), buf);
  counts[h] = (counts[h] ?? 0) + 1;
};
const json = (p) => JSON.parse(readFileSync(p, 'utf8'));
const LEVELS = [44, 65, 87];

for (const [li, level] of LEVELS.entries()) {
  // mldsa_verify and differential (op 2, raw bytes): every Wycheproof verify case
  const v = json(`vectors/wycheproof/mldsa_${level}_verify_test.json`);
  let n = 0;
  for (const g of v.testGroups) {
    const pk = hex(g.publicKey);
    for (const t of g.tests) {
      const ctx = hex(t.ctx);
      const sig = hex(t.sig);
      const msg = hex(t.msg);
      const chunk = u16(n * 37);
      add('mldsa_verify', Buffer.from([li, 0, 0x80]), chunk, u16(pk.length), u16(ctx.length), u16(sig.length), pk, ctx, sig, msg);
      if (n++ % 8 === 0)
        add(
          'differential',
          Buffer.from([2, li, 0, 0x80, 0, 1, 7, 200]),
          prng(32),
          u16(pk.length),
          u16(sig.length),
          pk,
          sig,
          Buffer.from([ctx.length]),
          ctx,
          msg,
        );
    }
  }
  // mldsa_sign: Wycheproof secret keys (valid and out-of-range ones) as the input's key bytes
  const s = json(`vectors/wycheproof/mldsa_${level}_sign_noseed_test.json`);
  for (const g of s.testGroups) {
    const sk = hex(g.privateKey);
    for (const t of g.tests.slice(0, 2)) {
      const ctx = hex(t.ctx).subarray(0, 255);
      add('mldsa_sign', Buffer.from([li, 1, 0, 0]), u16(counter), Buffer.from([ctx.length]), prng(32), sk, ctx, hex(t.msg));
    }
  }
  // mldsa_sign: the real key with a few edits, every mode
  for (let i = 0; i < 6; i++) {
    const nedit = i % 3;
    const edits = [Buffer.from([nedit])];
    for (let e = 0; e < nedit; e++) edits.push(prng(3));
    const mode = i % 3;
    add(
      'mldsa_sign',
      Buffer.from([li, 0, mode, i === 3 ? 0x83 : 0]),
      u16(i * 99),
      mode === 0 ? Buffer.from([5]) : Buffer.alloc(0),
      prng(32),
      ...edits,
      mode === 0 ? prng(5) : Buffer.alloc(0),
      prng(mode === 2 ? 64 : 40 * i),
    );
  }
  // mldsa_verify_mutated: no edit, one edit anywhere, hint edits
  add('mldsa_verify_mutated', Buffer.from([li]));
  for (let i = 0; i < 8; i++) add('mldsa_verify_mutated', Buffer.from([li]), prng(3 * (1 + (i % 3))));
  // differential: keygen, sign, public key, verify of a real (and an edited) signature
  for (let i = 0; i < 3; i++) {
    add('differential', Buffer.from([0, li, 0, 0, 0, 1, 2, 3]), prng(32));
    add(
      'differential',
      Buffer.from([1, li, i, i === 0 ? 0x82 : 0, 0, 9, 90, 250]),
      prng(32),
      Buffer.from([3]),
      prng(3),
      prng(32),
      Buffer.from([i]),
      prng(3 * i),
      prng(i === 2 ? 64 : 100),
    );
    add('differential', Buffer.from([3, li, 0, 0, 0, 4, 5, 6]), prng(32), Buffer.from([i]), prng(3 * i));
    add(
      'differential',
      Buffer.from([2, li, i, 0, i === 1 ? 3 : 1, 11, 22, 33]),
      prng(32),
      Buffer.from([i === 0 ? 4 : 0]),
      prng(i === 0 ? 4 : 0),
      prng(i === 2 ? 64 : 60),
    );
  }
}

// Falcon: the reference records (valid and mutated), kinds 0/1/2
const ALG = { 'falcon-512': 0, 'falcon-1024': 1, 'falcon-det1024': 2 };
const recs = gunzipSync(readFileSync('vectors/falcon/reference/falcon-ref.jsonl.gz'))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
for (const [i, r] of recs.entries()) {
  const kind = ALG[r.alg];
  const pk = hex(r.pk);
  const sig = hex(r.sig);
  add('falcon_verify', Buffer.from([kind]), u16(i * 13), u16(pk.length), u16(sig.length), pk, sig, hex(r.msg));
  if (i % 20 === 0) add('differential', Buffer.from([4, kind, 0, 0, 0, 3, 60, 255]), u16(pk.length), u16(sig.length), pk, sig, hex(r.msg));
  if (i % 10 === 0 && r.valid) {
    const logn = kind === 0 ? 9 : 10;
    add('falcon_decode', Buffer.from([logn === 10 ? 4 : 0, 0]), pk.subarray(1));
    const body = kind === 2 ? sig.subarray(2) : sig.subarray(41);
    if (r.format === 'ct') add('falcon_decode', Buffer.from([logn === 10 ? 6 : 2, 10]), body);
    else add('falcon_decode', Buffer.from([logn === 10 ? 5 : 1, 0]), body);
  }
}
// Algorand det1024 KATs: compressed and CT signatures
const det = gunzipSync(readFileSync('vectors/falcon/algorand-det1024/det1024_vectors.txt.gz')).toString('utf8');
let k = 0;
for (const block of det.split(/\n\s*\n/)) {
  const f = Object.fromEntries(
    block
      .split('\n')
      .filter((l) => l.includes('=') && !l.startsWith('#'))
      .map((l) => l.split('=').map((x) => x.trim())),
  );
  if (!('count' in f) || k++ % 16 !== 0) continue;
  const pk = hex(f.pk);
  for (const sig of [hex(f.sig_compressed), hex(f.sig_ct)]) {
    add('falcon_verify', Buffer.from([2]), u16(k), u16(pk.length), u16(sig.length), pk, sig, hex(f.msg));
  }
  add('falcon_decode', Buffer.from([6, 10]), hex(f.sig_ct).subarray(2));
}
writeFileSync(stamp, '');
console.log(
  `fuzz-corpus: ${Object.entries(counts)
    .map(([h, n]) => `${h} ${n}`)
    .join(', ')} (${OUT})`,
);
