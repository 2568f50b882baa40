/* BN254 G2 on the twist y^2 = x^3 + b' over Fp2 (curve.h): Jacobian arithmetic (a = 0, the same
 * formulas as G1), the EIP-197 encoding, psi and the subgroup check. */
#include "bn254/curve.h"

#include "bn254/bn254_curve_tables.inc"

/* gamma[k-1][i-1] = xi^(i (p^k - 1) / 6): psi's x factor is gamma[0][1] = xi^((p-1)/3), its y factor
 * gamma[0][2] = xi^((p-1)/2); psi^2's x factor gamma[1][1] = xi^((p^2-1)/3) lies in Fp and its y
 * factor xi^((p^2-1)/2) is -1. */
static const pq_fp2 FROB[3][5] = PQ_BN_FROB_GAMMA_INIT;

/* ---- encoding ----------------------------------------------------------------------------- */

int pq_g2_decode(pq_g2_aff *r, const uint8_t in[128]) {
  r->inf = 1;
  /* EIP-197: x.c1 (imaginary) ‖ x.c0 ‖ y.c1 ‖ y.c0 */
  const int bad = pq_fp_from_bytes(&r->x.c1, in) | pq_fp_from_bytes(&r->x.c0, in + 32) |
                  pq_fp_from_bytes(&r->y.c1, in + 64) | pq_fp_from_bytes(&r->y.c0, in + 96);
  if (bad) return PQ_ERR_BN_COORD;
  if (pq_fp2_is_zero(&r->x) && pq_fp2_is_zero(&r->y)) return 0;
  r->inf = 0;
  int err = 0;
  if (!pq_g2_on_twist(r))
    err = PQ_ERR_BN_G2;
  else if (!pq_g2_in_subgroup(r))
    err = PQ_ERR_BN_SUBGROUP;
  if (err) r->inf = 1;
  return err;
}

void pq_g2_encode(uint8_t out[128], const pq_g2_aff *a) {
  if (a->inf) {
    for (int i = 0; i < 128; i++) out[i] = 0;
    return;
  }
  pq_fp_to_bytes(out, &a->x.c1);
  pq_fp_to_bytes(out + 32, &a->x.c0);
  pq_fp_to_bytes(out + 64, &a->y.c1);
  pq_fp_to_bytes(out + 96, &a->y.c0);
}

int pq_g2_on_twist(const pq_g2_aff *a) {
  static const pq_fp2 B = PQ_BN_TWIST_B_INIT;
  pq_fp2 l, rhs;
  pq_fp2_sqr(&l, &a->y);
  pq_fp2_sqr(&rhs, &a->x);
  pq_fp2_mul(&rhs, &rhs, &a->x);
  pq_fp2_add(&rhs, &rhs, &B);
  return pq_fp2_equal(&l, &rhs);
}

/* ---- Jacobian arithmetic ------------------------------------------------------------------ */

void pq_g2_set_inf(pq_g2_jac *r) {
  pq_fp2_one(&r->x);
  pq_fp2_one(&r->y);
  pq_fp2_zero(&r->z);
}

int pq_g2_is_inf(const pq_g2_jac *a) { return pq_fp2_is_zero(&a->z); }

void pq_g2_from_aff(pq_g2_jac *r, const pq_g2_aff *a) {
  if (a->inf) {
    pq_g2_set_inf(r);
    return;
  }
  r->x = a->x;
  r->y = a->y;
  pq_fp2_one(&r->z);
}

void pq_g2_to_aff(pq_g2_aff *r, const pq_g2_jac *a) {
  if (pq_g2_is_inf(a)) {
    pq_fp2_zero(&r->x);
    pq_fp2_zero(&r->y);
    r->inf = 1;
    return;
  }
  pq_fp2 zi, zi2;
  pq_fp2_inv(&zi, &a->z);
  pq_fp2_sqr(&zi2, &zi);
  const pq_fp2 y = a->y;
  pq_fp2_mul(&r->x, &a->x, &zi2);
  pq_fp2_mul(&zi2, &zi2, &zi);
  pq_fp2_mul(&r->y, &y, &zi2);
  r->inf = 0;
}

