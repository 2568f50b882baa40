/**
 * The AEAD family's throughput benchmark (issue 13), shared by `pqsimd bench` (Node: the native and
 * WASM backends, node:crypto), the web-bench page and `npm run bench:browser` (WASM backends in
 * Chromium): ChaCha20-Poly1305 seal and open, XChaCha20-Poly1305 seal, secretbox
 * (XSalsa20-Poly1305) seal and the ChaCha20 keystream (XOR), at several message sizes, for
 * pqsimd/aead on each backend next to @noble/ciphers, libsodium-wrappers and node:crypto.
 *
 * Correctness is part of the measurement. The reference outputs come from @noble/ciphers, which
 * must first reproduce the RFC 8439 §2.8.2 vector. Before timing, every implementation's output of
 * every cell is compared in full with the reference (open: the plaintext), and every opener must
 * reject a ciphertext with a flipped tag bit. While timing, each batch call returns its last
 * operation's output; the check compares three 16-byte windows of it (start, middle, end: the tag
 * is in one of them) with the reference and then overwrites those windows, so the next batch must
 * write them again (a reused output buffer cannot pass on stale bytes).
 *
 * Platform-neutral: no node: imports (node:crypto is passed in by the caller).
 */
import { type Impl, type Measurement, type MeasureOptions, measureInterleaved, type Progress } from './measure.js';
import { fmtRatio, markdownTable } from './report.js';

/** Message sizes of the table, bytes. */
export const AEAD_SIZES: readonly number[] = [64, 1024, 16384, 1 << 20];

export const AEAD_OPS = ['chacha20poly1305-seal', 'chacha20poly1305-open', 'xchacha20poly1305-seal', 'secretbox-seal', 'chacha20'] as const;
export type AeadOp = (typeof AEAD_OPS)[number];
export const AEAD_OP_LABEL: Readonly<Record<AeadOp, string>> = {
  'chacha20poly1305-seal': 'ChaCha20-Poly1305 seal',
  'chacha20poly1305-open': 'ChaCha20-Poly1305 open',
  'xchacha20poly1305-seal': 'XChaCha20-Poly1305 seal',
  'secretbox-seal': 'secretbox (XSalsa20-Poly1305) seal',
  chacha20: 'ChaCha20 keystream (XOR)',
};

/** Short names for charts. */
export const AEAD_OP_SHORT: Readonly<Record<AeadOp, string>> = {
  'chacha20poly1305-seal': 'ChaCha20-Poly1305 seal',
  'chacha20poly1305-open': 'ChaCha20-Poly1305 open',
  'xchacha20poly1305-seal': 'XChaCha20-Poly1305 seal',
  'secretbox-seal': 'secretbox seal',
  chacha20: 'ChaCha20',
};

