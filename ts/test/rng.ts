// Seeded test randomness shared by the suites: every random input is SHAKE256 of
// (seed, label, counter), so a failing run replays with PQSIMD_TEST_SEED=<seed>.
import { createHash, randomBytes } from 'node:crypto';

export const SEED = process.env.PQSIMD_TEST_SEED ?? randomBytes(8).toString('hex');

export function stream(label: string) {
  let ctr = 0;
  const bytes = (n: number): Uint8Array =>
    n === 0 ? new Uint8Array(0) : new Uint8Array(createHash('shake256', { outputLength: n }).update(`${SEED}/${label}/${ctr++}`).digest());
  const int = (max: number): number => {
    const b = bytes(4);
    return (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) % max;
  };
  return { bytes, int };
}
export type Stream = ReturnType<typeof stream>;
