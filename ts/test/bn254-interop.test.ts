// pqsimd/bn254 against @noble/curves bn254 (the independent judge) on random inputs, every
// backend agreeing byte for byte: ecAdd (random points, doubling, P + (−P), infinity, short and
// long inputs, off-curve and out-of-field inputs), ecMul (scalars 0, 1, r − 1, r, 2^256 − 1 and
// random ones, on random points and infinity), pairing checks of 1 to 6 pairs (equations that
// hold and ones that do not, with infinity among the points) through ecPairing and pairingCheck,
// and Fp / Fp2 operations at the bounds (0, 1, p − 1, p, values near 2^256) as bytes and bigints.
// Then @ethereumjs/evm running ECADD / ECMUL / ECPAIRING through `evm.ethereumjsBackend`: the geth
// vectors (return data and gas) and the noble eth-dump lines, next to the EVM's own noble backend.
// Random inputs are seeded (PQSIMD_TEST_SEED replays a run).
import { createEVM, type EVM } from '@ethereumjs/evm';
import { createAddressFromString } from '@ethereumjs/util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED, stream } from './rng.js';
import {
  BN_BACKENDS,
  type Bn254Backend,
  be32,
  bnJson,
  bnModule,
  cat,
  Fp,
  Fp2,
  fromBe,
  G1,
  G2,
  g1Bytes,
  g2Bytes,
  hex,
  loadAll,
  noblePairingCheck,
  outcome,
  P,
  R,
  toHex,
} from './bn254-lib.js';

let backends: Map<string, Bn254Backend>;
beforeAll(async () => {
  backends = await loadAll();
});

const rnd = stream('bn254-interop');
const TWO_256 = 1n << 256n;
/** A random integer below 2^bits. */
const randomBelow2 = (bits: number): bigint => fromBe(rnd.bytes(bits / 8));
/** A random nonzero scalar below r. */
const randomScalar = (): bigint => (randomBelow2(256) % (R - 1n)) + 1n;
/** s·P with noble for any s >= 0 (noble's multiply takes 0 < s < r). */
const mulG1 = (p: InstanceType<typeof G1>, s: bigint): InstanceType<typeof G1> => (s % R === 0n || p.equals(G1.ZERO) ? G1.ZERO : p.multiply(s % R));

/** `f` on every backend: all outcomes the same, that one returned. */
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

