// The README's pqsimd/aead example runs as written against the built package: its code block is
// taken verbatim (only the import path changes), after a prelude that defines the names the
// example leaves to the reader (message, aad, nonce12, chunks, ...).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** The first ```ts block of the README section that starts with `heading`. */
function example(heading: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block, `a ts example under ${heading}`).not.toBeNull();
  return block![1]!;
}

describe('README', () => {
  it('the pqsimd/aead example runs and does what its comments say', async () => {
    const code = example('### Authenticated encryption: `pqsimd/aead`');
    const lines = code.split('\n');
    const importLine = lines.findIndex((l) => l.includes("from 'pqsimd/aead'"));
    const readyLine = lines.findIndex((l) => l.includes('await ready()'));
    expect(importLine).toBe(0);
    expect(readyLine).toBe(1);
    const pkg = pathToFileURL(join(root, 'dist/aead.node.mjs')).href;
    const src = [
      lines[0]!.replace("'pqsimd/aead'", JSON.stringify(pkg)),
      lines[1],
      // the names the example uses without defining them
      'const enc = new TextEncoder();',
      "const message = enc.encode('attack at dawn'), plaintext = message, n = message.length;",
      "const aad = enc.encode('v1'), ad = enc.encode('chunk 2');",
      'const nonce12 = crypto.getRandomValues(new Uint8Array(12));',
      "const chunk1 = enc.encode('first chunk'), chunk2 = enc.encode('second chunk');",
      'const forged = crypto.getRandomValues(new Uint8Array(n + 16));',
      'const data = crypto.getRandomValues(new Uint8Array(n)), out = new Uint8Array(n), counter = 1;',
      'const oneTimeKey = crypto.getRandomValues(new Uint8Array(32));',
      ...lines.slice(2),
      // what the comments promise
      'export const check = { message, sealed, opened: xchacha20poly1305(key, nonce, aad).decrypt(sealed), inPlace: buf.subarray(0, n).slice(),',
      '  box, unboxed: secretbox(key, nonce).open(box), out, c1, c2, pulled: [secretstream.pull(key, header)].map((p) => [p(c1), p(c2, ad)])[0] };',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'pqsimd-readme-'));
    try {
      const file = join(dir, 'aead-example.mjs');
      writeFileSync(file, src);
      const { check } = (await import(pathToFileURL(file).href)) as { check: Record<string, unknown> };
      const hex = (v: unknown) => Buffer.from(v as Uint8Array).toString('hex');
      const msg = hex(check.message);
      expect((check.sealed as Uint8Array).length).toBe((check.message as Uint8Array).length + 16);
      expect(hex(check.opened)).toBe(msg);
      expect(hex(check.inPlace)).toBe(msg);
      expect(hex(check.unboxed)).toBe(msg);
      expect((check.out as Uint8Array).every((b) => b === 0)).toBe(false); // the last use of out: chacha20's keystream XOR
      const [p1, p2] = check.pulled as { message: Uint8Array; tag: number }[];
      expect([Buffer.from(p1!.message).toString(), p1!.tag, Buffer.from(p2!.message).toString(), p2!.tag]).toEqual(['first chunk', 0, 'second chunk', 3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
