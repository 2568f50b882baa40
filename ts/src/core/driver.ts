/**
 * What a backend gives a kernel family: one generic call into the C core's binding
 * (native/common/binding/pq_binding.h). A family module checks and names every argument, then calls
 * entries by name; a driver only moves bytes (WASM: through linear memory; native: in place).
 */
import type { EntryName } from '../gen/binding.js';

/** Every driver copies each input of at most this many bytes before the entry runs (the WASM driver
 * copies every input), so such an input never aliases an output; a family module need not check
 * it for overlap (which would read its `buffer` and make V8 move a small array off its heap). */
export const COPIED_INPUT_BYTES = 64;

export interface Driver {
  /** Runs entry `entry` (not streamed): int arguments, input buffers, output buffers (written in
   * place). Returns the C result. The arrays must have the entry's declared lengths. */
  call(entry: EntryName, ints: readonly number[], ins: readonly Uint8Array[], outs: readonly Uint8Array[]): number;
  /** Runs a streamed entry: begin(ints, ins), the message in pieces, end(ints, ins, outs). */
  stream(entry: EntryName, ints: readonly number[], ins: readonly Uint8Array[], message: Uint8Array, outs: readonly Uint8Array[]): number;
  /** Runs a transform entry (kind 2: the stream ciphers and AEADs): begin(ints, ins), `message` in
   * pieces with each piece's output written to the same place in `messageOut` (same length as
   * `message`; it may be `message` itself for in-place work, but must not partly overlap it), then
   * end(ints, ins, outs). */
  transform(
    entry: EntryName,
    ints: readonly number[],
    ins: readonly Uint8Array[],
    message: Uint8Array,
    messageOut: Uint8Array,
    outs: readonly Uint8Array[],
  ): number;
  /** Says that `blob` is owned by the library and never changes (a prepared key), so a driver may
   * keep it resident between calls instead of copying it each time. */
  adopt(blob: Uint8Array): void;
  /** Bytes of WASM linear memory this driver's instance holds (0 for the native addon). */
  memoryBytes(): number;
}
