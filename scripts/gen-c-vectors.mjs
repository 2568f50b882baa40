#!/usr/bin/env node
// Converts the published test vectors in vectors/ (see vectors/PROVENANCE.md) into a plain line
// format that native/test/test_vectors.c reads without a JSON parser, so the same vectors check
// the C core directly in every build scripts/test-c.sh makes (native, sanitizers, AVX2/AVX-512,
// WASM, AArch64). The interpretation of every case follows the TypeScript tests exactly
// (ts/test/acvp.test.ts, wycheproof.test.ts, falcon-vectors.test.ts).
//
//   node scripts/gen-c-vectors.mjs [--force] [--out DIR]     (default DIR: build/c-vectors)
//
// Regenerates only when a vector file (or this script) is newer than DIR/MANIFEST.
//
// Output: DIR/MANIFEST and one file per group. MANIFEST lines:
//   format pqsimd-c-vectors 1
//   group <name> <file> <cases> <skipped>
//   end <groups> <cases> <skipped>
// A group file holds one record per line; tokens are separated by single spaces and come in the
// fixed order below; hex is lower case, `-` means "absent", an empty value means zero bytes, and
// `^` means "the same bytes as this field of the previous record" (pk and msg only).
//   keygen id=ID L=44|65|87 seed=HEX pk=HEX sk=HEX
//   sign   id=ID L=.. seed=HEX|- sk=HEX|- pk=HEX|- mode=MODE ctx=HEX msg=HEX|- mu=HEX|- rnd=HEX
//          expect=sig|badkey|ctxlong sig=HEX|-
//   verify id=ID L=.. pk=HEX mode=MODE ctx=HEX msg=HEX|- mu=HEX|- sig=HEX expect=1|0
//   falcon id=ID alg=512|1024|det1024 pk=HEX|^ msg=HEX|^ sig=HEX expect=1|0
//   skip   id=ID reason=free text up to the end of the line
// MODE: pure (mu = H(tr || 0 || |ctx| || ctx || msg)), pre:N (HashML-DSA with pre-hash id N in the
// ACVP / PQ_PH_* order), raw (Sign_internal / Verify_internal on M' = msg), mu (external mu).
// sign: key from seed (KeyGen; pk, if given, must match) or the expanded sk. expect=sig: the
// signature must equal sig; badkey: the sk is out of range and signing must refuse it; ctxlong:
// |ctx| > 255, which no mu exists for (the bindings reject it), so the C test signs with the first
// 255 bytes of ctx and checks the round trip instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VEC = join(ROOT, 'vectors');
const args = process.argv.slice(2);
const force = args.includes('--force');
const outArg = args.indexOf('--out');
const outValue = outArg >= 0 ? args[outArg + 1] : undefined;
if (outArg >= 0 && !outValue) throw new Error('gen-c-vectors: --out needs a directory');
const OUT = outValue ? resolve(outValue) : join(ROOT, 'build', 'c-vectors');

// ---- inputs and freshness ---------------------------------------------------------------------

const ACVP_DIRS = ['ML-DSA-keyGen-FIPS204', 'ML-DSA-sigGen-FIPS204', 'ML-DSA-sigGen-FIPS204-tr1', 'ML-DSA-sigVer-FIPS204'];
const WP_LEVELS = [44, 65, 87];
const WP_KINDS = ['verify', 'sign_seed', 'sign_noseed'];

function vecPath(rel) {
  const p = join(VEC, rel);
  if (existsSync(p)) return p;
  if (!rel.endsWith('.gz') && existsSync(`${p}.gz`)) return `${p}.gz`;
  throw new Error(`missing vector file vectors/${rel}`);
}

const INPUTS = [
  ...ACVP_DIRS.flatMap((d) => [vecPath(`acvp/${d}/prompt.json`), vecPath(`acvp/${d}/expectedResults.json`)]),
  ...WP_LEVELS.flatMap((l) => WP_KINDS.map((k) => vecPath(`wycheproof/mldsa_${l}_${k}_test.json`))),
  vecPath('falcon/round3/falcon512-KAT.rsp'),
  vecPath('falcon/round3/falcon1024-KAT.rsp'),
  ...['512', '1024', 'padded-512', 'padded-1024'].map((s) => vecPath(`falcon/pqclean/nistkat_out_falcon-${s}_clean`)),
  vecPath('falcon/reference/falcon-ref.jsonl.gz'),
  vecPath('falcon/algorand-det1024/det1024_vectors.txt.gz'),
  fileURLToPath(import.meta.url),
];

