/* Falcon verification over the kernel interface (see falcon.h). */
#include "falcon/falcon.h"

#include "falcon/kernels_falcon.h"
#include "shared/pq_util.h"

#define Q PQ_FALCON_Q

int pq_falcon_decode_pk(uint16_t *h, unsigned logn, const uint8_t *in, size_t len) {
  const unsigned n = 1u << logn;
  if (len != (14u * n + 7) / 8) return -1;
  uint32_t acc = 0;
  unsigned acc_len = 0, u = 0;
  for (size_t i = 0; i < len; i++) {
    acc = (acc << 8) | in[i];
    acc_len += 8;
    if (acc_len >= 14) {
      acc_len -= 14;
      const uint32_t w = (acc >> acc_len) & 0x3FFF;
      if (w >= Q) return -1;
      h[u++] = (uint16_t)w;
    }
  }
  if ((acc & ((1u << acc_len) - 1)) != 0) return -1; /* unused bits must be zero */
  return 0;
}

size_t pq_falcon_comp_decode(int16_t *x, unsigned logn, const uint8_t *in, size_t len) {
  const unsigned n = 1u << logn;
  uint32_t acc = 0;
  unsigned acc_len = 0;
  size_t v = 0;
  for (unsigned u = 0; u < n; u++) {
    /* sign bit and the low 7 bits of |x| */
    if (v >= len) return 0;
    acc = (acc << 8) | in[v++];
    const unsigned b = (acc >> acc_len) & 0xFF;
    const unsigned s = b & 0x80;
    unsigned m = b & 0x7F;
    /* the high bits in unary: zeros, each worth 128, ended by a one */
    for (;;) {
      if (acc_len == 0) {
        if (v >= len) return 0;
        acc = (acc << 8) | in[v++];
        acc_len = 8;
      }
      acc_len--;
      if ((acc >> acc_len) & 1) break;
      m += 128;
      if (m > 2047) return 0;
    }
    if (s && m == 0) return 0; /* "-0" is not canonical */
    x[u] = (int16_t)(s ? -(int)m : (int)m);
  }
  if ((acc & ((1u << acc_len) - 1)) != 0) return 0; /* padding bits must be zero */
  return v;
}

size_t pq_falcon_trim_decode(int16_t *x, unsigned logn, unsigned bits, const uint8_t *in,
                             size_t len) {
  const unsigned n = 1u << logn;
  const size_t need = ((size_t)n * bits + 7) / 8;
  if (len < need) return 0;
  const uint32_t mask1 = (1u << bits) - 1, mask2 = 1u << (bits - 1);
  uint32_t acc = 0;
  unsigned acc_len = 0, u = 0;
  size_t v = 0;
  while (u < n) {
    acc = (acc << 8) | in[v++];
    acc_len += 8;
    while (acc_len >= bits && u < n) {
      acc_len -= bits;
      uint32_t w = (acc >> acc_len) & mask1;
      w |= 0u - (w & mask2); /* sign-extend */
      if (w == 0u - mask2) return 0; /* -2^(bits-1) is forbidden */
      x[u++] = (int16_t)(int32_t)w;
    }
  }
  if ((acc & ((1u << acc_len) - 1)) != 0) return 0;
  return v;
}

void pq_falcon_hash_to_point(uint16_t *c, unsigned logn, pq_keccak_state *st) {
  /* One whole SHAKE256 block (68 samples) at a time. */
  const unsigned n = 1u << logn;
  uint8_t buf[PQ_SHAKE256_RATE];
  unsigned got = 0;
  while (got < n) {
    pq_keccak_squeezeblocks(st, buf, 1);
    got += pq_falcon_sample(c + got, n - got, buf, PQ_SHAKE256_RATE);
  }
}

/* ||c - s2*h||^2 + ||s2||^2 <= beta^2, given hh = NTT(h) (|hh| <= (q-1)/2). */
static int verify_ntt_h(const uint16_t *c, const int16_t *s2, const int16_t *hh, unsigned logn) {
  const unsigned n = 1u << logn;
  int16_t tt[1024];
  for (unsigned i = 0; i < n; i++) tt[i] = s2[i]; /* |s2| <= 2047 < q */
  /* s2*h in the NTT domain; invntt_tomont cancels the pointwise 2^-16 */
  pq_falcon_ntt(tt, logn);
  pq_falcon_pointwise(tt, tt, hh, n);
  pq_falcon_invntt_tomont(tt, logn);
  /* s1 = c - s2*h, centered; ||s1||^2 + ||s2||^2 with saturation on overflow */
  uint32_t s = 0, ng = 0;
  for (unsigned i = 0; i < n; i++) {
    int32_t z = (int32_t)c[i] - tt[i]; /* in [-(q-1)/2, 3(q-1)/2] given the invntt bound */
    z -= Q & -(int32_t)(((uint32_t)((Q - 1) / 2 - z)) >> 31);  /* > (q-1)/2: subtract q */
    z += Q & -(int32_t)(((uint32_t)(z + (Q - 1) / 2)) >> 31); /* < -(q-1)/2: add q (defensive) */
    s += (uint32_t)(z * z);
    ng |= s;
    s += (uint32_t)((int32_t)s2[i] * s2[i]);
    ng |= s;
  }
  s |= 0u - (ng >> 31);
  return s <= (logn == 9 ? 34034726u : 70265242u);
}

static void ntt_of_h(int16_t *hh, const uint16_t *h, unsigned logn) {
  for (unsigned i = 0; i < (1u << logn); i++) hh[i] = pq_falcon_barrett((int16_t)h[i]);
  pq_falcon_ntt(hh, logn);
}

