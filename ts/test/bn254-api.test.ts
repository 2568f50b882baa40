// The pqsimd/bn254 API contract: what the entry point exports, ready() and the default backend,
// Bn254Error (class, reasons, messages, one class for ESM and CommonJS), argument errors of every
// function, fresh outputs, the snarkjs JSON rules of groth16 (extra fields, JS numbers, signs, hex,
// values >= 2^256 / >= p / >= r, wrong nesting, projective z, swapped G2 halves: false; a vk of the
// wrong shape: TypeError), prepared keys, the key cache following the key's content, and
// verifyBatch (chunks, TypeErrors first, and random coefficients: two wrong proofs built to cancel
// under equal coefficients are caught). Every verdict on every backend.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../dist/bn254.node.mjs';
import {
  BN_BACKENDS,
  type Bn254Backend,
  Bn254Error,
  be32,
  cat,
  evm,
  fp,
  fp2,
  G1,
  G2,
  g1Bytes,
  g2Bytes,
  groth16,
  groth16Json,
  loadAll,
  P,
  pairingCheck,
  R,
  ready,
  toHex,
} from './bn254-lib.js';

let backends: Map<string, Bn254Backend>;
beforeAll(async () => {
  backends = await loadAll();
});

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const VK1 = groth16Json<Json>('circom-compat/verification_key.json');
const PROOF1 = groth16Json<Json>('circom-compat/proof.json');
const PUB1 = groth16Json<string[]>('circom-compat/public.json');
const VK5 = groth16Json<Json>('m5/verification_key.json');
const PROOF5 = groth16Json<Json>('m5/proof.json');
const PUB5 = groth16Json<string[]>('m5/public.json');

/** The verdict of verify, prepared verify and a batch of one, on every backend: all the same. */
function verdict(vk: unknown, pub: unknown, proof: unknown): boolean {
  const seen = new Set<string>();
  for (const be of backends.values()) {
    seen.add(String(be.groth16.verify(vk as never, pub as never, proof as never)));
    seen.add(String(be.groth16.prepare(vk as never).verify(pub as never, proof as never)));
    seen.add(String(be.groth16.verifyBatch([{ vk: vk as never, publicSignals: pub as never, proof: proof as never }])));
  }
  expect(seen.size, `verdicts differ: ${[...seen]}`).toBe(1);
  return seen.has('true');
}

/** What every backend's groth16.verify threw (the same everywhere), or 'ok'. */
function vkError(vk: unknown): string {
  const seen = new Set<string>();
  for (const be of backends.values()) {
    for (const f of [() => be.groth16.verify(vk as never, PUB1, PROOF1 as never), () => be.groth16.prepare(vk as never)]) {
      try {
        f();
        seen.add('ok');
      } catch (e) {
        seen.add(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
  }
  expect(seen.size, [...seen].join(' | ')).toBe(1);
  return [...seen][0]!;
}

describe('the entry point', () => {
  it('exports the issue API (and the backend functions every family exports), and nothing works before ready()', async () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'BACKEND_NAMES',
        'Bn254Error',
        'availableBackends',
        'backend',
        'backendInfo',
        'backends',
        'evm',
        'fp',
        'fp2',
        'groth16',
        'loadBackend',
        'pairingCheck',
        'ready',
        'tickCounter',
      ].sort(),
    );
    expect(Object.keys(evm).sort()).toEqual(['ecAdd', 'ecMul', 'ecPairing', 'ethereumjsBackend']);
    expect(Object.keys(evm.ethereumjsBackend).sort()).toEqual(['add', 'mul', 'pairing']);
    expect(Object.keys(groth16).sort()).toEqual(['prepare', 'verify', 'verifyBatch']);
    expect(Object.keys(fp).sort()).toEqual(['mul', 'sumOfProducts']);
    expect(Object.keys(fp2)).toEqual(['mul']);
    for (const o of [evm, evm.ethereumjsBackend, groth16, fp, fp2]) expect(Object.isFrozen(o)).toBe(true);
    expect(() => evm.ecAdd(new Uint8Array(0))).toThrow(/call `await ready\(\)` before using pqsimd\/bn254/);
    expect(() => groth16.verify(VK1 as never, PUB1, PROOF1 as never)).toThrow(/ready/);
    await ready();
    expect(toHex(evm.ecAdd(new Uint8Array(0)))).toBe('00'.repeat(64));
    expect(groth16.verify(VK1 as never, PUB1, PROOF1 as never)).toBe(true);
    expect(pairingCheck([])).toBe(true);
    expect(fp.mul(3n, P - 1n)).toBe(P - 3n);
    expect(fp2.mul([0n, 1n], [0n, 1n])).toEqual([P - 1n, 0n]); // u² = −1
    expect(api.backend()).toBe(api.availableBackends()[0]);
  });
});

