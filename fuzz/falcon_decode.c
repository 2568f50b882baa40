/* Falcon's decoders alone (pq_falcon_decode_pk, pq_falcon_comp_decode, pq_falcon_trim_decode),
 * checked by re-encoding: whatever decodes must re-encode to the very bytes it was decoded from
 * (the encodings are canonical), within the documented value ranges.
 * Input: selector (u8: bit 0..1 the decoder, bit 2 logn 9/10), bits for trim (u8 -> 2..16), then
 * the encoded bytes. */
#include "falcon/falcon.h"
#include "fuzz_util.h"

#define Q 12289

/* MSB-first bit writer */
typedef struct {
  uint8_t *out;
  size_t cap, len;
  uint32_t acc;
  unsigned acc_len;
} bitw;
static void put(bitw *w, uint32_t v, unsigned bits) {
  for (unsigned i = bits; i-- > 0;) {
    w->acc = (w->acc << 1) | ((v >> i) & 1);
    if (++w->acc_len == 8) {
      FUZZ_CHECK(w->len < w->cap, "re-encoding longer than the input");
      w->out[w->len++] = (uint8_t)w->acc;
      w->acc = 0;
      w->acc_len = 0;
    }
  }
}
static void flush(bitw *w) {
  if (w->acc_len) put(w, 0, 8 - w->acc_len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const uint8_t sel = fz_u8(&r);
  const unsigned bits = 2 + fz_u8(&r) % 15, logn = sel & 4 ? 10 : 9, n = 1u << logn;
  size_t len;
  const uint8_t *p = fz_bytes(&r, r.n, &len);
  uint8_t *in = fz_dup(p, len), *re = (uint8_t *)calloc(len + 1, 1);
  bitw w = {re, len + 1, 0, 0, 0};
  switch (sel & 3) {
    case 0: { /* public key body: n 14-bit values < q, exact length */
      uint16_t h[1024];
      if (pq_falcon_decode_pk(h, logn, in, len) == 0) {
        FUZZ_CHECK(len == (14u * n + 7) / 8, "pk of %zu bytes decoded", len);
        for (unsigned i = 0; i < n; i++) {
          FUZZ_CHECK(h[i] < Q, "h[%u] = %u", i, h[i]);
          put(&w, h[i], 14);
        }
        flush(&w);
        FUZZ_CHECK(w.len == len && memcmp(re, in, len) == 0, "pk re-encoding differs");
      }
      break;
    }
    case 1: { /* compressed s2 */
      int16_t x[1024];
      const size_t v = pq_falcon_comp_decode(x, logn, in, len);
      if (v) {
        FUZZ_CHECK(v <= len, "consumed %zu of %zu", v, len);
        for (unsigned i = 0; i < n; i++) {
          const int s = x[i] < 0;
          const unsigned m = (unsigned)(s ? -x[i] : x[i]);
          FUZZ_CHECK(m <= 2047, "|x[%u]| = %u", i, m);
          put(&w, (unsigned)s << 7 | (m & 0x7F), 8);
          put(&w, 1, (m >> 7) + 1); /* m >> 7 zeros, then a one */
        }
        flush(&w);
        FUZZ_CHECK(w.len == v && memcmp(re, in, v) == 0, "compressed re-encoding differs (%zu vs %zu bytes)", w.len, v);
      }
      break;
    }
    default: { /* fixed-width signed (the CT format uses 12 bits) */
      int16_t x[1024];
      const size_t v = pq_falcon_trim_decode(x, logn, bits, in, len);
      if (v) {
        FUZZ_CHECK(v == ((size_t)n * bits + 7) / 8 && v <= len, "consumed %zu", v);
        for (unsigned i = 0; i < n; i++) {
          FUZZ_CHECK(x[i] > -(1 << (bits - 1)) && x[i] < (1 << (bits - 1)), "x[%u] = %d (%u bits)", i, x[i], bits);
          put(&w, (uint32_t)x[i] & ((1u << bits) - 1), bits);
        }
        flush(&w);
        FUZZ_CHECK(w.len == v && memcmp(re, in, v) == 0, "trim re-encoding differs");
      }
    }
  }
  free(in);
  free(re);
  return 0;
}
