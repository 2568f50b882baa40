// esbuild's binary loader turns an imported .wasm file into its bytes (in the workerd and
// edge-light builds the import stays, and the platform makes it a compiled WebAssembly.Module).
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
