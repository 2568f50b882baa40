/* The published test vectors (vectors/: NIST ACVP and Wycheproof ML-DSA, Falcon round-3 / PQClean
 * KATs, reference-verifier verdicts, Algorand det1024 KATs) run directly against the C core.
 *
 * The vectors are converted by `node scripts/gen-c-vectors.mjs` into a line format (documented at
 * the top of that script) in build/c-vectors/ (relative to the current directory; env
 * PQ_C_VECTORS overrides the directory). Without it this test fails; it never passes silently.
 *
 * PQ_VECTORS_EVERY=k runs only the cases whose index within their group is a multiple of k
 * (deterministic subset for slow emulated builds); every record is still parsed and checked for
 * well-formedness. Default k = 1: every case. */
#include <stdlib.h>

#include "falcon/falcon.h"
#include "mldsa/mldsa.h"
#include "test_util.h"

#define MAX_PK 2592
#define MAX_SK 4896
#define MAX_SIG 4627

/* ---- growable byte fields ------------------------------------------------------------------ */

typedef struct {
  uint8_t *p;
  size_t len, cap;
  int present;
} buf_t;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fprintf(stderr, "test_vectors: out of memory (%zu bytes)\n", n);
    printf("vectors: %u passed, %u failed\n", t_pass, t_fail + 1);
    exit(1);
  }
  return q;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Set for records outside the PQ_VECTORS_EVERY subset: fields are only sized, not decoded
 * (except those a later record may reference with "^"), so skipping cases is cheap under
 * emulation. */
static int g_lazy;

/* Strict hex into b ("-" = absent, "^" = keep the previous record's bytes). 0 on success. */
static int set_hex(buf_t *b, const char *s, int allow_prev) {
  if (s[0] == '-' && s[1] == 0) {
    b->present = 0;
    b->len = 0;
    return 0;
  }
  if (s[0] == '^' && s[1] == 0) return allow_prev && b->present ? 0 : -1;
  size_t n = strlen(s);
  if (n % 2) return -1;
  if (g_lazy && !allow_prev) {
    b->len = n / 2;
    b->present = 1;
    return 0;
  }
  if (n / 2 > b->cap) {
    b->cap = n / 2 + 64;
    b->p = xrealloc(b->p, b->cap);
  }
  for (size_t i = 0; i < n / 2; i++) {
    int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return -1;
    b->p[i] = (uint8_t)(hi << 4 | lo);
  }
  b->len = n / 2;
  b->present = 1;
  return 0;
}

/* ---- record tokenizer ----------------------------------------------------------------------- */

/* Next token `key=value` (in place); returns value, or NULL if the key differs or is missing. */
static char *take(char **cur, const char *key) {
  char *s = *cur;
  if (!s || !*s) return NULL;
  char *end = strchr(s, ' ');
  if (end) {
    *end = 0;
    *cur = end + 1;
  } else {
    *cur = s + strlen(s);
  }
  size_t k = strlen(key);
  if (strncmp(s, key, k) != 0 || s[k] != '=') return NULL;
  return s + k + 1;
}

/* ---- state ------------------------------------------------------------------------------------ */

typedef struct {
  buf_t seed, sk, pk, ctx, msg, mu, rnd, sig;
} fields_t;

static fields_t F;
static uint8_t *g_pk, *g_sk, *g_sig, *g_prep;
static const char *g_group, *g_id; /* for messages */

static unsigned parse_level(const char *s) {
  if (!s) return 0;
  if (strcmp(s, "44") == 0) return 44;
  if (strcmp(s, "65") == 0) return 65;
  if (strcmp(s, "87") == 0) return 87;
  return 0;
}

/* mode: 0 pure, 1 pre-hash (ph set), 2 raw M', 3 external mu; -1 if malformed */
static int parse_mode(const char *s, unsigned *ph) {
  if (!s) return -1;
  if (strcmp(s, "pure") == 0) return 0;
  if (strcmp(s, "raw") == 0) return 2;
  if (strcmp(s, "mu") == 0) return 3;
  if (strncmp(s, "pre:", 4) == 0) {
    char *end;
    unsigned long v = strtoul(s + 4, &end, 10);
    if (*end || end == s + 4 || v >= PQ_PH_COUNT) return -1;
    *ph = (unsigned)v;
    return 1;
  }
  return -1;
}

