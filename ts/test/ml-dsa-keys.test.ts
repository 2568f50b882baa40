// ML-DSA keys as DER: SubjectPublicKeyInfo and PKCS#8 (RFC 9881 with RFC 5958's OneAsymmetricKey).
// Known answers: RFC 9881's Appendix C examples (read, and written byte-identically; its
// certificates, signed by another implementation, verify with the SPKI in them; its inconsistent
// keys are refused) and Wycheproof's DER fields. Hostile DER: every header byte changed,
// truncations, non-minimal and indefinite lengths, trailing bytes, wrong OIDs and versions,
// inconsistent seeds, expanded keys and public keys. Interop with Node 24's node:crypto and
// WebCrypto and with Chromium's WebCrypto: ml-dsa-keys-interop.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, loadBackend, type MlDsa, mlDsa44, mlDsa65, mlDsa87, ready } from './lib.js';
import { hex, loadWycheproof, toHex, VECTORS_DIR, WP_LEVELS, type WpSignSeedGroup, type WpVerifyGroup } from './vectors-util.js';

const SCHEMES: Record<number, MlDsa> = { 44: mlDsa44, 65: mlDsa65, 87: mlDsa87 };
const SEED = Uint8Array.from({ length: 32 }, (_, i) => i);
const rfc = (f: string): string => readFileSync(join(VECTORS_DIR, 'rfc9881', f), 'utf8');
const pem = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
const eq = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A tiny DER walk for the test's own use (certificates): [start of value, end] of the element at `p`. */
function tlv(d: Uint8Array, p: number): { tag: number; start: number; end: number; head: number } {
  let len = d[p + 1]!;
  let q = p + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + d[q++]!;
  }
  return { tag: d[p]!, start: q, end: q + len, head: p };
}

/** Re-encodes the outer length of a DER value in a longer (non-minimal) form. */
function longerOuterLength(der: Uint8Array): Uint8Array {
  const t = tlv(der, 0);
  const n = t.end - t.start;
  return Uint8Array.from([der[0]!, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff, ...der.subarray(t.start)]);
}

beforeAll(async () => {
  await ready();
});

describe('RFC 9881 examples (Appendix C)', () => {
  for (const level of WP_LEVELS) {
    const m = SCHEMES[level]!;
    it(`ML-DSA-${level}: private keys in all three forms, the public key and the certificate`, () => {
      const kp = m.keygen(SEED);
      const spki = pem(rfc(`ML-DSA-${level}.pub`));
      expect(eq(m.publicKeyFromSpki(spki), kp.publicKey)).toBe(true);
      expect(eq(m.publicKeyToSpki(kp.publicKey), spki)).toBe(true);
      for (const form of ['seed', 'expanded', 'both'] as const) {
        const der = pem(rfc(`ML-DSA-${level}-${form}.priv`));
        const k = m.secretKeyFromPkcs8(der);
        expect(k.form).toBe(form);
        expect(eq(k.secretKey, kp.secretKey)).toBe(true);
        expect(eq(k.publicKey, kp.publicKey)).toBe(true);
        expect(k.seed && toHex(k.seed)).toBe(form === 'expanded' ? null : toHex(SEED));
        // written byte for byte as the RFC's examples
        expect(eq(m.secretKeyToPkcs8({ seed: SEED }, { form }), der), form).toBe(true);
        if (form === 'expanded') expect(eq(m.secretKeyToPkcs8(kp.secretKey), der)).toBe(true);
      }
      // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
      const crt = pem(rfc(`ML-DSA-${level}.crt`));
      const outer = tlv(crt, 0);
      const tbs = tlv(crt, outer.start);
      const sigAlg = tlv(crt, tbs.end);
      const sigBits = tlv(crt, sigAlg.end);
      expect(sigBits.end).toBe(crt.length);
      const signature = crt.subarray(sigBits.start + 1, sigBits.end);
      const tbsBytes = crt.subarray(tbs.head, tbs.end);
      // the SPKI inside tbsCertificate: the 7th element (version, serial, sigAlg, issuer, validity, subject, spki)
      let p = tbs.start;
      for (let i = 0; i < 6; i++) p = tlv(crt, p).end;
      const certSpki = crt.subarray(p, tlv(crt, p).end);
      expect(eq(certSpki, spki)).toBe(true);
      expect(m.verify(certSpki, tbsBytes, signature)).toBe(true);
      expect(m.verify(kp.publicKey, tbsBytes, signature)).toBe(true);
      expect(m.prepare(certSpki).verify(tbsBytes, signature)).toBe(true);
      const bad = tbsBytes.slice();
      bad[bad.length - 1]! ^= 1;
      expect(m.verify(certSpki, bad, signature)).toBe(false);
    });
  }

  it('refuses the inconsistent ML-DSA-44 private keys (C.4), naming the field', () => {
    expect(() => mlDsa44.secretKeyFromPkcs8(pem(rfc('bad-ML-DSA-44-1.priv')))).toThrow(
      /^pkcs8\.privateKey\.both: the expandedKey is not the one its seed generates/,
    );
    expect(() => mlDsa44.secretKeyFromPkcs8(pem(rfc('bad-ML-DSA-44-2.priv')))).toThrow(/^pkcs8\.privateKey\.expandedKey: malformed ML-DSA-44/);
    expect(() => mlDsa44.secretKeyFromPkcs8(pem(rfc('bad-ML-DSA-44-3.priv')))).toThrow(/^pkcs8\.privateKey\.expandedKey: malformed ML-DSA-44/);
  });
});

