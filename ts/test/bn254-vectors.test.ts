// pqsimd/bn254 against every case of the published vectors in vectors/bn254 (see its
// PROVENANCE.md), through the TypeScript API on every backend, every backend agreeing byte for
// byte: go-ethereum's bn256Add / bn256ScalarMul / bn256Pairing precompile vectors, noble-curves'
// dump of the ethereumjs VM (215 EC lines, 64 must fail: Bn254Error with the reason the provenance
// counts), the seda vectors, the 10 generated precompile negatives (each with its reason) and the
// 16 Groth16 fixtures (4 valid, 12 negative) through verify, prepare and verifyBatch.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BN_BACKENDS, BN_VECTORS, type Bn254Backend, Bn254Error, bnJson, bnModule, groth16Cases, groth16Json, hex, loadAll, outcome } from './bn254-lib.js';

let backends: Map<string, Bn254Backend>;
beforeAll(async () => {
  backends = await loadAll();
});

type Op = 'ecAdd' | 'ecMul' | 'ecPairing';

/** `f` on every backend: the outcomes, which must all be the same; returns that one. */
function agreed(what: string, f: (be: Bn254Backend) => unknown): string {
  const seen = new Map<string, string>();
  for (const [name, be] of backends)
    seen.set(
      name,
      outcome(() => f(be)),
    );
  const values = new Set(seen.values());
  expect(values.size, `${what}: backends disagree: ${JSON.stringify([...seen])}`).toBe(1);
  return values.values().next().value!;
}

interface GethCase {
  Input: string;
  Expected: string;
  Name: string;
  Gas: number;
}

describe(`go-ethereum precompile vectors on ${BN_BACKENDS.join(', ')}`, () => {
  for (const [file, op, count] of [
    ['bn256Add.json', 'ecAdd', 16],
    ['bn256ScalarMul.json', 'ecMul', 19],
    ['bn256Pairing.json', 'ecPairing', 14],
  ] as const) {
    it(`${file}: ${count} cases byte for byte`, () => {
      const cases = bnJson<GethCase[]>(`go-ethereum/${file}`);
      expect(cases.length).toBe(count);
      for (const c of cases) {
        const input = hex(c.Input);
        expect(
          agreed(`${file} ${c.Name}`, (be) => be.evm[op](input)),
          `${file} ${c.Name}`,
        ).toBe(`ok:${c.Expected}`);
        expect(
          agreed(`${file} ${c.Name} (ethereumjsBackend)`, (be) => be.evm.ethereumjsBackend[op === 'ecAdd' ? 'add' : op === 'ecMul' ? 'mul' : 'pairing'](input)),
        ).toBe(`ok:${c.Expected}`);
      }
    });
  }
});

describe(`noble-curves vectors on ${BN_BACKENDS.join(', ')}`, () => {
  it("eth-dump.js: 215 EC lines of the ethereumjs VM's dump; the 64 failures are Bn254Errors with the provenance's reasons", async () => {
    const dump = await bnModule<Record<string, [string, string][]>>('noble-curves/eth-dump.js');
    const ops: [string, Op][] = [
      ['NOBLE_DUMP_EC_ADD', 'ecAdd'],
      ['NOBLE_DUMP_EC_MUL', 'ecMul'],
      ['NOBLE_DUMP_EC_PAIRING', 'ecPairing'],
    ];
    const lines = { total: 0, ok: 0, failed: 0 };
    const reasons: Record<string, number> = {};
    const failedPerOp: Record<string, number> = {};
    for (const [key, op] of ops) {
      for (const [inHex, outHex] of dump[key]!) {
        lines.total++;
        const input = hex(inHex.replace(/^0x/, ''));
        const got = agreed(`${op} ${inHex.slice(0, 40)}`, (be) => be.evm[op](input));
        if (outHex === '0x') {
          lines.failed++;
          failedPerOp[op] = (failedPerOp[op] ?? 0) + 1;
          const m = /^Bn254Error\/([a-z0-9-]+): (\w+): /.exec(got);
          expect(m, `${op} ${inHex}: expected a Bn254Error, got ${got.slice(0, 100)}`).not.toBeNull();
          expect(m![2]).toBe(op);
          reasons[m![1]!] = (reasons[m![1]!] ?? 0) + 1;
        } else {
          lines.ok++;
          expect(got, `${op} ${inHex}`).toBe(`ok:${outHex.slice(2)}`);
        }
      }
    }
    expect(lines).toEqual({ total: 215, ok: 151, failed: 64 });
    expect(failedPerOp).toEqual({ ecAdd: 10, ecMul: 40, ecPairing: 14 });
    // PROVENANCE.md: coordinate >= p (7), G1 not on curve (50), G2 not on twist (2), pairing length (5)
    expect(reasons).toEqual({ 'coordinate-not-in-field': 7, 'g1-not-on-curve': 50, 'g2-not-on-twist': 2, 'pairing-input-length': 5 });
  });

  it('seda.js: 7 add and 17 mul cases', async () => {
    const v = await bnModule<{
      add: { x1: string; y1: string; x2: string; y2: string; result: string }[];
      mul: { x: string; y: string; scalar: string; result: string }[];
    }>('noble-curves/seda.js');
    expect([v.add.length, v.mul.length]).toEqual([7, 17]);
    for (const c of v.add) {
      const input = hex(c.x1 + c.y1 + c.x2 + c.y2);
      expect(agreed('seda add', (be) => be.evm.ecAdd(input))).toBe(`ok:${c.result}`);
    }
    for (const c of v.mul) {
      const input = hex(c.x + c.y + c.scalar);
      expect(agreed('seda mul', (be) => be.evm.ecMul(input))).toBe(`ok:${c.result}`);
    }
  });
});

