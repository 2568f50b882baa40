/* FIPS 202: Keccak sponge, SHAKE128/256, SHA3-224/256/384/512 (incremental). */
#ifndef PQ_FIPS202_H
#define PQ_FIPS202_H
#include <stddef.h>
#include <stdint.h>

#include "shared/pq_api.h"

#define PQ_SHAKE128_RATE 168
#define PQ_SHAKE256_RATE 136
#define PQ_SHA3_224_RATE 144
#define PQ_SHA3_256_RATE 136
#define PQ_SHA3_384_RATE 104
#define PQ_SHA3_512_RATE 72

/* A sponge: absorb any number of times, finalize once, then squeeze any number of times. */
typedef struct {
  uint64_t s[25];
  uint32_t pos;  /* byte position inside the current block */
  uint32_t rate; /* block size in bytes */
} pq_keccak_state;

void pq_keccak_init(pq_keccak_state *st, unsigned rate);
PQ_API void pq_keccak_absorb(pq_keccak_state *st, const uint8_t *in, size_t len);
/* Pads with the domain byte (0x1F for SHAKE, 0x06 for SHA3) and prepares to squeeze. */
void pq_keccak_finalize(pq_keccak_state *st, uint8_t domain);
void pq_keccak_squeeze(pq_keccak_state *st, uint8_t *out, size_t len);
/* Squeezes whole blocks; only valid right after finalize or after earlier whole blocks. */
void pq_keccak_squeezeblocks(pq_keccak_state *st, uint8_t *out, size_t nblocks);

static inline void pq_shake128_init(pq_keccak_state *st) { pq_keccak_init(st, PQ_SHAKE128_RATE); }
static inline void pq_shake256_init(pq_keccak_state *st) { pq_keccak_init(st, PQ_SHAKE256_RATE); }
static inline void pq_shake_finalize(pq_keccak_state *st) { pq_keccak_finalize(st, 0x1F); }

void pq_shake128(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen);
void pq_shake256(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen);
/* SHA3 with output length 28, 32, 48 or 64 bytes. */
void pq_sha3(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen);

/* Four independent SHAKE sponges with the same rate, stepped together so one
 * 4-way permutation (pq_keccakf1600_x4) serves all four. Lane i of instance k
 * lives at s[4*i + k]. Inputs of equal length only. */
typedef struct {
  uint64_t s[100];
  uint32_t rate;
} pq_keccak_x4_state;

void pq_shake_x4_absorb_once(pq_keccak_x4_state *st, unsigned rate, const uint8_t *in0,
                             const uint8_t *in1, const uint8_t *in2, const uint8_t *in3,
                             size_t inlen);
void pq_shake_x4_squeezeblocks(pq_keccak_x4_state *st, uint8_t *out0, uint8_t *out1,
                               uint8_t *out2, uint8_t *out3, size_t nblocks);

/* W independent SHAKE sponges (W = 1, 2 or 4) stepped together with the W-way
 * permutation; state s has 25*W lanes, lane i of instance k at s[W*i + k].
 * Equal-length inputs, absorbed in one call. */
void pq_shake_multi_absorb_once(uint64_t *s, unsigned ways, unsigned rate,
                                const uint8_t *const *in, size_t inlen);
void pq_shake_multi_squeezeblocks(uint64_t *s, unsigned ways, unsigned rate, uint8_t *const *out,
                                  size_t nblocks);

/* The same with two sponges and the 2-way permutation (s[2*i + k]). */
typedef struct {
  uint64_t s[50];
  uint32_t rate;
} pq_keccak_x2_state;

void pq_shake_x2_absorb_once(pq_keccak_x2_state *st, unsigned rate, const uint8_t *in0,
                             const uint8_t *in1, size_t inlen);
void pq_shake_x2_squeezeblocks(pq_keccak_x2_state *st, uint8_t *out0, uint8_t *out1,
                               size_t nblocks);

#endif
