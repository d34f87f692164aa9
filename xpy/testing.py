"""`./x.py test`: builds every test for each arch, runs it natively and/or
under qemu, judges it, and prints one line per result.

Arches go through a pipeline: up to --build-jobs arches build at once
(each in its own target directory, its cargo and clang output kept in a
log that is shown only when the build fails), and an arch's programs run
(--jobs at a time, all arches sharing the pool) as soon as it is built,
while the next arch builds. Progress lines say which arch is at which step
and how far it is; each arch's results are printed together when its last
program has run. The last build step of an arch is the out-of-tree crate
flow (xpy/new.py: `./x.py new`, then plain `cargo run` in the new crate)."""

import concurrent.futures
import os
import re
import subprocess
import sys
import threading
import time

from .build import build_c_examples, build_lib, cargo_build, sources
from .cc import cc, install_driver
from .cctest import cc_tests
from .common import OUT_DIR, ROOT, TARGET_DIR, TOOLCHAIN, BuildError, arch_list, host_arch, say
from .expect import ExpectError, read_spec
from . import new, reference
from .judge import apply_xfail, example_checks, judge, judge_spec, proven_xfails
from .run import BASE_ENV, modes, run_program
from .toolchain import setup

STEPS = 5  # cargo build, libmuslin.a, C programs, the new crate, running
HOST_TESTS = os.path.join(ROOT, "tests", "host", "Cargo.toml")


class Progress:
    """Progress lines from many threads: `x.py: M:SS ARCH [STEP/4] what`.
    Counts (`n/total`) are printed at most every `every` seconds per arch,
    and always when they reach the total."""

    def __init__(self, arches, every=10.0):
        self.started = time.monotonic()
        self.lock = threading.Lock()
        self.every = every
        self.last = {}
        self.arches = len(arches)
        self.finished = 0

    def elapsed(self):
        s = int(time.monotonic() - self.started)
        return f"{s // 60}:{s % 60:02}"

    def note(self, what):
        with self.lock:
            say(f"{self.elapsed()} {what}")

    def step(self, arch, n, what):
        with self.lock:
            say(f"{self.elapsed()} {arch} [{n}/{STEPS}] {what}")
            self.last[arch] = time.monotonic()

    def count(self, arch, n, what, done, total):
        with self.lock:
            now = time.monotonic()
            if done < total and now - self.last.get(arch, 0) < self.every:
                return
            self.last[arch] = now
            say(f"{self.elapsed()} {arch} [{n}/{STEPS}] {what} {done}/{total}")

    def arch_done(self, arch, counts):
        with self.lock:
            self.finished += 1
            say(f"{self.elapsed()} {arch} done ({self.finished}/{self.arches} arches): "
                + summary(counts))

    def print_block(self, lines):
        with self.lock:
            for line in lines:
                print(line)
            sys.stdout.flush()


def summary(counts):
    tail = f"{counts['pass']} passed, {counts['fail']} failed"
    if counts["xfail"]:
        tail += f", {counts['xfail']} xfail"
    return tail


def tally(results):
    counts = {"pass": 0, "fail": 0, "xfail": 0}
    for status, _ in results:
        counts[status] += 1
    return counts


def build_arch(arch, progress, log, filter_):
    """Builds `arch`'s tests and examples and tries the new-crate flow:
    ({test name: (exe, source)}, {example name: exe}, [new-crate results]).
    Rust test NAME comes from tests/NAME.rs, C test NAME_c from tests/NAME.c.
    A FILTER that selects only the new-crate flow builds nothing else."""
    tests, examples = {}, {}
    if selects_programs(filter_):
        tests, examples = build_programs(arch, progress, log)
    flow = []
    if new.selected(filter_):
        progress.step(arch, 4, "the new crate: ./x.py new, cargo run, cargo run --release")
        flow = new.flow(arch, log)
    return tests, examples, flow