void pq_g2_neg(pq_g2_jac *r, const pq_g2_jac *a) {
  r->x = a->x;
  pq_fp2_neg(&r->y, &a->y);
  r->z = a->z;
}

/* dbl-2009-l (a = 0) */
void pq_g2_dbl(pq_g2_jac *r, const pq_g2_jac *a) {
  pq_fp2 A, B, C, D, E, F, t;
  pq_fp2_sqr(&A, &a->x);
  pq_fp2_sqr(&B, &a->y);
  pq_fp2_sqr(&C, &B);
  pq_fp2_add(&t, &a->x, &B);
  pq_fp2_sqr(&t, &t);
  pq_fp2_sub(&t, &t, &A);
  pq_fp2_sub(&t, &t, &C);
  pq_fp2_dbl(&D, &t);
  pq_fp2_dbl(&E, &A);
  pq_fp2_add(&E, &E, &A);
  pq_fp2_sqr(&F, &E);
  pq_fp2_mul(&r->z, &a->y, &a->z);
  pq_fp2_dbl(&r->z, &r->z);
  pq_fp2_dbl(&t, &D);
  pq_fp2_sub(&r->x, &F, &t);
  pq_fp2_sub(&t, &D, &r->x);
  pq_fp2_mul(&t, &E, &t);
  pq_fp2_dbl(&C, &C);
  pq_fp2_dbl(&C, &C);
  pq_fp2_dbl(&C, &C);
  pq_fp2_sub(&r->y, &t, &C);
}

/* add-2007-bl; doubling and infinity handled */
void pq_g2_add(pq_g2_jac *r, const pq_g2_jac *a, const pq_g2_jac *b) {
  if (pq_g2_is_inf(a)) {
    *r = *b;
    return;
  }
  if (pq_g2_is_inf(b)) {
    *r = *a;
    return;
  }
  pq_fp2 z1z1, z2z2, u1, u2, s1, s2, h, i, j, rr, v, t;
  pq_fp2_sqr(&z1z1, &a->z);
  pq_fp2_sqr(&z2z2, &b->z);
  pq_fp2_mul(&u1, &a->x, &z2z2);
  pq_fp2_mul(&u2, &b->x, &z1z1);
  pq_fp2_mul(&s1, &a->y, &b->z);
  pq_fp2_mul(&s1, &s1, &z2z2);
  pq_fp2_mul(&s2, &b->y, &a->z);
  pq_fp2_mul(&s2, &s2, &z1z1);
  pq_fp2_sub(&h, &u2, &u1);
  pq_fp2_sub(&rr, &s2, &s1);
  if (pq_fp2_is_zero(&h)) {
    if (pq_fp2_is_zero(&rr))
      pq_g2_dbl(r, a);
    else
      pq_g2_set_inf(r);
    return;
  }
  pq_fp2_dbl(&i, &h);
  pq_fp2_sqr(&i, &i);
  pq_fp2_mul(&j, &h, &i);
  pq_fp2_dbl(&rr, &rr);
  pq_fp2_mul(&v, &u1, &i);
  pq_fp2_add(&t, &a->z, &b->z);
  pq_fp2_sqr(&t, &t);
  pq_fp2_sub(&t, &t, &z1z1);
  pq_fp2_sub(&t, &t, &z2z2);
  pq_fp2_mul(&r->z, &t, &h);
  pq_fp2_sqr(&t, &rr);
  pq_fp2_sub(&t, &t, &j);
  pq_fp2_sub(&t, &t, &v);
  pq_fp2_sub(&r->x, &t, &v);
  pq_fp2_sub(&t, &v, &r->x);
  pq_fp2_mul(&t, &rr, &t);
  pq_fp2_mul(&s1, &s1, &j);
  pq_fp2_dbl(&s1, &s1);
  pq_fp2_sub(&r->y, &t, &s1);
}

