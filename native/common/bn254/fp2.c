/* BN254 Fp2 = Fp[u]/(u^2 + 1) (bounds in fp2.h). */
#include "bn254/fp2.h"

void pq_fp2_add(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp_add(&r->c0, &a->c0, &b->c0);
  pq_fp_add(&r->c1, &a->c1, &b->c1);
}

void pq_fp2_sub(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp_sub(&r->c0, &a->c0, &b->c0);
  pq_fp_sub(&r->c1, &a->c1, &b->c1);
}

void pq_fp2_neg(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp_neg(&r->c0, &a->c0);
  pq_fp_neg(&r->c1, &a->c1);
}

void pq_fp2_dbl(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp_dbl(&r->c0, &a->c0);
  pq_fp_dbl(&r->c1, &a->c1);
}

void pq_fp2_conj(pq_fp2 *r, const pq_fp2 *a) {
  r->c0 = a->c0;
  pq_fp_neg(&r->c1, &a->c1);
}

void pq_fp2_mul(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp na1, c0;
  pq_fp_neg_2p(&na1, &a->c1); /* (2p - a1) b1 <= 2p (2p - 1): the sop2 bound holds */
  pq_fp_sop2(&c0, &a->c0, &b->c0, &na1, &b->c1);
  pq_fp_sop2(&r->c1, &a->c0, &b->c1, &a->c1, &b->c0); /* reads a, b before r->c0 is written */
  r->c0 = c0;
}

void pq_fp2_sqr(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp s, d, t;
  pq_fp_add(&s, &a->c0, &a->c1); /* < 2p each: s * d < 4p^2 < p 2^256 */
  pq_fp_sub(&d, &a->c0, &a->c1);
  pq_fp_dbl(&t, &a->c0);
  pq_fp_mul(&r->c1, &t, &a->c1);
  pq_fp_mul(&r->c0, &s, &d);
}

void pq_fp2_mul_fp(pq_fp2 *r, const pq_fp2 *a, const pq_fp *b) {
  pq_fp bb = *b;
  pq_fp_mul(&r->c0, &a->c0, &bb);
  pq_fp_mul(&r->c1, &a->c1, &bb);
}

void pq_fp2_mul_xi(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp t0, t1;
  pq_fp_mul9(&t0, &a->c0);
  pq_fp_mul9(&t1, &a->c1);
  pq_fp_sub(&t0, &t0, &a->c1);
  pq_fp_add(&r->c1, &t1, &a->c0);
  r->c0 = t0;
}

void pq_fp2_inv(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp n, c1;
  pq_fp_sop2(&n, &a->c0, &a->c0, &a->c1, &a->c1); /* the norm a0^2 + a1^2 */
  pq_fp_inv(&n, &n);
  pq_fp_neg(&c1, &a->c1);
  pq_fp_mul(&r->c0, &a->c0, &n);
  pq_fp_mul(&r->c1, &c1, &n);
}

void pq_fp2_pow(pq_fp2 *r, const pq_fp2 *a, const uint64_t *e, unsigned nwords) {
  pq_fp2 acc, base = *a;
  pq_fp2_one(&acc);
  for (unsigned i = nwords * 64; i-- > 0;) {
    pq_fp2_sqr(&acc, &acc);
    if ((e[i / 64] >> (i % 64)) & 1) pq_fp2_mul(&acc, &acc, &base);
  }
  *r = acc;
}

void pq_fp2_canon(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp_canon(&r->c0, &a->c0);
  pq_fp_canon(&r->c1, &a->c1);
}

int pq_fp2_is_zero(const pq_fp2 *a) { return pq_fp_is_zero(&a->c0) & pq_fp_is_zero(&a->c1); }

int pq_fp2_equal(const pq_fp2 *a, const pq_fp2 *b) {
  return pq_fp_equal(&a->c0, &b->c0) & pq_fp_equal(&a->c1, &b->c1);
}

void pq_fp2_select(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b, int c) {
  pq_fp_select(&r->c0, &a->c0, &b->c0, c);
  pq_fp_select(&r->c1, &a->c1, &b->c1, c);
}

void pq_fp2_zero(pq_fp2 *r) {
  static const pq_fp2 z = {{{0, 0, 0, 0}}, {{0, 0, 0, 0}}};
  *r = z;
}

void pq_fp2_one(pq_fp2 *r) {
  static const pq_fp2 o = {PQ_BN_ONE_INIT, {{0, 0, 0, 0}}};
  *r = o;
}
