// ML-DSA inverse NTT (times 2^32, as pq_ref_invntt_tomont mod q), AArch64
// NEON, hand-written ("clean") version.
//
// The algorithm and tables of pq_neon_invntt_intrin (native/arm64/dev/ntt_neon_intrin.c),
// instruction for instruction. Gentleman-Sande butterflies
// (a, b) -> (a + b, (a - b) w) with Barrett products by plain w = -z_k:
//   mul r, d, w;  sqrdmulh t, d, w';  mls r, t, q   (|r| < q for |d| < 2^31).
// From |in| < q the sums at most double per layer: <= 4 (q - 1) after loop 1,
// <= 32 (q - 1) after loop 2, <= 128 (q - 1) before the last layer, whose sums
// (<= 256 (q - 1) < 2^31) are multiplied by f = 2^32 / 256 mod q and
// differences by w_1 f: |out| < q.
//
// void pq_neon_invntt_clean_asm(int32_t a[256], const int32_t *l12,
//                               const int32_t *l345, const int32_t *l123)
//   l12:  six vectors (w, w' of len 1 even, odd, of len 2) per half-block
//   l345: four vectors of lane pairs per block of 32 coefficients
//   l123: lane pairs (w, w') of len 32 (k = 7, 6, 5, 4), len 64 (k = 3, 2),
//         (w_1 f, f) for len 128 (layouts in native/arm64/mldsa_neon.c)
// Uses only caller-saved registers (x0-x6, v0-v7, v16-v31).
//
// native/arm64/invntt_neon_slothy.S, the version the NEON cores use, is
// generated from native/arm64/dev/invntt_neon_clean.S (test-only, like
// ntt_neon_intrin.c) by scripts/slothy-ntt.sh.

#if defined(__APPLE__)
#define SYM(x) _##x
#else
#define SYM(x) x
#endif

        a_ptr   .req x0
        r12     .req x1         // l12 table, advanced 96 bytes per half-block
        r345    .req x2         // l345 table, advanced 64 bytes per block
        r123    .req x3         // l123 table
        in      .req x4         // loop pointer
        count   .req x5
        wtmp    .req w6

        data0   .req v16        // vectors of coefficients
        data1   .req v17
        data2   .req v18
        data3   .req v19
        data4   .req v20
        data5   .req v21
        data6   .req v22
        data7   .req v23
        q_data0 .req q16
        q_data1 .req q17
        q_data2 .req q18
        q_data3 .req q19
        q_data4 .req q20
        q_data5 .req q21
        q_data6 .req q22
        q_data7 .req q23

        root0   .req v0         // lane pairs (z, z') for by-element products
        root1   .req v1
        root2   .req v2
        root3   .req v3
        q_root0 .req q0
        q_root1 .req q1
        q_root2 .req q2
        q_root3 .req q3

        lz0     .req v4         // last two layers: lane-varying z, z'
        lz0t    .req v5
        lz1     .req v6
        lz1t    .req v7
        lz2     .req v28
        lz2t    .req v29
        q_lz0   .req q4
        q_lz0t  .req q5
        q_lz1   .req q6
        q_lz1t  .req q7
        q_lz2   .req q28
        q_lz2t  .req q29

        tmp     .req v24        // Barrett product / difference
        th      .req v25        // sqrdmulh result
        t0      .req v24        // transpose temporaries (not live with tmp/th)
        t1      .req v25
        t2      .req v26
        t3      .req v27
        consts  .req v31        // q in lane 0

// 4x4 transpose of 32-bit lanes: x_c[r] <- x_r[c]
.macro transpose4 x0, x1, x2, x3
        trn1     t0.4s, \x0\().4s, \x1\().4s
        trn2     t1.4s, \x0\().4s, \x1\().4s
        trn1     t2.4s, \x2\().4s, \x3\().4s
        trn2     t3.4s, \x2\().4s, \x3\().4s
        trn1     \x0\().2d, t0.2d, t2.2d
        trn2     \x2\().2d, t0.2d, t2.2d
        trn1     \x1\().2d, t1.2d, t3.2d
        trn2     \x3\().2d, t1.2d, t3.2d
.endm

// dst = src * w mod q, w in lane i0 and w' in lane i1 of r (dst != src)
.macro barmul_lane dst, src, r, i0, i1
        mul      \dst\().4s, \src\().4s, \r\().s[\i0]
        sqrdmulh th.4s, \src\().4s, \r\().s[\i1]
        mls      \dst\().4s, th.4s, consts.s[0]
.endm

// (a, b) -> (a + b, (a - b) w)
.macro gs_lane a, b, r, i0, i1
        sub      tmp.4s, \a\().4s, \b\().4s
        add      \a\().4s, \a\().4s, \b\().4s
        barmul_lane \b, tmp, \r, \i0, \i1
.endm

// same with lane-varying twiddles w, w'
.macro gs_vec a, b, w, wt
        sub      tmp.4s, \a\().4s, \b\().4s
        add      \a\().4s, \a\().4s, \b\().4s
        mul      \b\().4s, tmp.4s, \w\().4s
        sqrdmulh th.4s, tmp.4s, \wt\().4s
        mls      \b\().4s, th.4s, consts.s[0]
.endm

// last layer: (a, b) -> ((a + b) f, (a - b) w_1 f); (w_1 f, its twist) in
// lanes 0, 1 and (f, f') in lanes 2, 3 of root3
.macro gs_last a, b
        sub      tmp.4s, \a\().4s, \b\().4s
        add      t2.4s, \a\().4s, \b\().4s
        barmul_lane \a, t2, root3, 2, 3
        barmul_lane \b, tmp, root3, 0, 1
