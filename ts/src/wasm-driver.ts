/** The Driver over one WASM instance: bytes go through the instance's linear memory. */
import { type Driver, Mode } from './driver.js';
import type { WasmCore } from './wasm.js';

const SIZES: Record<number, { pk: number; sk: number; sig: number; prepared: number }> = {
  44: { pk: 1312, sk: 2560, sig: 2420, prepared: 20544 },
  65: { pk: 1952, sk: 4032, sig: 3309, prepared: 36928 },
  87: { pk: 2592, sk: 4896, sig: 4627, prepared: 65600 },
};

export class WasmDriver implements Driver {
  constructor(private readonly core: WasmCore) {}

  /** μ = H(tr ‖ M') into the mu region (see Mode). false if the inputs do not fit the mode. */
  private computeMu(trPtr: number, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number): boolean {
    const c = this.core;
    const ex = c.exports;
    if (mode === Mode.Mu) {
      if (msg.length !== 64) return false;
      c.write('mu', msg);
      return true;
    }
    const st = c.p('state');
    ex.pq_mldsa_mu_init(st, trPtr);
    if (mode === Mode.External) {
      if (ctx.length > 255) return false;
      c.write('ctx', ctx);
      ex.pq_mldsa_mu_absorb_prefix(st, ph >= 0 ? 1 : 0, c.p('ctx'), ctx.length);
    }
    if (mode === Mode.External && ph >= 0) {
      const phPtr = c.p('prehash');
      if (ex.pq_prehash_init(phPtr, ph) === 0) return false;
      c.stream(msg, (p, n) => ex.pq_prehash_update(phPtr, ph, p, n));
      ex.pq_prehash_final(phPtr, ph, c.p('digest'));
      ex.pq_mldsa_mu_absorb_prehash(st, ph, c.p('digest'));
    } else {
      c.stream(msg, (p, n) => ex.pq_keccak_absorb(st, p, n));
    }
    ex.pq_mldsa_mu_final(st, c.p('mu'));
    return true;
  }

  mldsaKeygen(level: number, seed: Uint8Array): [Uint8Array, Uint8Array] {
    const S = SIZES[level]!;
    return this.core.run((c) => {
      c.write('seed', seed);
      const rc = c.exports.pq_mldsa_keygen(level, c.p('seed'), c.p('pk'), c.p('sk'));
      if (rc !== 0) throw new Error(`pqsimd: ML-DSA-${level} key generation failed (code ${rc})`);
      const out: [Uint8Array, Uint8Array] = [c.read('pk', S.pk), c.read('sk', S.sk)];
      c.wipe('seed', 32);
      c.wipe('sk', S.sk);
      return out;
    });
  }

  mldsaSign(level: number, sk: Uint8Array, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number, rnd: Uint8Array): Uint8Array | number {
    const S = SIZES[level]!;
    return this.core.run((c) => {
      c.write('sk', sk);
      try {
        if (!this.computeMu(c.p('sk') + 64, mode, msg, ctx, ph)) return -1;
        c.write('rnd', rnd);
        const rc = c.exports.pq_mldsa_sign_mu(level, c.p('sk'), c.p('mu'), c.p('rnd'), c.p('sig'));
        return rc === 0 ? c.read('sig', S.sig) : rc;
      } finally {
        c.wipe('sk', S.sk);
        c.wipe('rnd', 32);
        c.wipe('mu', 64);
      }
    });
  }

  mldsaVerify(level: number, pk: Uint8Array, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number, sig: Uint8Array): boolean {
    return this.core.run((c) => {
      c.write('pk', pk);
      if (mode !== Mode.Mu) c.exports.pq_mldsa_pk_tr(c.p('pk'), pk.length, c.p('tr'));
      if (!this.computeMu(c.p('tr'), mode, msg, ctx, ph)) return false;
      c.write('sig', sig);
      return c.exports.pq_mldsa_verify_mu(level, c.p('pk'), pk.length, c.p('mu'), c.p('sig'), sig.length) === 1;
    });
  }