describe(`Bn254Error on ${BN_BACKENDS.join(', ')}`, () => {
  const G = g1Bytes(G1.BASE);
  const Q = g2Bytes(G2.BASE);
  const cases: [string, () => [keyof Bn254Backend['evm'] & string, Uint8Array], string, RegExp][] = [
    ['x = p', () => ['ecAdd', cat(be32(P), be32(2n))], 'coordinate-not-in-field', /^ecAdd: a coordinate is not below the field modulus p$/],
    ['(1, 3)', () => ['ecMul', cat(be32(1n), be32(3n), be32(5n))], 'g1-not-on-curve', /^ecMul: a G1 point is not on the curve y² = x³ \+ 3/],
    [
      'G2 y + 1',
      () => ['ecPairing', cat(G, Q.slice(0, 127), new Uint8Array([Q[127]! + 1]))],
      'g2-not-on-twist',
      /^ecPairing: a G2 point is not on the twist .*imaginary parts first/,
    ],
    [
      '191 bytes',
      () => ['ecPairing', new Uint8Array(191)],
      'pairing-input-length',
      /^ecPairing: the input is not a whole number of 192-byte pairs .*: got 191 bytes$/,
    ],
  ];
  for (const [what, make, reason, message] of cases) {
    it(`${what}: reason ${reason}, a message naming the function`, () => {
      for (const be of backends.values()) {
        const [op, input] = make();
        let err: unknown;
        try {
          be.evm[op as 'ecAdd'](input);
        } catch (e) {
          err = e;
        }
        expect(err, be.name).toBeInstanceOf(Bn254Error);
        expect(err).toBeInstanceOf(Error);
        const e = err as InstanceType<typeof Bn254Error>;
        expect([e.name, e.reason]).toEqual(['Bn254Error', reason]);
        expect(e.message).toMatch(message);
        expect(Object.prototype.toString.call(e)).toBe('[object Error]');
      }
    });
  }

  it('one class for the ESM and CommonJS builds (shared through globalThis per package version)', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('../../dist/bn254.node.cjs') as typeof api;
    expect(cjs.Bn254Error).toBe(Bn254Error);
    expect(new Bn254Error('g2-not-in-subgroup', 'x').reason).toBe('g2-not-in-subgroup');
  });
});

