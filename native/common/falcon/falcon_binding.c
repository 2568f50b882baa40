/* Falcon entry points of the binding (pq_binding.h): the hash set-up of round 3
 * (nonce from the signature) and of Algorand's det1024 (salt rebuilt from the
 * version byte) happens here, once, for every binding. */
#include "binding/pq_binding.h"
#include "falcon/falcon.h"
#include "shared/pq_bench.h"
#include "shared/pq_util.h"

/* a[0] = kind: 0 Falcon-512, 1 Falcon-1024, 2 deterministic Falcon-1024 */
static unsigned logn_of(int32_t kind) { return kind == 0 ? 9 : 10; }
static int kind_ok(int32_t kind) { return kind >= 0 && kind <= 2; }

static void hash_begin(pq_bind_state *st, int32_t kind, const pq_buf *sig) {
  st->err = kind_ok(kind) ? 0 : PQ_ERR_PARAMS;
  /* a start that fails (signature too short) is rejected again by the finish call */
  if (kind == 2)
    pq_falcon_det_verify_start(&st->h.keccak, sig->p, sig->n);
  else
    pq_falcon_verify_start(&st->h.keccak, sig->p, sig->n);
}

/* ---- verify: a = kind; in = pk, signature -> 1 / 0 ------------------------------------------ */

void pq_bind_falcon_verify_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  hash_begin(st, a[0], &in[1]);
}

void pq_bind_falcon_verify_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  pq_keccak_absorb(&st->h.keccak, p, n);
}

int32_t pq_bind_falcon_verify(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                              const pq_buf *out) {
  (void)out;
  int32_t ok = 0;
  if (!st->err)
    ok = a[0] == 2 ? pq_falcon_det_verify_finish(in[0].p, in[0].n, in[1].p, in[1].n, &st->h.keccak)
                   : pq_falcon_verify_finish(logn_of(a[0]), in[0].p, in[0].n, in[1].p, in[1].n,
                                             &st->h.keccak);
  pq_wipe(st, sizeof *st);
  return ok == 1;
}

/* ---- prepared keys: NTT(h) ---------------------------------------------------------------------- */

/* a = kind; in = pk; out = prepared key (2 << logn bytes, 2-byte aligned) -> 0, or < 0 */
int32_t pq_bind_falcon_prepare(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                               const pq_buf *out) {
  (void)st;
  if (!kind_ok(a[0])) return PQ_ERR_PARAMS;
  const unsigned logn = logn_of(a[0]);
  if (out[0].n < PQ_FALCON_PREPARED_BYTES(logn) || ((uintptr_t)out[0].p & 1)) return PQ_ERR_LENGTH;
  return pq_falcon_prepare(logn, in[0].p, in[0].n, out[0].p) == 0 ? 0 : PQ_ERR_INPUT;
}

/* a = kind; in = prepared key, signature -> 1 / 0 */
void pq_bind_falcon_verify_prepared_begin(pq_bind_state *st, const int32_t *a, const pq_buf *in) {
  hash_begin(st, a[0], &in[1]);
  if (!st->err &&
      (in[0].n != PQ_FALCON_PREPARED_BYTES(logn_of(a[0])) || ((uintptr_t)in[0].p & 1)))
    st->err = PQ_ERR_LENGTH;
}

void pq_bind_falcon_verify_prepared_update(pq_bind_state *st, const uint8_t *p, size_t n) {
  pq_keccak_absorb(&st->h.keccak, p, n);
}

int32_t pq_bind_falcon_verify_prepared(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                       const pq_buf *out) {
  (void)out;
  int32_t ok = 0;
  if (!st->err)
    ok = a[0] == 2
             ? pq_falcon_det_verify_prepared_finish(in[0].p, in[1].p, in[1].n, &st->h.keccak)
             : pq_falcon_verify_prepared_finish(logn_of(a[0]), in[0].p, in[1].p, in[1].n,
                                                &st->h.keccak);
  pq_wipe(st, sizeof *st);
  return ok == 1;
}

/* ---- benchmark hook: a = kernel id (PQ_BENCH_FALCON_*), iterations ------------------------------ */

int32_t pq_bind_falcon_bench(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                             const pq_buf *out) {
  (void)st;
  (void)in;
  (void)out;
  return pq_bench_falcon_kernel(a[0], (uint32_t)a[1]);
}
