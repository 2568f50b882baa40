#define _POSIX_C_SOURCE 199309L
/* pqsimd's side of scripts/bench-bn254-native.mjs: the BN254 operations that the script also times
 * in gnark-crypto and arkworks (bench/anchors), on the same inputs and with the same method, so the
 * three columns of its table compare like with like:
 *   fp_mul, fp2_mul      dependent chains (each result feeds the next call)
 *   pairing              e(P, Q), Miller loop + final exponentiation
 *   check2, check4       the product of 2 or 4 pairings is 1? (affine points already decoded)
 *   ecpairing2/4         the precompile 0x08 from bytes: decoding, coordinate, curve and G2
 *                        subgroup checks, then the check
 *   g1_mul               [k]P, P affine, k any 256-bit number (GLV), Jacobian out
 *   g1_add               Jacobian + Jacobian (the general formula: the addend's Z != 1)
 *   bench_bn254_anchors INPUTS [ms per sample (25)] [samples (7)] [op,op,...]
 * INPUTS: `name hex` lines (the script writes them). Output: `result NAME HEX` lines, which the
 * script checks against @noble/curves, then `time NAME NS`: the median ns per operation over the
 * samples, each a loop sized to take about the given milliseconds (CLOCK_MONOTONIC, as the Go and
 * Rust programs use their monotonic clocks). The script builds it with each x86-64 core's flags:
 *   gcc -std=c11 -O3 -Inative/common [the core's -m flags -DPQ_TARGET_X86_AVX2]
 *     native/test/bench_bn254_anchors.c native/common/bn254/[star].c [native/x86_64/bn254_[star].c]
 * ([star] for the glob character, which would end this comment.) Not part of the tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn254/bn254.h"
#include "bn254/pairing.h"

#define MAX_IN 768 /* the longest input: 4 pairs of 192 bytes */

static const char *const NAMES[] = {"fp_a", "fp_b", "fp2_a", "fp2_b",    "scalar",
                                    "g1_0", "g1_1", "g1_2",  "g1_3",     "g2_0",
                                    "g2_1", "g2_2", "g2_3",  "pairing2", "pairing4"};
enum {
  FP_A,
  FP_B,
  FP2_A,
  FP2_B,
  SCALAR,
  G1_0,
  G2_0 = G1_0 + 4,
  PAIRING2 = G2_0 + 4,
  PAIRING4,
  N_IN
};

/* the inputs as read, then everything an operation reads, decoded once */
typedef struct {
  uint8_t in[N_IN][MAX_IN];
  size_t len[N_IN];
  pq_fp fa, fb;
  pq_fp2 xa, xb;
  uint32_t k[8];
  pq_g1_aff p[4];
  pq_g2_aff q[4];
  pq_g1_jac p0, q1;
  uint64_t sink;
} ctx;

