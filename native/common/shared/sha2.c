/*
 * sha2.c - SHA-2 family (FIPS 180-4) in portable, freestanding C11.
 *
 * Written from the FIPS 180-4 specification. Round constants and initial
 * hash values are the values defined in FIPS 180-4 sections 4.2.2, 4.2.3,
 * 5.3.2-5.3.6 (SHA-512/t IVs from the IV generation function, 5.3.6).
 */
#include "shared/sha2.h"

/* ---- constants ---------------------------------------------------------- */

static const uint32_t K256[64] = {
    UINT32_C(0x428a2f98), UINT32_C(0x71374491), UINT32_C(0xb5c0fbcf), UINT32_C(0xe9b5dba5),
    UINT32_C(0x3956c25b), UINT32_C(0x59f111f1), UINT32_C(0x923f82a4), UINT32_C(0xab1c5ed5),
    UINT32_C(0xd807aa98), UINT32_C(0x12835b01), UINT32_C(0x243185be), UINT32_C(0x550c7dc3),
    UINT32_C(0x72be5d74), UINT32_C(0x80deb1fe), UINT32_C(0x9bdc06a7), UINT32_C(0xc19bf174),
    UINT32_C(0xe49b69c1), UINT32_C(0xefbe4786), UINT32_C(0x0fc19dc6), UINT32_C(0x240ca1cc),
    UINT32_C(0x2de92c6f), UINT32_C(0x4a7484aa), UINT32_C(0x5cb0a9dc), UINT32_C(0x76f988da),
    UINT32_C(0x983e5152), UINT32_C(0xa831c66d), UINT32_C(0xb00327c8), UINT32_C(0xbf597fc7),
    UINT32_C(0xc6e00bf3), UINT32_C(0xd5a79147), UINT32_C(0x06ca6351), UINT32_C(0x14292967),
    UINT32_C(0x27b70a85), UINT32_C(0x2e1b2138), UINT32_C(0x4d2c6dfc), UINT32_C(0x53380d13),
    UINT32_C(0x650a7354), UINT32_C(0x766a0abb), UINT32_C(0x81c2c92e), UINT32_C(0x92722c85),
    UINT32_C(0xa2bfe8a1), UINT32_C(0xa81a664b), UINT32_C(0xc24b8b70), UINT32_C(0xc76c51a3),
    UINT32_C(0xd192e819), UINT32_C(0xd6990624), UINT32_C(0xf40e3585), UINT32_C(0x106aa070),
    UINT32_C(0x19a4c116), UINT32_C(0x1e376c08), UINT32_C(0x2748774c), UINT32_C(0x34b0bcb5),
    UINT32_C(0x391c0cb3), UINT32_C(0x4ed8aa4a), UINT32_C(0x5b9cca4f), UINT32_C(0x682e6ff3),
    UINT32_C(0x748f82ee), UINT32_C(0x78a5636f), UINT32_C(0x84c87814), UINT32_C(0x8cc70208),
    UINT32_C(0x90befffa), UINT32_C(0xa4506ceb), UINT32_C(0xbef9a3f7), UINT32_C(0xc67178f2)
};

