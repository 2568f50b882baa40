/* Constant-time test annotations. In a build with -DPQ_CT_TESTING (see
 * native/test/ct_mldsa.c) secrets are marked "undefined" for valgrind's
 * memcheck, so any branch or memory index that depends on them is reported.
 * PQ_CT_PUBLIC marks a value as safe to reveal: every use below says why. */
#ifndef PQ_CT_H
#define PQ_CT_H
#ifdef PQ_CT_TESTING
#include <valgrind/memcheck.h>
#define PQ_CT_SECRET(p, n) ((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
#define PQ_CT_PUBLIC(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#else
#define PQ_CT_SECRET(p, n) ((void)0)
#define PQ_CT_PUBLIC(p, n) ((void)0)
#endif
#endif
