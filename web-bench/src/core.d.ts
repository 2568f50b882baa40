// Types of the helper the page shares with scripts/bench-browser.mjs.
declare module '*/bench-browser/core.mjs' {
  export function importWebCryptoKey(
    subtle: SubtleCrypto | undefined,
    alg: string,
    pk: Uint8Array,
  ): Promise<{ key: CryptoKey | null; format: string | null; attempts: string[] }>;
}