/* Absorbs msg in two parts (split at 2/5 of its length), so the streaming paths are exercised. */
static void absorb_split(pq_keccak_state *st, const uint8_t *p, size_t len) {
  size_t cut = len * 2 / 5;
  pq_keccak_absorb(st, p, cut);
  pq_keccak_absorb(st, p + cut, len - cut);
}

/* mu for mode 0..2 from tr (as addon.c compute_mu); ctx of at most 255 bytes. */
static void compute_mu(uint8_t mu[64], const uint8_t tr[64], int mode, unsigned ph, const uint8_t *ctx,
                       size_t ctxlen, const uint8_t *msg, size_t msglen) {
  pq_keccak_state st;
  pq_mldsa_mu_init(&st, tr);
  if (mode == 2) {
    absorb_split(&st, msg, msglen);
  } else {
    pq_mldsa_mu_absorb_prefix(&st, mode == 1, ctx, ctxlen);
    if (mode == 0) {
      absorb_split(&st, msg, msglen);
    } else {
      pq_prehash_ctx hc;
      uint8_t digest[64];
      size_t dlen = pq_prehash_init(&hc, ph);
      CHECK(dlen > 0 && dlen <= 64, "%s %s: pre-hash id %u has no digest", g_group, g_id, ph);
      size_t cut = msglen / 3;
      pq_prehash_update(&hc, ph, msg, cut);
      pq_prehash_update(&hc, ph, msg + cut, msglen - cut);
      pq_prehash_final(&hc, ph, digest);
      CHECK(pq_mldsa_mu_absorb_prehash(&st, ph, digest) == 0, "%s %s: absorb pre-hash", g_group, g_id);
    }
  }
  pq_mldsa_mu_final(&st, mu);
}

#define BAD_RECORD(what)                                                                  \
  do {                                                                                    \
    CHECK(0, "%s %s: malformed record (%s); regenerate with node scripts/gen-c-vectors.mjs", \
          g_group, g_id ? g_id : "?", what);                                              \
    return;                                                                               \
  } while (0)

/* ---- ML-DSA ---------------------------------------------------------------------------------- */

static void run_keygen(char *cur, int run) {
  unsigned L = parse_level(take(&cur, "L"));
  const char *seed = take(&cur, "seed"), *pk = take(&cur, "pk"), *sk = take(&cur, "sk");
  if (!L || !seed || !pk || !sk || set_hex(&F.seed, seed, 0) || set_hex(&F.pk, pk, 0) ||
      set_hex(&F.sk, sk, 0) || *cur)
    BAD_RECORD("keygen fields");
  const pq_mldsa_params *P = pq_mldsa_params_get(L);
  if (F.seed.len != 32 || F.pk.len != P->pk_bytes || F.sk.len != P->sk_bytes) BAD_RECORD("keygen sizes");
  if (!run) return;
  CHECK(pq_mldsa_keygen(L, F.seed.p, g_pk, g_sk) == PQ_OK, "%s %s: keygen", g_group, g_id);
  CHECK(memcmp(g_pk, F.pk.p, P->pk_bytes) == 0, "%s %s: ML-DSA-%u pk differs", g_group, g_id, L);
  CHECK(memcmp(g_sk, F.sk.p, P->sk_bytes) == 0, "%s %s: ML-DSA-%u sk differs", g_group, g_id, L);
  CHECK(pq_mldsa_sk_check(L, g_sk) == PQ_OK, "%s %s: generated sk out of range", g_group, g_id);
}

/* verify through verify_mu and (well-sized pk) the prepared key; both must give `want` */
static void check_verify(unsigned L, const uint8_t *pk, size_t pklen, const uint8_t mu[64],
                         const uint8_t *sig, size_t siglen, int want, const char *what) {
  const pq_mldsa_params *P = pq_mldsa_params_get(L);
  int got = pq_mldsa_verify_mu(L, pk, pklen, mu, sig, siglen);
  CHECK(got == want, "%s %s: %s: verify_mu = %d, expected %d", g_group, g_id, what, got, want);
  if (pklen == P->pk_bytes) {
    CHECK(pq_mldsa_prepare(L, pk, pklen, g_prep) == PQ_OK, "%s %s: prepare", g_group, g_id);
    uint8_t tr[64];
    pq_mldsa_pk_tr(pk, pklen, tr);
    CHECK(memcmp(g_prep, tr, 64) == 0, "%s %s: prepared key does not start with H(pk)", g_group, g_id);
    got = pq_mldsa_verify_prepared(L, g_prep, mu, sig, siglen);
    CHECK(got == want, "%s %s: %s: verify_prepared = %d, expected %d", g_group, g_id, what, got, want);
  }
}

