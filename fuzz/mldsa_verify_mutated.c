/* Byte edits of a real ML-DSA signature: only the unmodified signature may verify.
 * A fixed key pair per level (keygen from a fixed seed) signs a fixed message (deterministic).
 * Input: level selector, then edits of 3 bytes each (b0, b1, xor): b0 odd targets the hint
 * bytes (the signature's last omega + k bytes, position (b0 >> 1 | b1 << 7) mod (omega + k) from
 * their start), b0 even any byte (position (b0 >> 1 | b1 << 7) mod the signature length).
 * ML-DSA's encoding is canonical, so an accepted signature other than the original is a forgery:
 * abort. Plain and prepared verify must also agree. */
#include "fuzz_util.h"
#include "mldsa/mldsa.h"

static const char MSG[] = "pqsimd fuzz: a fixed message";
static uint8_t pk[3][2592], sk[3][4896], sig0[3][4627];
static _Alignas(8) uint8_t prep[3][65600];
static const int32_t LEVELS[3] = {44, 65, 87};

static void init(void) {
  static int done;
  if (done) return;
  done = 1;
  for (int i = 0; i < 3; i++) {
    uint8_t seed[32], rnd[32] = {0};
    for (int j = 0; j < 32; j++) seed[j] = (uint8_t)(j * 7 + i);
    FUZZ_CHECK(pq_mldsa_keygen((unsigned)LEVELS[i], seed, pk[i], sk[i]) == 0, "keygen");
    pq_bind_state st;
    const int32_t a[3] = {LEVELS[i], PQ_MODE_EXTERNAL, -1};
    const pq_mldsa_params *P = pq_mldsa_params_get((unsigned)LEVELS[i]);
    const pq_buf in[3] = {{sk[i], P->sk_bytes}, {0, 0}, {rnd, 32}}, out[1] = {{sig0[i], P->sig_bytes}};
    pq_bind_mldsa_sign_begin(&st, a, in);
    pq_bind_mldsa_sign_update(&st, (const uint8_t *)MSG, sizeof MSG - 1);
    FUZZ_CHECK(pq_bind_mldsa_sign(&st, a, in, out) == 0, "sign");
    const int32_t la[1] = {LEVELS[i]};
    const pq_buf pin[1] = {{pk[i], P->pk_bytes}}, pout[1] = {{prep[i], sizeof prep[i]}};
    FUZZ_CHECK(pq_bind_mldsa_prepare(0, la, pin, pout) == 0, "prepare");
  }
}

static int32_t verify(int prepared, int i, const uint8_t *sig, size_t siglen) {
  const pq_mldsa_params *P = pq_mldsa_params_get((unsigned)LEVELS[i]);
  pq_bind_state st;
  const int32_t a[3] = {LEVELS[i], PQ_MODE_EXTERNAL, -1};
  const pq_buf in[3] = {{prepared ? prep[i] : pk[i],
                         prepared ? pq_mldsa_prepared_bytes((unsigned)LEVELS[i]) : P->pk_bytes},
                        {0, 0},
                        {(uint8_t *)sig, siglen}};
  if (prepared) {
    pq_bind_mldsa_verify_prepared_begin(&st, a, in);
    pq_bind_mldsa_verify_prepared_update(&st, (const uint8_t *)MSG, sizeof MSG - 1);
    return pq_bind_mldsa_verify_prepared(&st, a, in, 0);
  }
  pq_bind_mldsa_verify_begin(&st, a, in);
  pq_bind_mldsa_verify_update(&st, (const uint8_t *)MSG, sizeof MSG - 1);
  return pq_bind_mldsa_verify(&st, a, in, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  init();
  fz_reader r = {data, size};
  const int i = fz_u8(&r) % 3;
  const pq_mldsa_params *P = pq_mldsa_params_get((unsigned)LEVELS[i]);
  const size_t n = P->sig_bytes, hint = P->omega + P->k;
  uint8_t *sig = fz_dup(sig0[i], n);
  while (r.n >= 3) {
    const uint8_t b0 = fz_u8(&r), b1 = fz_u8(&r), x = fz_u8(&r);
    const size_t v = (size_t)(b0 >> 1) | (size_t)b1 << 7;
    const size_t pos = b0 & 1 ? n - hint + v % hint : v % n;
    sig[pos] ^= x;
  }
  const int changed = memcmp(sig, sig0[i], n) != 0;
  const int32_t v1 = verify(0, i, sig, n), v2 = verify(1, i, sig, n);
  FUZZ_CHECK(v1 == v2, "plain %d vs prepared %d", v1, v2);
  if (changed) {
    if (v1 != 0) {
      fprintf(stderr, "FORGERY: ML-DSA-%d accepted a modified signature; changed bytes:", LEVELS[i]);
      for (size_t j = 0; j < n; j++)
        if (sig[j] != sig0[i][j]) fprintf(stderr, " %zu:%02x->%02x", j, sig0[i][j], sig[j]);
      fprintf(stderr, "\n");
      abort();
    }
  } else {
    FUZZ_CHECK(v1 == 1, "the original signature did not verify (ML-DSA-%d)", LEVELS[i]);
  }
  free(sig);
  return 0;
}
