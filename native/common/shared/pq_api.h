/* Marks the functions every binding (WASM exports, the Node addon) may call.
 * Everything else is built with -fvisibility=hidden. */
#ifndef PQ_API_H
#define PQ_API_H
#if defined(__GNUC__) || defined(__clang__)
#define PQ_API __attribute__((visibility("default")))
#else
#define PQ_API
#endif
#endif
