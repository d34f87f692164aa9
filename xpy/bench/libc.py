"""bench/libc.c: malloc/free, snprintf, memcpy/memset; built against
muslin, musl and glibc, run natively."""

import os
import subprocess

from ..cc import cc
from ..common import OUT_DIR, ROOT, say
from ..run import run_program
from .tools import LIBCS, baseline_cc, bench_lines, instructions_per_call, interleaved, median

LIBC_SRC = os.path.join(ROOT, "bench", "libc.c")
LIBC_RUNS = 11           # interleaved runs per measurement
LIBC_BATCHES = 5         # batches per run: medians of 55 batches
LIBC_MALLOC_N = 100000   # malloc/free steps per batch (per thread)
LIBC_SNPRINTF_N = 2000   # snprintf calls per batch
LIBC_MEM = [("4k", 4096, "4 KiB"), ("16m", 16 << 20, "16 MiB")]
LIBC_CG = {"malloc": ["malloc", "{n}", "1", "1"], "snprintf": ["snprintf", "{n}", "1"]}


def muslin_cc(arch, lib, out):
    """Builds bench/libc.c against muslin: None, or why it failed."""
    log = []
    try:
        cc(arch, [LIBC_SRC], out, lib, log)
    except subprocess.CalledProcessError:
        lines = "".join(log).splitlines()
        return next((ln for ln in lines if "error:" in ln or "undefined symbol" in ln),
                    lines[-1] if lines else "?").strip()[:160]
    return None


def libc_build(arch, lib, na, cells):
    """Builds bench/libc.c three ways; returns {libc: exe}, adding to
    `cells` {(arch, libc, row): why} what could not be built or does not run."""
    outdir = os.path.join(OUT_DIR, "bench", arch)
    os.makedirs(outdir, exist_ok=True)
    exes = {}
    for libc in LIBCS:
        if (arch, libc) in na:
            continue
        out = os.path.join(outdir, "libc_" + libc)
        why = muslin_cc(arch, lib, out) if libc == "muslin" else \
            baseline_cc(arch, libc, LIBC_SRC, out)
        if why:
            cells[(arch, libc, "malloc1_ns")] = f"n/a ({why})"
            continue
        rc, _, err, _ = run_program(arch, "native", out, ["malloc", "1000", "1", "1"], timeout=60)
        if rc != 0:
            cells[(arch, libc, "malloc1_ns")] = \
                f"n/a (bench/libc.c does not run: exit {rc}: {err.decode(errors='replace')[-100:]})"
            continue
        exes[libc] = out
    return exes


def libc_instructions(jobs, cells):
    """jobs: [(arch, libc, exe)] -> {(arch, libc, 'malloc_ir'|'snprintf_ir'):
    instructions per malloc/free step or snprintf call}, as for read."""
    return instructions_per_call({
        (arch, libc, what + "_ir"): (exe, lambda n, w=what: [a.format(n=n) for a in LIBC_CG[w]])
        for arch, libc, exe in jobs for what in LIBC_CG
        if (arch, libc, what + "_ns") not in cells})


def libc_jobs():
    """[(measurement, bench/libc.c arguments)] of the timed runs."""
    jobs = [("malloc1", ["malloc", str(LIBC_MALLOC_N), str(LIBC_BATCHES), "1"]),
            ("malloc2", ["malloc", str(LIBC_MALLOC_N), str(LIBC_BATCHES), "2"]),
            ("snprintf", ["snprintf", str(LIBC_SNPRINTF_N), str(LIBC_BATCHES)])]
    return jobs + [(f"{op}{key}", [op, str(size), str(LIBC_BATCHES)])
                   for op in ("memcpy", "memset") for key, size, _ in LIBC_MEM]


def libc_time(arch, exes, cells):
    """The timed bench/libc.c measurements: {libc: {row: value}}. ns rows are
    medians of per-batch ns per step/call, GB/s rows 1 / median ns per byte."""
    say(f"{arch}: timing {LIBC_RUNS * LIBC_BATCHES} batches each of {LIBC_MALLOC_N} malloc/free "
        f"steps (1 and 2 threads), {LIBC_SNPRINTF_N} snprintf calls, 256 MiB of memcpy and "
        "memset in 4 KiB and 16 MiB calls, per libc")
    res = {libc: {} for libc in exes}
    for key, args in libc_jobs():
        mine = {libc: exe for libc, exe in exes.items()
                if (arch, libc, key + "_ns") not in cells}
        samples = {libc: [] for libc in mine}
        for libc, _ in interleaved(mine, LIBC_RUNS):
            samples[libc] += [x for xs in bench_lines(arch, mine[libc], args).values() for x in xs]
        for libc, xs in samples.items():
            if key.startswith("mem"):
                res[libc][key + "_gbs"] = 1 / median(xs)
            else:
                res[libc][key + "_ns"] = median(xs)
    return res
