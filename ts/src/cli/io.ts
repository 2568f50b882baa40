/** Bytes, files and console output of the CLI. */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

import { InputError, UsageError } from './args.js';

const HEX_RE = /^[0-9a-fA-F]*$/;

/** Hex with any whitespace and an optional 0x prefix; null when it is not hex. */
export function tryHex(text: string): Uint8Array | null {
  let s = text.replace(/\s+/g, '');
  if (s.startsWith('0x') || s.startsWith('0X')) s = s.slice(2);
  if (s.length % 2 !== 0 || !HEX_RE.test(s)) return null;
  return new Uint8Array(Buffer.from(s, 'hex'));
}

export function parseHexArg(name: string, s: string): Uint8Array {
  const b = tryHex(s);
  if (!b) throw new UsageError(`--${name} must be hex (an even number of hex digits), got '${s.length > 40 ? `${s.slice(0, 40)}…` : s}'`);
  return b;
}

export function readInput(path: string, what: string): Uint8Array {
  try {
    const buf = path === '-' ? readFileSync(0) : readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw new InputError(`cannot read ${what} '${path}': ${(e as Error).message}`);
  }
}

/**
 * A key, seed or signature file, raw or hex (whitespace allowed). The length that fits
 * `expected` wins; otherwise `strict` fails, and non-strict returns the best guess.
 */
export function readBinaryFile(path: string, what: string, expected: number, alg: string, strict: boolean): { bytes: Uint8Array; ok: boolean; msg?: string } {
  const raw = readInput(path, what);
  const hex = tryHex(Buffer.from(raw).toString('latin1'));
  if (hex && hex.length === expected) return { bytes: hex, ok: true };
  if (raw.length === expected) return { bytes: raw, ok: true };
  const got = hex ? `${hex.length} bytes (hex)` : `${raw.length} bytes`;
  const msg = `${what} '${path}' has ${got}; ${alg} expects ${expected} bytes (raw, or ${2 * expected} hex digits)`;
  if (strict) throw new InputError(msg);
  return { bytes: hex ?? raw, ok: false, msg };
}

/** A variable-length (Falcon) signature file, raw or hex: hex when it decodes to a plausible length. */
export function readVariableSignature(path: string, longest: number): Uint8Array {
  const raw = readInput(path, 'signature');
  const hex = tryHex(Buffer.from(raw).toString('latin1'));
  return hex && hex.length >= 1 && hex.length <= longest ? hex : raw;
}

export interface WriteOptions {
  /** Mode 0600 (also when the file already existed). */
  secret?: boolean;
  /** Fail if the file exists (checked atomically when it is created). */
  exclusive?: boolean;
}

export function fileExists(path: string): boolean {
  return path !== '-' && existsSync(path);
}

/** Writes `bytes` ('-' = stdout) as hex (with a newline) or raw. */
export function writeOutput(path: string, what: string, bytes: Uint8Array, format: 'hex' | 'raw', o: WriteOptions = {}): void {
  const data = format === 'hex' ? Buffer.from(`${Buffer.from(bytes).toString('hex')}\n`, 'latin1') : Buffer.from(bytes);
  try {
    if (path === '-') process.stdout.write(data);
    else {
      writeFileSync(path, data, { ...(o.secret ? { mode: 0o600 } : {}), ...(o.exclusive ? { flag: 'wx' } : {}) });
      if (o.secret) chmodSync(path, 0o600); // also when the file already existed
    }
  } catch (e) {
    if (o.exclusive && (e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError(`${what} file '${path}' already exists; not overwriting it (pass --force to replace it)`);
    throw new InputError(`cannot write ${what} '${path}': ${(e as Error).message}`);
  }
}

export function sha256hex(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

export function fromB64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

export function fromHex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'hex'));
}

/** A line on stdout (results). */
export function log(s = ''): void {
  process.stdout.write(`${s}\n`);
}

/** A line on stderr (notes, progress, errors). */
export function note(s: string): void {
  process.stderr.write(`${s}\n`);
}
