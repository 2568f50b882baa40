// Hostile inputs for pqsimd/bn254: the catalogue of ts/test/hostile-inputs.ts (look-alikes, liars,
// Proxies, cross-realm arrays, shared, resizable, shrunk and detached buffers, non-bytes) against
// every byte argument of the family (evm.ecAdd / ecMul / ecPairing and the ethereumjs backend's
// input, pairingCheck's points, the field operands), on every backend. The contract, as for the
// other families: a real Uint8Array (any realm, subclass, offset or buffer kind) is read as exactly
// its bytes; an unreadable one throws TypeError "<arg>: the Uint8Array cannot be read ..."; anything
// else throws TypeError "<arg>: expected a Uint8Array, got ..."; no own method or getter of the
// value runs; every backend gives the same outcome. Refused points (Bn254Error) are outcomes too.
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, type HostileCase } from './hostile-inputs.js';
import { BN_BACKENDS, type Bn254Backend, be32, cat, G1, G2, g1Bytes, g2Bytes, loadAll, P } from './bn254-lib.js';

let backends: Map<string, Bn254Backend>;
beforeAll(async () => {
  backends = await loadAll();
});

/** What a call did: its bytes (hex; a pair of arrays joined), a value, or the error and message. */
function outcome(f: () => unknown): string {
  try {
    const v = f();
    if (v instanceof Uint8Array) return `bytes:${Buffer.from(v).toString('hex')}`;
    if (Array.isArray(v)) return `pair:${v.map((x) => Buffer.from(x as Uint8Array).toString('hex')).join(',')}`;
    return `value:${String(v)}`;
  } catch (e) {
    const reason = (e as { reason?: string }).reason;
    return `${(e as Error).name}${reason ? `/${reason}` : ''}:${(e as Error).message}`;
  }
}

const unreadable = (arg: string) => `TypeError:${arg}: the Uint8Array cannot be read (its buffer is detached, or was resized so the view is out of bounds)`;

/** `call(be, v)` with a hostile stand-in `v` for `data` on every backend: the outcome the case's kind
 * says (readable bytes: what `call(be, data)` gives), the same everywhere, none of the value's code run. */
function check(c: HostileCase, data: Uint8Array, arg: string, call: (be: Bn254Backend, v: unknown) => unknown): void {
  const seen = new Map<string, string>();
  let want: string | undefined;
  for (const [name, be] of backends) {
    want ??= outcome(() => call(be, new Uint8Array(data)));
    let reads = 0;
    const v = c.make(data, () => reads++);
    const got = outcome(() => call(be, v));
    expect(reads, `${name}: the library called the value's own code (${c.name} as ${arg})`).toBe(0);
    seen.set(name, got);
  }
  expect(/^(bytes|pair|value):|^Bn254Error\//.test(want!), `${arg}: the plain call failed: ${want}`).toBe(true);
  for (const [name, got] of seen) {
    const what = `${name} (${c.name} as ${arg})`;
    if (c.expect === 'bytes') expect(got, what).toBe(want);
    else if (c.expect === 'broken') expect(got, what).toBe(unreadable(arg));
    else expect(got, what).toMatch(new RegExp(`^TypeError:${arg.replace(/[.[\]]/g, '\\$&')}: expected a Uint8Array, got `));
  }
  expect(new Set(seen.values()).size, `backends disagree on ${c.name} as ${arg}: ${JSON.stringify([...seen])}`).toBe(1);
}

const P1 = G1.BASE.multiply(12345n);
const P2 = G1.BASE.multiply(678n);
const Q1 = G2.BASE.multiply(91n);
const ADD = cat(g1Bytes(P1), g1Bytes(P2));
const MUL = cat(g1Bytes(P1), be32(0xdeadbeefn));
const PAIRING = cat(g1Bytes(P1), g2Bytes(Q1), g1Bytes(P1.negate()), g2Bytes(Q1)); // product 1
const OFF_CURVE = cat(be32(1n), be32(3n), g1Bytes(P2)); // refused: the outcome is a Bn254Error
const A = be32(P - 5n);
const B = be32((1n << 256n) - 3n);

describe(`hostile byte arguments of pqsimd/bn254 on ${BN_BACKENDS.join(', ')}`, () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: evm inputs, pairingCheck points, field operands`, () => {
      check(c, ADD, 'input', (be, v) => be.evm.ecAdd(v as Uint8Array));
      check(c, ADD.subarray(0, 100), 'input', (be, v) => be.evm.ecAdd(v as Uint8Array)); // short: zero-padded
      check(c, cat(ADD, ADD), 'input', (be, v) => be.evm.ecAdd(v as Uint8Array)); // long: the rest ignored
      check(c, OFF_CURVE, 'input', (be, v) => be.evm.ecAdd(v as Uint8Array));
      check(c, MUL, 'input', (be, v) => be.evm.ecMul(v as Uint8Array));
      check(c, PAIRING, 'input', (be, v) => be.evm.ecPairing(v as Uint8Array));
      check(c, new Uint8Array(0), 'input', (be, v) => be.evm.ecPairing(v as Uint8Array));
      check(c, MUL, 'input', (be, v) => be.evm.ethereumjsBackend.mul(v as Uint8Array));
      check(c, g1Bytes(P1), 'pairs[1][0]', (be, v) =>
        be.pairingCheck([
          [g1Bytes(P1.negate()), g2Bytes(Q1)],
          [v as Uint8Array, g2Bytes(Q1)],
        ]),
      );
      check(c, g2Bytes(Q1), 'pairs[0][1]', (be, v) => be.pairingCheck([[g1Bytes(P1), v as Uint8Array]]));
      check(c, A, 'a', (be, v) => be.fp.mul(v as Uint8Array, B));
      check(c, B, 'b', (be, v) => be.fp.mul(A, v as Uint8Array));
      check(c, A, 'a0', (be, v) => be.fp.sumOfProducts(v as Uint8Array, B, A, B));
      check(c, B, 'b1', (be, v) => be.fp.sumOfProducts(A, B, A, v as Uint8Array));
      check(c, A, 'a[1]', (be, v) => be.fp2.mul([B, v as Uint8Array], [A, B]));
      check(c, B, 'b[0]', (be, v) => be.fp2.mul([A, B], [v as Uint8Array, A]));
    });
  }

  it('a 12-pair ecPairing input (read in place by the native addon) with lying own methods is read as its bytes', () => {
    const pairs = [];
    for (let i = 0; i < 12; i++) pairs.push(g1Bytes(i % 2 ? P1 : P1.negate()), g2Bytes(Q1));
    const input = cat(...pairs);
    for (const c of HOSTILE_CASES.filter((x) => x.expect === 'bytes')) check(c, input, 'input', (be, v) => be.evm.ecPairing(v as Uint8Array));
  });
});
