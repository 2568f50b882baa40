/**
 * The AEAD and BN254 parts of `pqsimd selftest`: on one backend, published known answers (RFC 8439
 * §2.8.2, draft-irtf-cfrg-xchacha A.1, BN254 points and a snarkjs Groth16 proof), tamper
 * rejection and the errors the API promises, arithmetic checked against BigInt, and a fingerprint
 * of many outputs that must be equal on every backend and, where the library can be imported, to
 * @noble/ciphers' or @noble/curves' answers.
 */
import { createHash } from 'node:crypto';

import { AeadError, loadBackend as loadAeadBackend, SECRETSTREAM_TAG } from '../aead/index.node.js';
import { Bn254Error, type Groth16Proof, type Groth16VerificationKey, loadBackend as loadBn254Backend } from '../bn254/index.node.js';
import type { BackendName } from '../index.node.js';
import { type AeadLike, BN254_FIXTURES, cat } from '../../../bench/index.js';
import { equalBytes, fromHex } from './io.js';

export type Check = (cond: boolean, what: string) => boolean;

/** Deterministic test bytes (xorshift32 from a seed): the same on every run and backend. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = (seed * 0x9e3779b9) | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function throwsAs(f: () => unknown, cls: new (...a: never[]) => Error): boolean {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof cls;
  }
}

function flip(b: Uint8Array, bit: number): Uint8Array {
  const out = b.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

/* ---- AEAD ------------------------------------------------------------------------------------- */

const RFC8439_282 = {
  key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
  nonce: '070000004041424344454647',
  aad: '50515253c0c1c2c3c4c5c6c7',
  pt: '4c616469657320616e642047656e746c656d656e206f662074686520636c617373206f66202739393a204966204920636f756c64206f6666657220796f75206f6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73637265656e20776f756c642062652069742e',
  ct: 'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116',
  tag: '1ae10b594f09e26a7e902ecbd0600691',
};
const XCHACHA_A1 = {
  key: RFC8439_282.key,
  nonce: '404142434445464748494a4b4c4d4e4f5051525354555657',
  aad: RFC8439_282.aad,
  pt: RFC8439_282.pt,
  ct: 'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e',
  tag: 'c0875924c1c7987947deafd8780acf49',
};
/** Message lengths of the fingerprint: block and 4 KiB chunk edges, and the kernels' way counts. */
const AEAD_LENGTHS = [0, 1, 15, 16, 17, 63, 64, 65, 255, 256, 257, 511, 1023, 1024, 4096 + 5, 65536 + 7];

/**
 * The AEAD family on backend `name`; returns the fingerprint of its outputs (SHA-256, hex) or ''
 * when it could not run.
 */