int pq_falcon_verify_raw(const uint16_t *c, const int16_t *s2, const uint16_t *h, unsigned logn) {
  int16_t hh[1024];
  ntt_of_h(hh, h, logn);
  return verify_ntt_h(c, s2, hh, logn);
}

/* Decodes and checks the body of a signature (after header and nonce), then
 * verifies against pk, or against a prepared NTT(h) when hh is given. */
static int verify_body(unsigned logn, const uint8_t *pk, size_t pklen, const int16_t *hh,
                       const uint8_t *body, size_t bodylen, int ct, int padded,
                       pq_keccak_state *st) {
  uint16_t c[1024];
  int16_t s2[1024], hbuf[1024];
  if (!hh) {
    uint16_t h[1024];
    if (pklen != PQ_FALCON_PK_BYTES(logn) || pk[0] != logn) return 0;
    if (pq_falcon_decode_pk(h, logn, pk + 1, pklen - 1) != 0) return 0;
    ntt_of_h(hbuf, h, logn);
    hh = hbuf;
  }
  size_t v = ct ? pq_falcon_trim_decode(s2, logn, 12, body, bodylen)
                : pq_falcon_comp_decode(s2, logn, body, bodylen);
  if (v == 0) return 0;
  if (v != bodylen) {
    if (!padded) return 0; /* trailing bytes only in the padded format, and only zeros */
    for (; v < bodylen; v++)
      if (body[v] != 0) return 0;
  }
  pq_shake_finalize(st);
  pq_falcon_hash_to_point(c, logn, st);
  return verify_ntt_h(c, s2, hh, logn);
}

int pq_falcon_prepare(unsigned logn, const uint8_t *pk, size_t pklen, uint8_t *out) {
  uint16_t h[1024];
  if ((logn != 9 && logn != 10) || pklen != PQ_FALCON_PK_BYTES(logn) || pk[0] != logn) return -1;
  if (pq_falcon_decode_pk(h, logn, pk + 1, pklen - 1) != 0) return -1;
  ntt_of_h((int16_t *)(void *)out, h, logn);
  return 0;
}

int pq_falcon_verify_start(pq_keccak_state *st, const uint8_t *sig, size_t siglen) {
  pq_shake256_init(st);
  if (siglen < 1 + PQ_FALCON_NONCE_BYTES) return -1;
  pq_keccak_absorb(st, sig + 1, PQ_FALCON_NONCE_BYTES);
  return 0;
}

static int finish_round3(unsigned logn, const uint8_t *pk, size_t pklen, const int16_t *hh,
                         const uint8_t *sig, size_t siglen, pq_keccak_state *st) {
  if ((logn != 9 && logn != 10) || siglen < 1 + PQ_FALCON_NONCE_BYTES) return 0;
  int ct;
  if (sig[0] == 0x30 + logn) {
    ct = 0;
  } else if (sig[0] == 0x50 + logn) {
    if (siglen != PQ_FALCON_CT_BYTES(logn)) return 0;
    ct = 1;
  } else {
    return 0;
  }
  const int padded = !ct && siglen == PQ_FALCON_PADDED_BYTES(logn);
  return verify_body(logn, pk, pklen, hh, sig + 41, siglen - 41, ct, padded, st);
}

int pq_falcon_verify_finish(unsigned logn, const uint8_t *pk, size_t pklen, const uint8_t *sig,
                            size_t siglen, pq_keccak_state *st) {
  return finish_round3(logn, pk, pklen, 0, sig, siglen, st);
}

int pq_falcon_verify_prepared_finish(unsigned logn, const uint8_t *prepared, const uint8_t *sig,
                                     size_t siglen, pq_keccak_state *st) {
  return finish_round3(logn, 0, 0, (const int16_t *)(const void *)prepared, sig, siglen, st);
}

int pq_falcon_det_verify_start(pq_keccak_state *st, const uint8_t *sig, size_t siglen) {
  pq_shake256_init(st);
  if (siglen < 2) return -1;
  /* salt = version || logn || "FALCON_DET" || 28 zero bytes */
  uint8_t salt[PQ_FALCON_NONCE_BYTES] = {sig[1], 10, 'F', 'A', 'L', 'C', 'O', 'N', '_', 'D', 'E', 'T'};
  pq_keccak_absorb(st, salt, sizeof salt);
  return 0;
}

static int finish_det(const uint8_t *pk, size_t pklen, const int16_t *hh, const uint8_t *sig,
                      size_t siglen, pq_keccak_state *st) {
  if (siglen < 2) return 0;
  if (sig[0] == 0xBA) {
    if (siglen > PQ_FALCON_DET_COMPRESSED_MAX) return 0;
    return verify_body(10, pk, pklen, hh, sig + 2, siglen - 2, 0, 0, st);
  }
  if (sig[0] == 0xDA) {
    if (siglen != PQ_FALCON_DET_CT_BYTES) return 0;
    return verify_body(10, pk, pklen, hh, sig + 2, siglen - 2, 1, 0, st);
  }
  return 0;
}

int pq_falcon_det_verify_finish(const uint8_t *pk, size_t pklen, const uint8_t *sig, size_t siglen,
                                pq_keccak_state *st) {
  return finish_det(pk, pklen, 0, sig, siglen, st);
}

int pq_falcon_det_verify_prepared_finish(const uint8_t *prepared, const uint8_t *sig, size_t siglen,
                                         pq_keccak_state *st) {
  return finish_det(0, 0, (const int16_t *)(const void *)prepared, sig, siglen, st);
}