const MANIFEST = join(OUT, 'MANIFEST');
if (!force && existsSync(MANIFEST)) {
  const made = statSync(MANIFEST).mtimeMs;
  const newest = Math.max(...INPUTS.map((p) => statSync(p).mtimeMs));
  const files = readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('group '))
    .map((l) => l.split(' ')[2]);
  if (made >= newest && files.length > 0 && files.every((f) => f !== undefined && existsSync(join(OUT, f)))) {
    console.log(`gen-c-vectors: ${OUT} is up to date (${files.length} groups)`);
    process.exit(0);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

function readText(p) {
  let b = readFileSync(p);
  if (p.endsWith('.gz')) b = gunzipSync(b);
  return b.toString('utf8');
}
const readJson = (rel) => JSON.parse(readText(vecPath(rel)));

/** Strict hex check; returns lower case. */
function hx(s, what) {
  if (typeof s !== 'string' || s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new Error(`${what}: bad hex`);
  return s.toLowerCase();
}
const fromHex = (s) => Buffer.from(hx(s, 'hex'), 'hex');
const toHex = (b) => Buffer.from(b).toString('hex');
const ZERO32 = '00'.repeat(32);

function assert(c, msg) {
  if (!c) throw new Error(msg);
}

const LEVEL = { 'ML-DSA-44': 44, 'ML-DSA-65': 65, 'ML-DSA-87': 87 };
const SIZES = { 44: { pk: 1312, sk: 2560, sig: 2420 }, 65: { pk: 1952, sk: 4032, sig: 3309 }, 87: { pk: 2592, sk: 4896, sig: 4627 } };
function level(p) {
  const l = LEVEL[p];
  assert(l, `unknown parameter set ${p}`);
  return l;
}
const HASHES = [
  'SHA2-224',
  'SHA2-256',
  'SHA2-384',
  'SHA2-512',
  'SHA2-512/224',
  'SHA2-512/256',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'SHAKE-128',
  'SHAKE-256',
];
function prehashId(h) {
  const i = HASHES.indexOf(h);
  assert(i >= 0, `unexpected hashAlg ${h}`);
  return i;
}

/** A group: records in order, counting cases and skips. */
class Group {
  constructor(name) {
    this.name = name;
    this.file = `${name}.txt`;
    this.lines = [];
    this.cases = 0;
    this.skipped = 0;
    this.why = new Map();
    this.prev = null; // previous record's fields, for `^`
  }
  keygen(id, L, seed, pk, sk) {
    this.cases++;
    this.lines.push(`keygen id=${id} L=${L} seed=${seed} pk=${pk} sk=${sk}`);
  }
  sign(r) {
    this.cases++;
    const o = (v) => (v === undefined ? '-' : v);
    this.lines.push(
      `sign id=${r.id} L=${r.L} seed=${o(r.seed)} sk=${o(r.sk)} pk=${o(r.pk)} mode=${r.mode} ctx=${r.ctx ?? ''} ` +
        `msg=${o(r.msg)} mu=${o(r.mu)} rnd=${r.rnd} expect=${r.expect} sig=${o(r.sig)}`,
    );
  }
  verify(r) {
    this.cases++;
    const o = (v) => (v === undefined ? '-' : v);
    this.lines.push(
      `verify id=${r.id} L=${r.L} pk=${r.pk} mode=${r.mode} ctx=${r.ctx ?? ''} msg=${o(r.msg)} mu=${o(r.mu)} ` + `sig=${r.sig} expect=${r.expect ? 1 : 0}`,
    );
  }
  falcon(id, alg, pk, msg, sig, expect) {
    this.cases++;
    const same = (k, v) => (this.prev && this.prev[k] === v ? '^' : v);
    this.lines.push(`falcon id=${id} alg=${alg} pk=${same('pk', pk)} msg=${same('msg', msg)} sig=${sig} expect=${expect ? 1 : 0}`);
    this.prev = { pk, msg };
  }
  skip(id, reason) {
    this.skipped++;
    this.why.set(reason, (this.why.get(reason) ?? 0) + 1);
    this.lines.push(`skip id=${id} reason=${reason}`);
  }
}
const GROUPS = [];
const group = (name) => {
  const g = new Group(name);
  GROUPS.push(g);
  return g;
};

// ---- ACVP -------------------------------------------------------------------------------------

/** prompt + expectedResults joined by tcId (as ts/test/vectors-util.ts loadAcvp). */
function loadAcvp(dir, mode, revision) {
  const prompt = readJson(`acvp/${dir}/prompt.json`);
  const expected = readJson(`acvp/${dir}/expectedResults.json`);
  for (const f of [prompt, expected]) {
    assert(f.algorithm === 'ML-DSA' && f.mode === mode && f.revision === revision, `${dir}: unexpected ${f.algorithm}/${f.mode}/${f.revision}`);
  }
  const byId = new Map();
  for (const g of expected.testGroups)
    for (const t of g.tests) {
      assert(!byId.has(t.tcId), `${dir}: duplicate tcId ${t.tcId}`);
      byId.set(t.tcId, { tgId: g.tgId, test: t });
    }
  const out = [];
  for (const g of prompt.testGroups) {
    assert(g.testType === 'AFT', `${dir}: testType ${g.testType}`);
    for (const t of g.tests) {
      const e = byId.get(t.tcId);
      assert(e && e.tgId === g.tgId, `${dir}: no expected result for tcId ${t.tcId}`);
      byId.delete(t.tcId);
      out.push({ g, t, e: e.test });
    }
  }
  assert(byId.size === 0, `${dir}: ${byId.size} expected results without a prompt`);
  return out;
}

function need(v, what, id) {
  assert(v !== undefined, `${id}: lacks ${what}`);
  return v;
}

{
  const g = group('acvp-keygen');
  const cases = loadAcvp('ML-DSA-keyGen-FIPS204', 'keyGen', 'FIPS204');
  assert(cases.length === 75, 'keyGen: expected 75 cases');
  for (const { g: tg, t, e } of cases) {
    const L = level(tg.parameterSet);
    const pk = hx(e.pk, 'pk');
    const sk = hx(e.sk, 'sk');
    assert(pk.length === 2 * SIZES[L].pk && sk.length === 2 * SIZES[L].sk, `keyGen tcId ${t.tcId}: key sizes`);
    g.keygen(`tg${tg.tgId}/tc${t.tcId}`, L, hx(t.seed, 'seed'), pk, sk);
  }
}

function sigGen(name, dir, revision, count, tr1) {
  const g = group(name);
  const cases = loadAcvp(dir, 'sigGen', revision);
  assert(cases.length === count, `${name}: expected ${count} cases, found ${cases.length}`);
  for (const { g: tg, t, e } of cases) {
    const id = `tg${tg.tgId}/tc${t.tcId}`;
    const L = level(tg.parameterSet);
    const r = { id, L, sig: hx(e.signature, 'signature'), expect: 'sig' };
    assert(r.sig.length === 2 * SIZES[L].sig, `${id}: signature size`);
    const keyFormat = tr1 ? tg.keyFormat : 'expanded';
    if (keyFormat === 'seed') {
      assert(t.sk === undefined, `${id}: seed key with sk`);
      r.seed = hx(need(t.seed, 'seed', id), 'seed');
      assert(r.seed.length === 64, `${id}: seed size`);
    } else {
      assert(keyFormat === 'expanded' && t.seed === undefined, `${id}: keyFormat ${keyFormat}`);
      r.sk = hx(need(t.sk, 'sk', id), 'sk');
      assert(r.sk.length === 2 * SIZES[L].sk, `${id}: sk size`);
    }
    if (tg.deterministic === true) {
      assert(t.rnd === undefined, `${id}: deterministic with rnd`);
      r.rnd = ZERO32;
    } else {
      assert(tg.deterministic === false, `${id}: deterministic ${tg.deterministic}`);
      r.rnd = hx(need(t.rnd, 'rnd', id), 'rnd');
      assert(r.rnd.length === 64, `${id}: rnd size`);
    }
    if (tg.signatureInterface === 'external') {
      assert(t.mu === undefined, `${id}: external with mu`);
      r.msg = hx(need(t.message, 'message', id), 'message');
      r.ctx = hx(need(t.context, 'context', id), 'context');
      assert(r.ctx.length <= 510, `${id}: context > 255 bytes`);
      if (tg.preHash === 'pure') {
        assert(t.hashAlg === undefined, `${id}: pure with hashAlg`);
        r.mode = 'pure';
      } else {
        assert(tg.preHash === 'preHash', `${id}: preHash ${tg.preHash}`);
        r.mode = `pre:${prehashId(t.hashAlg)}`;
      }
    } else {
      assert(tg.signatureInterface === 'internal', `${id}: signatureInterface ${tg.signatureInterface}`);
      assert(t.context === undefined && t.hashAlg === undefined, `${id}: internal with context/hashAlg`);
      if (tg.externalMu === true) {
        assert(t.message === undefined, `${id}: externalMu with message`);
        r.mode = 'mu';
        r.mu = hx(need(t.mu, 'mu', id), 'mu');
        assert(r.mu.length === 128, `${id}: mu size`);
      } else {
        assert(tg.externalMu === false && t.mu === undefined, `${id}: externalMu ${tg.externalMu}`);
        r.mode = 'raw';
        r.msg = hx(need(t.message, 'message', id), 'message');
      }
    }
    g.sign(r);
  }
}
sigGen('acvp-siggen', 'ML-DSA-sigGen-FIPS204', 'FIPS204', 360, false);
sigGen('acvp-siggen-tr1', 'ML-DSA-sigGen-FIPS204-tr1', 'FIPS204-tr1', 720, true);

{
  const g = group('acvp-sigver');
  const cases = loadAcvp('ML-DSA-sigVer-FIPS204', 'sigVer', 'FIPS204');
  assert(cases.length === 180, 'sigVer: expected 180 cases');
  let passing = 0;
  for (const { g: tg, t, e } of cases) {
    const id = `tg${tg.tgId}/tc${t.tcId}`;
    assert(typeof e.testPassed === 'boolean', `${id}: testPassed`);
    passing += e.testPassed ? 1 : 0;
    const r = { id, L: level(tg.parameterSet), pk: hx(t.pk, 'pk'), sig: hx(t.signature, 'signature'), expect: e.testPassed };
    if (tg.signatureInterface === 'external') {
      assert(t.mu === undefined, `${id}: external with mu`);
      r.msg = hx(need(t.message, 'message', id), 'message');
      r.ctx = hx(need(t.context, 'context', id), 'context');
      assert(r.ctx.length <= 510, `${id}: context > 255 bytes`);
      if (tg.preHash === 'pure') {
        assert(t.hashAlg === undefined, `${id}: pure with hashAlg`);
        r.mode = 'pure';
      } else {
        assert(tg.preHash === 'preHash', `${id}: preHash ${tg.preHash}`);
        r.mode = `pre:${prehashId(t.hashAlg)}`;
      }
    } else {
      assert(tg.signatureInterface === 'internal' && t.context === undefined && t.hashAlg === undefined, `${id}: interface`);
      if (tg.externalMu === true) {
        assert(t.message === undefined, `${id}: externalMu with message`);
        r.mode = 'mu';
        r.mu = hx(need(t.mu, 'mu', id), 'mu');
      } else {
        assert(tg.externalMu === false && t.mu === undefined, `${id}: externalMu ${tg.externalMu}`);
        r.mode = 'raw';
        r.msg = hx(need(t.message, 'message', id), 'message');
      }
    }
    g.verify(r);
  }
  assert(passing === 36, `sigVer: expected 36 passing cases, found ${passing}`);
}

// ---- Wycheproof -------------------------------------------------------------------------------

const WP_TOTAL = 1138;
let wpTotal = 0;
const SKIP_SEEDLEN =
  'seed of the wrong length: pq_mldsa_keygen takes exactly 32 bytes (the length check is in the bindings; covered by ts/test/wycheproof.test.ts)';
const SKIP_SKLEN =
  'secret key of the wrong length: the C signing API takes no sk length (the length check is in the bindings; covered by ts/test/wycheproof.test.ts)';
const SKIP_VERIFY_CTX =
  'context > 255 bytes: no mu exists, the C verify API cannot be called (the bindings return false; covered by ts/test/wycheproof.test.ts)';

for (const L of WP_LEVELS) {
  for (const kind of WP_KINDS) {
    const file = `mldsa_${L}_${kind}_test.json`;
    const f = readJson(`wycheproof/${file}`);
    assert(f.schema === `mldsa_${kind}_schema.json` && f.algorithm === `ML-DSA-${L}`, `${file}: schema/algorithm`);
    const g = group(`wycheproof-${L}-${kind.replace('_', '-')}`);
    let n = 0;
    for (const tg of f.testGroups) {
      for (const t of tg.tests) {
        n++;
        const id = `tc${t.tcId}`;
        assert(t.result === 'valid' || t.result === 'invalid', `${file} ${id}: result ${t.result}`);
        const valid = t.result === 'valid';
        if (kind === 'verify') {
          const ctx = t.ctx !== undefined ? hx(t.ctx, 'ctx') : '';
          if (ctx.length > 510) {
            assert(!valid, `${file} ${id}: valid with a context > 255 bytes`);
            g.skip(id, SKIP_VERIFY_CTX);
            continue;
          }
          g.verify({ id, L, pk: hx(tg.publicKey, 'pk'), mode: 'pure', ctx, msg: hx(t.msg, 'msg'), sig: hx(t.sig, 'sig'), expect: valid });
          continue;
        }
        // sign_seed / sign_noseed
        const r = { id, L, rnd: t.rnd !== undefined ? hx(t.rnd, 'rnd') : ZERO32 };
        if (t.rnd !== undefined) assert(t.flags.includes('Randomized') && r.rnd.length === 64, `${file} ${id}: rnd`);
        if (kind === 'sign_seed') {
          if (tg.publicKey === null) {
            assert(!valid && t.flags.includes('IncorrectPrivateKeyLength') && t.sig === '', `${file} ${id}: null publicKey`);
            assert(hx(tg.privateSeed, 'seed').length !== 64, `${file} ${id}: seed of the right length`);
            g.skip(id, SKIP_SEEDLEN);
            continue;
          }
          r.seed = hx(tg.privateSeed, 'seed');
          assert(r.seed.length === 64, `${file} ${id}: seed size`);
          r.pk = hx(tg.publicKey, 'pk');
        } else {
          const sk = hx(tg.privateKey, 'sk');
          if (!valid && t.flags.includes('IncorrectPrivateKeyLength')) {
            assert(sk.length !== 2 * SIZES[L].sk && t.sig === '', `${file} ${id}: sk length`);
            g.skip(id, SKIP_SKLEN);
            continue;
          }
          assert(sk.length === 2 * SIZES[L].sk, `${file} ${id}: sk size`);
          r.sk = sk;
          if (tg.publicKey !== null) r.pk = hx(tg.publicKey, 'pk');
        }
        r.ctx = t.ctx !== undefined ? hx(t.ctx, 'ctx') : '';
        if (t.mu !== undefined) r.mu = hx(t.mu, 'mu');
        if (t.msg !== undefined) {
          assert(!t.flags.includes('Internal'), `${file} ${id}: Internal with msg`);
          r.mode = 'pure';
          r.msg = hx(t.msg, 'msg');
        } else {
          assert(valid && t.flags.includes('Internal') && t.ctx === undefined && r.mu, `${file} ${id}: no msg`);
          r.mode = 'mu';
        }
        if (valid) {
          assert(r.mu && t.sig.length === 2 * SIZES[L].sig, `${file} ${id}: valid case lacks mu / sig`);
          r.expect = 'sig';
          r.sig = hx(t.sig, 'sig');
        } else if (t.flags.includes('InvalidContext')) {
          assert(t.sig === '' && r.ctx.length > 510 && r.mu === undefined && r.pk, `${file} ${id}: InvalidContext`);
          r.expect = 'ctxlong';
        } else if (kind === 'sign_noseed' && t.flags.includes('InvalidPrivateKey')) {
          assert(t.sig === '', `${file} ${id}: InvalidPrivateKey with a signature`);
          r.expect = 'badkey';
        } else {
          throw new Error(`${file} ${id}: unhandled invalid case, flags ${t.flags.join(',')}`);
        }
        g.sign(r);
      }
    }
    assert(n === f.numberOfTests, `${file}: ${n} tests, numberOfTests ${f.numberOfTests}`);
    wpTotal += n;
  }
}
assert(wpTotal === WP_TOTAL, `Wycheproof: ${wpTotal} cases, expected ${WP_TOTAL}`);

// ---- Falcon -----------------------------------------------------------------------------------

/** `key = value` blocks separated by blank lines (NIST .rsp / PQClean / det1024). */
function parseBlocks(text) {
  const out = [];
  let cur = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    if (line === '') {
      cur = null;
      continue;
    }
    const eq = line.indexOf('=');
    assert(eq >= 0, `unparsable line ${line.slice(0, 40)}`);
    const k = line.slice(0, eq).trim();
    if (!cur) {
      cur = {};
      out.push(cur);
    }
    assert(!(k in cur), `duplicate key ${k}`);
    cur[k] = line.slice(eq + 1).trim();
  }
  return out.filter((b) => 'count' in b);
}
function field(b, k) {
  assert(b[k] !== undefined, `record count=${b.count} lacks ${k}`);
  return b[k];
}

/** NIST sm = siglen(2, BE) ‖ nonce(40) ‖ msg ‖ 0x20+logn ‖ comp(s2) -> detached 0x30+logn ‖ nonce ‖ comp(s2). */
function smToDetached(sm, mlen, logn) {
  const siglen = (sm[0] << 8) | sm[1];
  assert(sm.length === 42 + mlen + siglen && sm[42 + mlen] === 0x20 + logn, 'sm layout');
  return { msg: sm.subarray(42, 42 + mlen), sig: Buffer.concat([Buffer.from([0x30 + logn]), sm.subarray(2, 42), sm.subarray(43 + mlen)]) };
}

/** Falcon compressed encoding of n coefficients (spec 3.11.2); null unless canonical and exact. */
function compDecode(buf, n) {
  let bit = 0;
  const total = buf.length * 8;
  const get = () => (bit < total ? (buf[bit >> 3] >> (7 - (bit++ & 7))) & 1 : -1);
  const x = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    if (bit + 8 > total) return null;
    const s = get();
    let low = 0;
    for (let j = 0; j < 7; j++) low = (low << 1) | get();
    let high = 0;
    for (;;) {
      const b = get();
      if (b < 0) return null;
      if (b === 1) break;
      if (++high > 15) return null;
    }
    const m = (high << 7) | low;
    if (m > 2047 || (s && m === 0)) return null;
    x[i] = s ? -m : m;
  }
  while (bit < total) if (get() !== 0) return null; // unused bits zero, every byte used
  return x;
}
/** The reference's constant-size encoding: 12-bit two's complement, most significant bit first. */
function ct12Encode(x) {
  const out = Buffer.alloc((x.length * 12) / 8);
  let bit = 0;
  for (const c of x) {
    const v = c & 0xfff;
    for (let j = 11; j >= 0; j--, bit++) if ((v >> j) & 1) out.writeUInt8(out.readUInt8(bit >> 3) | (0x80 >> (bit & 7)), bit >> 3);
  }
  return out;
}
function toCt(sig, logn) {
  const s2 = compDecode(sig.subarray(41), 1 << logn);
  assert(s2, 'signature body is not a canonical compressed s2');
  return Buffer.concat([Buffer.from([0x50 + logn]), sig.subarray(1, 41), ct12Encode(s2)]);
}
const zeroFill = (sig, len) => Buffer.concat([sig, Buffer.alloc(len - sig.length)]);
/** A deterministic position in [from, len) and a nonzero XOR mask, from a label. */
function mutate(label, b, from = 0) {
  const h = createHash('sha256').update(`pqsimd-c-vectors/${label}`).digest();
  const out = Buffer.from(b);
  const at = from + (h.readUInt32BE(0) % (b.length - from));
  out.writeUInt8(out.readUInt8(at) ^ (1 + (h.readUInt8(4) % 255)), at);
  return out;
}
const FALCON = {
  9: { alg: '512', pk: 897, padded: 666, ct: 809, file: 'falcon512-KAT.rsp', pq: '512' },
  10: { alg: '1024', pk: 1793, padded: 1280, ct: 1577, file: 'falcon1024-KAT.rsp', pq: '1024' },
};

