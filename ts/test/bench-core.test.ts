// The benchmark core (bench/): statistics on known samples, interleaved timing on a fake clock,
// and the Markdown / JSON it writes.
import { chacha20, chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { secretbox } from '@noble/ciphers/salsa.js';
import { describe, expect, it } from 'vitest';
import {
  AEAD_OPS,
  type AeadLike,
  aeadData,
  aeadImpl,
  aeadLikeCases,
  aeadPlan,
  aeadTable,
  type CheckCounts,
  fmtSize,
  timeAeadPlan,
  fmtMicros,
  fmtRate,
  fmtRatio,
  latencyTable,
  markdownTable,
  measureInterleaved,
  measurementJson,
  median,
  percentile,
  rateTable,
  spread,
  summarize,
  ticksTable,
  type Clock,
  type Measurement,
  type ResultRow,
} from '../../bench/index.js';

describe('statistics', () => {
  it('median of odd and even counts, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
    expect(median(Float64Array.of(10, -1, 5))).toBe(5);
  });

  it('percentiles interpolate between the nearest ranks (p50 = median)', () => {
    const xs = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100, reversed
    expect(percentile(xs, 0)).toBe(0);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    // 1..10: rank (n - 1) p / 100
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(ten, 50)).toBeCloseTo(5.5, 12);
    expect(percentile(ten, 99)).toBeCloseTo(9.91, 12);
    expect(percentile(ten, 90)).toBeCloseTo(9.1, 12);
    expect(percentile([1, 2, 3, 4, 1000], 99)).toBeCloseTo(4 + 0.96 * 996, 9);
    expect(() => percentile(ten, 101)).toThrow(RangeError);
    expect(() => percentile(ten, -1)).toThrow(RangeError);
  });

  it('summarize and spread', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s).toEqual({ count: 5, min: 1, max: 5, mean: 3, median: 3, p50: 3, p99: 4.96 });
    expect(spread([90, 100, 110])).toBeCloseTo(0.2, 12);
    expect(summarize([]).count).toBe(0);
  });
});

/** A fake clock: every call of the implementation named `name` takes costs[name] ms. */
function fakeTimer(costs: Record<string, number>) {
  let t = 0;
  const now = () => t;
  const order: string[] = [];
  const op = (name: string) => () => {
    t += costs[name]!;
    order.push(name);
    return true;
  };
  const clock: Clock = { source: 'fake', ticks: false, read: now, nsPerUnit: 1e6 };
  return { now, op, order, clock };
}

