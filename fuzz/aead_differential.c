/* The AEAD family on the portable, AVX2 and AVX-512 cores linked in one binary (each core's global
 * symbols renamed <isa>_<name>, as scripts/build-addon.sh does): byte-identical outputs and
 * results for stream_xor of every cipher (counters near the 2^32 carry and the end included),
 * seal and open of every kind, Poly1305 and secretstream push/pull, each core fed the message
 * in its own input-chosen chunking (in place or not), so the SIMD kernels' block counts,
 * leftovers and tails differ from the portable ones.
 * Input: op (u8 % 4), selector (u8), flags (u8: bit 0 in place, bit 1 high counter), three chunk
 * seeds (u8 each), key (32), nonce (24), then per op:
 *   0 stream_xor: cipher = selector % 5, counter low (u16, or 2^32 - it with flag bit 1),
 *     counter high (u8; 0xffffffff when it is 0xff), message = the rest
 *   1 seal + open: kind = selector % 3, aad length (u8; absent for secretbox), aad, flip (u16),
 *     message = the rest; open of the portable's ciphertext, with the bit `flip` chooses (in the
 *     ciphertext when its bit 0 is set, else in the tag) flipped when flags bit 2 is set
 *   2 poly1305: message = the rest (key as the one-time key)
 *   3 secretstream push and pull: tag = selector % 4, ad length (u8), ad, message = the rest,
 *     state from init(key, nonce) */
#include "fuzz_util.h"

typedef void (*begin_fn)(pq_bind_state *, const int32_t *, const pq_buf *);
typedef int32_t (*end_fn)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);
#define DECL_X(isa, name)                                                                  \
  void isa##_pq_bind_##name##_begin(pq_bind_state *, const int32_t *, const pq_buf *);     \
  void isa##_pq_bind_##name##_update(pq_bind_state *, const uint8_t *, uint8_t *, size_t); \
  int32_t isa##_pq_bind_##name(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);
#define DECL(isa)                                                                           \
  DECL_X(isa, stream_xor)                                                                   \
  DECL_X(isa, aead_seal)                                                                    \
  DECL_X(isa, aead_open)                                                                    \
  DECL_X(isa, secretstream_push)                                                            \
  DECL_X(isa, secretstream_pull)                                                            \
  void isa##_pq_bind_poly1305_begin(pq_bind_state *, const int32_t *, const pq_buf *);      \
  void isa##_pq_bind_poly1305_update(pq_bind_state *, const uint8_t *, size_t);             \
  int32_t isa##_pq_bind_poly1305(pq_bind_state *, const int32_t *, const pq_buf *,          \
                                 const pq_buf *);                                           \
  int32_t isa##_pq_bind_secretstream_init(pq_bind_state *, const int32_t *, const pq_buf *, \
                                          const pq_buf *);
DECL(portable)
DECL(avx2)
#ifdef FUZZ_WITH_AVX512
DECL(avx512)
#endif