const round3 = {};
{
  const g = group('falcon-round3');
  for (const logn of [9, 10]) {
    const S = FALCON[logn];
    const kats = parseBlocks(readText(vecPath(`falcon/round3/${S.file}`)));
    assert(kats.length === 100, `${S.file}: expected 100 KATs`);
    round3[logn] = [];
    for (const b of kats) {
      const mlen = Number(field(b, 'mlen'));
      const sm = fromHex(field(b, 'sm'));
      assert(sm.length === Number(field(b, 'smlen')), `${S.file} count=${b.count}: smlen`);
      const { msg, sig } = smToDetached(sm, mlen, logn);
      assert(toHex(msg) === hx(field(b, 'msg'), 'msg'), `${S.file} count=${b.count}: msg`);
      const pk = hx(field(b, 'pk'), 'pk');
      assert(pk.length === 2 * S.pk, `${S.file} count=${b.count}: pk size`);
      round3[logn].push(sig);
      const id = `falcon${S.alg}/count${b.count}`;
      const m = toHex(msg);
      g.falcon(`${id}/compressed`, S.alg, pk, m, toHex(sig), true);
      g.falcon(`${id}/compressed-mutated`, S.alg, pk, m, toHex(mutate(`${id}/c`, sig)), false);
      const nist = Buffer.from(sig);
      nist[0] = 0x20 + logn; // the NIST sm header byte is not a detached-signature header
      g.falcon(`${id}/nist-header`, S.alg, pk, m, toHex(nist), false);
      if (sig.length <= S.padded) {
        const p = zeroFill(sig, S.padded);
        g.falcon(`${id}/padded`, S.alg, pk, m, toHex(p), true);
        if (sig.length < S.padded) {
          g.falcon(`${id}/padded-nonzero-fill`, S.alg, pk, m, toHex(mutate(`${id}/p`, p, sig.length)), false);
          g.falcon(`${id}/padded-plus-one`, S.alg, pk, m, toHex(zeroFill(sig, S.padded + 1)), false);
        }
      }
      const ct = toCt(sig, logn);
      assert(ct.length === S.ct, 'CT size');
      g.falcon(`${id}/ct`, S.alg, pk, m, toHex(ct), true);
      g.falcon(`${id}/ct-mutated`, S.alg, pk, m, toHex(mutate(`${id}/t`, ct)), false);
      g.falcon(`${id}/ct-truncated`, S.alg, pk, m, toHex(ct.subarray(0, S.ct - 1)), false);
      g.falcon(`${id}/msg-extended`, S.alg, pk, toHex(Buffer.concat([msg, Buffer.from([0])])), toHex(sig), false);
    }
  }
}

