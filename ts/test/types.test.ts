// The published types as a consumer compiles them: small projects that import every typed subpath
// of package.json's exports (node_modules/pqsimd links to this checkout: package.json + dist/),
// (pqsimd/wasm/* is left to the edge-runtime entry points' own tests), compiled with TypeScript 5.9 (devDependency typescript) and the 6 line (devDependency
// typescript-6, "npm:typescript@6.x"), with module resolution node16, nodenext and bundler, under
// strict and without skipLibCheck. The consumer passes pqsimd's outputs to WebCrypto
// (crypto.subtle.digest / importKey take a BufferSource): since TypeScript 5.7 a bare Uint8Array
// is Uint8Array<ArrayBufferLike> and is refused there, so the results are typed
// Uint8Array<ArrayBuffer> (Bytes); an `out` backed by a SharedArrayBuffer must stay refused
// (@ts-expect-error fails the compile if it is not).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const TSC = {
  '5.9': join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  '6': process.env.PQSIMD_TS6_TSC ?? join(root, 'node_modules', 'typescript-6', 'bin', 'tsc'),
};
let dir = '';

/** One consumer source: every subpath with types, outputs into WebCrypto. */
const CONSUMER = `import { availableBackends, backendInfo, type Bytes, type KeyPair, mlDsa44, ready } from 'pqsimd';
import { mlDsa65 } from 'pqsimd/ml-dsa';
import { falcon512 } from 'pqsimd/falcon';
import { chacha20, chacha20poly1305, hchacha20, poly1305, secretbox, secretstream, xchacha20poly1305 } from 'pqsimd/aead';
import { evm, groth16 } from 'pqsimd/bn254';
import 'pqsimd/pool-worker';

await ready();
const subtle = globalThis.crypto.subtle;
const kp: KeyPair = mlDsa44.keygen();
const sig: Uint8Array<ArrayBuffer> = mlDsa65.sign(mlDsa65.keygen().secretKey, new Uint8Array(1));
const digests: Promise<ArrayBuffer>[] = [
  subtle.digest('SHA-256', kp.publicKey),
  subtle.digest('SHA-256', kp.secretKey),
  subtle.digest('SHA-256', sig),
  subtle.digest('SHA-256', mlDsa44.internal.mu(kp.publicKey, new Uint8Array(2))),
  subtle.digest('SHA-256', evm.ecAdd(new Uint8Array(128))),
  subtle.digest('SHA-256', evm.ecPairing(new Uint8Array(0))),
  subtle.digest('SHA-256', poly1305(new Uint8Array(3), new Uint8Array(32))),
];
const key = new Uint8Array(32);
const sealed = chacha20poly1305(key, new Uint8Array(12)).encrypt(new Uint8Array(5));
const detached = xchacha20poly1305(key, new Uint8Array(24)).encryptDetached(new Uint8Array(5));
const box = secretbox(key, new Uint8Array(24)).seal(new Uint8Array(5));
const { header, push } = secretstream.init(key);
digests.push(subtle.digest('SHA-256', sealed), subtle.digest('SHA-256', detached.ciphertext), subtle.digest('SHA-256', detached.tag));
digests.push(subtle.digest('SHA-256', box), subtle.digest('SHA-256', header), subtle.digest('SHA-256', push(new Uint8Array(4))));
digests.push(subtle.digest('SHA-256', chacha20(key, new Uint8Array(12), new Uint8Array(9))));
const hkdf: Promise<CryptoKey> = subtle.importKey('raw', hchacha20(key, new Uint8Array(16)), 'HKDF', false, ['deriveBits']);
const aes: Promise<CryptoKey> = subtle.importKey('raw', chacha20poly1305(key, new Uint8Array(12)).decrypt(sealed), 'AES-GCM', false, ['encrypt']);
// an \`out\` is returned as given: one on a SharedArrayBuffer stays typed so (not a BufferSource)
const shared = chacha20(key, new Uint8Array(12), new Uint8Array(9), new Uint8Array(new SharedArrayBuffer(9)));
// @ts-expect-error Uint8Array<SharedArrayBuffer> is not a BufferSource
digests.push(subtle.digest('SHA-256', shared));
const plain: Uint8Array<ArrayBuffer> = chacha20(key, new Uint8Array(12), new Uint8Array(9), new Uint8Array(9));
const ok: boolean = falcon512.verify(new Uint8Array(897), new Uint8Array(1), new Uint8Array(666));
const vk: Parameters<typeof groth16.prepare>[0] = JSON.parse('{}');
const b: Bytes = sig;
export { aes, b, backendInfo, availableBackends, digests, hkdf, ok, plain, vk };
`;

const CASES = [
  { ts: '5.9', resolution: 'node16', module: 'node16' },
  { ts: '5.9', resolution: 'nodenext', module: 'nodenext' },
  { ts: '5.9', resolution: 'bundler', module: 'esnext' },
  { ts: '6', resolution: 'node16', module: 'node16' },
  { ts: '6', resolution: 'nodenext', module: 'nodenext' },
  { ts: '6', resolution: 'bundler', module: 'esnext' },
] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pqsimd-types-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'pqsimd'), 'dir');
  symlinkSync(join(root, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
  // CommonJS consumers (node16/nodenext resolve the require conditions' .d.cts)
  writeFileSync(
    join(dir, 'consumer-cjs.cts'),
    `import pq = require('pqsimd');
     import mldsa = require('pqsimd/ml-dsa');
     import falcon = require('pqsimd/falcon');
     import aead = require('pqsimd/aead');
     import bn254 = require('pqsimd/bn254');
     const kp = mldsa.mlDsa87.keygen();
     export const d: Promise<ArrayBuffer>[] = [
       crypto.subtle.digest('SHA-256', pq.mlDsa44.sign(pq.mlDsa44.keygen().secretKey, new Uint8Array(1))),
       crypto.subtle.digest('SHA-256', kp.publicKey),
       crypto.subtle.digest('SHA-256', aead.hsalsa20(new Uint8Array(32), new Uint8Array(16))),
       crypto.subtle.digest('SHA-256', bn254.evm.ecMul(new Uint8Array(96))),
     ];
     export const f: boolean = falcon.falcon1024.verify(new Uint8Array(1793), new Uint8Array(1), new Uint8Array(1280));
`,
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('published types', () => {
  it.each(CASES)(
    'TypeScript $ts, moduleResolution $resolution: every subpath, outputs into WebCrypto',
    ({ ts, resolution, module }) => {
      const tsc = TSC[ts];
      expect(existsSync(tsc), `${tsc}: TypeScript ${ts} (devDependencies typescript / typescript-6)`).toBe(true);
      const files = resolution === 'bundler' ? ['consumer.ts'] : ['consumer.ts', 'consumer-cjs.cts'];
      const config = `tsconfig.${ts}.${resolution}.json`;
      writeFileSync(
        join(dir, config),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            module,
            moduleResolution: resolution,
            skipLibCheck: false,
            noUncheckedSideEffectImports: true,
            types: ['node'],
          },
          files,
        }),
      );
      let out = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', config], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(out).toBe('');
      // the version asked for is the one that ran
      expect(execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' })).toMatch(new RegExp(`Version ${ts.replace('.', '\\.')}\\.`));
    },
    60_000,
  );
});
