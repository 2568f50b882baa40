// ML-DSA SPKI / PKCS#8 against other implementations: Node 24's node:crypto (OpenSSL 3.5) and its
// WebCrypto, run by the Node 24 binary that scripts/setup-node-versions.sh fetches, and Chromium's
// WebCrypto (Debian's /usr/bin/chromium through playwright-core). Keys go both ways: ours are
// imported there and re-exported byte-identically, theirs are read here; signatures made by one
// side verify on the other. PQSIMD_SKIP_RUNTIMES=1 skips the Node 24 part while developing.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MlDsa, mlDsa44, mlDsa65, mlDsa87, ready } from './lib.js';

const root = resolve(__dirname, '../..');
const NODE24 = resolve(root, 'build/node-versions/24/bin/node');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const skipNode = process.env.PQSIMD_SKIP_RUNTIMES === '1' || process.platform !== 'linux' || process.arch !== 'x64';
const SCHEMES: MlDsa[] = [mlDsa44, mlDsa65, mlDsa87];
const b64 = (v: Uint8Array): string => Buffer.from(v).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
const eq = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const MSG = new TextEncoder().encode('interop: ML-DSA keys as DER');

/** What we hand the other side, per parameter set (base64). */
interface Ours {
  alg: string;
  spki: string;
  seed: string;
  expanded: string;
  both: string;
  sig: string;
}
/** What the other side answers, per parameter set. */
interface Theirs {
  alg: string;
  /** our signature verified with our SPKI imported there */
  verifiesOurs: boolean;
  /** our PKCS#8 forms imported and exported again (node:crypto writes the seed form when it has one) */
  reexported: Record<string, string | null>;
  /** our SPKI re-exported */
  spkiOut: string;
  /** a signature made there with our seed-form key */
  sigWithOurKey: string;
  /** a key pair generated there */
  genSpki: string;
  genPkcs8: string;
  genSig: string;
}

function ours(): Ours[] {
  return SCHEMES.map((m, i) => {
    const seed = Uint8Array.from({ length: 32 }, (_, j) => (j * 11 + i) & 0xff);
    const kp = m.keygen(seed);
    return {
      alg: m.name,
      spki: b64(m.publicKeyToSpki(kp.publicKey)),
      seed: b64(m.secretKeyToPkcs8({ seed })),
      expanded: b64(m.secretKeyToPkcs8(kp.secretKey)),
      both: b64(m.secretKeyToPkcs8({ seed }, { form: 'both' })),
      sig: b64(m.sign(kp.secretKey, MSG)),
    };
  });
}

/** Checks the other side's answers against our keys. */
function check(o: Ours[], t: Theirs[], label: string, exportsExpanded: boolean, bothOptional = false): void {
  expect(t.map((x) => x.alg)).toEqual(o.map((x) => x.alg));
  for (let i = 0; i < SCHEMES.length; i++) {
    const m = SCHEMES[i]!;
    const [a, b] = [o[i]!, t[i]!];
    expect(b.verifiesOurs, `${label} ${m.name} verifies our signature`).toBe(true);
    expect(b.spkiOut, `${label} ${m.name} SPKI re-export`).toBe(a.spki);
    // seed and both re-export as the seed form (what both node:crypto and WebCrypto write)
    expect(b.reexported.seed, `${label} ${m.name}`).toBe(a.seed);
    if (b.reexported.both !== null || !bothOptional) expect(b.reexported.both, `${label} ${m.name}`).toBe(a.seed);
    if (exportsExpanded) expect(b.reexported.expanded, `${label} ${m.name}`).toBe(a.expanded);
    const pk = m.publicKeyFromSpki(unb64(a.spki));
    expect(m.verify(pk, MSG, unb64(b.sigWithOurKey)), `${label} ${m.name} their signature, our key`).toBe(true);
    // their key pair, read here: the public key in their PKCS#8 (from its seed) is their SPKI's
    const k = m.secretKeyFromPkcs8(unb64(b.genPkcs8));
    expect(eq(k.publicKey, m.publicKeyFromSpki(unb64(b.genSpki))), `${label} ${m.name} generated pair`).toBe(true);
    expect(m.verify(unb64(b.genSpki), MSG, unb64(b.genSig)), `${label} ${m.name} their signature`).toBe(true);
    const tampered = unb64(b.genSig);
    tampered[7]! ^= 1;
    expect(m.verify(unb64(b.genSpki), MSG, tampered)).toBe(false);
  }
}

/** Runs in Node 24 (node:crypto) — kept as source text so the same checks run there. */
const NODE_CRYPTO = `
const crypto = require('node:crypto');
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const msg = Buffer.from(input.msg, 'base64');
const der = (s) => Buffer.from(s, 'base64');
const out = input.keys.map((k) => {
  const pub = crypto.createPublicKey({ key: der(k.spki), format: 'der', type: 'spki' });
  const reexported = {};
  for (const f of ['seed', 'expanded', 'both']) {
    const priv = crypto.createPrivateKey({ key: der(k[f]), format: 'der', type: 'pkcs8' });
    reexported[f] = priv.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  }
  const mine = crypto.createPrivateKey({ key: der(k.seed), format: 'der', type: 'pkcs8' });
  const gen = crypto.generateKeyPairSync(k.alg.toLowerCase());
  return {
    alg: k.alg,
    verifiesOurs: crypto.verify(null, msg, pub, der(k.sig)),
    reexported,
    spkiOut: pub.export({ format: 'der', type: 'spki' }).toString('base64'),
    sigWithOurKey: crypto.sign(null, msg, mine).toString('base64'),
    genSpki: gen.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    genPkcs8: gen.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    genSig: crypto.sign(null, msg, gen.privateKey).toString('base64'),
  };
});
process.stdout.write(JSON.stringify(out));`;