export async function aeadSelftest(name: BackendName, check: Check, noble: AeadLike | null): Promise<string> {
  const tag = `${name} AEAD`;
  const a = await loadAeadBackend(name);
  for (const [label, v, make] of [
    ['ChaCha20-Poly1305 (RFC 8439 §2.8.2)', RFC8439_282, a.chacha20poly1305],
    ['XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha A.1)', XCHACHA_A1, a.xchacha20poly1305],
  ] as const) {
    const key = fromHex(v.key);
    const nonce = fromHex(v.nonce);
    const aad = fromHex(v.aad);
    const sealed = make(key, nonce, aad).encrypt(fromHex(v.pt));
    check(equalBytes(sealed, fromHex(v.ct + v.tag)), `${tag}: ${label}: ciphertext and tag differ from the known answer`);
    check(equalBytes(make(key, nonce, aad).decrypt(sealed), fromHex(v.pt)), `${tag}: ${label}: decrypt does not give the plaintext back`);
    for (const bit of [0, 8 * (sealed.length - 16), 8 * sealed.length - 1]) {
      check(
        throwsAs(() => make(key, nonce, aad).decrypt(flip(sealed, bit)), AeadError),
        `${tag}: ${label}: bit ${bit} flipped is not refused with AeadError`,
      );
    }
    check(
      throwsAs(() => make(key, nonce, flip(aad, 3)).decrypt(sealed), AeadError),
      `${tag}: ${label}: other associated data is not refused with AeadError`,
    );
  }

  // secretstream: a round trip with every tag; a changed byte, a reordered message and a message after
  // FINAL are refused.
  const skey = bytes(32, 7);
  const { header, push } = a.secretstream.init(skey);
  const msgs = [bytes(0, 1), bytes(100, 2), bytes(4100, 3)];
  const boxes = [push(msgs[0]!, SECRETSTREAM_TAG.MESSAGE), push(msgs[1]!, SECRETSTREAM_TAG.PUSH, bytes(9, 4)), push(msgs[2]!, SECRETSTREAM_TAG.FINAL)];
  const pull = a.secretstream.pull(skey, header);
  const got = [pull(boxes[0]!), pull(boxes[1]!, bytes(9, 4)), pull(boxes[2]!)];
  check(
    got.every((m, i) => equalBytes(m.message, msgs[i]!)) && got[2]!.tag === SECRETSTREAM_TAG.FINAL,
    `${tag}: secretstream round trip lost a message or its tag`,
  );
  check(
    throwsAs(() => a.secretstream.pull(skey, header)(flip(boxes[0]!, 30)), AeadError),
    `${tag}: secretstream: a changed byte is not refused`,
  );
  check(
    throwsAs(() => a.secretstream.pull(skey, header)(boxes[1]!, bytes(9, 4)), AeadError),
    `${tag}: secretstream: a reordered message is not refused`,
  );

  // The fingerprint: every length through the three AEADs, and the ChaCha20 keystream at the end of
  // the 32-bit block counter, each from fresh keys and nonces.
  const h = createHash('sha256');
  const nobleH = noble ? createHash('sha256') : null;
  for (const [i, n] of AEAD_LENGTHS.entries()) {
    const key = bytes(32, 100 + i);
    const msg = bytes(n, 200 + i);
    const aad = bytes(i, 300 + i);
    const n12 = bytes(12, 400 + i);
    const n24 = bytes(24, 500 + i);
    // the RFC 8439 block counter is 32 bits: two blocks from 2^32 - 2 reach its end
    const short = msg.subarray(0, Math.min(n, 128));
    const outs = [
      a.chacha20poly1305(key, n12, aad).encrypt(msg),
      a.xchacha20poly1305(key, n24, aad).encrypt(msg),
      a.secretbox(key, n24).seal(msg),
      a.chacha20(key, n12, short, undefined, 0xffffffff - 1),
    ];
    check(equalBytes(a.chacha20poly1305(key, n12, aad).decrypt(outs[0]!), msg), `${tag}: ChaCha20-Poly1305 round trip of ${n} bytes`);
    check(equalBytes(a.xchacha20poly1305(key, n24, aad).decrypt(outs[1]!), msg), `${tag}: XChaCha20-Poly1305 round trip of ${n} bytes`);
    check(equalBytes(a.secretbox(key, n24).open(outs[2]!), msg), `${tag}: secretbox round trip of ${n} bytes`);
    for (const o of outs) h.update(o);
    if (noble && nobleH) {
      const ref = [
        noble.chacha20poly1305(key, n12, aad).encrypt(msg),
        noble.xchacha20poly1305(key, n24, aad).encrypt(msg),
        noble.secretbox(key, n24).seal(msg),
        // (noble refuses block 2^32 - 1 itself, which RFC 8439 allows: the first block only)
        noble.chacha20(key, n12, short.subarray(0, 64), undefined, 0xffffffff - 1),
      ];
      check(equalBytes(outs[0]!, ref[0]!), `${tag}: ChaCha20-Poly1305 of ${n} bytes differs from @noble/ciphers`);
      check(equalBytes(outs[1]!, ref[1]!), `${tag}: XChaCha20-Poly1305 of ${n} bytes differs from @noble/ciphers`);
      check(equalBytes(outs[2]!, ref[2]!), `${tag}: secretbox of ${n} bytes differs from @noble/ciphers`);
      check(equalBytes(outs[3]!.subarray(0, 64), ref[3]!), `${tag}: ChaCha20 keystream at counter 2^32 - 2 differs from @noble/ciphers`);
    }
  }
  return h.digest('hex');
}

/* ---- BN254 ------------------------------------------------------------------------------------ */

const P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47n;
const R = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001n;
/** 2·(1, 2), the double of the G1 generator. */
const G1_DOUBLE = '030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4';
/** The G2 generator of EIP-197 (x.im ‖ x.re ‖ y.im ‖ y.re). */
const G2_GEN =
  '198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa';

function be32(x: bigint): Uint8Array {
  return fromHex(x.toString(16).padStart(64, '0'));
}
function fromBe(b: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
}
const mod = (x: bigint) => ((x % P) + P) % P;

