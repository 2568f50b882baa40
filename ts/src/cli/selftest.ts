/**
 * pqsimd selftest: every available backend against embedded known answers, tamper rejection,
 * the 12 HashML-DSA pre-hashes, byte-identical results across backends and, when it can be
 * imported, @noble/post-quantum; then the AEAD and BN254 families (selftest-families.ts).
 */
import { createHash } from 'node:crypto';

import { loadBackend, type FalconVerifier, type PrehashName } from '../index.node.js';
import { ALGS, FALCON_ALGS, falconOf, kernelsOf, PREHASH_INFO, PREHASHES, schemeOf, type AlgName, type Backend, type FalconAlg } from './algs.js';
import { resolveBackends, type Command, type Parsed } from './args.js';
import { equalBytes, fromB64, fromHex, log, note, sha256hex } from './io.js';
import { loadNoble, nobleFalconVerify, type NobleFalcon } from './noble.js';
import { FALCON_KAT, KAT, SELFTEST_CTX, SELFTEST_MSG, SELFTEST_SEED } from './selftest-data.js';
import { aeadSelftest, bn254Selftest, loadNobleBn254 } from './selftest-families.js';
import { loadNobleCiphers } from './aead-libs.js';

const help = `Usage: pqsimd selftest [--backend NAME[,NAME]]

Check every available backend before trusting or benchmarking it: for each parameter set,
keygen from a fixed seed and a deterministic signature against known answers, verify, reject
tampered signatures / messages / contexts, HashML-DSA with all 12 pre-hashes, byte-identical
results across backends, and — when @noble/post-quantum can be imported — the same keys and
signatures as noble, which must also accept ours. Falcon-512, Falcon-1024 and deterministic
Falcon-1024: an embedded known-answer signature (round-3 / Algorand KATs) must verify (round 3
also zero-filled to the padded size), and tampered copies must not; verdicts equal across backends (and
noble's for round 3). pqsimd/aead: RFC 8439 and XChaCha known answers, tampered ciphertexts, tags
and associated data refused, a secretstream round trip, and every AEAD at block-edge lengths equal
across backends and to @noble/ciphers. pqsimd/bn254: known points, pairing checks, the EVM errors, a
snarkjs Groth16 proof (plain, prepared, batched; wrong signals refused), the field kernels against
BigInt, and ecMul equal across backends and to @noble/curves. Exit 0 when all pass, 1 on any mismatch.`;

/** M' of HashML-DSA (FIPS 204 Algorithm 4), built independently of the library. */
function prehashMessage(hash: PrehashName, msg: Uint8Array, ctx: Uint8Array): Uint8Array {
  const info = PREHASH_INFO[hash];
  const h = info.node.startsWith('shake') ? createHash(info.node, { outputLength: info.len }) : createHash(info.node);
  const digest = h.update(msg).digest();
  const oid = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, info.oid];
  return Uint8Array.from([1, ctx.length, ...ctx, ...oid, ...digest]);
}

