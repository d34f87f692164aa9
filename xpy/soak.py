"""`./x.py soak`: the long differential runs against glibc (and, for
math, against the exact value) that `./x.py test` is too short for (not
part of `test` or CI).

Per arch, each part builds its test's muslin side (tests/NAME.c, like the
test) and the glibc reference (xpy/reference.py's compilers, under qemu
for a cross reference) and runs them with much larger counts:

ld     tests/ld_diff.c: 10^6 long double printf cases (and a third as many
       strtold/sscanf strings), in chunks that draw disjoint cases
       (ld_diff's second argument), byte for byte against glibc on the
       same long double format
math   tests/math_diff.c: 10^5 inputs per function, all compared
       (MATH_DIFF_STRIDE=1), the max ulp per function against x86_64 glibc
       (the test's bound) and the max error from the exact value, in
       real ulps: its reference is built -DEXACT with libquadmath
       (MATH_REF_BUILD) and writes each result's binary128 value too
       (MATH_DIFF_EXACT=1 makes the muslin side read them)
mathl  tests/mathl_diff.c: MATHL_DIFF_N inputs per long double function,
       the max ulp per function
time   tests/time_diff.c: localtime, mktime, strftime, ctime, gmtime in 14
       zones (most with DST rules), 10x the test's random times

On x86_64 the muslin side of math_diff and mathl_diff is also built with
musl-gcc and fed the same reference: each function's row shows muslin's
error next to musl's, and a function where muslin's is larger is WORSE
(a failure: issue 12 asks for no worse than musl). For math both are
errors from the exact value, and WORSE means larger by more than
WORSE_EPS ulp (0.01: the measurement itself is good to about 2^-53 ulp,
so that only ignores differences too small to matter); for mathl (still
against glibc's long double functions) any larger max ulp is WORSE.

A reference's output is written once and read by every arch and libc
that uses it (x86_64 and i386 share x86_64 glibc's; the binary128 arches
share aarch64's), then deleted; the programs and outputs of a run are in
a directory of its own (out/soak/run-*/, removed at its end). Programs
run --jobs at a time; an arch's runs start as soon as it is built. One
line per case and arch, then `N passed, N failed`; the tables go to
target/soak/summary.md.
"""

import concurrent.futures
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from . import reference
from .build import build_lib
from .cc import cc, install_driver
from .common import OUT_DIR, ROOT, TARGET_DIR, BuildError, arch_list, say
from .run import BASE_ENV, modes, runner
from .toolchain import setup

PARTS = ("ld", "math", "mathl", "time")
SOAK_DIR = os.path.join(OUT_DIR, "soak")
SUMMARY = os.path.join(TARGET_DIR, "soak", "summary.md")

# Counts at --scale 1 (see docs/testing.md for what they cost).
LD_CASES = 1_000_000    # printf cases per arch
LD_CHUNK = 50_000       # printf cases per program run
MATH_N = 100_000        # inputs per double/float function
MATHL_N = 30_000        # inputs per long double function
TIME_N = 8_000          # random times per zone (the test: 800)
TIME_MIN = 800          # time_diff fails under 10^4 times in all (14 zones)

SRC = {p: os.path.join(ROOT, "tests", n + ".c") for p, n in
       (("ld", "ld_diff"), ("math", "math_diff"), ("mathl", "mathl_diff"),
        ("time", "time_diff"))}
KIND = {"ld": "long-double", "math": "host", "mathl": "long-double", "time": "host"}
MUSL_PARTS = ("math", "mathl")  # also built with musl-gcc on x86_64
# math's reference: -DEXACT adds each result's exact value (libquadmath,
# GCC's binary128 maths: `apt-get install gcc` has it) to glibc's results.
MATH_REF_BUILD = dict(flags=["-DEXACT"], libs=["-lquadmath"])
WORSE_EPS = 0.01  # ulp: math's error may exceed musl's by this much


def counts(scale):
    """The counts of one run at `scale`."""
    def s(n):
        return max(1, int(n * scale))
    return dict(ld=s(LD_CASES), ld_chunk=min(LD_CHUNK, s(LD_CASES)), math=s(MATH_N),
                mathl=s(MATHL_N), time=max(TIME_MIN, s(TIME_N)))


def mode_of(arch):
    """Natively where the host runs the arch, else under qemu."""
    return modes(arch)[0]


