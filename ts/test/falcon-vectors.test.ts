// Falcon verification against every case of the Falcon vectors in vectors/falcon (see
// vectors/PROVENANCE.md), on every WASM backend:
// - the round-3 NIST KATs (100 per size) and PQClean's first KAT (compressed and padded),
//   converted from the NIST `sm` layout to detached signatures, plus the same signatures
//   zero-filled (padded) and re-encoded in the reference's constant-size (CT) format;
// - 1,434 records with verdicts of the Falcon reference verifier (valid and mutated);
// - 512 Algorand deterministic Falcon-1024 KATs (compressed and CT).
// Valid signatures are also mutated (one byte) and must then be rejected; the mutated positions
// come from a SHAKE-256 stream keyed by PQSIMD_TEST_SEED (random when unset; shown in the suite
// name, so a failure can be replayed).
import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, stream, type Stream } from './rng.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as lib from './lib.js';
import { loadBackend, type Backend } from './lib.js';
import { BACKENDS, VECTORS_DIR, hex, toHex } from './vectors-util.js';

type Verifier = Backend['falcon512'];
type Logn = 9 | 10;

/** Counts of the vector files (vectors/PROVENANCE.md). */
const ROUND3_PER_SIZE = 100;
const REF_TOTAL = 1434;
const REF_VALID = 240;
const DET_TOTAL = 512;
/** Round-3 KAT signatures short enough to be zero-filled to the padded size (one Falcon-1024 KAT is 1281 B). */
const ROUND3_PADDABLE: Record<Logn, number> = { 9: 100, 10: 99 };

const SIZES = [
  { logn: 9, key: 'falcon512', name: 'Falcon-512', file: 'falcon512-KAT.rsp', pq: '512', pk: 897, padded: 666, ct: 809 },
  { logn: 10, key: 'falcon1024', name: 'Falcon-1024', file: 'falcon1024-KAT.rsp', pq: '1024', pk: 1793, padded: 1280, ct: 1577 },
] as const;

// ---- deterministic randomness -----------------------------------------------------------------

/** A copy of `b` with the byte at a random position (in [from, b.length)) XORed with a nonzero value. */
function mutateByte(r: Stream, b: Uint8Array, from = 0): { bytes: Uint8Array; what: string } {
  const out = b.slice();
  const pos = from + r.int(b.length - from);
  const x = 1 + r.int(255);
  out[pos]! ^= x;
  return { bytes: out, what: `byte ${pos} ^= 0x${x.toString(16)}` };
}

// ---- vector file readers ----------------------------------------------------------------------

function readVector(rel: string): string {
  let buf = readFileSync(join(VECTORS_DIR, rel));
  if (rel.endsWith('.gz')) buf = gunzipSync(buf);
  return buf.toString('utf8');
}

/** `key = value` blocks separated by blank lines (NIST .rsp / PQClean nistkat / det1024 text). */
function parseBlocks(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    if (line === '') {
      cur = null;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`unparsable line ${JSON.stringify(line.slice(0, 60))}`);
    const k = line.slice(0, eq).trim();
    const v = line.slice(eq + 1).trim();
    if (!cur) {
      cur = {};
      out.push(cur);
    }
    if (k in cur) throw new Error(`duplicate key ${k}`);
    cur[k] = v;
  }
  return out.filter((b) => 'count' in b);
}

function field(b: Record<string, string>, k: string): string {
  const v = b[k];
  if (v === undefined) throw new Error(`record count=${b.count} has no ${k}`);
  return v;
}

// ---- Falcon signature formats -----------------------------------------------------------------

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * NIST crypto_sign output `sm` = siglen (2 bytes, big-endian) ‖ nonce (40) ‖ msg ‖ 0x20+logn ‖
 * compressed s2, where siglen counts the 0x20+logn byte and s2. Returns the message and the
 * detached round-3 signature 0x30+logn ‖ nonce ‖ compressed s2.
 */
function nistSmToDetached(sm: Uint8Array, mlen: number, logn: Logn): { msg: Uint8Array; sig: Uint8Array; nonce: Uint8Array; s2: Uint8Array } {
  if (sm.length < 2 + 40 + mlen + 1) throw new Error(`sm too short (${sm.length} B, mlen ${mlen})`);
  const siglen = (sm[0]! << 8) | sm[1]!;
  if (sm.length !== 2 + 40 + mlen + siglen) throw new Error(`sm length ${sm.length} != 42 + mlen ${mlen} + siglen ${siglen}`);
  if (sm[42 + mlen] !== 0x20 + logn) throw new Error(`sm header 0x${sm[42 + mlen]!.toString(16)} != 0x${(0x20 + logn).toString(16)}`);
  const nonce = sm.slice(2, 42);
  const msg = sm.slice(42, 42 + mlen);
  const s2 = sm.slice(43 + mlen);
  return { msg, sig: concat([0x30 + logn], nonce, s2), nonce, s2 };
}