function flipBit(b: Uint8Array, bit: number): Uint8Array {
  const out = b.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

/**
 * Falcon selftest on one backend: the embedded known-answer signature verifies (also zero-filled
 * to the padded size, round 3 only), tampered copies do not, and noble (when given) agrees.
 * Returns the verdicts as a string of 0/1, to compare across backends.
 */
function falconSelftest(b: Backend, alg: FalconAlg, tag: string, check: (c: boolean, what: string) => boolean, noble: NobleFalcon | undefined): string {
  const f = falconOf(b, alg);
  const kat = FALCON_KAT[alg];
  const pk = fromB64(kat.pk);
  const msg = fromHex(kat.msg);
  const sig = fromB64(kat.sig);
  const det = alg === 'Falcon-Det1024';
  check(f.name === alg, `${tag}: verifier name is '${f.name}'`);
  check(pk.length === f.lengths.publicKey, `${tag}: known-answer public key is ${pk.length} B, lengths.publicKey ${f.lengths.publicKey}`);
  check(sig.length <= f.lengths.signatureMax, `${tag}: known-answer signature longer than lengths.signatureMax`);

  const cases: { label: string; pk: Uint8Array; msg: Uint8Array; sig: Uint8Array; want: boolean; noble: boolean; via?: FalconVerifier }[] = [
    { label: 'known-answer signature', pk, msg, sig, want: true, noble: true },
  ];
  if (!det) {
    const padded = new Uint8Array(f.lengths.signature);
    padded.set(sig);
    cases.push({ label: 'zero-filled (padded) signature', pk, msg, sig: padded, want: true, noble: false });
    const bad = padded.slice();
    bad[padded.length - 1] = 1;
    cases.push({ label: 'padded signature with a nonzero fill byte', pk, msg, sig: bad, want: false, noble: false });
  }
  for (const bit of [0, 8 + 5, 8 * (sig.length >> 1) + 2, 8 * sig.length - 1]) {
    cases.push({ label: `signature with bit ${bit} flipped`, pk, msg, sig: flipBit(sig, bit), want: false, noble: true });
  }
  cases.push({ label: 'truncated signature', pk, msg, sig: sig.subarray(0, sig.length - 1), want: false, noble: true });
  cases.push({ label: 'signature for another message', pk, msg: flipBit(msg, 0), sig, want: false, noble: true });
  cases.push({ label: 'signature under a modified public key', pk: flipBit(pk, 8 * (pk.length >> 1) + 4), msg, sig, want: false, noble: true });
  const other = alg === 'Falcon-512' ? b.falcon1024 : alg === 'Falcon-1024' ? b.falcon512 : b.falcon1024;
  cases.push({ label: `signature checked as ${other.name}`, pk, msg, sig, want: false, noble: false, via: other });

  let verdicts = '';
  for (const c of cases) {
    const got = (c.via ?? f).verify(c.pk, c.msg, c.sig);
    verdicts += got ? '1' : '0';
    check(got === c.want, `${tag}: ${c.label} ${c.want ? 'rejected' : 'accepted'}`);
    if (noble && c.noble) {
      const n = nobleFalconVerify(noble, c.sig, c.msg, c.pk);
      check(n === got, `${tag}: ${c.label}: noble says ${n}, we say ${got}`);
    }
  }
  return verdicts;
}

async function run(p: Parsed): Promise<number> {
  const names = resolveBackends(p);
  if (names.length === 0) {
    note('selftest FAILED: no backend is available in this runtime');
    return 1;
  }
  const noble = await loadNoble();
  const failures: string[] = [];
  const check = (cond: boolean, what: string) => {
    if (!cond) failures.push(what);
    return cond;
  };
  const ctx = SELFTEST_CTX;
  const msg = SELFTEST_MSG;
  const zeros = new Uint8Array(32);
  type Out = { pk: Uint8Array; sk: Uint8Array; sig: Uint8Array; pre: Map<PrehashName, Uint8Array> };
  const first = new Map<AlgName, { backend: string; out: Out }>();
  const firstFalcon = new Map<FalconAlg, { backend: string; verdicts: string }>();
  const firstFamily = new Map<string, { backend: string; print: string }>();
  const nobleCiphers = await loadNobleCiphers();
  const nobleBn254 = await loadNobleBn254();

  // noble's deterministic HashML-DSA signatures, computed once per parameter set.
  const nobleRef = new Map<AlgName, { pk: Uint8Array; sk: Uint8Array; sig: Uint8Array; pre: Map<PrehashName, Uint8Array> }>();
  if (noble) {
    for (const alg of ALGS) {
      const n = noble.algs[alg];
      const { publicKey, secretKey } = n.keygen(SELFTEST_SEED);
      const sig = n.sign(msg, secretKey, { context: ctx, extraEntropy: false });
      const pre = new Map<PrehashName, Uint8Array>();
      for (const h of PREHASHES) pre.set(h, n.internal.sign(prehashMessage(h, msg, ctx), secretKey, { extraEntropy: false }));
      nobleRef.set(alg, { pk: publicKey, sk: secretKey, sig, pre });
    }
  }

  for (const name of names) {
    let b: Backend;
    try {
      b = await loadBackend(name);
    } catch (e) {
      check(false, `${name}: loadBackend failed: ${(e as Error).message}`);
      continue;
    }
    check(b.name === name, `${name}: loadBackend returned backend '${b.name}'`);
    for (const alg of ALGS) {
      const tag = `${name} ${alg}`;
      const before = failures.length;
      try {
        const m = schemeOf(b, alg);
        check(m.name === alg, `${tag}: scheme name is '${m.name}'`);
        const { publicKey: pk, secretKey: sk } = m.keygen(SELFTEST_SEED);
        check(pk.length === m.lengths.publicKey && sk.length === m.lengths.secretKey, `${tag}: key lengths ${pk.length}/${sk.length} differ from lengths`);
        check(sha256hex(pk) === KAT[alg].pk, `${tag}: public key differs from the known answer`);
        check(sha256hex(sk) === KAT[alg].sk, `${tag}: secret key differs from the known answer`);
        const sig = m.sign(sk, msg, { context: ctx, deterministic: true });
        check(sig.length === m.lengths.signature, `${tag}: signature length ${sig.length} != ${m.lengths.signature}`);
        check(sha256hex(sig) === KAT[alg].sig, `${tag}: deterministic signature differs from the known answer`);
        check(equalBytes(m.sign(sk, msg, { context: ctx, random: zeros }), sig), `${tag}: random = 0^32 differs from deterministic`);
        check(m.verify(pk, msg, sig, { context: ctx }) === true, `${tag}: valid signature rejected`);
        check(m.verify(pk, msg, sig) === false, `${tag}: signature accepted without its context`);
        const msg2 = msg.slice();
        msg2[0]! ^= 1;
        check(m.verify(pk, msg2, sig, { context: ctx }) === false, `${tag}: signature accepted for another message`);
        for (const bit of [0, 8 * 32 + 3, 4 * sig.length - 1, 8 * sig.length - 1]) {
          const bad = sig.slice();
          bad[bit >> 3]! ^= 1 << (bit & 7);
          check(m.verify(pk, msg, bad, { context: ctx }) === false, `${tag}: signature with bit ${bit} flipped accepted`);
        }
        const badPk = pk.slice();
        badPk[pk.length >> 1]! ^= 0x10;
        check(m.verify(badPk, msg, sig, { context: ctx }) === false, `${tag}: signature accepted under a modified public key`);
        const hedged1 = m.sign(sk, msg, { context: ctx });
        const hedged2 = m.sign(sk, msg, { context: ctx });
        check(m.verify(pk, msg, hedged1, { context: ctx }) && m.verify(pk, msg, hedged2, { context: ctx }), `${tag}: hedged signature rejected`);
        check(!equalBytes(hedged1, hedged2), `${tag}: two hedged signatures are identical (no randomness?)`);
        const pre = new Map<PrehashName, Uint8Array>();
        for (const h of PREHASHES) {
          const ph = m.prehash(h);
          const s = ph.sign(sk, msg, { context: ctx, deterministic: true });
          pre.set(h, s);
          check(ph.verify(pk, msg, s, { context: ctx }), `${tag}: HashML-DSA ${h} signature rejected`);
          check(!m.verify(pk, msg, s, { context: ctx }), `${tag}: HashML-DSA ${h} signature accepted as pure ML-DSA`);
        }
        check(sha256hex(pre.get('SHA2-512')!) === KAT[alg].preSha512, `${tag}: HashML-DSA SHA2-512 signature differs from the known answer`);

        const out: Out = { pk, sk, sig, pre };
        const ref = first.get(alg);
        if (!ref) first.set(alg, { backend: name, out });
        else {
          check(equalBytes(out.pk, ref.out.pk) && equalBytes(out.sk, ref.out.sk), `${tag}: keys differ from ${ref.backend}`);
          check(equalBytes(out.sig, ref.out.sig), `${tag}: signature differs from ${ref.backend}`);
          for (const h of PREHASHES) check(equalBytes(out.pre.get(h)!, ref.out.pre.get(h)!), `${tag}: HashML-DSA ${h} signature differs from ${ref.backend}`);
        }

        const nr = nobleRef.get(alg);
        if (noble && nr) {
          const n = noble.algs[alg];
          check(equalBytes(pk, nr.pk) && equalBytes(sk, nr.sk), `${tag}: keys differ from noble`);
          check(equalBytes(sig, nr.sig), `${tag}: deterministic signature differs from noble`);
          check(n.verify(sig, msg, pk, { context: ctx }), `${tag}: noble rejects our signature`);
          check(n.verify(hedged1, msg, pk, { context: ctx }), `${tag}: noble rejects our hedged signature`);
          check(m.verify(pk, msg, nr.sig, { context: ctx }), `${tag}: we reject noble's signature`);
          for (const h of PREHASHES) {
            check(equalBytes(pre.get(h)!, nr.pre.get(h)!), `${tag}: HashML-DSA ${h} signature differs from noble`);
          }
        }
      } catch (e) {
        check(false, `${tag}: threw ${(e as Error).stack ?? String(e)}`);
      }
      log(`${failures.length === before ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)}  ${alg}`);
    }
    for (const alg of FALCON_ALGS) {
      const tag = `${name} ${alg}`;
      const before = failures.length;
      try {
        const verdicts = falconSelftest(b, alg, tag, check, noble?.falcon?.[alg]);
        const ref = firstFalcon.get(alg);
        if (!ref) firstFalcon.set(alg, { backend: name, verdicts });
        else check(verdicts === ref.verdicts, `${tag}: verdicts ${verdicts} differ from ${ref.backend} (${ref.verdicts})`);
      } catch (e) {
        check(false, `${tag}: threw ${(e as Error).stack ?? String(e)}`);
      }
      log(`${failures.length === before ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)}  ${alg}`);
    }
    for (const [family, test] of [
      ['AEAD', () => aeadSelftest(name, check, nobleCiphers?.lib ?? null)],
      ['BN254', () => bn254Selftest(name, check, nobleBn254)],
    ] as const) {
      const before = failures.length;
      try {
        const print = await test();
        const ref = firstFamily.get(family);
        if (!ref) firstFamily.set(family, { backend: name, print });
        else check(print === ref.print, `${name} ${family}: outputs differ from ${ref.backend}'s`);
      } catch (e) {
        check(false, `${name} ${family}: threw ${(e as Error).stack ?? String(e)}`);
      }
      log(`${failures.length === before ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)}  ${family}`);
    }
    const k = kernelsOf(b);
    if (k) {
      try {
        k.nttLoop(1);
        k.invnttLoop(1);
      } catch (e) {
        check(false, `${name}: NTT kernel threw ${(e as Error).message}`);
      }
    } else {
      note(`note: backend ${name} exposes no NTT kernels`);
    }
  }

  if (failures.length) {
    note(`\nselftest FAILED (${failures.length} problem${failures.length > 1 ? 's' : ''}):`);
    for (const f of failures) note(`  - ${f}`);
    return 1;
  }
  log(
    `selftest passed: ${names.join(', ')} × ML-DSA-44/65/87, Falcon-512/1024/Det1024 verify, pqsimd/aead and pqsimd/bn254 — known answers, tamper rejection, 12 pre-hashes, ` +
      (names.length > 1 ? 'backends byte-identical, ' : '') +
      (noble ? `matches @noble/post-quantum ${noble.version}` : '@noble/post-quantum not installed: noble cross-check skipped') +
      (noble && !noble.falcon ? ' (its Falcon not importable: Falcon cross-check skipped)' : '') +
      (nobleCiphers ? `, @noble/ciphers ${nobleCiphers.version}` : ', @noble/ciphers not installed: its cross-check skipped') +
      (nobleBn254 ? ' and @noble/curves' : ', @noble/curves not installed: its cross-check skipped'),
  );
  return 0;
}

export const selftest: Command = { name: 'selftest', options: { backend: 'string' }, help, run };