describe(`ecAdd and ecMul against @noble/curves on ${BN_BACKENDS.join(', ')} (seed ${SEED})`, () => {
  it('ecAdd: random points, doubling, P + (−P), infinity operands, short and long inputs', () => {
    const pts = [G1.BASE, G1.ZERO];
    for (let i = 0; i < 12; i++) pts.push(G1.BASE.multiply(randomScalar()));
    const cases: [InstanceType<typeof G1>, InstanceType<typeof G1>][] = [];
    for (let i = 0; i < pts.length; i++) {
      cases.push([pts[i]!, pts[(i * 5 + 3) % pts.length]!], [pts[i]!, pts[i]!], [pts[i]!, pts[i]!.negate()], [pts[i]!, G1.ZERO], [G1.ZERO, pts[i]!]);
    }
    for (const [a, b] of cases) {
      const input = cat(g1Bytes(a), g1Bytes(b));
      const want = `ok:${toHex(g1Bytes(a.add(b)))}`;
      expect(agreed('ecAdd', (be) => be.evm.ecAdd(input))).toBe(want);
      // long input: bytes past 128 are ignored
      const long = cat(input, rnd.bytes(1 + rnd.int(300)));
      expect(agreed('ecAdd long', (be) => be.evm.ecAdd(long))).toBe(want);
    }
    // short input = the input zero-padded to 128 bytes, for every length of a random one
    const full = cat(g1Bytes(pts[2]!), g1Bytes(pts[3]!));
    for (let n = 0; n <= 128; n++) {
      const padded = new Uint8Array(128);
      padded.set(full.subarray(0, n));
      const short = full.slice(0, n);
      expect(agreed(`ecAdd ${n} bytes`, (be) => be.evm.ecAdd(short))).toBe(agreed(`ecAdd padded ${n}`, (be) => be.evm.ecAdd(padded)));
    }
  });

  it("ecAdd refuses coordinates >= p and points off the curve, with the reason of the first bad point (go-ethereum's order)", () => {
    const onCurve = (x: bigint, y: bigint) => (x === 0n && y === 0n) || Fp.eql(Fp.sqr(y), Fp.add(Fp.mul(Fp.sqr(x), x), 3n));
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const words = [0, 1, 2, 3].map(() => {
        const k = rnd.int(5);
        return k === 0 ? P + BigInt(rnd.int(1000)) : k === 1 ? randomBelow2(256) : k === 2 ? 0n : randomBelow2(256) % P;
      });
      const input = cat(...words.map(be32));
      const got = agreed('ecAdd random words', (be) => be.evm.ecAdd(input));
      // each point in turn: its coordinates, then its curve equation
      let want = 'ok';
      for (const [x, y] of [words.slice(0, 2), words.slice(2)] as [bigint, bigint][]) {
        if (x >= P || y >= P) want = 'coordinate-not-in-field';
        else if (!onCurve(x, y)) want = 'g1-not-on-curve';
        if (want !== 'ok') break;
      }
      seen.add(want);
      // (only (0, 0) + (0, 0) is valid here)
      if (want === 'ok') expect(got).toBe(`ok:${toHex(g1Bytes(G1.ZERO))}`);
      else expect(got).toMatch(new RegExp(`^Bn254Error/${want}: ecAdd: `));
    }
    expect(seen.has('coordinate-not-in-field') && seen.has('g1-not-on-curve')).toBe(true);
  });

  it('ecMul: scalars 0, 1, 2, r − 1, r, r + 1, 2^256 − 1 and random ones (reduced or not) on random points and infinity', () => {
    const pts = [G1.BASE, G1.ZERO, G1.BASE.negate()];
    for (let i = 0; i < 6; i++) pts.push(G1.BASE.multiply(randomScalar()));
    const scalars = [0n, 1n, 2n, 3n, R - 1n, R, R + 1n, 2n * R, TWO_256 - 1n, TWO_256 - 2n, 1n << 128n, (1n << 255n) + 7n];
    for (let i = 0; i < 6; i++) scalars.push(randomBelow2(256), randomScalar(), randomBelow2(64));
    for (const p of pts) {
      for (const s of scalars) {
        const input = cat(g1Bytes(p), be32(s));
        expect(
          agreed('ecMul', (be) => be.evm.ecMul(input)),
          `s = ${s}`,
        ).toBe(`ok:${toHex(g1Bytes(mulG1(p, s)))}`);
      }
    }
    // short input: zero-padded to 96 bytes (a missing scalar is 0, a cut one has zero low bytes)
    const full = cat(g1Bytes(pts[3]!), be32(scalars[13]!));
    for (const n of [0, 1, 63, 64, 65, 80, 95]) {
      const s = fromBe(cat(full.subarray(64, Math.max(64, n)), new Uint8Array(96 - Math.max(64, n))));
      const got = agreed(`ecMul ${n} bytes`, (be) => be.evm.ecMul(full.slice(0, n)));
      if (n < 64) expect(got).toMatch(/^(ok:0{128}|Bn254Error\/g1-not-on-curve: )/);
      else expect(got).toBe(`ok:${toHex(g1Bytes(mulG1(pts[3]!, s)))}`);
    }
    expect(agreed('ecMul long', (be) => be.evm.ecMul(cat(full, rnd.bytes(50))))).toBe(`ok:${toHex(g1Bytes(mulG1(pts[3]!, scalars[13]!)))}`);
  });
});