class Refs:
    """The references' outputs: each generated once into a file, read by
    every run that needs it, deleted after the last of them (counted up
    front). A run asks for a file with `when_ready`, which calls it back
    (on a pool thread) once the file is there."""

    def __init__(self, pool, timings, work):
        self.pool, self.timings, self.work = pool, timings, work
        self.lock = threading.Lock()
        self.state = {}    # key -> "running" | (path, None) | (None, why)
        self.waiting = {}  # key -> [callbacks]
        self.users = {}    # key -> runs still to read it

    def expect(self, key):
        with self.lock:
            self.users[key] = self.users.get(key, 0) + 1

    def when_ready(self, key, cmd, env, fn):
        with self.lock:
            st = self.state.get(key)
            if st is None:
                self.state[key] = "running"
                self.waiting[key] = [fn]
                self.pool.submit(self._generate, key, cmd, env)
                return
            if st == "running":
                self.waiting[key].append(fn)
                return
        self.pool.submit(fn, *st)

    def _generate(self, key, cmd, env):
        path = os.path.join(self.work, "ref", "-".join(map(str, key)))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            with open(path, "wb") as out:
                rc, _, err, cpu = measured(cmd, subprocess.DEVNULL, out, env)
            res = (path, None) if rc == 0 else \
                (None, f"the glibc reference exited {rc}: "
                 f"{err.decode(errors='replace').strip()[-300:]}")
        except OSError as e:
            res, cpu = (None, f"the glibc reference: {e}"), 0.0
        self.timings.append((key, cpu))
        with self.lock:
            self.state[key] = res
            waiting = self.waiting.pop(key)
        for fn in waiting:
            self.pool.submit(fn, *res)

    def done(self, key):
        """One run has read `key` (or will not): the last one deletes it."""
        with self.lock:
            self.users[key] -= 1
            last = self.users[key] == 0
            st = self.state.get(key)
        if last and isinstance(st, tuple) and st[0]:
            os.remove(st[0])


class Tracker:
    """Counts outstanding runs; `wait` returns when all are finished."""

    def __init__(self):
        self.cond = threading.Condition()
        self.n = 0

    def add(self, n=1):
        with self.cond:
            self.n += n

    def finish(self):
        with self.cond:
            self.n -= 1
            self.cond.notify_all()

    def wait(self):
        with self.cond:
            while self.n:
                self.cond.wait()


# ---- what each part's runs are -------------------------------------------

