// Tests exercise the built package (what users get), not the sources.
export * from '../../dist/index.node.mjs';
