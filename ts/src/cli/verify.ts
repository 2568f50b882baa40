/** pqsimd verify: an ML-DSA / HashML-DSA or Falcon signature of a file. */
import { defaultFalcon, defaultScheme, isFalcon, type FalconAlg } from './algs.js';
import { ALG_NAMES_HELP, BACKEND_HELP, parseAnyAlg, parsePrehash, readyFor, required, UsageError, type Command, type Parsed } from './args.js';
import { log, note, parseHexArg, readBinaryFile, readInput, readVariableSignature } from './io.js';

const help = `Usage: pqsimd verify --alg ALG --pk FILE --in MSGFILE --sig SIGFILE [options]

Verify a signature. Prints 'valid' (exit 0) or 'invalid' (exit 1); errors exit 2.

  --alg ALG          ${ALG_NAMES_HELP} (required)
  --pk FILE          public key, raw or hex (required)
  --in MSGFILE       signed message, raw bytes ('-' = stdin) (required)
  --sig SIGFILE      signature, raw or hex (required). Falcon: a detached round-3 signature
                     (compressed, padded or CT), or for falcon-det1024 compressed or CT
  --context HEX      context string as hex (default empty; ML-DSA only)
  --prehash HASH     verify a HashML-DSA signature with this pre-hash (ML-DSA only)
  --backend NAME     ${BACKEND_HELP}`;

async function runFalcon(p: Parsed, alg: FalconAlg): Promise<number> {
  const pkPath = required(p, 'pk');
  const inPath = required(p, 'in');
  const sigPath = required(p, 'sig');
  if (p.values.has('context')) throw new UsageError(`${alg} has no context string`);
  if (p.values.has('prehash')) throw new UsageError(`${alg} has no pre-hash variant`);
  await readyFor(p);
  const f = defaultFalcon(alg);
  const longest = Math.max(f.lengths.signature, f.lengths.signatureMax, f.lengths.signatureCt);
  const pk = readBinaryFile(pkPath, 'public key', f.lengths.publicKey, alg, false);
  const sig = readVariableSignature(sigPath, longest);
  const msg = readInput(inPath, 'message');
  if (!pk.ok && pk.msg) note(`note: ${pk.msg}`);
  if (sig.length > longest) note(`note: signature '${sigPath}' has ${sig.length} bytes; ${alg} signatures have at most ${longest}`);
  const ok = f.verify(pk.bytes, msg, sig);
  log(ok ? 'valid' : 'invalid');
  return ok ? 0 : 1;
}

async function run(p: Parsed): Promise<number> {
  const any = parseAnyAlg(required(p, 'alg'));
  if (isFalcon(any)) return runFalcon(p, any);
  const alg = any;
  const pkPath = required(p, 'pk');
  const inPath = required(p, 'in');
  const sigPath = required(p, 'sig');
  const context = p.values.has('context') ? parseHexArg('context', p.values.get('context')!) : undefined;
  const prehash = p.values.has('prehash') ? parsePrehash(p.values.get('prehash')!) : undefined;
  await readyFor(p);
  const m = defaultScheme(alg);
  const pk = readBinaryFile(pkPath, 'public key', m.lengths.publicKey, alg, false);
  const sig = readBinaryFile(sigPath, 'signature', m.lengths.signature, alg, false);
  const msg = readInput(inPath, 'message');
  for (const f of [pk, sig]) if (!f.ok && f.msg) note(`note: ${f.msg}`);
  if (context && context.length > 255) note(`note: --context is ${context.length} bytes; at most 255 are allowed`);
  const ok = prehash ? m.prehash(prehash).verify(pk.bytes, msg, sig.bytes, { context }) : m.verify(pk.bytes, msg, sig.bytes, { context });
  log(ok ? 'valid' : 'invalid');
  return ok ? 0 : 1;
}

export const verify: Command = {
  name: 'verify',
  options: { alg: 'string', pk: 'string', in: 'string', sig: 'string', context: 'string', prehash: 'string', backend: 'string' },
  help,
  run,
};
