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
//
// The AEAD family's vectors (vectors/aead, see its PROVENANCE.md) go to a second manifest,
// DIR/MANIFEST-aead (same format), read by native/test/test_aead.c:
//   aead     id=ID kind=0|1|2 key=HEX nonce=HEX aad=HEX msg=HEX ct=HEX tag=HEX expect=1|0
//            (kind as aead_seal; expect=1: seal gives ct and tag, open accepts; expect=0: open must
//            not accept: a modified tag, or a nonce of the wrong length, which must be an error)
//   stream   id=ID cipher=0..4 key=HEX nonce=HEX counter=DEC msg=HEX|- out=HEX
//            (cipher as stream_xor; msg `-`: out is the keystream itself)
//   fold     id=ID cipher=.. key=HEX nonce=HEX counter=DEC len=DEC fold=HEX
//            (len keystream bytes XOR-folded into 64: fold[i mod 64] ^= ks[i])
//   poly     id=ID key=HEX msg=HEX tag=HEX
//   subkey   id=ID alg=0|1 key=HEX in=HEX out=HEX     (0 HChaCha20, 1 HSalsa20)
//   qr       id=ID idx=A,B,C,D in=HEX out=HEX          (ChaCha quarter-round on 16 words, 8 hex
//            digits each, most significant first)
//   sstinit  id=ID key=HEX header=HEX state=HEX
//   sstpush  id=ID state=HEX tag=0..3 ad=HEX msg=HEX wire=HEX next=HEX   (pull of wire gives msg back)
//   sstbad   id=ID state=HEX ad=HEX wire=HEX           (pull must reject it)
//   sstrekey id=ID state=HEX next=HEX
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
  ...[
    'wycheproof/chacha20_poly1305_test.json',
    'wycheproof/xchacha20_poly1305_test.json',
    'noble-ciphers/stablelib_chacha20.json',
    'noble-ciphers/stablelib_chacha20poly1305.json',
    'noble-ciphers/stablelib_xchacha20poly1305.json',
    'noble-ciphers/stablelib_poly1305.json',
    'noble-ciphers/stablelib_salsa20.json',
    'noble-ciphers/tweetnacl_secretbox.json.gz',
    'rfc8439/rfc8439.json',
    'xchacha-draft/xchacha-draft.json',
    'libsodium/secretstream_xchacha20poly1305.json',
  ].map((f) => vecPath(`aead/${f}`)),
  fileURLToPath(import.meta.url),
];