/** WebCrypto, the same in Node 24 and in Chromium: (input) => Promise<Theirs[]>. Seed-form and
 * both-form PKCS#8 import (WebCrypto refuses expanded-only keys: it needs the seed). */
async function webCrypto(input: { msg: string; keys: Ours[] }): Promise<Theirs[]> {
  const subtle = globalThis.crypto.subtle;
  const der = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const enc = (b: ArrayBuffer): string => btoa(String.fromCharCode(...new Uint8Array(b)));
  const msg = der(input.msg);
  const out: Theirs[] = [];
  for (const k of input.keys) {
    const alg = { name: k.alg };
    const pub = await subtle.importKey('spki', der(k.spki), alg, true, ['verify']);
    const reexported: Record<string, string | null> = { expanded: null };
    for (const f of ['seed', 'both'] as const) {
      // null when refused (Chromium imports the seed form only)
      reexported[f] = await subtle
        .importKey('pkcs8', der(k[f]), alg, true, ['sign'])
        .then(async (key) => enc(await subtle.exportKey('pkcs8', key)))
        .catch(() => null);
    }
    let expandedRefused = false;
    await subtle.importKey('pkcs8', der(k.expanded), alg, true, ['sign']).catch(() => {
      expandedRefused = true;
    });
    const mine = await subtle.importKey('pkcs8', der(k.seed), alg, false, ['sign']);
    const gen = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
    out.push({
      alg: k.alg,
      verifiesOurs: (await subtle.verify(alg, pub, der(k.sig), msg)) && expandedRefused,
      reexported,
      spkiOut: enc(await subtle.exportKey('spki', pub)),
      sigWithOurKey: enc(await subtle.sign(alg, mine, msg)),
      genSpki: enc(await subtle.exportKey('spki', gen.publicKey)),
      genPkcs8: enc(await subtle.exportKey('pkcs8', gen.privateKey)),
      genSig: enc(await subtle.sign(alg, gen.privateKey, msg)),
    });
  }
  return out;
}

beforeAll(async () => {
  await ready();
});

describe.skipIf(skipNode)('Node 24', () => {
  const runNode = async (args: string[], input: string): Promise<string> => {
    if (!existsSync(NODE24)) throw new Error(`${NODE24} is missing: run bash scripts/setup-node-versions.sh (npm test's setup step does)`);
    const child = execFile(NODE24, ['--no-warnings', ...args], { maxBuffer: 16 << 20 });
    const done = new Promise<string>((res, rej) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? res(out) : rej(new Error(`Node 24 exited ${code}: ${err}`))));
    });
    child.stdin!.end(input);
    return done;
  };

  it('node:crypto: createPublicKey / createPrivateKey (DER, every form), export, sign and verify both ways', async () => {
    const o = ours();
    const t = JSON.parse(await runNode(['-e', NODE_CRYPTO], JSON.stringify({ msg: b64(MSG), keys: o }))) as Theirs[];
    check(o, t, 'node:crypto', true);
  });

  it('WebCrypto: importKey / exportKey spki and pkcs8, sign and verify both ways', async () => {
    const o = ours();
    const script = `const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      (${webCrypto.toString()})(input).then((r) => process.stdout.write(JSON.stringify(r)));`;
    const t = JSON.parse(await runNode(['-e', script], JSON.stringify({ msg: b64(MSG), keys: o }))) as Theirs[];
    check(o, t, 'Node 24 WebCrypto', false);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('Chromium WebCrypto', () => {
  it('importKey / exportKey spki and pkcs8, sign and verify both ways', async () => {
    const { chromium } = (await import('playwright-core')) as unknown as {
      chromium: { launch(o: object): Promise<{ newPage(): Promise<ChromiumPage>; close(): Promise<void>; version(): string }> };
    };
    interface ChromiumPage {
      route(url: string, f: (r: { fulfill(o: object): Promise<void> }) => Promise<void>): Promise<void>;
      goto(url: string): Promise<unknown>;
      evaluate<T>(expression: string): Promise<T>;
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      // WebCrypto needs a secure context: http://localhost is one (served by the route, no server)
      await page.route('http://localhost/**', (r) => r.fulfill({ body: '<!doctype html><title>ml-dsa keys</title>', contentType: 'text/html' }));
      await page.goto('http://localhost/');
      const o = ours();
      // the same function as Node 24's WebCrypto run, sent as source (an expression the page awaits)
      const t = await page.evaluate<Theirs[]>(`(${webCrypto.toString()})(${JSON.stringify({ msg: b64(MSG), keys: o })})`);
      console.log(`Chromium ${browser.version()}: PKCS#8 'both' form ${t.every((x) => x.reexported.both === null) ? 'refused' : 'imported'}`);
      check(o, t, `Chromium ${browser.version()}`, false, true);
    } finally {
      await browser.close();
    }
  });
});