/** PQClean padded crypto_sign output: sm = padded detached signature ‖ msg. */
function paddedSmToDetached(sm: Uint8Array, mlen: number, sigLen: number): { msg: Uint8Array; sig: Uint8Array } {
  if (sm.length !== sigLen + mlen) throw new Error(`padded sm length ${sm.length} != ${sigLen} + mlen ${mlen}`);
  return { sig: sm.slice(0, sigLen), msg: sm.slice(sigLen) };
}

/**
 * Decodes the compressed encoding of n coefficients (reference comp_decode): sign bit, low 7 bits
 * of |x|, then |x| >> 7 in unary ending in 1; |x| ≤ 2047, no "-0", unused bits of the last byte
 * zero, and every byte used. Returns null when the encoding is not canonical.
 */
function decodeCompressed(buf: Uint8Array, n: number): Int16Array | null {
  const x = new Int16Array(n);
  let acc = 0;
  let accLen = 0;
  let v = 0;
  for (let u = 0; u < n; u++) {
    if (v >= buf.length) return null;
    acc = ((acc << 8) | buf[v++]!) & 0xffff;
    const b = acc >>> accLen;
    const s = b & 128;
    let m = b & 127;
    for (;;) {
      if (accLen === 0) {
        if (v >= buf.length) return null;
        acc = ((acc << 8) | buf[v++]!) & 0xffff;
        accLen = 8;
      }
      accLen--;
      if (((acc >>> accLen) & 1) !== 0) break;
      m += 128;
      if (m > 2047) return null;
    }
    if (s && m === 0) return null;
    x[u] = s ? -m : m;
  }
  if ((acc & ((1 << accLen) - 1)) !== 0) return null;
  return v === buf.length ? x : null;
}

/** The reference's constant-size encoding of s2: 12-bit two's complement, big-endian bit order. */
function encodeCt12(x: Int16Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let accLen = 0;
  for (const c of x) {
    if (c < -2047 || c > 2047) throw new Error(`coefficient ${c} out of the CT range`);
    acc = ((acc << 12) | (c & 0xfff)) >>> 0;
    accLen += 12;
    while (accLen >= 8) {
      accLen -= 8;
      out.push((acc >>> accLen) & 0xff);
    }
    acc &= (1 << accLen) - 1;
  }
  if (accLen > 0) out.push((acc << (8 - accLen)) & 0xff);
  return Uint8Array.from(out);
}

function zeroFill(sig: Uint8Array, len: number): Uint8Array {
  if (sig.length > len) throw new Error(`signature of ${sig.length} B does not fit ${len} B`);
  const out = new Uint8Array(len);
  out.set(sig);
  return out;
}

/** Round-3 compressed detached signature -> the reference's CT format 0x50+logn ‖ nonce ‖ CT(s2). */
function toCt(sig: Uint8Array, logn: Logn): Uint8Array {
  const s2 = decodeCompressed(sig.subarray(41), 1 << logn);
  if (!s2) throw new Error('signature body is not a canonical compressed s2');
  return concat([0x50 + logn], sig.subarray(1, 41), encodeCt12(s2));
}

/** Algorand det1024: salt40 = version ‖ 0x0A ‖ "FALCON_DET" ‖ 28 zero bytes. */
function detSalt(version: number): Uint8Array {
  return concat([version, 0x0a], new TextEncoder().encode('FALCON_DET'), new Uint8Array(28));
}

// ---- loaded data (shared by both backends) ----------------------------------------------------

interface Kat {
  count: number;
  pk: Uint8Array;
  msg: Uint8Array;
  sig: Uint8Array;
}

function loadRound3(logn: Logn, file: string): Kat[] {
  return parseBlocks(readVector(`falcon/round3/${file}`)).map((b) => {
    const mlen = Number(field(b, 'mlen'));
    const sm = hex(field(b, 'sm'));
    if (Number(field(b, 'smlen')) !== sm.length) throw new Error(`count=${b.count}: smlen`);
    const { msg, sig } = nistSmToDetached(sm, mlen, logn);
    if (toHex(msg) !== field(b, 'msg').toLowerCase()) throw new Error(`count=${b.count}: message in sm differs from msg`);
    return { count: Number(b.count), pk: hex(field(b, 'pk')), msg, sig };
  });
}

