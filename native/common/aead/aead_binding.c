/* AEAD entry points of the binding (pq_binding.h): argument and length checks, then
 * the C core of aead/aead.h. The transform entries (kind 2) keep everything between
 * begin, update and end in st->h.aead; every end wipes it (the finals do). */
#include "aead/aead.h"
#include "aead/arx.h"
#include "binding/pq_binding.h"
#include "shared/pq_bench.h"
#include "shared/pq_util.h"

/* zero an output after an error, as far as it is (at most want bytes) */
static void zero_out(const pq_buf *b, size_t want) { pq_zero(b->p, b->n < want ? b->n : want); }

/* ---- aead_seal / aead_open: a = kind; in = key, nonce, aad (, tag) -------------------------- */

void pq_bind_aead_seal_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  pq_aead_init(&st->h.aead, a[0], 1, in[0].p, in[0].n, in[1].p, in[1].n, in[2].p, in[2].n);
}

void pq_bind_aead_seal_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst, size_t n) {
  pq_aead_update(&st->h.aead, dst, src, n);
}

int32_t pq_bind_aead_seal(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                          const pq_buf *out) {
  (void)a, (void)in;
  uint8_t tag[16];
  int32_t r = pq_aead_seal_final(&st->h.aead, tag);
  if (!r && out[0].n < 16) r = PQ_ERR_LENGTH;
  if (r)
    zero_out(&out[0], 16);
  else
    pq_copy(out[0].p, tag, 16);
  return r;
}

void pq_bind_aead_open_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  pq_aead_init(&st->h.aead, a[0], 0, in[0].p, in[0].n, in[1].p, in[1].n, in[2].p, in[2].n);
}

void pq_bind_aead_open_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst, size_t n) {
  pq_aead_update(&st->h.aead, dst, src, n);
}

int32_t pq_bind_aead_open(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                          const pq_buf *out) {
  (void)a, (void)out;
  static const uint8_t no_tag[16] = {0};
  if (in[3].n != 16 && !st->h.aead.err) st->h.aead.err = PQ_ERR_LENGTH;
  /* with an error the final returns it without reading the tag */
  return pq_aead_open_final(&st->h.aead, in[3].n == 16 ? in[3].p : no_tag);
}

/* ---- stream_xor: a = cipher, counter low, counter high; in = key, nonce ------------------------ */

void pq_bind_stream_xor_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  const uint64_t counter = (uint64_t)(uint32_t)a[1] | (uint64_t)(uint32_t)a[2] << 32;
  pq_stream_init(&st->h.aead, a[0], in[0].p, in[0].n, in[1].p, in[1].n, counter);
}

void pq_bind_stream_xor_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst, size_t n) {
  pq_aead_update(&st->h.aead, dst, src, n);
}

int32_t pq_bind_stream_xor(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                           const pq_buf *out) {
  (void)a, (void)in, (void)out;
  return pq_stream_final(&st->h.aead);
}

/* ---- arx_subkey: a = 0 HChaCha20, 1 HSalsa20; in = key(32), input(16); out = subkey(32) -------- */

int32_t pq_bind_arx_subkey(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                           const pq_buf *out) {
  (void)st;
  if (a[0] != 0 && a[0] != 1) return PQ_ERR_PARAMS;
  if (in[0].n != 32 || in[1].n != 16 || out[0].n < 32) return PQ_ERR_LENGTH;
  uint8_t sub[32];
  if (a[0] == 0)
    pq_hchacha20(sub, in[0].p, in[1].p);
  else
    pq_hsalsa20(sub, in[0].p, in[1].p);
  pq_copy(out[0].p, sub, 32);
  pq_wipe(sub, sizeof sub);
  return 0;
}

/* ---- poly1305: in = one-time key(32); message; out = tag(16) ---------------------------------- */

void pq_bind_poly1305_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  (void)a;
  static const uint8_t zero_key[32] = {0};
  pq_aead_stream *c = &st->h.aead;
  const int ok = in[0].n == 32;
  /* a wrong key length MACs with a zero key (never read past in[0]) and fails at the end */
  pq_poly1305_init(&c->mac, ok ? in[0].p : zero_key);
  c->err = ok ? 0 : PQ_ERR_LENGTH;
}

void pq_bind_poly1305_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  pq_poly1305_update(&st->h.aead.mac, p, n);
}

int32_t pq_bind_poly1305(pq_bind_state *st, const int32_t *a, const pq_buf *in, const pq_buf *out) {
  (void)a, (void)in;
  pq_aead_stream *c = &st->h.aead;
  int32_t r = c->err;
  if (!r && out[0].n < 16) r = PQ_ERR_LENGTH;
  uint8_t tag[16];
  pq_poly1305_final(&c->mac, tag);
  if (!r) pq_copy(out[0].p, tag, 16);
  pq_wipe(tag, sizeof tag);
  pq_wipe(c, sizeof *c);
  return r;
}

