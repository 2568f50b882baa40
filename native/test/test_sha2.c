/*
 * test_sha2.c - standalone tests for native/common/shared/sha2.c
 *
 * Build: gcc -std=c11 -O2 -Wall -Wextra -Inative/common \
 *            native/test/test_sha2.c native/common/shared/sha2.c -o /tmp/test_sha2
 *
 * Expected digests below were computed with Python's hashlib.
 */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>

#include "shared/sha2.h"

static int n_pass = 0;
static int n_fail = 0;

enum alg { A_SHA224, A_SHA256, A_SHA384, A_SHA512, A_SHA512_224, A_SHA512_256, A_COUNT };

static const char *const alg_name[A_COUNT] = {
    "SHA-224", "SHA-256", "SHA-384", "SHA-512", "SHA-512/224", "SHA-512/256"
};
static const size_t alg_len[A_COUNT] = { 28, 32, 48, 64, 28, 32 };

/* Generic context covering both families. */
typedef struct {
    enum alg a;
    pq_sha256_ctx c256;
    pq_sha512_ctx c512;
} hctx;

static void h_init(hctx *h, enum alg a)
{
    h->a = a;
    switch (a) {
    case A_SHA224:     pq_sha224_init(&h->c256); break;
    case A_SHA256:     pq_sha256_init(&h->c256); break;
    case A_SHA384:     pq_sha384_init(&h->c512); break;
    case A_SHA512:     pq_sha512_init(&h->c512); break;
    case A_SHA512_224: pq_sha512_224_init(&h->c512); break;
    case A_SHA512_256: pq_sha512_256_init(&h->c512); break;
    default: break;
    }
}

static void h_update(hctx *h, const uint8_t *in, size_t len)
{
    if (h->a == A_SHA224 || h->a == A_SHA256) {
        pq_sha256_update(&h->c256, in, len);
    } else {
        pq_sha512_update(&h->c512, in, len);
    }
}

static void h_final(hctx *h, uint8_t *out)
{
    if (h->a == A_SHA224 || h->a == A_SHA256) {
        pq_sha256_final(&h->c256, out, alg_len[h->a]);
    } else {
        pq_sha512_final(&h->c512, out, alg_len[h->a]);
    }
}

static void hash_oneshot(enum alg a, const uint8_t *m, size_t len, uint8_t *out)
{
    hctx h;
    h_init(&h, a);
    h_update(&h, m, len);
    h_final(&h, out);
}

static int hex2bin(const char *hex, uint8_t *out, size_t maxlen)
{
    size_t n = strlen(hex), i;
    if (n % 2 != 0 || n / 2 > maxlen) {
        return -1;
    }
    for (i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) {
            return -1;
        }
        out[i] = (uint8_t)v;
    }
    return (int)(n / 2);
}