  mldsaMu(_level: number, pk: Uint8Array, mPrime: Uint8Array): Uint8Array {
    return this.core.run((c) => {
      c.write('pk', pk);
      c.exports.pq_mldsa_pk_tr(c.p('pk'), pk.length, c.p('tr'));
      this.computeMu(c.p('tr'), Mode.Internal, mPrime, new Uint8Array(0), -1);
      return c.read('mu', 64);
    });
  }

  mldsaPrepare(level: number, pk: Uint8Array): Uint8Array {
    return this.core.run((c) => {
      c.write('pk', pk);
      c.clobberPrepared();
      const rc = c.exports.pq_mldsa_prepare(level, c.p('pk'), pk.length, c.p('prep'));
      if (rc !== 0) throw new Error(`pqsimd: ML-DSA-${level} prepare failed (code ${rc})`);
      return c.read('prep', SIZES[level]!.prepared);
    });
  }

  mldsaVerifyPrepared(level: number, prepared: Uint8Array, owner: object, msg: Uint8Array, ctx: Uint8Array, sig: Uint8Array): boolean {
    return this.core.run((c) => {
      c.loadPrepared(owner, prepared);
      if (!this.computeMu(c.p('prep'), Mode.External, msg, ctx, -1)) return false; /* tr: its first 64 bytes */
      c.write('sig', sig);
      return c.exports.pq_mldsa_verify_prepared(level, c.p('prep'), c.p('mu'), c.p('sig'), sig.length) === 1;
    });
  }

  /** Hashes nonce/salt ‖ message into the state region; the signature goes to the sig region. */
  private falconStart(kind: number, msg: Uint8Array, sig: Uint8Array): number {
    const c = this.core;
    const ex = c.exports;
    const st = c.p('state');
    c.write('sig', sig);
    if (kind === 2) ex.pq_falcon_det_verify_start(st, c.p('sig'), sig.length);
    else ex.pq_falcon_verify_start(st, c.p('sig'), sig.length);
    c.stream(msg, (p, n) => ex.pq_keccak_absorb(st, p, n));
    return st;
  }

  falconVerify(kind: number, pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
    return this.core.run((c) => {
      c.write('pk', pk);
      const st = this.falconStart(kind, msg, sig);
      const ok =
        kind === 2
          ? c.exports.pq_falcon_det_verify_finish(c.p('pk'), pk.length, c.p('sig'), sig.length, st)
          : c.exports.pq_falcon_verify_finish(kind === 0 ? 9 : 10, c.p('pk'), pk.length, c.p('sig'), sig.length, st);
      return ok === 1;
    });
  }

  falconPrepare(kind: number, pk: Uint8Array): Uint8Array | null {
    const logn = kind === 0 ? 9 : 10;
    return this.core.run((c) => {
      c.write('pk', pk);
      c.clobberPrepared();
      if (c.exports.pq_falcon_prepare(logn, c.p('pk'), pk.length, c.p('prep')) !== 0) return null;
      return c.read('prep', 2 << logn);
    });
  }

  falconVerifyPrepared(kind: number, prepared: Uint8Array, owner: object, msg: Uint8Array, sig: Uint8Array): boolean {
    return this.core.run((c) => {
      c.loadPrepared(owner, prepared);
      const st = this.falconStart(kind, msg, sig);
      const ok =
        kind === 2
          ? c.exports.pq_falcon_det_verify_prepared_finish(c.p('prep'), c.p('sig'), sig.length, st)
          : c.exports.pq_falcon_verify_prepared_finish(kind === 0 ? 9 : 10, c.p('prep'), c.p('sig'), sig.length, st);
      return ok === 1;
    });
  }

  benchKernel(id: number, iterations: number): number {
    return this.core.run((c) => c.exports.pq_bench_kernel(id, iterations >>> 0));
  }
}