describe('measureInterleaved', () => {
  it('warms each implementation up, then interleaves the runs and rotates the first one', async () => {
    const f = fakeTimer({ a: 1, b: 2, c: 4 });
    const seen: string[] = [];
    const res = await measureInterleaved(
      ['a', 'b', 'c'].map((n) => ({ name: n, fn: f.op(n), check: (v: unknown) => v === true })),
      { warmupMs: 8, runMs: 8, runs: 3, now: f.now, clock: f.clock },
      (p) => seen.push(`${p.phase}:${p.impl}:${p.run}`),
    );
    expect(seen).toEqual([
      'warmup:a:0',
      'warmup:b:0',
      'warmup:c:0',
      'run:a:1',
      'run:b:1',
      'run:c:1',
      'run:b:2',
      'run:c:2',
      'run:a:2',
      'run:c:3',
      'run:a:3',
      'run:b:3',
    ]);
    expect([...res.keys()]).toEqual(['a', 'b', 'c']);
    const a = res.get('a')!;
    const c = res.get('c')!;
    // 8 ms runs: a does 8 calls of 1 ms (1000 ops/s), c 2 calls of 4 ms (250 ops/s)
    expect(a.n).toBe(8);
    expect(a.runs).toEqual([1000, 1000, 1000]);
    expect(a.median).toBe(1000);
    expect(c.median).toBe(250);
    expect(a.p50).toBe(1e6); // ns
    expect(a.p99).toBe(1e6);
    expect(a.samples).toBe(24);
    expect(c.samples).toBe(6);
    expect(a.warmup).toEqual({ ops: 8, ms: 8 });
    expect(a.ticks).toBeUndefined();
  });

  it('with a tick clock: ticks per operation and tick percentiles', async () => {
    let t = 0;
    const costs = [1, 1, 1, 1, 1, 1, 1, 10]; // every 8th call is slow
    let i = 0;
    const clock: Clock = { source: 'tsc', ticks: true, read: () => t * 1000, nsPerUnit: 0.5 };
    const res = await measureInterleaved(
      [
        {
          name: 'x',
          fn: () => {
            t += costs[i++ % 8]!;
          },
        },
      ],
      { warmupMs: 17, runMs: 17, runs: 2, now: () => t, clock },
    );
    const x = res.get('x')!;
    expect(x.n).toBe(8); // 8 calls per 17 ms of warm-up → 8 calls per run
    expect(x.ticksRuns).toEqual([2125, 2125]); // 17,000 ticks / 8 operations
    expect(x.ticks).toBe(2125);
    expect(x.ticksP50).toBe(1000);
    expect(x.ticksP99).toBe(10_000); // 16 samples, 2 of them slow: rank 14.85 is among the slow ones
    expect(x.samples).toBe(16);
    expect(x.p50).toBe(500); // 1000 ticks × 0.5 ns
  });

  it('batched implementations: one call per run, sized by the warm-up', async () => {
    let t = 0;
    const res = await measureInterleaved(
      [
        {
          name: 'k',
          batch: (n) => {
            t += n * 0.01;
          },
        },
      ],
      { warmupMs: 50, runMs: 10, runs: 3, now: () => t },
    );
    const k = res.get('k')!;
    expect(k.n).toBe(1000); // 10 ms / 0.01 ms per operation
    expect(k.median).toBeCloseTo(100_000, 6);
    expect(k.samples).toBe(3);
    expect(k.p50).toBeCloseTo(10_000, 6); // ns per operation
  });

  it('batched implementations: check() sees what every batch call returns, warm-up and runs alike', async () => {
    let t = 0;
    let calls = 0;
    const seen: unknown[] = [];
    const res = await measureInterleaved(
      [
        {
          name: 'k',
          batch: (n) => {
            t += n * 0.01;
            return ++calls;
          },
          check: (v) => {
            seen.push(v);
            return true;
          },
        },
      ],
      { warmupMs: 50, runMs: 10, runs: 3, now: () => t },
    );
    expect(res.get('k')!.runs).toHaveLength(3);
    expect(seen).toEqual(Array.from({ length: calls }, (_, i) => i + 1));
    // a batch whose result fails (the 4th call): the measurement throws, naming the implementation
    let u = 0;
    let left = 4;
    const bad = (n: number) => {
      u += n * 0.01;
      left--;
      return left > 0;
    };
    await expect(measureInterleaved([{ name: 'bad', batch: bad, check: (v) => v === true }], { warmupMs: 5, runMs: 5, runs: 3, now: () => u })).rejects.toThrow(
      /bad: returned false while timing/,
    );
  });

  it('throws when a result fails its check, or when an implementation is given twice', async () => {
    let t = 0;
    await expect(
      measureInterleaved(
        [
          {
            name: 'v',
            fn: () => {
              t += 1;
              return false;
            },
            check: (v) => v === true,
          },
        ],
        { warmupMs: 2, runMs: 2, runs: 1, now: () => t },
      ),
    ).rejects.toThrow(/v: returned false/);
    await expect(
      measureInterleaved(
        [
          { name: 'v', fn: () => 0 },
          { name: 'v', fn: () => 0 },
        ],
        { warmupMs: 1, runMs: 1, runs: 1 },
      ),
    ).rejects.toThrow(/given twice/);
  });

  it('awaits async implementations', async () => {
    let t = 0;
    const res = await measureInterleaved(
      [
        {
          name: 'p',
          async: true,
          fn: async () => {
            t += 2;
            return true;
          },
          check: (v) => v === true,
        },
      ],
      {
        warmupMs: 10,
        runMs: 10,
        runs: 1,
        now: () => t,
      },
    );
    expect(res.get('p')!.median).toBe(500);
  });
});

function cell(median: number, p50: number, p99: number, extra: Partial<Measurement> = {}): Measurement {
  return { median, runs: [median], n: 10, p50, p99, samples: 10, warmup: { ops: 5, ms: 1 }, ...extra };
}

