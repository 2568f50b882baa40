/* ML-DSA entry points of the binding (pq_binding.h). mu = H(tr || M') for every
 * message mode (pure, HashML-DSA, M', external mu) is computed here, once, for
 * every binding; the drivers only move bytes. */
#include "binding/pq_binding.h"
#include "mldsa/mldsa.h"
#include "shared/pq_bench.h"
#include "shared/pq_util.h"

/* ---- mu = H(tr || M', 64), streamed ------------------------------------------------------ */

/* Starts mu in st->mode (PQ_MODE_*), st->ph (-1: pure ML-DSA, else a pre-hash id). */
static void mu_begin(pq_bind_state *st, const uint8_t tr[64], const pq_buf *ctx) {
  st->received = 0;
  if (st->err) return;
  switch (st->mode) {
    case PQ_MODE_MU:
      if (st->ph != -1 || ctx->n != 0) st->err = PQ_ERR_INPUT;
      return;
    case PQ_MODE_INTERNAL: /* M' carries its own prefix */
      if (st->ph != -1 || ctx->n != 0) st->err = PQ_ERR_INPUT;
      pq_mldsa_mu_init(&st->h.keccak, tr);
      return;
    case PQ_MODE_EXTERNAL:
      if (ctx->n > 255 || st->ph < -1 || st->ph >= PQ_PH_COUNT) {
        st->err = PQ_ERR_INPUT;
        return;
      }
      pq_mldsa_mu_init(&st->h.keccak, tr);
      pq_mldsa_mu_absorb_prefix(&st->h.keccak, st->ph >= 0, ctx->p, ctx->n);
      if (st->ph >= 0) pq_prehash_init(&st->prehash, (unsigned)st->ph);
      return;
    default:
      st->err = PQ_ERR_INPUT;
  }
}

static void mu_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  if (st->err) return;
  if (st->mode == PQ_MODE_MU) {
    if (n > 64 - st->received) {
      st->err = PQ_ERR_INPUT;
      return;
    }
    for (size_t i = 0; i < n; i++) st->h.mu_direct[st->received + i] = p[i];
  } else if (st->mode == PQ_MODE_EXTERNAL && st->ph >= 0) {
    pq_prehash_update(&st->prehash, (unsigned)st->ph, p, n);
  } else {
    pq_keccak_absorb(&st->h.keccak, p, n);
  }
  st->received += n;
}

/* Finishes mu; 0, or the error code begin/update kept. */
static int32_t mu_end(pq_bind_state *st, uint8_t mu[64]) {
  if (st->err) return st->err;
  if (st->mode == PQ_MODE_MU) {
    if (st->received != 64) return PQ_ERR_INPUT;
    for (unsigned i = 0; i < 64; i++) mu[i] = st->h.mu_direct[i];
    return 0;
  }
  if (st->mode == PQ_MODE_EXTERNAL && st->ph >= 0) {
    uint8_t digest[64];
    pq_prehash_final(&st->prehash, (unsigned)st->ph, digest);
    pq_mldsa_mu_absorb_prehash(&st->h.keccak, (unsigned)st->ph, digest);
  }
  pq_mldsa_mu_final(&st->h.keccak, mu);
  return 0;
}

/* The parameter set a[0] (44, 65, 87), or NULL with st->err set. */
static const pq_mldsa_params *params_of(pq_bind_state *st, int32_t level) {
  const pq_mldsa_params *P = level > 0 ? pq_mldsa_params_get((unsigned)level) : 0;
  if (!P && !st->err) st->err = PQ_ERR_PARAMS;
  return P;
}

static void begin_common(pq_bind_state *st, const int32_t *a) {
  st->err = 0;
  st->mode = a[1];
  st->ph = a[2];
}

static void end_common(pq_bind_state *st) { pq_wipe(st, sizeof *st); }

/* ---- keygen: a = level; in = seed; out = pk, sk --------------------------------------------- */

int32_t pq_bind_mldsa_keygen(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                             const pq_buf *out) {
  (void)st;
  const pq_mldsa_params *P = a[0] > 0 ? pq_mldsa_params_get((unsigned)a[0]) : 0;
  if (!P) return PQ_ERR_PARAMS;
  if (in[0].n != PQ_MLDSA_SEEDBYTES || out[0].n < P->pk_bytes || out[1].n < P->sk_bytes)
    return PQ_ERR_LENGTH;
  return pq_mldsa_keygen((unsigned)a[0], in[0].p, out[0].p, out[1].p);
}

/* ---- sign: a = level, mode, ph; in = sk, context, rnd; out = signature -------------------------- */

void pq_bind_mldsa_sign_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  begin_common(st, a);
  const pq_mldsa_params *P = params_of(st, a[0]);
  if (P && in[0].n != P->sk_bytes) st->err = PQ_ERR_LENGTH;
  mu_begin(st, st->err ? st->tr : pq_mldsa_sk_tr(in[0].p), &in[1]);
}

