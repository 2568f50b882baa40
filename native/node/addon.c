/* pqsimd Node addon (N-API): the C core compiled per ISA, called on the caller's
 * Uint8Array memory in place (no copies). No global mutable state: the ISA
 * tables are const and every call gets its table through the function's data
 * pointer, so the addon can run in several worker_threads at once.
 *
 * exports = { isas: ['avx512', 'avx2', 'portable'] on x86-64, ['neon-sha3', 'neon',
 *             'portable'] on AArch64 (best first, what this CPU runs),
 *             portable: { mldsaKeygen, ... }, avx2: { ... }, avx512: { ... }, neon: ...,
 *             ticks(): bigint, ticksSource: 'rdtsc' | 'cntvct_el0' (for benchmarks) }
 * avx512 is the AVX2 kernels built with AVX-512VL enabled (the Keccak rotations
 * become vprolq; the compiler may use EVEX encodings elsewhere).
 * Argument checking with named errors happens in the TypeScript layer; the
 * checks here are a second line (TypeError for non-Uint8Array or detached
 * buffers, RangeError for wrong sizes) so the addon can never be misused into
 * reading out of bounds. */
#define NAPI_VERSION 8
#include <node_api.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core_api.h"
#if defined(__x86_64__)
#include <x86intrin.h>
#endif
#ifdef PQ_WITH_NEON
#include <asm/hwcap.h>
#include <sys/auxv.h>
#endif

/* ---- a cycle-accurate timer for the benchmark (not part of the API) ------------ */

/* x86-64: the time-stamp counter (constant rate, the unit mldsa-native's and
 * SUPERCOP's numbers use); AArch64: the virtual counter (cntvct_el0, a fixed
 * frequency that is not the core clock). Returned as a BigInt. */
#if defined(__x86_64__) || defined(__aarch64__)
static napi_value js_ticks(napi_env env, napi_callback_info info) {
  (void)info;
#if defined(__x86_64__)
  const uint64_t t = __rdtsc();
#else
  uint64_t t;
  __asm__ __volatile__("isb; mrs %0, cntvct_el0" : "=r"(t) : : "memory");
#endif
  napi_value v;
  napi_create_bigint_uint64(env, t, &v);
  return v;
}
#endif

/* ---- the per-ISA cores -------------------------------------------------------- */

#define PQ_EXTERN(prefix) PQ_CORE_FUNCTIONS(PQ_EXTERN_##prefix)
#define PQ_EXTERN_portable(ret, name, args) extern ret portable_##name args;
#define PQ_EXTERN_avx2(ret, name, args) extern ret avx2_##name args;
#define PQ_EXTERN_avx512(ret, name, args) extern ret avx512_##name args;
#define PQ_EXTERN_neon(ret, name, args) extern ret neon_##name args;
#define PQ_EXTERN_neon_sha3(ret, name, args) extern ret neon_sha3_##name args;
PQ_EXTERN(portable)
#ifdef PQ_WITH_AVX2
PQ_EXTERN(avx2)
PQ_EXTERN(avx512)
#endif
#ifdef PQ_WITH_NEON
PQ_EXTERN(neon)
PQ_EXTERN(neon_sha3)
#endif

#define PQ_INIT_portable(ret, name, args) .name = portable_##name,
#define PQ_INIT_avx2(ret, name, args) .name = avx2_##name,
#define PQ_INIT_avx512(ret, name, args) .name = avx512_##name,
static const pq_core CORE_PORTABLE = {.isa = "portable", PQ_CORE_FUNCTIONS(PQ_INIT_portable)};
#ifdef PQ_WITH_AVX2
static const pq_core CORE_AVX2 = {.isa = "avx2", PQ_CORE_FUNCTIONS(PQ_INIT_avx2)};
static const pq_core CORE_AVX512 = {.isa = "avx512", PQ_CORE_FUNCTIONS(PQ_INIT_avx512)};
#endif
#ifdef PQ_WITH_NEON
#define PQ_INIT_neon(ret, name, args) .name = neon_##name,
#define PQ_INIT_neon_sha3(ret, name, args) .name = neon_sha3_##name,
static const pq_core CORE_NEON = {.isa = "neon", PQ_CORE_FUNCTIONS(PQ_INIT_neon)};
static const pq_core CORE_NEON_SHA3 = {.isa = "neon-sha3", PQ_CORE_FUNCTIONS(PQ_INIT_neon_sha3)};
#endif

