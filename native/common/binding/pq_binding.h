/* The one binding declaration: every entry point of the C core that a binding
 * calls. The Node addon (native/node/addon.c) registers exactly these, each
 * family's WASM module exports exactly its family's (scripts/build-wasm.sh reads
 * this table), and scripts/gen-binding.mjs turns it into ts/src/gen/binding.ts
 * for the TypeScript drivers. Adding an entry point = its C function, one line
 * here, and the call in the family's TypeScript module.
 *
 * One calling convention for all of them:
 *
 *   int32_t pq_bind_<name>(pq_bind_state *st, const int32_t *a, const pq_buf *in, const pq_buf *out)
 *
 * a:   nint int32 arguments (parameter set, mode, ...)
 * in:  nin input buffers (pointer, length) — read only
 * out: nout output buffers (pointer, capacity) — the entry checks the capacities
 * st:  scratch and streaming state owned by the caller (sizeof pq_bind_state)
 *
 * A streamed entry (streamed = 1) also reads one message of any length in pieces:
 *
 *   void pq_bind_<name>_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in);
 *   void pq_bind_<name>_update(pq_bind_state *st, const uint8_t *p, size_t n);   (0 or more)
 *   int32_t pq_bind_<name>(st, a, in, out);                                      (the end)
 *
 * A transform entry (streamed = 2) turns a message into an output of the SAME
 * length (encryption, decryption, a keystream XOR):
 *
 *   void pq_bind_<name>_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in);
 *   void pq_bind_<name>_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst, size_t n);
 *   int32_t pq_bind_<name>(st, a, in, out);                                      (the end)
 *
 * update may be called 0 or more times with pieces of ANY lengths (the C keeps the
 * leftover keystream and partial Poly1305 blocks between calls); dst == src is
 * allowed (in place), a partial overlap is not. The output of a failed entry
 * (end < 0, or 0 for a verdict) is not to be used: the C zeroes what it can, the
 * caller wipes the rest.
 *
 * For both kinds: the same a and in at begin and end. begin never fails: a problem it finds
 * is kept in the state and returned by the end call, so a driver always runs
 * begin, update* and end. The end call wipes the state.
 *
 * Results: >= 0 success (a verdict 1/0 for verify entries), < 0 an error code
 * below. Entries never read outside their buffers, whatever the lengths. */
#ifndef PQ_BINDING_H
#define PQ_BINDING_H
#include <stddef.h>
#include <stdint.h>

#include "aead/aead.h"
#include "bn254/bn254.h"
#include "mldsa/mldsa.h"
#include "shared/fips202.h"
#include "shared/pq_api.h"

/*  X(family, name,                  nint, nin, nout, streamed)
 *  a / in / out / message, in order: */
