/* The portable, AVX2 and AVX-512 cores linked in one binary (each core's global symbols renamed
 * <isa>_<name>, as scripts/build-addon.sh does) must give byte-identical results: keygen outputs,
 * signatures (and error codes), recomputed public keys, prepared keys, mu, and verify verdicts
 * (plain and prepared, ML-DSA and Falcon), each core fed the message in its own input-chosen
 * chunking.
 * Input: op (u8 mod 5), level selector, mode, ph, flags, three chunk seeds (u8 each), then per op:
 *   0 keygen: seed (32)
 *   1 sign: seed (32), ctx length (u8), rnd (32), sk edits (count u8 mod 8, then (u16 pos, u8 xor)),
 *     message (the rest)
 *   2 verify / mu / prepare: flags bit 0: a real key pair from seed (32), a signature of the
 *     message by it, then edits of it (count u8 mod 8, then (u16 pos, u8 xor)); else pk length,
 *     sig length (u16 each) and the bytes; then ctx length (u8), ctx, and the rest is the message
 *   3 public key: seed (32), sk edits as for sign
 *   4 Falcon: kind (level selector mod 3), pk length, sig length (u16 each), pk, sig, message */
#include "falcon/falcon.h"
#include "fuzz_util.h"
#include "mldsa/mldsa.h"

typedef int32_t (*entry_fn)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);
typedef void (*begin_fn)(pq_bind_state *, const int32_t *, const pq_buf *);

#define DECL_STREAMED(isa, name)                                                       \
  void isa##_pq_bind_##name##_begin(pq_bind_state *, const int32_t *, const pq_buf *); \
  void isa##_pq_bind_##name##_update(pq_bind_state *, const uint8_t *, size_t);        \
  int32_t isa##_pq_bind_##name(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);
#define DECL(isa)                                                                                  \
  int32_t isa##_pq_bind_mldsa_keygen(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *); \
  int32_t isa##_pq_bind_mldsa_public_key(pq_bind_state *, const int32_t *, const pq_buf *,             \
                                         const pq_buf *);                                               \
  int32_t isa##_pq_bind_mldsa_prepare(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *); \
  int32_t isa##_pq_bind_falcon_prepare(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *); \
  DECL_STREAMED(isa, mldsa_sign)                                                                   \
  DECL_STREAMED(isa, mldsa_verify)                                                                 \
  DECL_STREAMED(isa, mldsa_mu)                                                                     \
  DECL_STREAMED(isa, mldsa_verify_prepared)                                                        \
  DECL_STREAMED(isa, falcon_verify)                                                                \
  DECL_STREAMED(isa, falcon_verify_prepared)
DECL(portable)
DECL(avx2)
#ifdef FUZZ_WITH_AVX512
DECL(avx512)
#endif
const pq_mldsa_params *portable_pq_mldsa_params_get(unsigned name);
size_t portable_pq_mldsa_prepared_bytes(unsigned name);

typedef struct {
  begin_fn begin;
  fz_update_fn update;
  entry_fn end;
} streamed;
typedef struct {
  const char *name;
  entry_fn keygen, public_key, prepare, falcon_prepare;
  streamed sign, verify, mu, verify_prepared, falcon_verify, falcon_verify_prepared;
} core;
#define S(isa, name) {isa##_pq_bind_##name##_begin, isa##_pq_bind_##name##_update, isa##_pq_bind_##name}
#define CORE(isa)                                                                               \
  {#isa, isa##_pq_bind_mldsa_keygen, isa##_pq_bind_mldsa_public_key, isa##_pq_bind_mldsa_prepare, \
   isa##_pq_bind_falcon_prepare, S(isa, mldsa_sign), S(isa, mldsa_verify), S(isa, mldsa_mu),      \
   S(isa, mldsa_verify_prepared), S(isa, falcon_verify), S(isa, falcon_verify_prepared)}
static const core CORES[] = {CORE(portable), CORE(avx2),
#ifdef FUZZ_WITH_AVX512
                             CORE(avx512)
#endif
};
#define NC (sizeof CORES / sizeof CORES[0])

static int32_t run(const streamed *s, const int32_t *a, const pq_buf *in, const pq_buf *out,
                   const uint8_t *m, size_t mlen, uint32_t seed) {
  pq_bind_state st;
  s->begin(&st, a, in);
  fz_feed(&st, s->update, m, mlen, seed);
  return s->end(&st, a, in, out);
}

static _Alignas(8) uint8_t prep[NC][65600];
static uint8_t o1[NC][4896], o2[NC][4896];

