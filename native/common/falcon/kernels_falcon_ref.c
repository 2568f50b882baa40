/* Portable reference kernels for Falcon verification (q = 12289, int16 lanes).
 *
 * Layout for SIMD: every butterfly layer is a loop over blocks sharing one
 * twiddle, and the inner loop runs over `len` contiguous lanes; for the small
 * strides (len < vector width) a SIMD target hoists the twiddle loading one
 * loop up (a vector of per-block twiddles) so the layer is still one straight
 * chain. Reductions: Barrett every second layer keeps |a| < 2.5 q < 2^15. */
#include "falcon/kernels_falcon.h"

#include "falcon/falcon_tables.inc"

static void barrett_all(int16_t *a, unsigned n) {
  for (unsigned i = 0; i < n; i++) a[i] = pq_falcon_barrett(a[i]);
}

void pq_ref_falcon_ntt(int16_t *a, unsigned logn) {
  const unsigned n = 1u << logn;
  unsigned layer = 0;
  for (unsigned len = n >> 1; len > 0; len >>= 1, layer++) {
    /* in: |a| < q after the first reduction below, then < 1.5q / 2.5q alternating */
    for (unsigned start = 0, k = n / (2 * len); start < n; start += 2 * len, k++) {
      const int16_t zeta = pq_falcon_zetas[k];
      for (unsigned j = start; j < start + len; j++) {
        const int16_t t = pq_falcon_fqmul(zeta, a[j + len]);
        a[j + len] = (int16_t)(a[j] - t);
        a[j] = (int16_t)(a[j] + t);
      }
    }
    if ((layer & 1) == 0 || len == 1) barrett_all(a, n);
  }
}

void pq_ref_falcon_invntt_tomont(int16_t *a, unsigned logn) {
  const unsigned n = 1u << logn;
  unsigned layer = 0;
  for (unsigned len = 1; len < n; len <<= 1, layer++) {
    for (unsigned start = 0, k = n / (2 * len); start < n; start += 2 * len, k++) {
      const int16_t zeta = pq_falcon_zetas_inv[k];
      for (unsigned j = start; j < start + len; j++) {
        const int16_t t = a[j];
        a[j] = (int16_t)(t + a[j + len]);
        a[j + len] = pq_falcon_fqmul(zeta, (int16_t)(t - a[j + len]));
      }
    }
    /* sums double per layer: reduce every second layer (|a| <= 2q < 2^15) */
    if (layer & 1) barrett_all(a, n);
  }
  const int16_t f = logn == 9 ? PQ_FALCON_INVNTT_F9 : PQ_FALCON_INVNTT_F10;
  for (unsigned i = 0; i < n; i++) a[i] = pq_falcon_barrett(pq_falcon_fqmul(f, a[i]));
}

void pq_ref_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n) {
  for (unsigned i = 0; i < n; i++) c[i] = pq_falcon_fqmul(a[i], b[i]);
}

unsigned pq_ref_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0;
  for (unsigned pos = 0; pos + 2 <= buflen && ctr < len; pos += 2) {
    const uint32_t w = ((uint32_t)buf[pos] << 8) | buf[pos + 1];
    if (w < 61445) c[ctr++] = (uint16_t)(w % PQ_FALCON_Q);
  }
  return ctr;
}