interface RefRecord {
  alg: 'falcon-512' | 'falcon-1024' | 'falcon-det1024';
  format: 'compressed' | 'padded' | 'ct';
  pk: string;
  msg: string;
  sig: string;
  valid: boolean;
  case: string;
}

function loadRef(): RefRecord[] {
  return readVector('falcon/reference/falcon-ref.jsonl.gz')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RefRecord);
}

interface DetKat {
  count: number;
  pk: Uint8Array;
  msg: Uint8Array;
  comp: Uint8Array;
  ct: Uint8Array;
}

function loadDet(): DetKat[] {
  return parseBlocks(readVector('falcon/algorand-det1024/det1024_vectors.txt.gz')).map((b) => {
    const msg = hex(field(b, 'msg'));
    const comp = hex(field(b, 'sig_compressed'));
    if (Number(field(b, 'mlen')) !== msg.length) throw new Error(`count=${b.count}: mlen`);
    if (Number(field(b, 'siglen')) !== comp.length) throw new Error(`count=${b.count}: siglen`);
    return { count: Number(b.count), pk: hex(field(b, 'pk')), msg, comp, ct: hex(field(b, 'sig_ct')) };
  });
}

const ROUND3: Record<Logn, Kat[]> = { 9: loadRound3(9, SIZES[0].file), 10: loadRound3(10, SIZES[1].file) };
const REF = loadRef();
const DET = loadDet();

function schemeFor(b: Backend, alg: RefRecord['alg']): Verifier {
  switch (alg) {
    case 'falcon-512':
      return b.falcon512;
    case 'falcon-1024':
      return b.falcon1024;
    case 'falcon-det1024':
      return b.falconDet1024;
    default:
      throw new Error(`unknown alg ${JSON.stringify(alg)}`);
  }
}

// ---- the test vectors themselves (independent of the library) ---------------------------------

describe('Falcon vector files', () => {
  it('have the documented counts and layouts', () => {
    for (const s of SIZES) {
      const kats = ROUND3[s.logn];
      expect(kats.length).toBe(ROUND3_PER_SIZE);
      kats.forEach((k, i) => {
        expect(k.count).toBe(i);
        expect(k.pk.length).toBe(s.pk);
        expect(k.pk[0]).toBe(s.logn);
        expect(k.sig[0]).toBe(0x30 + s.logn);
        expect(decodeCompressed(k.sig.subarray(41), 1 << s.logn), `count=${i}`).not.toBeNull();
      });
      expect(kats.filter((k) => k.sig.length <= s.padded).length).toBe(ROUND3_PADDABLE[s.logn]);
    }
    expect(REF.length).toBe(REF_TOTAL);
    expect(REF.filter((r) => r.valid).length).toBe(REF_VALID);
    expect(REF.every((r) => (r.valid ? r.case === 'valid' : r.case !== 'valid'))).toBe(true);
    expect(DET.length).toBe(DET_TOTAL);
    DET.forEach((d, i) => {
      expect(d.count).toBe(i);
      expect(d.msg.length).toBe(i);
      expect(d.pk.length).toBe(1793);
      expect(d.comp[0]).toBe(0xba);
      expect(d.comp[1]).toBe(0);
      expect(d.comp.length).toBeLessThanOrEqual(1423);
      expect(d.ct[0]).toBe(0xda);
      expect(d.ct[1]).toBe(0);
      expect(d.ct.length).toBe(1538);
    });
  });

  it('the CT encoder of this file reproduces all 512 det1024 CT signatures from the compressed ones', () => {
    // Validates decodeCompressed + encodeCt12 (used below to make round-3 CT signatures).
    for (const d of DET) {
      const s2 = decodeCompressed(d.comp.subarray(2), 1024);
      expect(s2, `count=${d.count}`).not.toBeNull();
      expect(toHex(encodeCt12(s2!)), `count=${d.count}`).toBe(toHex(d.ct.subarray(2)));
    }
  });
});

// ---- per backend ------------------------------------------------------------------------------