static const uint64_t K512[80] = {
    UINT64_C(0x428a2f98d728ae22), UINT64_C(0x7137449123ef65cd),
    UINT64_C(0xb5c0fbcfec4d3b2f), UINT64_C(0xe9b5dba58189dbbc),
    UINT64_C(0x3956c25bf348b538), UINT64_C(0x59f111f1b605d019),
    UINT64_C(0x923f82a4af194f9b), UINT64_C(0xab1c5ed5da6d8118),
    UINT64_C(0xd807aa98a3030242), UINT64_C(0x12835b0145706fbe),
    UINT64_C(0x243185be4ee4b28c), UINT64_C(0x550c7dc3d5ffb4e2),
    UINT64_C(0x72be5d74f27b896f), UINT64_C(0x80deb1fe3b1696b1),
    UINT64_C(0x9bdc06a725c71235), UINT64_C(0xc19bf174cf692694),
    UINT64_C(0xe49b69c19ef14ad2), UINT64_C(0xefbe4786384f25e3),
    UINT64_C(0x0fc19dc68b8cd5b5), UINT64_C(0x240ca1cc77ac9c65),
    UINT64_C(0x2de92c6f592b0275), UINT64_C(0x4a7484aa6ea6e483),
    UINT64_C(0x5cb0a9dcbd41fbd4), UINT64_C(0x76f988da831153b5),
    UINT64_C(0x983e5152ee66dfab), UINT64_C(0xa831c66d2db43210),
    UINT64_C(0xb00327c898fb213f), UINT64_C(0xbf597fc7beef0ee4),
    UINT64_C(0xc6e00bf33da88fc2), UINT64_C(0xd5a79147930aa725),
    UINT64_C(0x06ca6351e003826f), UINT64_C(0x142929670a0e6e70),
    UINT64_C(0x27b70a8546d22ffc), UINT64_C(0x2e1b21385c26c926),
    UINT64_C(0x4d2c6dfc5ac42aed), UINT64_C(0x53380d139d95b3df),
    UINT64_C(0x650a73548baf63de), UINT64_C(0x766a0abb3c77b2a8),
    UINT64_C(0x81c2c92e47edaee6), UINT64_C(0x92722c851482353b),
    UINT64_C(0xa2bfe8a14cf10364), UINT64_C(0xa81a664bbc423001),
    UINT64_C(0xc24b8b70d0f89791), UINT64_C(0xc76c51a30654be30),
    UINT64_C(0xd192e819d6ef5218), UINT64_C(0xd69906245565a910),
    UINT64_C(0xf40e35855771202a), UINT64_C(0x106aa07032bbd1b8),
    UINT64_C(0x19a4c116b8d2d0c8), UINT64_C(0x1e376c085141ab53),
    UINT64_C(0x2748774cdf8eeb99), UINT64_C(0x34b0bcb5e19b48a8),
    UINT64_C(0x391c0cb3c5c95a63), UINT64_C(0x4ed8aa4ae3418acb),
    UINT64_C(0x5b9cca4f7763e373), UINT64_C(0x682e6ff3d6b2b8a3),
    UINT64_C(0x748f82ee5defb2fc), UINT64_C(0x78a5636f43172f60),
    UINT64_C(0x84c87814a1f0ab72), UINT64_C(0x8cc702081a6439ec),
    UINT64_C(0x90befffa23631e28), UINT64_C(0xa4506cebde82bde9),
    UINT64_C(0xbef9a3f7b2c67915), UINT64_C(0xc67178f2e372532b),
    UINT64_C(0xca273eceea26619c), UINT64_C(0xd186b8c721c0c207),
    UINT64_C(0xeada7dd6cde0eb1e), UINT64_C(0xf57d4f7fee6ed178),
    UINT64_C(0x06f067aa72176fba), UINT64_C(0x0a637dc5a2c898a6),
    UINT64_C(0x113f9804bef90dae), UINT64_C(0x1b710b35131c471b),
    UINT64_C(0x28db77f523047d84), UINT64_C(0x32caab7b40c72493),
    UINT64_C(0x3c9ebe0a15c9bebc), UINT64_C(0x431d67c49c100d4c),
    UINT64_C(0x4cc5d4becb3e42b6), UINT64_C(0x597f299cfc657e2a),
    UINT64_C(0x5fcb6fab3ad6faec), UINT64_C(0x6c44198c4a475817)
};

static const uint32_t IV224[8] = {
    UINT32_C(0xc1059ed8), UINT32_C(0x367cd507), UINT32_C(0x3070dd17), UINT32_C(0xf70e5939),
    UINT32_C(0xffc00b31), UINT32_C(0x68581511), UINT32_C(0x64f98fa7), UINT32_C(0xbefa4fa4)
};