describe(`generated precompile negatives on ${BN_BACKENDS.join(', ')}`, () => {
  const REASON: Record<string, string> = {
    pairing_g2_on_twist_not_in_subgroup: 'g2-not-in-subgroup',
    pairing_g2_not_on_twist: 'g2-not-on-twist',
    pairing_g2_fp2_order_swapped: 'g2-not-on-twist',
    pairing_g1_not_on_curve: 'g1-not-on-curve',
    pairing_g2_coordinate_eq_p: 'coordinate-not-in-field',
    pairing_length_191: 'pairing-input-length',
    add_x1_eq_p: 'coordinate-not-in-field',
    add_p_plus_1_alias_of_generator: 'coordinate-not-in-field',
    mul_point_not_on_curve: 'g1-not-on-curve',
    mul_y_eq_p_plus_2: 'coordinate-not-in-field',
  };
  it('precompile-negative.json: all 10 refused with their reason (the G2 point on the twist outside the subgroup among them)', () => {
    const cases = bnJson<{ Name: string; Precompile: string; Input: string; Expected: string }[]>('generated/precompile-negative.json');
    expect(cases.map((c) => c.Name).sort()).toEqual(Object.keys(REASON).sort());
    for (const c of cases) {
      expect(c.Expected).toBe('error');
      const op: Op = ({ '0x06': 'ecAdd', '0x07': 'ecMul', '0x08': 'ecPairing' } as const)[c.Precompile as '0x06']!;
      const input = hex(c.Input);
      const got = agreed(c.Name, (be) => be.evm[op](input));
      expect(got, c.Name).toMatch(new RegExp(`^Bn254Error/${REASON[c.Name]}: ${op}: `));
      for (const be of backends.values()) {
        try {
          be.evm[op](input);
        } catch (e) {
          expect(e, c.Name).toBeInstanceOf(Bn254Error);
          expect(e, c.Name).toBeInstanceOf(Error);
        }
      }
    }
  });
});

describe(`Groth16 fixtures (snarkjs JSON) on ${BN_BACKENDS.join(', ')}`, () => {
  it('manifest.json: 4 valid proofs verify, all 12 negatives are false, by verify, prepare and verifyBatch', () => {
    const cases = groth16Cases();
    expect(cases.length).toBe(16);
    expect(cases.filter((c) => c.expected === 'valid').length).toBe(4);
    for (const c of cases) {
      const vk = groth16Json(c.vk);
      const proof = groth16Json(c.proof);
      const publicSignals = groth16Json(c.public);
      const want = `value:${c.expected === 'valid'}`;
      expect(
        agreed(`${c.name} verify`, (be) => be.groth16.verify(vk as never, publicSignals as never, proof as never)),
        c.name,
      ).toBe(want);
      expect(
        agreed(`${c.name} prepared`, (be) => be.groth16.prepare(vk as never).verify(publicSignals as never, proof as never)),
        c.name,
      ).toBe(want);
      expect(
        agreed(`${c.name} batch of one`, (be) => be.groth16.verifyBatch([{ vk, publicSignals, proof } as never])),
        c.name,
      ).toBe(want);
    }
  });

  it('a batch of the 4 valid proofs (two keys, vk and prepared keys mixed) verifies; with any one negative added it does not', () => {
    const cases = groth16Cases();
    const valid = cases.filter((c) => c.expected === 'valid');
    for (const be of backends.values()) {
      const keys = new Map<string, ReturnType<Bn254Backend['groth16']['prepare']>>();
      const items = valid.map((c, i) => {
        const vk = groth16Json(c.vk) as never;
        const item = { publicSignals: groth16Json(c.public) as never, proof: groth16Json(c.proof) as never };
        if (i % 2 === 0) return { vk, ...item };
        if (!keys.has(c.vk)) keys.set(c.vk, be.groth16.prepare(vk));
        return { key: keys.get(c.vk)!, ...item };
      });
      expect(be.groth16.verifyBatch(items), be.name).toBe(true);
      for (const bad of cases.filter((c) => c.expected === 'invalid')) {
        const item = { vk: groth16Json(bad.vk) as never, publicSignals: groth16Json(bad.public) as never, proof: groth16Json(bad.proof) as never };
        expect(be.groth16.verifyBatch([...items.slice(0, 2), item, ...items.slice(2)]), `${be.name} ${bad.name}`).toBe(false);
      }
    }
  });
});

it('the vectors are the repository copy (vectors/bn254) with their licenses', () => {
  for (const f of ['PROVENANCE.md', 'go-ethereum/COPYING.LESSER', 'go-ethereum/COPYING', 'noble-curves/LICENSE', 'groth16/circom-compat/LICENSE-MIT']) {
    expect(existsSync(join(BN_VECTORS, f)), f).toBe(true);
  }
});
