/* Constant-time check of ML-DSA key generation and signing under valgrind
 * memcheck (ctgrind style), or MemorySanitizer (-DPQ_CT_MSAN, for the AVX-512
 * core valgrind cannot run). Built with -DPQ_CT_TESTING: the seed, the secret
 * parts of the secret key and rnd are marked undefined, so memcheck reports
 * every branch or memory index that depends on them. The only values the code
 * declassifies are listed in native/common/shared/pq_ct.h's uses (rejection reasons,
 * the published ctilde/z/h, the public key). Covers keygen, sign and the
 * public key of a secret key (pq_bind_mldsa_public_key). Run by scripts/test-c.sh as
 *   valgrind --error-exitcode=3 build/ctest/ct_mldsa
 * Without valgrind it simply runs (the annotations are no-ops there).
 * With the argument "control" it instead runs a deliberate secret-dependent
 * branch and table load, which the checker must report (scripts/test-c.sh
 * checks that it does: a check that cannot fail proves nothing). */
#include "binding/pq_binding.h"
#include "mldsa/mldsa.h"
#include "shared/pq_ct.h"
#include "test_util.h"

/* The negative control: one branch and one table index on a secret byte. */
static int control(void) {
  static const uint8_t table[256] = {1, 2, 3};
  volatile uint8_t secret[1] = {7};
  PQ_CT_SECRET((void *)secret, 1);
  int r = 0;
  if (secret[0] & 1) puts("control: odd"); /* secret-dependent branch (a call: no cmov) */
  r += table[secret[0]];                 /* secret-dependent memory index */
  PQ_CT_PUBLIC(&r, sizeof r);
  printf("control: %d\n", r);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "control") == 0) return control();
  static uint8_t pk[2592], sk[4896], sig[4627];
  uint8_t seed[32], rnd[32], mu[64];
  const unsigned names[3] = {44, 65, 87};
  for (int i = 0; i < 3; i++) {
    const pq_mldsa_params *P = pq_mldsa_params_get(names[i]);
    for (int iter = 0; iter < 2; iter++) {
      rnd_bytes(seed, 32);
      rnd_bytes(rnd, 32);
      rnd_bytes(mu, 64);
      PQ_CT_SECRET(seed, 32);
      int rc = pq_mldsa_keygen(names[i], seed, pk, sk);
      CHECK(rc == PQ_OK, "keygen");
      /* K, s1, s2, t0 are secret; rho and tr are public */
      PQ_CT_PUBLIC(sk, 32);
      PQ_CT_SECRET(sk + 32, 32);
      PQ_CT_PUBLIC(sk + 64, 64);
      PQ_CT_SECRET(sk + 128, P->sk_bytes - 128);
      PQ_CT_SECRET(rnd, 32);
      rc = pq_mldsa_sign_mu(names[i], sk, mu, rnd, sig);
      CHECK(rc == PQ_OK, "sign");
      PQ_CT_PUBLIC(sig, P->sig_bytes);
      PQ_CT_PUBLIC(pk, P->pk_bytes);
      CHECK(pq_mldsa_verify_mu(names[i], pk, P->pk_bytes, mu, sig, P->sig_bytes) == 1, "verify");
      /* the public key of a secret key (binding entry mldsa_public_key): the same secrets */
      static uint8_t pk2[2592];
      PQ_CT_SECRET(sk + 32, 32);
      PQ_CT_SECRET(sk + 128, P->sk_bytes - 128);
      const int32_t a[1] = {(int32_t)names[i]};
      const pq_buf in[1] = {{sk, P->sk_bytes}}, out[1] = {{pk2, P->pk_bytes}};
      rc = pq_bind_mldsa_public_key(0, a, in, out);
      CHECK(rc == PQ_OK, "public key");
      PQ_CT_PUBLIC(pk2, P->pk_bytes);
      CHECK(memcmp(pk, pk2, P->pk_bytes) == 0, "public key = keygen's");
    }
  }
  return t_summary("ct-mldsa");
}