describe('Markdown and JSON', () => {
  const rows: ResultRow[] = [
    {
      label: 'ML-DSA-65 verify',
      unit: 'ops/s',
      cells: { fast: cell(20_000, 50_000, 61_000, { ticks: 130_000, ticksP50: 129_000, ticksP99: 160_500 }), ref: cell(1_000, 1_000_000, 1_250_000) },
    },
    { label: 'NTT', unit: '/s', cells: { fast: cell(3_790_000, 264, 270) } },
  ];

  it('formats rates, ratios and latencies', () => {
    expect(fmtRate(1_068_420_000)).toBe('1.07 G');
    expect(fmtRate(3_790_000)).toBe('3.79 M');
    expect(fmtRate(12_345.6)).toBe('12,346');
    expect(fmtRate(42.42)).toBe('42.4');
    expect(fmtRate(4.2)).toBe('4.20');
    expect(fmtRate(NaN)).toBe('—');
    expect(fmtRatio(123.4)).toBe('123x');
    expect(fmtRatio(12.34, '×')).toBe('12.3×');
    expect(fmtRatio(1.234)).toBe('1.23x');
    expect(fmtMicros(1_250_000)).toBe('1,250');
    expect(fmtMicros(61_000)).toBe('61.0');
    expect(fmtMicros(264)).toBe('0.26');
  });

  it('a padded table: aligned columns, right-aligned numbers', () => {
    const t = markdownTable(
      ['Operation', 'a'],
      [
        ['x', '1'],
        ['longer', '1,000'],
      ],
    );
    expect(t.split('\n')).toEqual(['| Operation |     a |', '| --------- | ----: |', '| x         |     1 |', '| longer    | 1,000 |']);
    expect(markdownTable(['Op', 'a'], [['x', '1']], { pad: false })).toBe('| Op | a |\n| --- | ---: |\n| x | 1 |');
  });

  it('rate, latency and ticks tables', () => {
    const rate = rateTable(rows, ['fast', 'ref'], { title: 'Operation', baseline: () => 'ref', suffix: (r) => ` ${r.unit}` });
    expect(rate.split('\n')[2]).toBe('| ML-DSA-65 verify | 20,000 ops/s (20.0x) | 1,000 ops/s |');
    expect(rate.split('\n')[3]).toMatch(/^\| NTT +\| +3\.79 M \/s \| +— \|$/);
    const lat = latencyTable(rows, ['fast', 'ref'], { title: 'Latency (µs, p50 / p99)', pad: false });
    expect(lat.split('\n')).toEqual([
      '| Latency (µs, p50 / p99) | fast | ref |',
      '| --- | ---: | ---: |',
      '| ML-DSA-65 verify | 50.0 / 61.0 | 1,000 / 1,250 |',
      '| NTT | 0.26 / 0.27 | — |',
    ]);
    expect(latencyTable(rows.slice(0, 1), ['fast'], { title: 't', ticks: true, pad: false }).split('\n')[2]).toBe('| ML-DSA-65 verify | 129,000 / 160,500 |');
    const ticks = ticksTable(rows, ['fast', 'ref'], { title: 'ticks', pad: false });
    expect(ticks.split('\n')).toEqual(['| ticks | fast | ref |', '| --- | ---: | ---: |', '| ML-DSA-65 verify | 130,000 | — |']);
    expect(ticksTable(rows.slice(1), ['fast'], { title: 't' })).toBe('');
  });

  it('the JSON of a measurement', () => {
    const j = JSON.parse(JSON.stringify(measurementJson(rows[0]!.cells.fast!)));
    expect(j).toEqual({
      median: 20_000,
      runs: [20_000],
      n: 10,
      p50: 50_000,
      p99: 61_000,
      latencyUnit: 'ns',
      samples: 10,
      warmup: { ops: 5, ms: 1 },
      ticksPerOp: 130_000,
      ticksP50: 129_000,
      ticksP99: 160_500,
    });
    expect(Object.keys(measurementJson(rows[0]!.cells.ref!))).toEqual(['median', 'runs', 'n', 'p50', 'p99', 'latencyUnit', 'samples', 'warmup']);
  });
});

