/**
 * ML-DSA keys in the containers the ecosystem exchanges (RFC 9881, the IETF LAMPS
 * "Algorithm Identifiers for ML-DSA" in X.509): public keys as SubjectPublicKeyInfo, private
 * keys as PKCS#8 / RFC 5958 OneAsymmetricKey whose privateKey OCTET STRING holds the CHOICE
 *   seed [0] IMPLICIT OCTET STRING (SIZE (32))   -- ξ, the RECOMMENDED form
 *   expandedKey OCTET STRING (SIZE (2560 | 4032 | 4896))
 *   both SEQUENCE { seed OCTET STRING (SIZE (32)), expandedKey OCTET STRING }
 * with the algorithm id-ml-dsa-44/65/87 (2.16.840.1.101.3.4.3.17/18/19), parameters absent.
 * Only the DER layer is here (no key arithmetic): scheme.ts checks what the bytes mean.
 */
import { byteLength, viewOf } from '../core/bytes.js';
import { DerReader, element, equalPublic, readOuter, Tag } from '../core/der.js';

type Name = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
const NAMES: readonly Name[] = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'];

/** Private key forms of the CHOICE. */
export type MlDsaPrivateKeyForm = 'seed' | 'expanded' | 'both';

/** 2.16.840.1.101.3.4.3 (NIST sigAlgs) in DER, then the last arc: 17, 18, 19 */
const SIG_ALGS_ARC = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03];
const LAST_ARC: Record<Name, number> = { 'ML-DSA-44': 17, 'ML-DSA-65': 18, 'ML-DSA-87': 19 };
const oidValue = (name: Name): Uint8Array => Uint8Array.of(...SIG_ALGS_ARC, LAST_ARC[name]);
const oidText = (name: Name): string => `2.16.840.1.101.3.4.3.${LAST_ARC[name]}`;

/** AlgorithmIdentifier { id-ml-dsa-*, parameters absent } */
const algorithmIdentifier = (name: Name): Uint8Array => element(Tag.Sequence, element(Tag.Oid, oidValue(name)));

/** An OID's dotted text for an error message (or its hex when it does not decode). */
function dotted(v: Uint8Array): string {
  const n = byteLength(v);
  const arcs: number[] = [];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const b = v[i]!;
    if (acc === 0 && b === 0x80) return `0x${hex(v)}`; // non-minimal arc
    acc = acc * 128 + (b & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 256) return `0x${hex(v)}`;
    if (!(b & 0x80)) {
      if (arcs.length === 0) arcs.push(acc < 80 ? Math.floor(acc / 40) : 2, acc < 80 ? acc % 40 : acc - 80);
      else arcs.push(acc);
      acc = 0;
    } else if (i === n - 1) return `0x${hex(v)}`;
  }
  return arcs.length ? arcs.join('.') : '(empty)';
}

function hex(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i < byteLength(v); i++) s += v[i]!.toString(16).padStart(2, '0');
  return s;
}

/** Reads an AlgorithmIdentifier that must be `name`'s, with no parameters. */
function readAlgorithm(r: DerReader, name: Name, field: string): void {
  const alg = r.read(Tag.Sequence, field.slice(field.lastIndexOf('.') + 1));
  const a = new DerReader(alg.value, field);
  const oid = a.read(Tag.Oid, 'algorithm').value;
  if (!equalPublic(oid, oidValue(name))) {
    const other = NAMES.find((n) => equalPublic(oid, oidValue(n)));
    const got = other ? `${other} (${oidText(other)})` : `OID ${dotted(oid)}`;
    throw new RangeError(`${field}.algorithm: ${got}, expected ${name} (${oidText(name)})`);
  }
  if (!a.done) throw new RangeError(`${field}.parameters: must be absent for ${name}`);
}

/** A BIT STRING's value that holds whole bytes: its first byte (unused bits) must be 0. */
function wholeBytes(v: Uint8Array, field: string, expected: number, name: Name): Uint8Array {
  const n = byteLength(v);
  if (n === 0 || v[0] !== 0) throw new RangeError(`${field}: a BIT STRING of whole bytes must start with 0 unused bits`);
  if (n - 1 !== expected) throw new RangeError(`${field}: ${n - 1} bytes, expected ${expected} for ${name}`);
  return viewOf(v, 1, expected);
}

function exact(v: Uint8Array, field: string, expected: number, name: Name): Uint8Array {
  const n = byteLength(v);
  if (n !== expected) throw new RangeError(`${field}: ${n} bytes, expected ${expected} for ${name}`);
  return v;
}

/* ---- SubjectPublicKeyInfo ---------------------------------------------------------------------- */

/** SEQUENCE { AlgorithmIdentifier, BIT STRING (0 unused bits ‖ pk) } */
export function encodeSpki(name: Name, publicKey: Uint8Array): Uint8Array {
  return element(Tag.Sequence, algorithmIdentifier(name), element(Tag.BitString, Uint8Array.of(0), publicKey));
}

