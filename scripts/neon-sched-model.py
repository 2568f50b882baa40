#!/usr/bin/env python3
"""Modelled cycles of the NEON ChaCha20/Salsa20 kernels (native/arm64/chacha_neon.c) on Cortex-A72
and Neoverse N1, for the comment at the top of that file (qemu timings mean nothing).

    aarch64-linux-gnu-gcc -std=c11 -O3 -march=armv8-a -DPQ_TARGET_ARM64_NEON -Inative/common \
        -S native/arm64/chacha_neon.c -o /tmp/chacha_neon.s
    python3 scripts/neon-sched-model.py /tmp/chacha_neon.s

Every innermost loop of the assembly whose body is vector code is one double round of one kernel; it is
named by its function and its EXT count (rows<n> has 6n EXT per double round, lanes4 none). The
model: the latencies, execution units and issue widths of SLOTHY's Cortex-A72 and Neoverse N1
models (slothy/targets/aarch64/cortex_a72_frontend.py, neoverse_n1_experimental.py: A72 3 cycles
per ASIMD op, TBL 6, shifts and SRI on F1 only, 3 instructions per cycle; N1 2 cycles, shifts and
SRI on V1 only, 2 vector instructions per cycle), on an idealized out-of-order core: in-order
dispatch, unlimited window, renamed registers (true dependencies only), one instruction per unit
per cycle. Printed: cycles for 10 double rounds (one pass of the kernel, without its loads,
feed-forward, transposes and stores)."""
import re
import sys

MODELS = {
    'A72': dict(issue=3, lat=dict(add=3, eor=3, rev32=3, tbl=6, shl=3, sri=3, ext=3, mov=3, orr=3),
                only=dict(shl='F1', sri='F1'), units=('F0', 'F1')),
    'N1': dict(issue=2, lat=dict(add=2, eor=2, rev32=2, tbl=2, shl=2, sri=2, ext=2, mov=2, orr=2),
               only=dict(shl='V1', sri='V1'), units=('V0', 'V1')),
}
READS_DST = {'sri', 'sli', 'bsl', 'bit', 'bif'}


def vector_ops(lines):
    body = []
    for line in lines:
        line = line.split('//')[0].strip()
        if not line or line.endswith(':') or line.startswith('.'):
            continue
        parts = line.split(None, 1)
        regs = re.findall(r'\bv(\d+)\.', parts[1] if len(parts) > 1 else '')
        if regs:  # scalar loop control does not count
            srcs = regs[1:] + ([regs[0]] if parts[0] in READS_DST else [])
            body.append((parts[0], regs[0], srcs))
    return body


def cycles(body, m, iters=10):
    ready, busy, t_disp, n, end = {}, set(), 0, 0, 0
    for _ in range(iters):
        for op, dst, srcs in body:
            if n == m['issue']:
                t_disp, n = t_disp + 1, 0
            n += 1
            t = max([t_disp] + [ready.get(s, 0) for s in srcs])
            units = (m['only'][op],) if op in m['only'] else m['units']
            while all((u, t) in busy for u in units):
                t += 1
            busy.add((next(u for u in units if (u, t) not in busy), t))
            ready[dst] = t + m['lat'][op]
            end = max(end, ready[dst])
    return end


def main():
    asm = open(sys.argv[1]).read().splitlines()
    func, labels = None, {}
    for i, line in enumerate(asm):
        if re.match(r'^[A-Za-z_]\w*:$', line):
            func = line[:-1]
        elif re.match(r'^\.L\w+:$', line):
            labels[line[:-1]] = i
        m = re.match(r'^\s+b\.?ne\s+(\.L\w+)$', line)
        if m and m.group(1) in labels and labels[m.group(1)] < i:
            inner = asm[labels[m.group(1)] + 1:i]
            if any(re.match(r'^\s+(b|b\.\w+|bne|cbz|cbnz)\s', x) for x in inner):
                continue  # not an innermost loop
            body = vector_ops(inner)
            if len(body) < 20:
                continue
            ops = {}
            for op, _, _ in body:
                ops[op] = ops.get(op, 0) + 1
            name = f"rows{ops['ext'] // 6}" if 'ext' in ops else 'lanes4'
            print(f"{func} {name}: {len(body)} vector instructions per double round "
                  + ' '.join(f'{k} {v}' for k, v in sorted(ops.items())))
            print('    ' + ', '.join(f'{k} {cycles(body, mm)} cycles' for k, mm in MODELS.items()))


if __name__ == '__main__':
    main()
