// The README's pqsimd/bn254 examples run as written against the built package: both code blocks are
// taken verbatim (only the import path of pqsimd/bn254 changes), each run by Node in a directory of
// its own under build/ (so '@ethereumjs/evm' resolves to the repository's node_modules) after a
// prelude that defines the names the example leaves to the reader; the Groth16 one reads the
// snarkjs files of the circom-compat fixture from its working directory. Afterwards, what the
// comments promise is checked.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BN_VECTORS, be32, cat, G1, G2, g1Bytes, g2Bytes, toHex } from './bn254-lib.js';

const root = resolve(__dirname, '../..');
const HEADING = '### BN254 pairings, EVM precompiles and Groth16: `pqsimd/bn254`';

/** The ```ts blocks of the README section that starts with `heading` (up to the next heading). */
function examples(heading: string): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n#', at + heading.length);
  const section = readme.slice(at, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Runs `code` (a README block, with the prelude after its leading imports and `await ready()`) as
 * an ES module in a fresh directory under build/, and returns what its `check` line printed. */
function run(code: string, prelude: string[], check: string, files: Record<string, string> = {}): Record<string, unknown> {
  const pkg = pathToFileURL(join(root, 'dist/bn254.node.mjs')).href;
  const lines = code.replaceAll("'pqsimd/bn254'", JSON.stringify(pkg)).split('\n');
  const readyAt = lines.findIndex((l) => l.includes('await ready();'));
  expect(readyAt, 'the example calls await ready() after its imports').toBeGreaterThan(0);
  expect(
    lines.slice(0, readyAt).every((l) => l.startsWith('import ')),
    'only imports before ready()',
  ).toBe(true);
  const src = [...lines.slice(0, readyAt + 1), ...prelude, ...lines.slice(readyAt + 1), `console.log(JSON.stringify(${check}));`].join('\n');
  mkdirSync(join(root, 'build'), { recursive: true });
  const dir = mkdtempSync(join(root, 'build', 'readme-bn254-'));
  try {
    for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name));
    writeFileSync(join(dir, 'example.mjs'), src);
    const out = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('README', () => {
  it('the pqsimd/bn254 examples: two blocks (EVM, Groth16)', () => {
    expect(examples(HEADING).length).toBe(2);
  });

  it('the EVM example runs and does what its comments say', () => {
    const [code] = examples(HEADING);
    // the names the example uses without defining them: a pairing input that holds and two pairs
    const P = G1.BASE.multiply(5n);
    const Q = G2.BASE.multiply(7n);
    const hexArray = (b: Uint8Array) => `Uint8Array.from(Buffer.from('${toHex(b)}', 'hex'))`;
    const prelude = [
      `const pairs = ${hexArray(cat(g1Bytes(P), g2Bytes(Q), g1Bytes(P.multiply(7n).negate()), g2Bytes(G2.BASE)))};`,
      `const p1 = ${hexArray(g1Bytes(P))}, q1 = ${hexArray(g2Bytes(Q))}, p2 = ${hexArray(g1Bytes(P.negate()))}, q2 = q1;`,
    ];
    const hex = (name: string) => `Buffer.from(${name}).toString('hex')`;
    const got = run(
      code!,
      prelude,
      `{ sum: ${hex('sum')}, product: ${hex('product')}, one: ${hex('one')}, check: pairingCheck([[p1, q1], [p2, q2]]), reason,
        viaEvm: Buffer.from((await vm.getPrecompile('0x0000000000000000000000000000000000000006')({ data: new Uint8Array([...G, ...G]), gasLimit: 1000n, common: vm.common, _EVM: vm })).returnValue).toString('hex') }`,
    );
    const twoG = toHex(g1Bytes(G1.BASE.double()));
    expect(got).toEqual({ sum: twoG, product: twoG, one: toHex(be32(1n)), check: true, reason: 'g1-not-on-curve', viaEvm: twoG });
  });

  it('the Groth16 example runs on the snarkjs files and does what its comments say', () => {
    const [, code] = examples(HEADING);
    const dir = join(BN_VECTORS, 'groth16/circom-compat');
    const files = {
      'verification_key.json': join(dir, 'verification_key.json'),
      'proof.json': join(dir, 'proof.json'),
      'public.json': join(dir, 'public.json'),
    };
    const got = run(
      code!,
      [],
      '{ publicSignals, verify: groth16.verify(vk, publicSignals, proof), wrong: groth16.verify(vk, ["34"], proof), prepared: key.verify(publicSignals, proof), batch: groth16.verifyBatch([{ key, publicSignals, proof }, { vk, publicSignals, proof }]) }',
      files,
    );
    expect(got).toEqual({ publicSignals: ['33'], verify: true, wrong: false, prepared: true, batch: true });
  });
});