describe(`Falcon vectors (PQSIMD_TEST_SEED=${SEED})`, () => {
  for (const bname of BACKENDS) {
    describe(bname, () => {
      let b: Backend;
      beforeAll(async () => {
        b = await loadBackend(bname);
        expect(b.name).toBe(bname);
      });

      for (const s of SIZES) {
        it(`${s.name}: round-3 KATs (${ROUND3_PER_SIZE}) verify; one mutated byte does not`, () => {
          const f: Verifier = b[s.key];
          const r = stream(`${bname}/${s.name}/round3`);
          let n = 0;
          for (const k of ROUND3[s.logn]) {
            const tag = `count=${k.count}`;
            expect(f.verify(k.pk, k.msg, k.sig), tag).toBe(true);
            const m = mutateByte(r, k.sig);
            expect(f.verify(k.pk, k.msg, m.bytes), `${tag}, ${m.what}`).toBe(false);
            // The NIST sm header byte (0x20+logn) is not a detached-signature header.
            const nist = k.sig.slice();
            nist[0] = 0x20 + s.logn;
            expect(f.verify(k.pk, k.msg, nist), tag).toBe(false);
            n++;
          }
          expect(n).toBe(ROUND3_PER_SIZE);
        });

        it(`${s.name}: round-3 KATs zero-filled to ${s.padded} B (padded) verify; nonzero fill does not`, () => {
          const f: Verifier = b[s.key];
          const r = stream(`${bname}/${s.name}/padded`);
          let n = 0;
          for (const k of ROUND3[s.logn]) {
            if (k.sig.length > s.padded) continue;
            const tag = `count=${k.count}`;
            const p = zeroFill(k.sig, s.padded);
            expect(f.verify(k.pk, k.msg, p), tag).toBe(true);
            if (k.sig.length < s.padded) {
              // A nonzero byte in the fill.
              const m = mutateByte(r, p, k.sig.length);
              expect(f.verify(k.pk, k.msg, m.bytes), `${tag}, ${m.what}`).toBe(false);
              // Zero-filled to one byte more or less than the padded size: neither format.
              if (k.sig.length < s.padded - 1) expect(f.verify(k.pk, k.msg, p.subarray(0, s.padded - 1)), tag).toBe(false);
              expect(f.verify(k.pk, k.msg, zeroFill(k.sig, s.padded + 1)), tag).toBe(false);
            }
            n++;
          }
          expect(n).toBe(ROUND3_PADDABLE[s.logn]);
        });

        it(`${s.name}: round-3 KATs re-encoded in the CT format (${s.ct} B) verify; mutated do not`, () => {
          const f: Verifier = b[s.key];
          const r = stream(`${bname}/${s.name}/ct`);
          let n = 0;
          for (const k of ROUND3[s.logn]) {
            const tag = `count=${k.count}`;
            const ct = toCt(k.sig, s.logn);
            expect(ct.length).toBe(s.ct);
            expect(f.verify(k.pk, k.msg, ct), tag).toBe(true);
            const m = mutateByte(r, ct);
            expect(f.verify(k.pk, k.msg, m.bytes), `${tag}, ${m.what}`).toBe(false);
            expect(f.verify(k.pk, k.msg, ct.subarray(0, s.ct - 1)), tag).toBe(false);
            expect(f.verify(k.pk, k.msg, concat(ct, [0])), tag).toBe(false);
            n++;
          }
          expect(n).toBe(ROUND3_PER_SIZE);
        });

        it(`${s.name}: PQClean KAT #0, compressed and padded`, () => {
          const f: Verifier = b[s.key];
          const c = parseBlocks(readVector(`falcon/pqclean/nistkat_out_falcon-${s.pq}_clean`));
          const p = parseBlocks(readVector(`falcon/pqclean/nistkat_out_falcon-padded-${s.pq}_clean`));
          expect(c.length).toBe(1);
          expect(p.length).toBe(1);
          const cb = c[0]!;
          const pb = p[0]!;
          const mlen = Number(field(cb, 'mlen'));
          const pk = hex(field(cb, 'pk'));
          expect(pk.length).toBe(s.pk);
          expect(field(pb, 'pk')).toBe(field(cb, 'pk'));
          expect(field(pb, 'msg')).toBe(field(cb, 'msg'));

          const comp = nistSmToDetached(hex(field(cb, 'sm')), mlen, s.logn);
          expect(toHex(comp.msg)).toBe(field(cb, 'msg').toLowerCase());
          expect(comp.sig.length).toBeLessThanOrEqual(f.lengths.signatureMax);
          // PQClean's KAT #0 is the round-3 KAT #0 (same DRBG seed).
          expect(toHex(comp.sig)).toBe(toHex(ROUND3[s.logn][0]!.sig));

          const pad = paddedSmToDetached(hex(field(pb, 'sm')), mlen, s.padded);
          expect(pad.sig.length).toBe(s.padded);
          expect(f.lengths.signature).toBe(s.padded);
          expect(pad.sig[0]).toBe(0x30 + s.logn);
          expect(toHex(pad.msg)).toBe(field(pb, 'msg').toLowerCase());

          expect(f.verify(pk, comp.msg, comp.sig)).toBe(true);
          expect(f.verify(pk, pad.msg, pad.sig)).toBe(true);
          // The padded signature minus its zero fill is a compressed signature that verifies too.
          let end = pad.sig.length;
          while (end > 41 && pad.sig[end - 1] === 0) end--;
          expect(end).toBeLessThan(s.padded);
          expect(f.verify(pk, pad.msg, pad.sig.subarray(0, end))).toBe(true);
          // Tampering.
          const r = stream(`${bname}/${s.name}/pqclean`);
          for (const sig of [comp.sig, pad.sig]) {
            const m = mutateByte(r, sig);
            expect(f.verify(pk, comp.msg, m.bytes), m.what).toBe(false);
            expect(f.verify(pk, concat(comp.msg, [0]), sig)).toBe(false);
          }
          // Neither verifies under the other parameter set.
          const other: Verifier = s.logn === 9 ? b.falcon1024 : b.falcon512;
          expect(other.verify(pk, comp.msg, comp.sig)).toBe(false);
          expect(other.verify(pk, pad.msg, pad.sig)).toBe(false);
        });
      }

      it(`falcon-ref.jsonl.gz: our verdict equals the reference verifier's on all ${REF_TOTAL} records`, () => {
        const seen = new Map<string, number>();
        let ctChecked = 0;
        for (const [i, rec] of REF.entries()) {
          const f = schemeFor(b, rec.alg);
          const pk = hex(rec.pk);
          const msg = hex(rec.msg);
          const sig = hex(rec.sig);
          const tag = `record ${i}: ${rec.alg} ${rec.format} ${rec.case}, sig ${sig.length} B, msg ${msg.length} B`;
          let got: unknown;
          expect(() => {
            got = f.verify(pk, msg, sig);
          }, tag).not.toThrow();
          expect(got, tag).toBe(rec.valid);
          const k = `${rec.alg}/${rec.format}/${rec.valid}`;
          seen.set(k, (seen.get(k) ?? 0) + 1);
          // Valid round-3 compressed records re-encoded in the CT format verify as well.
          if (rec.valid && rec.format === 'compressed' && rec.alg !== 'falcon-det1024') {
            const logn: Logn = rec.alg === 'falcon-512' ? 9 : 10;
            expect(f.verify(pk, msg, toCt(sig, logn)), `${tag}, as CT`).toBe(true);
            ctChecked++;
          }
        }
        expect([...seen.values()].reduce((a, c) => a + c, 0)).toBe(REF_TOTAL);
        expect(Object.fromEntries([...seen].filter(([k]) => k.endsWith('/true')))).toEqual({
          'falcon-512/compressed/true': 40,
          'falcon-512/padded/true': 40,
          'falcon-1024/compressed/true': 40,
          'falcon-1024/padded/true': 40,
          'falcon-det1024/compressed/true': 40,
          'falcon-det1024/ct/true': 40,
        });
        expect(ctChecked).toBe(80);
      });

      it(`det1024 KATs (${DET_TOTAL}): compressed and CT verify; mutated do not`, () => {
        const f = b.falconDet1024;
        const r = stream(`${bname}/det1024`);
        let n = 0;
        for (const d of DET) {
          const tag = `count=${d.count}`;
          expect(f.verify(d.pk, d.msg, d.comp), tag).toBe(true);
          expect(f.verify(d.pk, d.msg, d.ct), tag).toBe(true);
          for (const sig of [d.comp, d.ct]) {
            const m = mutateByte(r, sig);
            expect(f.verify(d.pk, d.msg, m.bytes), `${tag}, ${m.what}`).toBe(false);
          }
          // Another salt version changes the hashed salt.
          const v1 = d.comp.slice();
          v1[1] = 1;
          expect(f.verify(d.pk, d.msg, v1), tag).toBe(false);
          expect(f.verify(d.pk, concat(d.msg, [0]), d.comp), tag).toBe(false);
          n++;
        }
        expect(n).toBe(DET_TOTAL);
      });

      it('det1024 signatures re-salted as round-3 Falcon-1024 signatures verify there (and not as-is)', () => {
        // GUIDE §6: the det1024 verifier hashes SHAKE256(salt40 ‖ msg) exactly as round 3 does.
        const salt = detSalt(0);
        let n = 0;
        for (const d of DET) {
          const tag = `count=${d.count}`;
          const comp = concat([0x3a], salt, d.comp.subarray(2));
          const ct = concat([0x5a], salt, d.ct.subarray(2));
          expect(ct.length).toBe(1577);
          expect(b.falcon1024.verify(d.pk, d.msg, comp), tag).toBe(true);
          expect(b.falcon1024.verify(d.pk, d.msg, ct), tag).toBe(true);
          expect(b.falcon1024.verify(d.pk, d.msg, d.comp), tag).toBe(false);
          expect(b.falcon1024.verify(d.pk, d.msg, d.ct), tag).toBe(false);
          expect(b.falconDet1024.verify(d.pk, d.msg, comp), tag).toBe(false);
          expect(b.falconDet1024.verify(d.pk, d.msg, ct), tag).toBe(false);
          n++;
        }
        expect(n).toBe(DET_TOTAL);
      });

      it('lengths, malformed inputs return false, non-Uint8Array arguments throw TypeError', () => {
        expect({ ...b.falcon512.lengths }).toEqual({ publicKey: 897, signature: 666, signatureMax: 752, signatureCt: 809 });
        expect({ ...b.falcon1024.lengths }).toEqual({ publicKey: 1793, signature: 1280, signatureMax: 1462, signatureCt: 1577 });
        expect({ ...b.falconDet1024.lengths }).toEqual({ publicKey: 1793, signature: 1538, signatureMax: 1423, signatureCt: 1538 });
        const k = ROUND3[9][0]!;
        const f = b.falcon512;
        for (const sig of [
          new Uint8Array(0),
          k.sig.subarray(0, 1),
          k.sig.subarray(0, 41),
          k.sig.subarray(0, 42),
          new Uint8Array(10_000),
          concat(k.sig, new Uint8Array(2000)),
        ]) {
          expect(f.verify(k.pk, k.msg, sig), `sig of ${sig.length} B`).toBe(false);
        }
        for (const pk of [new Uint8Array(0), k.pk.subarray(0, 896), concat(k.pk, [0]), new Uint8Array(897)]) {
          expect(f.verify(pk, k.msg, k.sig), `pk of ${pk.length} B`).toBe(false);
        }
        // A Buffer is a Uint8Array.
        expect(f.verify(Buffer.from(k.pk), Buffer.from(k.msg), Buffer.from(k.sig))).toBe(true);
        const bad: unknown[] = [undefined, null, 'abc', [1, 2, 3], new Uint16Array(4), k.sig.buffer, 42];
        for (const x of bad) {
          const u = x as Uint8Array;
          expect(() => f.verify(u, k.msg, k.sig)).toThrow(TypeError);
          expect(() => f.verify(k.pk, u, k.sig)).toThrow(TypeError);
          expect(() => f.verify(k.pk, k.msg, u)).toThrow(TypeError);
          expect(() => b.falconDet1024.verify(k.pk, k.msg, u)).toThrow(TypeError);
        }
      });
    });
  }

  it('top-level falcon512 / falcon1024 / falconDet1024 work after ready()', async () => {
    await lib.ready();
    const k9 = ROUND3[9][1]!;
    const k10 = ROUND3[10][1]!;
    const d = DET[7]!;
    expect(lib.falcon512.verify(k9.pk, k9.msg, k9.sig)).toBe(true);
    expect(lib.falcon1024.verify(k10.pk, k10.msg, k10.sig)).toBe(true);
    expect(lib.falconDet1024.verify(d.pk, d.msg, d.comp)).toBe(true);
    expect(lib.falconDet1024.verify(d.pk, d.msg, d.ct)).toBe(true);
    expect(lib.falcon512.verify(k10.pk, k10.msg, k10.sig)).toBe(false);
    expect(lib.falcon512.name).toBe('Falcon-512');
    expect(lib.falcon1024.name).toBe('Falcon-1024');
    expect(lib.falconDet1024.name).toBe('Falcon-Det1024');
  });
});