def ld_runs(arch, c):
    """[(ref key, ref args, ref env, run args, run env)] of the ld part."""
    ref = reference.reference_arch(KIND["ld"], arch)
    chunks = math.ceil(c["ld"] / c["ld_chunk"])
    out = []
    for i in range(chunks):
        n = min(c["ld_chunk"], c["ld"] - i * c["ld_chunk"])
        # ld_diff prints five times as many cases for double-double itself.
        arg = max(1, n // 5) if ref == "powerpc64le" else n
        out.append((("ld", ref, arg, i), [str(arg), str(i)], {}, [], {}))
    return out


def part_runs(part, arch, c):
    """[(ref key, ref args, ref env, run args, run env)] of one part."""
    ref = reference.reference_arch(KIND[part], arch)
    if part == "ld":
        return ld_runs(arch, c)
    if part == "math":
        env = {"MATH_DIFF_N": str(c["math"])}
        return [(("math", ref, c["math"]), [], env, [],
                 dict(env, MATH_DIFF_STRIDE="1", MATH_DIFF_EXACT="1"))]
    if part == "mathl":
        env = {"MATHL_DIFF_N": str(c["mathl"])}
        return [(("mathl", ref, c["mathl"]), [], env, [], env)]
    return [(("time", ref, c["time"]), [str(c["time"])], {}, [], {})]


def variants(arch, parts):
    """[(part, libc)] that run for `arch` (musl's where musl-gcc is installed:
    a missing one is a failure, see `judge`)."""
    out = [(p, "muslin") for p in parts]
    if arch == "x86_64" and shutil.which("musl-gcc"):
        out += [(p, "musl") for p in parts if p in MUSL_PARTS]
    return out


# ---- parsing each part's output ------------------------------------------

LD_LINE = re.compile(r"^  (\S+): (?:(\d+) of )?(\d+) cases(?: differ)?$", re.M)
MATH_LINE = re.compile(r"^(ok|FAIL) (\S+): max ulp (\d+|inf)"
                       r"(?:.*?; exact: max (\S+) ulp \(glibc's (\S+)\))?", re.M)
MATHL_LINE = re.compile(r"^(ok|FAIL) (\S+): max (\S+) ulp", re.M)
CHECK_LINE = re.compile(r"^(ok|FAIL) (.*?)(?:: (.*))?$", re.M)


def parse(part, text):
    """{case: value}: ld {kind: (cases, differing)}, math {fn: (ok, max ulp
    against glibc, max error from the exact value, glibc's)} (the errors
    None without the exact values), mathl {fn: (ok, max ulp)}, time {name:
    (ok, why)}."""
    if part == "ld":
        return {m[1]: (int(m[3]), int(m[2] or 0)) for m in LD_LINE.finditer(text)}
    if part == "math":
        return {m[2]: (m[1] == "ok", math.inf if m[3] == "inf" else int(m[3]),
                       float(m[4]) if m[4] else None, float(m[5]) if m[5] else None)
                for m in MATH_LINE.finditer(text)}
    if part == "mathl":
        return {m[2]: (m[1] == "ok", float(m[3])) for m in MATHL_LINE.finditer(text)}
    return {m[2]: (m[1] == "ok", m[3] or "") for m in CHECK_LINE.finditer(text)}


def fmt_ulp(v):
    if v == math.inf:
        return "inf"
    if v == int(v) and v < 1e6:
        return str(int(v))
    return f"{v:.3g}"


def fmt_err(v):
    """An error from the exact value (a real number of ulps)."""
    if v is None:
        return "-"
    return "inf" if v == math.inf else f"{v:.3f}" if v < 1e6 else f"{v:.3g}"


def math_worse(mine, musl):
    """Whether muslin's math row is worse than musl's (parse()'s values):
    by the errors from the exact value where both have them."""
    if mine[2] is not None and musl[2] is not None:
        return mine[2] > musl[2] + WORSE_EPS
    return mine[1] > musl[1]


# ---- one arch and part's results ----------------------------------------

class Part:
    """The runs of one arch, part and libc and what they printed."""

    def __init__(self, arch, part, libc, nruns):
        self.arch, self.part, self.libc = arch, part, libc
        self.left, self.seconds = nruns, 0.0
        self.cases = {}   # parse()'s values, merged over chunks
        self.errors = []  # why a run failed as a whole
        self.mismatch = []  # ld's first mismatch lines

    def add(self, rc, out, err, seconds):
        self.seconds += seconds
        text = out.decode(errors="replace")
        got = parse(self.part, text)
        if self.part == "ld":
            for k, (n, bad) in got.items():
                n0, b0 = self.cases.get(k, (0, 0))
                self.cases[k] = (n0 + n, b0 + bad)
            self.mismatch += [ln for ln in text.splitlines()
                              if ln.startswith("mismatch")][:5]
        else:
            self.cases.update(got)
        # A failing exit is explained by a differing case (ld) or a FAIL
        # line; otherwise the run failed as a whole (a crash, a timeout).
        explained = any(v[1] for v in got.values()) if self.part == "ld" else \
            any(not v[0] for v in got.values())
        if (rc != 0 and not explained) or not got:
            why = (err.decode(errors="replace").strip() or text.strip())[-300:]
            self.errors.append(f"exit status {rc}" + (f": {why}" if why else "")
                               + ("" if got else " (no result printed)"))


def judge(arch, parts):
    """[(status, line)] of one arch's parts ({(part, libc): Part})."""
    label = f"{arch}/{mode_of(arch)}"
    res = []
    for (part, libc), p in sorted(parts.items()):
        if libc != "muslin":
            continue
        for why in p.errors:
            res.append(("fail", f"{label} {part}: {why}"))
        musl = parts.get((part, "musl"))
        if arch == "x86_64" and part in MUSL_PARTS and not musl:
            res.append(("fail", f"{label} {part}: musl-gcc is not installed: no musl column"))
        for why in musl.errors if musl else []:
            res.append(("fail", f"{label} {part} (musl-gcc build): {why}"))
        for name, v in sorted(p.cases.items()):
            if part == "ld":
                n, bad = v
                res.append(("pass" if n and not bad else "fail",
                            f"{label} ld::{name}: {n} cases, {bad} differ"))
            elif part == "math":
                ok, ulp, err, gerr = v
                line = f"{label} math::{name}: max ulp {fmt_ulp(ulp)} against glibc" + \
                    ("" if ok else " (over the test's bound)")
                if err is not None:
                    line += f", error {fmt_err(err)} (glibc's {fmt_err(gerr)})"
                if musl and name in musl.cases:
                    mv = musl.cases[name]
                    worse = math_worse(v, mv)
                    line += f", musl {fmt_err(mv[2]) if mv[2] is not None else fmt_ulp(mv[1])}" + \
                        (" WORSE" if worse else " ok")
                    ok = ok and not worse
                res.append(("pass" if ok else "fail", line))
            elif part == "mathl":
                ok, ulp = v
                line = f"{label} {part}::{name}: max ulp {fmt_ulp(ulp)}" + \
                    ("" if ok else " (over the test's bound)")
                if musl and name in musl.cases:
                    m = musl.cases[name][1]
                    worse = ulp > m
                    line += f", musl {fmt_ulp(m)}" + (" WORSE" if worse else " ok")
                    ok = ok and not worse
                res.append(("pass" if ok else "fail", line))
            else:
                ok, why = v
                res.append(("pass" if ok else "fail",
                            f"{label} time::{name}" + (f": {why}" if why else "")))
        for ln in p.mismatch[:5]:
            res.append(("info", f"{label} ld: {ln}"))
    return res


# ---- building -------------------------------------------------------------

def build_arch(arch, parts, work, log):
    """{(part, libc): executable} for `arch`, in the run's directory."""
    lib = build_lib(arch, True, log)
    install_driver(arch)
    outdir = os.path.join(work, arch)
    os.makedirs(outdir, exist_ok=True)
    exes = {}
    for part, libc in variants(arch, parts):
        out = os.path.join(outdir, f"{os.path.basename(SRC[part])[:-2]}_{libc}")
        if libc == "muslin":
            cc(arch, [SRC[part]], out, lib, log)
        else:
            p = subprocess.run(["musl-gcc", "-O2", "-static", "-w", "-o", out, SRC[part]],
                               capture_output=True, text=True)
            if p.returncode != 0:
                raise BuildError(f"musl-gcc {SRC[part]}: {p.stderr.strip()[-300:]}", log)
        exes[(part, libc)] = out
    return exes


def reference_cmd(part, ref_arch, args, lock, built, work):
    """The reference program's command line (built once per part and arch)."""
    with lock:
        key = (part, ref_arch)
        if key not in built:
            outdir = os.path.join(work, "reference", ref_arch)
            built[key] = reference.build(SRC[part], ref_arch, outdir,
                                         **(MATH_REF_BUILD if part == "math" else {}))
    return reference.COMPILERS[ref_arch][1] + [built[key], *args]


# ---- the command ------------------------------------------------------------

class Soak:
    def __init__(self, a):
        self.parts = [p for p in (a.only.split(",") if a.only else PARTS)]
        for p in self.parts:
            if p not in PARTS:
                sys.exit(f"x.py: unknown soak part '{p}' (known: {', '.join(PARTS)})")
        self.arches = [x for v in (a.arch or ["all"]) for x in arch_list(v)]
        self.c = counts(a.scale)
        self.pool = concurrent.futures.ThreadPoolExecutor(max(1, a.jobs))
        self.ref_times = []
        # Everything a run writes (programs, references' outputs) is in a
        # directory of its own, removed at the end: soaks may run side by side.
        os.makedirs(SOAK_DIR, exist_ok=True)
        self.work = tempfile.mkdtemp(prefix="run-", dir=SOAK_DIR)
        self.refs = Refs(self.pool, self.ref_times, self.work)
        self.tracker = Tracker()
        self.lock = threading.Lock()
        self.ref_built = {}
        self.results = {arch: {} for arch in self.arches}
        self.lines = []
        self.per_arch = {}  # arch -> [passed, failed] (a build failure is in lines)
        self.started = time.monotonic()

    def elapsed(self):
        s = int(time.monotonic() - self.started)
        return f"{s // 60}:{s % 60:02}"

    def plan(self):
        for arch in self.arches:
            for part, libc in variants(arch, self.parts):
                for run in part_runs(part, arch, self.c):
                    self.refs.expect(run[0])

    def start_arch(self, arch, exes):
        for (part, libc), exe in exes.items():
            runs = part_runs(part, arch, self.c)
            p = self.results[arch][(part, libc)] = Part(arch, part, libc, len(runs))
            self.tracker.add(len(runs))
            for key, rargs, renv, args, env in runs:
                try:
                    cmd = reference_cmd(part, key[1], rargs, self.lock, self.ref_built,
                                        self.work)
                except BuildError as e:
                    self.finish_run(p, key, 1, b"", str(e).encode(), 0.0)
                    continue
                mode = "native" if libc == "musl" else mode_of(arch)

                def run(path, why, p=p, key=key, args=args, env=env, exe=exe, mode=mode):
                    if why:
                        self.finish_run(p, key, 1, b"", why.encode(), 0.0)
                        return
                    rc, out, err, secs = run_with(arch, mode, exe, args, env, path)
                    self.finish_run(p, key, rc, out, err, secs)
                self.refs.when_ready(key, cmd, dict(BASE_ENV, **renv), run)

    def finish_run(self, p, key, rc, out, err, secs):
        self.refs.done(key)
        with self.lock:
            p.add(rc, out, err, secs)
            p.left -= 1
            if not p.left:
                say(f"{self.elapsed()} {p.arch} {p.part} ({p.libc}) done: "
                    f"{p.seconds:.0f} CPU s")
        self.tracker.finish()

    def skip_arch(self, arch, why):
        """A build failed: its runs will not read their references."""
        for part, libc in variants(arch, self.parts):
            for run in part_runs(part, arch, self.c):
                self.refs.done(run[0])
        self.lines.append(("fail", f"{arch}: build failed: {why}"))

    def cpu(self):
        """CPU seconds of every run and reference."""
        return sum(p.seconds for parts in self.results.values() for p in parts.values()) \
            + sum(secs for _, secs in self.ref_times)

    def run(self):
        self.plan()
        say(f"soak {', '.join(self.arches)}: {', '.join(self.parts)}; counts {self.c}")
        for arch in self.arches:
            say(f"{self.elapsed()} {arch}: building")
            log = []
            try:
                exes = build_arch(arch, self.parts, self.work, log)
            except (BuildError, subprocess.CalledProcessError) as e:
                print("".join(log)[-3000:])
                self.skip_arch(arch, str(e))
                continue
            say(f"{self.elapsed()} {arch}: built; its runs start")
            self.start_arch(arch, exes)
        self.tracker.wait()
        self.pool.shutdown()
        shutil.rmtree(self.work, ignore_errors=True)
        for arch in self.arches:
            res = judge(arch, self.results[arch])
            self.per_arch[arch] = [sum(st == w for st, _ in res) for w in ("pass", "fail")]
            self.lines += res
        for status, line in self.lines:
            print(f"{status.upper():5} {line}")
        npass = sum(s == "pass" for s, _ in self.lines)
        nfail = sum(s == "fail" for s, _ in self.lines)
        write_summary(self)
        print(f"took {time.monotonic() - self.started:.0f}s, {self.cpu():.0f} CPU s "
              f"(runs and references); summary in {os.path.relpath(SUMMARY, ROOT)}")
        print(f"{npass} passed, {nfail} failed")
        return nfail == 0 and npass > 0


TIMEOUT = 7200  # seconds for one program


def measured(cmd, stdin, stdout, env):
    """Runs `cmd` in the temporary directory: (status, stdout (when
    `stdout` is PIPE), stderr, CPU seconds). CPU time (from wait4, qemu's
    included) rather than wall time, so that what a part costs does not
    depend on what else the machine runs."""
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env,
                         cwd=tempfile.gettempdir())
    bufs = {}

    def drain(name, f):
        bufs[name] = f.read()
    readers = [threading.Thread(target=drain, args=(n, f)) for n, f in
               (("out", p.stdout), ("err", p.stderr)) if f is not None]
    for t in readers:
        t.start()
    killer = threading.Timer(TIMEOUT, p.kill)
    killer.start()
    # wait4 reaps the child itself (Popen must not), for its rusage.
    _, status, usage = os.wait4(p.pid, 0)
    killer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    for t in readers:
        t.join()
    return p.returncode, bufs.get("out", b""), bufs.get("err", b""), \
        usage.ru_utime + usage.ru_stime