static void run_sign(char *cur, int run) {
  unsigned L = parse_level(take(&cur, "L"));
  const char *seed = take(&cur, "seed"), *sk = take(&cur, "sk"), *pk = take(&cur, "pk");
  unsigned ph = 0;
  int mode = parse_mode(take(&cur, "mode"), &ph);
  const char *ctx = take(&cur, "ctx"), *msg = take(&cur, "msg"), *mu = take(&cur, "mu");
  const char *rnd = take(&cur, "rnd"), *expect = take(&cur, "expect"), *sig = take(&cur, "sig");
  if (!L || mode < 0 || !seed || !sk || !pk || !ctx || !msg || !mu || !rnd || !expect || !sig ||
      set_hex(&F.seed, seed, 0) || set_hex(&F.sk, sk, 0) || set_hex(&F.pk, pk, 0) ||
      set_hex(&F.ctx, ctx, 0) || set_hex(&F.msg, msg, 0) || set_hex(&F.mu, mu, 0) ||
      set_hex(&F.rnd, rnd, 0) || set_hex(&F.sig, sig, 0) || *cur)
    BAD_RECORD("sign fields");
  const pq_mldsa_params *P = pq_mldsa_params_get(L);
  const int want_sig = strcmp(expect, "sig") == 0, badkey = strcmp(expect, "badkey") == 0,
            ctxlong = strcmp(expect, "ctxlong") == 0;
  if (!want_sig && !badkey && !ctxlong) BAD_RECORD("expect");
  if (F.seed.present == F.sk.present) BAD_RECORD("exactly one of seed, sk");
  if ((F.seed.present && F.seed.len != 32) || (F.sk.present && F.sk.len != P->sk_bytes) ||
      (F.pk.present && F.pk.len != P->pk_bytes) || F.rnd.len != 32 ||
      (F.mu.present && F.mu.len != 64) || (want_sig && F.sig.len != P->sig_bytes))
    BAD_RECORD("sign sizes");
  if (mode == 3 ? !F.mu.present : !F.msg.present) BAD_RECORD("mode without its input");
  if (mode == 2 && F.ctx.len) BAD_RECORD("raw mode with a context");
  if (ctxlong ? F.ctx.len <= 255 || !F.pk.present || mode > 1 : F.ctx.len > 255) BAD_RECORD("context length");
  if (!run) return;

  const uint8_t *skp = F.sk.p, *pkp = F.pk.present ? F.pk.p : NULL;
  if (F.seed.present) {
    CHECK(pq_mldsa_keygen(L, F.seed.p, g_pk, g_sk) == PQ_OK, "%s %s: keygen", g_group, g_id);
    if (pkp) CHECK(memcmp(g_pk, pkp, P->pk_bytes) == 0, "%s %s: keygen pk differs", g_group, g_id);
    skp = g_sk;
    pkp = g_pk;
  }
  uint8_t mu_v[64];

  if (badkey) {
    CHECK(pq_mldsa_sk_check(L, skp) == PQ_ERR_SECRET_KEY, "%s %s: sk_check accepted an out-of-range sk",
          g_group, g_id);
    if (mode != 3) {
      compute_mu(mu_v, pq_mldsa_sk_tr(skp), mode, ph, F.ctx.p, F.ctx.len, F.msg.p, F.msg.len);
      CHECK(pq_mldsa_sign_mu(L, skp, mu_v, F.rnd.p, g_sig) == PQ_ERR_SECRET_KEY,
            "%s %s: signing with an out-of-range sk was not refused", g_group, g_id);
    }
    if (F.mu.present)
      CHECK(pq_mldsa_sign_mu(L, skp, F.mu.p, F.rnd.p, g_sig) == PQ_ERR_SECRET_KEY,
            "%s %s: signing (external mu) with an out-of-range sk was not refused", g_group, g_id);
    return;
  }
  CHECK(pq_mldsa_sk_check(L, skp) == PQ_OK, "%s %s: sk_check rejected the key", g_group, g_id);
  if (pkp) {
    uint8_t tr[64];
    pq_mldsa_pk_tr(pkp, P->pk_bytes, tr);
    CHECK(memcmp(tr, pq_mldsa_sk_tr(skp), 64) == 0, "%s %s: tr in sk != H(pk)", g_group, g_id);
  }

  if (ctxlong) {
    /* No mu exists for |ctx| > 255 (the bindings refuse); the longest legal prefix round-trips,
     * and a signature over one context does not verify under another. */
    uint8_t mu2[64];
    compute_mu(mu_v, pq_mldsa_sk_tr(skp), mode, ph, F.ctx.p, 255, F.msg.p, F.msg.len);
    CHECK(pq_mldsa_sign_mu(L, skp, mu_v, F.rnd.p, g_sig) == PQ_OK, "%s %s: sign (ctx 255)", g_group, g_id);
    check_verify(L, pkp, P->pk_bytes, mu_v, g_sig, P->sig_bytes, 1, "ctx of 255 bytes");
    compute_mu(mu2, pq_mldsa_sk_tr(skp), mode, ph, F.ctx.p, 254, F.msg.p, F.msg.len);
    check_verify(L, pkp, P->pk_bytes, mu2, g_sig, P->sig_bytes, 0, "other ctx");
    return;
  }

  if (mode == 3) {
    memcpy(mu_v, F.mu.p, 64);
  } else {
    compute_mu(mu_v, pq_mldsa_sk_tr(skp), mode, ph, F.ctx.p, F.ctx.len, F.msg.p, F.msg.len);
    if (F.mu.present) CHECK(memcmp(mu_v, F.mu.p, 64) == 0, "%s %s: mu differs", g_group, g_id);
  }
  memset(g_sig, 0xA5, MAX_SIG);
  CHECK(pq_mldsa_sign_mu(L, skp, mu_v, F.rnd.p, g_sig) == PQ_OK, "%s %s: sign", g_group, g_id);
  CHECK(memcmp(g_sig, F.sig.p, P->sig_bytes) == 0, "%s %s: ML-DSA-%u signature differs", g_group, g_id, L);
  if (pkp) {
    check_verify(L, pkp, P->pk_bytes, mu_v, g_sig, P->sig_bytes, 1, "own signature");
    g_sig[P->sig_bytes / 2] ^= 0x10;
    check_verify(L, pkp, P->pk_bytes, mu_v, g_sig, P->sig_bytes, 0, "signature with one bit flipped");
  }
}

