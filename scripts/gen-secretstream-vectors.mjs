#!/usr/bin/env node
// Known answers for crypto_secretstream_xchacha20poly1305, made by libsodium itself (the npm
// package libsodium-wrappers, the AEAD family's interop judge), so the C core is checked against
// the reference implementation's wire format without libsodium at test time:
//   node scripts/gen-secretstream-vectors.mjs     writes vectors/aead/libsodium/secretstream_xchacha20poly1305.json
// Inputs are deterministic (SHA-256 of labels). A push state is libsodium's init_pull on the same
// header (init_push only differs by drawing the header at random). To reach the counter wrap
// (2^32 messages) the 52-byte state is set in libsodium's memory: k(32) ‖ LE32 counter ‖
// inonce(8) ‖ pad(8), the layout of crypto_secretstream_xchacha20poly1305_state.
// Records (one per operation, each with the full state before and after, so every record stands
// alone):
//   { op: 'init', key, header, state }
//   { op: 'push', state, tag, ad, msg, wire, next }   wire = first ‖ body ‖ mac; libsodium's pull
//                                                     of wire from state gave msg, tag and next
//   { op: 'pull', state, ad, wire, valid: false }     libsodium rejects it: a flipped wire bit, a
//                                                     longer ad, another counter, a cut wire
//   { op: 'rekey', state, next }
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sodium = require('libsodium-wrappers');
await sodium.ready;

const pkg = JSON.parse(readFileSync(join(root, 'node_modules/libsodium-wrappers/package.json'), 'utf8'));
const version = `${pkg.version} (libsodium ${sodium.sodium_version_string()})`;

const hex = (b) => Buffer.from(b).toString('hex');
/** n deterministic bytes from a label */
function bytes(label, n) {
  const out = Buffer.alloc(n);
  for (let i = 0, k = 0; i < n; k++) {
    const h = createHash('sha256').update(`pqsimd-secretstream/${label}/${k}`).digest();
    i += h.copy(out, i);
  }
  return new Uint8Array(out);
}
const HEAP = () => sodium.libsodium.HEAPU8;
const getState = (st) => HEAP().slice(st, st + 52);
const setState = (st, s) => HEAP().set(s, st);

const records = [];
const T = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAGS = [0, 1, 2, 3];

function push(st, label, msgLen, adLen, tag) {
  const before = getState(st);
  const msg = bytes(`${label}/m`, msgLen);
  const ad = adLen ? bytes(`${label}/ad`, adLen) : new Uint8Array(0);
  const wire = sodium.crypto_secretstream_xchacha20poly1305_push(st, msg, adLen ? ad : null, tag);
  const next = hex(getState(st));
  records.push({ op: 'push', id: label, state: hex(before), tag, ad: hex(ad), msg: hex(msg), wire: hex(wire), next });
  return { before, ad, msg, wire, tag, next };
}

/** libsodium's pull of a pushed message: valid and equal to the push (mutate undefined), or a
 * mutated copy that must be rejected (recorded). */
function pull(key, header, label, p, mutate) {
  const st = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  let state = p.before;
  let wire = Uint8Array.from(p.wire);
  let ad = p.ad;
  if (mutate === 'wire') {
    const h = bytes(`${label}/mut`, 8);
    const at = (h[0] | (h[1] << 8)) % wire.length;
    wire[at] ^= 1 << (h[2] & 7);
  } else if (mutate === 'ad') {
    ad = Uint8Array.from([...ad, 0]);
  } else if (mutate === 'state') {
    state = Uint8Array.from(state);
    state[32] ^= 1; // the counter
  } else if (mutate === 'truncate') {
    wire = wire.slice(0, wire.length - 1);
  }
  setState(st, state);
  let res;
  try {
    res = sodium.crypto_secretstream_xchacha20poly1305_pull(st, wire, ad.length ? ad : null);
  } catch {
    res = false;
  }
  if (!mutate) {
    if (res === false || res.tag !== p.tag || hex(res.message) !== hex(p.msg) || hex(getState(st)) !== p.next)
      throw new Error(`${label}: libsodium's pull does not give back its push`);
    return;
  }
  if (res !== false) throw new Error(`${label}: libsodium accepted a ${mutate} mutation`);
  records.push({ op: 'pull', id: `${label}/${mutate}`, state: hex(state), ad: hex(ad), wire: hex(wire), valid: false });
}

const LENS = [0, 1, 15, 16, 17, 31, 47, 48, 63, 64, 65, 127, 128, 129, 255, 256, 1000, 4097];
const ADS = [0, 1, 15, 16, 17, 31, 33, 100];

// streams: init, then messages of every length with every tag, rekeys in between
for (let s = 0; s < 3; s++) {
  const key = bytes(`key${s}`, 32);
  const header = bytes(`header${s}`, 24);
  const st = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  records.push({ op: 'init', id: `s${s}/init`, key: hex(key), header: hex(header), state: hex(getState(st)) });
  for (let i = 0; i < LENS.length; i++) {
    const label = `s${s}/m${i}`;
    const tag = TAGS[(i + s) % 4];
    const len = LENS[(i + 5 * s) % LENS.length];
    const p = push(st, label, len, ADS[(i + s) % ADS.length], tag);
    pull(key, header, label, p);
    if (i % 3 === 1 && len <= 256) for (const m of ['wire', 'ad', 'state', 'truncate']) pull(key, header, label, p, m);
    if (i % 5 === 3) {
      const before = getState(st);
      sodium.crypto_secretstream_xchacha20poly1305_rekey(st);
      records.push({ op: 'rekey', id: `${label}/rekey`, state: hex(before), next: hex(getState(st)) });
    }
  }
}

// the counter wrap: from 0xfffffffe, two messages; the second wraps the counter to 0 -> rekey
{
  const key = bytes('wrap-key', 32);
  const header = bytes('wrap-header', 24);
  const st = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  const s = getState(st);
  s.set([0xfe, 0xff, 0xff, 0xff], 32);
  setState(st, s);
  for (let i = 0; i < 3; i++) {
    const label = `wrap/m${i}`;
    const p = push(st, label, 33 * i, 5 * i, T);
    pull(key, header, label, p);
  }
}

const out = {
  title: 'crypto_secretstream_xchacha20poly1305 known answers generated with libsodium',
  generator: 'scripts/gen-secretstream-vectors.mjs',
  libsodium: `libsodium-wrappers ${version}`,
  state_layout: 'k(32) ‖ LE32 counter ‖ inonce(8) ‖ pad(8): crypto_secretstream_xchacha20poly1305_state',
  numberOfRecords: records.length,
  records,
};
const file = join(root, 'vectors/aead/libsodium/secretstream_xchacha20poly1305.json');
writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${file}: ${records.length} records (libsodium-wrappers ${version})`);
