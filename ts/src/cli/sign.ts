/** pqsimd sign: an ML-DSA (or HashML-DSA) signature of a file. */
import { backend as currentBackend } from '../index.node.js';
import { defaultScheme, PREHASHES } from './algs.js';
import { BACKEND_HELP, parseAlg, parseFormat, parsePrehash, readyFor, required, UsageError, type Command, type Parsed } from './args.js';
import { note, parseHexArg, readBinaryFile, readInput, writeOutput } from './io.js';

const help = `Usage: pqsimd sign --alg ALG --sk FILE --in MSGFILE --out SIGFILE [options]

Sign a file (FIPS 204 ML-DSA.Sign, hedged by default).

  --alg ALG          ml-dsa-44, ml-dsa-65 or ml-dsa-87 (required)
  --sk FILE          secret key, raw or hex (required)
  --in MSGFILE       message to sign, read as raw bytes ('-' = stdin) (required)
  --out SIGFILE      where to write the signature ('-' = stdout) (required)
  --context HEX      context string, 0..255 bytes as hex (default empty)
  --deterministic    deterministic signing (rnd = 32 zero bytes)
  --prehash HASH     HashML-DSA with a pre-hash: ${PREHASHES.join(', ')}
  --format hex|raw   output encoding (default hex)
  --backend NAME     ${BACKEND_HELP}`;

async function run(p: Parsed): Promise<number> {
  const alg = parseAlg(required(p, 'alg'));
  const skPath = required(p, 'sk');
  const inPath = required(p, 'in');
  const outPath = required(p, 'out');
  const format = parseFormat(p);
  const context = p.values.has('context') ? parseHexArg('context', p.values.get('context')!) : undefined;
  if (context && context.length > 255) throw new UsageError(`--context must be at most 255 bytes, got ${context.length}`);
  const prehash = p.values.has('prehash') ? parsePrehash(p.values.get('prehash')!) : undefined;
  await readyFor(p);
  const m = defaultScheme(alg);
  const sk = readBinaryFile(skPath, 'secret key', m.lengths.secretKey, alg, true).bytes;
  const msg = readInput(inPath, 'message');
  const opts = { context, deterministic: p.flags.has('deterministic') };
  const sig = prehash ? m.prehash(prehash).sign(sk, msg, opts) : m.sign(sk, msg, opts);
  writeOutput(outPath, 'signature', sig, format);
  if (outPath !== '-') note(`${alg}${prehash ? ` / ${prehash}` : ''} signature (${sig.length} B, ${currentBackend()}) -> ${outPath}`);
  return 0;
}

export const sign: Command = {
  name: 'sign',
  options: {
    alg: 'string',
    sk: 'string',
    in: 'string',
    out: 'string',
    context: 'string',
    format: 'string',
    prehash: 'string',
    backend: 'string',
    deterministic: 'boolean',
  },
  help,
  run,
};
