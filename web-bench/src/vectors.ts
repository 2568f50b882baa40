// Runs a subset of the repository's test vectors (served as /vectors.json) on every WASM backend
// the browser offers: ML-DSA keygen / deterministic sign / verify (single, prepared and batched)
// and Falcon verify, plus the verify cases through a VerifyPool of Web Workers.
import * as pq from 'pqsimd';

export interface VectorSet {
  mldsaKeygen: { alg: string; seed: string; pk: string; sk: string }[];
  mldsaSign: { alg: string; seed: string; msg: string; ctx?: string; rnd?: string; sig: string }[];
  mldsaVerify: { alg: string; pk: string; msg: string; ctx?: string; sig: string; valid: boolean }[];
  falcon: { alg: string; pk: string; msg: string; sig: string; valid: boolean }[];
}

const KEY: Record<string, 'mlDsa44' | 'mlDsa65' | 'mlDsa87' | 'falcon512' | 'falcon1024' | 'falconDet1024'> = {
  'ML-DSA-44': 'mlDsa44',
  'ML-DSA-65': 'mlDsa65',
  'ML-DSA-87': 'mlDsa87',
  'Falcon-512': 'falcon512',
  'Falcon-1024': 'falcon1024',
  'Falcon-Det1024': 'falconDet1024',
};

function hex(s: string): Uint8Array {
  if (s.length % 2 || /[^0-9a-f]/i.test(s)) throw new Error('bad hex');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
const ctxOf = (t: object) => {
  const c = (t as { ctx?: string }).ctx;
  return c !== undefined ? { context: hex(c) } : {};
};
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

interface BackendResult {
  cases: number;
  failures: string[];
}

async function main(): Promise<void> {
  const res = await fetch('vectors.json');
  if (!res.ok) throw new Error(`vectors.json: HTTP ${res.status}`);
  const v = (await res.json()) as VectorSet;
  const results: Record<string, BackendResult> = {};
  const backends = pq.availableBackends();
  for (const name of backends) {
    const b = await pq.loadBackend(name);
    const r: BackendResult = { cases: 0, failures: [] };
    const fail = (s: string) => r.failures.length < 20 && r.failures.push(s);
    for (const [i, t] of v.mldsaKeygen.entries()) {
      const kp = b[KEY[t.alg]! as 'mlDsa44'].keygen(hex(t.seed));
      if (toHex(kp.publicKey) !== t.pk.toLowerCase() || toHex(kp.secretKey) !== t.sk.toLowerCase()) fail(`keygen ${i} ${t.alg}`);
      r.cases++;
    }
    for (const [i, t] of v.mldsaSign.entries()) {
      const m = b[KEY[t.alg]! as 'mlDsa44'];
      const kp = m.keygen(hex(t.seed));
      const opts = { ...(t.ctx !== undefined ? { context: hex(t.ctx) } : {}), ...(t.rnd ? { random: hex(t.rnd) } : { deterministic: true }) };
      if (toHex(m.sign(kp.secretKey, hex(t.msg), opts)) !== t.sig.toLowerCase()) fail(`sign ${i} ${t.alg}`);
      r.cases++;
    }
    for (const alg of Object.keys(KEY)) {
      const isMl = alg.startsWith('ML-DSA');
      const cases = isMl ? v.mldsaVerify.filter((t) => t.alg === alg) : v.falcon.filter((t) => t.alg === alg);
      if (!cases.length) continue;
      const s = b[KEY[alg]!];
      const items = cases.map((t) => ({
        publicKey: hex(t.pk),
        message: hex(t.msg),
        signature: hex(t.sig),
        ...ctxOf(t),
      }));
      items.forEach((it, i) => {
        const got = (s.verify as (pk: Uint8Array, m: Uint8Array, sig: Uint8Array, o?: object) => boolean)(
          it.publicKey,
          it.message,
          it.signature,
          'context' in it ? { context: it.context } : undefined,
        );
        if (got !== cases[i]!.valid) fail(`verify ${alg} case ${i}: got ${got}`);
        if (cases[i]!.valid) {
          const vk = s.prepare(it.publicKey);
          const ok = (vk.verify as (m: Uint8Array, sig: Uint8Array, o?: object) => boolean)(
            it.message,
            it.signature,
            'context' in it ? { context: it.context } : undefined,
          );
          if (!ok) fail(`prepared verify ${alg} case ${i}`);
        }
        r.cases++;
      });
      const batch = (s.verifyBatch as (x: unknown) => boolean[])(items);
      if (batch.join() !== cases.map((t) => t.valid).join()) fail(`verifyBatch ${alg}`);
    }
    results[name] = r;
  }

  // The verify cases once more through a pool of Web Workers (each its own WASM instance).
  // the pool's worker: dist/pool-worker.mjs, copied next to this bundle by scripts/web-bench.mjs
  const pool = new pq.VerifyPool({ size: 2, createWorker: () => new Worker(new URL('./pool-worker.mjs', import.meta.url), { type: 'module' }) });
  const poolResult: BackendResult = { cases: 0, failures: [] };
  try {
    for (const alg of Object.keys(KEY)) {
      const isMl = alg.startsWith('ML-DSA');
      const cases = isMl ? v.mldsaVerify.filter((t) => t.alg === alg) : v.falcon.filter((t) => t.alg === alg);
      if (!cases.length) continue;
      const items = cases.map((t) => ({ publicKey: hex(t.pk), message: hex(t.msg), signature: hex(t.sig), ...ctxOf(t) }));
      const got = await pool.verifyBatch(alg as pq.PoolAlgorithm, items);
      if (got.join() !== cases.map((t) => t.valid).join()) poolResult.failures.push(`VerifyPool ${alg}`);
      poolResult.cases += cases.length;
    }
    results.VerifyPool = poolResult;
  } finally {
    await pool.close();
  }
  const summary = { backends, poolWorkerBackends: pool.workerBackends, results };
  (window as unknown as { vectorResults: unknown }).vectorResults = summary;
  document.getElementById('out')!.textContent = JSON.stringify(summary, null, 2);
  if (Object.values(results).some((r) => r.failures.length)) {
    const b = document.getElementById('banner')!;
    b.hidden = false;
    b.textContent = 'Vector failures: see below';
  }
  document.documentElement.dataset.state = 'done';
}

main().catch((e) => {
  (window as unknown as { vectorError: string }).vectorError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  document.getElementById('out')!.textContent = String(e);
  document.documentElement.dataset.state = 'error';
});