describe(`argument checks on ${BN_BACKENDS.join(', ')}`, () => {
  const thrown = (f: () => unknown): string => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  it('evm.*, pairingCheck, fp, fp2: TypeError / RangeError naming the argument, before any work', () => {
    for (const be of backends.values()) {
      expect(thrown(() => be.evm.ecAdd('00' as never))).toBe('TypeError: input: expected a Uint8Array, got a string');
      expect(thrown(() => be.evm.ecMul(new Uint16Array(48) as never))).toBe('TypeError: input: expected a Uint8Array, got a Uint16Array');
      expect(thrown(() => be.evm.ethereumjsBackend.pairing([] as never))).toBe('TypeError: input: expected a Uint8Array, got an Array');
      expect(thrown(() => be.pairingCheck(new Uint8Array(192) as never))).toMatch(/^TypeError: pairs: expected an array of \[g1, g2\] pairs/);
      expect(thrown(() => be.pairingCheck([[new Uint8Array(64)]] as never))).toMatch(/^TypeError: pairs\[0\]: expected a pair \[g1, g2\], got an Array/);
      expect(
        thrown(() =>
          be.pairingCheck([
            [new Uint8Array(64), new Uint8Array(128)],
            [new Uint8Array(65), new Uint8Array(128)],
          ]),
        ),
      ).toBe('RangeError: pairs[1][0]: expected 64 bytes (a G1 point x ‖ y), got 65');
      expect(thrown(() => be.pairingCheck([[new Uint8Array(64), new Uint8Array(127)]]))).toMatch(/^RangeError: pairs\[0\]\[1\]: expected 128 bytes/);
      expect(thrown(() => be.pairingCheck([[new Uint8Array(64), 'x' as never]]))).toBe('TypeError: pairs[0][1]: expected a Uint8Array, got a string');
      expect(thrown(() => be.fp.mul(new Uint8Array(31), new Uint8Array(32)))).toBe('RangeError: a: expected 32 bytes (a big-endian field element), got 31');
      expect(thrown(() => be.fp.mul(new Uint8Array(32), 5n as never))).toBe('TypeError: b: expected a Uint8Array, got a bigint');
      expect(thrown(() => be.fp.mul(5n, new Uint8Array(32) as never))).toBe('TypeError: a: expected a Uint8Array, got a bigint');
      expect(thrown(() => be.fp.mul(-1n, 1n))).toBe('RangeError: a: expected 0 <= a < 2^256, got -1');
      expect(thrown(() => be.fp.sumOfProducts(1n, 1n, 1n, 1n << 256n))).toMatch(/^RangeError: b1: expected 0 <= b1 < 2\^256/);
      expect(thrown(() => be.fp.mul(1 as never, 2 as never))).toBe('TypeError: a: expected a Uint8Array, got a number');
      expect(thrown(() => be.fp2.mul([1n] as never, [1n, 2n]))).toBe('TypeError: a: expected an Fp2 element [c0, c1], got an Array');
      expect(thrown(() => be.fp2.mul([1n, 2n], 3n as never))).toBe('TypeError: b: expected an Fp2 element [c0, c1], got a bigint');
      expect(thrown(() => be.fp2.mul([new Uint8Array(32), new Uint8Array(32)], [new Uint8Array(32), new Uint8Array(33)]))).toMatch(/^RangeError: b\[1\]: /);
    }
  });

  it('outputs are new arrays (never a view of library memory), inputs are not changed', () => {
    for (const be of backends.values()) {
      const input = cat(g1Bytes(G1.BASE), g1Bytes(G1.BASE));
      const before = toHex(input);
      const a = be.evm.ecAdd(input);
      const b = be.evm.ecAdd(input);
      expect(a).not.toBe(b);
      expect(a.buffer).not.toBe(b.buffer);
      a.fill(7);
      expect(toHex(b)).toBe(toHex(be.evm.ecAdd(input)));
      expect(toHex(input)).toBe(before);
      expect([a.byteOffset, a.length, be.evm.ecPairing(new Uint8Array(0)).length]).toEqual([0, 64, 32]);
      const [c0, c1] = be.fp2.mul([be32(3n), be32(4n)], [be32(5n), be32(6n)]);
      expect(c0!.buffer).not.toBe(c1!.buffer);
      expect([toHex(c0!), toHex(c1!)]).toEqual([toHex(be32(15n - 24n + P)), toHex(be32(38n))]);
    }
  });
});