void pq_bind_mldsa_sign_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  mu_update(st, p, n);
}

int32_t pq_bind_mldsa_sign(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                           const pq_buf *out) {
  uint8_t mu[64];
  int32_t rc = mu_end(st, mu);
  const pq_mldsa_params *P = params_of(st, a[0]);
  if (rc == 0 && !P) rc = PQ_ERR_PARAMS;
  if (rc == 0 && (in[0].n != P->sk_bytes || in[2].n != PQ_MLDSA_RNDBYTES || out[0].n < P->sig_bytes))
    rc = PQ_ERR_LENGTH;
  if (rc == 0) rc = pq_mldsa_sign_mu((unsigned)a[0], in[0].p, mu, in[2].p, out[0].p);
  pq_wipe(mu, sizeof mu);
  end_common(st);
  return rc;
}

/* ---- verify: a = level, mode, ph; in = pk, context, signature -> 1 / 0 ---------------------- */

void pq_bind_mldsa_verify_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  begin_common(st, a);
  const pq_mldsa_params *P = params_of(st, a[0]);
  if (P && in[0].n != P->pk_bytes) st->err = PQ_ERR_LENGTH;
  if (!st->err && st->mode != PQ_MODE_MU) pq_mldsa_pk_tr(in[0].p, in[0].n, st->tr);
  mu_begin(st, st->tr, &in[1]);
}

void pq_bind_mldsa_verify_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  mu_update(st, p, n);
}

int32_t pq_bind_mldsa_verify(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                             const pq_buf *out) {
  (void)out;
  uint8_t mu[64];
  const int32_t rc = mu_end(st, mu);
  end_common(st);
  if (rc != 0 || a[0] <= 0) return 0;
  return pq_mldsa_verify_mu((unsigned)a[0], in[0].p, in[0].n, mu, in[2].p, in[2].n) == 1;
}

/* ---- mu: a = level, mode, ph; in = pk, context; out = mu ---------------------------------- */

void pq_bind_mldsa_mu_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  pq_bind_mldsa_verify_begin(st, a, in);
}

void pq_bind_mldsa_mu_update(pq_bind_state *st, const uint8_t *p, size_t n) { mu_update(st, p, n); }

int32_t pq_bind_mldsa_mu(pq_bind_state *st, const int32_t *a, const pq_buf *in, const pq_buf *out) {
  (void)a;
  (void)in;
  int32_t rc = out[0].n < PQ_MLDSA_MUBYTES ? PQ_ERR_LENGTH : 0;
  uint8_t mu[64];
  if (rc == 0) rc = mu_end(st, mu);
  if (rc == 0)
    for (unsigned i = 0; i < 64; i++) out[0].p[i] = mu[i];
  end_common(st);
  return rc;
}

/* ---- prepared keys ------------------------------------------------------------------------------ */

/* a = level; in = pk; out = prepared key (4-byte aligned) */
int32_t pq_bind_mldsa_prepare(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                              const pq_buf *out) {
  (void)st;
  const pq_mldsa_params *P = a[0] > 0 ? pq_mldsa_params_get((unsigned)a[0]) : 0;
  if (!P) return PQ_ERR_PARAMS;
  if (in[0].n != P->pk_bytes || out[0].n < pq_mldsa_prepared_bytes((unsigned)a[0]) ||
      ((uintptr_t)out[0].p & 3))
    return PQ_ERR_LENGTH;
  return pq_mldsa_prepare((unsigned)a[0], in[0].p, in[0].n, out[0].p);
}

/* a = level, mode, ph; in = prepared key (its first 64 bytes are tr), context, signature */
void pq_bind_mldsa_verify_prepared_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  begin_common(st, a);
  const pq_mldsa_params *P = params_of(st, a[0]);
  if (P && (in[0].n != pq_mldsa_prepared_bytes((unsigned)a[0]) || ((uintptr_t)in[0].p & 3)))
    st->err = PQ_ERR_LENGTH;
  mu_begin(st, st->err ? st->tr : in[0].p, &in[1]);
}

void pq_bind_mldsa_verify_prepared_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  mu_update(st, p, n);
}

int32_t pq_bind_mldsa_verify_prepared(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                      const pq_buf *out) {
  (void)out;
  uint8_t mu[64];
  const int32_t rc = mu_end(st, mu);
  end_common(st);
  if (rc != 0 || a[0] <= 0) return 0;
  return pq_mldsa_verify_prepared((unsigned)a[0], in[0].p, mu, in[2].p, in[2].n) == 1;
}

/* ---- benchmark hook: a = kernel id, iterations ---------------------------------------------------- */

int32_t pq_bind_mldsa_bench(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                            const pq_buf *out) {
  (void)st;
  (void)in;
  (void)out;
  return pq_bench_mldsa_kernel(a[0], (uint32_t)a[1]);
}
