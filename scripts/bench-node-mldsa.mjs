#!/usr/bin/env node
// pqsimd's ML-DSA next to Node's own (node:crypto, OpenSSL 3.5+, Node >= 24), in one process and one
// run: keygen, sign (hedged, a 32-byte message, empty context) and verify per second for
// ML-DSA-44/65/87, the implementations alternating in rounds, medians over the rounds. Every
// signature of one side is verified by the other before timing (Node takes our keys through SPKI /
// PKCS#8, ml-dsa-*.publicKeyToSpki / secretKeyToPkcs8).
//
//   build/node-versions/24/bin/node scripts/bench-node-mldsa.mjs [--rounds 5] [--ms 200] [--backend native-avx512]
//       (npm run bench:node-mldsa runs it with Node 24 from scripts/setup-node-versions.sh)
// Run it under the bench lock: flock /tmp/pqsimd-bench.lock npm run bench:node-mldsa
import { createPrivateKey, createPublicKey, generateKeyPairSync, getRandomValues, sign, verify } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, ms: { type: 'string', default: '200' }, backend: { type: 'string' } },
});
const rounds = Number(opts.rounds);
const ms = Number(opts.ms);

try {
  // @ts-expect-error: ML-DSA key types exist in Node >= 24, not in the @types/node this project checks with
  generateKeyPairSync('ml-dsa-44');
} catch (e) {
  console.error(`node:crypto has no ML-DSA in Node ${process.version} (${/** @type {Error} */ (e).message}): run this with Node >= 24`);
  process.exit(1);
}
const pq = await import('../dist/index.node.mjs');
await pq.ready(opts.backend ? { backend: /** @type {import('../dist/index.node.mjs').BackendName} */ (opts.backend) } : {});
const backend = pq.backend();

/**
 * Calls of f per second over about `ms` milliseconds.
 * @param {() => unknown} f
 */
function rate(f) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 4; i++) f();
    n += 4;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}
/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (/** @type {number} */ i) => /** @type {number} */ (s[i]);
  return s.length % 2 ? at(s.length >> 1) : (at(s.length / 2 - 1) + at(s.length / 2)) / 2;
};
const fmt = (/** @type {number} */ x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** @type {string[]} */
const rows = [];
/** @type {[string, import('../dist/index.node.mjs').MlDsa][]} */
const schemes = [
  ['ML-DSA-44', pq.mlDsa44],
  ['ML-DSA-65', pq.mlDsa65],
  ['ML-DSA-87', pq.mlDsa87],
];
for (const [name, m] of schemes) {
  const alg = name.toLowerCase();
  const msg = getRandomValues(new Uint8Array(32));
  const { publicKey, secretKey } = m.keygen();
  const ours = m.sign(secretKey, msg);
  const nPub = createPublicKey({ key: Buffer.from(m.publicKeyToSpki(publicKey)), format: 'der', type: 'spki' });
  const nPriv = createPrivateKey({ key: Buffer.from(m.secretKeyToPkcs8(secretKey)), format: 'der', type: 'pkcs8' });
  const theirs = new Uint8Array(sign(null, msg, nPriv));
  if (!verify(null, msg, nPub, ours) || !m.verify(publicKey, msg, theirs))
    throw new Error(`${name}: the two implementations do not accept each other's signatures`);
  if (
    m.verify(
      publicKey,
      msg.map((b, i) => (i ? b : b ^ 1)),
      theirs,
    )
  )
    throw new Error(`${name}: a signature for another message verified`);
  /** @type {Record<'keygen' | 'sign' | 'verify', [number[], number[]]>} */
  const cells = { keygen: [[], []], sign: [[], []], verify: [[], []] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [1, 0] : [0, 1];
    for (const side of order) {
      if (side === 0) {
        cells.keygen[0].push(rate(() => m.keygen()));
        cells.sign[0].push(rate(() => m.sign(secretKey, msg)));
        cells.verify[0].push(rate(() => m.verify(publicKey, msg, ours)));
      } else {
        // @ts-expect-error: ML-DSA key types (Node >= 24) are not in the checked @types/node
        cells.keygen[1].push(rate(() => generateKeyPairSync(alg)));
        cells.sign[1].push(rate(() => sign(null, msg, nPriv)));
        cells.verify[1].push(rate(() => verify(null, msg, nPub, theirs)));
      }
    }
  }
  for (const op of /** @type {const} */ (['keygen', 'sign', 'verify'])) {
    const a = median(cells[op][0]);
    const b = median(cells[op][1]);
    rows.push(`| ${name} ${op} | ${fmt(a)} | ${fmt(b)} | ${(a / b).toFixed(2)}x |`);
  }
}
console.log(
  `pqsimd ${backend} next to node:crypto (Node ${process.version}, OpenSSL ${process.versions.openssl}); ops/s, median of ${rounds} alternating rounds of ~${ms} ms; ` +
    `sign hedged, 32-byte message; every signature checked by the other side first.\n`,
);
console.log(`| operation | pqsimd ${backend} | node:crypto | pqsimd / node:crypto |`);
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
console.log(`\ndate: ${new Date().toISOString()}`);
