// Hostile inputs (issue #11): every argument of sign / verify / prepared verify / options, on every
// backend, with look-alikes, liars, cross-realm arrays, shared, resizable, shrunk and detached
// buffers. The contract: verify returns true/false and throws only TypeError for values that are
// not Uint8Arrays; sign throws TypeError/RangeError naming the argument; the library never calls
// a method or getter of the caller's bytes; every backend gives the same outcome for every input.
import { falcon512 as nobleFalcon512 } from '@noble/post-quantum/falcon.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, type HostileCase } from './hostile-inputs.js';
import { availableBackends, type Backend, loadBackend } from './lib.js';

const BACKENDS = availableBackends();
type Outcome = string;

/** What a call did: its value (hex for bytes), or the error class and message. */
function outcome(f: () => unknown): Outcome {
  try {
    const v = f();
    if (v instanceof Uint8Array) return `bytes:${Buffer.from(v).toString('hex').slice(0, 32)}:${v.length}`;
    return `value:${String(v)}`;
  } catch (e) {
    return `${(e as Error).constructor.name}:${(e as Error).message}`;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

interface Fixture {
  backends: Map<string, Backend>;
  pk: Uint8Array;
  sk: Uint8Array;
  msg: Uint8Array;
  sig: Uint8Array;
  ctx: Uint8Array;
  sigCtx: Uint8Array;
  fpk: Uint8Array;
  fsig: Uint8Array;
  otherPk: Uint8Array;
  otherSig: Uint8Array;
}
const fx = {} as Fixture;

beforeAll(async () => {
  fx.backends = new Map();
  for (const b of BACKENDS) fx.backends.set(b, await loadBackend(b));
  const ref = fx.backends.get(BACKENDS[0]!)!;
  const kp = ref.mlDsa44.keygen(new Uint8Array(32).fill(1));
  fx.pk = kp.publicKey;
  fx.sk = kp.secretKey;
  fx.msg = enc('hostile inputs, the message');
  fx.ctx = enc('ctx');
  fx.sig = ref.mlDsa44.sign(fx.sk, fx.msg, { deterministic: true });
  fx.sigCtx = ref.mlDsa44.sign(fx.sk, fx.msg, { deterministic: true, context: fx.ctx });
  const other = ref.mlDsa44.keygen(new Uint8Array(32).fill(2));
  fx.otherPk = other.publicKey;
  fx.otherSig = ref.mlDsa44.sign(other.secretKey, enc('attacker message'), { deterministic: true });
  const f = nobleFalcon512.keygen(new Uint8Array(48).fill(3));
  fx.fpk = f.publicKey;
  fx.fsig = nobleFalcon512.sign(fx.msg, f.secretKey);
}, 120_000);

/** Runs `call(value)` with a hostile stand-in for `data` on every backend: the outcome must be what
 * the case's kind says, the same on every backend, and no own method or getter may run. */
function check(c: HostileCase, data: Uint8Array, arg: string, call: (be: Backend, v: unknown) => unknown, ok: Outcome, broken: Outcome): void {
  const seen = new Map<string, Outcome>();
  for (const [name, be] of fx.backends) {
    let reads = 0;
    const v = c.make(data, () => reads++);
    const got = outcome(() => call(be, v));
    expect(reads, `${name}: the library called the value's own code`).toBe(0);
    seen.set(name, got);
  }
  const want = c.expect === 'bytes' ? ok : c.expect === 'broken' ? broken : undefined;
  for (const [name, got] of seen) {
    if (want !== undefined) expect(got, `${name} (${c.name} as ${arg})`).toBe(want);
    else expect(got, `${name} (${c.name} as ${arg})`).toMatch(new RegExp(`^TypeError:${arg.replace('.', '\\.')}: expected a Uint8Array, got `));
  }
  expect(new Set(seen.values()).size, `backends disagree on ${c.name} as ${arg}: ${JSON.stringify([...seen])}`).toBe(1);
}

describe(`hostile byte inputs on ${BACKENDS.join(', ')}`, () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: ML-DSA verify (publicKey, message, signature, context)`, () => {
      const t = 'value:true';
      const f = 'value:false';
      check(c, fx.pk, 'publicKey', (be, v) => be.mlDsa44.verify(v as Uint8Array, fx.msg, fx.sig), t, f);
      check(c, fx.msg, 'message', (be, v) => be.mlDsa44.verify(fx.pk, v as Uint8Array, fx.sig), t, f);
      check(c, fx.sig, 'signature', (be, v) => be.mlDsa44.verify(fx.pk, fx.msg, v as Uint8Array), t, f);
      check(c, fx.ctx, 'options.context', (be, v) => be.mlDsa44.verify(fx.pk, fx.msg, fx.sigCtx, { context: v as Uint8Array }), t, f);
      check(c, fx.msg, 'message', (be, v) => be.mlDsa44.prepare(fx.pk).verify(v as Uint8Array, fx.sig), t, f);
      check(c, fx.sig, 'signature', (be, v) => be.mlDsa44.prepare(fx.pk).verify(fx.msg, v as Uint8Array), t, f);
    });

    it(`${c.name}: ML-DSA sign (secretKey, message, context) and keygen (seed)`, () => {
      const sig = outcome(() => fx.sig);
      const unreadable = (arg: string) =>
        `TypeError:${arg}: the Uint8Array cannot be read (its buffer is detached, or was resized so the view is out of bounds)`;
      check(c, fx.sk, 'secretKey', (be, v) => be.mlDsa44.sign(v as Uint8Array, fx.msg, { deterministic: true }), sig, unreadable('secretKey'));
      check(c, fx.msg, 'message', (be, v) => be.mlDsa44.sign(fx.sk, v as Uint8Array, { deterministic: true }), sig, unreadable('message'));
      check(
        c,
        fx.ctx,
        'options.context',
        (be, v) => be.mlDsa44.sign(fx.sk, fx.msg, { deterministic: true, context: v as Uint8Array }),
        outcome(() => fx.sigCtx),
        unreadable('options.context'),
      );
      const seed = new Uint8Array(32).fill(1);
      check(
        c,
        seed,
        'seed',
        (be, v) => be.mlDsa44.keygen(v as Uint8Array).publicKey,
        outcome(() => fx.pk),
        unreadable('seed'),
      );
    });

    it(`${c.name}: Falcon-512 verify (publicKey, message, signature)`, () => {
      const t = 'value:true';
      const f = 'value:false';
      check(c, fx.fpk, 'publicKey', (be, v) => be.falcon512.verify(v as Uint8Array, fx.msg, fx.fsig), t, f);
      check(c, fx.msg, 'message', (be, v) => be.falcon512.verify(fx.fpk, v as Uint8Array, fx.fsig), t, f);
      check(c, fx.fsig, 'signature', (be, v) => be.falcon512.verify(fx.fpk, fx.msg, v as Uint8Array), t, f);
      check(c, fx.fsig, 'signature', (be, v) => be.falcon512.prepare(fx.fpk).verify(fx.msg, v as Uint8Array), t, f);
    });
  }
});

describe('the WASM memory cannot be steered by lying lengths (every backend)', () => {
  it("an empty public key claiming 1952 bytes does not verify the previous call's key", () => {
    for (const [name, be] of fx.backends) {
      const kp = be.mlDsa65.keygen(new Uint8Array(32).fill(9));
      const sig = be.mlDsa65.sign(kp.secretKey, fx.msg, { deterministic: true });
      expect(be.mlDsa65.verify(kp.publicKey, fx.msg, sig), name).toBe(true); // leaves pk and sig in memory
      const empty = new Uint8Array(0);
      Object.defineProperty(empty, 'length', { get: () => 1952 });
      expect(be.mlDsa65.verify(empty, fx.msg, sig), name).toBe(false);
      const emptySig = new Uint8Array(0);
      Object.defineProperty(emptySig, 'length', { get: () => 3309 });
      expect(be.mlDsa65.verify(kp.publicKey, fx.msg, emptySig), name).toBe(false);
    }
  });

  it('a long input claiming to be short cannot overwrite a prepared key', () => {
    for (const [name, be] of fx.backends) {
      const vk = be.mlDsa44.prepare(fx.pk);
      expect(vk.verify(fx.msg, fx.sig), name).toBe(true);
      // 80 KB of the attacker's "prepared key" bytes in a public key that claims 1312 bytes
      const evil = new Uint8Array(80_000).fill(0x41);
      evil.set(fx.otherPk);
      Object.defineProperty(evil, 'length', { get: () => 1312 });
      expect(be.mlDsa44.verify(evil, fx.msg, fx.sig), name).toBe(false);
      expect(be.mlDsa44.verify(fx.pk, evil, fx.sig), name).toBe(false);
      expect(vk.verify(enc('attacker message'), fx.otherSig), name).toBe(false);
      expect(vk.verify(fx.msg, fx.sig), name).toBe(true);
    }
  });
});

describe('re-entrancy (every backend)', () => {
  it('an options getter that calls the same backend mid-call changes nothing', () => {
    for (const [name, be] of fx.backends) {
      let inner: unknown[] = [];
      const opts = {
        deterministic: true,
        get context() {
          inner = [be.mlDsa44.verify(fx.pk, fx.msg, fx.sig), be.mlDsa44.sign(fx.sk, enc('inner'), { deterministic: true }).length];
          return fx.ctx;
        },
      };
      const sig = be.mlDsa44.sign(fx.sk, fx.msg, opts);
      expect(Buffer.from(sig).equals(Buffer.from(fx.sigCtx)), name).toBe(true);
      expect(inner, name).toEqual([true, 2420]);
      const vopts = {
        get context() {
          inner = [be.mlDsa44.prepare(fx.pk).verify(fx.msg, fx.sig)];
          return fx.ctx;
        },
      };
      expect(be.mlDsa44.verify(fx.pk, fx.msg, fx.sigCtx, vopts), name).toBe(true);
      expect(inner, name).toEqual([true]);
    }
  });

  it('a message whose own subarray re-enters the backend is never consulted (long message, streamed)', () => {
    for (const [name, be] of fx.backends) {
      const long = new Uint8Array(300_000).map((_, i) => i * 7);
      const ref = be.mlDsa44.sign(fx.sk, long, { deterministic: true });
      let calls = 0;
      const evil = new Uint8Array(long);
      Object.defineProperty(evil, 'subarray', {
        value: (...a: number[]) => {
          calls++;
          be.mlDsa44.verify(fx.pk, fx.msg, fx.sig);
          return Uint8Array.prototype.subarray.apply(evil, a as [number?, number?]);
        },
      });
      expect(Buffer.from(be.mlDsa44.sign(fx.sk, evil, { deterministic: true })).equals(Buffer.from(ref)), name).toBe(true);
      expect(be.mlDsa44.verify(fx.pk, evil, ref), name).toBe(true);
      expect(calls, name).toBe(0);
    }
  });
});

describe('options and batches', () => {
  it('unknown option keys and non-boolean flags throw TypeError naming them', () => {
    for (const [name, be] of fx.backends) {
      expect(() => be.mlDsa44.sign(fx.sk, fx.msg, { ctx: fx.ctx } as object), name).toThrow(/^options: unknown option "ctx"/);
      expect(() => be.mlDsa44.verify(fx.pk, fx.msg, fx.sig, { ctx: fx.ctx } as object), name).toThrow(TypeError);
      expect(() => be.mlDsa44.sign(fx.sk, fx.msg, { deterministic: 'false' } as object), name).toThrow(
        /^options\.deterministic: expected true or false, got a string/,
      );
      expect(() => be.mlDsa44.internal.sign(fx.sk, fx.msg, { externalMu: 1 } as object), name).toThrow(TypeError);
    }
  });

  it('error messages use the right article', () => {
    const be = fx.backends.get(BACKENDS[0]!)!;
    expect(() => be.mlDsa44.sign(new Int8Array(2560) as unknown as Uint8Array, fx.msg)).toThrow('secretKey: expected a Uint8Array, got an Int8Array');
    expect(() => be.mlDsa44.sign(undefined as unknown as Uint8Array, fx.msg)).toThrow('secretKey: expected a Uint8Array, got undefined');
    expect(() => be.mlDsa44.sign(fx.sk, 5 as unknown as Uint8Array)).toThrow('message: expected a Uint8Array, got a number');
    expect(() => be.mlDsa44.sign(fx.sk, new ArrayBuffer(3) as unknown as Uint8Array)).toThrow('message: expected a Uint8Array, got an ArrayBuffer');
  });

  it('verifyBatch takes only prepared keys the library made', () => {
    for (const [name, be] of fx.backends) {
      const fake = { algorithm: 'ML-DSA-44', verify: () => true };
      expect(() => be.mlDsa44.verifyBatch([{ key: fake as never, message: fx.msg, signature: fx.sig }]), name).toThrow(
        /items\[0\]\.key: expected a prepared ML-DSA-44 key/,
      );
      const frozenCopy = Object.freeze({ ...be.mlDsa44.prepare(fx.pk) });
      expect(() => be.mlDsa44.verifyBatch([{ key: frozenCopy as never, message: fx.msg, signature: fx.sig }]), name).toThrow(TypeError);
      const ffake = { algorithm: 'Falcon-512', verify: () => true };
      expect(() => be.falcon512.verifyBatch([{ key: ffake as never, message: fx.msg, signature: fx.fsig }]), name).toThrow(TypeError);
      expect(be.mlDsa44.verifyBatch([{ key: be.mlDsa44.prepare(fx.pk), message: fx.msg, signature: fx.sig }]), name).toEqual([true]);
    }
  });
});

describe('inputs that change during the call, edge sizes (every backend)', () => {
  it('a SharedArrayBuffer mutated by another worker during the calls: verify answers true/false, never throws; restored bytes verify', async () => {
    const { Worker } = await import('node:worker_threads');
    for (const [name, be] of fx.backends) {
      const shared = new Uint8Array(new SharedArrayBuffer(fx.sig.length + fx.msg.length + fx.pk.length));
      const sig = shared.subarray(0, fx.sig.length);
      const msg = shared.subarray(fx.sig.length, fx.sig.length + fx.msg.length);
      const pk = shared.subarray(fx.sig.length + fx.msg.length);
      sig.set(fx.sig);
      msg.set(fx.msg);
      pk.set(fx.pk);
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const w = new Worker(
        `const { workerData: { buf, stop } } = require('node:worker_threads');
         const u = new Uint8Array(buf), s = new Int32Array(stop);
         let i = 0;
         while (Atomics.load(s, 0) === 0) { u[(i * 7919) % u.length] ^= 1 << (i & 7); i++; }`,
        { eval: true, workerData: { buf: shared.buffer, stop: stop.buffer } },
      );
      await new Promise((r) => setTimeout(r, 20));
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        seen.add(outcome(() => be.mlDsa44.verify(pk, msg, sig)));
        seen.add(outcome(() => be.mlDsa44.prepare(fx.pk).verify(msg, sig)));
        seen.add(outcome(() => be.falcon512.verify(fx.fpk, msg, fx.fsig)));
      }
      Atomics.store(stop, 0, 1);
      await w.terminate();
      for (const o of seen) expect(['value:true', 'value:false'], `${name}: ${o}`).toContain(o);
      sig.set(fx.sig);
      msg.set(fx.msg);
      pk.set(fx.pk);
      expect(be.mlDsa44.verify(pk, msg, sig), name).toBe(true);
    }
  }, 120_000);

  it('a buffer detached by a re-entrant callback (an options getter) mid-call', () => {
    for (const [name, be] of fx.backends) {
      const msg = new Uint8Array(fx.msg);
      const detachMsg = {
        get context() {
          structuredClone(msg.buffer, { transfer: [msg.buffer] });
          return fx.ctx;
        },
      };
      expect(be.mlDsa44.verify(fx.pk, msg, fx.sigCtx, detachMsg), name).toBe(false);
      const msg2 = new Uint8Array(fx.msg);
      const detach2 = {
        deterministic: true,
        get context() {
          structuredClone(msg2.buffer, { transfer: [msg2.buffer] });
          return fx.ctx;
        },
      };
      expect(() => be.mlDsa44.sign(fx.sk, msg2, detach2), name).toThrow(/^message: the Uint8Array cannot be read/);
      // and the next call gives the known answer
      expect(be.mlDsa44.verify(fx.pk, fx.msg, fx.sigCtx, { context: fx.ctx }), name).toBe(true);
    }
  });

  it('contexts of 255 and 256 bytes', () => {
    for (const [name, be] of fx.backends) {
      const c255 = new Uint8Array(255).fill(1);
      const c256 = new Uint8Array(256).fill(1);
      const s = be.mlDsa44.sign(fx.sk, fx.msg, { deterministic: true, context: c255 });
      expect(be.mlDsa44.verify(fx.pk, fx.msg, s, { context: c255 }), name).toBe(true);
      expect(be.mlDsa44.verify(fx.pk, fx.msg, s, { context: c256 }), name).toBe(false);
      expect(() => be.mlDsa44.sign(fx.sk, fx.msg, { context: c256 }), name).toThrow(/^options\.context: at most 255 bytes, got 256/);
      expect(be.mlDsa44.prepare(fx.pk).verify(fx.msg, s, { context: c256 }), name).toBe(false);
    }
  });

  it('messages of 0 bytes and 100 MB sign and verify the same on every backend', () => {
    const big = new Uint8Array(100 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = i & 255;
    const ref = fx.backends.get(BACKENDS[0]!)!;
    const sigs = [ref.mlDsa44.sign(fx.sk, new Uint8Array(0), { deterministic: true }), ref.mlDsa44.sign(fx.sk, big, { deterministic: true })];
    for (const [name, be] of fx.backends) {
      expect(Buffer.from(be.mlDsa44.sign(fx.sk, new Uint8Array(0), { deterministic: true })).equals(Buffer.from(sigs[0]!)), name).toBe(true);
      expect(be.mlDsa44.verify(fx.pk, new Uint8Array(0), sigs[0]!), name).toBe(true);
      expect(be.mlDsa44.verify(fx.pk, big, sigs[1]!), name).toBe(true);
      expect(be.mlDsa44.verify(fx.pk, big.subarray(1), sigs[1]!), name).toBe(false);
    }
  }, 300_000);
});