/* ---- parameter sizes ------------------------------------------------------------ */

typedef struct {
  unsigned name;
  size_t pk, sk, sig;
} mldsa_sizes;
static const mldsa_sizes MLDSA[3] = {{44, 1312, 2560, 2420}, {65, 1952, 4032, 3309}, {87, 2592, 4896, 4627}};

static const mldsa_sizes *mldsa_of(int32_t level) {
  for (int i = 0; i < 3; i++)
    if ((int32_t)MLDSA[i].name == level) return &MLDSA[i];
  return NULL;
}

/* ---- argument helpers ----------------------------------------------------------- */

#define CHECK_NAPI(call)                                      \
  do {                                                        \
    if ((call) != napi_ok) {                                  \
      napi_throw_error(env, NULL, "pqsimd addon: N-API call failed"); \
      return NULL;                                            \
    }                                                         \
  } while (0)

typedef struct {
  const uint8_t *p;
  size_t len;
} bytes_t;

static const uint8_t EMPTY[1] = {0};

/* A Uint8Array argument, read in place. Returns false (with a pending TypeError) otherwise. */
static bool get_bytes(napi_env env, napi_value v, const char *what, bytes_t *out) {
  bool is_ta = false;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: expected a Uint8Array", what);
    napi_throw_type_error(env, NULL, msg);
    return false;
  }
  napi_typedarray_type type;
  size_t length = 0, offset = 0;
  void *data = NULL;
  napi_value ab;
  if (napi_get_typedarray_info(env, v, &type, &length, &data, &ab, &offset) != napi_ok || type != napi_uint8_array) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: expected a Uint8Array", what);
    napi_throw_type_error(env, NULL, msg);
    return false;
  }
  bool detached = false;
  if (napi_is_detached_arraybuffer(env, ab, &detached) == napi_ok && detached) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: the Uint8Array's buffer is detached", what);
    napi_throw_type_error(env, NULL, msg);
    return false;
  }
  out->p = (length && data) ? (const uint8_t *)data : EMPTY;
  out->len = (length && data) ? length : 0;
  return true;
}

static bool get_int(napi_env env, napi_value v, int32_t *out) {
  if (napi_get_value_int32(env, v, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "pqsimd addon: expected a number");
    return false;
  }
  return true;
}

static napi_value new_bytes(napi_env env, size_t len, uint8_t **data) {
  napi_value ab, ta;
  void *p = NULL;
  if (napi_create_arraybuffer(env, len, &p, &ab) != napi_ok) return NULL;
  if (napi_create_typedarray(env, napi_uint8_array, len, ab, 0, &ta) != napi_ok) return NULL;
  *data = (uint8_t *)p;
  return ta;
}

static napi_value js_bool(napi_env env, bool b) {
  napi_value v;
  napi_get_boolean(env, b, &v);
  return v;
}

static napi_value js_int(napi_env env, int32_t i) {
  napi_value v;
  napi_create_int32(env, i, &v);
  return v;
}

static void secure_zero(void *p, size_t n) {
  volatile uint8_t *v = (volatile uint8_t *)p;
  while (n--) *v++ = 0;
}

#define ARGS(n)                                                                 \
  size_t argc = n;                                                              \
  napi_value argv[n];                                                           \
  void *data_;                                                                  \
  CHECK_NAPI(napi_get_cb_info(env, info, &argc, argv, NULL, &data_));           \
  const pq_core *core = (const pq_core *)data_;                                 \
  if (argc < n) {                                                               \
    napi_throw_type_error(env, NULL, "pqsimd addon: missing arguments");        \
    return NULL;                                                                \
  }

