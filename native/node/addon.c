/* pqsimd Node addon (N-API): the C core compiled per ISA, exposing exactly the
 * entries of the binding declaration (native/common/binding/pq_binding.h) through ONE
 * generic wrapper, so this file never changes when an entry point is added.
 *
 * exports = { isas: ['avx512', 'avx2', 'portable'] on x86-64, ['neon-sha3', 'neon',
 *             'portable'] on AArch64 (best first, what this CPU runs),
 *             portable: { isa, mldsa_keygen(...), mldsa_verify(...), ... }, avx2: {...}, ...,
 *             ticks(): bigint, ticksSource: 'rdtsc' | 'cntvct_el0' (benchmarks only) }
 *
 * Every entry function takes (a_0 .. a_nint-1, in_0 .. in_nin-1, [message, [message out]],
 * out_0 .. out_nout-1) and returns the C result (int32): int32 numbers and Uint8Arrays,
 * checked here (TypeError otherwise, naming the position). A streamed entry (kind 1) reads a
 * message; a transform entry (kind 2, the stream ciphers and AEADs) also writes a message
 * output of the same length, which may be the message itself (in place). Buffers are read in
 * place (no copy), except those on a SharedArrayBuffer, which are copied once first so
 * the C core never sees them change mid-call (kind-1 messages are only hashed, each
 * byte read once, and stay in place), and a transform message that partly overlaps its
 * output, copied first so the core always sees either in == out or disjoint buffers.
 * Outputs are written in place; only a transform's message output may be on a
 * SharedArrayBuffer (the TS layer decides what may be visible there).
 *
 * No global mutable state: the ISA tables are const and each function gets its
 * entry through its data pointer, so the addon runs in several worker_threads. */
#define NAPI_VERSION 8
#include <node_api.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binding/pq_binding.h"
#if defined(__x86_64__)
#include <x86intrin.h>
#endif
#ifdef PQ_WITH_NEON
#include <sys/auxv.h> /* getauxval, and HWCAP_* through bits/hwcap.h (glibc and musl alike) */
#endif

/* ---- the binding's entries and the per-ISA cores ------------------------------------ */

typedef struct {
  const char *name;
  uint8_t nint, nin, nout, streamed;
} entry_info;

#define PQ_INFO(family, name, nint, nin, nout, streamed) {#name, nint, nin, nout, streamed},
static const entry_info ENTRY_INFO[] = {PQ_BINDING(PQ_INFO)};
#undef PQ_INFO
#define PQ_ENUM(family, name, nint, nin, nout, streamed) PQ_ENTRY_##name,
enum { PQ_BINDING(PQ_ENUM) PQ_ENTRY_COUNT };
#undef PQ_ENUM

#define PQ_MAX_INT 8
#define PQ_MAX_BUF 8
#define PQ_CHECK(family, name, nint, nin, nout, streamed) \
  _Static_assert(nint <= PQ_MAX_INT && nin <= PQ_MAX_BUF && nout <= PQ_MAX_BUF, #name ": too many arguments");
PQ_BINDING(PQ_CHECK)
#undef PQ_CHECK

typedef struct {
  void (*begin)(pq_bind_state *, const int32_t *, const pq_buf *);
  void (*update)(pq_bind_state *, const uint8_t *, size_t);                  /* kind 1 */
  void (*transform)(pq_bind_state *, const uint8_t *, uint8_t *, size_t);    /* kind 2 */
  int32_t (*end)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);
  unsigned index; /* into ENTRY_INFO */
} entry_fns;

typedef struct {
  const char *isa;
  entry_fns fns[PQ_ENTRY_COUNT];
} pq_core;

#define PQ_ISA portable
#define PQ_ISA_NAME "portable"
#include "addon_core.inc"
#ifdef PQ_WITH_AVX2
#define PQ_ISA avx2
#define PQ_ISA_NAME "avx2"
#include "addon_core.inc"
#define PQ_ISA avx512
#define PQ_ISA_NAME "avx512"
#include "addon_core.inc"
#endif
#ifdef PQ_WITH_NEON
#define PQ_ISA neon
#define PQ_ISA_NAME "neon"
#include "addon_core.inc"
#define PQ_ISA neon_sha3
#define PQ_ISA_NAME "neon-sha3"
#include "addon_core.inc"
#endif