/* ---- secretstream ------------------------------------------------------------------------------ */

/* in = key(32), header(24); out = state(52) */
int32_t pq_bind_secretstream_init(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                  const pq_buf *out) {
  (void)st, (void)a;
  if (in[0].n != 32 || in[1].n != PQ_SECRETSTREAM_HEADERBYTES ||
      out[0].n < PQ_SECRETSTREAM_STATEBYTES)
    return PQ_ERR_LENGTH;
  uint8_t state[PQ_SECRETSTREAM_STATEBYTES];
  pq_secretstream_init(state, in[0].p, in[1].p);
  pq_copy(out[0].p, state, sizeof state);
  pq_wipe(state, sizeof state);
  return 0;
}

/* a = tag; in = state(52), ad; message; out = next state(52), first byte(1), mac(16) */
void pq_bind_secretstream_push_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  pq_secretstream_push_init(&st->h.aead, in[0].p, in[0].n, (uint32_t)a[0], in[1].p, in[1].n);
}

void pq_bind_secretstream_push_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst,
                                      size_t n) {
  pq_aead_update(&st->h.aead, dst, src, n);
}

int32_t pq_bind_secretstream_push(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                  const pq_buf *out) {
  (void)a, (void)in;
  uint8_t next[PQ_SECRETSTREAM_STATEBYTES], first, mac[16];
  int32_t r = pq_secretstream_push_final(&st->h.aead, next, &first, mac);
  if (!r && (out[0].n < PQ_SECRETSTREAM_STATEBYTES || out[1].n < 1 || out[2].n < 16))
    r = PQ_ERR_LENGTH;
  if (r) {
    zero_out(&out[0], PQ_SECRETSTREAM_STATEBYTES);
    zero_out(&out[1], 1);
    zero_out(&out[2], 16);
  } else {
    pq_copy(out[0].p, next, sizeof next);
    out[1].p[0] = first;
    pq_copy(out[2].p, mac, sizeof mac);
  }
  pq_wipe(next, sizeof next);
  return r;
}

/* in = state(52), ad, first byte(1), mac(16); message; out = next state(52), tag(1) */
void pq_bind_secretstream_pull_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  (void)a;
  pq_secretstream_pull_init(&st->h.aead, in[0].p, in[0].n, in[1].p, in[1].n, in[2].p, in[2].n);
}

void pq_bind_secretstream_pull_update(pq_bind_state *st, const uint8_t *src, uint8_t *dst,
                                      size_t n) {
  pq_aead_update(&st->h.aead, dst, src, n);
}

int32_t pq_bind_secretstream_pull(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                  const pq_buf *out) {
  (void)a;
  static const uint8_t no_mac[16] = {0};
  pq_aead_stream *c = &st->h.aead;
  if (!c->err && (in[3].n != 16 || out[0].n < PQ_SECRETSTREAM_STATEBYTES || out[1].n < 1))
    c->err = PQ_ERR_LENGTH;
  uint8_t next[PQ_SECRETSTREAM_STATEBYTES], tag;
  /* with an error the final returns it without reading the mac */
  const int32_t r = pq_secretstream_pull_final(c, in[3].n == 16 ? in[3].p : no_mac, next, &tag);
  if (r == 1) {
    pq_copy(out[0].p, next, sizeof next);
    out[1].p[0] = tag;
  } else {
    zero_out(&out[0], PQ_SECRETSTREAM_STATEBYTES);
    zero_out(&out[1], 1);
  }
  pq_wipe(next, sizeof next);
  return r;
}

/* in = state(52); out = next state(52) */
int32_t pq_bind_secretstream_rekey(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                   const pq_buf *out) {
  (void)st, (void)a;
  if (in[0].n != PQ_SECRETSTREAM_STATEBYTES || out[0].n < PQ_SECRETSTREAM_STATEBYTES)
    return PQ_ERR_LENGTH;
  uint8_t state[PQ_SECRETSTREAM_STATEBYTES];
  pq_copy(state, in[0].p, sizeof state);
  pq_secretstream_rekey(state);
  pq_copy(out[0].p, state, sizeof state);
  pq_wipe(state, sizeof state);
  return 0;
}

/* ---- benchmark hook: a = kernel id (PQ_BENCH_AEAD_*), iterations ------------------------------- */

int32_t pq_bind_aead_bench(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                           const pq_buf *out) {
  (void)st, (void)in, (void)out;
  return pq_bench_aead_kernel(a[0], (uint32_t)a[1]);
}
