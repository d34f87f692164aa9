"""The bench table, its notes, and the goals muslin is measured against."""

import os
import time

from .cancel import BENCH_CANCEL, BENCH_CREATE, BENCH_READ, BENCH_THREADS
from .libc import LIBC_BATCHES, LIBC_MALLOC_N, LIBC_MEM, LIBC_RUNS, LIBC_SNPRINTF_N
from .tools import CG_N, LIBCS

BENCH_ROWS = [  # key, label, format
    ("read_ns", "read(1 byte) ns/call", "{:.1f}"),
    ("raw_ns", "raw read syscall ns/call", "{:.1f}"),
    ("ratio", "read/raw ns (median of batch ratios)", "{:.3f}"),
    ("read_ir", "read instructions/call", "{:.1f}"),
    ("raw_ir", "raw syscall instructions/call", "{:.1f}"),
    ("thunk_ir", "thunk overhead instr (read-raw)", "{:.1f}"),
    ("create_ns", "create+join ns/round trip", "{:.0f}"),
    ("cancel_ns", "cancel->join ns (median)", "{:.0f}"),
]
LIBC_ROWS = [  # key, label, format
    ("malloc1_ns", "malloc+free 16-512 B ns/step, 1 thread", "{:.1f}"),
    ("malloc2_ns", "malloc+free ns/step, 2 threads (wall)", "{:.1f}"),
    ("malloc_ir", "malloc+free instructions/step", "{:.1f}"),
    ("snprintf_ns", "snprintf (ints, strs, doubles) ns/call", "{:.0f}"),
    ("snprintf_ir", "snprintf instructions/call", "{:.0f}"),
] + [(f"{op}{key}_gbs", f"{op} {label} GB/s", "{:.1f}")
     for op in ("memcpy", "memset") for key, _, label in LIBC_MEM]


def table(arches, vals, na, cells):
    """The table: one row per measurement and arch, one column per libc,
    then the ratios; then why each n/a is one."""
    def cell(arch, libc, key, fmt):
        if (arch, libc) in na or key not in vals[(arch, libc)]:
            return "n/a"
        return fmt.format(vals[(arch, libc)][key])

    def ratio(arch, key, other):
        x, y = vals[(arch, "muslin")].get(key), vals[(arch, other)].get(key)
        if x is None or not y:
            return "n/a"
        return f"{x / y:.2f}"

    head = ["arch", "measurement", "muslin", "musl", "glibc", "muslin/musl", "muslin/glibc"]
    rows = [[arch, label, *(cell(arch, libc, key, fmt) for libc in LIBCS),
             ratio(arch, key, "musl"), ratio(arch, key, "glibc")]
            for arch in arches for key, label, fmt in BENCH_ROWS + LIBC_ROWS]
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    print()
    for r in [head] + rows:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))))
    for (arch, libc), why in sorted(na.items()):
        print(f"n/a: {arch} {libc}: {why}")
    for (arch, libc, key), why in sorted(cells.items()):
        print(f"n/a: {arch} {libc} {key}: {why}")
    print()


def notes(arches, vals, exes, batch, load):
    """How each number was measured, and what can skew it here."""
    for arch in arches:
        print(f"{arch}: medians of {BENCH_READ[0] * BENCH_READ[1]} batches of {batch[arch]} "
              f"reads (and raw calls), of {BENCH_CREATE[0] * BENCH_CREATE[1]} batches of "
              f"{BENCH_THREADS} create+join, of {BENCH_CANCEL[0] * BENCH_CANCEL[1]} cancel "
              f"rounds; instructions: callgrind, {CG_N[0]} vs {CG_N[1]} calls")
        print(f"{arch}: bench/libc.c: medians of {LIBC_RUNS * LIBC_BATCHES} batches of "
              f"{LIBC_MALLOC_N} malloc/free steps (1000 live blocks, seeded), "
              f"{LIBC_SNPRINTF_N} snprintf calls, 256 MiB of memcpy/memset (GB/s: "
              "1 / median ns per byte); no instruction counts for memcpy/memset (bandwidth, "
              "and callgrind counts a rep movs as one instruction per iteration)")
        raw = vals[(arch, "muslin")].get("raw_ns", 0)
        if raw > 1000:
            print(f"note: {arch}: a raw system call costs {raw:.0f} ns here (a VM trapping "
                  "int $0x80?), which hides user-space cost in the ns ratios: see the "
                  "instruction counts")
        for libc in exes[arch]:
            if vals[(arch, libc)].get("ratio", 1) < 0.5:
                print(f"note: {arch} {libc}'s read enters the kernel through the vDSO "
                      f"(__kernel_vsyscall: sysenter), not int $0x80 as the raw call does")
    print("load average (1 min) at start and end: "
          f"{load[0]:.2f}, {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
          "timings on a loaded machine vary from run to run")


def compare(goals, name, m, other, key, ok, against, missing="n/a"):
    """Adds the goal `name`: ok(muslin's m[key], the `against` libc's other[key])."""
    if key in m and key in other:
        goals.append((name, f"{m[key] / other[key]:.2f}x {against}", ok(m[key], other[key])))
    else:
        goals.append((name, missing, None))


def cancel_goals(arch, m, mu):
    goals = [(f"{arch} thunk overhead <= 10 instructions",
              f"{m['thunk_ir']:.1f}" if "thunk_ir" in m else "n/a",
              m["thunk_ir"] <= 10 if "thunk_ir" in m else None),
             (f"{arch} read/raw ns within 5%", f"{m['ratio']:.3f}", m["ratio"] <= 1.05)]
    compare(goals, f"{arch} create+join faster than musl", m, mu, "create_ns",
            lambda x, y: x < y, "musl", "n/a (no musl)")
    compare(goals, f"{arch} cancel->join no slower than musl", m, mu, "cancel_ns",
            lambda x, y: x <= y, "musl", "n/a (no musl)")
    return goals


def libc_goals(arch, m, mu, gl):
    goals = []
    for key, what in (("malloc1_ns", "malloc/free 1 thread"),
                      ("malloc2_ns", "malloc/free 2 threads"), ("snprintf_ns", "snprintf")):
        compare(goals, f"{arch} {what} no slower than musl", m, mu, key,
                lambda x, y: x <= y, "musl")
    for op in ("memcpy", "memset"):
        for k, _, label in LIBC_MEM:
            compare(goals, f"{arch} {op} {label} >= 0.9x glibc", m, gl, f"{op}{k}_gbs",
                    lambda x, y: x >= 0.9 * y, "glibc")
    return goals


def goals(arches, vals, started):
    """The goals, met or not; the libc goals are x86_64's (other arches'
    libc rows are information)."""
    found = []
    for arch in arches:
        m, mu = vals[(arch, "muslin")], vals[(arch, "musl")]
        found += cancel_goals(arch, m, mu)
        if arch == "x86_64":
            found += libc_goals(arch, m, mu, vals[(arch, "glibc")])
    print()
    print("goals: " + "; ".join(
        f"{g}: {v} {'met' if ok else 'NOT met' if ok is False else 'unknown'}"
        for g, v, ok in found))
    met = sum(1 for *_, ok in found if ok)
    print(f"{met} of {len(found)} goals met; took {time.monotonic() - started:.0f}s")