def build_programs(arch, progress, log):
    """Steps 1 to 3 of build_arch: the tests and the examples."""
    rust, c = sources("tests", ".rs"), sources("tests", ".c")
    progress.step(arch, 1, f"building {len(rust)} Rust tests and the examples (cargo)")
    built = dict(cargo_build(arch, [f"--test={t}" for t in rust] + ["--examples"], log=log))
    tests = {t: (built[t], os.path.join(ROOT, "tests", t + ".rs")) for t in rust}
    examples = {n: exe for n, exe in built.items() if n not in tests}
    progress.step(arch, 2, "building libmuslin.a")
    lib = build_lib(arch, True, log)
    install_driver(arch)
    progress.step(arch, 3, f"compiling {len(c)} C tests and the C examples")
    outdir = os.path.join(OUT_DIR, arch, "tests")
    os.makedirs(outdir, exist_ok=True)
    for i, name in enumerate(c, 1):
        src, out = os.path.join(ROOT, "tests", name + ".c"), os.path.join(outdir, name + "_c")
        cc(arch, [src], out, lib, log)
        tests[name + "_c"] = (out, src)
        progress.count(arch, 3, "C tests", i, len(c))
    examples.update(build_c_examples(arch, True, lib, log))
    return tests, examples


def plan(arch, tests, examples, filter_):
    """The runs of one arch: [(mode, name, exe, source or None)]."""
    jobs = []
    for mode in modes(arch):
        jobs += [(mode, name, exe, src) for name, (exe, src) in sorted(tests.items())
                 if not filter_ or filter_ in name]
        if not filter_ or filter_ in "examples":
            jobs.append((mode, "examples", examples, None))
    if cc_selected(filter_):
        # The C driver's tests run its programs once per arch, the first way.
        jobs.append((modes(arch)[0], "cc", install_driver(arch), CC_JOB))
    return jobs


CC_JOB = "cc driver"


def cc_selected(filter_):
    """FILTER selects the driver's tests (all of them) by `cc` or `cc::`."""
    return not filter_ or filter_ in "cc::"


def run_job(arch, job):
    """Runs one test (or the example checks) and judges it."""
    mode, name, exe, src = job
    label = f"{arch}/{mode} {name}"
    if src is None:
        return [(s, f"{arch}/{mode} {line}") for s, line in example_checks(arch, mode, exe)]
    if src == CC_JOB:
        return cc_tests(arch, mode, exe)
    try:
        spec = read_spec(src)
    except ExpectError as e:
        return [("fail", f"{label}: bad expectation: {e}")]
    env = dict(BASE_ENV, **spec.get("env", {}))
    stdin = spec.get("stdin", b"")
    if "reference" in spec:
        stdin, why = reference.output(src, spec["reference"], arch, spec)
        if why:
            return [("fail", f"{label}: {why}")]
    rc, out, err, _ = run_program(arch, mode, exe, spec.get("args", []), env, stdin)
    if "status" in spec:
        return judge_spec(label, spec, rc, out, err)
    return judge(label, rc, out, err)


def run_arch(arch, jobs, runs, progress):
    """Runs `jobs` on the `runs` pool; returns their results in job order."""
    xfails = proven_xfails(arch, modes(arch))
    futures = [runs.submit(run_job, arch, job) for job in jobs]
    done = 0
    for _ in concurrent.futures.as_completed(futures):
        done += 1
        progress.count(arch, STEPS, "ran", done, len(jobs))
    return [line for job, f in zip(jobs, futures)
            for line in apply_xfail(xfails.get(job[:2]), f.result())]


def build_failed(arch, e, log, progress):
    """Shows a failed build's output; its one result is a failure."""
    msg = str(e) if isinstance(e, BuildError) else \
        f"command failed (exit {e.returncode}): {' '.join(map(str, e.cmd))}"
    progress.print_block([f"x.py: {arch}: the build failed; its output:",
                          *"".join(log).splitlines(), f"x.py: {arch}: {msg}"])
    return [("fail", f"{arch}: build failed: {msg}")]


def test_arch(arch, a, build, log, runs, progress):
    """Waits for `arch`'s `build` (a future of build_arch), runs its tests,
    prints its results; returns them."""
    try:
        tests, examples, flow = build.result()
    except (BuildError, subprocess.CalledProcessError) as e:
        results = build_failed(arch, e, log, progress)
    else:
        jobs = plan(arch, tests, examples, a.filter)
        progress.step(arch, STEPS, f"running {len(jobs)} programs ({', '.join(modes(arch))})")
        results = run_arch(arch, jobs, runs, progress) + flow
        progress.print_block(f"{status.upper():5} {line}" for status, line in results)
    progress.arch_done(arch, tally(results))
    return results


