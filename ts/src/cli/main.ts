/**
 * The `pqsimd` command: keygen / sign / verify files (ML-DSA; Falcon verify only), a correctness
 * self-test of every available backend, and a benchmark against @noble/post-quantum (pure JS).
 * One file per command (keygen.ts, sign.ts, verify.ts, selftest.ts, bench.ts); this one
 * dispatches. It uses only the package's public API (../index.node.ts).
 *
 * Bundled to dist/cli.mjs (the package's bin). @noble/post-quantum stays external and is imported
 * lazily, so the command works without it (the noble cross-checks and columns are then skipped).
 */
import { readFileSync } from 'node:fs';

import { InputError, parseArgs, UsageError, type Command } from './args.js';
import { bench } from './bench.js';
import { note, log } from './io.js';
import { keygen } from './keygen.js';
import { selftest } from './selftest.js';
import { sign } from './sign.js';
import { verify } from './verify.js';

const COMMANDS: Readonly<Record<string, Command>> = { keygen, sign, verify, selftest, bench };

const HELP_MAIN = `pqsimd — ML-DSA (FIPS 204) signatures and Falcon verification, WebAssembly SIMD / scalar backends

Usage:
  pqsimd keygen   --alg ALG [--seed HEX | --seed-file F] --pk FILE --sk FILE [--format hex|raw] [--force]
  pqsimd sign     --alg ALG --sk FILE --in MSGFILE --out SIGFILE [--context HEX] [--deterministic]
  pqsimd verify   --alg ALG --pk FILE --in MSGFILE --sig SIGFILE [--context HEX]
  pqsimd selftest [--backend NAME]
  pqsimd bench    [--family mldsa,falcon,aead] [--alg ALG] [--backend NAME] [--runs N] [--seconds S] [--out FILE.md] [--json FILE.json]

ALG is ml-dsa-44, ml-dsa-65 or ml-dsa-87; verify (and bench) also take falcon-512, falcon-1024 and
falcon-det1024 (Falcon is verification-only). keygen does not overwrite an existing secret-key
file unless --force is given. Run 'pqsimd COMMAND --help' for details.
Options: --help, --version.`;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const topic = cmd === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    log(topic ? topic.help : HELP_MAIN);
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    log(packageVersion());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
  if (!command) {
    note(`pqsimd: unknown command '${cmd}'\n\n${HELP_MAIN}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    log(command.help);
    return 0;
  }
  try {
    return await command.run(parseArgs(cmd, rest, command.options), rest);
  } catch (e) {
    if (e instanceof UsageError) {
      note(`pqsimd ${cmd}: ${e.message}\nRun 'pqsimd ${cmd} --help' for usage.`);
      return 2;
    }
    if (e instanceof InputError || e instanceof RangeError || e instanceof TypeError) {
      note(`pqsimd ${cmd}: error: ${e.message}`);
      return 2;
    }
    note(`pqsimd ${cmd}: unexpected error: ${(e as Error)?.stack ?? String(e)}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    note(`pqsimd: ${(e as Error)?.stack ?? String(e)}`);
    process.exitCode = 2;
  },
);