describe(`pairing checks against @noble/curves on ${BN_BACKENDS.join(', ')}`, () => {
  it('1 to 6 pairs: equations that hold and ones that do not (infinity among the points), by ecPairing and pairingCheck', () => {
    let trues = 0;
    for (let k = 1; k <= 6; k++) {
      // e(a1·G1, b1·G2) ··· e(a_{k-1}·G1, b_{k-1}·G2) · e(−(Σ aᵢbᵢ)·G1, G2) = 1
      const pairs: [InstanceType<typeof G1>, InstanceType<typeof G2>][] = [];
      let sum = 0n;
      for (let i = 0; i < k - 1; i++) {
        const a = randomScalar();
        const b = randomScalar();
        sum = (sum + a * b) % R;
        pairs.push([G1.BASE.multiply(a), G2.BASE.multiply(b)]);
      }
      pairs.push([mulG1(G1.BASE, (R - sum) % R), G2.BASE]);
      const variants: [InstanceType<typeof G1>, InstanceType<typeof G2>][][] = [pairs];
      // the same with one G1 point changed (false), and with an infinity pair added (still true)
      const changed = pairs.slice();
      changed[k - 1] = [changed[k - 1]![0].add(G1.BASE), changed[k - 1]![1]];
      variants.push(changed);
      if (k <= 5) variants.push([...pairs.slice(0, 1), [G1.ZERO, G2.BASE.multiply(3n)], ...pairs.slice(1)]);
      if (k <= 5) variants.push([...pairs, [G1.BASE, G2.ZERO]]);
      for (const v of variants) {
        const want = noblePairingCheck(v);
        if (want) trues++;
        const g1s = v.map(([a]) => g1Bytes(a));
        const g2s = v.map(([, b]) => g2Bytes(b));
        const input = cat(...v.flatMap((_, i) => [g1s[i]!, g2s[i]!]));
        expect(
          agreed(`ecPairing ${v.length} pairs`, (be) => be.evm.ecPairing(input)),
          `${v.length} pairs`,
        ).toBe(`ok:${toHex(be32(want ? 1n : 0n))}`);
        expect(agreed(`pairingCheck ${v.length} pairs`, (be) => be.pairingCheck(v.map((_, i) => [g1s[i]!, g2s[i]!] as const)))).toBe(`value:${want}`);
      }
    }
    expect(trues).toBeGreaterThanOrEqual(6 + 5 + 5);
    expect(agreed('empty', (be) => be.evm.ecPairing(new Uint8Array(0)))).toBe(`ok:${toHex(be32(1n))}`);
    expect(agreed('empty check', (be) => be.pairingCheck([]))).toBe('value:true');
  });

  it('a G2 point with its halves swapped (snarkjs order) is refused, a subgroup outsider too', () => {
    const q = g2Bytes(G2.BASE.multiply(randomScalar()));
    const swapped = cat(q.subarray(32, 64), q.subarray(0, 32), q.subarray(96, 128), q.subarray(64, 96));
    expect(agreed('swapped', (be) => be.pairingCheck([[g1Bytes(G1.BASE), swapped]]))).toMatch(/^Bn254Error\/g2-not-on-twist: pairingCheck: /);
    // x = 1 + 0·u is on the twist but not in the subgroup (generated/precompile-negative.json)
    const outsider = bnJson<{ Name: string; Input: string }[]>('generated/precompile-negative.json').find(
      (c) => c.Name === 'pairing_g2_on_twist_not_in_subgroup',
    )!;
    const input = hex(outsider.Input);
    expect(agreed('outsider', (be) => be.pairingCheck([[input.slice(0, 64), input.slice(64)]]))).toMatch(/^Bn254Error\/g2-not-in-subgroup: pairingCheck: /);
  });
});

describe(`Fp and Fp2 against @noble/curves at the bounds on ${BN_BACKENDS.join(', ')}`, () => {
  const bounds = [0n, 1n, 2n, 3n, P - 2n, P - 1n, P, P + 1n, 2n * P - 1n, 2n * P, 4n * P, 5n * P, 1n << 254n, 1n << 255n, TWO_256 - 2n, TWO_256 - 1n];
  for (let i = 0; i < 6; i++) bounds.push(randomBelow2(256), randomBelow2(256) % P);
  const pick = (): bigint => bounds[rnd.int(bounds.length)]!;
  const mod = (x: bigint) => x % P;

  it('fp.mul on every pair of bound values, as bytes and as bigints', () => {
    for (const a of bounds) {
      for (const b of bounds) {
        const want = Fp.mul(mod(a), mod(b));
        expect(agreed('fp.mul', (be) => be.fp.mul(be32(a), be32(b)))).toBe(`ok:${toHex(be32(want))}`);
        expect(agreed('fp.mul bigint', (be) => be.fp.mul(a, b))).toBe(`value:${want}`);
      }
    }
  });

  it('fp.sumOfProducts = a0·b0 + a1·b1 mod p', () => {
    for (let i = 0; i < 300; i++) {
      const [a0, b0, a1, b1] = [pick(), pick(), pick(), pick()];
      const want = mod(mod(a0) * mod(b0) + mod(a1) * mod(b1));
      expect(
        agreed('sop', (be) => be.fp.sumOfProducts(be32(a0), be32(b0), be32(a1), be32(b1))),
        `${[a0, b0, a1, b1]}`,
      ).toBe(`ok:${toHex(be32(want))}`);
      expect(agreed('sop bigint', (be) => be.fp.sumOfProducts(a0, b0, a1, b1))).toBe(`value:${want}`);
    }
    // the extreme: every operand p − 1 and 2^256 − 1
    for (const x of [P - 1n, TWO_256 - 1n]) {
      expect(agreed('sop max', (be) => be.fp.sumOfProducts(x, x, x, x))).toBe(`value:${mod(2n * mod(x) * mod(x))}`);
    }
  });

  it('fp2.mul = [a0·b0 − a1·b1, a0·b1 + a1·b0] mod p', () => {
    for (let i = 0; i < 300; i++) {
      const [a0, a1, b0, b1] = [pick(), pick(), pick(), pick()];
      const c = Fp2.mul(Fp2.fromBigTuple([mod(a0), mod(a1)]), Fp2.fromBigTuple([mod(b0), mod(b1)]));
      const got = agreed('fp2', (be) => {
        const [c0, c1] = be.fp2.mul([be32(a0), be32(a1)], [be32(b0), be32(b1)]);
        return cat(c0, c1);
      });
      expect(got, `${[a0, a1, b0, b1]}`).toBe(`ok:${toHex(cat(be32(c.c0), be32(c.c1)))}`);
      expect(agreed('fp2 bigint', (be) => be.fp2.mul([a0, a1], [b0, b1]).join())).toBe(`value:${c.c0},${c.c1}`);
    }
  });
});