{
  const g = group('falcon-pqclean');
  for (const logn of [9, 10]) {
    const S = FALCON[logn];
    const c = parseBlocks(readText(vecPath(`falcon/pqclean/nistkat_out_falcon-${S.pq}_clean`)));
    const p = parseBlocks(readText(vecPath(`falcon/pqclean/nistkat_out_falcon-padded-${S.pq}_clean`)));
    assert(c.length === 1 && p.length === 1, `pqclean ${S.pq}: expected one KAT each`);
    const [cb, pb] = [c[0], p[0]];
    const mlen = Number(field(cb, 'mlen'));
    const pk = hx(field(cb, 'pk'), 'pk');
    assert(hx(field(pb, 'pk'), 'pk') === pk && field(pb, 'msg') === field(cb, 'msg'), `pqclean ${S.pq}: padded KAT differs`);
    const comp = smToDetached(fromHex(field(cb, 'sm')), mlen, logn);
    assert(comp.sig.equals(round3[logn][0]), `pqclean ${S.pq}: KAT #0 is not round-3 KAT #0`);
    const psm = fromHex(field(pb, 'sm'));
    assert(psm.length === S.padded + mlen && psm[0] === 0x30 + logn, `pqclean padded ${S.pq}: layout`);
    const psig = psm.subarray(0, S.padded);
    const pmsg = psm.subarray(S.padded);
    assert(pmsg.equals(comp.msg), `pqclean padded ${S.pq}: msg`);
    let end = psig.length;
    while (end > 41 && psig[end - 1] === 0) end--;
    const id = `falcon${S.alg}-pqclean/count0`;
    const m = toHex(comp.msg);
    g.falcon(`${id}/compressed`, S.alg, pk, m, toHex(comp.sig), true);
    g.falcon(`${id}/padded`, S.alg, pk, m, toHex(psig), true);
    g.falcon(`${id}/padded-unfilled`, S.alg, pk, m, toHex(psig.subarray(0, end)), true);
    g.falcon(`${id}/padded-mutated`, S.alg, pk, m, toHex(mutate(`${id}/p`, psig)), false);
  }
}

