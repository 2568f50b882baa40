/** pqsimd keygen: an ML-DSA key pair into two files. */
import { backend as currentBackend } from '../index.node.js';
import { defaultScheme } from './algs.js';
import { BACKEND_HELP, InputError, parseAlg, parseFormat, readyFor, required, UsageError, type Command, type Parsed } from './args.js';
import { fileExists, note, parseHexArg, readBinaryFile, writeOutput } from './io.js';

const help = `Usage: pqsimd keygen --alg ALG [--seed HEX | --seed-file F] --pk FILE --sk FILE [options]

Generate an ML-DSA key pair (FIPS 204 ML-DSA.KeyGen).

  --alg ALG          ml-dsa-44, ml-dsa-65 or ml-dsa-87 (required)
  --seed HEX         the 32-byte seed xi as 64 hex digits (default: random)
  --seed-file F      read the seed from a file (32 raw bytes or 64 hex digits)
  --pk FILE          where to write the public key ('-' = stdout) (required)
  --sk FILE          where to write the secret key, mode 0600 (required); an existing
                     file is not overwritten unless --force is given
  --force            replace an existing secret-key file
  --format hex|raw   output encoding (default hex)
  --backend NAME     ${BACKEND_HELP}`;

async function run(p: Parsed): Promise<number> {
  const alg = parseAlg(required(p, 'alg'));
  const pkPath = required(p, 'pk');
  const skPath = required(p, 'sk');
  const format = parseFormat(p);
  const force = p.flags.has('force');
  if (p.values.has('seed') && p.values.has('seed-file')) throw new UsageError('give either --seed or --seed-file, not both');
  // Before anything is written: a secret key is never replaced by accident.
  if (!force && fileExists(skPath)) throw new InputError(`secret key file '${skPath}' already exists; not overwriting it (pass --force to replace it)`);
  let seed: Uint8Array | undefined;
  if (p.values.has('seed')) {
    seed = parseHexArg('seed', p.values.get('seed')!);
    if (seed.length !== 32) throw new UsageError(`--seed must be 32 bytes (64 hex digits), got ${seed.length} bytes`);
  } else if (p.values.has('seed-file')) {
    seed = readBinaryFile(p.values.get('seed-file')!, 'seed file', 32, alg, true).bytes;
  }
  await readyFor(p);
  const m = defaultScheme(alg);
  const { publicKey, secretKey } = m.keygen(seed);
  writeOutput(pkPath, 'public key', publicKey, format);
  // exclusive: also refused if the file appeared since the check above.
  writeOutput(skPath, 'secret key', secretKey, format, { secret: true, exclusive: !force });
  note(`${alg} key pair (${currentBackend()}): public key ${publicKey.length} B -> ${pkPath}, secret key ${secretKey.length} B -> ${skPath}`);
  return 0;
}

export const keygen: Command = {
  name: 'keygen',
  options: { alg: 'string', seed: 'string', 'seed-file': 'string', pk: 'string', sk: 'string', format: 'string', backend: 'string', force: 'boolean' },
  help,
  run,
};
