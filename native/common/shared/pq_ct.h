/* Constant-time test annotations. In a build with -DPQ_CT_TESTING (see
 * native/test/ct_mldsa.c) secrets are marked "undefined" for valgrind's
 * memcheck, so any branch or memory index that depends on them is reported.
 * PQ_CT_PUBLIC marks a value as safe to reveal: every use below says why. */
#ifndef PQ_CT_H
#define PQ_CT_H
#if defined(PQ_CT_TESTING) && defined(PQ_CT_MSAN)
/* The same check with clang's MemorySanitizer (-fsanitize=memory): secrets are
 * poisoned, and MSan reports every branch and every memory address computed
 * from them. Unlike valgrind it runs AVX-512 code (valgrind 3.19 stops with
 * SIGILL on EVEX instructions). */
#include <sanitizer/msan_interface.h>
#define PQ_CT_SECRET(p, n) __msan_poison((p), (n))
#define PQ_CT_PUBLIC(p, n) __msan_unpoison((p), (n))
#elif defined(PQ_CT_TESTING)
#include <valgrind/memcheck.h>
#define PQ_CT_SECRET(p, n) ((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
#define PQ_CT_PUBLIC(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#else
#define PQ_CT_SECRET(p, n) ((void)0)
#define PQ_CT_PUBLIC(p, n) ((void)0)
#endif
#endif