.endm

        .text
        .p2align 4
        .global SYM(pq_neon_invntt_clean_asm)
#if defined(__ELF__)
        .type   SYM(pq_neon_invntt_clean_asm), %function
        .hidden SYM(pq_neon_invntt_clean_asm)
#endif
SYM(pq_neon_invntt_clean_asm):
        mov      wtmp, #0xe001           // q = 8380417 = 0x7fe001
        movk     wtmp, #0x7f, lsl #16
        dup      consts.4s, wtmp
        mov      in, a_ptr
        mov      count, #16
        // Loop 1, len 1, 2 per half-block of 16: data_r = a[16 h + 4 r .. + 3]
intt_l12_loop:
        ldr      q_data0, [in, #0]
        ldr      q_data1, [in, #16]
        ldr      q_data2, [in, #32]
        ldr      q_data3, [in, #48]
        // lane r of data_c = coefficient 4 r + c
        transpose4 data0, data1, data2, data3
        ldp      q_lz0, q_lz0t, [r12], #96
        ldp      q_lz1, q_lz1t, [r12, #(32 - 96)]
        ldp      q_lz2, q_lz2t, [r12, #(64 - 96)]
        gs_vec   data0, data1, lz0, lz0t        // len 1
        gs_vec   data2, data3, lz1, lz1t
        gs_vec   data0, data2, lz2, lz2t        // len 2
        gs_vec   data1, data3, lz2, lz2t
        // sums |data| <= 4 (q - 1), products < q
        transpose4 data0, data1, data2, data3
        str      q_data0, [in], #64
        str      q_data1, [in, #(16 - 64)]
        str      q_data2, [in, #(32 - 64)]
        str      q_data3, [in, #(48 - 64)]
        subs     count, count, #1
        b.ne     intt_l12_loop

        mov      in, a_ptr
        mov      count, #8
        // Loop 2, len 4, 8, 16 per block of 32: data_r = a[32 b + 4 r .. + 3]
intt_l345_loop:
        ldr      q_data0, [in, #0]
        ldr      q_data1, [in, #16]
        ldr      q_data2, [in, #32]
        ldr      q_data3, [in, #48]
        ldr      q_data4, [in, #64]
        ldr      q_data5, [in, #80]
        ldr      q_data6, [in, #96]
        ldr      q_data7, [in, #112]
        ldp      q_root0, q_root1, [r345], #64
        ldp      q_root2, q_root3, [r345, #(32 - 64)]
        gs_lane  data0, data1, root0, 0, 1      // len 4
        gs_lane  data2, data3, root0, 2, 3
        gs_lane  data4, data5, root1, 0, 1
        gs_lane  data6, data7, root1, 2, 3
        gs_lane  data0, data2, root2, 0, 1      // len 8
        gs_lane  data1, data3, root2, 0, 1
        gs_lane  data4, data6, root2, 2, 3
        gs_lane  data5, data7, root2, 2, 3
        gs_lane  data0, data4, root3, 0, 1      // len 16
        gs_lane  data1, data5, root3, 0, 1
        gs_lane  data2, data6, root3, 0, 1
        gs_lane  data3, data7, root3, 0, 1
        // sums |data| <= 32 (q - 1), products < q

        str      q_data0, [in], #128
        str      q_data1, [in, #(16 - 128)]
        str      q_data2, [in, #(32 - 128)]
        str      q_data3, [in, #(48 - 128)]
        str      q_data4, [in, #(64 - 128)]
        str      q_data5, [in, #(80 - 128)]
        str      q_data6, [in, #(96 - 128)]
        str      q_data7, [in, #(112 - 128)]
        subs     count, count, #1
        b.ne     intt_l345_loop

        ldp      q_root0, q_root1, [r123]
        ldp      q_root2, q_root3, [r123, #32]
        mov      in, a_ptr
        mov      count, #8
        // Loop 3, len 32, 64, 128: data_i = a[j + 32 i .. + 3], j = 4 * iteration
intt_l123_loop:
        ldr      q_data0, [in, #0]
        ldr      q_data1, [in, #128]
        ldr      q_data2, [in, #256]
        ldr      q_data3, [in, #384]
        ldr      q_data4, [in, #512]
        ldr      q_data5, [in, #640]
        ldr      q_data6, [in, #768]
        ldr      q_data7, [in, #896]

        gs_lane  data0, data1, root0, 0, 1      // len 32: w7 .. w4
        gs_lane  data2, data3, root0, 2, 3
        gs_lane  data4, data5, root1, 0, 1
        gs_lane  data6, data7, root1, 2, 3
        gs_lane  data0, data2, root2, 0, 1      // len 64: w3, w2
        gs_lane  data1, data3, root2, 0, 1
        gs_lane  data4, data6, root2, 2, 3
        gs_lane  data5, data7, root2, 2, 3
        // sums |data| <= 128 (q - 1)
        gs_last  data0, data4                   // len 128 and the factor f
        gs_last  data1, data5
        gs_last  data2, data6
        gs_last  data3, data7
        // |data| < q

        str      q_data0, [in], #16
        str      q_data1, [in, #(128 - 16)]
        str      q_data2, [in, #(256 - 16)]
        str      q_data3, [in, #(384 - 16)]
        str      q_data4, [in, #(512 - 16)]
        str      q_data5, [in, #(640 - 16)]
        str      q_data6, [in, #(768 - 16)]
        str      q_data7, [in, #(896 - 16)]
        subs     count, count, #1
        b.ne     intt_l123_loop

        ret
#if defined(__ELF__)
        .size   SYM(pq_neon_invntt_clean_asm), . - SYM(pq_neon_invntt_clean_asm)
        .section .note.GNU-stack, "", %progbits
#endif
