// arkworks' BN254 (ark-bn254 + ark-ec + ark-ff) on the operations of
// scripts/bench-bn254-native.mjs, which builds this file under build/anchors/arkworks (Cargo.toml
// written there) and runs it once per round:
//
//   anchor-arkworks INPUTS [--ms 25] [--samples 7] [--ops fp_mul,...]
//
// INPUTS holds `name hex` lines made by the script (EIP-196/197 encodings: 32-byte big-endian
// numbers, G2 with the imaginary parts first). Output: `result NAME HEX` lines (the script checks
// them against @noble/curves before it trusts a time), then `time NAME NS` lines: the median
// nanoseconds per operation over the samples, each sample a loop sized to take about --ms.
use ark_bn254::{Bn254, Fq, Fq2, Fr, G1Affine, G1Projective, G2Affine};
use ark_ec::pairing::Pairing;
use ark_ec::{AdditiveGroup, AffineRepr, CurveGroup};
use ark_ff::{BigInt, BigInteger, One, PrimeField, Zero};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

fn fail(msg: &str) -> ! {
    eprintln!("anchor-arkworks: {msg}");
    std::process::exit(1)
}

fn unhex(s: &str) -> Vec<u8> {
    if s.len() % 2 != 0 {
        fail("odd hex length");
    }
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or_else(|_| fail("bad hex")))
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// 32-byte big-endian integer -> Fq, None when it is >= p
fn fq(b: &[u8]) -> Option<Fq> {
    let mut limbs = [0u64; 4];
    for (i, l) in limbs.iter_mut().enumerate() {
        let o = 32 - 8 * (i + 1);
        *l = u64::from_be_bytes(b[o..o + 8].try_into().unwrap());
    }
    Fq::from_bigint(BigInt::new(limbs))
}

fn fq_bytes(x: &Fq) -> Vec<u8> {
    x.into_bigint().to_bytes_be()
}

// The precompile's decoding (as go-ethereum's): coordinates < p, (0, 0) is infinity, G1 on the
// curve, G2 on the twist and in the order-r subgroup.
fn decode_g1(b: &[u8]) -> Result<G1Affine, &'static str> {
    let x = fq(&b[0..32]).ok_or("coordinate >= p")?;
    let y = fq(&b[32..64]).ok_or("coordinate >= p")?;
    if x.is_zero() && y.is_zero() {
        return Ok(G1Affine::identity());
    }
    let p = G1Affine::new_unchecked(x, y);
    if !p.is_on_curve() {
        return Err("G1 point not on the curve");
    }
    Ok(p)
}

fn decode_g2(b: &[u8]) -> Result<G2Affine, &'static str> {
    let mut c = [Fq::zero(); 4];
    for (i, e) in c.iter_mut().enumerate() {
        *e = fq(&b[32 * i..32 * i + 32]).ok_or("coordinate >= p")?;
    }
    let (x, y) = (Fq2::new(c[1], c[0]), Fq2::new(c[3], c[2]));
    if x.is_zero() && y.is_zero() {
        return Ok(G2Affine::identity());
    }
    let q = G2Affine::new_unchecked(x, y);
    if !q.is_on_curve() {
        return Err("G2 point not on the twist");
    }
    if !q.is_in_correct_subgroup_assuming_on_curve() {
        return Err("G2 point not in the subgroup");
    }
    Ok(q)
}

/// ecPairing (0x08) on k pairs of 192 bytes: the pairs with a point at infinity contribute 1
fn ec_pairing(input: &[u8]) -> Result<bool, &'static str> {
    if input.len() % 192 != 0 {
        return Err("pairing input not a multiple of 192 bytes");
    }
    let (mut ps, mut qs) = (
        Vec::with_capacity(input.len() / 192),
        Vec::with_capacity(input.len() / 192),
    );
    for pair in input.chunks(192) {
        let p = decode_g1(&pair[0..64])?;
        let q = decode_g2(&pair[64..192])?;
        if !p.is_zero() && !q.is_zero() {
            ps.push(p);
            qs.push(q);
        }
    }
    Ok(check(&ps, &qs))
}

fn check(ps: &[G1Affine], qs: &[G2Affine]) -> bool {
    Bn254::multi_pairing(ps.iter().copied(), qs.iter().copied())
        .0
        .is_one()
}

fn g1_hex(p: &G1Projective) -> String {
    let a = p.into_affine();
    let (x, y) = a.xy().unwrap_or_else(|| fail("infinity"));
    hex(&fq_bytes(&x)) + &hex(&fq_bytes(&y))
}

fn bool_hex(b: bool) -> &'static str {
    if b {
        "01"
    } else {
        "00"
    }
}

