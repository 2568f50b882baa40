// BN254 Fp Montgomery kernels for AArch64 (bn254/kernels_bn254.h): the fused sum of two products
// with one shared reduction, and the plain product, called directly as pq_fp_sop2 / pq_fp_mul
// (pq_kernels_neon.h). They assume the row operands (a, and for sop2 a0 and a1) are below
// 2p + 2^192, which the interface's preconditions guarantee (see pq_kernels_neon.h).
//
// Coarsely integrated operand scanning over 64-bit words, R = 2^256. Iteration i:
//   t += a0 * b0[i]        (mul/umulh; the low halves in one adds/adcs chain, the high in another)
//   t += a1 * b1[i]            (sop2 only: the second product into the same window)
//   m  = t[0] * (-p^-1) mod 2^64;  t += m * p;  t >>= 64
// so the two products share the four reduction steps: 2 x 16 + 4 x 7 + 4 = 64 + 28 + 4 multiplies
// and 4 x 27 adds/adcs (minus 5 in the first row) instead of 2 x (32 + 32) multiplies for two
// products and two reductions plus an addition. t is a five-word window t0..t4 (t < 2^256 after the
// shift, < 2^320 before it, by the operand bound); the registers rotate instead of moving.
// The low word of m * p0 is -t0 mod 2^64 by the choice of m, so t0 + lo(m p0) is 0 with carry
// (t0 != 0): `cmp t0, #1` sets exactly that carry and the multiply is skipped.
// sop2 ends with u = t < 2.52p and u - 2p taken when it does not borrow (csel, no branch), as the
// reference; mul returns t < 2p unchanged.
//
// Tested under qemu against the portable C (native/test/test_bn254_kernels.c); qemu cannot time
// it: the instruction counts (executed, under qemu) are in pq_kernels_neon.h.

#if defined(__APPLE__)
#define SYM(x) _##x
#else
#define SYM(x) x
#endif

// ---- macros: register names as arguments, so each unrolled iteration names its rotated window

// t0..t4 = A * w (a first row: written, not added)
.macro row_first a0, a1, a2, a3, u, t0, t1, t2, t3, t4
        mul     \t0, \a0, \u
        umulh   \t1, \a0, \u
        mul     l1, \a1, \u
        umulh   \t2, \a1, \u
        mul     l2, \a2, \u
        umulh   \t3, \a2, \u
        mul     l3, \a3, \u
        umulh   \t4, \a3, \u
        adds    \t1, \t1, l1
        adcs    \t2, \t2, l2
        adcs    \t3, \t3, l3
        adc     \t4, \t4, xzr
.endm

// t0..t4 += A * w. fresh = 1: t4 holds nothing yet (it is the word the last step dropped)
.macro row a0, a1, a2, a3, u, t0, t1, t2, t3, t4, fresh
        mul     l0, \a0, \u
        mul     l1, \a1, \u
        mul     l2, \a2, \u
        mul     l3, \a3, \u
        adds    \t0, \t0, l0
        adcs    \t1, \t1, l1
        adcs    \t2, \t2, l2
        adcs    \t3, \t3, l3
.if \fresh
        adc     \t4, xzr, xzr
.else
        adc     \t4, \t4, xzr
.endif
        umulh   l0, \a0, \u
        umulh   l1, \a1, \u
        umulh   l2, \a2, \u
        umulh   l3, \a3, \u
        adds    \t1, \t1, l0
        adcs    \t2, \t2, l1
        adcs    \t3, \t3, l2
        adc     \t4, \t4, l3
.endm