static void print_hex(const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

static void check(int ok, const char *what)
{
    if (ok) {
        n_pass++;
    } else {
        n_fail++;
        printf("FAIL: %s\n", what);
    }
}

/* ---- fixed vectors ------------------------------------------------------ */

#define MSG448 "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define MSG896 "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn" \
               "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

enum { M_EMPTY, M_ABC, M_448, M_896, M_MILLION_A, M_COUNT };
static const char *const msg_name[M_COUNT] = {
    "\"\"", "\"abc\"", "448-bit", "896-bit", "1M x 'a'"
};

static const char *const expected[A_COUNT][M_COUNT] = {
    { /* SHA-224 */
        "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
        "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
        "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525",
        "c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3",
        "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67",
    },
    { /* SHA-256 */
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    },
    { /* SHA-384 */
        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
        "274edebfe76f65fbd51ad2f14898b95b",
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
        "8086072ba1e7cc2358baeca134c825a7",
        "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6"
        "b0455a8520bc4e6f5fe95b1fe3c8452b",
        "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
        "fcc7c71a557e2db966c3e9fa91746039",
        "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
        "07b8b3dc38ecc4ebae97ddd87f3d8985",
    },
    { /* SHA-512 */
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
        "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
        "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
        "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
        "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b",
    },
    { /* SHA-512/224 */
        "6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4",
        "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
        "e5302d6d54bb242275d1e7622d68df6eb02dedd13f564c13dbda2174",
        "23fec5bb94d60b23308192640b0c453335d664734fe40e7268674af9",
        "37ab331d76f0d36de422bd0edeb22a28accd487b7a8453ae965dd287",
    },
    { /* SHA-512/256 */
        "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a",
        "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
        "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461",
        "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a",
        "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21",
    },
};

static void digest_message(enum alg a, int m, uint8_t *out)
{
    hctx h;
    const char *s;
    h_init(&h, a);
    switch (m) {
    case M_EMPTY:  h_update(&h, NULL, 0); break;
    case M_ABC:    s = "abc";  h_update(&h, (const uint8_t *)s, strlen(s)); break;
    case M_448:    s = MSG448; h_update(&h, (const uint8_t *)s, strlen(s)); break;
    case M_896:    s = MSG896; h_update(&h, (const uint8_t *)s, strlen(s)); break;
    case M_MILLION_A: {
        /* 1,000,000 'a' in 1000 updates of 1000 bytes */
        uint8_t chunk[1000];
        int i;
        memset(chunk, 'a', sizeof chunk);
        for (i = 0; i < 1000; i++) {
            h_update(&h, chunk, sizeof chunk);
        }
        break;
    }
    default: break;
    }
    h_final(&h, out);
}

static void test_fixed_vectors(void)
{
    int a, m;
    for (a = 0; a < A_COUNT; a++) {
        for (m = 0; m < M_COUNT; m++) {
            uint8_t exp[64], got[64 + 8];
            char what[128];
            int n = hex2bin(expected[a][m], exp, sizeof exp);
            size_t i;
            int canary_ok = 1;

            memset(got, 0xA5, sizeof got);
            digest_message((enum alg)a, m, got);
            for (i = alg_len[a]; i < sizeof got; i++) {
                if (got[i] != 0xA5) {
                    canary_ok = 0;
                }
            }
            snprintf(what, sizeof what, "%s %s", alg_name[a], msg_name[m]);
            if (n != (int)alg_len[a] || memcmp(exp, got, alg_len[a]) != 0 || !canary_ok) {
                printf("  %s: got ", what);
                print_hex(got, alg_len[a]);
                printf("\n  %*s  exp %s\n", (int)strlen(what), "", expected[a][m]);
            }
            check(n == (int)alg_len[a] && memcmp(exp, got, alg_len[a]) == 0, what);
            snprintf(what, sizeof what, "%s %s: wrote past outlen", alg_name[a], msg_name[m]);
            check(canary_ok, what);
        }
    }
}

/* ---- incremental vs one-shot -------------------------------------------- */

static uint64_t prng_state = UINT64_C(0x9e3779b97f4a7c15);

static uint64_t xorshift64(void)
{
    uint64_t x = prng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    prng_state = x;
    return x;
}

static void test_chunking(void)
{
    uint8_t msg[300];
    int a;
    size_t len;

    for (a = 0; a < A_COUNT; a++) {
        int bad = 0;
        for (len = 0; len <= 300; len++) {
            uint8_t ref[64], got[64];
            size_t i;
            int trial;

            for (i = 0; i < len; i++) {
                msg[i] = (uint8_t)xorshift64();
            }
            hash_oneshot((enum alg)a, msg, len, ref);

            /* random chunkings, with occasional 0-length updates */
            for (trial = 0; trial < 8; trial++) {
                hctx h;
                size_t pos = 0;
                h_init(&h, (enum alg)a);
                while (pos < len) {
                    uint64_t r = xorshift64();
                    size_t step;
                    switch (r & 3) {
                    case 0:  step = (size_t)((r >> 8) % 4); break;      /* tiny, incl. 0 */
                    case 1:  step = (size_t)((r >> 8) % 140); break;    /* around a block */
                    case 2:  step = (size_t)((r >> 8) % 300); break;    /* multi-block */
                    default: step = 0; break;                           /* empty update */
                    }
                    if (step > len - pos) {
                        step = len - pos;
                    }
                    h_update(&h, msg + pos, step);
                    pos += step;
                }
                h_update(&h, msg + len, 0);
                h_final(&h, got);
                if (memcmp(ref, got, alg_len[a]) != 0) {
                    bad++;
                }
            }

            /* byte-at-a-time */
            {
                hctx h;
                h_init(&h, (enum alg)a);
                for (i = 0; i < len; i++) {
                    h_update(&h, msg + i, 1);
                }
                h_final(&h, got);
                if (memcmp(ref, got, alg_len[a]) != 0) {
                    bad++;
                }
            }
        }
        {
            char what[96];
            snprintf(what, sizeof what, "%s incremental vs one-shot (%d mismatches)",
                     alg_name[a], bad);
            check(bad == 0, what);
        }
    }
}

/* ---- context wiped after final ------------------------------------------ */

static void test_wipe(void)
{
    pq_sha256_ctx c2;
    pq_sha512_ctx c5;
    uint8_t out[64];
    const uint8_t *p;
    size_t i;
    int zero = 1;

    pq_sha256_init(&c2);
    pq_sha256_update(&c2, (const uint8_t *)"abcdef", 6);
    pq_sha256_final(&c2, out, 32);
    p = (const uint8_t *)&c2;
    for (i = 0; i < sizeof c2; i++) {
        if (p[i] != 0) {
            zero = 0;
        }
    }
    check(zero, "pq_sha256_final wipes context");

    zero = 1;
    pq_sha512_init(&c5);
    pq_sha512_update(&c5, (const uint8_t *)"abcdef", 6);
    pq_sha512_final(&c5, out, 64);
    p = (const uint8_t *)&c5;
    for (i = 0; i < sizeof c5; i++) {
        if (p[i] != 0) {
            zero = 0;
        }
    }
    check(zero, "pq_sha512_final wipes context");
}

int main(void)
{
    test_fixed_vectors();
    test_chunking();
    test_wipe();
    printf("sha2: %d passed, %d failed\n", n_pass, n_fail);
    return n_fail > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
