/**
 * Command-line parsing: node:util parseArgs (strict: unknown options, missing values and stray
 * arguments are errors), its errors turned into short messages, and the parsers of option values
 * the commands share.
 */
import { parseArgs as nodeParseArgs } from 'node:util';

import { availableBackends, BACKEND_NAMES, ready, type BackendName, type PrehashName } from '../index.node.js';
import { ALGS, BENCH_DEFAULT_ALGS, isFalcon, PREHASHES, type AlgName, type AnyAlg } from './algs.js';

/** Bad command line: exit 2 with a pointer to --help. */
export class UsageError extends Error {}
/** Bad input or environment (unreadable file, wrong key length …): exit 2. */
export class InputError extends Error {}

/** A command's options: name → 'string' (takes a value) or 'boolean' (a flag). */
export type OptionSpec = Readonly<Record<string, 'string' | 'boolean'>>;

export type Parsed = { values: Map<string, string>; flags: Set<string> };

export interface Command {
  readonly name: string;
  readonly options: OptionSpec;
  readonly help: string;
  run(p: Parsed, argv: readonly string[]): Promise<number>;
}

interface ParseArgsError extends Error {
  code?: string;
}

/** The option named in one of parseArgs' messages ("Unknown option '--x'", "Option '--x <value>' argument missing" …). */
function optionIn(message: string): string | undefined {
  return /'(-{1,2}[^'\s]*)/.exec(message)?.[1];
}

function usageErrorOf(cmd: string, e: ParseArgsError): UsageError {
  const opt = optionIn(e.message);
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option '${opt ?? '?'}' for '${cmd}'`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(e.message)) return new UsageError(`option ${opt} takes no value`);
      if (/ambiguous/.test(e.message)) return new UsageError(`option ${opt} needs a value (for a value that starts with '-', write ${opt}=VALUE)`);
      return new UsageError(`option ${opt} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument '${/'([^']*)'/.exec(e.message)?.[1] ?? '?'}'`);
    default:
      return new UsageError(e.message);
  }
}

/** Parses a command's arguments (everything after the command name); long options only, each at most once. */
export function parseArgs(cmd: string, argv: readonly string[], spec: OptionSpec): Parsed {
  // '--' would end the options (all that follows: positional arguments, which no command takes).
  if (argv.includes('--')) throw new UsageError(`unexpected argument '--'`);
  let tokens: ReturnType<typeof nodeParseArgs>['tokens'];
  try {
    ({ tokens } = nodeParseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(spec).map(([k, type]) => [k, { type }])),
      strict: true,
      allowPositionals: false,
      tokens: true,
    }));
  } catch (e) {
    throw usageErrorOf(cmd, e as ParseArgsError);
  }
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (const t of tokens ?? []) {
    if (t.kind === 'option-terminator' || t.kind === 'positional') throw new UsageError(`unexpected argument '${t.kind === 'positional' ? t.value : '--'}'`);
    if (spec[t.name] === 'boolean') flags.add(t.name);
    else {
      if (values.has(t.name)) throw new UsageError(`option --${t.name} given twice`);
      values.set(t.name, t.value ?? '');
    }
  }
  return { values, flags };
}

export function required(p: Parsed, name: string): string {
  const v = p.values.get(name);
  if (v === undefined) throw new UsageError(`missing required option --${name}`);
  return v;
}

/** "a, b or c" */
export function orList(xs: readonly string[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

export const ALG_NAMES_HELP = 'ml-dsa-44, ml-dsa-65, ml-dsa-87, falcon-512, falcon-1024 or falcon-det1024';
export const BACKEND_HELP = `${orList(BACKEND_NAMES)} (default: fastest available)`;

/** Any algorithm name: ML-DSA-44/65/87 (also 44, mldsa44, dilithium44 …), Falcon-512/1024/Det1024. */
export function parseAnyAlg(s: string): AnyAlg {
  const k = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const a of ALGS) {
    const n = a.slice(-2);
    if (k === n || k === `mldsa${n}` || k === `dilithium${n}`) return a;
  }
  if (k === 'falcon512') return 'Falcon-512';
  if (k === 'falcon1024') return 'Falcon-1024';
  if (k === 'falcondet1024' || k === 'det1024') return 'Falcon-Det1024';
  throw new UsageError(`unknown --alg '${s}' (expected ${ALG_NAMES_HELP})`);
}

/** An ML-DSA parameter set (keygen / sign). */
export function parseAlg(s: string): AlgName {
  const a = parseAnyAlg(s);
  if (isFalcon(a)) throw new UsageError(`${a} is verification-only in pqsimd (keygen and sign support ml-dsa-44, ml-dsa-65, ml-dsa-87)`);
  return a;
}

export function parseAlgList(s: string | undefined): AnyAlg[] {
  if (s === undefined) return [...BENCH_DEFAULT_ALGS];
  return [...new Set(s.split(',').map((x) => parseAnyAlg(x.trim())))];
}

export function parseBackendName(s: string): BackendName {
  const b = BACKEND_NAMES.find((x) => x === s.toLowerCase());
  if (!b) throw new UsageError(`unknown --backend '${s}' (expected one of: ${BACKEND_NAMES.join(', ')})`);
  return b;
}

export function parsePrehash(s: string): PrehashName {
  const norm = (x: string) => x.toUpperCase().replace(/[^A-Z0-9/]/g, '');
  const h = PREHASHES.find((x) => norm(x) === norm(s));
  if (!h) throw new UsageError(`unknown --prehash '${s}' (expected one of: ${PREHASHES.join(', ')})`);
  return h;
}

export function parseFormat(p: Parsed): 'hex' | 'raw' {
  const f = p.values.get('format') ?? 'hex';
  if (f !== 'hex' && f !== 'raw') throw new UsageError(`--format must be 'hex' or 'raw', got '${f}'`);
  return f;
}

export function parsePositiveNumber(p: Parsed, name: string, dflt: number, integer: boolean): number {
  const s = p.values.get(name);
  if (s === undefined) return dflt;
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got '${s}'`);
  }
  return n;
}

/** ready() on --backend, or on the fastest backend. */
export async function readyFor(p: Parsed): Promise<void> {
  const b = p.values.get('backend');
  await ready(b === undefined ? undefined : { backend: parseBackendName(b) });
}

/** The backends of --backend NAME[,NAME…] (default: all available), each checked to be available. */
export function resolveBackends(p: Parsed): BackendName[] {
  const avail = availableBackends();
  const s = p.values.get('backend');
  if (s === undefined) return avail;
  const want = [...new Set(s.split(',').map((x) => parseBackendName(x.trim())))];
  for (const w of want) {
    if (!avail.includes(w)) throw new InputError(`backend '${w}' is not available in this runtime (available: ${avail.join(', ') || 'none'})`);
  }
  return want;
}