static const uint32_t IV256[8] = {
    UINT32_C(0x6a09e667), UINT32_C(0xbb67ae85), UINT32_C(0x3c6ef372), UINT32_C(0xa54ff53a),
    UINT32_C(0x510e527f), UINT32_C(0x9b05688c), UINT32_C(0x1f83d9ab), UINT32_C(0x5be0cd19)
};

static const uint64_t IV384[8] = {
    UINT64_C(0xcbbb9d5dc1059ed8), UINT64_C(0x629a292a367cd507),
    UINT64_C(0x9159015a3070dd17), UINT64_C(0x152fecd8f70e5939),
    UINT64_C(0x67332667ffc00b31), UINT64_C(0x8eb44a8768581511),
    UINT64_C(0xdb0c2e0d64f98fa7), UINT64_C(0x47b5481dbefa4fa4)
};

static const uint64_t IV512[8] = {
    UINT64_C(0x6a09e667f3bcc908), UINT64_C(0xbb67ae8584caa73b),
    UINT64_C(0x3c6ef372fe94f82b), UINT64_C(0xa54ff53a5f1d36f1),
    UINT64_C(0x510e527fade682d1), UINT64_C(0x9b05688c2b3e6c1f),
    UINT64_C(0x1f83d9abfb41bd6b), UINT64_C(0x5be0cd19137e2179)
};

static const uint64_t IV512_224[8] = {
    UINT64_C(0x8c3d37c819544da2), UINT64_C(0x73e1996689dcd4d6),
    UINT64_C(0x1dfab7ae32ff9c82), UINT64_C(0x679dd514582f9fcf),
    UINT64_C(0x0f6d2b697bd44da8), UINT64_C(0x77e36f7304c48942),
    UINT64_C(0x3f9d85a86a1d36c8), UINT64_C(0x1112e6ad91d692a1)
};

static const uint64_t IV512_256[8] = {
    UINT64_C(0x22312194fc2bf72c), UINT64_C(0x9f555fa3c84c64c2),
    UINT64_C(0x2393b86b6f53b151), UINT64_C(0x963877195940eabd),
    UINT64_C(0x96283ee2a88effe3), UINT64_C(0xbe5e1e2553863992),
    UINT64_C(0x2b0199fc2c85b8aa), UINT64_C(0x0eb72ddc81c52ca2)
};

/* ---- helpers ------------------------------------------------------------ */

static uint32_t rotr32(uint32_t x, unsigned n) { return (x >> n) | (x << (32u - n)); }
static uint64_t rotr64(uint64_t x, unsigned n) { return (x >> n) | (x << (64u - n)); }

static uint32_t load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static uint64_t load_be64(const uint8_t *p)
{
    return ((uint64_t)load_be32(p) << 32) | (uint64_t)load_be32(p + 4);
}

static void store_be32(uint8_t *p, uint32_t x)
{
    p[0] = (uint8_t)(x >> 24);
    p[1] = (uint8_t)(x >> 16);
    p[2] = (uint8_t)(x >> 8);
    p[3] = (uint8_t)x;
}

static void store_be64(uint8_t *p, uint64_t x)
{
    store_be32(p, (uint32_t)(x >> 32));
    store_be32(p + 4, (uint32_t)x);
}

static void wipe(void *p, size_t n)
{
    volatile uint8_t *v = (volatile uint8_t *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        v[i] = 0;
    }
}

/* ---- SHA-256 compression (FIPS 180-4 6.2.2) ----------------------------- */

#define CH(x, y, z)  (((x) & (y)) ^ (~(x) & (z)))
#define MAJ(x, y, z) (((x) & (y)) ^ ((x) & (z)) ^ ((y) & (z)))

