/* Streaming ChaCha20 / Salsa20 ciphers, the ChaCha20-Poly1305 family of AEADs and
 * libsodium's crypto_secretstream_xchacha20poly1305 (the C core of pqsimd/aead).
 *
 * One context type, pq_aead_stream, runs all of them: an init call, then any number
 * of pq_aead_update calls with pieces of any length (the context keeps the leftover
 * keystream of a block and the partial Poly1305 block), then a final call. AEAD
 * updates encrypt-and-MAC in one pass per chunk of at most 4 KiB (the ciphertext is
 * MACed while it is in L1). Every final call wipes the context.
 *
 * Errors (the binding's codes, binding/pq_binding.h): PQ_ERR_PARAMS unknown
 * kind/cipher, PQ_ERR_LENGTH wrong key/nonce/state length, PQ_ERR_INPUT bad
 * secretstream tag or aad with secretbox, PQ_ERR_COUNTER the block counter would pass
 * its end. An init that fails leaves a context whose updates zero their output and
 * whose final returns the error, so a caller can always run init, update*, final. */
#ifndef PQ_AEAD_H
#define PQ_AEAD_H
#include <stddef.h>
#include <stdint.h>

#include "aead/poly1305.h"

/* stream ciphers (a[0] of stream_xor) */
#define PQ_CIPHER_CHACHA20 0      /* RFC 8439: 12-byte nonce, 32-bit counter */
#define PQ_CIPHER_CHACHA20_ORIG 1 /* 8-byte nonce, 64-bit counter */
#define PQ_CIPHER_XCHACHA20 \
  2 /* 24-byte nonce, 64-bit counter (libsodium's crypto_stream_xchacha20) */
#define PQ_CIPHER_SALSA20 3  /* 8-byte nonce, 64-bit counter */
#define PQ_CIPHER_XSALSA20 4 /* 24-byte nonce, 64-bit counter */

/* AEAD kinds (a[0] of aead_seal / aead_open) */
#define PQ_AEAD_CHACHA20POLY1305 0  /* RFC 8439 */
#define PQ_AEAD_XCHACHA20POLY1305 1 /* draft-irtf-cfrg-xchacha-03 */
#define PQ_AEAD_XSALSA20POLY1305 2  /* NaCl secretbox: MAC over the ciphertext only, no aad */

/* crypto_secretstream_xchacha20poly1305 */
#define PQ_SECRETSTREAM_STATEBYTES 52 /* k(32) ‖ LE32 counter ‖ inonce(8) ‖ 8 zero bytes */
#define PQ_SECRETSTREAM_HEADERBYTES 24
#define PQ_SECRETSTREAM_TAG_MESSAGE 0
#define PQ_SECRETSTREAM_TAG_PUSH 1
#define PQ_SECRETSTREAM_TAG_REKEY 2
#define PQ_SECRETSTREAM_TAG_FINAL 3

typedef struct {
  pq_poly1305 mac;    /* first: its kernel scratch is 32-byte aligned */
  uint32_t s[16];     /* the cipher's input state (ChaCha or Salsa layout, aead/kernels_aead.h) */
  uint8_t ks[64];     /* keystream of the last block, ks[used..64) not yet used */
  uint32_t used;      /* 64: no leftover keystream */
  uint32_t salsa;     /* 1: Salsa20 layout (counter s[8], s[9]), 0: ChaCha20 (s[12], s[13]) */
  uint32_t wide;      /* 1: 64-bit counter (carry word 12/8 into 13/9), 0: 32-bit (RFC 8439) */
  uint32_t exhausted; /* the counter passed its last block: no keystream left */
  uint64_t room;      /* blocks the counter can still give, minus 1 (unless exhausted) */
  uint64_t ad_len;    /* AEAD / secretstream: bytes of associated data */
  uint64_t msg_len;   /* bytes of message through update */
  int32_t op;         /* what update does (aead.c: OP_*) */
  int32_t kind;       /* the AEAD kind, or PQ_AEAD_SECRETSTREAM_* */
  int32_t err;        /* the first error, returned by the final call */
  uint32_t sst_tag;   /* secretstream: the message's tag (push: given, pull: decrypted) */
  uint32_t sst_first; /* secretstream push: the encrypted tag byte */
  uint8_t
      sst_state[PQ_SECRETSTREAM_STATEBYTES]; /* secretstream: the state this message started from */
} pq_aead_stream;