const MANIFEST = join(OUT, 'MANIFEST');
const MANIFEST_AEAD = join(OUT, 'MANIFEST-aead');
if (!force && existsSync(MANIFEST) && existsSync(MANIFEST_AEAD)) {
  const made = Math.min(statSync(MANIFEST).mtimeMs, statSync(MANIFEST_AEAD).mtimeMs);
  const newest = Math.max(...INPUTS.map((p) => statSync(p).mtimeMs));
  const files = [MANIFEST, MANIFEST_AEAD].flatMap((m) =>
    readFileSync(m, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('group '))
      .map((l) => l.split(' ')[2]),
  );
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
const AEAD_GROUPS = [];
const group = (name, list = GROUPS) => {
  const g = new Group(name);
  list.push(g);
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

// ---- AEAD (MANIFEST-aead) ---------------------------------------------------------------------

/** A record line of the AEAD groups: `op id=.. k=v ...` (values already hex or decimal). */
function rec(g, op, id, fields) {
  g.cases++;
  g.lines.push(
    `${op} id=${id}${Object.entries(fields)
      .map(([k, v]) => ` ${k}=${v}`)
      .join('')}`,
  );
}
const aeadJson = (f) => readJson(`aead/${f}`);
const AEAD_NONCE = { 0: 24, 1: 48, 2: 48 }; // hex digits

{
  const g = group('aead-wycheproof', AEAD_GROUPS);
  for (const [file, kind, total] of [
    ['chacha20_poly1305_test.json', 0, 325],
    ['xchacha20_poly1305_test.json', 1, 315],
  ]) {
    const f = aeadJson(`wycheproof/${file}`);
    assert(f.schema === 'aead_test_schema_v1.json', `${file}: schema`);
    let n = 0;
    for (const tg of f.testGroups) {
      assert(tg.keySize === 256 && tg.tagSize === 128, `${file}: group sizes`);
      for (const t of tg.tests) {
        n++;
        const id = `${file.replace('_test.json', '')}/tc${t.tcId}`;
        const nonce = hx(t.iv, 'iv');
        const badNonce = nonce.length !== AEAD_NONCE[kind];
        assert(t.result === 'valid' || t.result === 'invalid', `${id}: result ${t.result}`);
        assert(badNonce === t.flags.includes('InvalidNonceSize') && (!badNonce || t.result === 'invalid'), `${id}: nonce size`);
        rec(g, 'aead', id, {
          kind,
          key: hx(t.key, 'key'),
          nonce,
          aad: hx(t.aad, 'aad'),
          msg: hx(t.msg, 'msg'),
          ct: hx(t.ct, 'ct'),
          tag: hx(t.tag, 'tag'),
          expect: t.result === 'valid' ? 1 : 0,
        });
      }
    }
    assert(n === total && n === f.numberOfTests, `${file}: ${n} tests`);
  }
}

{
  const g = group('aead-noble', AEAD_GROUPS);
  const orig = aeadJson('noble-ciphers/stablelib_chacha20.json');
  assert(orig.length === 5, 'stablelib_chacha20: 5 cases');
  orig.forEach((c, i) => {
    assert(hx(c.nonce, 'nonce').length === 16, 'stablelib_chacha20: 8-byte nonce');
    rec(g, 'stream', `stablelib_chacha20/${i}`, {
      cipher: 1,
      key: hx(c.key, 'key'),
      nonce: hx(c.nonce, 'nonce'),
      counter: 0,
      msg: '-',
      out: hx(c.stream, 'stream'),
    });
  });
  for (const [file, kind, count] of [
    ['stablelib_chacha20poly1305.json', 0, 67],
    ['stablelib_xchacha20poly1305.json', 1, 1],
  ]) {
    const cases = aeadJson(`noble-ciphers/${file}`);
    assert(cases.length === count, `${file}: ${count} cases`);
    cases.forEach((c, i) => {
      const r = hx(c.result, 'result');
      const m = hx(c.msg, 'msg');
      assert(r.length === m.length + 32, `${file} ${i}: result = ct ‖ tag`);
      rec(g, 'aead', `${file.replace('.json', '')}/${i}`, {
        kind,
        key: hx(c.key, 'key'),
        nonce: hx(c.nonce, 'nonce'),
        aad: hx(c.aad ?? '', 'aad'),
        msg: m,
        ct: r.slice(0, m.length),
        tag: r.slice(m.length),
        expect: 1,
      });
    });
  }
  const poly = aeadJson('noble-ciphers/stablelib_poly1305.json');
  assert(poly.length === 32, 'stablelib_poly1305: 32 cases');
  for (const [i, c] of poly.entries()) rec(g, 'poly', `stablelib_poly1305/${i}`, { key: hx(c.key, 'key'), msg: hx(c.data, 'data'), tag: hx(c.mac, 'mac') });
  const salsa = aeadJson('noble-ciphers/stablelib_salsa20.json');
  assert(salsa.length === 4, 'stablelib_salsa20: 4 cases');
  for (const [i, c] of salsa.entries()) {
    rec(g, 'fold', `stablelib_salsa20/${i}`, {
      cipher: 3,
      key: hx(c.key, 'key'),
      nonce: hx(c.nonce, 'nonce'),
      counter: 0,
      len: c.length,
      fold: hx(c.digest, 'digest'),
    });
  }
  const box = aeadJson('noble-ciphers/tweetnacl_secretbox.json.gz');
  assert(box.length === 768, 'tweetnacl_secretbox: 768 cases');
  box.forEach((c, i) => {
    const [key, nonce, msg, sealed] = c.map((x) => Buffer.from(x, 'base64'));
    assert(key.length === 32 && nonce.length === 24 && sealed.length === msg.length + 16, `tweetnacl_secretbox ${i}: sizes`);
    rec(g, 'aead', `tweetnacl_secretbox/${i}`, {
      kind: 2,
      key: toHex(key),
      nonce: toHex(nonce),
      aad: '',
      msg: toHex(msg),
      ct: toHex(sealed.subarray(16)),
      tag: toHex(sealed.subarray(0, 16)),
      expect: 1,
    });
  });
}

{
  const g = group('aead-rfc8439', AEAD_GROUPS);
  const f = aeadJson('rfc8439/rfc8439.json');
  assert(f.cases.length === 30, 'rfc8439: 30 cases');
  const words = (ws) => ws.map((w) => hx(w, 'word')).join('');
  for (const c of f.cases) {
    const id = c.id;
    switch (c.kind) {
      case 'chacha_quarterround':
        rec(g, 'qr', id, { idx: '0,1,2,3', in: words([...c.input, ...Array(12).fill('00000000')]), out: words([...c.output, ...Array(12).fill('00000000')]) });
        break;
      case 'chacha_quarterround_state':
        rec(g, 'qr', id, { idx: c.indices.join(','), in: words(c.input), out: words(c.output) });
        break;
      case 'chacha20_block':
      case 'poly1305_keygen':
        assert(c.input === '', `${id}: keystream case with input`);
        rec(g, 'stream', id, { cipher: 0, key: hx(c.key, 'key'), nonce: hx(c.nonce, 'nonce'), counter: c.counter, msg: '-', out: hx(c.output, 'output') });
        break;
      case 'chacha20_encrypt':
        rec(g, 'stream', id, {
          cipher: 0,
          key: hx(c.key, 'key'),
          nonce: hx(c.nonce, 'nonce'),
          counter: c.counter,
          msg: hx(c.input, 'input'),
          out: hx(c.output, 'output'),
        });
        break;
      case 'poly1305':
        rec(g, 'poly', id, { key: hx(c.key, 'key'), msg: hx(c.input, 'input'), tag: hx(c.output, 'output') });
        break;
      case 'chacha20poly1305':
        assert(c.counter === 1, `${id}: counter`);
        rec(g, 'aead', id, {
          kind: 0,
          key: hx(c.key, 'key'),
          nonce: hx(c.nonce, 'nonce'),
          aad: hx(c.aad, 'aad'),
          msg: hx(c.input, 'input'),
          ct: hx(c.output, 'output'),
          tag: hx(c.tag, 'tag'),
          expect: 1,
        });
        break;
      default:
        throw new Error(`rfc8439 ${id}: unknown kind ${c.kind}`);
    }
  }
  const x = aeadJson('xchacha-draft/xchacha-draft.json');
  assert(x.cases.length === 4, 'xchacha-draft: 4 cases');
  for (const c of x.cases) {
    if (c.kind === 'hchacha20') rec(g, 'subkey', c.id, { alg: 0, key: hx(c.key, 'key'), in: hx(c.nonce, 'nonce'), out: hx(c.output, 'output') });
    else if (c.kind === 'xchacha20poly1305')
      rec(g, 'aead', c.id, {
        kind: 1,
        key: hx(c.key, 'key'),
        nonce: hx(c.nonce, 'nonce'),
        aad: hx(c.aad, 'aad'),
        msg: hx(c.input, 'input'),
        ct: hx(c.output, 'output'),
        tag: hx(c.tag, 'tag'),
        expect: 1,
      });
    else if (c.kind === 'xchacha20')
      rec(g, 'stream', c.id, {
        cipher: 2,
        key: hx(c.key, 'key'),
        nonce: hx(c.nonce, 'nonce'),
        counter: c.counter,
        msg: hx(c.input, 'input'),
        out: hx(c.output, 'output'),
      });
    else throw new Error(`xchacha-draft ${c.id}: unknown kind ${c.kind}`);
  }
}

{
  const g = group('aead-secretstream', AEAD_GROUPS);
  const f = aeadJson('libsodium/secretstream_xchacha20poly1305.json');
  assert(f.records.length === f.numberOfRecords, 'secretstream: record count');
  for (const r of f.records) {
    if (r.op === 'init') rec(g, 'sstinit', r.id, { key: hx(r.key, 'key'), header: hx(r.header, 'header'), state: hx(r.state, 'state') });
    else if (r.op === 'push')
      rec(g, 'sstpush', r.id, {
        state: hx(r.state, 'state'),
        tag: r.tag,
        ad: hx(r.ad, 'ad'),
        msg: hx(r.msg, 'msg'),
        wire: hx(r.wire, 'wire'),
        next: hx(r.next, 'next'),
      });
    else if (r.op === 'pull' && r.valid === false) rec(g, 'sstbad', r.id, { state: hx(r.state, 'state'), ad: hx(r.ad, 'ad'), wire: hx(r.wire, 'wire') });
    else if (r.op === 'rekey') rec(g, 'sstrekey', r.id, { state: hx(r.state, 'state'), next: hx(r.next, 'next') });
    else throw new Error(`secretstream ${r.id}: unknown record`);
  }
}

// ---- write ------------------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
const tmp = (p) => `${p}.tmp-${process.pid}`;
/** Writes the groups and then their manifest (none while the groups are rewritten). */
function writeManifest(path, groups) {
  if (existsSync(path)) unlinkSync(path);
  let manifest = 'format pqsimd-c-vectors 1\n';
  let cases = 0;
  let skipped = 0;
  for (const g of groups) {
    const p = join(OUT, g.file);
    writeFileSync(tmp(p), `${g.lines.join('\n')}\n`);
    renameSync(tmp(p), p);
    manifest += `group ${g.name} ${g.file} ${g.cases} ${g.skipped}\n`;
    cases += g.cases;
    skipped += g.skipped;
    console.log(`  ${g.name.padEnd(28)} ${String(g.cases).padStart(5)} cases${g.skipped ? `, ${g.skipped} not expressible` : ''}`);
    for (const [why, n] of g.why) console.log(`      ${n} x ${why}`);
  }
  manifest += `end ${groups.length} ${cases} ${skipped}\n`;
  writeFileSync(tmp(path), manifest);
  renameSync(tmp(path), path);
  console.log(`gen-c-vectors: wrote ${groups.length} groups, ${cases} cases (${skipped} not expressible against the C API) to ${path}`);
}
writeManifest(MANIFEST, GROUPS);
writeManifest(MANIFEST_AEAD, AEAD_GROUPS);