describe(`@ethereumjs/evm with evm.ethereumjsBackend on ${BN_BACKENDS.join(', ')}`, () => {
  const ADDR = {
    ecAdd: '0x0000000000000000000000000000000000000006',
    ecMul: '0x0000000000000000000000000000000000000007',
    ecPairing: '0x0000000000000000000000000000000000000008',
  } as const;
  type Op = keyof typeof ADDR;
  const run = async (vm: EVM, op: Op, data: Uint8Array) => {
    const fn = vm.getPrecompile(ADDR[op])!;
    const r = await fn({ data, gasLimit: 10_000_000n, common: vm.common, _EVM: vm });
    return { out: toHex(r.returnValue), gas: r.executionGasUsed, failed: r.exceptionError !== undefined };
  };

  it('ECADD / ECMUL / ECPAIRING on the geth vectors: return data and gas, the precompile functions and runCall', async () => {
    for (const [name, be] of backends) {
      const vm = await createEVM({ bn254: be.evm.ethereumjsBackend });
      for (const [file, op] of [
        ['bn256Add.json', 'ecAdd'],
        ['bn256ScalarMul.json', 'ecMul'],
        ['bn256Pairing.json', 'ecPairing'],
      ] as const) {
        for (const c of bnJson<{ Input: string; Expected: string; Name: string; Gas: number }[]>(`go-ethereum/${file}`)) {
          expect(await run(vm, op, hex(c.Input)), `${name} ${c.Name}`).toEqual({ out: c.Expected, gas: BigInt(c.Gas), failed: false });
        }
        const first = bnJson<{ Input: string; Expected: string; Gas: number }[]>(`go-ethereum/${file}`)[1]!;
        const res = await vm.runCall({ to: createAddressFromString(ADDR[op]), data: hex(first.Input), gasLimit: 10_000_000n });
        expect([toHex(res.execResult.returnValue), res.execResult.executionGasUsed], `${name} runCall ${op}`).toEqual([first.Expected, BigInt(first.Gas)]);
      }
    }
  });

  it('every EC line of the eth-dump: the same return data, gas and failures as the EVM with its own noble backend', async () => {
    const dump = await bnModule<Record<string, [string, string][]>>('noble-curves/eth-dump.js');
    const noble = await createEVM();
    const vms = await Promise.all([...backends.values()].map((be) => createEVM({ bn254: be.evm.ethereumjsBackend })));
    let failed = 0;
    for (const [key, op] of [
      ['NOBLE_DUMP_EC_ADD', 'ecAdd'],
      ['NOBLE_DUMP_EC_MUL', 'ecMul'],
      ['NOBLE_DUMP_EC_PAIRING', 'ecPairing'],
    ] as const) {
      for (const [inHex, outHex] of dump[key]!) {
        const data = hex(inHex.replace(/^0x/, ''));
        const want = await run(noble, op, data);
        expect(want.failed, inHex).toBe(outHex === '0x');
        if (!want.failed) expect(want.out).toBe(outHex.slice(2));
        else failed++;
        for (const vm of vms) expect(await run(vm, op, data), `${op} ${inHex}`).toEqual(want);
      }
    }
    expect(failed).toBe(64);
  });
});