/* ---- a cycle-accurate timer for the benchmark (not part of the API) ------------------ */

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

/* ---- the generic entry wrapper ---------------------------------------------------------- */

static const uint8_t EMPTY[1] = {0};

static napi_value type_error(napi_env env, const char *entry, unsigned pos, const char *what) {
  char msg[160];
  snprintf(msg, sizeof msg, "pqsimd addon: %s: argument %u: %s", entry, pos, what);
  napi_throw_type_error(env, NULL, msg);
  return NULL;
}

/* A Uint8Array argument: its bytes in place, and whether they are on a SharedArrayBuffer.
 * NULL message (and a pending TypeError) otherwise. */
static const char *get_bytes(napi_env env, napi_value v, pq_buf *out, bool *shared) {
  bool is_ta = false;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) return "expected a Uint8Array";
  napi_typedarray_type type;
  size_t length = 0, offset = 0;
  void *data = NULL;
  napi_value ab;
  if (napi_get_typedarray_info(env, v, &type, &length, &data, &ab, &offset) != napi_ok ||
      type != napi_uint8_array)
    return "expected a Uint8Array";
  /* A detached buffer (or a view out of bounds of a shrunk resizable one) reports length 0
   * and is read as no bytes; the TS layer has already answered such inputs (verify: false,
   * sign: TypeError), so this is only a second line. */
  bool is_ab = false;
  napi_is_arraybuffer(env, ab, &is_ab);
  *shared = !is_ab; /* a SharedArrayBuffer */
  out->p = (length && data) ? (uint8_t *)data : (uint8_t *)EMPTY;
  out->n = (length && data) ? length : 0;
  return NULL;
}

static napi_value call_entry(napi_env env, napi_callback_info info) {
  size_t argc = 2 * PQ_MAX_BUF + PQ_MAX_INT + 1;
  napi_value argv[2 * PQ_MAX_BUF + PQ_MAX_INT + 1];
  void *data;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, &data) != napi_ok) {
    napi_throw_error(env, NULL, "pqsimd addon: N-API call failed");
    return NULL;
  }
  const entry_fns *fn = (const entry_fns *)data;
  const entry_info *e = &ENTRY_INFO[fn->index];
  const size_t want = (size_t)e->nint + e->nin + e->streamed + e->nout; /* kind 2: message and its output */
  if (argc < want) return type_error(env, e->name, (unsigned)argc, "missing argument");

  int32_t a[PQ_MAX_INT] = {0};
  pq_buf in[PQ_MAX_BUF] = {{0}}, out[PQ_MAX_BUF] = {{0}}, msg = {(uint8_t *)EMPTY, 0}, mout = {0};
  bool shared[PQ_MAX_BUF] = {0}, sh = false, msg_shared = false;
  unsigned pos = 0;
  for (unsigned i = 0; i < e->nint; i++, pos++)
    if (napi_get_value_int32(env, argv[pos], &a[i]) != napi_ok)
      return type_error(env, e->name, pos, "expected a number");
  for (unsigned i = 0; i < e->nin; i++, pos++) {
    const char *why = get_bytes(env, argv[pos], &in[i], &shared[i]);
    if (why) return type_error(env, e->name, pos, why);
  }
  if (e->streamed) {
    const char *why = get_bytes(env, argv[pos], &msg, &msg_shared);
    if (why) return type_error(env, e->name, pos, why);
    pos++;
  }
  if (e->streamed == 2) {
    const char *why = get_bytes(env, argv[pos], &mout, &sh);
    if (why) return type_error(env, e->name, pos, why);
    if (mout.n != msg.n) return type_error(env, e->name, pos, "the message output must have the message's length");
    pos++;
    /* the core handles in == out or disjoint buffers; copy a partly overlapping message */
    if (msg.n && msg.p != mout.p && msg.p < mout.p + mout.n && mout.p < msg.p + msg.n) msg_shared = true;
  } else {
    msg_shared = false; /* kind 1: hashed once, in place */
  }
  for (unsigned i = 0; i < e->nout; i++, pos++) {
    const char *why = get_bytes(env, argv[pos], &out[i], &sh);
    if (why) return type_error(env, e->name, pos, why);
    if (sh) return type_error(env, e->name, pos, "an output cannot be on a SharedArrayBuffer");
  }

  /* inputs on shared memory: one copy each, so the core reads stable bytes */
  size_t copy_len = 0;
  for (unsigned i = 0; i < e->nin; i++)
    if (shared[i]) copy_len += in[i].n;
  if (msg_shared) copy_len += msg.n;
  uint8_t *copy = NULL;
  if (copy_len) {
    copy = (uint8_t *)malloc(copy_len);
    if (!copy) {
      napi_throw_error(env, NULL, "pqsimd addon: out of memory");
      return NULL;
    }
    size_t at = 0;
    for (unsigned i = 0; i < e->nin; i++)
      if (shared[i]) {
        memcpy(copy + at, in[i].p, in[i].n);
        in[i].p = copy + at;
        at += in[i].n;
      }
    if (msg_shared) {
      memcpy(copy + at, msg.p, msg.n);
      msg.p = copy + at;
    }
  }

  pq_bind_state st;
  if (e->streamed) {
    fn->begin(&st, a, in);
    if (e->streamed == 2)
      fn->transform(&st, msg.p, mout.p, msg.n);
    else
      fn->update(&st, msg.p, msg.n);
  }
  const int32_t rc = fn->end(&st, a, in, out);

  if (copy) {
    memset(copy, 0, copy_len);
    __asm__ __volatile__("" : : "r"(copy) : "memory");
    free(copy);
  }
  napi_value r;
  napi_create_int32(env, rc, &r);
  return r;
}

