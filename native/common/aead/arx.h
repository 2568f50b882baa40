/* The ARX cores shared by the reference kernels and the subkey derivations:
 * the ChaCha20 and Salsa20 rounds (20 rounds, no feed-forward), state set-up from
 * bytes, and HChaCha20 / HSalsa20 (portable only: one block each). */
#ifndef PQ_AEAD_ARX_H
#define PQ_AEAD_ARX_H
#include <stdint.h>

static inline uint32_t pq_rotl32(uint32_t x, unsigned c) { return (x << c) | (x >> (32 - c)); }
static inline uint32_t pq_load32_le(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void pq_store32_le(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

#define PQ_CHACHA_QR(a, b, c, d) \
  do {                           \
    a += b;                      \
    d = pq_rotl32(d ^ a, 16);    \
    c += d;                      \
    b = pq_rotl32(b ^ c, 12);    \
    a += b;                      \
    d = pq_rotl32(d ^ a, 8);     \
    c += d;                      \
    b = pq_rotl32(b ^ c, 7);     \
  } while (0)

/* the 16 words in locals (registers) for the rounds, and back */
#define PQ_ARX_LOAD(x)                                                                  \
  uint32_t x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6]; \
  uint32_t x7 = x[7], x8 = x[8], x9 = x[9], x10 = x[10], x11 = x[11], x12 = x[12];      \
  uint32_t x13 = x[13], x14 = x[14], x15 = x[15]
#define PQ_ARX_STORE(x)                                                                     \
  do {                                                                                      \
    x[0] = x0, x[1] = x1, x[2] = x2, x[3] = x3, x[4] = x4, x[5] = x5, x[6] = x6, x[7] = x7; \
    x[8] = x8, x[9] = x9, x[10] = x10, x[11] = x11, x[12] = x12, x[13] = x13, x[14] = x14;  \
    x[15] = x15;                                                                            \
  } while (0)

/* 20 ChaCha rounds on x (10 column + diagonal double rounds), in place. Inline, so the
 * 16 words live in registers in the callers' loops. */
static inline void pq_chacha20_rounds(uint32_t x[16]) {
  PQ_ARX_LOAD(x);
  for (int i = 0; i < 10; i++) {
    PQ_CHACHA_QR(x0, x4, x8, x12);
    PQ_CHACHA_QR(x1, x5, x9, x13);
    PQ_CHACHA_QR(x2, x6, x10, x14);
    PQ_CHACHA_QR(x3, x7, x11, x15);
    PQ_CHACHA_QR(x0, x5, x10, x15);
    PQ_CHACHA_QR(x1, x6, x11, x12);
    PQ_CHACHA_QR(x2, x7, x8, x13);
    PQ_CHACHA_QR(x3, x4, x9, x14);
  }
  PQ_ARX_STORE(x);
}

/* Salsa20 quarter-round: b ^= (a + d) <<< 7, c ^= (b + a) <<< 9, d ^= (c + b) <<< 13,
 * a ^= (d + c) <<< 18 */
#define PQ_SALSA_QR(a, b, c, d) \
  do {                          \
    b ^= pq_rotl32(a + d, 7);   \
    c ^= pq_rotl32(b + a, 9);   \
    d ^= pq_rotl32(c + b, 13);  \
    a ^= pq_rotl32(d + c, 18);  \
  } while (0)

/* 20 Salsa20 rounds on x (column round then row round, 10 times), in place. */
static inline void pq_salsa20_rounds(uint32_t x[16]) {
  PQ_ARX_LOAD(x);
  for (int i = 0; i < 10; i++) {
    PQ_SALSA_QR(x0, x4, x8, x12);
    PQ_SALSA_QR(x5, x9, x13, x1);
    PQ_SALSA_QR(x10, x14, x2, x6);
    PQ_SALSA_QR(x15, x3, x7, x11);
    PQ_SALSA_QR(x0, x1, x2, x3);
    PQ_SALSA_QR(x5, x6, x7, x4);
    PQ_SALSA_QR(x10, x11, x8, x9);
    PQ_SALSA_QR(x15, x12, x13, x14);
  }
  PQ_ARX_STORE(x);
}

/* ChaCha20 state: constants, key, and 16 bytes of counter ‖ nonce as four LE words in
 * s[12..15] (RFC 8439: LE32 counter ‖ 12-byte nonce; original: LE64 counter ‖ 8-byte nonce;
 * HChaCha20: the 16-byte input). */
void pq_chacha20_load(uint32_t s[16], const uint8_t key[32], const uint8_t in16[16]);
/* Salsa20 state: constants, key, and 16 bytes (8-byte nonce ‖ LE64 counter; HSalsa20: the
 * 16-byte input) as four LE words in s[6..9]. */
void pq_salsa20_load(uint32_t s[16], const uint8_t key[32], const uint8_t in16[16]);

/* HChaCha20(key, in) = words 0..3 and 12..15 after the 20 rounds (no feed-forward). */
void pq_hchacha20(uint8_t out[32], const uint8_t key[32], const uint8_t in[16]);
/* HSalsa20(key, in) = words 0, 5, 10, 15, 6, 7, 8, 9 after the 20 rounds. */
void pq_hsalsa20(uint8_t out[32], const uint8_t key[32], const uint8_t in[16]);

#endif