/* mu = H(tr || M') for mode 0 (pure, or HashML-DSA when ph >= 0), 1 (M' given), or
 * copies it for mode 2 (external mu). false if the inputs do not fit. */
static bool compute_mu(const pq_core *core, uint8_t mu[64], const uint8_t tr[64], int32_t mode,
                       bytes_t msg, bytes_t ctx, int32_t ph) {
  if (mode == 2) {
    if (msg.len != 64) return false;
    memcpy(mu, msg.p, 64);
    return true;
  }
  pq_keccak_state st;
  core->pq_mldsa_mu_init(&st, tr);
  if (mode == 1) {
    core->pq_keccak_absorb(&st, msg.p, msg.len);
  } else {
    if (ctx.len > 255) return false;
    core->pq_mldsa_mu_absorb_prefix(&st, ph >= 0, ctx.p, ctx.len);
    if (ph < 0) {
      core->pq_keccak_absorb(&st, msg.p, msg.len);
    } else {
      pq_prehash_ctx hc;
      uint8_t digest[64];
      if (ph >= PQ_PH_COUNT || core->pq_prehash_init(&hc, (unsigned)ph) == 0) return false;
      core->pq_prehash_update(&hc, (unsigned)ph, msg.p, msg.len);
      core->pq_prehash_final(&hc, (unsigned)ph, digest);
      core->pq_mldsa_mu_absorb_prehash(&st, (unsigned)ph, digest);
    }
  }
  core->pq_mldsa_mu_final(&st, mu);
  return true;
}

/* ---- ML-DSA --------------------------------------------------------------------- */

/* mldsaKeygen(level, seed32) -> [pk, sk] */
static napi_value mldsa_keygen(napi_env env, napi_callback_info info) {
  ARGS(2)
  int32_t level;
  bytes_t seed;
  if (!get_int(env, argv[0], &level) || !get_bytes(env, argv[1], "seed", &seed)) return NULL;
  const mldsa_sizes *S = mldsa_of(level);
  if (!S || seed.len != 32) {
    napi_throw_range_error(env, NULL, "seed: expected 32 bytes");
    return NULL;
  }
  uint8_t *pk = NULL, *sk = NULL;
  napi_value jpk = new_bytes(env, S->pk, &pk), jsk = new_bytes(env, S->sk, &sk), arr;
  if (!jpk || !jsk) return NULL;
  core->pq_mldsa_keygen(S->name, seed.p, pk, sk);
  CHECK_NAPI(napi_create_array_with_length(env, 2, &arr));
  napi_set_element(env, arr, 0, jpk);
  napi_set_element(env, arr, 1, jsk);
  return arr;
}

/* mldsaSign(level, sk, mode, msg, ctx, ph, rnd32) -> signature, or a negative error code */
static napi_value mldsa_sign(napi_env env, napi_callback_info info) {
  ARGS(7)
  int32_t level, mode, ph;
  bytes_t sk, msg, ctx, rnd;
  if (!get_int(env, argv[0], &level) || !get_bytes(env, argv[1], "secretKey", &sk) ||
      !get_int(env, argv[2], &mode) || !get_bytes(env, argv[3], "message", &msg) ||
      !get_bytes(env, argv[4], "context", &ctx) || !get_int(env, argv[5], &ph) ||
      !get_bytes(env, argv[6], "random", &rnd))
    return NULL;
  const mldsa_sizes *S = mldsa_of(level);
  if (!S || sk.len != S->sk || rnd.len != 32) {
    napi_throw_range_error(env, NULL, "secretKey / random: wrong length");
    return NULL;
  }
  uint8_t mu[64], *sig = NULL;
  if (!compute_mu(core, mu, sk.p + 64, mode, msg, ctx, ph)) {
    napi_throw_range_error(env, NULL, "message / context: invalid for this mode");
    return NULL;
  }
  napi_value jsig = new_bytes(env, S->sig, &sig);
  if (!jsig) return NULL;
  const int rc = core->pq_mldsa_sign_mu(S->name, sk.p, mu, rnd.p, sig);
  secure_zero(mu, sizeof mu);
  return rc == 0 ? jsig : js_int(env, rc);
}

