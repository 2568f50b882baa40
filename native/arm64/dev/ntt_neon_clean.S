// ML-DSA forward NTT, AArch64 NEON, hand-written ("clean") version.
//
// The algorithm and tables of pq_neon_ntt_intrin (native/arm64/dev/ntt_neon_intrin.c),
// instruction for instruction: Barrett multiplication by plain twiddles z with
// z' = round(z 2^31 / q):  mul r, b, z;  sqrdmulh t, b, z';  mls r, t, q
// (r = b z mod q, |r| <= q/2 + |b| q / 2^32). No reductions: from |in| < q the
// bound is 20993809 after loop 1, 33706636 after loop 2 and 42225258
// (< 5.04 q) after loop 3 (computed by scripts/gen-arm64-tables.py).
//
// void pq_neon_ntt_clean_asm(int32_t a[256], const int32_t *l123,
//                            const int32_t *l456, const int32_t *l78)
//   l123: (z_k, z'_k), k = 1..7, in lanes (2k-2, 2k-1) of four vectors
//   l456: four vectors of lane pairs per block of 32 coefficients
//   l78:  six vectors (z, z' of layer 7, of layer 8 even and odd) per
//         half-block of 16 coefficients (layouts in native/arm64/mldsa_neon.c)
// Uses only caller-saved registers (x0-x6, v0-v7, v16-v31).
//
// native/arm64/ntt_neon_slothy.S, the version the NEON cores use, is generated
// from native/arm64/dev/ntt_neon_clean.S (test-only, like ntt_neon_intrin.c) by
// scripts/slothy-ntt.sh: keep the loops of the clean file in this plain form
// (one .macro level, .req aliases, loop ends "subs; b.ne", post-increment
// addressing) so SLOTHY can schedule them.

#if defined(__APPLE__)
#define SYM(x) _##x
#else
#define SYM(x) x
#endif

        a_ptr   .req x0
        r123    .req x1         // l123 table
        r456    .req x2         // l456 table, advanced 64 bytes per block
        r78     .req x3         // l78 table, advanced 96 bytes per half-block
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

// dst = src * z mod q, z in lane i0 and z' in lane i1 of w
.macro barmul_lane dst, src, w, i0, i1
        mul      \dst\().4s, \src\().4s, \w\().s[\i0]
        sqrdmulh th.4s, \src\().4s, \w\().s[\i1]
        mls      \dst\().4s, th.4s, consts.s[0]
.endm

// (a, b) -> (a + b z, a - b z)
.macro ct_lane a, b, w, i0, i1
        barmul_lane tmp, \b, \w, \i0, \i1
        sub      \b\().4s, \a\().4s, tmp.4s
        add      \a\().4s, \a\().4s, tmp.4s
.endm

// same with lane-varying twiddles z, z'
.macro ct_vec a, b, z, zt
        mul      tmp.4s, \b\().4s, \z\().4s
        sqrdmulh th.4s, \b\().4s, \zt\().4s
        mls      tmp.4s, th.4s, consts.s[0]
        sub      \b\().4s, \a\().4s, tmp.4s
        add      \a\().4s, \a\().4s, tmp.4s
.endm

        .text
        .p2align 4
        .global SYM(pq_neon_ntt_clean_asm)
#if defined(__ELF__)
        .type   SYM(pq_neon_ntt_clean_asm), %function
        .hidden SYM(pq_neon_ntt_clean_asm)