/* ---- stream ciphers ---------------------------------------------------------------------------- */

/* Start cipher `cipher` (PQ_CIPHER_*) at block counter `counter` (< 2^32 for RFC 8439 ChaCha20,
 * otherwise PQ_ERR_COUNTER). -> 0 or an error (also kept for pq_stream_final). */
int32_t pq_stream_init(pq_aead_stream *c, int32_t cipher, const uint8_t *key, size_t key_len,
                       const uint8_t *nonce, size_t nonce_len, uint64_t counter);
/* dst = src XOR the next n keystream bytes (dst == src allowed, partial overlap not;
 * src == NULL: dst = keystream). Past the counter's end: PQ_ERR_COUNTER, dst zeroed from there. */
void pq_aead_update(pq_aead_stream *c, uint8_t *dst, const uint8_t *src, size_t n);
/* -> 0 or the first error; wipes c. */
int32_t pq_stream_final(pq_aead_stream *c);

/* ---- AEAD (kinds PQ_AEAD_*) ------------------------------------------------------------------------ */

/* encrypt = 1: seal (updates encrypt, then MAC the ciphertext); 0: open (updates MAC the
 * ciphertext, then decrypt it). Key 32 bytes, nonce 12 (kind 0) or 24. */
int32_t pq_aead_init(pq_aead_stream *c, int32_t kind, int encrypt, const uint8_t *key,
                     size_t key_len, const uint8_t *nonce, size_t nonce_len, const uint8_t *aad,
                     size_t aad_len);
/* (updates: pq_aead_update) */
/* Seal: write the tag. -> 0 or an error (tag then zeroed). Wipes c. */
int32_t pq_aead_seal_final(pq_aead_stream *c, uint8_t tag[16]);
/* Open: -> 1 tag valid, 0 invalid (the caller wipes the plaintext it received), < 0 error.
 * Constant time in the tags; the verdict is the one public result. Wipes c. */
int32_t pq_aead_open_final(pq_aead_stream *c, const uint8_t tag[16]);

/* ---- crypto_secretstream_xchacha20poly1305 -------------------------------------------------------- */

/* state = init from key(32) and header(24) (libsodium's init_push with that header = init_pull). */
void pq_secretstream_init(uint8_t state[PQ_SECRETSTREAM_STATEBYTES], const uint8_t key[32],
                          const uint8_t header[PQ_SECRETSTREAM_HEADERBYTES]);
/* crypto_secretstream_xchacha20poly1305_rekey, in place. */
void pq_secretstream_rekey(uint8_t state[PQ_SECRETSTREAM_STATEBYTES]);
/* Push one message with tag (PQ_SECRETSTREAM_TAG_*; others: PQ_ERR_INPUT) and ad; updates
 * then encrypt the body. */
int32_t pq_secretstream_push_init(pq_aead_stream *c, const uint8_t *state, size_t state_len,
                                  uint32_t tag, const uint8_t *ad, size_t ad_len);
/* Write the next state, the first wire byte (the encrypted tag) and the mac (wire form:
 * first ‖ body ‖ mac). -> 0 or an error (outputs zeroed). Wipes c. */
int32_t pq_secretstream_push_final(pq_aead_stream *c,
                                   uint8_t next_state[PQ_SECRETSTREAM_STATEBYTES], uint8_t *first,
                                   uint8_t mac[16]);
/* Pull one message: first = its first wire byte (first_len must be 1); updates MAC, then
 * decrypt the body. */
int32_t pq_secretstream_pull_init(pq_aead_stream *c, const uint8_t *state, size_t state_len,
                                  const uint8_t *ad, size_t ad_len, const uint8_t *first,
                                  size_t first_len);
/* -> 1 valid (next_state and *tag written), 0 invalid (both zeroed; the caller discards the
 * plaintext), < 0 error. Wipes c. */
int32_t pq_secretstream_pull_final(pq_aead_stream *c, const uint8_t mac[16],
                                   uint8_t next_state[PQ_SECRETSTREAM_STATEBYTES], uint8_t *tag);

#endif