#define BSIG0_256(x) (rotr32((x), 2) ^ rotr32((x), 13) ^ rotr32((x), 22))
#define BSIG1_256(x) (rotr32((x), 6) ^ rotr32((x), 11) ^ rotr32((x), 25))
#define SSIG0_256(x) (rotr32((x), 7) ^ rotr32((x), 18) ^ ((x) >> 3))
#define SSIG1_256(x) (rotr32((x), 17) ^ rotr32((x), 19) ^ ((x) >> 10))

static void sha256_block(uint32_t h[8], const uint8_t *blk)
{
    uint32_t w[64];
    uint32_t a, b, c, d, e, f, g, hh, t1, t2;
    unsigned t;

    for (t = 0; t < 16; t++) {
        w[t] = load_be32(blk + 4 * t);
    }
    for (t = 16; t < 64; t++) {
        w[t] = SSIG1_256(w[t - 2]) + w[t - 7] + SSIG0_256(w[t - 15]) + w[t - 16];
    }

    a = h[0]; b = h[1]; c = h[2]; d = h[3];
    e = h[4]; f = h[5]; g = h[6]; hh = h[7];

    for (t = 0; t < 64; t++) {
        t1 = hh + BSIG1_256(e) + CH(e, f, g) + K256[t] + w[t];
        t2 = BSIG0_256(a) + MAJ(a, b, c);
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }

    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;

    wipe(w, sizeof w);
}

/* ---- SHA-512 compression (FIPS 180-4 6.4.2) ----------------------------- */

#define BSIG0_512(x) (rotr64((x), 28) ^ rotr64((x), 34) ^ rotr64((x), 39))
#define BSIG1_512(x) (rotr64((x), 14) ^ rotr64((x), 18) ^ rotr64((x), 41))
#define SSIG0_512(x) (rotr64((x), 1) ^ rotr64((x), 8) ^ ((x) >> 7))
#define SSIG1_512(x) (rotr64((x), 19) ^ rotr64((x), 61) ^ ((x) >> 6))

static void sha512_block(uint64_t h[8], const uint8_t *blk)
{
    uint64_t w[80];
    uint64_t a, b, c, d, e, f, g, hh, t1, t2;
    unsigned t;

    for (t = 0; t < 16; t++) {
        w[t] = load_be64(blk + 8 * t);
    }
    for (t = 16; t < 80; t++) {
        w[t] = SSIG1_512(w[t - 2]) + w[t - 7] + SSIG0_512(w[t - 15]) + w[t - 16];
    }

    a = h[0]; b = h[1]; c = h[2]; d = h[3];
    e = h[4]; f = h[5]; g = h[6]; hh = h[7];

    for (t = 0; t < 80; t++) {
        t1 = hh + BSIG1_512(e) + CH(e, f, g) + K512[t] + w[t];
        t2 = BSIG0_512(a) + MAJ(a, b, c);
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }

    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;

    wipe(w, sizeof w);
}

/* ---- SHA-224 / SHA-256 -------------------------------------------------- */

static void sha256_init_iv(pq_sha256_ctx *c, const uint32_t iv[8])
{
    unsigned i;
    for (i = 0; i < 8; i++) {
        c->h[i] = iv[i];
    }
    for (i = 0; i < sizeof c->buf; i++) {
        c->buf[i] = 0;
    }
    c->nbytes = 0;
    c->buflen = 0;
}

void pq_sha224_init(pq_sha256_ctx *c) { sha256_init_iv(c, IV224); }
void pq_sha256_init(pq_sha256_ctx *c) { sha256_init_iv(c, IV256); }

void pq_sha256_update(pq_sha256_ctx *c, const uint8_t *in, size_t len)
{
    size_t i = 0;

    c->nbytes += (uint64_t)len;

    /* top up a partially filled buffer */
    if (c->buflen > 0) {
        while (i < len && c->buflen < 64) {
            c->buf[c->buflen++] = in[i++];
        }
        if (c->buflen < 64) {
            return;
        }
        sha256_block(c->h, c->buf);
        c->buflen = 0;
    }
    /* whole blocks straight from the input */
    while (len - i >= 64) {
        sha256_block(c->h, in + i);
        i += 64;
    }
    /* stash the tail */
    while (i < len) {
        c->buf[c->buflen++] = in[i++];
    }
}