static void run_verify(char *cur, int run) {
  unsigned L = parse_level(take(&cur, "L"));
  const char *pk = take(&cur, "pk");
  unsigned ph = 0;
  int mode = parse_mode(take(&cur, "mode"), &ph);
  const char *ctx = take(&cur, "ctx"), *msg = take(&cur, "msg"), *mu = take(&cur, "mu");
  const char *sig = take(&cur, "sig"), *expect = take(&cur, "expect");
  if (!L || mode < 0 || !pk || !ctx || !msg || !mu || !sig || !expect || set_hex(&F.pk, pk, 0) ||
      set_hex(&F.ctx, ctx, 0) || set_hex(&F.msg, msg, 0) || set_hex(&F.mu, mu, 0) ||
      set_hex(&F.sig, sig, 0) || !F.pk.present || !F.sig.present || *cur)
    BAD_RECORD("verify fields");
  if ((strcmp(expect, "0") && strcmp(expect, "1")) || F.ctx.len > 255 ||
      (mode == 3 ? !F.mu.present || F.mu.len != 64 : !F.msg.present) || (mode == 2 && F.ctx.len))
    BAD_RECORD("verify values");
  if (!run) return;
  const int want = expect[0] == '1';
  uint8_t tr[64], mu_v[64];
  if (mode == 3) {
    memcpy(mu_v, F.mu.p, 64);
  } else {
    pq_mldsa_pk_tr(F.pk.p, F.pk.len, tr);
    compute_mu(mu_v, tr, mode, ph, F.ctx.p, F.ctx.len, F.msg.p, F.msg.len);
  }
  check_verify(L, F.pk.p, F.pk.len, mu_v, F.sig.p, F.sig.len, want, "vector");
}

/* ---- Falcon ---------------------------------------------------------------------------------- */

