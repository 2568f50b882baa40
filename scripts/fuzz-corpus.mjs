#!/usr/bin/env node
// Seed corpora of the fuzz harnesses (fuzz/*.c), generated from the repository's vectors into
// build/fuzz/corpus/<harness>/ (one file per input, in the harness's input format; see the comment at
// the top of each harness). Run by scripts/fuzz.mjs; does nothing when up to date.
//   ML-DSA: Wycheproof verify and sign-noseed vectors (vectors/wycheproof)
//   Falcon: the reference records (vectors/falcon/reference) and Algorand det1024 KATs
//   AEAD: Wycheproof / RFC 8439 / noble / tweetnacl AEAD cases, libsodium secretstream messages
//   (vectors/aead), and synthetic seeds of every op of aead_differential
//   BN254: every precompile input of vectors/bn254 (go-ethereum, eth-dump, seda, negatives) for
//   bn254_precompiles, seeds of its built-points mode, and the Groth16 fixtures (valid and negative,
//   snarkjs JSON in the binary encoding of bn254/bn254.h) for bn254_groth16
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
// AEAD: real ciphertexts (valid and invalid) in aead_open's arbitrary mode; a few mutated-mode seeds
const aeadCase = (kind, key, nonce, aad, ct, tag, i) => {
  if (nonce.length >= 32 || aad.length >= 1024 || key.length >= 48 || tag.length >= 24) return;
  add(
    'aead_open',
    Buffer.from([i % 2 ? 2 : 0]),
    u16(i * 7),
    Buffer.from([kind + 1, key.length, nonce.length]),
    u16(aad.length),
    Buffer.from([tag.length]),
    key,
    nonce,
    aad,
    tag,
    ct,
  );
};
let ai = 0;
for (const [file, kind] of [
  ['chacha20_poly1305_test.json', 0],
  ['xchacha20_poly1305_test.json', 1],
]) {
  for (const g of json(`vectors/aead/wycheproof/${file}`).testGroups)
    for (const t of g.tests) aeadCase(kind, hex(t.key), hex(t.iv), hex(t.aad), hex(t.ct), hex(t.tag), ai++);
}
for (const [file, kind] of [
  ['stablelib_chacha20poly1305.json', 0],
  ['stablelib_xchacha20poly1305.json', 1],
]) {
  for (const c of json(`vectors/aead/noble-ciphers/${file}`)) {
    const r = hex(c.result);
    aeadCase(kind, hex(c.key), hex(c.nonce), hex(c.aad), r.subarray(0, r.length - 16), r.subarray(r.length - 16), ai++);
  }
}
for (const [i, c] of JSON.parse(gunzipSync(readFileSync('vectors/aead/noble-ciphers/tweetnacl_secretbox.json.gz')).toString('utf8')).entries()) {
  if (i % 16 !== 0) continue;
  const [key, nonce, , box] = c.map((x) => Buffer.from(x, 'base64'));
  aeadCase(2, key, nonce, Buffer.alloc(0), box.subarray(16), box.subarray(0, 16), ai++);
}
for (const c of json('vectors/aead/rfc8439/rfc8439.json').cases.filter((x) => x.kind === 'chacha20poly1305'))
  aeadCase(0, hex(c.key), hex(c.nonce), hex(c.aad), hex(c.output), hex(c.tag), ai++);
for (let i = 0; i < 12; i++) {
  const kind = i % 3;
  const len = [0, 1, 15, 16, 64, 65, 300, 4095][i % 8];
  const nedit = i % 4;
  const edits = [];
  for (let e = 0; e < nedit; e++) edits.push(Buffer.from([e % 4]), prng(3));
  const aad = kind === 2 ? Buffer.alloc(0) : prng(i * 3);
  add(
    'aead_open',
    Buffer.from([1 | (i & 2)]),
    u16(i * 31),
    Buffer.from([kind]),
    prng(24),
    ...(kind === 2 ? [] : [Buffer.from([aad.length]), aad]),
    u16(len),
    prng(len),
    Buffer.from([nedit]),
    ...edits,
  );
}
// secretstream_pull: libsodium's messages (valid and rejected) in the arbitrary mode; mutated seeds
const sst = json('vectors/aead/libsodium/secretstream_xchacha20poly1305.json').records;
for (const [i, rec] of sst.entries()) {
  if (rec.op !== 'push' && rec.op !== 'pull') continue;
  const wire = hex(rec.wire);
  if (wire.length < 17) continue;
  const ad = hex(rec.ad);
  add(
    'secretstream_pull',
    Buffer.from([i % 2 ? 2 : 0]),
    u16(i * 11),
    Buffer.from([52]),
    u16(ad.length),
    Buffer.from([1, 16]),
    hex(rec.state),
    ad,
    wire.subarray(0, 1),
    wire.subarray(wire.length - 16),
    wire.subarray(1, wire.length - 16),
  );
}
for (let i = 0; i < 12; i++) {
  const len = [0, 1, 15, 16, 47, 64, 65, 300, 4095][i % 9];
  const nedit = i % 4;
  const edits = [];
  for (let e = 0; e < nedit; e++) edits.push(Buffer.from([e % 5]), prng(3));
  add(
    'secretstream_pull',
    Buffer.from([1 | (i & 2)]),
    u16(i * 13),
    Buffer.from([i % 3, i % 4, i * 5]),
    prng(i * 5),
    u16(len),
    prng(len),
    Buffer.from([nedit]),
    ...edits,
  );
}
// aead_differential: every op, lengths around the block and chunk sizes, counters near their ends
const LENS = [0, 1, 31, 63, 64, 65, 127, 128, 200, 511, 1000, 1100, 4096, 4099, 9000];
for (const [i, len] of LENS.entries()) {
  const head = (op, sel, flags) => Buffer.from([op, sel, flags, i * 3, 100 + i, 250 - i]);
  add('aead_differential', head(0, i % 5, i & 1), prng(56), u16(i % 3 === 0 ? 3 : 1000), Buffer.from([i % 4 === 0 ? 0xff : 0]), prng(len));
  add('aead_differential', head(0, i % 5, 2 | (i & 1)), prng(56), u16(1 + (i % 5)), Buffer.from([i % 2]), prng(len));
  add(
    'aead_differential',
    head(1, i % 3, (i & 1) | (i % 3 === 1 ? 4 : 0)),
    prng(56),
    ...(i % 3 === 2 ? [] : [Buffer.from([i]), prng(i)]),
    u16(i * 77),
    prng(len),
  );
  add('aead_differential', head(2, 0, 0), prng(56), prng(len));
  add('aead_differential', head(3, i % 4, i & 1), prng(56), Buffer.from([i * 2]), prng(i * 2), prng(len));
}
// BN254 precompiles: every vector input as is (mode 0 ecAdd, 1 ecMul, 2 ecPairing); built points
const BN_OP = { add: 0, mul: 1, pair: 2 };
const bnPre = (op, input) => add('bn254_precompiles', Buffer.from([BN_OP[op]]), hex(input.replace(/^0x/, '')));
for (const [op, f] of [
  ['add', 'bn256Add.json'],
  ['mul', 'bn256ScalarMul.json'],
  ['pair', 'bn256Pairing.json'],
])
  for (const c of json(`vectors/bn254/go-ethereum/${f}`)) bnPre(op, c.Input);
