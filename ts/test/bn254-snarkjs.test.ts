// The snarkjs JSON → bytes layer of pqsimd/bn254 (ts/src/bn254/snarkjs.ts) on its own, judged by
// @noble/curves: the bytes it gives the C for every Groth16 fixture decode (EIP-196/197 layout, G2
// imaginary parts first) to the points and numbers of the JSON, and noble's pairing equation
// e(−A, B) · e(α, β) · e(vk_x, γ) · e(C, δ) = 1 holds on exactly those bytes for the valid
// fixtures. Then the decimal rules (what counts as a number) and the byte helpers at their edges.
import { describe, expect, it } from 'vitest';
import { decimal, encodeKey, encodePublics, PROOF_BYTES, readBig, VK_FIXED_BYTES, writeBig, writeProof } from '../src/bn254/snarkjs.js';
import { bn254, Fp12, G1, G2, groth16Cases, groth16Json, P, R } from './bn254-ref.js';

const word = (b: Uint8Array, at: number): bigint => readBig(b, at);
const g1At = (b: Uint8Array, at: number) => {
  const x = word(b, at);
  const y = word(b, at + 32);
  return x === 0n && y === 0n ? G1.ZERO : G1.fromAffine({ x, y });
};
const g2At = (b: Uint8Array, at: number) => {
  const [x1, x0, y1, y0] = [0, 1, 2, 3].map((i) => word(b, at + 32 * i));
  if (x0 === 0n && x1 === 0n && y0 === 0n && y1 === 0n) return G2.ZERO;
  const Fp2 = bn254.fields.Fp2;
  return G2.fromAffine({ x: Fp2.fromBigTuple([x0!, x1!]), y: Fp2.fromBigTuple([y0!, y1!]) });
};

describe('snarkjs JSON to the C layout', () => {
  it('every fixture: the bytes decode to the JSON (G2 imaginary first) and noble accepts exactly the valid proofs from them', () => {
    let valid = 0;
    for (const c of groth16Cases()) {
      const vkJson = groth16Json<Record<string, unknown>>(c.vk);
      const key = encodeKey(vkJson);
      expect(key.bytes, c.name).not.toBeNull();
      const kb = key.bytes!;
      const ic = vkJson.IC as string[][];
      expect(key.nPublic).toBe(ic.length - 1);
      expect(kb.length).toBe(VK_FIXED_BYTES + 64 * ic.length);
      const alpha = vkJson.vk_alpha_1 as string[];
      expect([word(kb, 0), word(kb, 32)]).toEqual([BigInt(alpha[0]!), BigInt(alpha[1]!)]);
      const beta = vkJson.vk_beta_2 as string[][];
      expect([0, 1, 2, 3].map((i) => word(kb, 64 + 32 * i))).toEqual([beta[0]![1], beta[0]![0], beta[1]![1], beta[1]![0]].map((s) => BigInt(s!)));
      const pubJson = groth16Json<string[]>(c.public);
      const pub = encodePublics(pubJson, key.nPublic);
      const proof = new Uint8Array(PROOF_BYTES);
      const shaped = writeProof(proof, 0, groth16Json(c.proof));
      if (!pub) {
        expect(c.name).toMatch(/public_input_missing/);
        continue;
      }
      expect(shaped, c.name).toBe(true);
      const pubs = pubJson.map((s, i) => {
        expect(word(pub, 32 * i)).toBe(BigInt(s));
        return BigInt(s);
      });
      let ok: boolean;
      try {
        const [A, B, C] = [g1At(proof, 0), g2At(proof, 64), g1At(proof, 192)];
        for (const pt of [A, B, C]) pt.assertValidity();
        if (pubs.some((x) => x >= R)) throw new Error('public input >= r');
        let vkx = g1At(kb, VK_FIXED_BYTES);
        pubs.forEach((x, i) => {
          if (x !== 0n) vkx = vkx.add(g1At(kb, VK_FIXED_BYTES + 64 * (i + 1)).multiply(x));
        });
        const pairs = [
          { g1: A.negate(), g2: B },
          { g1: g1At(kb, 0), g2: g2At(kb, 64) },
          { g1: vkx, g2: g2At(kb, 192) },
          { g1: C, g2: g2At(kb, 320) },
        ];
        ok = Fp12.eql(bn254.pairingBatch(pairs), Fp12.ONE);
      } catch {
        ok = false;
      }
      expect(ok, c.name).toBe(c.expected === 'valid');
      if (ok) valid++;
    }
    expect(valid).toBe(4);
  });

  it('decimal(): plain digits below 2^256 only', () => {
    expect(decimal('0')).toBe(0n);
    expect(decimal('007')).toBe(7n);
    expect(decimal(((1n << 256n) - 1n).toString())).toBe((1n << 256n) - 1n);
    expect(decimal((1n << 256n).toString())).toBeNull();
    expect(decimal(P.toString())).toBe(P); // >= p is the C's to refuse
    for (const v of ['', '-1', '+1', ' 1', '1 ', '0x1', '1e3', '1.0', '１', '٣', `0${'1'.repeat(78)}`, 1, 1n, null, undefined, ['1'], {}]) {
      expect(decimal(v), String(v)).toBeNull();
    }
  });

  it('writeBig / readBig: 32 big-endian bytes at any offset', () => {
    const b = new Uint8Array(40).fill(0xee);
    for (const x of [0n, 1n, 255n, 256n, P - 1n, (1n << 255n) + 3n, (1n << 256n) - 1n, 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n]) {
      writeBig(b, 5, x);
      expect(readBig(b, 5)).toBe(x);
      expect(Buffer.from(b.subarray(5, 37)).toString('hex')).toBe(x.toString(16).padStart(64, '0'));
      expect([b[4], b[37]]).toEqual([0xee, 0xee]);
    }
  });
});