static void run_falcon(char *cur, int run) {
  const char *alg = take(&cur, "alg"), *pk = take(&cur, "pk"), *msg = take(&cur, "msg");
  const char *sig = take(&cur, "sig"), *expect = take(&cur, "expect");
  if (!alg || !pk || !msg || !sig || !expect || set_hex(&F.pk, pk, 1) || set_hex(&F.msg, msg, 1) ||
      set_hex(&F.sig, sig, 0) || !F.pk.present || !F.msg.present || !F.sig.present || *cur)
    BAD_RECORD("falcon fields");
  const int det = strcmp(alg, "det1024") == 0;
  const unsigned logn = strcmp(alg, "512") == 0 ? 9 : 10;
  if ((!det && logn == 10 && strcmp(alg, "1024") != 0) || (strcmp(expect, "0") && strcmp(expect, "1")))
    BAD_RECORD("falcon values");
  if (!run) return;
  const int want = expect[0] == '1';
  pq_keccak_state st;

  if (det)
    pq_falcon_det_verify_start(&st, F.sig.p, F.sig.len);
  else
    pq_falcon_verify_start(&st, F.sig.p, F.sig.len);
  pq_keccak_absorb(&st, F.msg.p, F.msg.len);
  int got = det ? pq_falcon_det_verify_finish(F.pk.p, F.pk.len, F.sig.p, F.sig.len, &st)
                : pq_falcon_verify_finish(logn, F.pk.p, F.pk.len, F.sig.p, F.sig.len, &st);
  CHECK(got == want, "%s %s: Falcon verify = %d, expected %d", g_group, g_id, got, want);

  /* The same verdict with a prepared key and the message streamed in two parts. */
  if (pq_falcon_prepare(logn, F.pk.p, F.pk.len, g_prep) != 0) {
    CHECK(!want, "%s %s: prepare rejected the pk of a valid case", g_group, g_id);
    return;
  }
  if (det)
    pq_falcon_det_verify_start(&st, F.sig.p, F.sig.len);
  else
    pq_falcon_verify_start(&st, F.sig.p, F.sig.len);
  absorb_split(&st, F.msg.p, F.msg.len);
  got = det ? pq_falcon_det_verify_prepared_finish(g_prep, F.sig.p, F.sig.len, &st)
            : pq_falcon_verify_prepared_finish(logn, g_prep, F.sig.p, F.sig.len, &st);
  CHECK(got == want, "%s %s: Falcon verify (prepared) = %d, expected %d", g_group, g_id, got, want);
}

/* ---- driver ---------------------------------------------------------------------------------- */

static char *g_line;
static unsigned g_ran;
static size_t g_line_cap;

/* Runs one group file; returns 0, or -1 if it could not be read. */
static int run_group(const char *dir, const char *name, const char *file, unsigned want_cases,
                     unsigned want_skips, unsigned every) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "r");
  g_group = name;
  g_id = NULL;
  if (!f) {
    CHECK(0, "group %s: cannot open %s; run `node scripts/gen-c-vectors.mjs`", name, path);
    return -1;
  }
  unsigned cases = 0, ran = 0, skips = 0, fail0 = t_fail, nwhy = 0, why_n[4] = {0};
  char why[4][256];
  char *line;
  while ((line = t_read_line(f, &g_line, &g_line_cap)) != NULL) {
    if (!*line) continue;
    char *cur = strchr(line, ' ');
    char *id = NULL;
    if (cur) {
      *cur++ = 0;
      id = take(&cur, "id");
    }
    g_id = id;
    if (!id) {
      CHECK(0, "%s: malformed line %u (no op / id)", name, cases + skips + 1);
      continue;
    }
    if (strcmp(line, "skip") == 0) {
      CHECK(strncmp(cur, "reason=", 7) == 0 && cur[7], "%s %s: skip without a reason", name, id);
      skips++;
      unsigned w = 0;
      while (w < nwhy && strncmp(why[w], cur + 7, sizeof why[w] - 1) != 0) w++;
      if (w == nwhy && nwhy < 4) snprintf(why[nwhy++], sizeof why[0], "%s", cur + 7);
      if (w < 4) why_n[w]++;
      continue;
    }
    const int run = cases % every == 0;
    g_lazy = !run;
    cases++;
    ran += (unsigned)run;
    if (strcmp(line, "keygen") == 0)
      run_keygen(cur, run);
    else if (strcmp(line, "sign") == 0)
      run_sign(cur, run);
    else if (strcmp(line, "verify") == 0)
      run_verify(cur, run);
    else if (strcmp(line, "falcon") == 0)
      run_falcon(cur, run);
    else
      CHECK(0, "%s %s: unknown op \"%.20s\"", name, id, line);
  }
  const int read_error = ferror(f);
  fclose(f);
  CHECK(!read_error, "group %s: read error on %s", name, path);
  g_ran += ran;
  CHECK(cases == want_cases && skips == want_skips,
        "group %s: %u cases and %u skips in %s, MANIFEST says %u and %u (truncated? rerun node "
        "scripts/gen-c-vectors.mjs --force)",
        name, cases, skips, path, want_cases, want_skips);
  printf("  %-28s %5u/%-5u cases run", name, ran, cases);
  if (skips) printf(", %u not expressible in the C API", skips);
  printf(", %u failed checks\n", t_fail - fail0);
  for (unsigned w = 0; w < nwhy; w++) printf("      not run: %u x %s\n", why_n[w], why[w]);
  fflush(stdout);
  return 0;
}