static void same(const char *what, const int32_t *rc, uint8_t (*o)[4896], size_t len) {
  for (unsigned c = 1; c < NC; c++) {
    FUZZ_CHECK(rc[c] == rc[0], "%s: %s returned %d, portable %d", what, CORES[c].name, rc[c], rc[0]);
    if (o) FUZZ_CHECK(memcmp(o[c], o[0], len) == 0, "%s: %s output differs from portable", what, CORES[c].name);
  }
}

/* Applies up to 7 edits (u16 position, u8 xor) to buf. */
static void edits(fz_reader *r, uint8_t *buf, size_t len) {
  for (unsigned e = fz_u8(r) % 8; e > 0; e--) {
    const size_t pos = fz_u16(r) % len;
    buf[pos] ^= fz_u8(r);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const unsigned op = fz_u8(&r) % 5;
  const uint8_t lb = fz_u8(&r), mb = fz_u8(&r), pb = fz_u8(&r), flags = fz_u8(&r);
  uint32_t seeds[NC];
  for (unsigned c = 0; c < 3; c++) {
    const uint32_t s = fz_u8(&r) | (uint32_t)c << 9;
    if (c < NC) seeds[c] = s;
  }
  int32_t rc[NC];
  static const int32_t LEVELS[3] = {44, 65, 87};
  const int32_t level = LEVELS[lb % 3];
  const pq_mldsa_params *P = portable_pq_mldsa_params_get((unsigned)level);
  const int32_t la[1] = {level};
  size_t got;
  uint8_t seed[32] = {0};
  if (op != 4) memcpy(seed, fz_bytes(&r, 32, &got), got);
  static uint8_t pk[2592], sk[4896], sig[4627];

  if (op == 0) { /* keygen */
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf in[1] = {{seed, 32}}, out[2] = {{o1[c], P->pk_bytes}, {o2[c], P->sk_bytes}};
      rc[c] = CORES[c].keygen(0, la, in, out);
    }
    same("keygen pk", rc, o1, P->pk_bytes);
    same("keygen sk", rc, o2, P->sk_bytes);
    return 0;
  }
  {
    const pq_buf in[1] = {{seed, 32}}, out[2] = {{pk, P->pk_bytes}, {sk, P->sk_bytes}};
    FUZZ_CHECK(CORES[0].keygen(0, la, in, out) == 0, "keygen");
  }
  const int32_t mode = mb % 3;
  const int32_t ph = mode == PQ_MODE_EXTERNAL && (pb & 0x80) ? pb % PQ_PH_COUNT : -1;
  const int32_t a[3] = {level, mode, ph};

  if (op == 1 || op == 3) { /* sign / public key of a (possibly edited) secret key */
    size_t cn = 0;
    const uint8_t *cp = 0;
    uint8_t rnd[32] = {0};
    if (op == 1) {
      const size_t cl = mode == PQ_MODE_EXTERNAL ? fz_u8(&r) : 0;
      cp = fz_bytes(&r, cl, &cn);
      memcpy(rnd, fz_bytes(&r, 32, &got), got);
    }
    edits(&r, sk, P->sk_bytes);
    if (op == 3) {
      for (unsigned c = 0; c < NC; c++) {
        const pq_buf in[1] = {{sk, P->sk_bytes}}, out[1] = {{o1[c], P->pk_bytes}};
        rc[c] = CORES[c].public_key(0, la, in, out);
      }
      same("public_key", rc, o1, P->pk_bytes);
      return 0;
    }
    size_t mn;
    const uint8_t *mp = fz_bytes(&r, mode == PQ_MODE_MU ? 64 : r.n, &mn);
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf in[3] = {{sk, P->sk_bytes}, {(uint8_t *)cp, cn}, {rnd, 32}}, out[1] = {{o1[c], P->sig_bytes}};
      rc[c] = run(&CORES[c].sign, a, in, out, mp, mn, seeds[c]);
    }
    same("sign", rc, rc[0] == 0 ? o1 : 0, P->sig_bytes);
    return 0;
  }

  if (op == 2) { /* verify, verify_prepared, mu, prepare */
    size_t pkn = P->pk_bytes, sn = P->sig_bytes, cn, mn;
    const int real = flags & 1;
    if (!real) {
      const size_t pl = fz_u16(&r), sl = fz_u16(&r);
      memcpy(pk, fz_bytes(&r, pl < sizeof pk ? pl : sizeof pk, &pkn), pkn);
      memcpy(sig, fz_bytes(&r, sl < sizeof sig ? sl : sizeof sig, &sn), sn);
    }
    const uint8_t *cp = fz_bytes(&r, fz_u8(&r), &cn);
    if (mode != PQ_MODE_EXTERNAL) cn = 0;
    const uint8_t *mp = fz_bytes(&r, r.n, &mn);
    if (real) {
      uint8_t rnd[32] = {0};
      const pq_buf in[3] = {{sk, P->sk_bytes}, {(uint8_t *)cp, cn}, {rnd, 32}}, out[1] = {{sig, P->sig_bytes}};
      if (run(&CORES[0].sign, a, in, out, mp, mn, 0) != 0) return 0; /* e.g. mu not 64 bytes */
      fz_reader er = {mp, mn > 25 ? 25 : mn}; /* edits from the message's first bytes */
      if (flags & 2) edits(&er, sig, sn);
    }
    const size_t pl = portable_pq_mldsa_prepared_bytes((unsigned)level);
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf in[1] = {{pk, pkn}}, out[1] = {{prep[c], pl}};
      rc[c] = CORES[c].prepare(0, la, in, out);
    }
    for (unsigned c = 1; c < NC; c++) {
      FUZZ_CHECK(rc[c] == rc[0], "prepare: %s %d vs portable %d", CORES[c].name, rc[c], rc[0]);
      if (rc[0] == 0) FUZZ_CHECK(memcmp(prep[c], prep[0], pl) == 0, "prepared key: %s differs", CORES[c].name);
    }
    const int prepared = rc[0] == 0;
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf in[2] = {{pk, pkn}, {(uint8_t *)cp, cn}}, out[1] = {{o1[c], 64}};
      rc[c] = run(&CORES[c].mu, a, in, out, mp, mn, seeds[c]);
    }
    same("mu", rc, rc[0] == 0 ? o1 : 0, 64);
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf in[3] = {{pk, pkn}, {(uint8_t *)cp, cn}, {sig, sn}};
      rc[c] = run(&CORES[c].verify, a, in, 0, mp, mn, seeds[c] + 1);
    }
    same("verify", rc, 0, 0);
    if (real && !(flags & 2)) FUZZ_CHECK(rc[0] == 1, "a fresh signature did not verify");
    if (prepared) {
      const int32_t v = rc[0];
      for (unsigned c = 0; c < NC; c++) {
        const pq_buf in[3] = {{prep[c], pl}, {(uint8_t *)cp, cn}, {sig, sn}};
        rc[c] = run(&CORES[c].verify_prepared, a, in, 0, mp, mn, seeds[c] + 2);
      }
      same("verify_prepared", rc, 0, 0);
      FUZZ_CHECK(rc[0] == v, "prepared %d vs plain %d", rc[0], v);
    }
    return 0;
  }

  /* op 4: Falcon */
  const int32_t ka[1] = {lb % 3};
  const unsigned logn = ka[0] == 0 ? 9 : 10;
  size_t pkn, sn, mn;
  const size_t pl = fz_u16(&r), sl = fz_u16(&r);
  memcpy(pk, fz_bytes(&r, pl < sizeof pk ? pl : sizeof pk, &pkn), pkn);
  memcpy(sig, fz_bytes(&r, sl < sizeof sig ? sl : sizeof sig, &sn), sn);
  const uint8_t *mp = fz_bytes(&r, r.n, &mn);
  for (unsigned c = 0; c < NC; c++) {
    const pq_buf in[2] = {{pk, pkn}, {sig, sn}};
    rc[c] = run(&CORES[c].falcon_verify, ka, in, 0, mp, mn, seeds[c]);
  }
  same("falcon_verify", rc, 0, 0);
  const int32_t v = rc[0];
  for (unsigned c = 0; c < NC; c++) {
    const pq_buf in[1] = {{pk, pkn}}, out[1] = {{prep[c], PQ_FALCON_PREPARED_BYTES(logn)}};
    rc[c] = CORES[c].falcon_prepare(0, ka, in, out);
  }
  for (unsigned c = 1; c < NC; c++) {
    FUZZ_CHECK(rc[c] == rc[0], "falcon_prepare: %s %d vs portable %d", CORES[c].name, rc[c], rc[0]);
    if (rc[0] == 0)
      FUZZ_CHECK(memcmp(prep[c], prep[0], PQ_FALCON_PREPARED_BYTES(logn)) == 0, "falcon prepared key: %s differs", CORES[c].name);
  }
  if (rc[0] == 0) {
    for (unsigned c = 0; c < NC; c++) {
      const pq_buf in[2] = {{prep[c], PQ_FALCON_PREPARED_BYTES(logn)}, {sig, sn}};
      rc[c] = run(&CORES[c].falcon_verify_prepared, ka, in, 0, mp, mn, seeds[c] + 5);
    }
    same("falcon_verify_prepared", rc, 0, 0);
    FUZZ_CHECK(rc[0] == v, "falcon prepared %d vs plain %d", rc[0], v);
  }
  return 0;
}