int pq_g2_equal(const pq_g2_jac *a, const pq_g2_jac *b) {
  const int ia = pq_g2_is_inf(a), ib = pq_g2_is_inf(b);
  if (ia || ib) return ia && ib;
  pq_fp2 z1z1, z2z2, l, r;
  pq_fp2_sqr(&z1z1, &a->z);
  pq_fp2_sqr(&z2z2, &b->z);
  pq_fp2_mul(&l, &a->x, &z2z2);
  pq_fp2_mul(&r, &b->x, &z1z1);
  if (!pq_fp2_equal(&l, &r)) return 0;
  pq_fp2_mul(&l, &a->y, &z2z2);
  pq_fp2_mul(&l, &l, &b->z);
  pq_fp2_mul(&r, &b->y, &z1z1);
  pq_fp2_mul(&r, &r, &a->z);
  return pq_fp2_equal(&l, &r);
}

/* ---- psi and the subgroup check ----------------------------------------------------------- */

void pq_g2_psi(pq_g2_jac *r, const pq_g2_jac *a) {
  pq_fp2_conj(&r->x, &a->x);
  pq_fp2_mul(&r->x, &r->x, &FROB[0][1]);
  pq_fp2_conj(&r->y, &a->y);
  pq_fp2_mul(&r->y, &r->y, &FROB[0][2]);
  pq_fp2_conj(&r->z, &a->z);
}

void pq_g2_aff_psi(pq_g2_aff *r, const pq_g2_aff *a) {
  pq_fp2_conj(&r->x, &a->x);
  pq_fp2_mul(&r->x, &r->x, &FROB[0][1]);
  pq_fp2_conj(&r->y, &a->y);
  pq_fp2_mul(&r->y, &r->y, &FROB[0][2]);
  r->inf = a->inf;
}

void pq_g2_aff_neg_psi2(pq_g2_aff *r, const pq_g2_aff *a) {
  pq_fp2_mul_fp(&r->x, &a->x, &FROB[1][1].c0);
  r->y = a->y;
  r->inf = a->inf;
}

/* [x]a, x the BN seed, by its NAF (63 doublings, 23 additions) */
static void mul_by_seed(pq_g2_jac *r, const pq_g2_jac *a) {
  static const int8_t XNAF[PQ_BN_X_NAF_LEN] = PQ_BN_X_NAF;
  pq_g2_jac na, acc;
  pq_g2_neg(&na, a);
  acc = *a; /* the top digit is 1 */
  for (int i = PQ_BN_X_NAF_LEN - 2; i >= 0; i--) {
    pq_g2_dbl(&acc, &acc);
    if (XNAF[i] > 0) pq_g2_add(&acc, &acc, a);
    if (XNAF[i] < 0) pq_g2_add(&acc, &acc, &na);
  }
  *r = acc;
}

int pq_g2_in_subgroup(const pq_g2_aff *a) {
  if (a->inf) return 1;
  pq_g2_jac q, xq, lhs, t, rhs;
  pq_g2_from_aff(&q, a);
  mul_by_seed(&xq, &q);     /* [x]Q */
  pq_g2_add(&lhs, &xq, &q); /* [x+1]Q */
  pq_g2_psi(&t, &xq);       /* psi([x]Q) */
  pq_g2_add(&lhs, &lhs, &t);
  pq_g2_psi(&t, &t); /* psi^2([x]Q) */
  pq_g2_add(&lhs, &lhs, &t);
  pq_g2_psi(&rhs, &t);   /* psi^3([x]Q) */
  pq_g2_dbl(&rhs, &rhs); /* psi^3([2x]Q) */
  return pq_g2_equal(&lhs, &rhs);
}

void pq_g2_mul_plain(pq_g2_jac *r, const pq_g2_aff *a, const uint32_t *k, unsigned nwords) {
  pq_g2_jac acc, b;
  pq_g2_from_aff(&b, a);
  pq_g2_set_inf(&acc);
  for (unsigned i = 32 * nwords; i-- > 0;) {
    pq_g2_dbl(&acc, &acc);
    if ((k[i / 32] >> (i % 32)) & 1) pq_g2_add(&acc, &acc, &b);
  }
  *r = acc;
}