/* mldsaVerify(level, pk, mode, msg, ctx, ph, sig) -> bool (never throws on bytes) */
static napi_value mldsa_verify(napi_env env, napi_callback_info info) {
  ARGS(7)
  int32_t level, mode, ph;
  bytes_t pk, msg, ctx, sig;
  if (!get_int(env, argv[0], &level) || !get_bytes(env, argv[1], "publicKey", &pk) ||
      !get_int(env, argv[2], &mode) || !get_bytes(env, argv[3], "message", &msg) ||
      !get_bytes(env, argv[4], "context", &ctx) || !get_int(env, argv[5], &ph) ||
      !get_bytes(env, argv[6], "signature", &sig))
    return NULL;
  const mldsa_sizes *S = mldsa_of(level);
  if (!S || pk.len != S->pk || sig.len != S->sig) return js_bool(env, false);
  uint8_t tr[64], mu[64];
  if (mode != 2) core->pq_mldsa_pk_tr(pk.p, pk.len, tr);
  if (!compute_mu(core, mu, tr, mode, msg, ctx, ph)) return js_bool(env, false);
  return js_bool(env, core->pq_mldsa_verify_mu(S->name, pk.p, pk.len, mu, sig.p, sig.len) == 1);
}

/* mldsaMu(level, pk, mPrime) -> mu */
static napi_value mldsa_mu(napi_env env, napi_callback_info info) {
  ARGS(3)
  int32_t level;
  bytes_t pk, m;
  if (!get_int(env, argv[0], &level) || !get_bytes(env, argv[1], "publicKey", &pk) ||
      !get_bytes(env, argv[2], "message", &m))
    return NULL;
  const mldsa_sizes *S = mldsa_of(level);
  if (!S || pk.len != S->pk) {
    napi_throw_range_error(env, NULL, "publicKey: wrong length");
    return NULL;
  }
  uint8_t tr[64], *mu = NULL;
  napi_value jmu = new_bytes(env, 64, &mu);
  if (!jmu) return NULL;
  core->pq_mldsa_pk_tr(pk.p, pk.len, tr);
  compute_mu(core, mu, tr, 1, m, (bytes_t){EMPTY, 0}, -1);
  return jmu;
}

/* mldsaPrepare(level, pk) -> prepared key bytes */
static napi_value mldsa_prepare(napi_env env, napi_callback_info info) {
  ARGS(2)
  int32_t level;
  bytes_t pk;
  if (!get_int(env, argv[0], &level) || !get_bytes(env, argv[1], "publicKey", &pk)) return NULL;
  const mldsa_sizes *S = mldsa_of(level);
  if (!S || pk.len != S->pk) {
    napi_throw_range_error(env, NULL, "publicKey: wrong length");
    return NULL;
  }
  uint8_t *out = NULL;
  napi_value jout = new_bytes(env, core->pq_mldsa_prepared_bytes(S->name), &out);
  if (!jout) return NULL;
  core->pq_mldsa_prepare(S->name, pk.p, pk.len, out);
  return jout;
}

/* mldsaVerifyPrepared(level, prepared, msg, ctx, sig) -> bool */
static napi_value mldsa_verify_prepared(napi_env env, napi_callback_info info) {
  ARGS(5)
  int32_t level;
  bytes_t prep, msg, ctx, sig;
  if (!get_int(env, argv[0], &level) || !get_bytes(env, argv[1], "prepared", &prep) ||
      !get_bytes(env, argv[2], "message", &msg) || !get_bytes(env, argv[3], "context", &ctx) ||
      !get_bytes(env, argv[4], "signature", &sig))
    return NULL;
  const mldsa_sizes *S = mldsa_of(level);
  if (!S || prep.len != core->pq_mldsa_prepared_bytes(S->name) || ((uintptr_t)prep.p & 3) ||
      sig.len != S->sig)
    return js_bool(env, false);
  uint8_t mu[64];
  if (!compute_mu(core, mu, prep.p, 0, msg, ctx, -1)) return js_bool(env, false);
  return js_bool(env, core->pq_mldsa_verify_prepared(S->name, prep.p, mu, sig.p, sig.len) == 1);
}