void pq_sha256_final(pq_sha256_ctx *c, uint8_t *out, size_t outlen)
{
    uint64_t bits = c->nbytes << 3; /* length mod 2^64 bits, as in FIPS 180-4 */
    uint32_t n = c->buflen;
    uint8_t tmp[32];
    size_t i;

    c->buf[n++] = 0x80;
    if (n > 56) {
        while (n < 64) {
            c->buf[n++] = 0;
        }
        sha256_block(c->h, c->buf);
        n = 0;
    }
    while (n < 56) {
        c->buf[n++] = 0;
    }
    store_be64(c->buf + 56, bits);
    sha256_block(c->h, c->buf);

    for (i = 0; i < 8; i++) {
        store_be32(tmp + 4 * i, c->h[i]);
    }
    if (outlen > sizeof tmp) {
        outlen = sizeof tmp;
    }
    for (i = 0; i < outlen; i++) {
        out[i] = tmp[i];
    }
    wipe(tmp, sizeof tmp);
    wipe(c, sizeof *c);
}

/* ---- SHA-384 / SHA-512 / SHA-512/224 / SHA-512/256 ---------------------- */

static void sha512_init_iv(pq_sha512_ctx *c, const uint64_t iv[8])
{
    unsigned i;
    for (i = 0; i < 8; i++) {
        c->h[i] = iv[i];
    }
    for (i = 0; i < sizeof c->buf; i++) {
        c->buf[i] = 0;
    }
    c->nbytes = 0;
    c->buflen = 0;
}

void pq_sha384_init(pq_sha512_ctx *c)     { sha512_init_iv(c, IV384); }
void pq_sha512_init(pq_sha512_ctx *c)     { sha512_init_iv(c, IV512); }
void pq_sha512_224_init(pq_sha512_ctx *c) { sha512_init_iv(c, IV512_224); }
void pq_sha512_256_init(pq_sha512_ctx *c) { sha512_init_iv(c, IV512_256); }

void pq_sha512_update(pq_sha512_ctx *c, const uint8_t *in, size_t len)
{
    size_t i = 0;

    c->nbytes += (uint64_t)len;

    if (c->buflen > 0) {
        while (i < len && c->buflen < 128) {
            c->buf[c->buflen++] = in[i++];
        }
        if (c->buflen < 128) {
            return;
        }
        sha512_block(c->h, c->buf);
        c->buflen = 0;
    }
    while (len - i >= 128) {
        sha512_block(c->h, in + i);
        i += 128;
    }
    while (i < len) {
        c->buf[c->buflen++] = in[i++];
    }
}

void pq_sha512_final(pq_sha512_ctx *c, uint8_t *out, size_t outlen)
{
    /* 128-bit message length in bits: (nbytes * 8) split into hi:lo */
    uint64_t bits_hi = c->nbytes >> 61;
    uint64_t bits_lo = c->nbytes << 3;
    uint32_t n = c->buflen;
    uint8_t tmp[64];
    size_t i;

    c->buf[n++] = 0x80;
    if (n > 112) {
        while (n < 128) {
            c->buf[n++] = 0;
        }
        sha512_block(c->h, c->buf);
        n = 0;
    }
    while (n < 112) {
        c->buf[n++] = 0;
    }
    store_be64(c->buf + 112, bits_hi);
    store_be64(c->buf + 120, bits_lo);
    sha512_block(c->h, c->buf);

    for (i = 0; i < 8; i++) {
        store_be64(tmp + 8 * i, c->h[i]);
    }
    if (outlen > sizeof tmp) {
        outlen = sizeof tmp;
    }
    for (i = 0; i < outlen; i++) {
        out[i] = tmp[i];
    }
    wipe(tmp, sizeof tmp);
    wipe(c, sizeof *c);
}