/* ---- module ----------------------------------------------------------------------------- */

static napi_value make_core(napi_env env, const pq_core *core) {
  napi_value obj, fn, isa;
  if (napi_create_object(env, &obj) != napi_ok) return NULL;
  for (unsigned i = 0; i < PQ_ENTRY_COUNT; i++) {
    const char *name = ENTRY_INFO[core->fns[i].index].name;
    if (napi_create_function(env, name, NAPI_AUTO_LENGTH, call_entry, (void *)&core->fns[i], &fn) != napi_ok)
      return NULL;
    napi_set_named_property(env, obj, name, fn);
  }
  napi_create_string_utf8(env, core->isa, NAPI_AUTO_LENGTH, &isa);
  napi_set_named_property(env, obj, "isa", isa);
  return obj;
}

static void add_core(napi_env env, napi_value exports, napi_value isas, uint32_t *n, const pq_core *core) {
  napi_value s;
  napi_set_named_property(env, exports, core->isa, make_core(env, core));
  napi_create_string_utf8(env, core->isa, NAPI_AUTO_LENGTH, &s);
  napi_set_element(env, isas, (*n)++, s);
}

NAPI_MODULE_INIT() {
  napi_value isas;
  uint32_t n = 0;
  napi_create_array(env, &isas);
#ifdef PQ_WITH_AVX2
  __builtin_cpu_init();
  const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                    __builtin_cpu_supports("bmi2");
  /* the avx512 core is built with -madx (its BN254 kernels use adcx/adox unchecked); every CPU with
   * AVX-512VL has ADX, the test keeps a hypothetical one without it on the avx2 core */
  if (avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("adx"))
    add_core(env, exports, isas, &n, &CORE_avx512);
  if (avx2) add_core(env, exports, isas, &n, &CORE_avx2);
#endif
#ifdef PQ_WITH_NEON
  /* AArch64: Advanced SIMD is architectural, but ask the kernel anyway; the
   * SHA3 extension (eor3/rax1/xar/bcax) is optional (Armv8.2+, e.g. Neoverse V1,
   * Apple M1; not Neoverse N1 / Graviton 2) */
  const unsigned long hw = getauxval(AT_HWCAP);
  if ((hw & HWCAP_ASIMD) && (hw & HWCAP_SHA3)) add_core(env, exports, isas, &n, &CORE_neon_sha3);
  if (hw & HWCAP_ASIMD) add_core(env, exports, isas, &n, &CORE_neon);
#endif
  add_core(env, exports, isas, &n, &CORE_portable);
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