describe('the AEAD benchmark (bench/aead.ts)', () => {
  const noble = { chacha20poly1305, xchacha20poly1305, secretbox, chacha20 } as unknown as AeadLike;
  const sizes = [64, 1000];

  it('the reference must reproduce RFC 8439 §2.8.2; every cell gets a reference output', () => {
    const d = aeadData(noble, sizes);
    expect(d.reference['chacha20poly1305-seal'].get(1000)).toHaveLength(1016);
    expect(d.reference['secretbox-seal'].get(64)).toHaveLength(80);
    expect(d.reference['chacha20poly1305-open'].get(64)).toEqual(d.plain.get(64));
    // a "reference" that gets ChaCha20-Poly1305 wrong is refused before it can judge anything
    const broken: AeadLike = {
      ...noble,
      chacha20poly1305: (k, n, a) => {
        const c = noble.chacha20poly1305(k, n, a);
        return { encrypt: (m) => c.encrypt(m).map((x, i) => (i === 0 ? x ^ 1 : x)), decrypt: c.decrypt };
      },
    };
    expect(() => aeadData(broken, sizes)).toThrow(/RFC 8439/);
  });

  it('full checks: a wrong output, a wrong length or an opener that accepts a flipped tag is a failure', () => {
    const d = aeadData(noble, sizes);
    const counts: CheckCounts = new Map();
    const ok = aeadLikeCases(noble, d, 16);
    const label = 'x';
    for (const op of AEAD_OPS) aeadImpl('noble', ok(op, 64)!, d.reference[op].get(64)!, counts, label);
    expect(counts.get('noble')).toEqual({ full: 2 * AEAD_OPS.length, timed: 0, tamperRejected: 1 });
    const flip: AeadLike = { ...noble, chacha20: (k, n, data, out) => noble.chacha20(k, n, data, out).map((x, i) => (i === 63 ? x ^ 0x80 : x)) };
    expect(() => aeadImpl('flip', aeadLikeCases(flip, d)('chacha20', 64)!, d.reference.chacha20.get(64)!, counts, label)).toThrow(
      /CORRECTNESS CHECK FAILED: flip, x: byte 63 differs/,
    );
    const short: AeadLike = { ...noble, chacha20: (k, n, data) => noble.chacha20(k, n, data).subarray(0, -1) };
    expect(() => aeadImpl('short', aeadLikeCases(short, d)('chacha20', 1000)!, d.reference.chacha20.get(1000)!, counts, label)).toThrow(
      /999 bytes, expected 1000/,
    );
    const lax: AeadLike = {
      ...noble,
      chacha20poly1305: (k, n, a) => ({
        encrypt: (m, o) => noble.chacha20poly1305(k, n, a).encrypt(m, o),
        decrypt: (c, o) => {
          const out = o ?? new Uint8Array(c.length - 16);
          return noble.chacha20(k, n, c.subarray(0, c.length - 16), out, 1); // decrypts, never checks the tag
        },
      }),
    };
    expect(() => aeadImpl('lax', aeadLikeCases(lax, d)('chacha20poly1305-open', 64)!, d.reference['chacha20poly1305-open'].get(64)!, counts, label)).toThrow(
      /flipped tag bit was accepted/,
    );
  });

  it('timed checks: an implementation that stops writing its output buffer fails the next batch check', async () => {
    const d = aeadData(noble, [1000]);
    let calls = 0;
    // correct for its first 12 operations, then returns the output buffer untouched
    const lazy: AeadLike = {
      ...noble,
      chacha20: (k, n, data, out) => (++calls <= 12 ? noble.chacha20(k, n, data, out) : out!),
    };
    const counts: CheckCounts = new Map();
    const impl = aeadImpl('lazy', aeadLikeCases(lazy, d)('chacha20', 1000)!, d.reference.chacha20.get(1000)!, counts, 'ChaCha20');
    let t = 0; // a fake clock: 1 ms per operation
    const batch = impl.batch!;
    const timed = (n: number) => {
      t += n;
      return batch(n);
    };
    await expect(
      timeAeadPlan([{ op: 'chacha20', size: 1000, label: 'ChaCha20', impls: () => [{ ...impl, batch: timed }] }], {
        warmupMs: 100,
        runMs: 50,
        runs: 2,
        now: () => t,
      }),
    ).rejects.toThrow(/lazy: returned/);
    expect(counts.get('lazy')!.timed).toBeGreaterThan(0); // the batches while it still wrote passed
  });

  it('a plan times every implementation of every row; the table has MB/s and ratio columns', async () => {
    const d = aeadData(noble, sizes);
    const counts: CheckCounts = new Map();
    const half: AeadLike = { ...noble }; // a second column (same library under another name)
    const plan = aeadPlan(
      d,
      [
        ['a', aeadLikeCases(noble, d, 16)],
        ['b', aeadLikeCases(half, d, 16)],
      ],
      counts,
    );
    expect(plan.map((r) => r.label)).toContain('secretbox (XSalsa20-Poly1305) seal, 1000 B');
    expect(plan).toHaveLength(AEAD_OPS.length * sizes.length);
    const rows = await timeAeadPlan(plan, { warmupMs: 2, runMs: 2, runs: 2 });
    for (const r of rows) expect(Object.keys(r.cells)).toEqual(['a', 'b']);
    for (const name of ['a', 'b']) {
      const c = counts.get(name)!;
      expect(c.full).toBe(2 * AEAD_OPS.length * sizes.length);
      expect(c.tamperRejected).toBe(sizes.length);
      expect(c.timed).toBeGreaterThanOrEqual(AEAD_OPS.length * sizes.length * 2);
    }
    const t = aeadTable(rows, ['a', 'b'], [{ label: 'a / b', num: 'a', den: 'b' }], { pad: false }).split('\n');
    expect(t[0]).toBe('| MB/s | a | b | a / b |');
    expect(t).toHaveLength(2 + rows.length);
    expect(t[2]).toMatch(/^\| ChaCha20-Poly1305 seal, 64 B \| [\d.,]+ \| [\d.,]+ \| \d+(\.\d+)?x \|$/);
    expect(fmtSize(1 << 20)).toBe('1 MiB');
    expect(fmtSize(16384)).toBe('16 KiB');
  });
});