// a reduction step: t0..t4 += m p with m = t0 n0; afterwards t1..t4 is the value (t0 is dropped)
.macro red t0, t1, t2, t3, t4
        mul     m, \t0, n0
        mul     l1, k1, m
        mul     l2, k2, m
        mul     l3, k3, m
        cmp     \t0, #1                 // carry of t0 + lo(m p0) = (t0 != 0), the sum being 0
        adcs    \t1, \t1, l1
        adcs    \t2, \t2, l2
        adcs    \t3, \t3, l3
        adc     \t4, \t4, xzr
        umulh   l0, k0, m
        umulh   l1, k1, m
        umulh   l2, k2, m
        umulh   l3, k3, m
        adds    \t1, \t1, l0
        adcs    \t2, \t2, l1
        adcs    \t3, \t3, l2
        adc     \t4, \t4, l3
.endm

// ---- void pq_neon_fp_sop2_asm(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
//                                const pq_fp *b1): r = REDC(a0 b0 + a1 b1), minus 2p when >= 2p
        rp      .req x0
        u0      .req x1                 // a0's pointer, then the word b0[i]
        b0p     .req x2
        u1      .req x3                 // a1's pointer, then the word b1[i]
        b1p     .req x4
        f0      .req x5                 // a0
        f1      .req x6
        f2      .req x7
        f3      .req x8
        g0      .req x9                 // a1
        g1      .req x10
        g2      .req x11
        g3      .req x12
        k1      .req x13
        k2      .req x14
        k3      .req x15
        n0      .req x16
        m       .req x17
        t0      .req x19                // the window (rotating)
        t1      .req x20
        t2      .req x21
        t3      .req x22
        t4      .req x23
        l0      .req x24                // product halves
        l1      .req x25
        l2      .req x26
        l3      .req x27
        k0      .req x28

        .text
        .p2align 4
        .global SYM(pq_neon_fp_sop2_asm)
#if defined(__ELF__)
        .type   SYM(pq_neon_fp_sop2_asm), %function
        .hidden SYM(pq_neon_fp_sop2_asm)
