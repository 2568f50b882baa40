/**
 * A strict DER reader and a small writer: just what key containers (SubjectPublicKeyInfo,
 * PKCS#8 OneAsymmetricKey) need. Strict means one encoding per value, as DER requires: a
 * single-byte tag (low tag numbers only), a definite length in its shortest form, values that
 * end exactly where their container ends and no bytes after the outer value. Every failure is
 * a RangeError naming the field, so a caller can tell which part of the key was wrong.
 */
import { byteLength, copyInto, viewOf } from './bytes.js';

export const Tag = {
  Integer: 0x02,
  BitString: 0x03,
  OctetString: 0x04,
  Oid: 0x06,
  Sequence: 0x30,
  /** [0] IMPLICIT, primitive / constructed; [1] IMPLICIT, primitive */
  Context0: 0x80,
  Context0Constructed: 0xa0,
  Context1: 0x81,
} as const;

/** One decoded element: its tag and a view of its value bytes (no copy). */
export interface Element {
  readonly tag: number;
  readonly value: Uint8Array;
}

/** Reads consecutive elements of one DER value (the whole input, or a constructed value's contents). */
export class DerReader {
  private pos = 0;
  private readonly end: number;

  constructor(
    private readonly buf: Uint8Array,
    private readonly field: string,
  ) {
    this.end = byteLength(buf);
  }

  get done(): boolean {
    return this.pos === this.end;
  }

  /** The tag of the next element, or -1 at the end. */
  peekTag(): number {
    return this.pos < this.end ? this.buf[this.pos]! : -1;
  }

  /** The next element, which must carry `tag`; `name` is the field an error names. */
  read(tag: number, name: string): Element {
    const at = `${this.field}.${name}`;
    if (this.pos >= this.end) throw new RangeError(`${at}: missing (the DER ends early)`);
    const t = this.buf[this.pos]!;
    if (t !== tag) throw new RangeError(`${at}: expected tag 0x${hex2(tag)}, got 0x${hex2(t)}`);
    let p = this.pos + 1;
    if (p >= this.end) throw new RangeError(`${at}: the length is missing`);
    const first = this.buf[p++]!;
    let len = first;
    if (first & 0x80) {
      const n = first & 0x7f;
      // 0x80 is BER's indefinite length; more than 3 length bytes cannot fit any key here
      if (n === 0) throw new RangeError(`${at}: indefinite length (BER, not DER)`);
      if (n > 3) throw new RangeError(`${at}: length of ${n} bytes is too long`);
      if (p + n > this.end) throw new RangeError(`${at}: the length runs past the end`);
      if (this.buf[p] === 0) throw new RangeError(`${at}: length not in its shortest form`);
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + this.buf[p++]!;
      if (len < 0x80) throw new RangeError(`${at}: length not in its shortest form`);
    }
    if (len > this.end - p) throw new RangeError(`${at}: length ${len} runs past the end (${this.end - p} bytes left)`);
    this.pos = p + len;
    return { tag: t, value: viewOf(this.buf, p, len) };
  }

  /** Requires that nothing follows the elements read so far. */
  finish(): void {
    if (this.pos !== this.end) throw new RangeError(`${this.field}: ${this.end - this.pos} unexpected bytes after the last field`);
  }
}

/** Reads a DER input that must hold exactly one element with `tag` and returns a reader of its contents. */
export function readOuter(der: Uint8Array, tag: number, field: string): DerReader {
  const outer = new DerReader(der, field);
  const { value } = outer.read(tag, 'outer');
  outer.finish();
  return new DerReader(value, field);
}

/** Equality of two public byte strings (OIDs, structure): not for secrets. */
export function equalPublic(a: Uint8Array, b: Uint8Array): boolean {
  const n = byteLength(a);
  if (n !== byteLength(b)) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Equality of two secret byte strings of the same public length in time independent of their contents. */
export function equalSecret(a: Uint8Array, b: Uint8Array): boolean {
  const n = byteLength(a);
  if (n !== byteLength(b)) return false;
  let d = 0;
  for (let i = 0; i < n; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/* ---- writing ------------------------------------------------------------------------------------ */

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  if (n < 0x10000) return [0x82, n >> 8, n & 0xff];
  return [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
}

/** A DER element: tag, length, then the parts' bytes in order (parts are copied). */
export function element(tag: number, ...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += byteLength(p);
  const head = [tag, ...lengthBytes(n)];
  const out = new Uint8Array(head.length + n);
  out.set(head, 0);
  let o = head.length;
  for (const p of parts) {
    copyInto(out, p, o);
    o += byteLength(p);
  }
  return out;
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}