static void die(const char *msg, const char *what) {
  fprintf(stderr, "bench_bn254_anchors: %s%s\n", msg, what);
  exit(1);
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static void read_inputs(ctx *c, const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open ", path);
  char line[4096];
  while (fgets(line, sizeof line, f)) {
    char *sp = strchr(line, ' ');
    if (!sp) continue;
    *sp = 0;
    for (int i = 0; i < N_IN; i++) {
      if (strcmp(line, NAMES[i])) continue;
      const char *h = sp + 1;
      size_t n = 0;
      while (hexval(h[0]) >= 0 && hexval(h[1]) >= 0 && n < MAX_IN) {
        c->in[i][n++] = (uint8_t)(hexval(h[0]) << 4 | hexval(h[1]));
        h += 2;
      }
      c->len[i] = n;
    }
  }
  fclose(f);
  for (int i = 0; i < N_IN; i++)
    if (!c->len[i]) die("no input named ", NAMES[i]);
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int check(const pq_g1_aff *p, const pq_g2_aff *q, size_t n) {
  pq_fp12 f;
  pq_bn_miller_loop(&f, p, q, n, 0, 0, 0);
  pq_bn_final_exp(&f, &f);
  return pq_fp12_is_one(&f);
}

static int ec_pairing(const ctx *c, int i) {
  uint8_t out[32];
  if (pq_bn254_ec_pairing(out, c->in[i], c->len[i])) die("ecPairing refused ", NAMES[i]);
  return out[31];
}

enum { FP_MUL, FP2_MUL, PAIRING, CHECK2, CHECK4, ECPAIRING2, ECPAIRING4, G1_MUL, G1_ADD, N_OPS };
static const char *const OPS[N_OPS] = {"fp_mul",     "fp2_mul",    "pairing", "check2", "check4",
                                       "ecpairing2", "ecpairing4", "g1_mul",  "g1_add"};

static void run(ctx *c, int op, unsigned long n) {
  switch (op) {
    case FP_MUL: {
      pq_fp a = c->fa;
      for (unsigned long i = 0; i < n; i++) pq_fp_mul(&a, &a, &c->fb);
      c->sink ^= a.v[0];
      break;
    }
    case FP2_MUL: {
      pq_fp2 a = c->xa;
      for (unsigned long i = 0; i < n; i++) pq_fp2_mul(&a, &a, &c->xb);
      c->sink ^= a.c0.v[0];
      break;
    }
    case PAIRING:
      for (unsigned long i = 0; i < n; i++) {
        pq_fp12 f;
        pq_bn_pairing(&f, &c->p[0], &c->q[0]);
        c->sink ^= f.c0.c0.c0.v[0];
      }
      break;
    case CHECK2:
    case CHECK4:
      for (unsigned long i = 0; i < n; i++)
        if (!check(c->p, c->q, op == CHECK2 ? 2 : 4)) die("pairing check gave false", "");
      break;
    case ECPAIRING2:
    case ECPAIRING4:
      for (unsigned long i = 0; i < n; i++)
        if (!ec_pairing(c, op == ECPAIRING2 ? PAIRING2 : PAIRING4)) die("ecPairing gave 0", "");
      break;
    case G1_MUL:
      for (unsigned long i = 0; i < n; i++) {
        pq_g1_jac r;
        pq_g1_mul(&r, &c->p[0], c->k);
        c->sink ^= r.x.v[0];
      }
      break;
    default: { /* G1_ADD */
      pq_g1_jac s = c->p0;
      for (unsigned long i = 0; i < n; i++) pq_g1_add(&s, &s, &c->q1);
      c->sink ^= s.x.v[0];
      break;
    }
  }
}

static int cmp_double(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* median ns per operation of `samples` runs of n operations, n sized to about ms per run */
static double measure(ctx *c, int op, double ms, int samples) {
  const double target = ms * 1e6;
  unsigned long n = 1;
  for (;;) {
    const double t0 = now_ns();
    run(c, op, n);
    const double dt = now_ns() - t0;
    if (dt >= target / 4 || n >= 1ul << 30) {
      if (dt > 0) n = (unsigned long)((double)n * target / dt) + 1;
      break;
    }
    n *= 4;
  }
  double per[64];
  if (samples > 64) samples = 64;
  for (int s = 0; s < samples; s++) {
    const double t0 = now_ns();
    run(c, op, n);
    per[s] = (now_ns() - t0) / (double)n;
  }
  qsort(per, (size_t)samples, sizeof per[0], cmp_double);
  return per[samples / 2];
}

static void print_hex(const char *name, const uint8_t *b, size_t n) {
  printf("result %s ", name);
  for (size_t i = 0; i < n; i++) printf("%02x", b[i]);
  printf("\n");
}

static void print_g1(const char *name, const pq_g1_jac *p) {
  pq_g1_aff a;
  uint8_t b[64];
  pq_g1_to_aff(&a, p);
  pq_g1_encode(b, &a);
  print_hex(name, b, 64);
}

int main(int argc, char **argv) {
  if (argc < 2) die("usage: bench_bn254_anchors INPUTS [ms] [samples] [op,op,...]", "");
  const double ms = argc > 2 ? atof(argv[2]) : 25;
  const int samples = argc > 3 ? atoi(argv[3]) : 7;
  const char *ops =
      argc > 4 ? argv[4]
               : "fp_mul,fp2_mul,pairing,check2,check4,ecpairing2,ecpairing4,g1_mul,g1_add";
  if (ms <= 0 || samples < 1) die("bad ms or samples", "");
  ctx *c = calloc(1, sizeof *c); /* (large: not on the stack) */
  if (!c) die("out of memory", "");
  read_inputs(c, argv[1]);
  if (pq_fp_from_bytes(&c->fa, c->in[FP_A]) || pq_fp_from_bytes(&c->fb, c->in[FP_B]) ||
      pq_fp_from_bytes(&c->xa.c0, c->in[FP2_A]) || pq_fp_from_bytes(&c->xa.c1, c->in[FP2_A] + 32) ||
      pq_fp_from_bytes(&c->xb.c0, c->in[FP2_B]) || pq_fp_from_bytes(&c->xb.c1, c->in[FP2_B] + 32))
    die("a field input is >= p", "");
  pq_bn_scalar_from_bytes(c->k, c->in[SCALAR]);
  for (int i = 0; i < 4; i++)
    if (pq_g1_decode(&c->p[i], c->in[G1_0 + i]) || pq_g2_decode(&c->q[i], c->in[G2_0 + i]))
      die("a point input is invalid: ", NAMES[G1_0 + i]);
  pq_g1_from_aff(&c->p0, &c->p[0]);
  pq_g1_from_aff(&c->q1, &c->p[1]);
  pq_g1_dbl(&c->q1, &c->q1); /* Z != 1: the general addition */

  { /* results, checked by the script */
    uint8_t b[64];
    pq_fp r;
    pq_fp2 x;
    pq_g1_jac j;
    pq_fp_mul(&r, &c->fa, &c->fb);
    pq_fp_to_bytes(b, &r);
    print_hex("fp_mul", b, 32);
    pq_fp2_mul(&x, &c->xa, &c->xb);
    pq_fp_to_bytes(b, &x.c0);
    pq_fp_to_bytes(b + 32, &x.c1);
    print_hex("fp2_mul", b, 64);
    pq_g1_mul(&j, &c->p[0], c->k);
    print_g1("g1_mul", &j);
    pq_g1_add(&j, &c->p0, &c->q1);
    print_g1("g1_add", &j);
    printf("result check2 %02x\n", check(c->p, c->q, 2));
    printf("result check4 %02x\n", check(c->p, c->q, 4));
    const pq_g2_aff swapped[2] = {c->q[1], c->q[0]};
    printf("result check_swapped %02x\n", check(c->p, swapped, 2));
    printf("result ecpairing2 %02x\n", ec_pairing(c, PAIRING2));
    printf("result ecpairing4 %02x\n", ec_pairing(c, PAIRING4));
  }
  char list[256];
  snprintf(list, sizeof list, "%s", ops);
  for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
    int op = 0;
    while (op < N_OPS && strcmp(tok, OPS[op])) op++;
    if (op == N_OPS) die("unknown operation ", tok);
    printf("time %s %.1f\n", tok, measure(c, op, ms, samples));
    fflush(stdout);
  }
  fprintf(stderr, "checksum %llu\n", (unsigned long long)c->sink);
  free(c);
  return 0;
}