/* ---- Falcon --------------------------------------------------------------------- */

/* kind: 0 = Falcon-512, 1 = Falcon-1024, 2 = deterministic Falcon-1024 */
static unsigned logn_of(int32_t kind) { return kind == 0 ? 9 : 10; }

static void falcon_hash(const pq_core *core, pq_keccak_state *st, int32_t kind, bytes_t msg, bytes_t sig) {
  if (kind == 2)
    core->pq_falcon_det_verify_start(st, sig.p, sig.len);
  else
    core->pq_falcon_verify_start(st, sig.p, sig.len);
  core->pq_keccak_absorb(st, msg.p, msg.len);
}

/* falconVerify(kind, pk, msg, sig) -> bool */
static napi_value falcon_verify(napi_env env, napi_callback_info info) {
  ARGS(4)
  int32_t kind;
  bytes_t pk, msg, sig;
  if (!get_int(env, argv[0], &kind) || !get_bytes(env, argv[1], "publicKey", &pk) ||
      !get_bytes(env, argv[2], "message", &msg) || !get_bytes(env, argv[3], "signature", &sig))
    return NULL;
  if (kind < 0 || kind > 2) return js_bool(env, false);
  pq_keccak_state st;
  falcon_hash(core, &st, kind, msg, sig);
  const int ok = kind == 2 ? core->pq_falcon_det_verify_finish(pk.p, pk.len, sig.p, sig.len, &st)
                           : core->pq_falcon_verify_finish(logn_of(kind), pk.p, pk.len, sig.p, sig.len, &st);
  return js_bool(env, ok == 1);
}

/* falconPrepare(kind, pk) -> prepared bytes, or null for a malformed key */
static napi_value falcon_prepare(napi_env env, napi_callback_info info) {
  ARGS(2)
  int32_t kind;
  bytes_t pk;
  if (!get_int(env, argv[0], &kind) || !get_bytes(env, argv[1], "publicKey", &pk)) return NULL;
  napi_value nul;
  napi_get_null(env, &nul);
  if (kind < 0 || kind > 2) return nul;
  uint8_t *out = NULL;
  napi_value jout = new_bytes(env, PQ_FALCON_PREPARED_BYTES(logn_of(kind)), &out);
  if (!jout) return NULL;
  return core->pq_falcon_prepare(logn_of(kind), pk.p, pk.len, out) == 0 ? jout : nul;
}

/* falconVerifyPrepared(kind, prepared, msg, sig) -> bool */
static napi_value falcon_verify_prepared(napi_env env, napi_callback_info info) {
  ARGS(4)
  int32_t kind;
  bytes_t prep, msg, sig;
  if (!get_int(env, argv[0], &kind) || !get_bytes(env, argv[1], "prepared", &prep) ||
      !get_bytes(env, argv[2], "message", &msg) || !get_bytes(env, argv[3], "signature", &sig))
    return NULL;
  if (kind < 0 || kind > 2 || prep.len != PQ_FALCON_PREPARED_BYTES(logn_of(kind)) || ((uintptr_t)prep.p & 1))
    return js_bool(env, false);
  pq_keccak_state st;
  falcon_hash(core, &st, kind, msg, sig);
  const int ok = kind == 2 ? core->pq_falcon_det_verify_prepared_finish(prep.p, sig.p, sig.len, &st)
                           : core->pq_falcon_verify_prepared_finish(logn_of(kind), prep.p, sig.p, sig.len, &st);
  return js_bool(env, ok == 1);
}