describe(`groth16: snarkjs JSON rules on ${BN_BACKENDS.join(', ')}`, () => {
  it('the fixtures as they are, and with extra properties, affine points and a dropped vk_alphabeta_12', () => {
    expect(verdict(VK1, PUB1, PROOF1)).toBe(true);
    expect(verdict(VK5, PUB5, PROOF5)).toBe(true);
    const vk = { ...clone(VK5), extra: 1, vk_alphabeta_12: undefined, IC: (VK5.IC as string[][]).map((p) => p.slice(0, 2)) };
    const proof = { ...clone(PROOF5), commitments: [], pi_a: (PROOF5.pi_a as string[]).slice(0, 2), pi_b: (PROOF5.pi_b as string[][]).slice(0, 2) };
    expect(verdict(vk, PUB5, proof)).toBe(true);
    const noMeta = clone(VK1);
    delete noMeta.protocol;
    delete noMeta.curve;
    delete noMeta.nPublic;
    const proofNoMeta = clone(PROOF1);
    delete proofNoMeta.protocol;
    delete proofNoMeta.curve;
    expect(verdict(noMeta, PUB1, proofNoMeta)).toBe(true);
    expect(verdict({ ...clone(VK1), curve: 'bn254' }, PUB1, { ...clone(PROOF1), curve: 'alt_bn128' })).toBe(true);
  });

  it('public signals that are not decimal strings below r: false', () => {
    const bad: unknown[] = [
      33,
      33n,
      '-33',
      '+33',
      ' 33',
      '33 ',
      '0x21',
      '21h',
      '3.3e1',
      '33.0',
      '',
      '٣٣', // Arabic-Indic digits
      (33n + R).toString(),
      (33n + (1n << 256n)).toString(),
      `0${'9'.repeat(78)}`,
      null,
      ['33'],
      { toString: () => '33' },
    ];
    for (const v of bad) expect(verdict(VK1, [v], PROOF1), String(v)).toBe(false);
    expect(verdict(VK1, ['0033'], PROOF1)).toBe(true); // leading zeros: the same number
    for (const pub of [[], ['33', '33'], '33', null, { 0: '33', length: 1 }, undefined]) expect(verdict(VK1, pub, PROOF1), JSON.stringify(pub)).toBe(false);
    // m5: the last input dropped, an extra one, one replaced by r (= 0 mod r, not canonical)
    expect(verdict(VK5, PUB5.slice(0, 4), PROOF5)).toBe(false);
    expect(verdict(VK5, [...PUB5, '0'], PROOF5)).toBe(false);
    expect(verdict(VK5, [PUB5[0], PUB5[1], PUB5[2], R.toString(), PUB5[4]], PROOF5)).toBe(false); // PUB5[3] is "0"
  });

  it('proof numbers that are not decimal strings, >= p, >= 2^256, a wrong z or nesting: false', () => {
    const withA = (f: (a: unknown[]) => unknown) => ({ ...clone(PROOF1), pi_a: f(clone(PROOF1.pi_a as unknown[])) });
    const withB = (f: (b: unknown[][]) => unknown) => ({ ...clone(PROOF1), pi_b: f(clone(PROOF1.pi_b as unknown[][])) });
    const ax = BigInt((PROOF1.pi_a as string[])[0]!);
    const bad: [string, unknown][] = [
      ['x as a JS number', withA((a) => [Number(a[0]), a[1], a[2]])],
      ['x as a bigint', withA((a) => [BigInt(a[0] as string), a[1], a[2]])],
      ['x in hex', withA((a) => [`0x${ax.toString(16)}`, a[1], a[2]])],
      ['x negative', withA((a) => [`-${a[0]}`, a[1], a[2]])],
      ['x + p', withA((a) => [(ax + P).toString(), a[1], a[2]])],
      ['x + 2^256', withA((a) => [(ax + (1n << 256n)).toString(), a[1], a[2]])],
      ['z = "2"', withA((a) => [a[0], a[1], '2'])],
      ['z = 1 (a number)', withA((a) => [a[0], a[1], 1])],
      ['z = "01"', withA((a) => [a[0], a[1], '01'])],
      ['four entries', withA((a) => [...a, '1'])],
      ['one entry', withA((a) => [a[0]])],
      ['nested once more', withA((a) => a.map((v) => [v]))],
      ['an object', withA((a) => ({ x: a[0], y: a[1] }))],
      ['(0, 0) affine', withA(() => ['0', '0', '1'])],
      ['A at infinity', withA(() => ['0', '1', '0'])],
      ['G2 flat', withB((b) => b.flat())],
      ['G2 z = ["1", "1"]', withB((b) => [b[0], b[1], ['1', '1']])],
      ['G2 z = ["0", "1"]', withB((b) => [b[0], b[1], ['0', '1']])],
      ['G2 three-entry coordinate', withB((b) => [[...b[0]!, '0'], b[1], b[2]])],
      ['G2 x.c0 + p', withB((b) => [[(BigInt(b[0]![0] as string) + P).toString(), b[0]![1]], b[1], b[2]])],
      ['G2 halves swapped', withB((b) => [[b[0]![1], b[0]![0]], [b[1]![1], b[1]![0]], b[2]])],
      ['G2 only x halves swapped', withB((b) => [[b[0]![1], b[0]![0]], b[1], b[2]])],
      [
        'pi_c missing',
        (() => {
          const p = clone(PROOF1);
          delete p.pi_c;
          return p;
        })(),
      ],
      ['protocol plonk', { ...clone(PROOF1), protocol: 'plonk' }],
      ['curve bls12381', { ...clone(PROOF1), curve: 'bls12381' }],
      ['null', null],
      ['an array', [PROOF1.pi_a, PROOF1.pi_b, PROOF1.pi_c]],
      ['a string', JSON.stringify(PROOF1)],
      ['A and C swapped', { ...clone(PROOF1), pi_a: PROOF1.pi_c, pi_c: PROOF1.pi_a }],
    ];
    for (const [what, proof] of bad) expect(verdict(VK1, PUB1, proof), what).toBe(false);
  });

  it('a vk that is not of the snarkjs shape: TypeError naming what is wrong', () => {
    const without = (k: string) => {
      const v = clone(VK1);
      delete v[k];
      return v;
    };
    const shape: [unknown, RegExp][] = [
      [null, /^TypeError: vk: expected a snarkjs Groth16 verification key .*, got null$/],
      ['{}', /^TypeError: vk: expected a snarkjs Groth16 verification key .*, got a string$/],
      [[VK1], /^TypeError: vk: expected .*, got an Array$/],
      [{}, /^TypeError: vk\.vk_alpha_1: expected a G1 point/],
      [without('IC'), /^TypeError: vk\.IC: expected a non-empty array of G1 points, got undefined$/],
      [{ ...clone(VK1), IC: [] }, /^TypeError: vk\.IC: expected a non-empty array/],
      [{ ...clone(VK1), IC: [VK1.vk_alpha_1, 'x'] }, /^TypeError: vk\.IC\[1\]: expected a G1 point/],
      [without('vk_delta_2'), /^TypeError: vk\.vk_delta_2: expected a G2 point .*, got undefined$/],
      [{ ...clone(VK1), vk_beta_2: (VK1.vk_beta_2 as string[][]).flat() }, /^TypeError: vk\.vk_beta_2: expected a G2 point/],
      [{ ...clone(VK1), vk_gamma_2: VK1.vk_alpha_1 }, /^TypeError: vk\.vk_gamma_2: expected a G2 point/],
      [{ ...clone(VK1), vk_alpha_1: VK1.vk_beta_2 }, /^TypeError: vk\.vk_alpha_1: expected a G1 point/],
      [{ ...clone(VK1), protocol: 'plonk' }, /^TypeError: vk\.protocol: expected 'groth16', got "plonk"$/],
      [{ ...clone(VK1), curve: 'bls12381' }, /^TypeError: vk\.curve: expected 'bn128' .*, got "bls12381"$/],
      [{ ...clone(VK1), nPublic: 2 }, /^TypeError: vk\.nPublic: expected 1 \(IC has 2 points/],
      [{ ...clone(VK1), nPublic: '1' }, /^TypeError: vk\.nPublic: expected 1/],
    ];
    for (const [vk, re] of shape) expect(vkError(vk), JSON.stringify(vk)?.slice(0, 60)).toMatch(re);
    expect(vkError(VK1)).toBe('ok');
  });

  it('a vk of the right shape with numbers that are not valid: prepare works, every verdict is false', () => {
    const withAlpha = (a: unknown[]) => ({ ...clone(VK1), vk_alpha_1: a });
    const alpha = VK1.vk_alpha_1 as string[];
    const bad = [
      withAlpha([Number(alpha[0]), alpha[1], alpha[2]]),
      withAlpha([`0x${BigInt(alpha[0]!).toString(16)}`, alpha[1], alpha[2]]),
      withAlpha([(BigInt(alpha[0]!) + P).toString(), alpha[1], alpha[2]]),
      withAlpha([alpha[0], (BigInt(alpha[1]!) + 1n).toString(), alpha[2]]), // off the curve
      { ...clone(VK1), vk_beta_2: (VK1.vk_beta_2 as string[][]).map((c, i) => (i < 2 ? [c[1], c[0]] : c)) }, // halves swapped
      { ...clone(VK1), IC: [(VK1.IC as unknown[])[0], ['1', '3', '1']] }, // IC[1] = (1, 3), off the curve
    ];
    for (const vk of bad) {
      expect(vkError(vk)).toBe('ok');
      expect(verdict(vk, PUB1, PROOF1)).toBe(false);
      for (const be of backends.values()) expect(be.groth16.prepare(vk as never).nPublic).toBe(1);
    }
  });

  it('prepared keys: nPublic, frozen, the same verdicts; the key cache follows the content of a changed vk object', () => {
    for (const be of backends.values()) {
      const k5 = be.groth16.prepare(VK5 as never);
      expect(k5.nPublic).toBe(5);
      expect(Object.isFrozen(k5)).toBe(true);
      expect(k5.verify(PUB5, PROOF5 as never)).toBe(true);
      expect(k5.verify(PUB1, PROOF1 as never)).toBe(false);
      const vk = clone(VK1);
      expect(be.groth16.verify(vk as never, PUB1, PROOF1 as never)).toBe(true);
      const saved = (vk.IC as unknown[])[1];
      (vk.IC as unknown[])[1] = (VK5.IC as unknown[])[1];
      expect(be.groth16.verify(vk as never, PUB1, PROOF1 as never)).toBe(false);
      (vk.IC as unknown[])[1] = saved;
      expect(be.groth16.verify(vk as never, PUB1, PROOF1 as never)).toBe(true);
      // more keys than the cache holds, in turn
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 10; i++) {
          const variant = { ...clone(VK1), IC: [...(VK1.IC as unknown[]).slice(0, 1), i === 0 ? (VK1.IC as unknown[])[1] : (VK5.IC as unknown[])[i % 6]] };
          expect(be.groth16.verify(variant as never, PUB1, PROOF1 as never), `${round} ${i}`).toBe(i === 0);
        }
      }
    }
  });
});