/// median ns per operation of `samples` runs of body(n), n sized so that one run takes about ms
fn measure(body: &mut dyn FnMut(u64), ms: f64, samples: usize) -> f64 {
    let target = ms * 1e6;
    let mut n: u64 = 1;
    loop {
        let t0 = Instant::now();
        body(n);
        let dt = t0.elapsed().as_nanos() as f64;
        if dt >= target / 4.0 || n >= 1 << 30 {
            if dt > 0.0 {
                n = (n as f64 * target / dt) as u64 + 1;
            }
            break;
        }
        n *= 4;
    }
    let mut per: Vec<f64> = (0..samples)
        .map(|_| {
            let t0 = Instant::now();
            body(n);
            t0.elapsed().as_nanos() as f64 / n as f64
        })
        .collect();
    per.sort_by(|a, b| a.partial_cmp(b).unwrap());
    per[per.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut ms, mut samples, mut ops) = (
        25.0,
        7usize,
        "fp_mul,fp2_mul,pairing,check2,check4,ecpairing2,ecpairing4,g1_mul,g1_add".to_string(),
    );
    let mut path = None;
    let mut i = 0;
    while i < args.len() {
        let val = || {
            args.get(i + 1)
                .cloned()
                .unwrap_or_else(|| fail("missing option value"))
        };
        match args[i].as_str() {
            "--ms" => ms = val().parse().unwrap_or_else(|_| fail("bad --ms")),
            "--samples" => samples = val().parse().unwrap_or_else(|_| fail("bad --samples")),
            "--ops" => ops = val(),
            p => {
                path = Some(p.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let path = path.unwrap_or_else(|| {
        fail("usage: anchor-arkworks INPUTS [--ms N] [--samples N] [--ops a,b]")
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&e.to_string()));
    let inp: HashMap<&str, Vec<u8>> = text
        .lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() == 2).then(|| (w[0], unhex(w[1])))
        })
        .collect();
    let get = |k: &str| {
        inp.get(k)
            .unwrap_or_else(|| fail(&format!("no {k} in the inputs")))
    };

    let fa = fq(get("fp_a")).unwrap_or_else(|| fail("fp_a >= p"));
    let fb = fq(get("fp_b")).unwrap_or_else(|| fail("fp_b >= p"));
    let fp2 = |b: &[u8]| Fq2::new(fq(&b[0..32]).unwrap(), fq(&b[32..64]).unwrap());
    let (xa, xb) = (fp2(get("fp2_a")), fp2(get("fp2_b")));
    let ps: Vec<G1Affine> = (0..4)
        .map(|i| decode_g1(get(&format!("g1_{i}"))).unwrap_or_else(|e| fail(e)))
        .collect();
    let qs: Vec<G2Affine> = (0..4)
        .map(|i| decode_g2(get(&format!("g2_{i}"))).unwrap_or_else(|e| fail(e)))
        .collect();
    let (pair2, pair4) = (get("pairing2").clone(), get("pairing4").clone());
    // the scalar is any 256-bit number (as ecMul's): reduced mod r once, as the precompile does
    let k = Fr::from_be_bytes_mod_order(get("scalar"));
    let p0 = G1Projective::from(ps[0]);
    let q1 = G1Projective::from(ps[1]).double(); // Z != 1: the general addition

    println!("result fp_mul {}", hex(&fq_bytes(&(fa * fb))));
    let x = xa * xb;
    println!(
        "result fp2_mul {}{}",
        hex(&fq_bytes(&x.c0)),
        hex(&fq_bytes(&x.c1))
    );
    println!("result g1_mul {}", g1_hex(&(p0 * k)));
    println!("result g1_add {}", g1_hex(&(p0 + q1)));
    println!("result check2 {}", bool_hex(check(&ps[0..2], &qs[0..2])));
    println!("result check4 {}", bool_hex(check(&ps, &qs)));
    println!(
        "result check_swapped {}",
        bool_hex(check(&ps[0..2], &[qs[1], qs[0]]))
    );
    println!(
        "result ecpairing2 {}",
        bool_hex(ec_pairing(&pair2).unwrap_or_else(|e| fail(e)))
    );
    println!(
        "result ecpairing4 {}",
        bool_hex(ec_pairing(&pair4).unwrap_or_else(|e| fail(e)))
    );

    for op in ops.split(',') {
        let mut body: Box<dyn FnMut(u64)> = match op {
            "fp_mul" => Box::new(|n| {
                let mut a = fa;
                for _ in 0..n {
                    a *= black_box(&fb);
                }
                black_box(a);
            }),
            "fp2_mul" => Box::new(|n| {
                let mut a = xa;
                for _ in 0..n {
                    a *= black_box(&xb);
                }
                black_box(a);
            }),
            "pairing" => Box::new(|n| {
                for _ in 0..n {
                    let _ = black_box(Bn254::pairing(black_box(ps[0]), black_box(qs[0])));
                }
            }),
            "check2" | "check4" => {
                let m = if op == "check2" { 2 } else { 4 };
                let (ps, qs) = (&ps[0..m], &qs[0..m]);
                Box::new(move |n| {
                    for _ in 0..n {
                        if !check(black_box(ps), black_box(qs)) {
                            fail("pairing check gave false");
                        }
                    }
                })
            }
            "ecpairing2" | "ecpairing4" => {
                let input = if op == "ecpairing2" { &pair2 } else { &pair4 };
                Box::new(move |n| {
                    for _ in 0..n {
                        if !ec_pairing(black_box(input)).unwrap_or_else(|e| fail(e)) {
                            fail("ecPairing gave false");
                        }
                    }
                })
            }
            "g1_mul" => Box::new(|n| {
                for _ in 0..n {
                    let _ = black_box(black_box(p0) * black_box(k));
                }
            }),
            "g1_add" => Box::new(|n| {
                let mut s = p0;
                for _ in 0..n {
                    s += black_box(&q1);
                }
                let _ = black_box(s);
            }),
            _ => fail(&format!("unknown operation {op}")),
        };
        println!("time {op} {:.1}", measure(&mut *body, ms, samples));
    }
}
