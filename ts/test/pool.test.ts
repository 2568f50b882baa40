// VerifyPool on worker_threads: verdicts in input order across workers (every algorithm, mixed
// valid and invalid), concurrent batches, empty batches, argument errors, close() / terminate(),
// and failing workers (a script that throws, a worker that exits mid-batch, a backend that cannot
// load, a malformed reply): the promise rejects, never hangs, and the pool recovers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lib from './lib.js';
import { VerifyPool, availableBackends, BACKEND_NAMES } from './lib.js';
import { SEED, stream } from './rng.js';
import { VECTORS_DIR, hex } from './vectors-util.js';

const WORKER = pathToFileURL(resolve(__dirname, '../../dist/pool-worker.node.mjs')).href;

interface Item {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
  context?: Uint8Array;
}
type Alg = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87' | 'Falcon-512' | 'Falcon-1024' | 'Falcon-Det1024';

interface RefRecord {
  alg: string;
  pk: string;
  msg: string;
  sig: string;
  valid: boolean;
}
const REF: RefRecord[] = gunzipSync(readFileSync(join(VECTORS_DIR, 'falcon/reference/falcon-ref.jsonl.gz')))
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as RefRecord);

/** n ML-DSA items over 5 keys: valid, mutated, wrong context, in a seeded pattern. */
function mlDsaItems(alg: 'mlDsa44' | 'mlDsa65' | 'mlDsa87', n: number, label: string): { items: Item[]; expected: boolean[] } {
  const m = lib[alg];
  const r = stream(label);
  const keys = Array.from({ length: 5 }, (_, i) => m.keygen(new Uint8Array(32).fill(i + 1)));
  const items: Item[] = [];
  const expected: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const k = keys[r.int(5)]!;
    const msg = r.bytes(r.int(100));
    const ctx = r.int(3) === 0 ? r.bytes(r.int(40)) : undefined;
    const sig = m.sign(k.secretKey, msg, { context: ctx, deterministic: true });
    const kind = r.int(4);
    if (kind === 0) sig[r.int(sig.length)]! ^= 1 << r.int(8);
    if (kind === 1 && ctx) {
      items.push({ publicKey: k.publicKey, message: msg, signature: sig, context: ctx.length ? ctx.subarray(1) : new Uint8Array(1) });
      expected.push(false);
      continue;
    }
    items.push({ publicKey: k.publicKey, message: msg, signature: sig, ...(ctx ? { context: ctx } : {}) });
    expected.push(kind !== 0);
  }
  return { items, expected };
}

function falconItems(alg: string): { items: Item[]; expected: boolean[] } {
  const recs = REF.filter((x) => x.alg === alg);
  return { items: recs.map((x) => ({ publicKey: hex(x.pk), message: hex(x.msg), signature: hex(x.sig) })), expected: recs.map((x) => x.valid) };
}

let tmp: string;
function script(name: string, code: string): URL {
  const p = join(tmp, name);
  writeFileSync(p, code);
  return pathToFileURL(p);
}