{
  const g = group('falcon-reference');
  const recs = readText(vecPath('falcon/reference/falcon-ref.jsonl.gz'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
  assert(recs.length === 1434, `falcon-ref: ${recs.length} records, expected 1434`);
  const ALG = { 'falcon-512': '512', 'falcon-1024': '1024', 'falcon-det1024': 'det1024' };
  let valid = 0;
  recs.forEach((r, i) => {
    const alg = ALG[r.alg];
    assert(alg && typeof r.valid === 'boolean' && (r.valid ? r.case === 'valid' : r.case !== 'valid'), `falcon-ref record ${i}`);
    valid += r.valid ? 1 : 0;
    const id = `record${i}/${r.alg}/${r.format}/${r.case}`;
    g.falcon(id, alg, hx(r.pk, 'pk'), hx(r.msg, 'msg'), hx(r.sig, 'sig'), r.valid);
    if (r.valid && r.format === 'compressed' && alg !== 'det1024') {
      const logn = alg === '512' ? 9 : 10;
      g.falcon(`${id}/as-ct`, alg, hx(r.pk, 'pk'), hx(r.msg, 'msg'), toHex(toCt(fromHex(r.sig), logn)), true);
    }
  });
  assert(valid === 240, `falcon-ref: ${valid} valid records, expected 240`);
}

{
  const g = group('falcon-det1024');
  const kats = parseBlocks(readText(vecPath('falcon/algorand-det1024/det1024_vectors.txt.gz')));
  assert(kats.length === 512, `det1024: ${kats.length} KATs, expected 512`);
  // Algorand det1024: salt40 = version ‖ 0x0A ‖ "FALCON_DET" ‖ 28 zero bytes.
  const salt0 = Buffer.concat([Buffer.from([0, 0x0a]), Buffer.from('FALCON_DET'), Buffer.alloc(28)]);
  for (const b of kats) {
    const msg = hx(field(b, 'msg'), 'msg');
    const pk = hx(field(b, 'pk'), 'pk');
    const comp = fromHex(field(b, 'sig_compressed'));
    const ct = fromHex(field(b, 'sig_ct'));
    assert(msg.length / 2 === Number(field(b, 'mlen')) && comp.length === Number(field(b, 'siglen')), `det1024 count=${b.count}: lengths`);
    assert(
      comp[0] === 0xba && comp[1] === 0 && ct[0] === 0xda && ct[1] === 0 && ct.length === 1538 && pk.length === 2 * 1793,
      `det1024 count=${b.count}: layout`,
    );
    const id = `det1024/count${b.count}`;
    g.falcon(`${id}/compressed`, 'det1024', pk, msg, toHex(comp), true);
    g.falcon(`${id}/ct`, 'det1024', pk, msg, toHex(ct), true);
    g.falcon(`${id}/compressed-mutated`, 'det1024', pk, msg, toHex(mutate(`${id}/c`, comp)), false);
    g.falcon(`${id}/ct-mutated`, 'det1024', pk, msg, toHex(mutate(`${id}/t`, ct)), false);
    const v1 = Buffer.from(comp);
    v1[1] = 1; // another salt version changes the hashed salt
    g.falcon(`${id}/salt-version-1`, 'det1024', pk, msg, toHex(v1), false);
    // Re-salted as a round-3 Falcon-1024 signature, it verifies there.
    g.falcon(`${id}/resalted-as-round3`, '1024', pk, msg, toHex(Buffer.concat([Buffer.from([0x3a]), salt0, comp.subarray(2)])), true);
    g.falcon(`${id}/as-is-under-round3`, '1024', pk, msg, toHex(comp), false);
  }
}

// ---- write ------------------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
if (existsSync(MANIFEST)) unlinkSync(MANIFEST); // no MANIFEST while the groups are rewritten
const tmp = (p) => `${p}.tmp-${process.pid}`;
let manifest = 'format pqsimd-c-vectors 1\n';
let cases = 0;
let skipped = 0;
for (const g of GROUPS) {
  const p = join(OUT, g.file);
  writeFileSync(tmp(p), `${g.lines.join('\n')}\n`);
  renameSync(tmp(p), p);
  manifest += `group ${g.name} ${g.file} ${g.cases} ${g.skipped}\n`;
  cases += g.cases;
  skipped += g.skipped;
  console.log(`  ${g.name.padEnd(28)} ${String(g.cases).padStart(5)} cases${g.skipped ? `, ${g.skipped} not expressible` : ''}`);
  for (const [why, n] of g.why) console.log(`      ${n} x ${why}`);
}
manifest += `end ${GROUPS.length} ${cases} ${skipped}\n`;
writeFileSync(tmp(MANIFEST), manifest);
renameSync(tmp(MANIFEST), MANIFEST);
console.log(`gen-c-vectors: wrote ${GROUPS.length} groups, ${cases} cases (${skipped} not expressible against the C API) to ${OUT}`);