def parse_host_results(out):
    """The results in `cargo test`'s output, failures with their mismatch lines."""
    results = []
    for m in re.finditer(r"^test (\S+) \.\.\. (ok|FAILED|ignored)$", out, re.M):
        name, verdict = m.groups()
        if verdict == "ignored":
            continue
        why = ""
        if verdict == "FAILED":
            block = re.search(rf"^---- {re.escape(name)} stdout ----\n(.*?)(?=^----|^failures:)",
                              out, re.M | re.S)
            lines = [ln for ln in (block.group(1) if block else "").splitlines()
                     if "mismatch" in ln or ln.startswith("seed ")]
            why = f" ({' | '.join(lines[:3])[:400]})" if lines else ""
        results.append(("pass" if verdict == "ok" else "fail", f"host/native {name}{why}"))
    return results


def host_selected(filter_):
    """The host tests run on an x86_64 host; FILTER selects them by `host`
    or by a test name after `host`."""
    if filter_ and filter_ not in "host" and not filter_.startswith("host"):
        return False
    return host_arch() == "x86_64"


def host_tests():
    """Differential tests of the formatting/parsing engines (src/fmt/)
    against the host glibc: tests/host/, a crate of its own built for the
    host. One result per test function, labelled `host/native NAME`."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("RUSTFLAGS", "RUSTC_WRAPPER", "CARGO_TARGET_DIR")}
    cmd = ["cargo", f"+{TOOLCHAIN}", "test", "--release", "--manifest-path", HOST_TESTS,
           "--target-dir", os.path.join(TARGET_DIR, "host"), "--", "--test-threads=2"]
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=1200)
    results = parse_host_results(p.stdout.decode(errors="replace"))
    if p.returncode != 0 and not any(s == "fail" for s, _ in results):
        tail = p.stderr.decode(errors="replace").strip().splitlines()[-3:]
        results.append(("fail", f"host/native tests/host: exit status {p.returncode}: "
                        + " | ".join(tail)))
    return results


def host_block(filter_, progress):
    if not host_selected(filter_):
        return []
    progress.note("host: building and running tests/host (differential, against glibc)")
    results = host_tests()
    progress.print_block(f"{status.upper():5} {line}" for status, line in results)
    return results


def selects_programs(filter_):
    """Whether `filter_` selects a test program or the examples."""
    names = sources("tests", ".rs") + [c + "_c" for c in sources("tests", ".c")]
    return not filter_ or filter_ in "examples" or cc_selected(filter_) \
        or any(filter_ in n for n in names)


def selects_any(filter_):
    """Whether `filter_` selects any arch's test (else no arch need build)."""
    return selects_programs(filter_) or new.selected(filter_)


def cmd_test(a):
    setup(quiet=True)
    arches = arch_list(a.arch, default_all=True) if selects_any(a.filter) else []
    progress = Progress(arches)
    build_jobs = max(1, min(a.build_jobs, len(arches)))
    if arches:
        say(f"testing {', '.join(arches)}: {build_jobs} building at a time, "
            f"{a.jobs} programs running at a time")
    else:
        say(f"no test of an arch matches {a.filter!r}: no arch to build")
    with concurrent.futures.ThreadPoolExecutor(build_jobs) as builds, \
            concurrent.futures.ThreadPoolExecutor(a.jobs) as runs, \
            concurrent.futures.ThreadPoolExecutor(max(1, len(arches))) as per_arch:
        logs = {arch: [] for arch in arches}
        built = {arch: builds.submit(build_arch, arch, progress, logs[arch], a.filter)
                 for arch in arches}
        # The host tests build with cargo too: they take the next build slot.
        host = builds.submit(host_block, a.filter, progress)
        futures = [per_arch.submit(test_arch, arch, a, built[arch], logs[arch], runs, progress)
                   for arch in arches]
        results = [r for f in futures for r in f.result()] + host.result()
    counts = tally(results)
    print(f"took {time.monotonic() - progress.started:.0f}s")
    print(summary(counts))
    sys.exit(1 if counts["fail"] or not results else 0)
