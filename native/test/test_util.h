/* Tiny test helpers for the native C tests (each test_*.c is its own program). */
#ifndef PQ_TEST_UTIL_H
#define PQ_TEST_UTIL_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned t_pass, t_fail;
#define CHECK(cond, ...)                                     \
  do {                                                       \
    if (cond) {                                              \
      t_pass++;                                              \
    } else {                                                 \
      t_fail++;                                              \
      if (t_fail <= 20) {                                    \
        fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                        \
        fprintf(stderr, "\n");                               \
      }                                                      \
    }                                                        \
  } while (0)

static uint64_t t_rng = 0x9E3779B97F4A7C15ULL;
static inline uint64_t rnd64(void) {
  t_rng ^= t_rng << 13;
  t_rng ^= t_rng >> 7;
  t_rng ^= t_rng << 17;
  return t_rng;
}
static inline void rnd_bytes(uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++) p[i] = (uint8_t)rnd64();
}
/* uniform in [lo, hi] */
static inline int32_t rnd_range(int32_t lo, int32_t hi) {
  return lo + (int32_t)(rnd64() % (uint64_t)((int64_t)hi - lo + 1));
}

static inline void from_hex(uint8_t *out, const char *hex) {
  for (size_t i = 0; hex[2 * i]; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    out[i] = (uint8_t)v;
  }
}
static inline int eq_hex(const uint8_t *p, const char *hex) {
  uint8_t buf[4096];
  size_t n = strlen(hex) / 2;
  from_hex(buf, hex);
  return memcmp(p, buf, n) == 0;
}

/* Falcon-style int16 polynomials: every |a_j| <= bound; a == b (mod q) lane by lane. */
static inline int32_t t_mod(int32_t a, int32_t q) {
  a %= q;
  return a < 0 ? a + q : a;
}
static inline int t_in_bound16(const int16_t *a, unsigned n, int32_t bound) {
  for (unsigned j = 0; j < n; j++)
    if (a[j] < -bound || a[j] > bound) return 0;
  return 1;
}
static inline int t_congruent16(const int16_t *a, const int16_t *b, unsigned n, int32_t q) {
  for (unsigned j = 0; j < n; j++)
    if (t_mod(a[j], q) != t_mod(b[j], q)) return 0;
  return 1;
}

static inline int t_summary(const char *name) {
  printf("%s: %u passed, %u failed\n", name, t_pass, t_fail);
  return t_fail ? 1 : 0;
}
/* ---- the line-based vector files of scripts/gen-c-vectors.mjs and friends ---- */

/* A lowercase hex digit's value, -1 otherwise (the generators write lowercase only). */
static inline int t_hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* One line (without the newline) into *line, grown as needed; NULL at end of file. */
static inline char *t_read_line(FILE *f, char **line, size_t *cap) {
  size_t len = 0;
  for (;;) {
    if (*cap - len < 2) {
      *cap = *cap ? *cap * 2 : 1 << 16;
      char *p = (char *)realloc(*line, *cap);
      if (!p) exit(1);
      *line = p;
    }
    const int chunk = *cap - len > (size_t)1 << 30 ? 1 << 30 : (int)(*cap - len);
    if (!fgets(*line + len, chunk, f)) {
      if (len == 0) return NULL;
      (*line)[len] = 0;
      return *line;
    }
    len += strlen(*line + len);
    if (len && (*line)[len - 1] == '\n') {
      (*line)[--len] = 0;
      return *line;
    }
  }
}

/* Runs every group of DIR/MANIFEST-<family> (`format pqsimd-c-vectors 1`, `group NAME FILE CASES
 * N`..., `end GROUPS CASES N`) through run(dir, name, file, cases), which returns the cases it read;
 * checks the end line's counts and that there are at least min_groups groups. `hint` says how to
 * make the vectors when the manifest is missing. */
typedef unsigned (*t_group_fn)(const char *dir, const char *name, const char *file, unsigned cases);
static inline void t_run_manifest(const char *family, const char *hint, unsigned min_groups,
                                  t_group_fn run) {
  const char *dir = getenv("PQ_C_VECTORS");
  if (!dir || !*dir) dir = "build/c-vectors";
  char path[1024];
  snprintf(path, sizeof path, "%s/MANIFEST-%s", dir, family);
  FILE *m = fopen(path, "r");
  if (!m) {
    CHECK(0, "no %s vectors at %s: %s", family, path, hint);
    return;
  }
  char *line = NULL;
  size_t cap = 0;
  unsigned groups = 0, total = 0, ng, nc, ns, format = 0, end = 0;
  while (t_read_line(m, &line, &cap)) {
    char name[128], file[256];
    if (strcmp(line, "format pqsimd-c-vectors 1") == 0)
      format = 1;
    else if (format && !end && sscanf(line, "group %127s %255s %u %u", name, file, &nc, &ns) == 4)
      groups++, total += run(dir, name, file, nc);
    else if (format && sscanf(line, "end %u %u %u", &ng, &nc, &ns) == 3) {
      end = 1;
      CHECK(ng == groups && nc == total, "MANIFEST-%s: end line %u/%u, read %u/%u", family, ng, nc,
            groups, total);
    } else if (*line)
      CHECK(0, "MANIFEST-%s: unexpected line %.60s", family, line);
  }
  fclose(m);
  free(line);
  CHECK(format && end && groups >= min_groups, "MANIFEST-%s incomplete", family);
  printf("%s vectors: %u groups, %u cases\n", family, groups, total);
}

#endif