function reasonOf(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof Bn254Error ? e.reason : `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** @noble/curves' bn254 G1 scalar multiplication (x, y of k·(1, 2)), or null without it. */
export type NobleG1Mul = (k: bigint) => { x: bigint; y: bigint } | null;

export async function loadNobleBn254(): Promise<NobleG1Mul | null> {
  try {
    const { bn254 } = (await import('@noble/curves/bn254.js')) as unknown as {
      bn254: { G1: { Point: { BASE: { multiply(k: bigint): { is0(): boolean; toAffine(): { x: bigint; y: bigint } } } } } };
    };
    return (k) => {
      if (k === 0n) return null;
      const q = bn254.G1.Point.BASE.multiply(k);
      return q.is0() ? null : q.toAffine();
    };
  } catch {
    return null;
  }
}

/** The BN254 family on backend `name`; returns the fingerprint of its outputs. */
export async function bn254Selftest(name: BackendName, check: Check, noble: NobleG1Mul | null): Promise<string> {
  const tag = `${name} BN254`;
  const b = await loadBn254Backend(name);
  const G = cat(be32(1n), be32(2n));
  const negG = cat(be32(1n), be32(P - 2n));
  const G2 = fromHex(G2_GEN);
  check(Buffer.from(b.evm.ecAdd(cat(G, G))).toString('hex') === G1_DOUBLE, `${tag}: ecAdd(G, G) differs from the known 2G`);
  check(Buffer.from(b.evm.ecMul(cat(G, be32(2n)))).toString('hex') === G1_DOUBLE, `${tag}: ecMul(G, 2) differs from the known 2G`);
  check(equalBytes(b.evm.ecMul(cat(G, be32(R))), new Uint8Array(64)), `${tag}: ecMul(G, r) is not the point at infinity`);
  check(equalBytes(b.evm.ecAdd(cat(G, negG)), new Uint8Array(64)), `${tag}: ecAdd(G, -G) is not the point at infinity`);
  const one = be32(1n);
  check(equalBytes(b.evm.ecPairing(new Uint8Array(0)), one), `${tag}: ecPairing of no pairs is not 1`);
  check(equalBytes(b.evm.ecPairing(cat(G, G2, negG, G2)), one), `${tag}: e(G, Q) · e(-G, Q) = 1 not found`);
  check(
    b.pairingCheck([
      [G, G2],
      [G, G2],
    ]) === false,
    `${tag}: e(G, Q)² = 1 accepted`,
  );
  check(reasonOf(() => b.evm.ecAdd(cat(be32(1n), be32(3n)))) === 'g1-not-on-curve', `${tag}: (1, 3) not refused as g1-not-on-curve`);
  check(reasonOf(() => b.evm.ecMul(cat(be32(P), be32(2n)))) === 'coordinate-not-in-field', `${tag}: x = p not refused as coordinate-not-in-field`);
  check(reasonOf(() => b.evm.ecPairing(new Uint8Array(191))) === 'pairing-input-length', `${tag}: 191 bytes not refused as pairing-input-length`);
  const badQ = G2.slice();
  badQ[127]! ^= 1;
  check(reasonOf(() => b.evm.ecPairing(cat(G, badQ))) === 'g2-not-on-twist', `${tag}: a G2 point off the twist not refused`);

  // the snarkjs fixture of vectors/bn254/groth16/circom-compat (1 public signal), as the benchmark embeds it
  const f = BN254_FIXTURES.g1;
  const vk = f.vk as unknown as Groth16VerificationKey;
  const proof = f.proof as unknown as Groth16Proof;
  const { publicSignals } = f;
  check(b.groth16.verify(vk, publicSignals, proof) === true, `${tag}: the snarkjs Groth16 fixture does not verify`);
  check(b.groth16.verify(vk, f.badPublicSignals, proof) === false, `${tag}: Groth16 accepted a wrong public signal`);
  check(b.groth16.verify(vk, [(R + 33n).toString()], proof) === false, `${tag}: Groth16 accepted a public signal >= r`);
  const key = b.groth16.prepare(vk);
  check(key.verify(publicSignals, proof) === true, `${tag}: the prepared key rejects the fixture`);
  check(
    b.groth16.verifyBatch([
      { key, publicSignals, proof },
      { vk, publicSignals, proof },
    ]) === true,
    `${tag}: verifyBatch rejects two valid proofs`,
  );

  // The field kernels at their bounds against BigInt arithmetic.
  const h = createHash('sha256');
  const vals = [0n, 1n, 2n, P - 1n, P, P + 1n, 2n * P - 1n, (1n << 255n) + 12345n, (1n << 256n) - 1n, fromBe(bytes(32, 9))];
  for (const [i, a0] of vals.entries()) {
    const b0 = vals[(i * 3 + 1) % vals.length]!;
    const a1 = vals[(i * 7 + 2) % vals.length]!;
    const b1 = vals[(i * 5 + 3) % vals.length]!;
    const m = b.fp.mul(a0, b0);
    const s = b.fp.sumOfProducts(a0, b0, a1, b1);
    const [c0, c1] = b.fp2.mul([a0, a1], [b0, b1]);
    check(m === mod(a0 * b0), `${tag}: fp.mul(${a0}, ${b0})`);
    check(s === mod(a0 * b0 + a1 * b1), `${tag}: fp.sumOfProducts at ${i}`);
    check(c0 === mod(a0 * b0 - a1 * b1) && c1 === mod(a0 * b1 + a1 * b0), `${tag}: fp2.mul at ${i}`);
    h.update(be32(s));
  }
  // ecMul of scalars at the edges (0, 1, r - 1, r, r + 1, 2^256 - 1) and random ones: noble agrees.
  const scalars = [0n, 1n, R - 1n, R, R + 1n, (1n << 256n) - 1n, ...[1, 2, 3, 4].map((i) => fromBe(bytes(32, 40 + i)))];
  for (const k of scalars) {
    const out = b.evm.ecMul(cat(G, be32(k)));
    h.update(out);
    if (noble) {
      const q = noble(k % R);
      const want = q ? cat(be32(q.x), be32(q.y)) : new Uint8Array(64);
      check(equalBytes(out, want), `${tag}: ecMul(G, ${k}) differs from @noble/curves`);
    }
  }
  return h.digest('hex');
}
