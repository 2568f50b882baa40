/**
 * Formatting of measurements: rates, ratios and latencies as text, Markdown tables, and the JSON
 * form of a measurement.
 */
import type { Measurement } from './measure.js';

/** Operations per second: 1.23 G, 1.23 M, 12,345, 123.4 or 1.23 ('—' when not finite). */
export function fmtRate(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** A ratio: 123x, 12.3x, 1.23x (`mark` replaces the x, e.g. '×'). */
export function fmtRatio(x: number, mark = 'x'): string {
  if (!Number.isFinite(x)) return '—';
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}${mark}`;
}

/** A duration given in nanoseconds, shown in microseconds: 1,234, 123.4 or 1.23. */
export function fmtMicros(ns: number): string {
  if (!Number.isFinite(ns)) return '—';
  const us = ns / 1000;
  if (us >= 1000) return Math.round(us).toLocaleString('en-US');
  return us >= 10 ? us.toFixed(1) : us.toFixed(2);
}

/** A tick count: 12,345 or 12.3. */
export function fmtTicks(t: number): string {
  if (!Number.isFinite(t)) return '—';
  return t >= 100 ? Math.round(t).toLocaleString('en-US') : t.toFixed(1);
}

export interface TableOptions {
  /**
   * true (default): every column padded to its widest cell, the first left-aligned and the others
   * right-aligned, `| --- | ---: |` separators as wide as the column. false: single spaces.
   */
  pad?: boolean;
}

/** A Markdown table; the first column is left-aligned, the others right-aligned. */
export function markdownTable(header: readonly string[], body: readonly (readonly string[])[], o: TableOptions = {}): string {
  if (o.pad === false) {
    const line = (c: readonly string[]) => `| ${c.join(' | ')} |`;
    return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n');
  }
  const widths = header.map((h, c) => Math.max(h.length, 3, ...body.map((b) => (b[c] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${widths.map((w, c) => (c === 0 ? (cells[c] ?? '').padEnd(w) : (cells[c] ?? '').padStart(w))).join(' | ')} |`;
  const sep = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), sep, ...body.map(line)].join('\n');
}

/** A table row: one operation, one measurement per implementation. */
export interface ResultRow {
  label: string;
  /** The rate's unit, e.g. 'ops/s' or 'transforms/s'. */
  unit?: string;
  cells: Readonly<Partial<Record<string, Measurement>>>;
}

export interface ResultTableOptions extends TableOptions {
  /** Heading of the first column. */
  title: string;
  /** Column heading of an implementation (default: its name). */
  implLabel?: (impl: string) => string;
  /** First cell of a row (default: the row's label). */
  rowLabel?: (row: ResultRow) => string;
}

/** One row per operation, one column per implementation; cell(m) of each measurement, '—' where there is none. */
export function resultTable(
  rows: readonly ResultRow[],
  impls: readonly string[],
  cell: (m: Measurement, row: ResultRow, impl: string) => string,
  o: ResultTableOptions,
): string {
  const header = [o.title, ...impls.map((i) => o.implLabel?.(i) ?? i)];
  const body = rows.map((r) => [
    o.rowLabel?.(r) ?? r.label,
    ...impls.map((i) => {
      const m = r.cells[i];
      return m ? cell(m, r, i) : '—';
    }),
  ]);
  return markdownTable(header, body, o);
}

export interface RateTableOptions extends ResultTableOptions {
  /** The implementation a row's ratios are against (null: none). */
  baseline?: (row: ResultRow) => string | null | undefined;
  /** Text after the rate in each cell (default none), e.g. (row) => ` ${row.unit}`. */
  suffix?: (row: ResultRow) => string;
  /** Ratio mark (default 'x'). */
  mark?: string;
}

/** Median rates, with the ratio to the row's baseline in parentheses (not on the baseline itself). */
export function rateTable(rows: readonly ResultRow[], impls: readonly string[], o: RateTableOptions): string {
  return resultTable(
    rows,
    impls,
    (m, r, i) => {
      const base = o.baseline?.(r);
      const b = base ? r.cells[base]?.median : undefined;
      const ratio = base && i !== base && b ? ` (${fmtRatio(m.median / b, o.mark)})` : '';
      return `${fmtRate(m.median)}${o.suffix?.(r) ?? ''}${ratio}`;
    },
    o,
  );
}

/**
 * Per-operation latency, "p50 / p99" in each cell: microseconds, or with `ticks` the tick
 * counter's own unit (cells without tick figures are '—').
 */
export function latencyTable(rows: readonly ResultRow[], impls: readonly string[], o: ResultTableOptions & { ticks?: boolean }): string {
  return resultTable(
    rows,
    impls,
    (m) => {
      if (o.ticks) return m.ticksP50 === undefined ? '—' : `${fmtTicks(m.ticksP50)} / ${fmtTicks(m.ticksP99!)}`;
      return `${fmtMicros(m.p50)} / ${fmtMicros(m.p99)}`;
    },
    o,
  );
}

/** Median ticks per operation over the runs (rows without any tick figure are left out; '' when none has one). */
export function ticksTable(rows: readonly ResultRow[], impls: readonly string[], o: ResultTableOptions): string {
  const withTicks = rows.filter((r) => Object.values(r.cells).some((m) => m?.ticks !== undefined));
  if (!withTicks.length) return '';
  return resultTable(withTicks, impls, (m) => (m.ticks === undefined ? '—' : fmtTicks(m.ticks)), o);
}

/** The JSON fields of a measurement (ticks fields only when there are tick figures). */
export function measurementJson(m: Measurement): Record<string, unknown> {
  return {
    median: m.median,
    runs: m.runs,
    n: m.n,
    p50: m.p50,
    p99: m.p99,
    latencyUnit: 'ns',
    samples: m.samples,
    warmup: m.warmup,
    ...(m.ticks !== undefined ? { ticksPerOp: m.ticks, ticksRuns: m.ticksRuns, ticksP50: m.ticksP50, ticksP99: m.ticksP99 } : {}),
  };
}