int main(void) {
  const char *dir = getenv("PQ_C_VECTORS");
  if (!dir || !*dir) dir = "build/c-vectors";
  unsigned every = 1;
  const char *ev = getenv("PQ_VECTORS_EVERY");
  if (ev && *ev) {
    char *end;
    unsigned long v = strtoul(ev, &end, 10);
    if (*end || v == 0 || v > 1000000) {
      CHECK(0, "PQ_VECTORS_EVERY=%s: expected a positive integer", ev);
      return t_summary("vectors");
    }
    every = (unsigned)v;
  }
  if (every == 1)
    printf("vectors: full set (PQ_VECTORS_EVERY=1) from %s\n", dir);
  else
    printf("vectors: subset: every %u-th case of each group (index %% %u == 0; PQ_VECTORS_EVERY=%u) from %s\n",
           every, every, every, dir);

  char path[1024];
  snprintf(path, sizeof path, "%s/MANIFEST", dir);
  FILE *m = fopen(path, "r");
  if (!m) {
    CHECK(0, "no test vectors at %s: run `node scripts/gen-c-vectors.mjs` first (or set PQ_C_VECTORS)", path);
    return t_summary("vectors");
  }
  fields_t *fs = &F;
  buf_t *all[] = {&fs->seed, &fs->sk, &fs->pk, &fs->ctx, &fs->msg, &fs->mu, &fs->rnd, &fs->sig};
  const size_t nall = sizeof all / sizeof all[0];
  for (size_t i = 0; i < nall; i++) { /* never a NULL pointer, even for empty fields */
    all[i]->cap = 64;
    all[i]->p = xrealloc(NULL, all[i]->cap);
  }
  g_pk = xrealloc(NULL, MAX_PK);
  g_sk = xrealloc(NULL, MAX_SK);
  g_sig = xrealloc(NULL, MAX_SIG);
  g_prep = xrealloc(NULL, 65600); /* largest prepared key (ML-DSA-87); malloc alignment suffices */

  char *line, *mline = NULL;
  size_t mcap = 0;
  unsigned groups = 0, format_ok = 0, end_ok = 0, total_cases = 0, total_skips = 0;
  while ((line = t_read_line(m, &mline, &mcap)) != NULL) {
    char name[128], file[256];
    unsigned nc, ns, ng;
    if (strcmp(line, "format pqsimd-c-vectors 1") == 0) {
      format_ok = 1;
    } else if (sscanf(line, "group %127s %255s %u %u", name, file, &nc, &ns) == 4 && format_ok && !end_ok) {
      run_group(dir, name, file, nc, ns, every);
      groups++;
      total_cases += nc;
      total_skips += ns;
    } else if (sscanf(line, "end %u %u %u", &ng, &nc, &ns) == 3 && format_ok && !end_ok) {
      end_ok = 1;
      g_group = "MANIFEST";
      CHECK(ng == groups && nc == total_cases && ns == total_skips,
            "%s: %u groups / %u cases / %u skips listed, the end line says %u / %u / %u", path, groups,
            total_cases, total_skips, ng, nc, ns);
    } else if (*line) {
      g_group = "MANIFEST";
      CHECK(0, "%s: unexpected line \"%.60s\"; rerun node scripts/gen-c-vectors.mjs --force", path, line);
    }
  }
  fclose(m);
  CHECK(format_ok && end_ok && groups > 0,
        "%s: incomplete (format line %s, end line %s, %u groups); "
        "rerun node scripts/gen-c-vectors.mjs --force",
        path, format_ok ? "ok" : "missing", end_ok ? "ok" : "missing", groups);
  printf("vectors: %u groups, %u cases, %u run (PQ_VECTORS_EVERY=%u), "
         "%u not expressible in the C API\n",
         groups, total_cases, g_ran, every, total_skips);
  free(mline);
  free(g_line);
  free(g_pk);
  free(g_sk);
  free(g_sig);
  free(g_prep);
  for (size_t i = 0; i < nall; i++) free(all[i]->p);
  return t_summary("vectors");
}