describe(`groth16.verifyBatch on ${BN_BACKENDS.join(', ')}`, () => {
  /** PROOF1 with pi_c replaced by C + d·G (d may be negative). */
  const shiftedC = (d: bigint) => {
    const [x, y] = (PROOF1.pi_c as string[]).map(BigInt);
    const c = G1.fromAffine({ x: x!, y: y! })
      .add(d >= 0n ? G1.BASE.multiply(d) : G1.BASE.multiply(-d).negate())
      .toAffine();
    return { ...clone(PROOF1), pi_c: [c.x.toString(), c.y.toString(), '1'] };
  };

  it('two wrong proofs whose errors cancel under equal coefficients are caught (the coefficients are random)', () => {
    const plus = shiftedC(7n);
    const minus = shiftedC(-7n);
    expect(verdict(VK1, PUB1, plus)).toBe(false);
    expect(verdict(VK1, PUB1, minus)).toBe(false);
    for (const be of backends.values()) {
      const key = be.groth16.prepare(VK1 as never);
      for (let i = 0; i < 3; i++) {
        expect(
          be.groth16.verifyBatch([
            { key, publicSignals: PUB1, proof: plus as never },
            { key, publicSignals: PUB1, proof: minus as never },
          ]),
          be.name,
        ).toBe(false);
      }
    }
  });

  it('a batch of more than one call (256 proofs a call), an empty batch, and one bad proof in the second call', () => {
    for (const be of backends.values()) {
      const key = be.groth16.prepare(VK5 as never);
      const items = Array.from({ length: 260 }, (_, i) =>
        i % 3 === 0 ? { vk: VK5, publicSignals: PUB5, proof: PROOF5 } : { key, publicSignals: PUB5, proof: PROOF5 },
      );
      expect(be.groth16.verifyBatch(items as never), be.name).toBe(true);
      expect(be.groth16.verifyBatch([])).toBe(true);
      const bad = items.slice();
      bad[258] = { key, publicSignals: [...PUB5.slice(0, 4), '12'], proof: PROOF5 };
      expect(be.groth16.verifyBatch(bad as never), be.name).toBe(false);
    }
  }, 60_000);

  it('TypeErrors first: not an array, an item that is not an object, vk and key both or neither, a key that is not one', () => {
    const thrown = (f: () => unknown) => {
      try {
        return `ok:${String(f())}`;
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    };
    for (const be of backends.values()) {
      const key = be.groth16.prepare(VK1 as never);
      const good = { key, publicSignals: PUB1, proof: PROOF1 };
      const wrong = { key, publicSignals: PUB1, proof: shiftedC(1n) };
      expect(thrown(() => be.groth16.verifyBatch('x' as never))).toMatch(/^TypeError: items: expected an array/);
      expect(thrown(() => be.groth16.verifyBatch([wrong, null] as never))).toMatch(/^TypeError: items\[1\]: expected an object/);
      expect(thrown(() => be.groth16.verifyBatch([wrong, { ...good, vk: VK1 }] as never))).toBe('TypeError: items[1]: pass either vk or key, not both');
      expect(thrown(() => be.groth16.verifyBatch([wrong, { ...good, key: { ...key } }] as never))).toMatch(
        /^TypeError: items\[1\]\.key: expected a prepared key/,
      );
      expect(thrown(() => be.groth16.verifyBatch([wrong, { publicSignals: PUB1, proof: PROOF1 }] as never))).toMatch(
        /^TypeError: items\[1\]\.vk: expected a snarkjs Groth16 verification key/,
      );
      expect(thrown(() => be.groth16.verifyBatch([wrong, good] as never))).toBe('ok:false');
      // a key prepared on another backend works here too
      for (const other of backends.values()) expect(be.groth16.verifyBatch([good, { ...good, key: other.groth16.prepare(VK1 as never) }] as never)).toBe(true);
    }
  });
});