/** The raw public key inside a SubjectPublicKeyInfo (a view of `der`); RangeError naming the field. */
export function decodeSpki(name: Name, publicKeyLength: number, der: Uint8Array, field: string): Uint8Array {
  const r = readOuter(der, Tag.Sequence, field);
  readAlgorithm(r, name, `${field}.algorithm`);
  const bits = r.read(Tag.BitString, 'subjectPublicKey').value;
  r.finish();
  return wholeBytes(bits, `${field}.subjectPublicKey`, publicKeyLength, name);
}

/** The DER length of a SubjectPublicKeyInfo for a public key of this length (all ML-DSA keys need
 * two length bytes at both levels: 4 + 13 + 4 + 1 bytes around the key). */
export const spkiLength = (publicKeyLength: number): number => publicKeyLength + 22;

/* ---- PKCS#8 OneAsymmetricKey ------------------------------------------------------------------- */

/** What a PKCS#8 DER holds, as views of it (scheme.ts checks and copies them). */
export interface DecodedPkcs8 {
  form: MlDsaPrivateKeyForm;
  seed: Uint8Array | null;
  expandedKey: Uint8Array | null;
  publicKey: Uint8Array | null;
}

/** OneAsymmetricKey with the privateKey CHOICE in `form`; with `publicKey`, version 1 (v2) and the
 * [1] publicKey field (RFC 5958), else version 0 (v1), which is what OpenSSL and Node write. */
export function encodePkcs8(
  name: Name,
  form: MlDsaPrivateKeyForm,
  seed: Uint8Array | null,
  expandedKey: Uint8Array | null,
  publicKey: Uint8Array | null,
): Uint8Array {
  // every intermediate element that holds secret bytes, zeroed once the DER is assembled
  const secrets: Uint8Array[] = [];
  const keep = (v: Uint8Array): Uint8Array => {
    secrets.push(v);
    return v;
  };
  let choice: Uint8Array;
  if (form === 'seed') choice = keep(element(Tag.Context0, seed!));
  else if (form === 'expanded') choice = keep(element(Tag.OctetString, expandedKey!));
  else choice = keep(element(Tag.Sequence, keep(element(Tag.OctetString, seed!)), keep(element(Tag.OctetString, expandedKey!))));
  const parts = [element(Tag.Integer, Uint8Array.of(publicKey ? 1 : 0)), algorithmIdentifier(name), keep(element(Tag.OctetString, choice))];
  if (publicKey) parts.push(element(Tag.Context1, Uint8Array.of(0), publicKey));
  const der = element(Tag.Sequence, ...parts);
  for (const v of secrets) v.fill(0);
  return der;
}

/** Decodes a OneAsymmetricKey for `name` strictly; RangeError naming the field. */
export function decodePkcs8(name: Name, lengths: { secretKey: number; publicKey: number }, der: Uint8Array, field: string): DecodedPkcs8 {
  const r = readOuter(der, Tag.Sequence, field);
  const version = r.read(Tag.Integer, 'version').value;
  if (byteLength(version) !== 1 || version[0]! > 1) throw new RangeError(`${field}.version: expected 0 (v1) or 1 (v2)`);
  readAlgorithm(r, name, `${field}.privateKeyAlgorithm`);
  const privateKey = r.read(Tag.OctetString, 'privateKey').value;
  // attributes [0]: allowed by RFC 5958 and of no use here; read (so they must be well-formed) and ignored
  if (r.peekTag() === Tag.Context0Constructed) r.read(Tag.Context0Constructed, 'attributes');
  let publicKey: Uint8Array | null = null;
  if (r.peekTag() === Tag.Context1) {
    if (version[0] !== 1) throw new RangeError(`${field}.version: 0 (v1), but a publicKey field (v2 only) is present`);
    publicKey = wholeBytes(r.read(Tag.Context1, 'publicKey').value, `${field}.publicKey`, lengths.publicKey, name);
  }
  r.finish();

  // The CHOICE is told by its tag, never by its length (RFC 9881 section 6).
  const at = `${field}.privateKey`;
  const c = new DerReader(privateKey, at);
  const tag = c.peekTag();
  let out: DecodedPkcs8;
  if (tag === Tag.Context0) {
    out = { form: 'seed', seed: exact(c.read(Tag.Context0, 'seed').value, `${at}.seed`, 32, name), expandedKey: null, publicKey };
  } else if (tag === Tag.OctetString) {
    const expandedKey = exact(c.read(Tag.OctetString, 'expandedKey').value, `${at}.expandedKey`, lengths.secretKey, name);
    out = { form: 'expanded', seed: null, expandedKey, publicKey };
  } else if (tag === Tag.Sequence) {
    const b = new DerReader(c.read(Tag.Sequence, 'both').value, `${at}.both`);
    const seed = exact(b.read(Tag.OctetString, 'seed').value, `${at}.both.seed`, 32, name);
    const expandedKey = exact(b.read(Tag.OctetString, 'expandedKey').value, `${at}.both.expandedKey`, lengths.secretKey, name);
    b.finish();
    out = { form: 'both', seed, expandedKey, publicKey };
  } else {
    const got = tag < 0 ? 'nothing' : `tag 0x${tag.toString(16).padStart(2, '0')}`;
    throw new RangeError(`${at}: expected seed [0] (0x80), expandedKey (0x04) or both (0x30), got ${got}`);
  }
  c.finish();
  return out;
}
