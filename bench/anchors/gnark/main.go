// gnark-crypto's BN254 (ecc/bn254) on the operations of scripts/bench-bn254-native.mjs, which
// builds this file under build/anchors/gnark (go.mod written there) and runs it once per round:
//
//	anchor-gnark INPUTS [-ms 25] [-samples 7] [-ops fp_mul,...]
//
// INPUTS holds `name hex` lines made by the script (EIP-196/197 encodings: 32-byte big-endian
// numbers, G2 with the imaginary parts first). Output: `result NAME HEX` lines (the script checks
// them against @noble/curves before it trusts a time), then `time NAME NS` lines: the median
// nanoseconds per operation over the samples, each sample a loop sized to take about -ms.
package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, "anchor-gnark:", err)
	os.Exit(1)
}

func readInputs(path string) map[string][]byte {
	f, err := os.Open(path)
	if err != nil {
		fail(err)
	}
	defer f.Close()
	in := map[string][]byte{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		w := strings.Fields(sc.Text())
		if len(w) != 2 {
			continue
		}
		b, err := hex.DecodeString(w[1])
		if err != nil {
			fail(err)
		}
		in[w[0]] = b
	}
	return in
}

// The precompile's decoding as go-ethereum does it over gnark-crypto: coordinates < p, (0, 0)
// is infinity, G1 on the curve, G2 on the twist and in the order-r subgroup.
func decodeG1(b []byte) (bn254.G1Affine, error) {
	var p bn254.G1Affine
	if err := p.X.SetBytesCanonical(b[0:32]); err != nil {
		return p, err
	}
	if err := p.Y.SetBytesCanonical(b[32:64]); err != nil {
		return p, err
	}
	if p.IsInfinity() {
		return p, nil
	}
	if !p.IsOnCurve() {
		return p, errors.New("G1 point not on the curve")
	}
	return p, nil
}

func decodeG2(b []byte) (bn254.G2Affine, error) {
	var q bn254.G2Affine
	for i, e := range []*fp.Element{&q.X.A1, &q.X.A0, &q.Y.A1, &q.Y.A0} {
		if err := e.SetBytesCanonical(b[32*i : 32*i+32]); err != nil {
			return q, err
		}
	}
	if q.IsInfinity() {
		return q, nil
	}
	if !q.IsOnCurve() {
		return q, errors.New("G2 point not on the twist")
	}
	if !q.IsInSubGroup() {
		return q, errors.New("G2 point not in the subgroup")
	}
	return q, nil
}

// ecPairing (0x08) on k pairs of 192 bytes: the pairs with a point at infinity contribute 1
func ecPairing(in []byte) (bool, error) {
	if len(in)%192 != 0 {
		return false, errors.New("pairing input not a multiple of 192 bytes")
	}
	ps := make([]bn254.G1Affine, 0, len(in)/192)
	qs := make([]bn254.G2Affine, 0, len(in)/192)
	for o := 0; o < len(in); o += 192 {
		p, err := decodeG1(in[o : o+64])
		if err != nil {
			return false, err
		}
		q, err := decodeG2(in[o+64 : o+192])
		if err != nil {
			return false, err
		}
		if !p.IsInfinity() && !q.IsInfinity() {
			ps = append(ps, p)
			qs = append(qs, q)
		}
	}
	if len(ps) == 0 {
		return true, nil
	}
	return bn254.PairingCheck(ps, qs)
}

func must[T any](v T, err error) T {
	if err != nil {
		fail(err)
	}
	return v
}

func fpOf(b []byte) fp.Element {
	var e fp.Element
	if err := e.SetBytesCanonical(b); err != nil {
		fail(err)
	}
	return e
}

func g1Hex(p *bn254.G1Jac) string {
	var a bn254.G1Affine
	a.FromJacobian(p)
	x, y := a.X.Bytes(), a.Y.Bytes()
	return hex.EncodeToString(x[:]) + hex.EncodeToString(y[:])
}

func boolHex(b bool) string {
	if b {
		return "01"
	}
	return "00"
}

// median ns per operation of `samples` runs of body(n), n sized so that one run takes about ms
func measure(body func(n int), ms float64, samples int) float64 {
	target := ms * 1e6
	n := 1
	for {
		t0 := time.Now()
		body(n)
		dt := float64(time.Since(t0).Nanoseconds())
		if dt >= target/4 || n >= 1<<30 {
			if dt > 0 {
				n = int(float64(n)*target/dt) + 1
			}
			break
		}
		n *= 4
	}
	per := make([]float64, samples)
	for s := range per {
		t0 := time.Now()
		body(n)
		per[s] = float64(time.Since(t0).Nanoseconds()) / float64(n)
	}
	sort.Float64s(per)
	return per[len(per)/2]
}