/* benchKernel(id, iterations) -> checksum */
static napi_value bench_kernel(napi_env env, napi_callback_info info) {
  ARGS(2)
  int32_t id, iters;
  if (!get_int(env, argv[0], &id) || !get_int(env, argv[1], &iters)) return NULL;
  return js_int(env, core->pq_bench_kernel((uint32_t)id, (uint32_t)iters));
}

/* ---- module ----------------------------------------------------------------------- */

static napi_value make_core(napi_env env, const pq_core *core) {
  static const struct {
    const char *name;
    napi_callback cb;
  } FNS[] = {
      {"mldsaKeygen", mldsa_keygen},
      {"mldsaSign", mldsa_sign},           {"mldsaVerify", mldsa_verify},
      {"mldsaMu", mldsa_mu},               {"mldsaPrepare", mldsa_prepare},
      {"mldsaVerifyPrepared", mldsa_verify_prepared}, {"falconVerify", falcon_verify},
      {"falconPrepare", falcon_prepare},   {"falconVerifyPrepared", falcon_verify_prepared},
      {"benchKernel", bench_kernel},
  };
  napi_value obj, fn, isa;
  if (napi_create_object(env, &obj) != napi_ok) return NULL;
  for (size_t i = 0; i < sizeof FNS / sizeof FNS[0]; i++) {
    if (napi_create_function(env, FNS[i].name, NAPI_AUTO_LENGTH, FNS[i].cb, (void *)core, &fn) != napi_ok) return NULL;
    napi_set_named_property(env, obj, FNS[i].name, fn);
  }
  napi_create_string_utf8(env, core->isa, NAPI_AUTO_LENGTH, &isa);
  napi_set_named_property(env, obj, "isa", isa);
  return obj;
}

NAPI_MODULE_INIT() {
  napi_value isas, s;
  uint32_t n = 0;
  napi_create_array(env, &isas);
#ifdef PQ_WITH_AVX2
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")) {
    napi_set_named_property(env, exports, "avx512", make_core(env, &CORE_AVX512));
    napi_create_string_utf8(env, "avx512", NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, isas, n++, s);
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")) {
    napi_set_named_property(env, exports, "avx2", make_core(env, &CORE_AVX2));
    napi_create_string_utf8(env, "avx2", NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, isas, n++, s);
  }
#endif
#ifdef PQ_WITH_NEON
  /* AArch64: Advanced SIMD is architectural, but ask the kernel anyway; the
   * SHA3 extension (eor3/rax1/xar/bcax) is optional (Armv8.2+, e.g. Neoverse V1,
   * Apple M1; not Neoverse N1 / Graviton 2) */
  const unsigned long hw = getauxval(AT_HWCAP);
  if ((hw & HWCAP_ASIMD) && (hw & HWCAP_SHA3)) {
    napi_set_named_property(env, exports, "neon-sha3", make_core(env, &CORE_NEON_SHA3));
    napi_create_string_utf8(env, "neon-sha3", NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, isas, n++, s);
  }
  if (hw & HWCAP_ASIMD) {
    napi_set_named_property(env, exports, "neon", make_core(env, &CORE_NEON));
    napi_create_string_utf8(env, "neon", NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, isas, n++, s);
  }
#endif
  napi_set_named_property(env, exports, "portable", make_core(env, &CORE_PORTABLE));
  napi_create_string_utf8(env, "portable", NAPI_AUTO_LENGTH, &s);
  napi_set_element(env, isas, n++, s);
  napi_set_named_property(env, exports, "isas", isas);
#if defined(__x86_64__) || defined(__aarch64__)
  napi_value fn, kind;
  napi_create_function(env, "ticks", NAPI_AUTO_LENGTH, js_ticks, NULL, &fn);
  napi_set_named_property(env, exports, "ticks", fn);
#if defined(__x86_64__)
  napi_create_string_utf8(env, "rdtsc", NAPI_AUTO_LENGTH, &kind);
#else
  napi_create_string_utf8(env, "cntvct_el0", NAPI_AUTO_LENGTH, &kind);
#endif
  napi_set_named_property(env, exports, "ticksSource", kind);
#endif
  return exports;
}
