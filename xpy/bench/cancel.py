"""bench/cancel.c: cancellable read vs a raw system call, create+join,
cancel->join; built against muslin, musl and glibc, run natively."""

import os

from ..common import OUT_DIR, ROOT, say
from ..cc import cc
from ..run import run_program
from .tools import LIBCS, baseline_cc, bench_lines, instructions_per_call, interleaved, median

BENCH_SRC = os.path.join(ROOT, "bench", "cancel.c")
# Timings are medians of many short runs, interleaved across the three
# binaries (order rotated each round) so that load from other processes on
# the machine falls on all three alike.
BENCH_READ = (11, 2)     # (runs, batches per run) of the read/raw batches
BENCH_BATCH_S = 0.025    # target length of one read batch (calibrated N)
BENCH_CREATE = (21, 1)   # (runs, batches per run) of create+join batches
BENCH_THREADS = 500      # create+join round trips per batch
BENCH_CANCEL = (10, 20)  # (runs, rounds per run): 200 cancel->join rounds


def bench_build(arch, lib, na):
    """Builds bench/cancel.c three ways; returns {libc: exe}, adding to `na`
    {(arch, libc): why} what could not be built or does not run."""
    outdir = os.path.join(OUT_DIR, "bench", arch)
    os.makedirs(outdir, exist_ok=True)
    exes = {}
    for libc in LIBCS:
        if (arch, libc) in na:
            continue
        out = os.path.join(outdir, libc)
        if libc == "muslin":
            cc(arch, [BENCH_SRC, "-O2"], out, lib)
        else:
            why = baseline_cc(arch, libc, BENCH_SRC, out)
            if why:
                na[(arch, libc)] = why
                continue
        rc, _, err, _ = run_program(arch, "native", out, ["rw", "100", "1"], timeout=60)
        if rc != 0:
            tail = err.decode(errors="replace").strip()[-100:]
            na[(arch, libc)] = f"does not run (exit {rc}: {tail})"
            continue
        exes[libc] = out
    return exes


def bench_instructions(jobs):
    """jobs: [(arch, libc, exe)] -> {(arch, libc, 'read_ir'|'raw_ir'):
    instructions per call or an error string}."""
    return instructions_per_call({
        (arch, libc, mode + "_ir"): (exe, lambda n, m=mode: [m, str(n), "1"])
        for arch, libc, exe in jobs for mode in ("read", "raw")})


def calibrate(arch, exe):
    """A read batch length such that one batch of raw calls lasts about
    BENCH_BATCH_S (int $0x80 costs ~30x a 64-bit syscall in some VMs)."""
    raw_ns = median(bench_lines(arch, exe, ["raw", "2000", "3"])["raw"])
    return int(min(200000, max(2000, BENCH_BATCH_S * 1e9 / raw_ns)) // 1000 * 1000)


def bench_time(arch, exes):
    """The timed measurements for one arch: ({libc: {row: value}}, the
    read batch length)."""
    n = calibrate(arch, next(iter(exes.values())))
    say(f"{arch}: timing {BENCH_READ[0] * BENCH_READ[1]} batches of {n} reads and of {n} "
        f"raw calls, {BENCH_CREATE[0] * BENCH_CREATE[1]} batches of {BENCH_THREADS} "
        f"create+join, {BENCH_CANCEL[0] * BENCH_CANCEL[1]} cancel rounds, per libc")
    samples = {libc: {} for libc in exes}

    def add(libc, got):
        for kind, xs in got.items():
            samples[libc].setdefault(kind, []).extend(xs)

    for libc, _ in interleaved(exes, BENCH_READ[0]):
        got = bench_lines(arch, exes[libc], ["rw", str(n), str(BENCH_READ[1])])
        add(libc, got)
        samples[libc].setdefault("ratio", []).extend(
            r / w for r, w in zip(got["read"], got["raw"]))
    for libc, _ in interleaved(exes, BENCH_CREATE[0]):
        add(libc, bench_lines(arch, exes[libc], ["create", str(BENCH_THREADS),
                                                 str(BENCH_CREATE[1])]))
    for libc, _ in interleaved(exes, BENCH_CANCEL[0]):
        add(libc, bench_lines(arch, exes[libc], ["cancel", str(BENCH_CANCEL[1])]))
    res = {}
    for libc, s in samples.items():
        res[libc] = {"read_ns": median(s["read"]), "raw_ns": median(s["raw"]),
                     "ratio": median(s["ratio"]), "create_ns": median(s["create"]),
                     "cancel_ns": median(s["cancel"])}
    return res, n