func main() {
	ms := flag.Float64("ms", 25, "milliseconds per sample")
	samples := flag.Int("samples", 7, "samples per operation (the median is printed)")
	opsFlag := flag.String("ops", "fp_mul,fp2_mul,pairing,check2,check4,ecpairing2,ecpairing4,g1_mul,g1_add", "operations")
	flag.Parse()
	if flag.NArg() != 1 {
		fail(errors.New("usage: anchor-gnark INPUTS [-ms N] [-samples N] [-ops a,b]"))
	}
	in := readInputs(flag.Arg(0))

	fa, fb := fpOf(in["fp_a"]), fpOf(in["fp_b"])
	// Fp2 values through a G2Affine's coordinates (the Fp2 type is in an internal package)
	var t2 bn254.G2Affine
	t2.X.A0, t2.X.A1 = fpOf(in["fp2_a"][0:32]), fpOf(in["fp2_a"][32:64])
	t2.Y.A0, t2.Y.A1 = fpOf(in["fp2_b"][0:32]), fpOf(in["fp2_b"][32:64])
	var ps [4]bn254.G1Affine
	var qs [4]bn254.G2Affine
	for i := range ps {
		ps[i] = must(decodeG1(in[fmt.Sprintf("g1_%d", i)]))
		qs[i] = must(decodeG2(in[fmt.Sprintf("g2_%d", i)]))
	}
	pair2, pair4 := in["pairing2"], in["pairing4"]
	// the scalar is any 256-bit number (as ecMul's): reduced mod r once, as the precompile does
	k := new(big.Int).SetBytes(in["scalar"])
	k.Mod(k, fr.Modulus())
	var p0, q1 bn254.G1Jac
	p0.FromAffine(&ps[0])
	q1.FromAffine(&ps[1])
	q1.DoubleAssign() // a Jacobian point with Z != 1: the general addition

	{ // results, checked by the script
		var r fp.Element
		r.Mul(&fa, &fb)
		rb := r.Bytes()
		fmt.Println("result fp_mul", hex.EncodeToString(rb[:]))
		x := t2.X
		x.Mul(&x, &t2.Y)
		c0, c1 := x.A0.Bytes(), x.A1.Bytes()
		fmt.Println("result fp2_mul", hex.EncodeToString(c0[:])+hex.EncodeToString(c1[:]))
		var m bn254.G1Jac
		m.ScalarMultiplication(&p0, k)
		fmt.Println("result g1_mul", g1Hex(&m))
		s := p0
		s.AddAssign(&q1)
		fmt.Println("result g1_add", g1Hex(&s))
		fmt.Println("result check2", boolHex(must(bn254.PairingCheck(ps[0:2], qs[0:2]))))
		fmt.Println("result check4", boolHex(must(bn254.PairingCheck(ps[:], qs[:]))))
		bad := must(bn254.PairingCheck([]bn254.G1Affine{ps[0], ps[1]}, []bn254.G2Affine{qs[1], qs[0]}))
		fmt.Println("result check_swapped", boolHex(bad))
		fmt.Println("result ecpairing2", boolHex(must(ecPairing(pair2))))
		fmt.Println("result ecpairing4", boolHex(must(ecPairing(pair4))))
	}

	var sink uint64
	bodies := map[string]func(n int){
		"fp_mul": func(n int) {
			a := fa
			for i := 0; i < n; i++ {
				a.Mul(&a, &fb)
			}
			sink ^= a[0]
		},
		"fp2_mul": func(n int) {
			x := t2.X
			for i := 0; i < n; i++ {
				x.Mul(&x, &t2.Y)
			}
			sink ^= x.A0[0]
		},
		"pairing": func(n int) {
			for i := 0; i < n; i++ {
				g := must(bn254.Pair(ps[0:1], qs[0:1]))
				sink ^= g.C0.B0.A0[0]
			}
		},
		"check2": func(n int) {
			for i := 0; i < n; i++ {
				if !must(bn254.PairingCheck(ps[0:2], qs[0:2])) {
					fail(errors.New("check2 gave false"))
				}
			}
		},
		"check4": func(n int) {
			for i := 0; i < n; i++ {
				if !must(bn254.PairingCheck(ps[:], qs[:])) {
					fail(errors.New("check4 gave false"))
				}
			}
		},
		"ecpairing2": func(n int) {
			for i := 0; i < n; i++ {
				if !must(ecPairing(pair2)) {
					fail(errors.New("ecpairing2 gave false"))
				}
			}
		},
		"ecpairing4": func(n int) {
			for i := 0; i < n; i++ {
				if !must(ecPairing(pair4)) {
					fail(errors.New("ecpairing4 gave false"))
				}
			}
		},
		"g1_mul": func(n int) {
			var m bn254.G1Jac
			for i := 0; i < n; i++ {
				m.ScalarMultiplication(&p0, k)
			}
			sink ^= m.X[0]
		},
		"g1_add": func(n int) {
			s := p0
			for i := 0; i < n; i++ {
				s.AddAssign(&q1)
			}
			sink ^= s.X[0]
		},
	}
	for _, op := range strings.Split(*opsFlag, ",") {
		body, ok := bodies[op]
		if !ok {
			fail(fmt.Errorf("unknown operation %q", op))
		}
		fmt.Printf("time %s %.1f\n", op, measure(body, *ms, *samples))
	}
	fmt.Fprintln(os.Stderr, "checksum", sink)
}