describe('Wycheproof DER fields', () => {
  for (const level of WP_LEVELS) {
    const m = SCHEMES[level]!;
    it(`ML-DSA-${level}: publicKeyDer and privateKeyPkcs8 read to the group's keys`, () => {
      let n = 0;
      for (const g of loadWycheproof<WpVerifyGroup>(level, 'verify').testGroups) {
        const der = hex(g.publicKeyDer);
        const raw = hex(g.publicKey);
        if (raw.length !== m.lengths.publicKey) {
          // wrong-length keys: their DER is refused (RangeError naming subjectPublicKey)
          expect(() => m.publicKeyFromSpki(der)).toThrow(/spki\.subjectPublicKey/);
          continue;
        }
        expect(toHex(m.publicKeyFromSpki(der))).toBe(g.publicKey.toLowerCase());
        expect(eq(m.publicKeyToSpki(raw), der)).toBe(true);
        n++;
      }
      for (const g of loadWycheproof<WpSignSeedGroup & { privateKeyPkcs8?: string }>(level, 'sign_seed').testGroups) {
        if (!g.privateKeyPkcs8 || !g.publicKey) continue;
        const k = m.secretKeyFromPkcs8(hex(g.privateKeyPkcs8));
        expect(k.form).toBe('seed');
        expect(toHex(k.publicKey)).toBe(g.publicKey.toLowerCase());
        expect(toHex(k.seed!)).toBe(g.privateSeed.toLowerCase());
        expect(eq(m.secretKeyToPkcs8({ seed: k.seed! }), hex(g.privateKeyPkcs8))).toBe(true);
        n++;
      }
      expect(n).toBeGreaterThan(3);
    });
  }
});

describe('every backend', () => {
  for (const b of availableBackends()) {
    it(`${b}: round trips in every form, verify with SPKI`, async () => {
      const be = await loadBackend(b);
      for (const m of [be.mlDsa44, be.mlDsa65, be.mlDsa87]) {
        const seed = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + m.lengths.signature) & 0xff);
        const kp = m.keygen(seed);
        for (const form of ['seed', 'expanded', 'both'] as const) {
          for (const withPk of [false, true]) {
            const der = m.secretKeyToPkcs8({ seed }, { form, publicKey: withPk });
            expect(der[tlv(der, 0).start + 2]).toBe(withPk ? 1 : 0); // version: v2 with the [1] publicKey field
            const k = m.secretKeyFromPkcs8(der);
            expect([k.form, eq(k.secretKey, kp.secretKey), eq(k.publicKey, kp.publicKey)]).toEqual([form, true, true]);
          }
        }
        const spki = m.publicKeyToSpki(kp.publicKey);
        const msg = new TextEncoder().encode(b);
        const sig = m.sign(kp.secretKey, msg, { context: msg });
        expect(m.verify(spki, msg, sig, { context: msg })).toBe(true);
        expect(m.verify(spki, msg, sig)).toBe(false);
        expect(m.verifyBatch([{ publicKey: spki, message: msg, signature: sig, context: msg }])).toEqual([true]);
        const ph = m.prehash('SHA2-256');
        expect(ph.verify(spki, msg, ph.sign(kp.secretKey, msg))).toBe(true);
      }
    });
  }
});