const ethDump = (await import(pathToFileURL(join(root, 'vectors/bn254/noble-curves/eth-dump.js')).href)).default;
for (const [cmd, op] of /** @type {[string, string][]} */ ([
  ['NOBLE_DUMP_EC_ADD', 'add'],
  ['NOBLE_DUMP_EC_MUL', 'mul'],
  ['NOBLE_DUMP_EC_PAIRING', 'pair'],
]))
  for (const [input] of ethDump[cmd]) bnPre(op, input);
const seda = (await import(pathToFileURL(join(root, 'vectors/bn254/noble-curves/seda.js')).href)).default;
for (const c of seda.add) bnPre('add', c.x1 + c.y1 + c.x2 + c.y2);
for (const c of seda.mul) bnPre('mul', c.x + c.y + c.scalar);
for (const c of json('vectors/bn254/generated/precompile-negative.json')) bnPre({ '0x06': 'add', '0x07': 'mul', '0x08': 'pair' }[c.Precompile], c.Input);
for (let i = 0; i < 12; i++) {
  const cnt = (i % 4) + 1;
  const pts = [];
  for (let j = 0; j < cnt; j++) pts.push(u16(3 + i * 7 + j), u16(5 + j * 11), Buffer.from([(i + j) % 8 === 3 ? 1 : 0]));
  add('bn254_precompiles', Buffer.from([3, i % 3, cnt - 1]), ...pts, prng(32), Buffer.from([i % 5 === 4 ? 1 : 0]), prng(3));
}
// BN254 Groth16: the fixtures in the binary encoding (G2 with the imaginary parts first)
const be32 = (s) => Buffer.from(BigInt(s).toString(16).padStart(64, '0'), 'hex');
const g1b = (a) => (BigInt(a[2]) === 0n ? Buffer.alloc(64) : Buffer.concat([be32(a[0]), be32(a[1])]));
const g2b = (b) => (BigInt(b[2][0]) === 0n ? Buffer.alloc(128) : Buffer.concat([be32(b[0][1]), be32(b[0][0]), be32(b[1][1]), be32(b[1][0])]));
for (const [i, c] of json('vectors/bn254/groth16/manifest.json').cases.entries()) {
  const vkj = json(`vectors/bn254/groth16/${c.vk}`);
  const pr = json(`vectors/bn254/groth16/${c.proof}`);
  const vk = Buffer.concat([g1b(vkj.vk_alpha_1), g2b(vkj.vk_beta_2), g2b(vkj.vk_gamma_2), g2b(vkj.vk_delta_2), ...vkj.IC.map(g1b)]);
  const pub = Buffer.concat(json(`vectors/bn254/groth16/${c.public}`).map((x) => (BigInt(x) < 1n << 256n ? be32(x) : Buffer.alloc(32))));
  const proof = Buffer.concat([g1b(pr.pi_a), g2b(pr.pi_b), g1b(pr.pi_c)]);
  const coeff = i % 3 === 0 ? Buffer.concat([Buffer.alloc(15), Buffer.from([1])]) : prng(16);
  for (const mode of [0, 1, 2]) {
    const edits = mode === 1 ? [Buffer.from([2]), u16(40 + i * 997), Buffer.from([1]), u16(20000 + i), Buffer.from([0x80])] : [];
    add('bn254_groth16', Buffer.from([mode]), u16(vk.length), u16(pub.length), u16(proof.length), coeff, vk, pub, proof, ...edits);
  }
}
writeFileSync(stamp, '');
console.log(
  `fuzz-corpus: ${Object.entries(counts)
    .map(([h, n]) => `${h} ${n}`)
    .join(', ')} (${OUT})`,
);
