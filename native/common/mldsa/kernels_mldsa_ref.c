/* Portable reference ML-DSA kernels (see kernels_mldsa.h for the contract of each). */
#include "mldsa/kernels_mldsa.h"

#include "mldsa/ntt_tables.inc"

/* ---- NTT ------------------------------------------------------------------ */

void pq_ref_ntt(int32_t a[PQ_MLDSA_N]) {
  unsigned k = 0;
  for (unsigned len = 128; len > 0; len >>= 1) {
    for (unsigned start = 0; start < PQ_MLDSA_N; start += 2 * len) {
      const int32_t zeta = pq_mldsa_zetas[++k];
      for (unsigned j = start; j < start + len; j++) {
        const int32_t t = pq_montgomery_reduce((int64_t)zeta * a[j + len]);
        a[j + len] = a[j] - t;
        a[j] = a[j] + t;
      }
    }
  }
}

void pq_ref_invntt_tomont(int32_t a[PQ_MLDSA_N]) {
  unsigned k = 256;
  for (unsigned len = 1; len < PQ_MLDSA_N; len <<= 1) {
    for (unsigned start = 0; start < PQ_MLDSA_N; start += 2 * len) {
      const int32_t zeta = -pq_mldsa_zetas[--k];
      for (unsigned j = start; j < start + len; j++) {
        const int32_t t = a[j];
        a[j] = t + a[j + len];
        a[j + len] = pq_montgomery_reduce((int64_t)zeta * (t - a[j + len]));
      }
    }
  }
  for (unsigned j = 0; j < PQ_MLDSA_N; j++)
    a[j] = pq_montgomery_reduce((int64_t)PQ_MLDSA_INVNTT_F * a[j]);
}

void pq_ref_poly_pointwise(int32_t c[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N],
                           const int32_t b[PQ_MLDSA_N]) {
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) c[i] = pq_montgomery_reduce((int64_t)a[i] * b[i]);
}

void pq_ref_poly_pointwise_acc(int32_t c[PQ_MLDSA_N], const int32_t *const *a,
                               const int32_t *const *b, unsigned n) {
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) {
    int64_t acc = 0;
    for (unsigned k = 0; k < n; k++) acc += (int64_t)a[k][i] * b[k][i];
    c[i] = pq_montgomery_reduce(acc);
  }
}

/* ---- sampling ------------------------------------------------------------- */

unsigned pq_ref_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0, pos = 0;
  while (ctr < len && pos + 3 <= buflen) {
    uint32_t t = (uint32_t)buf[pos] | ((uint32_t)buf[pos + 1] << 8) |
                 ((uint32_t)buf[pos + 2] << 16);
    t &= 0x7FFFFF;
    pos += 3;
    if (t < PQ_MLDSA_Q) a[ctr++] = (int32_t)t;
  }
  return ctr;
}

unsigned pq_ref_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                        unsigned eta) {
  unsigned ctr = 0, pos = 0;
  while (ctr < len && pos < buflen) {
    uint32_t t0 = buf[pos] & 0x0F;
    uint32_t t1 = buf[pos] >> 4;
    pos++;
    if (eta == 2) {
      /* t mod 5 by multiplication (no division, no table) */
      if (t0 < 15) {
        t0 = t0 - ((205 * t0) >> 10) * 5;
        a[ctr++] = 2 - (int32_t)t0;
      }
      if (t1 < 15 && ctr < len) {
        t1 = t1 - ((205 * t1) >> 10) * 5;
        a[ctr++] = 2 - (int32_t)t1;
      }
    } else {
      if (t0 < 9) a[ctr++] = 4 - (int32_t)t0;
      if (t1 < 9 && ctr < len) a[ctr++] = 4 - (int32_t)t1;
    }
  }
  return ctr;
}

/* ---- rounding ------------------------------------------------------------- */

static inline int32_t decompose1(int32_t *a0, int32_t a, int32_t gamma2) {
  int32_t a1 = (a + 127) >> 7;
  if (gamma2 == (PQ_MLDSA_Q - 1) / 32) {
    a1 = (a1 * 1025 + (1 << 21)) >> 22;
    a1 &= 15;
  } else {
    a1 = (a1 * 11275 + (1 << 23)) >> 24;
    a1 ^= ((43 - a1) >> 31) & a1; /* a1 == 44 -> 0 */
  }
  int32_t r0 = a - a1 * 2 * gamma2;
  r0 -= (((PQ_MLDSA_Q - 1) / 2 - r0) >> 31) & PQ_MLDSA_Q;
  *a0 = r0;
  return a1;
}

void pq_ref_poly_decompose(int32_t a1[PQ_MLDSA_N], int32_t a0[PQ_MLDSA_N],
                           const int32_t a[PQ_MLDSA_N], int32_t gamma2) {
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) a1[i] = decompose1(&a0[i], a[i], gamma2);
}

void pq_ref_poly_use_hint(int32_t b[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N],
                          const int32_t h[PQ_MLDSA_N], int32_t gamma2) {
  const int32_t m = (PQ_MLDSA_Q - 1) / (2 * gamma2); /* 44 or 16 */
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) {
    int32_t r0;
    int32_t r1 = decompose1(&r0, a[i], gamma2);
    if (h[i]) {
      if (r0 > 0)
        r1 = (r1 + 1 == m) ? 0 : r1 + 1;
      else
        r1 = (r1 == 0) ? m - 1 : r1 - 1;
    }
    b[i] = r1;
  }
}

int pq_ref_poly_chknorm(const int32_t a[PQ_MLDSA_N], int32_t bound) {
  uint32_t bad = 0;
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) {
    int32_t t = a[i] >> 31;
    t = a[i] - (t & 2 * a[i]); /* |a_i| */
    bad |= (uint32_t)((bound - 1) - t) >> 31; /* 1 iff t >= bound */
  }
  return (int)bad;
}