def run_with(arch, mode, exe, args, env, path):
    """Runs `exe` with the reference's output file as its standard input."""
    cmd = runner(arch, mode) + [exe, *args]
    try:
        with open(path, "rb") as stdin:
            return measured(cmd, stdin, subprocess.PIPE, dict(BASE_ENV, **env))
    except OSError as e:
        return "error", b"", str(e).encode(), 0.0


# ---- the summary --------------------------------------------------------------

def write_summary(s):
    out = [f"# ./x.py soak", "",
           f"Counts: {s.c['ld']} long double printf cases per arch (chunks of "
           f"{s.c['ld_chunk']}), {s.c['math']} inputs per math function, {s.c['mathl']} "
           f"per long double function, {s.c['time']} random times per zone. "
           f"Took {time.monotonic() - s.started:.0f} s, {s.cpu():.0f} CPU s.", ""]
    out += ["| arch | passed | failed |", "|---|---|---|"]
    out += [f"| {arch} | {p} | {f} |" for arch, (p, f) in s.per_arch.items()]
    out += [f"- {line}" for st, line in s.lines if st == "fail" and ": build failed" in line]
    out += ["", "## CPU time (seconds; qemu's included)", "",
            "| arch | part | libc | runs |", "|---|---|---|---|"]
    for arch in s.arches:
        for (part, libc), p in sorted(s.results[arch].items()):
            out.append(f"| {arch} | {part} | {libc} | {p.seconds:.0f} |")
    refs = {}  # (part, glibc arch) -> [programs, CPU s]
    for key, secs in s.ref_times:
        r = refs.setdefault(key[:2], [0, 0.0])
        r[0] += 1
        r[1] += secs
    out += ["", "| reference (part, glibc) | runs | CPU |", "|---|---|---|"]
    out += [f"| {part} {ref} | {n} | {secs:.0f} |" for (part, ref), (n, secs) in sorted(refs.items())]
    for arch in s.arches:
        parts = s.results[arch]
        out += ["", f"## {arch} ({mode_of(arch)})", ""]
        ld = parts.get(("ld", "muslin"))
        if ld:
            out += ["| ld_diff | cases | differ |", "|---|---|---|"]
            out += [f"| {k} | {n} | {b} |" for k, (n, b) in sorted(ld.cases.items())]
            out += [f"- {e}" for e in ld.errors] + [""]
        p, m = parts.get(("math", "muslin")), parts.get(("math", "musl"))
        if p:
            out += ["math_diff: max ulp against glibc (and the test's bound on it); "
                    "error: max |result - exact| in ulps of the result at the exact "
                    "value (libquadmath), over the same inputs for muslin, glibc"
                    + (" and musl; WORSE: muslin's over musl's by more than "
                       f"{WORSE_EPS}" if m else "") + ".", ""]
            out += ["| function | max ulp vs glibc | bound | error | glibc's error | " +
                    ("musl's error | vs musl |" if m else ""),
                    "|---|---|---|---|---|" + ("---|---|" if m else "")]
            for name, v in sorted(p.cases.items()):
                ok, ulp, err, gerr = v
                row = f"| {name} | {fmt_ulp(ulp)} | {'ok' if ok else 'FAIL'} | " \
                    f"{fmt_err(err)} | {fmt_err(gerr)} |"
                if m:
                    mv = m.cases.get(name)
                    row += " - | - |" if mv is None else \
                        f" {fmt_err(mv[2]) if mv[2] is not None else fmt_ulp(mv[1])} | " + \
                        ("WORSE" if math_worse(v, mv) else "ok") + " |"
                out.append(row)
            out += [f"- {e}" for e in p.errors] + [""]
        for part in ("mathl",):
            p, m = parts.get((part, "muslin")), parts.get((part, "musl"))
            if not p:
                continue
            head = "| function | muslin max ulp | bound | " + \
                ("musl max ulp | vs musl |" if m else "")
            out += [head, "|---|---|---|" + ("---|---|" if m else "")]
            for name, (ok, ulp) in sorted(p.cases.items()):
                row = f"| {name} | {fmt_ulp(ulp)} | {'ok' if ok else 'FAIL'} |"
                if m:
                    mu = m.cases.get(name, (None, None))[1]
                    row += f" {fmt_ulp(mu) if mu is not None else '-'} | " + \
                        ("-" if mu is None else "WORSE" if ulp > mu else "ok") + " |"
                out.append(row)
            out += [f"- {e}" for e in p.errors] + [""]
        t = parts.get(("time", "muslin"))
        if t:
            bad = [k for k, (ok, _) in t.cases.items() if not ok]
            times = sum(int(x) for k in t.cases for x in re.findall(r"^localtime .*\((\d+) cases\)",
                                                                    k))
            out += [f"time_diff: {len(t.cases)} checks, {len(bad)} failed, "
                    f"{times} times (localtime cases) over all zones"]
            out += [f"- FAIL {k}" for k in bad] + [f"- {e}" for e in t.errors] + [""]
    os.makedirs(os.path.dirname(SUMMARY), exist_ok=True)
    with open(SUMMARY, "w") as f:
        f.write("\n".join(out) + "\n")


def cmd_soak(a):
    setup(quiet=True)
    if a.scale <= 0:
        sys.exit("x.py: --scale must be positive")
    sys.exit(0 if Soak(a).run() else 1)