typedef struct {
  begin_fn begin;
  fz_transform_fn update;
  end_fn end;
} xform;
typedef struct {
  const char *name;
  xform stream_xor, seal, open, push, pull;
  begin_fn poly_begin;
  fz_update_fn poly_update;
  end_fn poly_end, sst_init;
} core;
#define X(isa, name) \
  {isa##_pq_bind_##name##_begin, isa##_pq_bind_##name##_update, isa##_pq_bind_##name}
#define CORE(isa)                 \
  {#isa,                          \
   X(isa, stream_xor),            \
   X(isa, aead_seal),             \
   X(isa, aead_open),             \
   X(isa, secretstream_push),     \
   X(isa, secretstream_pull),     \
   isa##_pq_bind_poly1305_begin,  \
   isa##_pq_bind_poly1305_update, \
   isa##_pq_bind_poly1305,        \
   isa##_pq_bind_secretstream_init}
static const core CORES[] = {CORE(portable), CORE(avx2),
#ifdef FUZZ_WITH_AVX512
                             CORE(avx512)
#endif
};
#define NC (sizeof CORES / sizeof CORES[0])
#define MAXM 16384

static int32_t run(const xform *x, const int32_t *a, const pq_buf *in, const pq_buf *out,
                   const uint8_t *src, uint8_t *dst, size_t n, uint32_t seed) {
  pq_bind_state st;
  x->begin(&st, a, in);
  fz_feed2(&st, x->update, src, dst, n, seed);
  return x->end(&st, a, in, out);
}

static uint8_t msg[NC][MAXM], outm[NC][MAXM], small[NC][128];

static void same(const char *what, const int32_t *rc, uint8_t (*o)[MAXM], size_t n,
                 uint8_t (*s)[128], size_t sn) {
  for (unsigned c = 1; c < NC; c++) {
    FUZZ_CHECK(rc[c] == rc[0], "%s: %s returned %d, portable %d", what, CORES[c].name, rc[c],
               rc[0]);
    if (o)
      FUZZ_CHECK(memcmp(o[c], o[0], n) == 0, "%s: %s message output differs from portable", what,
                 CORES[c].name);
    if (s)
      FUZZ_CHECK(memcmp(s[c], s[0], sn) == 0, "%s: %s output differs from portable", what,
                 CORES[c].name);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const unsigned op = fz_u8(&r) % 4;
  const uint8_t sel = fz_u8(&r), flags = fz_u8(&r);
  uint32_t seeds[NC];
  for (unsigned c = 0; c < 3; c++) {
    const uint32_t s = fz_u8(&r) | (uint32_t)c << 9;
    if (c < NC) seeds[c] = s;
  }
  size_t got;
  uint8_t key[32] = {0}, nonce[24] = {0};
  memcpy(key, fz_bytes(&r, 32, &got), got);
  memcpy(nonce, fz_bytes(&r, 24, &got), got);
  int32_t rc[NC];
  const int inplace = flags & 1;
  /* each core's own copy of the message, so in-place runs do not feed each other */
#define LOAD_MSG(p, n) \
  for (unsigned c = 0; c < NC; c++) memcpy(msg[c], (p), (n));
#define DST(c) (inplace ? msg[c] : outm[c])
#define RESULT(c) (inplace ? msg : outm)

  if (op == 0) {
    static const size_t NL[5] = {12, 8, 24, 8, 24};
    const int32_t cipher = sel % 5;
    uint32_t lo = fz_u16(&r);
    if (flags & 2) lo = 0u - lo;
    const uint8_t hb = fz_u8(&r);
    const int32_t a[3] = {cipher, (int32_t)lo, hb == 0xff ? -1 : (int32_t)hb};
    size_t n;
    const uint8_t *m = fz_bytes(&r, r.n < MAXM ? r.n : MAXM, &n);
    LOAD_MSG(m, n);
    const pq_buf in[2] = {{key, 32}, {nonce, NL[cipher]}};
    for (unsigned c = 0; c < NC; c++)
      rc[c] = run(&CORES[c].stream_xor, a, in, 0, msg[c], DST(c), n, seeds[c]);
    same("stream_xor", rc, rc[0] == 0 ? RESULT(0) : 0, n, 0, 0);
    return 0;
  }
  if (op == 1) {
    static const size_t NL[3] = {12, 24, 24};
    const int32_t kind = sel % 3;
    size_t an, n;
    const uint8_t *ad = fz_bytes(&r, kind == 2 ? 0 : fz_u8(&r), &an);
    const uint16_t flip = fz_u16(&r);
    const uint8_t *m = fz_bytes(&r, r.n < MAXM ? r.n : MAXM, &n);
    LOAD_MSG(m, n);
    const int32_t a[1] = {kind};
    const pq_buf in[3] = {{key, 32}, {nonce, NL[kind]}, {(uint8_t *)ad, an}};
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf out[1] = {{small[c], 16}};
      rc[c] = run(&CORES[c].seal, a, in, out, msg[c], DST(c), n, seeds[c]);
    }
    same("seal", rc, RESULT(0), n, small, 16);
    FUZZ_CHECK(rc[0] == 0, "seal failed: %d", rc[0]);
    /* open the portable's ciphertext (maybe with a flipped bit) on every core */
    static uint8_t ct[MAXM], tag[16];
    memcpy(ct, RESULT(0)[0], n);
    memcpy(tag, small[0], 16);
    const int flipped = (flags & 4) != 0;
    if (flipped) {
      if (n && (flip & 1))
        ct[(flip >> 4) % n] ^= (uint8_t)(1u << ((flip >> 1) & 7));
      else
        tag[(flip >> 4) % 16] ^= (uint8_t)(1u << ((flip >> 1) & 7));
    }
    LOAD_MSG(ct, n);
    const pq_buf oin[4] = {{key, 32}, {nonce, NL[kind]}, {(uint8_t *)ad, an}, {tag, 16}};
    for (unsigned c = 0; c < NC; c++)
      rc[c] = run(&CORES[c].open, a, oin, 0, msg[c], DST(c), n, seeds[c] >> 1);
    same("open", rc, RESULT(0), n, 0, 0);
    FUZZ_CHECK(rc[0] == !flipped, "open = %d of a %s ciphertext", rc[0],
               flipped ? "modified" : "real");
    if (rc[0] == 1) FUZZ_CHECK(memcmp(RESULT(0)[0], m, n) == 0, "open gave another plaintext");
    return 0;
  }
  if (op == 2) {
    size_t n;
    const uint8_t *m = fz_bytes(&r, r.n, &n);
    const pq_buf in[1] = {{key, 32}};
    for (unsigned c = 0; c < NC; c++) {
      pq_bind_state st;
      const pq_buf out[1] = {{small[c], 16}};
      CORES[c].poly_begin(&st, 0, in);
      fz_feed(&st, CORES[c].poly_update, m, n, seeds[c]);
      rc[c] = CORES[c].poly_end(&st, 0, in, out);
    }
    same("poly1305", rc, 0, 0, small, 16);
    return 0;
  }
  /* op 3: secretstream */
  const int32_t tag = sel % 4;
  size_t an, n;
  const uint8_t *ad = fz_bytes(&r, fz_u8(&r), &an);
  const uint8_t *m = fz_bytes(&r, r.n < MAXM ? r.n : MAXM, &n);
  uint8_t state[52];
  const pq_buf iin[2] = {{key, 32}, {nonce, 24}};
  const pq_buf iout[1] = {{state, 52}};
  FUZZ_CHECK(CORES[0].sst_init(0, 0, iin, iout) == 0, "init");
  LOAD_MSG(m, n);
  const int32_t a[1] = {tag};
  const pq_buf in[2] = {{state, 52}, {(uint8_t *)ad, an}};
  for (unsigned c = 0; c < NC; c++) {
    const pq_buf out[3] = {{small[c], 52}, {small[c] + 52, 1}, {small[c] + 53, 16}};
    rc[c] = run(&CORES[c].push, a, in, out, msg[c], DST(c), n, seeds[c]);
  }
  same("push", rc, RESULT(0), n, small, 69);
  FUZZ_CHECK(rc[0] == 0, "push failed: %d", rc[0]);
  static uint8_t body[MAXM], tail[69];
  memcpy(body, RESULT(0)[0], n);
  memcpy(tail, small[0], 69);
  LOAD_MSG(body, n);
  const pq_buf pin[4] = {{state, 52}, {(uint8_t *)ad, an}, {tail + 52, 1}, {tail + 53, 16}};
  for (unsigned c = 0; c < NC; c++) {
    const pq_buf out[2] = {{small[c], 52}, {small[c] + 52, 1}};
    rc[c] = run(&CORES[c].pull, 0, pin, out, msg[c], DST(c), n, seeds[c] >> 1);
  }
  same("pull", rc, RESULT(0), n, small, 53);
  FUZZ_CHECK(rc[0] == 1 && small[0][52] == tag && memcmp(small[0], tail, 52) == 0 &&
                 memcmp(RESULT(0)[0], m, n) == 0,
             "pull of a fresh push");
  return 0;
}