/** '64 B', '1 KiB', '16 KiB', '1 MiB'. */
export function fmtSize(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n >> 20} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n >> 10} KiB`;
  return `${n} B`;
}

// ---------------------------------------------------------------------------------------------
// The libraries, typed as the bench calls them

export interface AeadCipher {
  encrypt(data: Uint8Array, out?: Uint8Array): Uint8Array;
  decrypt(data: Uint8Array, out?: Uint8Array): Uint8Array;
}
/** pqsimd/aead (one backend) and @noble/ciphers both have this shape. */
export interface AeadLike {
  chacha20poly1305(key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): AeadCipher;
  xchacha20poly1305(key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): AeadCipher;
  /** NaCl secretbox: seal(m) = tag ‖ ct (libsodium's _easy form). */
  secretbox(key: Uint8Array, nonce: Uint8Array): { seal(m: Uint8Array, out?: Uint8Array): Uint8Array; open(c: Uint8Array, out?: Uint8Array): Uint8Array };
  /** RFC 8439 ChaCha20, 12-byte nonce: data XOR keystream from block `counter`. */
  chacha20(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, out?: Uint8Array, counter?: number): Uint8Array;
}

/** libsodium-wrappers after `await sodium.ready` (the functions used; no output buffers in its API). */
export interface SodiumLike {
  crypto_aead_chacha20poly1305_ietf_encrypt(m: Uint8Array, ad: Uint8Array | null, nsec: null, npub: Uint8Array, key: Uint8Array): Uint8Array;
  crypto_aead_chacha20poly1305_ietf_decrypt(nsec: null, c: Uint8Array, ad: Uint8Array | null, npub: Uint8Array, key: Uint8Array): Uint8Array;
  crypto_aead_xchacha20poly1305_ietf_encrypt(m: Uint8Array, ad: Uint8Array | null, nsec: null, npub: Uint8Array, key: Uint8Array): Uint8Array;
  crypto_secretbox_easy(m: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array;
  /** Only in libsodium-wrappers-sumo. */
  crypto_stream_chacha20_ietf_xor?: (m: Uint8Array, nonce: Uint8Array, key: Uint8Array) => Uint8Array;
}

/** The part of node:crypto the bench calls (passed in; this module imports nothing of Node). */
export interface NodeCipherLike {
  setAAD?(aad: Uint8Array, options: { plaintextLength: number }): unknown;
  setAuthTag?(tag: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  getAuthTag?(): Uint8Array;
}
export interface NodeCryptoLike {
  /** createCipheriv(alg, key, iv, { authTagLength: 16 }) */
  cipher(alg: 'chacha20-poly1305' | 'chacha20', key: Uint8Array, iv: Uint8Array): NodeCipherLike;
  /** createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 }) */
  decipher(alg: 'chacha20-poly1305', key: Uint8Array, iv: Uint8Array): NodeCipherLike;
}

// ---------------------------------------------------------------------------------------------
// Inputs and reference outputs

export interface AeadData {
  key: Uint8Array;
  nonce12: Uint8Array;
  nonce24: Uint8Array;
  /** node:crypto's 'chacha20' IV: the 32-bit block counter (0, little-endian) ‖ nonce12. */
  iv16: Uint8Array;
  /** Associated data of the (X)ChaCha20-Poly1305 rows (secretbox has none). */
  aad: Uint8Array;
  sizes: readonly number[];
  /** Plaintext of each size (separate buffers, pseudo-random bytes). */
  plain: Map<number, Uint8Array>;
  /** ChaCha20-Poly1305 ciphertext ‖ tag of each plaintext (the open rows' input). */
  sealed: Map<number, Uint8Array>;
  /** What each cell's output must be: reference[op][size]. */
  reference: Record<AeadOp, Map<number, Uint8Array>>;
}

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** RFC 8439 §2.8.2: the AEAD_CHACHA20_POLY1305 example (ciphertext ‖ tag). */
const RFC8439_AEAD = {
  key: Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i),
  nonce: hex('070000004041424344454647'),
  aad: hex('50515253c0c1c2c3c4c5c6c7'),
  plaintext: "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  sealed: hex(
    'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116' +
      '1ae10b594f09e26a7e902ecbd0600691',
  ),
};

/** A deterministic byte pattern (xorshift32), different per `seed`. */
export function patternBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = (seed * 0x9e3779b9) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * Key, nonces, plaintexts and the reference outputs, made with `ref` (@noble/ciphers), which must
 * reproduce the RFC 8439 §2.8.2 vector first. `aad`: the associated data of the (X)ChaCha20-Poly1305
 * rows (default none; scripts/bench-openssl.mjs uses 13 bytes, as `openssl speed -aead` does).
 */
export function aeadData(ref: AeadLike, sizes: readonly number[] = AEAD_SIZES, aad: Uint8Array = new Uint8Array(0)): AeadData {
  const v = RFC8439_AEAD;
  const got = ref.chacha20poly1305(v.key, v.nonce, v.aad).encrypt(new TextEncoder().encode(v.plaintext));
  if (!equal(got, v.sealed)) throw new Error('aead bench: the reference implementation does not reproduce the RFC 8439 §2.8.2 vector');
  const key = patternBytes(32, 1);
  const nonce12 = patternBytes(12, 2);
  const nonce24 = patternBytes(24, 3);
  const iv16 = new Uint8Array(16);
  iv16.set(nonce12, 4);
  const plain = new Map<number, Uint8Array>();
  const sealed = new Map<number, Uint8Array>();
  const reference = Object.fromEntries(AEAD_OPS.map((op) => [op, new Map<number, Uint8Array>()])) as AeadData['reference'];
  for (const n of sizes) {
    const p = patternBytes(n, 100 + n);
    plain.set(n, p);
    const s = ref.chacha20poly1305(key, nonce12, aad).encrypt(p);
    sealed.set(n, s);
    reference['chacha20poly1305-seal'].set(n, s);
    reference['chacha20poly1305-open'].set(n, p);
    reference['xchacha20poly1305-seal'].set(n, ref.xchacha20poly1305(key, nonce24, aad).encrypt(p));
    reference['secretbox-seal'].set(n, ref.secretbox(key, nonce24).seal(p));
    reference.chacha20.set(n, ref.chacha20(key, nonce12, p));
  }
  return { key, nonce12, nonce24, iv16, aad, sizes, plain, sealed, reference };
}

// ---------------------------------------------------------------------------------------------
// One implementation of one cell

/** Pieces of a result and where each sits in the reference output. */
type Parts = readonly (readonly [Uint8Array, number])[];

/** One implementation of one cell: an operation and how to find its output. */
export interface AeadCase {
  /** One operation; returns what `parts` takes apart. */
  run: () => unknown;
  parts: (result: unknown) => Parts;
  /** For openers: the same operation on a ciphertext with a flipped tag bit; must throw. */
  runTampered?: () => unknown;
}

/** A library adapter: the case of (op, size), or null when the library has no such operation. */
export type AeadCases = (op: AeadOp, size: number) => AeadCase | null;

const whole = (r: unknown): Parts => [[r as Uint8Array, 0]];

function tamperedSealed(d: AeadData, size: number): Uint8Array {
  const t = d.sealed.get(size)!.slice();
  t[t.length - 1]! ^= 0x01;
  return t;
}

/**
 * pqsimd/aead on one backend, or @noble/ciphers: the one-shot API with caller-given output
 * buffers (allocated once per cell: the hot path without allocation). A fresh cipher object per
 * operation, as each message has its own nonce (and both libraries refuse a second encrypt on one
 * object). `secretboxExtra`: how much longer than tag ‖ ct the secretbox output buffer must be
 * (noble: 16, it uses 32 bytes of scratch in front).
 */
export function aeadLikeCases(lib: AeadLike, d: AeadData, secretboxExtra = 0): AeadCases {
  return (op, size) => {
    const p = d.plain.get(size)!;
    const { key, nonce12, nonce24, aad } = d;
    switch (op) {
      case 'chacha20poly1305-seal': {
        const out = new Uint8Array(size + 16);
        return { run: () => lib.chacha20poly1305(key, nonce12, aad).encrypt(p, out), parts: whole };
      }
      case 'chacha20poly1305-open': {
        const c = d.sealed.get(size)!;
        const bad = tamperedSealed(d, size);
        const out = new Uint8Array(size);
        return {
          run: () => lib.chacha20poly1305(key, nonce12, aad).decrypt(c, out),
          parts: whole,
          runTampered: () => lib.chacha20poly1305(key, nonce12, aad).decrypt(bad, new Uint8Array(size)),
        };
      }
      case 'xchacha20poly1305-seal': {
        const out = new Uint8Array(size + 16);
        return { run: () => lib.xchacha20poly1305(key, nonce24, aad).encrypt(p, out), parts: whole };
      }
      case 'secretbox-seal': {
        const out = new Uint8Array(size + 16 + secretboxExtra);
        return { run: () => lib.secretbox(key, nonce24).seal(p, out), parts: whole };
      }
      case 'chacha20': {
        const out = new Uint8Array(size);
        return { run: () => lib.chacha20(key, nonce12, p, out), parts: whole };
      }
    }
  };
}

/** libsodium-wrappers: it allocates every output (its API takes no output buffer). */
export function sodiumCases(s: SodiumLike, d: AeadData): AeadCases {
  return (op, size) => {
    const p = d.plain.get(size)!;
    const { key, nonce12, nonce24 } = d;
    const ad = d.aad.length ? d.aad : null;
    switch (op) {
      case 'chacha20poly1305-seal':
        return { run: () => s.crypto_aead_chacha20poly1305_ietf_encrypt(p, ad, null, nonce12, key), parts: whole };
      case 'chacha20poly1305-open': {
        const c = d.sealed.get(size)!;
        const bad = tamperedSealed(d, size);
        return {
          run: () => s.crypto_aead_chacha20poly1305_ietf_decrypt(null, c, ad, nonce12, key),
          parts: whole,
          runTampered: () => s.crypto_aead_chacha20poly1305_ietf_decrypt(null, bad, ad, nonce12, key),
        };
      }
      case 'xchacha20poly1305-seal':
        return { run: () => s.crypto_aead_xchacha20poly1305_ietf_encrypt(p, ad, null, nonce24, key), parts: whole };
      case 'secretbox-seal':
        return { run: () => s.crypto_secretbox_easy(p, nonce24, key), parts: whole };
      case 'chacha20': {
        const xor = s.crypto_stream_chacha20_ietf_xor;
        return xor ? { run: () => xor(p, nonce12, key), parts: whole } : null;
      }
    }
  };
}

/**
 * node:crypto (OpenSSL): createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 }),
 * setAAD, update, final, getAuthTag (open: createDecipheriv, setAAD, setAuthTag, update, final);
 * 'chacha20' for the keystream. It allocates every output. No XChaCha20 or XSalsa20 in OpenSSL.
 */
export function nodeCryptoCases(c: NodeCryptoLike, d: AeadData): AeadCases {
  const aad = d.aad;
  return (op, size) => {
    const p = d.plain.get(size)!;
    const { key, nonce12 } = d;
    switch (op) {
      case 'chacha20poly1305-seal':
        return {
          run: () => {
            const e = c.cipher('chacha20-poly1305', key, nonce12);
            e.setAAD!(aad, { plaintextLength: size });
            const ct = e.update(p);
            e.final();
            return [ct, e.getAuthTag!()];
          },
          parts: (r) => {
            const [ct, tag] = r as [Uint8Array, Uint8Array];
            return [
              [ct, 0],
              [tag, size],
            ];
          },
        };
      case 'chacha20poly1305-open': {
        const s = d.sealed.get(size)!;
        const ct = s.subarray(0, size);
        const tag = s.subarray(size);
        const badTag = tamperedSealed(d, size).subarray(size);
        const open = (t: Uint8Array) => {
          const o = c.decipher('chacha20-poly1305', key, nonce12);
          o.setAAD!(aad, { plaintextLength: size });
          o.setAuthTag!(t);
          const pt = o.update(ct);
          o.final(); // throws on a wrong tag
          return pt;
        };
        return { run: () => open(tag), parts: whole, runTampered: () => open(badTag) };
      }
      case 'chacha20': {
        const iv = d.iv16;
        return {
          run: () => {
            const e = c.cipher('chacha20', key, iv);
            const out = e.update(p);
            e.final();
            return out;
          },
          parts: whole,
        };
      }
      default:
        return null;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The windows checked per part while timing: 16 bytes at the start, the middle and the end. */
function windows(len: number): [number, number][] {
  if (len <= 48) return [[0, len]];
  const mid = (len >> 1) & ~15;
  return [
    [0, 16],
    [mid, mid + 16],
    [len - 16, len],
  ];
}

function compareFull(parts: Parts, ref: Uint8Array): string | null {
  let covered = 0;
  for (const [b, at] of parts) {
    if (!(b instanceof Uint8Array)) return 'the result is not bytes';
    if (at + b.length > ref.length) return `output longer than expected (${at + b.length} > ${ref.length} bytes)`;
    for (let i = 0; i < b.length; i++) if (b[i] !== ref[at + i]) return `byte ${at + i} differs from the reference`;
    covered += b.length;
  }
  return covered === ref.length ? null : `output is ${covered} bytes, expected ${ref.length}`;
}

/** Compares the windows of each part with the reference, then overwrites them (complement of the reference). */
function compareWindows(parts: Parts, ref: Uint8Array): boolean {
  for (const [b, at] of parts) {
    if (!(b instanceof Uint8Array) || at + b.length > ref.length) return false;
    for (const [s, e] of windows(b.length)) {
      for (let i = s; i < e; i++) if (b[i] !== ref[at + i]) return false;
    }
  }
  for (const [b, at] of parts) for (const [s, e] of windows(b.length)) for (let i = s; i < e; i++) b[i] = ~ref[at + i]! & 0xff;
  return true;
}

/** How often each implementation's output was checked (setup checks and timed batches). */
export type CheckCounts = Map<string, { full: number; timed: number; tamperRejected: number }>;

/**
 * The full checks of one cell (throws naming the implementation on a mismatch), then the bench
 * core's Impl: batch(n) runs n operations and returns the last one's result, which check()
 * compares by windows.
 */
export function aeadImpl(name: string, c: AeadCase, ref: Uint8Array, counts: CheckCounts, label: string): Impl {
  const count = counts.get(name) ?? { full: 0, timed: 0, tamperRejected: 0 };
  counts.set(name, count);
  const bad = compareFull(c.parts(c.run()), ref);
  if (bad) throw new Error(`CORRECTNESS CHECK FAILED: ${name}, ${label}: ${bad}`);
  // twice: the second run reuses whatever output buffer the first one wrote
  const bad2 = compareFull(c.parts(c.run()), ref);
  if (bad2) throw new Error(`CORRECTNESS CHECK FAILED: ${name}, ${label} (second call): ${bad2}`);
  count.full += 2;
  if (c.runTampered) {
    let threw = false;
    try {
      c.runTampered();
    } catch {
      threw = true;
    }
    if (!threw) throw new Error(`CORRECTNESS CHECK FAILED: ${name}, ${label}: a ciphertext with a flipped tag bit was accepted`);
    count.tamperRejected++;
  }
  const run = c.run;
  return {
    name,
    batch: (n) => {
      let v: unknown;
      for (let i = 0; i < n; i++) v = run();
      return v;
    },
    check: (v) => {
      const ok = compareWindows(c.parts(v), ref);
      if (ok) count.timed++;
      return ok;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rows and the table

export interface AeadRow {
  op: AeadOp;
  size: number;
  label: string;
  cells: Record<string, Measurement>;
}

/** MB/s (10^6 bytes) of a measurement of operations on `size`-byte messages. */
export function mbps(m: Measurement, size: number): number {
  return (m.median * size) / 1e6;
}

export function fmtMBps(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** A ratio column: rate of `num` / rate of `den` (each may be absent in a row: '—'). */
export interface AeadRatio {
  label: string;
  num: string;
  den: string;
}

/**
 * Rows: one per operation and size; columns: MB/s of each implementation, then the ratio columns.
 * `implLabel` names a column (default: the implementation's name).
 */
export function aeadTable(
  rows: readonly AeadRow[],
  impls: readonly string[],
  ratios: readonly AeadRatio[],
  o: { implLabel?: (i: string) => string; pad?: boolean; mark?: string } = {},
): string {
  const header = ['MB/s', ...impls.map((i) => o.implLabel?.(i) ?? i), ...ratios.map((r) => r.label)];
  const body = rows.map((r) => [
    r.label,
    ...impls.map((i) => (r.cells[i] ? fmtMBps(mbps(r.cells[i]!, r.size)) : '—')),
    ...ratios.map((q) => {
      const a = r.cells[q.num];
      const b = r.cells[q.den];
      return a && b ? fmtRatio(a.median / b.median, o.mark) : '—';
    }),
  ]);
  return markdownTable(header, body, { pad: o.pad });
}

/** The implementations with at least one cell, in `order`. */
export function aeadColumns(rows: readonly AeadRow[], order: readonly string[]): string[] {
  return order.filter((i) => rows.some((r) => r.cells[i]));
}

/** One row of the plan: what it measures, and its implementations (made when the row is timed). */
export interface AeadPlanRow {
  op: AeadOp;
  size: number;
  label: string;
  /** The row's Impls; runs each one's full checks first (throws on any mismatch). */
  impls(): Impl[];
}

/**
 * Every row of the table. `libs`: name → adapter, in column order. A row's output buffers exist
 * only while it is timed (impls() makes them).
 */
export function aeadPlan(d: AeadData, libs: readonly (readonly [string, AeadCases])[], counts: CheckCounts, ops: readonly AeadOp[] = AEAD_OPS): AeadPlanRow[] {
  const rows: AeadPlanRow[] = [];
  for (const op of ops) {
    for (const size of d.sizes) {
      const label = `${AEAD_OP_LABEL[op]}, ${fmtSize(size)}`;
      const ref = d.reference[op].get(size)!;
      rows.push({
        op,
        size,
        label,
        impls: () => {
          const impls: Impl[] = [];
          for (const [name, cases] of libs) {
            const c = cases(op, size);
            if (c) impls.push(aeadImpl(name, c, ref, counts, label));
          }
          return impls;
        },
      });
    }
  }
  return rows;
}

/**
 * Times every row of the plan with the bench core (runs interleaved across the row's
 * implementations). `onRow` sees each finished row (the page draws as rows arrive).
 */
export async function timeAeadPlan(
  plan: readonly AeadPlanRow[],
  opts: MeasureOptions,
  onProgress?: (label: string, p: Progress) => void,
  onRow?: (row: AeadRow) => void,
): Promise<AeadRow[]> {
  const rows: AeadRow[] = [];
  for (const r of plan) {
    const row: AeadRow = { op: r.op, size: r.size, label: r.label, cells: {} };
    const res = await measureInterleaved(r.impls(), opts, (p) => onProgress?.(r.label, p));
    for (const [impl, m] of res) row.cells[impl] = m;
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}