// A pool that hangs would fail here after 60 s rather than at the global 120 s.
describe(`VerifyPool in Node (PQSIMD_TEST_SEED=${SEED})`, { timeout: 60_000 }, () => {
  let ml44: ReturnType<typeof mlDsaItems>;
  beforeAll(async () => {
    await lib.ready();
    tmp = mkdtempSync(join(tmpdir(), 'pqsimd-pool-'));
    ml44 = mlDsaItems('mlDsa44', 150, 'pool/44');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('every algorithm: verdicts in input order across 2 workers, equal to single verify', async () => {
    const pool = new VerifyPool({ size: 2 });
    try {
      expect(pool.size).toBe(2);
      const sets: [Alg, { items: Item[]; expected: boolean[] }][] = [
        ['ML-DSA-44', ml44],
        ['ML-DSA-65', mlDsaItems('mlDsa65', 40, 'pool/65')],
        ['ML-DSA-87', mlDsaItems('mlDsa87', 40, 'pool/87')],
        ['Falcon-512', falconItems('falcon-512')],
        ['Falcon-1024', falconItems('falcon-1024')],
        ['Falcon-Det1024', falconItems('falcon-det1024')],
      ];
      for (const [alg, s] of sets) {
        expect(s.expected.some((x) => x) && s.expected.some((x) => !x), alg).toBe(true);
        const got = await pool.verifyBatch(alg, s.items);
        expect(got, alg).toEqual(s.expected);
      }
      // the algorithm object works as well as its name; the batch really spread over both workers
      expect(await pool.verifyBatch(lib.mlDsa44, ml44.items)).toEqual(ml44.expected);
      expect(pool.workers).toBe(2);
      const best = availableBackends()[0];
      expect(pool.workerBackends).toEqual([best, best]);
      expect(lib.mlDsa44.verifyBatch(ml44.items)).toEqual(ml44.expected);
    } finally {
      await pool.close();
    }
  });

  it('concurrent batches of different algorithms, a forced backend, one item, empty', async () => {
    const pool = new VerifyPool({ size: 2, backend: 'wasm-simd' });
    try {
      const f512 = falconItems('falcon-512');
      const ml65 = mlDsaItems('mlDsa65', 30, 'pool/65b');
      const [a, b, c, d, e] = await Promise.all([
        pool.verifyBatch('ML-DSA-44', ml44.items),
        pool.verifyBatch('Falcon-512', f512.items),
        pool.verifyBatch('ML-DSA-65', ml65.items),
        pool.verifyBatch('ML-DSA-44', ml44.items.slice(3, 4)),
        pool.verifyBatch('Falcon-1024', []),
      ]);
      expect(a).toEqual(ml44.expected);
      expect(b).toEqual(f512.expected);
      expect(c).toEqual(ml65.expected);
      expect(d).toEqual(ml44.expected.slice(3, 4));
      expect(e).toEqual([]);
      expect(pool.workerBackends).toEqual(['wasm-simd', 'wasm-simd']);
    } finally {
      await pool.close();
    }
    // an empty batch starts no worker
    const idle = new VerifyPool({ size: 3 });
    expect(await idle.verifyBatch('ML-DSA-87', [])).toEqual([]);
    expect(idle.workers).toBe(0);
    await idle.close();
  });

  it('argument errors reject (TypeError / RangeError) before any work', async () => {
    const pool = new VerifyPool({ size: 1 });
    const ok = ml44.items[0]!;
    await expect(pool.verifyBatch('ML-DSA-44', [ok, { ...ok, message: 'x' } as never])).rejects.toThrow(/items\[1\]\.message: expected a Uint8Array/);
    await expect(pool.verifyBatch('ML-DSA-44', null as never)).rejects.toThrow(TypeError);
    await expect(pool.verifyBatch('Falcon-512', [{ ...ok, context: new Uint8Array(1) }])).rejects.toThrow(TypeError);
    await expect(
      pool.verifyBatch('ML-DSA-44', [{ key: lib.mlDsa44.prepare(ok.publicKey), message: ok.message, signature: ok.signature } as never]),
    ).rejects.toThrow(/prepared keys cannot be sent to workers/);
    await expect(pool.verifyBatch('ML-DSA-50' as never, [ok])).rejects.toThrow(RangeError);
    await expect(pool.verifyBatch(42 as never, [ok])).rejects.toThrow(TypeError);
    expect(pool.workers).toBe(0);
    expect(() => new VerifyPool({ size: 0 })).toThrow(RangeError);
    expect(() => new VerifyPool({ size: 1.5 })).toThrow(RangeError);
    expect(() => new VerifyPool({ backend: 'wasm-fast' as never })).toThrow(RangeError);
    expect(() => new VerifyPool({ workerUrl: 5 as never })).toThrow(TypeError);
    expect(new VerifyPool().size).toBeGreaterThanOrEqual(1);
    await pool.close();
  });

  it('close() lets running batches finish, then refuses; terminate() rejects what is running', async () => {
    const pool = new VerifyPool({ size: 2 });
    const running = pool.verifyBatch('ML-DSA-44', ml44.items);
    const closed = pool.close();
    await expect(pool.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/closing/);
    expect(await running).toEqual(ml44.expected);
    await closed;
    expect(pool.workers).toBe(0);
    await expect(pool.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/closed/);

    const pool2 = new VerifyPool({ size: 2 });
    const big = pool2.verifyBatch('ML-DSA-44', [...ml44.items, ...ml44.items, ...ml44.items]);
    await new Promise((r) => setTimeout(r, 20));
    await pool2.terminate();
    await expect(big).rejects.toThrow(/terminated/);
    expect(pool2.workers).toBe(0);
  });

  it('a worker script that throws rejects the batch (no hang)', async () => {
    const pool = new VerifyPool({ size: 2, workerUrl: script('throws.mjs', "throw new Error('boom at load');\n") });
    await expect(pool.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/boom at load/);
    await pool.terminate();
  });

  it('createWorker: a worker_threads Worker, or a Web-style one (addEventListener); its failures reject', async () => {
    const pool = new VerifyPool({ size: 2, createWorker: () => new Worker(new URL(WORKER)) });
    expect(await pool.verifyBatch('ML-DSA-44', ml44.items)).toEqual(ml44.expected);
    expect(pool.workerBackends).toHaveLength(2);
    await pool.close();
    // a Web Worker's interface over a worker_threads Worker: message events carry .data
    const webStyle = (url: URL) => () => {
      const w = new Worker(url);
      return {
        postMessage: (m: unknown, t: ArrayBuffer[]) => w.postMessage(m, t),
        terminate: () => void w.terminate(),
        addEventListener: (type: string, f: (e: object) => void) =>
          w.on(type, (x: unknown) => f(type === 'message' ? { data: x } : { message: (x as Error).message })),
      };
    };
    const web = new VerifyPool({ size: 2, createWorker: webStyle(new URL(WORKER)) });
    expect(await web.verifyBatch('ML-DSA-44', ml44.items)).toEqual(ml44.expected);
    await web.close();
    const throws = new VerifyPool({ size: 1, createWorker: webStyle(script('throws-web.mjs', "throw new Error('boom at load');\n")) });
    await expect(throws.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/the worker \(from createWorker\) failed to load or start: boom at load/);
    await throws.terminate();
    const fails = new VerifyPool({
      size: 1,
      createWorker: () => {
        throw new Error('no workers here');
      },
    });
    await expect(fails.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/createWorker threw: Error: no workers here/);
    const junk = new VerifyPool({ size: 1, createWorker: () => ({}) as never });
    await expect(junk.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/createWorker must return a Web Worker or a worker_threads Worker/);
    expect(() => new VerifyPool({ createWorker: 5 as never })).toThrow(TypeError);
    expect(() => new VerifyPool({ createWorker: () => new Worker(new URL(WORKER)), workerUrl: WORKER })).toThrow(/not both/);
  });

  it('a worker script that does not exist: the error names its URL and suggests createWorker', async () => {
    const url = pathToFileURL(join(tmp, 'no-such-worker.mjs'));
    const pool = new VerifyPool({ size: 1, workerUrl: url });
    const err = await pool.verifyBatch('ML-DSA-44', ml44.items).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`the worker ${url.href} failed to load or start`);
    expect((err as Error).message).toContain("createWorker: () => new Worker(new URL('pqsimd/pool-worker', import.meta.url)");
    await pool.terminate();
  });

  it('a worker that exits mid-batch rejects that batch; the pool replaces it and goes on', async () => {
    // Exits (code 9) when the first item of a chunk has a 13-byte message, else behaves normally.
    const url = script(
      'exits.mjs',
      `import { parentPort } from 'node:worker_threads';
       import ${JSON.stringify(WORKER)}; // the real worker's listener first: this one runs after it, in the same tick
       parentPort.on('message', (m) => { if (m.type === 'verify' && m.meta[2] === 13) process.exit(9); });\n`,
    );
    const pool = new VerifyPool({ size: 2, workerUrl: url });
    try {
      const good = ml44.items.filter((it) => it.message.length !== 13);
      const poison = { ...good[0]!, message: new Uint8Array(13) };
      await expect(pool.verifyBatch('ML-DSA-44', [poison, ...good])).rejects.toThrow(/exited \(code 9\)/);
      const want = good.map((it) => lib.mlDsa44.verify(it.publicKey, it.message, it.signature, { context: it.context }));
      expect(await pool.verifyBatch('ML-DSA-44', good)).toEqual(want);
      expect(pool.workers).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
  });

  it('a backend the workers cannot load rejects; a malformed reply rejects', async () => {
    const missing = BACKEND_NAMES.find((b) => !availableBackends().includes(b));
    if (missing) {
      const pool = new VerifyPool({ size: 1, backend: missing });
      await expect(pool.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/could not start.*not supported/);
      await expect(pool.verifyBatch('ML-DSA-44', ml44.items)).rejects.toThrow(/could not start/);
      await pool.terminate();
    }
    const liar = script(
      'liar.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (m) => { if (m.type === 'verify') parentPort.postMessage({ type: 'result', id: m.id, verdicts: new Uint8Array(1) }); });\n`,
    );
    const pool = new VerifyPool({ size: 1, workerUrl: liar });
    await expect(pool.verifyBatch('ML-DSA-44', ml44.items.slice(0, 9))).rejects.toThrow(/wrong number of verdicts/);
    await pool.terminate();
  });
});