#define PQ_BINDING(X)                                                                          \
  /* a: level. in: seed(32). out: pk, sk. */                                                   \
  X(mldsa, mldsa_keygen, 1, 1, 2, 0)                                                           \
  /* a: level, mode, ph. in: sk, context, rnd(32). message. out: signature. */                \
  X(mldsa, mldsa_sign, 3, 3, 1, 1)                                                             \
  /* a: level, mode, ph. in: pk, context, signature. message. -> 1 valid, 0 not. */          \
  X(mldsa, mldsa_verify, 3, 3, 0, 1)                                                           \
  /* a: level, mode, ph. in: pk, context. message. out: mu(64). */                            \
  X(mldsa, mldsa_mu, 3, 2, 1, 1)                                                               \
  /* a: level. in: sk. out: pk (recomputed; -2 for an inconsistent secret key). */            \
  X(mldsa, mldsa_public_key, 1, 1, 1, 0)                                                       \
  /* a: level. in: pk. out: prepared key (pq_mldsa_prepared_bytes). -> 0, or < 0. */           \
  X(mldsa, mldsa_prepare, 1, 1, 1, 0)                                                          \
  /* a: level, mode, ph. in: prepared key, context, signature. message. -> 1 / 0. */         \
  X(mldsa, mldsa_verify_prepared, 3, 3, 0, 1)                                                  \
  /* a: kernel id (PQ_BENCH_*, ML-DSA and Keccak ones), iterations. -> checksum. */            \
  X(mldsa, mldsa_bench, 2, 0, 0, 0)                                                            \
  /* a: kind (0 Falcon-512, 1 Falcon-1024, 2 det1024). in: pk, signature. message. */         \
  X(falcon, falcon_verify, 1, 2, 0, 1)                                                         \
  /* a: kind. in: pk. out: prepared key (2 << logn). -> 0, or < 0 for a malformed key. */      \
  X(falcon, falcon_prepare, 1, 1, 1, 0)                                                        \
  /* a: kind. in: prepared key, signature. message. -> 1 / 0. */                              \
  X(falcon, falcon_verify_prepared, 1, 2, 0, 1)                                                \
  /* a: kernel id (PQ_BENCH_FALCON_*), iterations. -> checksum. */                             \
  X(falcon, falcon_bench, 2, 0, 0, 0)                                                          \
  /* a: kind (0 ChaCha20-Poly1305 RFC 8439, 1 XChaCha20-Poly1305, 2 XSalsa20-Poly1305 = NaCl  \
   * secretbox: MAC over the ciphertext only, aad must be empty). in: key(32), nonce(12|24|24), \
   * aad. message: plaintext -> ciphertext. out: tag(16). -> 0, or < 0. */                    \
  X(aead, aead_seal, 1, 3, 1, 2)                                                               \
  /* a: kind. in: key, nonce, aad, tag(16). message: ciphertext -> plaintext (one pass: MAC   \
   * and decrypt). -> 1 tag valid, 0 invalid (the caller wipes the plaintext), < 0 error. */  \
  X(aead, aead_open, 1, 4, 0, 2)                                                               \
  /* a: cipher (0 ChaCha20 RFC 8439: 12-byte nonce, 32-bit counter; 1 ChaCha20 original:       \
   * 8-byte nonce, 64-bit counter; 2 XChaCha20: 24-byte nonce, 64-bit counter; 3 Salsa20:      \
   * 8-byte nonce; 4 XSalsa20: 24-byte nonce), counter low, counter high (0 for cipher 0).     \
   * in: key(32), nonce. message -> message XOR keystream. -> 0, PQ_ERR_LENGTH, or            \
   * PQ_ERR_COUNTER if the counter would pass its end (the output is then not usable). */     \
  X(aead, stream_xor, 3, 2, 0, 2)                                                              \
  /* a: 0 HChaCha20, 1 HSalsa20. in: key(32), input(16). out: subkey(32). */                  \
  X(aead, arx_subkey, 1, 2, 1, 0)                                                              \
  /* in: one-time key(32). message. out: tag(16). */                                           \
  X(aead, poly1305, 0, 1, 1, 1)                                                                \
  /* libsodium crypto_secretstream_xchacha20poly1305. in: key(32), header(24). out: state(52). */ \
  X(aead, secretstream_init, 0, 2, 1, 0)                                                       \
  /* a: tag (0 MESSAGE, 1 PUSH, 2 REKEY, 3 FINAL). in: state(52), ad. message: plaintext ->    \
   * ciphertext body. out: next state(52), first byte(1), mac(16). Wire: first ‖ body ‖ mac. */ \
  X(aead, secretstream_push, 1, 2, 3, 2)                                                       \
  /* in: state(52), ad, first byte(1), mac(16). message: body -> plaintext. out: next          \
   * state(52), tag(1). -> 1 valid, 0 invalid (the caller discards plaintext and state). */   \
  X(aead, secretstream_pull, 0, 4, 2, 2)                                                       \
  /* in: state(52). out: next state(52) (crypto_secretstream_xchacha20poly1305_rekey). */     \
  X(aead, secretstream_rekey, 0, 1, 1, 0)                                                      \
  /* a: kernel id (PQ_BENCH_AEAD_*), iterations. -> checksum, or -1 when this build has no     \
   * such kernel. */                                                                           \
  X(aead, aead_bench, 2, 0, 0, 0)                                                              \
  /* BN254 EVM precompiles, exact EIP-196/197 semantics (bn254/bn254.h). in: input (any length:  \
   * zero-padded / truncated as the EIP says). out: 64 bytes. -> 0, or PQ_ERR_BN_* below. */    \
  X(bn254, bn254_ec_add, 0, 1, 1, 0)                                                           \
  X(bn254, bn254_ec_mul, 0, 1, 1, 0)                                                           \
  /* in: k × 192 bytes of G1 ‖ G2 (x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0). out: 32 bytes, 0…01 if the       \
   * product of the pairings is 1 (also k = 0), else 0…00. -> 0, or PQ_ERR_BN_*. */            \
  X(bn254, bn254_ec_pairing, 0, 1, 1, 0)                                                       \
  /* in: vk = alpha (G1) ‖ beta ‖ gamma ‖ delta (G2) ‖ IC[0..n] (G1). out: prepared key          \
   * (pq_bn254_groth16_prepared_bytes(n): e(alpha, beta), the lines of -gamma and -delta).      \
   * -> 0, PQ_ERR_LENGTH, or PQ_ERR_BN_* for a bad point. */                                    \
  X(bn254, bn254_groth16_prepare, 0, 1, 1, 0)                                                  \
  /* in: prepared key, publics (n × 32, each < r), proof = A ‖ B ‖ C (256). -> 1 valid, 0 not  \
   * (any malformed input included). */                                                        \
  X(bn254, bn254_groth16_verify, 0, 3, 0, 0)                                                   \
  /* in: prepared key, publics (k·n × 32), proofs (k × 256), coefficients (k × 16: random      \
   * 128-bit, big-endian, non-zero). -> 1 all valid, 0 otherwise. */                           \
  X(bn254, bn254_groth16_verify_batch, 0, 4, 0, 0)                                             \
  /* a: op (0 a·b, 1 a·b + c·d with one reduction, 2 (a + bu)(c + du), 3 a², 4 a + b, 5 a - b,  \
   * 6 a⁻¹ (0 for 0), 7 (a + bu)²). in: operands, 32-byte big-endian (< 2^256, reduced mod p).  \
   * out: the canonical result, 32 bytes (64 for Fp2: c0 ‖ c1). -> 0, PQ_ERR_PARAMS, or        \
   * PQ_ERR_LENGTH. */                                                                         \
  X(bn254, bn254_field_op, 1, 4, 1, 0)                                                         \
  /* a: kernel id (PQ_BENCH_BN254_*), iterations. -> checksum, or -1 for another id. */       \
  X(bn254, bn254_bench, 2, 0, 0, 0)