#endif
SYM(pq_neon_fp_sop2_asm):
        stp     x19, x20, [sp, #-80]!
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        adr     m, bn254_consts
        ldp     k0, k1, [m]
        ldp     k2, k3, [m, #16]
        ldr     n0, [m, #32]
        ldp     f0, f1, [u0]
        ldp     f2, f3, [u0, #16]
        ldp     g0, g1, [u1]
        ldp     g2, g3, [u1, #16]
        // iteration 0: window s0..s4
        ldr     u0, [b0p]
        ldr     u1, [b1p]
        row_first f0, f1, f2, f3, u0, t0, t1, t2, t3, t4
        row     g0, g1, g2, g3, u1, t0, t1, t2, t3, t4, 0
        red     t0, t1, t2, t3, t4
        // iteration 1: s1..s4, s0
        ldr     u0, [b0p, #8]
        ldr     u1, [b1p, #8]
        row     f0, f1, f2, f3, u0, t1, t2, t3, t4, t0, 1
        row     g0, g1, g2, g3, u1, t1, t2, t3, t4, t0, 0
        red     t1, t2, t3, t4, t0
        // iteration 2: s2..s4, s0, s1
        ldr     u0, [b0p, #16]
        ldr     u1, [b1p, #16]
        row     f0, f1, f2, f3, u0, t2, t3, t4, t0, t1, 1
        row     g0, g1, g2, g3, u1, t2, t3, t4, t0, t1, 0
        red     t2, t3, t4, t0, t1
        // iteration 3: s3, s4, s0, s1, s2
        ldr     u0, [b0p, #24]
        ldr     u1, [b1p, #24]
        row     f0, f1, f2, f3, u0, t3, t4, t0, t1, t2, 1
        row     g0, g1, g2, g3, u1, t3, t4, t0, t1, t2, 0
        red     t3, t4, t0, t1, t2
        // u = s4 s0 s1 s2 < 2.52p; u - 2p when that does not borrow
        adr     m, bn254_consts
        ldp     l0, l1, [m, #40]
        ldp     l2, l3, [m, #56]
        subs    l0, t4, l0
        sbcs    l1, t0, l1
        sbcs    l2, t1, l2
        sbcs    l3, t2, l3
        csel    t4, l0, t4, cs          // cs: no borrow, u >= 2p
        csel    t0, l1, t0, cs
        csel    t1, l2, t1, cs
        csel    t2, l3, t2, cs
        stp     t4, t0, [rp]
        stp     t1, t2, [rp, #16]
        ldp     x27, x28, [sp, #64]
        ldp     x25, x26, [sp, #48]
        ldp     x23, x24, [sp, #32]
        ldp     x21, x22, [sp, #16]
        ldp     x19, x20, [sp], #80
        ret
#if defined(__ELF__)
        .size   SYM(pq_neon_fp_sop2_asm), . - SYM(pq_neon_fp_sop2_asm)
#endif
        .unreq  u0
        .unreq  u1
        .unreq  b0p
        .unreq  b1p
        .unreq  f0
        .unreq  f1
        .unreq  f2
        .unreq  f3
        .unreq  g0
        .unreq  g1
        .unreq  g2
        .unreq  g3

// ---- void pq_neon_fp_mul_asm(pq_fp *r, const pq_fp *a, const pq_fp *b): r = REDC(a b) < 2p
// fewer registers than sop2: the window and l0 in caller-saved ones, two pairs saved
        .unreq  t0
        .unreq  t1
        .unreq  t2
        .unreq  t3
        .unreq  t4
        .unreq  l0
        .unreq  l1
        .unreq  l2
        .unreq  l3
        .unreq  k0
        u       .req x1                 // a's pointer, then the word b[i]
        bp      .req x2
        y0      .req x3                 // a
        y1      .req x4
        y2      .req x5
        y3      .req x6
        t0      .req x7
        t1      .req x8
        t2      .req x9
        t3      .req x10
        t4      .req x11
        l0      .req x12
        l1      .req x19
        l2      .req x20
        l3      .req x21
        k0      .req x22

        .p2align 4
        .global SYM(pq_neon_fp_mul_asm)
#if defined(__ELF__)
        .type   SYM(pq_neon_fp_mul_asm), %function
        .hidden SYM(pq_neon_fp_mul_asm)
#endif
SYM(pq_neon_fp_mul_asm):
        stp     x19, x20, [sp, #-32]!
        stp     x21, x22, [sp, #16]
        adr     m, bn254_consts
        ldp     k0, k1, [m]
        ldp     k2, k3, [m, #16]
        ldr     n0, [m, #32]
        ldp     y0, y1, [u]
        ldp     y2, y3, [u, #16]
        ldr     u, [bp]
        row_first y0, y1, y2, y3, u, t0, t1, t2, t3, t4
        red     t0, t1, t2, t3, t4
        ldr     u, [bp, #8]
        row     y0, y1, y2, y3, u, t1, t2, t3, t4, t0, 1
        red     t1, t2, t3, t4, t0
        ldr     u, [bp, #16]
        row     y0, y1, y2, y3, u, t2, t3, t4, t0, t1, 1
        red     t2, t3, t4, t0, t1
        ldr     u, [bp, #24]
        row     y0, y1, y2, y3, u, t3, t4, t0, t1, t2, 1
        red     t3, t4, t0, t1, t2
        stp     t4, t0, [rp]
        stp     t1, t2, [rp, #16]
        ldp     x21, x22, [sp, #16]
        ldp     x19, x20, [sp], #32
        ret
#if defined(__ELF__)
        .size   SYM(pq_neon_fp_mul_asm), . - SYM(pq_neon_fp_mul_asm)
#endif

// p (4 words), -p^-1 mod 2^64, 2p (4 words), little-endian; next to the code for adr
        .p2align 3
bn254_consts:
        .quad   0x3c208c16d87cfd47, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029
        .quad   0x87d20782e4866389
        .quad   0x7841182db0f9fa8e, 0x2f02d522d0e3951a, 0x70a08b6d0302b0bb, 0x60c89ce5c2634053

#if defined(__ELF__)
        .section .note.GNU-stack, "", %progbits
#endif
