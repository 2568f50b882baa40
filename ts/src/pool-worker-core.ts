/** The message loop of a VerifyPool worker (shared by the browser and Node worker entries). */
import type { PoolAlgorithm, PoolRequest, PoolResponse } from './pool.js';
import type { BackendName, FalconVerifier, MlDsa, ReadyOptions } from './types.js';

/** The part of the package a worker uses. */
export interface PoolWorkerLib {
  ready(opts?: ReadyOptions): Promise<void>;
  availableBackends(): BackendName[];
  backend(): BackendName;
  mlDsa44: MlDsa;
  mlDsa65: MlDsa;
  mlDsa87: MlDsa;
  falcon512: FalconVerifier;
  falcon1024: FalconVerifier;
  falconDet1024: FalconVerifier;
}

type Post = (m: PoolResponse, transfer: ArrayBuffer[]) => void;

function errorOf(e: unknown): { name: string; message: string } {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}

/** Returns the handler for messages from the pool. Requests are answered in arrival order. */
export function poolWorkerHandler(lib: PoolWorkerLib, post: Post): (m: PoolRequest) => void {
  const schemes: Record<PoolAlgorithm, MlDsa | FalconVerifier> = {
    'ML-DSA-44': lib.mlDsa44,
    'ML-DSA-65': lib.mlDsa65,
    'ML-DSA-87': lib.mlDsa87,
    'Falcon-512': lib.falcon512,
    'Falcon-1024': lib.falcon1024,
    'Falcon-Det1024': lib.falconDet1024,
  };
  let started: Promise<void> | null = null;
  let chain: Promise<void> = Promise.resolve();

  function verify(m: Extract<PoolRequest, { type: 'verify' }>): void {
    const scheme = schemes[m.alg];
    if (!scheme) throw new RangeError(`unknown algorithm ${String(m.alg)}`);
    const { meta, data } = m;
    const n = meta[0]!;
    const items = new Array<{ publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array; context?: Uint8Array }>(n);
    let o = 0;
    const take = (len: number): Uint8Array => {
      if (o + len > data.length) throw new RangeError('malformed request: lengths exceed the data');
      const v = data.subarray(o, o + len);
      o += len;
      return v;
    };
    for (let i = 0; i < n; i++) {
      const publicKey = take(meta[1 + 4 * i]!);
      const message = take(meta[2 + 4 * i]!);
      const signature = take(meta[3 + 4 * i]!);
      const c = meta[4 + 4 * i]!;
      items[i] = c ? { publicKey, message, signature, context: take(c - 1) } : { publicKey, message, signature };
    }
    const ok = (scheme.verifyBatch as (items: unknown) => boolean[])(items);
    const verdicts = Uint8Array.from(ok, (x) => (x ? 1 : 0));
    post({ type: 'result', id: m.id, verdicts }, [verdicts.buffer]);
  }

  return (m: PoolRequest) => {
    if (m?.type === 'init') {
      // An unavailable backend is refused here rather than by ready(), whose failure would
      // also surface as an unhandled rejection (the pool then sees a crashed worker instead).
      const missing = m.backend && !lib.availableBackends().includes(m.backend);
      started = missing
        ? Promise.reject(new Error(`pqsimd: backend "${m.backend}" is not supported in this worker (available: ${lib.availableBackends().join(', ')})`))
        : lib.ready(m.backend ? { backend: m.backend } : {});
      started.then(
        () => post({ type: 'ready', backend: lib.backend() }, []),
        (e) => post({ type: 'error', id: null, ...errorOf(e) }, []),
      );
      return;
    }
    if (m?.type !== 'verify') return;
    chain = chain.then(async () => {
      if (!started) {
        post({ type: 'error', id: m.id, name: 'Error', message: 'verify request before init' }, []);
        return;
      }
      try {
        await started;
      } catch {
        return; // reported once, as the start-up error (the pool then stops this worker)
      }
      try {
        verify(m);
      } catch (e) {
        post({ type: 'error', id: m.id, ...errorOf(e) }, []);
      }
    });
  };
}