describe('hostile DER', () => {
  const m = mlDsa65;
  let kp: { publicKey: Uint8Array; secretKey: Uint8Array };
  let spki: Uint8Array;
  const msg = new Uint8Array([1, 2, 3]);
  let sig: Uint8Array;
  let p8: Record<'seed' | 'expanded' | 'both' | 'v2', Uint8Array>;
  beforeAll(async () => {
    await ready();
    kp = m.keygen(SEED);
    spki = m.publicKeyToSpki(kp.publicKey);
    sig = m.sign(kp.secretKey, msg, { deterministic: true });
    p8 = {
      seed: m.secretKeyToPkcs8({ seed: SEED }),
      expanded: m.secretKeyToPkcs8(kp.secretKey),
      both: m.secretKeyToPkcs8({ seed: SEED }, { form: 'both' }),
      v2: m.secretKeyToPkcs8({ seed: SEED }, { publicKey: true }),
    };
  });

  it('SPKI: any change to the 22 bytes around the key is refused (RangeError naming the field; verify false)', () => {
    expect(m.verify(spki, msg, sig)).toBe(true);
    for (let i = 0; i < 22; i++) {
      for (const x of [0x01, 0x02, 0x10, 0x80, 0xff]) {
        const bad = spki.slice();
        bad[i]! ^= x;
        expect(() => m.publicKeyFromSpki(bad), `byte ${i} ^ ${x}`).toThrow(RangeError);
        expect(() => m.publicKeyFromSpki(bad)).toThrow(/^spki(\.|:)/);
        expect(m.verify(bad, msg, sig), `byte ${i} ^ ${x}`).toBe(false);
        expect(() => m.prepare(bad)).toThrow(RangeError);
      }
    }
  });

  it('truncated, extended, non-minimal and indefinite lengths, wrong OIDs and parameters', () => {
    for (let n = 0; n < spki.length; n += n < 40 ? 1 : 97) {
      expect(() => m.publicKeyFromSpki(spki.subarray(0, n)), `prefix ${n}`).toThrow(RangeError);
      expect(m.verify(spki.subarray(0, n), msg, sig)).toBe(false);
    }
    const trailing = Uint8Array.from([...spki, 0]);
    expect(() => m.publicKeyFromSpki(trailing)).toThrow(/^spki: 1 unexpected bytes after the last field/);
    expect(m.verify(trailing, msg, sig)).toBe(false);
    expect(() => m.publicKeyFromSpki(longerOuterLength(spki))).toThrow(/spki\.outer: length not in its shortest form/);
    const indefinite = spki.slice();
    indefinite[1] = 0x80;
    expect(() => m.publicKeyFromSpki(indefinite)).toThrow(/indefinite length/);
    // another level's SPKI, and the OID of another algorithm (Ed25519, 1.3.101.112)
    expect(() => mlDsa44.publicKeyFromSpki(spki)).toThrow(/^spki\.algorithm\.algorithm: ML-DSA-65 \(2\.16\.840\.1\.101\.3\.4\.3\.18\), expected ML-DSA-44/);
    expect(mlDsa44.verify(spki, msg, sig)).toBe(false);
    const ed = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, ...new Uint8Array(32)]);
    expect(() => m.publicKeyFromSpki(ed)).toThrow(/OID 1\.3\.101\.112, expected ML-DSA-65/);
    // AlgorithmIdentifier with NULL parameters (as RSA has): parameters MUST be absent
    const inner = spki.subarray(17);
    const withNull = Uint8Array.from([0x30, 0x82, 0x07, 0xb4, 0x30, 0x0d, ...spki.subarray(6, 17), 0x05, 0x00, ...inner]);
    expect(() => m.publicKeyFromSpki(withNull)).toThrow(/^spki\.algorithm\.parameters: must be absent/);
    // a BIT STRING with unused bits
    const unused = spki.slice();
    unused[21] = 1;
    expect(() => m.publicKeyFromSpki(unused)).toThrow(/unused bits/);
    expect(() => m.publicKeyFromSpki('der' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => m.publicKeyToSpki(kp.publicKey.subarray(1))).toThrow(/^publicKey: expected 1952 bytes/);
  });

  it('PKCS#8: versions, the CHOICE tag, sizes, inconsistent parts, trailing bytes, truncation', () => {
    const other = m.keygen(new Uint8Array(32).fill(9));
    const edit = (der: Uint8Array, at: number, v: number): Uint8Array => {
      const c = der.slice();
      c[at] = v;
      return c;
    };
    // 30 34 | 02 01 00 | 30 0b 06 09 ... | 04 22 | 80 20 <seed>
    expect(() => m.secretKeyFromPkcs8(edit(p8.seed, 4, 2))).toThrow(/^pkcs8\.version: expected 0 \(v1\) or 1 \(v2\)/);
    expect(() => m.secretKeyFromPkcs8(edit(p8.seed, 20, 0x81))).toThrow(
      /^pkcs8\.privateKey: expected seed \[0\] \(0x80\), expandedKey \(0x04\) or both \(0x30\), got tag 0x81/,
    );
    expect(() => m.secretKeyFromPkcs8(edit(p8.seed, 20, 0xa0))).toThrow(/^pkcs8\.privateKey: expected seed/); // constructed [0]
    // a 31-byte seed, with every length around it consistent
    const short = Uint8Array.from([0x30, 0x33, ...p8.seed.subarray(2, 18), 0x04, 0x21, 0x80, 0x1f, ...SEED.subarray(1)]);
    expect(() => m.secretKeyFromPkcs8(short)).toThrow(/^pkcs8\.privateKey\.seed: 31 bytes, expected 32/);
    // v1 with a [1] publicKey; v2 that holds a public key of another key pair
    expect(() => m.secretKeyFromPkcs8(edit(p8.v2, 6, 0))).toThrow(/^pkcs8\.version: 0 \(v1\), but a publicKey field/);
    const wrongPk = p8.v2.slice();
    wrongPk.set(other.publicKey, wrongPk.length - other.publicKey.length);
    expect(() => m.secretKeyFromPkcs8(wrongPk)).toThrow(/^pkcs8\.publicKey: not the public key of the private key/);
    // both: an expanded key that is not the seed's
    const mixed = p8.both.slice();
    mixed.set(other.secretKey, mixed.length - other.secretKey.length);
    expect(() => m.secretKeyFromPkcs8(mixed)).toThrow(/^pkcs8\.privateKey\.both: the expandedKey is not the one its seed generates/);
    // expanded: a flipped bit in t0 (malformed / inconsistent key)
    const flipped = p8.expanded.slice();
    flipped[flipped.length - 5]! ^= 0x10;
    expect(() => m.secretKeyFromPkcs8(flipped)).toThrow(/^pkcs8\.privateKey\.expandedKey: malformed ML-DSA-65/);
    // another level's key
    expect(() => mlDsa87.secretKeyFromPkcs8(p8.both)).toThrow(/^pkcs8\.privateKeyAlgorithm\.algorithm: ML-DSA-65 .*expected ML-DSA-87/);
    for (const [form, der] of Object.entries(p8)) {
      expect(() => m.secretKeyFromPkcs8(Uint8Array.from([...der, 0])), form).toThrow(/^pkcs8: 1 unexpected bytes/);
      expect(() => m.secretKeyFromPkcs8(longerOuterLength(der)), form).toThrow(/shortest form/);
      for (let n = 0; n < der.length; n += n < 60 ? 1 : 211) expect(() => m.secretKeyFromPkcs8(der.subarray(0, n)), `${form} prefix ${n}`).toThrow(RangeError);
      // every header byte (before the key material) changed
      const headerBytes = { seed: 22, expanded: 28, both: 30, v2: 24 }[form]!;
      for (let i = 0; i < headerBytes; i++) {
        const bad = der.slice();
        bad[i]! ^= 0x41;
        expect(() => m.secretKeyFromPkcs8(bad), `${form} byte ${i}`).toThrow(RangeError);
      }
    }
    // attributes [0] are allowed (and ignored) when well formed
    const attrs = Uint8Array.from([0x30, 0x38, ...p8.seed.subarray(2), 0xa0, 0x02, 0x31, 0x00]);
    expect(m.secretKeyFromPkcs8(attrs).form).toBe('seed');
  });

  it('encoding options are checked', () => {
    expect(() => m.secretKeyToPkcs8(kp.secretKey, { form: 'seed' })).toThrow(/^options\.form: 'seed' needs the seed/);
    expect(() => m.secretKeyToPkcs8({ seed: SEED }, { form: 'raw' as 'seed' })).toThrow(/^options\.form: expected 'seed', 'expanded' or 'both'/);
    expect(() => m.secretKeyToPkcs8({ seed: SEED.subarray(1) })).toThrow(/^key\.seed: expected 32 bytes/);
    expect(() => m.secretKeyToPkcs8({ seed: SEED, extra: 1 } as unknown as { seed: Uint8Array })).toThrow(TypeError);
    expect(() => m.secretKeyToPkcs8('sk' as unknown as Uint8Array)).toThrow(TypeError);
    const badSk = kp.secretKey.slice();
    badSk[200]! ^= 1;
    expect(() => m.secretKeyToPkcs8(badSk)).toThrow(/^secretKey: malformed/);
  });
});
