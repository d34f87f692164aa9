"""`./x.py bench`: bench/cancel.c and bench/libc.c built against muslin,
musl and glibc (all static) for x86_64 and i386, run natively, one table
and the goals. Not part of `test`.

tools   the libcs, their compilers, callgrind, medians
cancel  bench/cancel.c: cancellable read, create+join, cancel->join
libc    bench/libc.c: malloc/free, snprintf, memcpy/memset
report  the table, its notes, the goals
"""

import os
import shutil
import time

from ..build import build_lib
from ..common import arch_list, die, host_arch, say
from ..toolchain import setup
from . import report
from .cancel import bench_build, bench_instructions, bench_time
from .libc import libc_build, libc_instructions, libc_time
from .tools import BENCH_ARCHES, LIBCS, bench_setup, perf_instructions_works


def bench_arches(value):
    if host_arch() != "x86_64":
        die("bench runs x86_64 and i386 natively: it needs an x86_64 host")
    arches = arch_list(value) if value else BENCH_ARCHES
    for arch in arches:
        if arch not in BENCH_ARCHES:
            die(f"bench measures {' and '.join(BENCH_ARCHES)} only, not {arch}")
    return arches


def build_all(arches, na, cells):
    """Both bench programs for each arch and libc: ({arch: {libc: exe}} of
    bench/cancel.c, the same of bench/libc.c). Dies if muslin's do not run."""
    exes, lexes = {}, {}
    for arch in arches:
        say(f"{arch}: building bench/cancel.c and bench/libc.c against muslin, musl and glibc")
        lib = build_lib(arch, True)
        exes[arch] = bench_build(arch, lib, na)
        if "muslin" not in exes[arch]:
            die(f"{arch}: the muslin build of bench/cancel.c does not run: "
                f"{na.get((arch, 'muslin'))}", 1)
        lexes[arch] = libc_build(arch, lib, na, cells)
        if "muslin" not in lexes[arch]:
            die(f"{arch}: the muslin build of bench/libc.c does not run: "
                f"{cells.get((arch, 'muslin', 'malloc1_ns'))}", 1)
    return exes, lexes


def count_instructions(arches, exes, lexes, vals, cells):
    """Instructions per call under callgrind, into `vals` (or why not, into `cells`)."""
    if not shutil.which("valgrind"):
        for arch in arches:
            for libc in exes[arch]:
                cells[(arch, libc, "read_ir")] = cells[(arch, libc, "raw_ir")] = \
                    "n/a (valgrind missing)"
        return
    say("counting instructions with callgrind (perf stat -e instructions:u: "
        + ("works here, but callgrind's counts are exact)" if perf_instructions_works()
           else "not supported here)"))
    ir = bench_instructions([(arch, libc, exe) for arch in arches
                             for libc, exe in exes[arch].items()])
    ir.update(libc_instructions([(arch, libc, exe) for arch in arches
                                 for libc, exe in lexes[arch].items()], cells))
    for (arch, libc, key), v in ir.items():
        if isinstance(v, str):
            cells[(arch, libc, key)] = v
        else:
            vals[(arch, libc)][key] = v


def time_all(arches, exes, lexes, vals, cells):
    """The timed measurements, into `vals`; returns {arch: read batch length}."""
    batch = {}
    for arch in arches:
        res, batch[arch] = bench_time(arch, exes[arch])
        for libc, r in res.items():
            vals[(arch, libc)].update(r)
        for libc, r in libc_time(arch, lexes[arch], cells).items():
            vals[(arch, libc)].update(r)
    for v in vals.values():
        if "read_ir" in v and "raw_ir" in v:
            v["thunk_ir"] = v["read_ir"] - v["raw_ir"]
    return batch


def cmd_bench(a):
    setup(quiet=True)
    arches = bench_arches(a.arch)
    started = time.monotonic()
    load = os.getloadavg()
    na = {k: v for k, v in bench_setup().items() if k[0] in arches}
    cells = {}  # (arch, libc, key) -> "n/a (why)" for a missing measurement
    exes, lexes = build_all(arches, na, cells)
    vals = {(arch, libc): {} for arch in arches for libc in LIBCS}
    count_instructions(arches, exes, lexes, vals, cells)
    batch = time_all(arches, exes, lexes, vals, cells)
    report.table(arches, vals, na, cells)
    report.notes(arches, vals, exes, batch, load)
    report.goals(arches, vals, started)