#endif
SYM(pq_neon_ntt_clean_asm):
        mov      wtmp, #0xe001           // q = 8380417 = 0x7fe001
        movk     wtmp, #0x7f, lsl #16
        dup      consts.4s, wtmp
        ldp      q_root0, q_root1, [r123]
        ldp      q_root2, q_root3, [r123, #32]
        mov      in, a_ptr
        mov      count, #8
        // Loop 1, layers 1-3 (len 128, 64, 32): data_i = a[j + 32 i .. + 3], j = 4 * iteration
ntt_l123_loop:
        ldr      q_data0, [in, #0]
        ldr      q_data1, [in, #128]
        ldr      q_data2, [in, #256]
        ldr      q_data3, [in, #384]
        ldr      q_data4, [in, #512]
        ldr      q_data5, [in, #640]
        ldr      q_data6, [in, #768]
        ldr      q_data7, [in, #896]

        ct_lane  data0, data4, root0, 0, 1      // len 128: z1
        ct_lane  data1, data5, root0, 0, 1
        ct_lane  data2, data6, root0, 0, 1
        ct_lane  data3, data7, root0, 0, 1
        ct_lane  data0, data2, root0, 2, 3      // len 64: z2, z3
        ct_lane  data1, data3, root0, 2, 3
        ct_lane  data4, data6, root1, 0, 1
        ct_lane  data5, data7, root1, 0, 1
        ct_lane  data0, data1, root1, 2, 3      // len 32: z4 .. z7
        ct_lane  data2, data3, root2, 0, 1
        ct_lane  data4, data5, root2, 2, 3
        ct_lane  data6, data7, root3, 0, 1
        // |data| <= 20993809

        str      q_data0, [in], #16
        str      q_data1, [in, #(128 - 16)]
        str      q_data2, [in, #(256 - 16)]
        str      q_data3, [in, #(384 - 16)]
        str      q_data4, [in, #(512 - 16)]
        str      q_data5, [in, #(640 - 16)]
        str      q_data6, [in, #(768 - 16)]
        str      q_data7, [in, #(896 - 16)]
        subs     count, count, #1
        b.ne     ntt_l123_loop

        mov      in, a_ptr
        mov      count, #8
        // Loop 2, layers 4-6 (len 16, 8, 4) per block of 32: data_r = a[32 b + 4 r .. + 3]
ntt_l456_loop:
        ldr      q_data0, [in, #0]
        ldr      q_data1, [in, #16]
        ldr      q_data2, [in, #32]
        ldr      q_data3, [in, #48]
        ldr      q_data4, [in, #64]
        ldr      q_data5, [in, #80]
        ldr      q_data6, [in, #96]
        ldr      q_data7, [in, #112]
        ldp      q_root0, q_root1, [r456], #64
        ldp      q_root2, q_root3, [r456, #(32 - 64)]

        ct_lane  data0, data4, root0, 0, 1      // len 16
        ct_lane  data1, data5, root0, 0, 1
        ct_lane  data2, data6, root0, 0, 1
        ct_lane  data3, data7, root0, 0, 1
        ct_lane  data0, data2, root0, 2, 3      // len 8
        ct_lane  data1, data3, root0, 2, 3
        ct_lane  data4, data6, root1, 0, 1
        ct_lane  data5, data7, root1, 0, 1
        ct_lane  data0, data1, root1, 2, 3      // len 4
        ct_lane  data2, data3, root2, 0, 1
        ct_lane  data4, data5, root2, 2, 3
        ct_lane  data6, data7, root3, 0, 1
        // |data| <= 33706636

        str      q_data0, [in], #128
        str      q_data1, [in, #(16 - 128)]
        str      q_data2, [in, #(32 - 128)]
        str      q_data3, [in, #(48 - 128)]
        str      q_data4, [in, #(64 - 128)]
        str      q_data5, [in, #(80 - 128)]
        str      q_data6, [in, #(96 - 128)]
        str      q_data7, [in, #(112 - 128)]
        subs     count, count, #1
        b.ne     ntt_l456_loop

        mov      in, a_ptr
        mov      count, #16
        // Loop 3, layers 7-8 (len 2, 1) per half-block of 16: data_r = a[16 h + 4 r .. + 3]
ntt_l78_loop:
        ldr      q_data0, [in, #0]
        ldr      q_data1, [in, #16]
        ldr      q_data2, [in, #32]
        ldr      q_data3, [in, #48]
        // lane r of data_c = coefficient 4 r + c
        transpose4 data0, data1, data2, data3
        ldp      q_lz0, q_lz0t, [r78], #96
        ldp      q_lz1, q_lz1t, [r78, #(32 - 96)]
        ldp      q_lz2, q_lz2t, [r78, #(64 - 96)]
        ct_vec   data0, data2, lz0, lz0t        // len 2
        ct_vec   data1, data3, lz0, lz0t
        ct_vec   data0, data1, lz1, lz1t        // len 1
        ct_vec   data2, data3, lz2, lz2t
        // |data| <= 42225258
        transpose4 data0, data1, data2, data3
        str      q_data0, [in], #64
        str      q_data1, [in, #(16 - 64)]
        str      q_data2, [in, #(32 - 64)]
        str      q_data3, [in, #(48 - 64)]
        subs     count, count, #1
        b.ne     ntt_l78_loop

        ret
#if defined(__ELF__)
        .size   SYM(pq_neon_ntt_clean_asm), . - SYM(pq_neon_ntt_clean_asm)
        .section .note.GNU-stack, "", %progbits
#endif