/* ML-DSA message modes (a[1] of the ML-DSA entries) */
#define PQ_MODE_EXTERNAL 0 /* M' = 0/1 || |ctx| || ctx || (M or OID || PH(M)); ph >= 0: HashML-DSA */
#define PQ_MODE_INTERNAL 1 /* the message is M' itself (Sign_internal / Verify_internal) */
#define PQ_MODE_MU 2       /* the message is mu (64 bytes) */

/* Error codes of the binding (the ML-DSA ones are in mldsa.h: -1 params, -2 secret key) */
#define PQ_ERR_LENGTH -4 /* an input has the wrong length, or an output is too small */
#define PQ_ERR_INPUT -5  /* context too long, unknown pre-hash or mode, mu not 64 bytes */
#define PQ_ERR_COUNTER -6 /* a stream cipher's block counter would pass its end */
/* BN254 (defined in bn254/curve.h with the core that returns them):
 *   PQ_ERR_BN_COORD -20 a coordinate >= p,  PQ_ERR_BN_G1 -21 not on G1,  PQ_ERR_BN_G2 -22 not on
 *   the twist,  PQ_ERR_BN_SUBGROUP -23 G2 point outside the order-r subgroup,
 *   PQ_ERR_BN_PAIRING_LENGTH -24 ecPairing input not a multiple of 192 bytes */

typedef struct {
  uint8_t *p;
  size_t n;
} pq_buf;

typedef struct {
  union {
    pq_keccak_state keccak;  /* mu = H(tr || M'), or Falcon's SHAKE256(nonce || msg) */
    uint8_t mu_direct[64];   /* PQ_MODE_MU: the message itself */
    pq_aead_stream aead;     /* the AEAD family's ciphers, MACs and secretstream */
  } h;
  pq_prehash_ctx prehash;    /* HashML-DSA: PH(M) */
  uint8_t tr[64];
  uint64_t received;         /* message bytes seen */
  int32_t mode, ph;          /* ML-DSA: how the message is turned into mu (from begin's a) */
  int32_t err;               /* first problem found by begin/update, returned by the end */
} pq_bind_state;

/* Size of the state, for drivers that lay out memory themselves (WASM). */
PQ_API uint32_t pq_bind_state_bytes(void);

#define PQ_BIND_DECLARE(family, name, nint, nin, nout, streamed) PQ_BIND_DECLARE_##streamed(name)
#define PQ_BIND_DECLARE_0(name)                                                           \
  PQ_API int32_t pq_bind_##name(pq_bind_state *st, const int32_t *a, const pq_buf *in, const pq_buf *out);
#define PQ_BIND_DECLARE_1(name)                                                           \
  PQ_API void pq_bind_##name##_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in);    \
  PQ_API void pq_bind_##name##_update(pq_bind_state *st, const uint8_t *p, size_t n);           \
  PQ_BIND_DECLARE_0(name)
#define PQ_BIND_DECLARE_2(name)                                                           \
  PQ_API void pq_bind_##name##_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in);    \
  PQ_API void pq_bind_##name##_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst, size_t n); \
  PQ_BIND_DECLARE_0(name)
PQ_BINDING(PQ_BIND_DECLARE)

#endif
