"""What the benchmarks share: the libcs compared, their compilers,
installing them, running a bench program, callgrind, medians."""

import concurrent.futures
import os
import re
import shutil
import subprocess
import tempfile

from ..common import say
from ..run import run_program
from ..toolchain import apt_install

BENCH_ARCHES = ["x86_64", "i386"]
LIBCS = ["muslin", "musl", "glibc"]
BENCH_APT = {"valgrind": "/usr/bin/valgrind"}  # callgrind, 64- and 32-bit
# The baselines: compiler command and the packages it needs (package -> file
# that proves it). For i386 both use Debian's i686 cross toolchain: musl's
# i386 wrapper (from musl-dev:i386) runs i686-linux-gnu-gcc, which conflicts
# with gcc-multilib (so no `gcc -m32`); its libc6-dev-i386-cross is the same
# glibc 2.36 as libc6-dev-i386.
BASELINES = {
    "x86_64": {
        "musl": dict(cc=["musl-gcc", "-static", "-O2"],
                     apt={"musl-tools": "/usr/bin/musl-gcc",
                          "musl-dev": "/usr/lib/x86_64-linux-musl/libc.a"}),
        "glibc": dict(cc=["gcc", "-static", "-O2", "-pthread"],
                      apt={"gcc": "/usr/bin/gcc",
                           "libc6-dev": "/usr/lib/x86_64-linux-gnu/libc.a"}),
    },
    "i386": {
        "musl": dict(cc=["i386-linux-musl-gcc", "-static", "-O2"],
                     apt={"musl-dev:i386": "/usr/lib/i386-linux-musl/libc.a"}),
        "glibc": dict(cc=["i686-linux-gnu-gcc", "-static", "-O2", "-pthread"],
                      apt={"gcc-i686-linux-gnu": "/usr/bin/i686-linux-gnu-gcc",
                           "libc6-dev-i386-cross": "/usr/i686-linux-gnu/lib/libc.a"}),
    },
}
CG_N = (1000, 5000)      # the two call counts run under callgrind


def bench_setup():
    """Installs valgrind and the musl/glibc baselines that are missing.
    Returns {(arch, libc): why} for baselines that still cannot be had."""
    need = [p for p, f in BENCH_APT.items() if not os.path.exists(f)]
    for arch in BENCH_ARCHES:
        for b in BASELINES[arch].values():
            need += [p for p, f in b["apt"].items() if not os.path.exists(f) and p not in need]
    if need:
        say(f"bench needs {' '.join(need)}")
        if not apt_install(need, check=False):
            say("apt-get install failed: what is still missing is reported as n/a")
    missing = {}
    for arch in BENCH_ARCHES:
        for libc, b in BASELINES[arch].items():
            lack = [p for p, f in b["apt"].items() if not os.path.exists(f)]
            if lack:
                missing[(arch, libc)] = f"not installed: {', '.join(lack)}"
    return missing


def baseline_cc(arch, libc, src, out):
    """Builds `src` with a baseline's compiler: None, or why it failed."""
    cmd = BASELINES[arch][libc]["cc"] + ["-o", out, src]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return f"{cmd[0]}: {e.strerror}"
    if p.returncode != 0:
        tail = (p.stderr.strip().splitlines() or ["?"])[-1]
        return f"{' '.join(cmd[:3])} failed: {tail}"
    return None


def bench_lines(arch, exe, args, timeout=300):
    """Runs the bench program; returns {kind: [ns per call...]}."""
    rc, out, err, _ = run_program(arch, "native", exe, args, timeout=timeout)
    if rc != 0:
        raise RuntimeError(f"{os.path.basename(exe)} {' '.join(args)}: exit {rc}: "
                           + err.decode(errors="replace").strip()[-200:])
    res = {}
    for line in out.decode().splitlines():
        kind, n, ns = line.split()
        res.setdefault(kind, []).append(int(ns) / int(n))
    return res


def callgrind_ir(exe, args):
    """Instructions executed by `exe args`, counted by callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", exe,
                            *args], capture_output=True, timeout=300, cwd=tmp)
        if p.returncode != 0 or not os.path.exists(out):
            tail = p.stderr.decode(errors="replace").strip()[-200:]
            raise RuntimeError(f"callgrind {os.path.basename(exe)} {' '.join(args)}: exit "
                               f"{p.returncode}: {tail}")
        with open(out) as f:
            m = re.search(r"^(?:totals|summary): *(\d+)", f.read(), re.M)
        return int(m.group(1))


def perf_instructions_works():
    if not shutil.which("perf"):
        return False
    p = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "true"],
                       capture_output=True, text=True)
    return p.returncode == 0 and "not supported" not in p.stderr and "<not" not in p.stderr


def instructions_per_call(runs):
    """runs: {key: (exe, args for a count n)} -> {key: instructions per call,
    or an "n/a (why)" string}: (Ir(N2) - Ir(N1)) / (N2 - N1) over the two
    counts of CG_N, so that start-up and warm-up cancel out. The callgrind
    runs go in parallel, one per CPU."""
    flat = [(key, n) for key in runs for n in CG_N]

    def one(kn):
        exe, args = runs[kn[0]]
        try:
            return callgrind_ir(exe, args(kn[1]))
        except (RuntimeError, subprocess.TimeoutExpired, OSError) as e:
            return f"n/a ({e})"

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        irs = dict(zip(flat, pool.map(one, flat)))
    res = {}
    for key in runs:
        a, b = irs[(key, CG_N[0])], irs[(key, CG_N[1])]
        res[key] = (a if isinstance(a, str) else b if isinstance(b, str)
                    else (b - a) / (CG_N[1] - CG_N[0]))
    return res


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def interleaved(exes, runs):
    """Yields (libc, round) so that each round runs every libc once, the
    order rotated from round to round: drift in machine load hits all alike."""
    names = list(exes)
    for r in range(runs):
        k = r % len(names)
        for libc in names[k:] + names[:k]:
            yield libc, r
