#!/usr/bin/env python3
"""x.py: the one driver for muslin: setup, build, run, test, cc, size, bench.

Every command first checks (and installs, saying so) what it needs: the
pinned Rust toolchain, qemu-user, clang and lld. Standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.abspath(__file__))
TARGET_DIR = os.path.join(ROOT, "target")
OUT_DIR = os.path.join(ROOT, "out")

# arch name -> Rust target, clang target (+flags), qemu-user binary, runs natively?
ARCHES = {
    "x86_64": dict(rust="x86_64-unknown-linux-gnu", clang=["--target=x86_64-linux-gnu"],
                   qemu="qemu-x86_64", native=True),
    "i386": dict(rust="i686-unknown-linux-gnu", clang=["--target=i686-linux-gnu"],
                 qemu="qemu-i386", native=True),
    "aarch64": dict(rust="aarch64-unknown-linux-gnu", clang=["--target=aarch64-linux-gnu"],
                    qemu="qemu-aarch64", native=False),
    "arm": dict(rust="armv7-unknown-linux-gnueabihf",
                clang=["--target=armv7a-linux-gnueabihf", "-marm", "-mfloat-abi=hard",
                       "-mfpu=vfpv3-d16"],
                qemu="qemu-arm", native=False),
    "riscv64": dict(rust="riscv64gc-unknown-linux-gnu",
                    clang=["--target=riscv64-linux-gnu", "-march=rv64gc", "-mabi=lp64d",
                           "-mno-relax"],
                    qemu="qemu-riscv64", native=False),
    "powerpc64le": dict(rust="powerpc64le-unknown-linux-gnu",
                        clang=["--target=powerpc64le-linux-gnu"],
                        qemu="qemu-ppc64le", native=False),
    "s390x": dict(rust="s390x-unknown-linux-gnu", clang=["--target=s390x-linux-gnu"],
                  qemu="qemu-s390x", native=False),
    # LSX (128-bit SIMD) is on by default in rustc and clang, but qemu-user 7.2
    # does not implement it (SIGILL on the first vector instruction): turn it off.
    "loongarch64": dict(rust="loongarch64-unknown-linux-gnu",
                        clang=["--target=loongarch64-linux-gnu", "-mno-lsx"],
                        rustflags=["-C", "target-feature=-lsx"],
                        qemu="qemu-loongarch64", native=False),
}
ALL = list(ARCHES)

TOOLCHAIN = "nightly-2026-05-19"
LLVM_BIN = "/usr/lib/llvm-19/bin"
APT_PACKAGES = {  # package -> file that proves it is installed
    "qemu-user": "/usr/bin/qemu-aarch64",
    "clang-19": LLVM_BIN + "/clang",
    "lld-19": LLVM_BIN + "/ld.lld",
    "llvm-19": LLVM_BIN + "/llvm-strip",
}

# Flags for every muslin program: static, non-PIE, no unwind tables, linked
# by rust-lld directly (no C toolchain involved).
RUSTFLAGS = [
    "-C", "linker=rust-lld", "-C", "linker-flavor=ld.lld",
    "-C", "relocation-model=static", "-C", "target-feature=+crt-static",
    "-C", "force-unwind-tables=no", "-C", "panic=abort", "-Z", "plt=yes",
    # Merged globals would tie unrelated statics (and all the code their
    # relocations reach) into one section that --gc-sections cannot split.
    "-C", "llvm-args=-enable-global-merge=false",
    # No jump tables: non-PIC entries are 8 bytes each, and the compare
    # trees that replace them are smaller (printf's conversion switch).
    "-C", "llvm-args=-min-jump-table-entries=1000",
    "-C", "link-arg=--build-id=none", "-C", "link-arg=-znorelro",
    "-C", "link-arg=-znoexecstack", "-C", "link-arg=--no-eh-frame-hdr",
    "-C", "link-arg=--no-rosegment",
    "-C", "link-arg=-T" + os.path.join(ROOT, "crt", "muslin.ld"),
]
BUILD_STD = ["-Zbuild-std=core,alloc,compiler_builtins",
             "-Zbuild-std-features=compiler-builtins-mem"]


def say(msg):
    print(f"x.py: {msg}", flush=True)


def die(msg, code=2):
    print(f"x.py: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


def run_cmd(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------- setup

def cargo_env():
    env = dict(os.environ)
    env["RUSTFLAGS"] = " ".join(RUSTFLAGS)
    env.pop("RUSTC_WRAPPER", None)
    env["CARGO_TERM_COLOR"] = env.get("CARGO_TERM_COLOR", "never")
    return env


def setup(quiet=False):
    """Installs what is missing: toolchain + rust-src, qemu-user, clang, lld."""
    have_rustup = shutil.which("rustup") or os.path.exists(
        os.path.expanduser("~/.cargo/bin/rustup"))
    if not have_rustup:
        die("rustup is not installed: install it (https://rustup.rs), then rerun")
    rustup = shutil.which("rustup") or os.path.expanduser("~/.cargo/bin/rustup")
    tl = subprocess.run([rustup, "toolchain", "list"], capture_output=True, text=True).stdout
    if TOOLCHAIN not in tl:
        say(f"installing Rust toolchain {TOOLCHAIN} with rust-src, rustfmt, clippy")
        run_cmd([rustup, "toolchain", "install", TOOLCHAIN, "--profile", "minimal",
                 "-c", "rust-src", "-c", "rustfmt", "-c", "clippy"])
    else:
        comps = subprocess.run([rustup, "component", "list", "--installed", "--toolchain",
                                TOOLCHAIN], capture_output=True, text=True).stdout
        missing = [c for c in ("rust-src", "rustfmt", "clippy") if c not in comps]
        if missing:
            say(f"adding components {', '.join(missing)} to {TOOLCHAIN}")
            run_cmd([rustup, "component", "add", "--toolchain", TOOLCHAIN] + missing)
    need = [p for p, f in APT_PACKAGES.items() if not os.path.exists(f)]
    if need:
        apt_install(need)
    elif not quiet:
        say("toolchain, qemu-user, clang and lld are installed")


def apt_install(packages, check=True):
    """apt-get installs `packages` (names may carry ':arch'; a foreign arch
    is added to dpkg first). An `apt-get update` that fails only for some
    index is not fatal: the install says whether what is needed was found.
    Returns True on success; with check=False a failed install returns False."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    foreign = {p.split(":", 1)[1] for p in packages if ":" in p}
    if foreign:
        have = subprocess.run(["dpkg", "--print-foreign-architectures"], capture_output=True,
                              text=True).stdout.split()
        for arch in sorted(foreign - set(have)):
            say(f"adding the {arch} architecture to dpkg (dpkg --add-architecture {arch})")
            run_cmd(sudo + ["dpkg", "--add-architecture", arch])
    say(f"installing {' '.join(packages)} with apt-get")
    if subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env).returncode != 0:
        say("apt-get update reported errors; trying the install anyway")
    p = subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + packages, env=env)
    if p.returncode != 0:
        if check:
            die(f"apt-get install {' '.join(packages)} failed", 1)
        return False
    return True


# ---------------------------------------------------------------- build

def arch_list(value, default_all=False):
    if value is None:
        return ALL if default_all else [host_arch()]
    if value == "all":
        return ALL
    out = []
    for a in value.split(","):
        if a not in ARCHES:
            die(f"unknown arch '{a}' (known: {', '.join(ALL)}, all)")
        out.append(a)
    return out


def host_arch():
    m = platform.machine()
    return {"x86_64": "x86_64", "amd64": "x86_64", "i686": "i386", "aarch64": "aarch64",
            "riscv64": "riscv64", "s390x": "s390x", "ppc64le": "powerpc64le",
            "loongarch64": "loongarch64", "armv7l": "arm"}.get(m, "x86_64")


def profile_dir(release):
    return "release" if release else "debug"


def cargo_build(arch, what, release=True, verb="build"):
    """Builds `what` (cargo target selection args) for `arch`; returns the
    list of (name, executable path) cargo produced."""
    t = ARCHES[arch]["rust"]
    cmd = ["cargo", f"+{TOOLCHAIN}", verb, "--target", t, *BUILD_STD,
           "--message-format=json-render-diagnostics", *what]
    if release:
        cmd.append("--release")
    env = cargo_env()
    env["RUSTFLAGS"] = " ".join([env["RUSTFLAGS"], *ARCHES[arch].get("rustflags", [])])
    p = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE)
    if p.returncode != 0:
        die(f"build for {arch} failed", 1)
    exes = []
    for line in p.stdout.decode().splitlines():
        try:
            m = json.loads(line)
        except ValueError:
            continue
        if m.get("reason") == "compiler-artifact" and m.get("executable"):
            exes.append((m["target"]["name"], m["executable"]))
    return exes


def staticlib(arch, release=True):
    return os.path.join(TARGET_DIR, ARCHES[arch]["rust"], profile_dir(release), "libmuslin.a")


def build_lib(arch, release=True):
    """libmuslin.a for C programs. Built on its own (not as a second crate
    type of the rlib) so that LTO merges core into one object: otherwise
    --gc-sections cannot drop the parts of core a C program never uses
    (powerpc64's per-object TOC keeps all of them alive)."""
    cargo_build(arch, ["--lib", "--crate-type", "staticlib"], release, verb="rustc")
    return staticlib(arch, release)


def rust_examples():
    return sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".rs"))


def c_examples():
    return sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".c"))


# ---------------------------------------------------------------- cc

def clang_flags(arch):
    inc = os.path.join(ROOT, "include")
    arch_inc = os.path.join(ROOT, "arch", arch, "include")
    res = subprocess.run([LLVM_BIN + "/clang", "-print-resource-dir"], capture_output=True,
                         text=True).stdout.strip()
    return [*ARCHES[arch]["clang"], "-nostdinc", "-ffreestanding", "-fno-pic", "-fno-pie",
            "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
            "-ffunction-sections", "-fdata-sections",
            "-isystem", arch_inc, "-isystem", inc, "-isystem", os.path.join(res, "include")]


def rust_lld():
    sysroot = subprocess.run(["rustc", f"+{TOOLCHAIN}", "--print", "sysroot"],
                             capture_output=True, text=True).stdout.strip()
    host = subprocess.run(["rustc", f"+{TOOLCHAIN}", "-vV"], capture_output=True,
                          text=True).stdout
    host = re.search(r"host: (\S+)", host).group(1)
    return os.path.join(sysroot, "lib", "rustlib", host, "bin", "rust-lld")


def cc(arch, args, out, release=True, lib=None):
    """Compiles and links C sources into a static muslin binary."""
    lib = lib or build_lib(arch, release)
    sources = [a for a in args if a.endswith((".c", ".S", ".s"))]
    flags = [a for a in args if a not in sources]
    cflags = [f for f in flags if not f.startswith(("-l", "-L", "-Wl,"))]
    ldflags = [f for f in flags if f.startswith(("-l", "-L"))]
    ldflags += [x for f in flags if f.startswith("-Wl,") for x in f[4:].split(",")]
    if not any(f.startswith("-O") for f in cflags):
        cflags.append("-O2")
    with tempfile.TemporaryDirectory() as tmp:
        objs = []
        for i, src in enumerate(sources):
            obj = os.path.join(tmp, f"{i}.o")
            run_cmd([LLVM_BIN + "/clang", *clang_flags(arch), *cflags, "-c", src, "-o", obj])
            objs.append(obj)
        run_cmd([rust_lld(), "-flavor", "gnu", "-static", "--gc-sections", "--build-id=none",
                 "-znorelro", "-znoexecstack", "--no-rosegment",
                 "-T", os.path.join(ROOT, "crt", "muslin.ld"), "-o", out, *objs, *ldflags, lib])


# ---------------------------------------------------------------- run

def runner(arch, mode):
    """Command prefix to run an `arch` binary: [] natively, [qemu] otherwise."""
    if mode == "native":
        return []
    return [ARCHES[arch]["qemu"]]


def modes(arch, force_qemu=False):
    if ARCHES[arch]["native"] and host_arch() == "x86_64" and not force_qemu:
        return ["native", "qemu"]
    return ["qemu"]


def build_examples(arch, release):
    exes = dict(cargo_build(arch, ["--examples"], release))
    lib = build_lib(arch, release)
    outdir = os.path.join(OUT_DIR, arch)
    os.makedirs(outdir, exist_ok=True)
    for name in c_examples():
        out = os.path.join(outdir, name + "_c")
        cc(arch, [os.path.join(ROOT, "examples", name + ".c")], out, release, lib)
        exes[name + ".c"] = out
    return exes


# ---------------------------------------------------------------- test

# Per-test expectations beyond the default protocol (exit 0, one line per
# case: `ok NAME`, `FAIL NAME: why`, or `xfail NAME: why`).
# A spec with `status` (and optionally `stdout`) is judged on those alone.
STARTUP = dict(args=["alpha", "beta gamma", ""], env={"MUSLIN_TEST": "yes", "EMPTY": ""})
EXIT_ORDER = b"ctor\nmain\natexit 2\natexit 1\nfini\n"
# tests/stdio_order.c: each piece ends at an fflush (or write) in the program.
STDIO_ORDER = (b"ba" + b"dc\n" + b"egf" + b"kp: No such file or directory\nh\nij" + b"nm"
               + b"<" + b"x" * 8191 + b">" + b"|tail")
STDIO_STDIN = dict(
    status=3,
    stdin=b"42 hello 3.5\nrest of line\n12abc -7\n  x=1,y=2\n" + b"L" * 5000 + b"\nend 9\n",
    stdout=b"scanf 3: 42 hello 3.5\ngetchar 10\nfgets rest of line\nlookahead 1 12 a\n"
           b"skip 1 -7\nvscanf 2 1 2\ngetline 5001 L L\nend 1 9\neof -1 feof 1\n"
           b"no newline at exit")
TEST_SPECS = {
    "startup": STARTUP,
    "startup_c": STARTUP,
    "exit": dict(status=42, stdout=EXIT_ORDER),
    "exit_c": dict(status=42, stdout=EXIT_ORDER),
    "abort": dict(status=-6, stdout=b"handler ran\n"),
    "abort_c": dict(status=-6, stdout=b"handler ran\n"),
    "thread_exit_last_c": dict(status=0,
                               stdout=b"main exits\nworker exits last\natexit ran\n"),
    "stdio_order_c": dict(status=0, stdout=STDIO_ORDER),
    "stdio_unbuffered_c": dict(status=5, stdout=b"abcde\nfgh42i\nkjl\nmon\nrq"),
    "stdio_lost_c": dict(status=0, stdout=b"kept\nwritten\n"),
    "stdio_stdin_c": STDIO_STDIN,
}


# Failures caused by emulator bugs, each proven by a program that uses no
# muslin (and no libc) and behaves differently under qemu than natively. A
# listed test's failures count as xfail only while its proof still shows the
# bug under the installed qemu; if the proof passes, they are failures again.
XFAILS = {
    ("i386", "qemu", "cancel_c"): dict(
        proof="tests/qemu/i386_tls_gdt.c",
        why="qemu-i386 7.2 keeps one TLS GDT entry for all threads, so a thread "
            "returning from a signal handler reloads %gs with the newest thread's "
            "base; proof: tests/qemu/i386_tls_gdt.c exits 0 natively, 1 under qemu"),
}


def emulator_bug_shown(arch, proof):
    """Builds `proof` freestanding and runs it natively and under qemu:
    True when it passes natively (exit 0) and fails under qemu."""
    with tempfile.TemporaryDirectory() as tmp:
        obj, exe = os.path.join(tmp, "p.o"), os.path.join(tmp, "p")
        try:
            run_cmd([LLVM_BIN + "/clang", *ARCHES[arch]["clang"], "-ffreestanding", "-nostdlib",
                     "-fno-pic", "-fno-pie", "-fno-stack-protector", "-O1", "-c",
                     os.path.join(ROOT, proof), "-o", obj], capture_output=True)
            run_cmd([rust_lld(), "-flavor", "gnu", "-static", "-e", "_start", "-o", exe, obj],
                    capture_output=True)
        except subprocess.CalledProcessError:
            return False
        native = run_program(arch, "native", exe, timeout=30)[0] if ARCHES[arch]["native"] else 0
        emulated = run_program(arch, "qemu", exe, timeout=30)[0]
        return native == 0 and emulated != 0


def rust_tests():
    return sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, "tests")) if f.endswith(".rs"))


def c_tests():
    return sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "tests")) if f.endswith(".c"))


def build_tests(arch):
    """Returns {test name: executable} for the Rust and C tests of `arch`."""
    exes = dict(cargo_build(arch, [f"--test={t}" for t in rust_tests()]))
    lib = build_lib(arch, True)
    outdir = os.path.join(OUT_DIR, arch, "tests")
    os.makedirs(outdir, exist_ok=True)
    for name in c_tests():
        out = os.path.join(outdir, name + "_c")
        cc(arch, [os.path.join(ROOT, "tests", name + ".c")], out, True, lib)
        exes[name + "_c"] = out
    return exes


def run_program(arch, mode, exe, args=(), env=None, stdin=b"", timeout=300):
    cmd = runner(arch, mode) + [exe, *args]
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout,
                           env=env if env is not None else {"PATH": "/usr/bin:/bin"},
                           cwd=tempfile.gettempdir())
        return p.returncode, p.stdout, p.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b"", time.monotonic() - start


def judge_spec(label, spec, rc, out, err):
    """Judges a run by the exit status and output its spec expects."""
    results = []
    ok = rc == spec["status"]
    results.append(("pass" if ok else "fail", f"{label}::exit status {spec['status']}"
                    + ("" if ok else f" (got {rc}: {err.decode(errors='replace').strip()[-200:]})")))
    if "stdout" in spec:
        ok = out == spec["stdout"]
        results.append(("pass" if ok else "fail", f"{label}::output"
                        + ("" if ok else f" (got {out!r})")))
    return results


def judge(label, rc, out, err):
    """Turns one program run into per-case results [(status, line)]."""
    results = []
    failed_case = False
    for line in out.decode(errors="replace").splitlines():
        m = re.match(r"^(ok|FAIL|xfail) ([^:]+?)(?:: (.*))?$", line)
        if not m:
            continue
        kind, case, why = m.groups()
        status = {"ok": "pass", "FAIL": "fail", "xfail": "xfail"}[kind]
        failed_case |= status == "fail"
        results.append((status, f"{label}::{case}" + (f" ({why})" if why else "")))
    if rc != 0 and not failed_case:
        tail = err.decode(errors="replace").strip().splitlines()[-3:]
        results.append(("fail", f"{label}: exit status {rc}" + (f": {' | '.join(tail)}"
                                                                   if tail else "")))
    if not results:
        results.append(("fail", f"{label}: printed no result lines"))
    return results


def example_checks(arch, mode, exes):
    """Checks of the examples themselves: hello output, cat behaviour."""
    res = []
    for name, want in (("hello", b"hello, world\n"), ("hello.c", b"hello, world\n"),
                       ("println", b"hello 42\n"), ("printf_hello.c", b"hello 42\n")):
        rc, out, err, _ = run_program(arch, mode, exes[name])
        ok = rc == 0 and out == want
        res.append(("pass" if ok else "fail", f"examples::{name} prints {want.decode()!r}"
                    + ("" if ok else f" (rc={rc} out={out!r})")))
    cat = exes["cat"]
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(b"line one\nline two\n" * 1000)
        path = f.name
    try:
        rc, out, err, _ = run_program(arch, mode, cat, [path, "-"], stdin=b"from stdin\n")
        ok = rc == 0 and out == b"line one\nline two\n" * 1000 + b"from stdin\n"
        res.append(("pass" if ok else "fail", "examples::cat copies a file and stdin"
                    + ("" if ok else f" (rc={rc}, {len(out)} bytes)")))
        rc, out, err, _ = run_program(arch, mode, cat, ["/nonexistent/muslin"])
        ok = rc == 1 and err == b"cat: /nonexistent/muslin: No such file or directory\n"
        res.append(("pass" if ok else "fail", "examples::cat reports a missing file"
                    + ("" if ok else f" (rc={rc}, err={err!r})")))
        rc, out, err, _ = run_program(arch, mode, cat, [], stdin=b"only stdin\n")
        ok = rc == 0 and out == b"only stdin\n"
        res.append(("pass" if ok else "fail", "examples::cat with no arguments reads stdin"))
    finally:
        os.unlink(path)
    return res


def cmd_test(a):
    setup(quiet=True)
    arches = arch_list(a.arch, default_all=True)
    counts = {"pass": 0, "fail": 0, "xfail": 0}
    started = time.monotonic()
    jobs = []
    for arch in arches:
        say(f"building tests for {arch}")
        tests = build_tests(arch)
        examples = build_examples(arch, True)
        for mode in modes(arch):
            for name, exe in sorted(tests.items()):
                if a.filter and a.filter not in name:
                    continue
                spec = TEST_SPECS.get(name, {})
                jobs.append((arch, mode, name, exe, spec))
            if not a.filter or a.filter in "examples":
                jobs.append((arch, mode, "examples", examples, None))

    def work(job):
        arch, mode, name, exe, spec = job
        label = f"{arch}/{mode} {name}"
        if spec is None:
            return [(s, f"{arch}/{mode} {line}") for s, line in example_checks(arch, mode, exe)]
        env = {"PATH": "/usr/bin:/bin"}
        env.update(spec.get("env", {}))
        rc, out, err, _ = run_program(arch, mode, exe, spec.get("args", []), env,
                                      spec.get("stdin", b""))
        if "status" in spec:
            return judge_spec(label, spec, rc, out, err)
        return judge(label, rc, out, err)

    proven = {}
    for (arch, mode, name), x in XFAILS.items():
        if arch in arches and mode in modes(arch):
            proven[(arch, mode, name)] = x["why"] if emulator_bug_shown(arch, x["proof"]) else None

    def xfail(job, results):
        why = proven.get((job[0], job[1], job[2]))
        if not why:
            return results
        return [("xfail", f"{line} [expected: {why}]") if st == "fail" else (st, line)
                for st, line in results]

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for job, results in zip(jobs, pool.map(work, jobs)):
            for status, line in xfail(job, results):
                counts[status] += 1
                print(f"{status.upper():5} {line}", flush=True)
    for status, line in host_tests(a.filter):
        counts[status] += 1
        print(f"{status.upper():5} {line}", flush=True)
    took = time.monotonic() - started
    print(f"took {took:.0f}s")
    tail = f"{counts['pass']} passed, {counts['fail']} failed"
    if counts["xfail"]:
        tail += f", {counts['xfail']} xfail"
    print(tail)
    sys.exit(1 if counts["fail"] or not sum(counts.values()) else 0)


# ---------------------------------------------------------------- host tests

HOST_TESTS = os.path.join(ROOT, "tests", "host", "Cargo.toml")


def host_tests(filter_):
    """Differential tests of the formatting/parsing engines (src/fmt/)
    against the host glibc: tests/host/, a crate of its own built for the
    host (x86_64 only). One result per test function, labelled
    `host/native NAME`; `FILTER` selects by `host` or by a test name."""
    if filter_ and filter_ not in "host" and not filter_.startswith("host"):
        return []
    if host_arch() != "x86_64":
        return []
    say("running the host differential tests (tests/host, against glibc)")
    env = {k: v for k, v in os.environ.items() if k not in ("RUSTFLAGS", "RUSTC_WRAPPER")}
    cmd = ["cargo", f"+{TOOLCHAIN}", "test", "--release", "--manifest-path", HOST_TESTS,
           "--target-dir", os.path.join(TARGET_DIR, "host"), "--", "--test-threads=2"]
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=1200)
    out = p.stdout.decode(errors="replace")
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
    if p.returncode != 0 and not any(s == "fail" for s, _ in results):
        tail = p.stderr.decode(errors="replace").strip().splitlines()[-3:]
        results.append(("fail", f"host/native tests/host: exit status {p.returncode}: "
                        + " | ".join(tail)))
    return results


# ---------------------------------------------------------------- bench

# `./x.py bench`: bench/cancel.c and bench/libc.c built against muslin, musl
# and glibc (all static) for x86_64 and i386, run natively, one table. Not
# part of `test`.
BENCH_SRC = os.path.join(ROOT, "bench", "cancel.c")
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
# Timings are medians of many short runs, interleaved across the three
# binaries (order rotated each round) so that load from other processes on
# the machine falls on all three alike.
BENCH_READ = (11, 2)     # (runs, batches per run) of the read/raw batches
BENCH_BATCH_S = 0.025    # target length of one read batch (calibrated N)
BENCH_CREATE = (21, 1)   # (runs, batches per run) of create+join batches
BENCH_THREADS = 500      # create+join round trips per batch
BENCH_CANCEL = (10, 20)  # (runs, rounds per run): 200 cancel->join rounds
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
            cc(arch, [BENCH_SRC, "-O2"], out, True, lib)
        else:
            cmd = BASELINES[arch][libc]["cc"] + ["-o", out, BENCH_SRC]
            try:
                p = subprocess.run(cmd, capture_output=True, text=True)
            except OSError as e:
                na[(arch, libc)] = f"{cmd[0]}: {e.strerror}"
                continue
            if p.returncode != 0:
                tail = (p.stderr.strip().splitlines() or ["?"])[-1]
                na[(arch, libc)] = f"{' '.join(cmd[:3])} failed: {tail}"
                continue
        rc, _, err, _ = run_program(arch, "native", out, ["rw", "100", "1"], timeout=60)
        if rc != 0:
            na[(arch, libc)] = f"does not run (exit {rc}: {err.decode(errors='replace').strip()[-100:]})"
            continue
        exes[libc] = out
    return exes


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
            raise RuntimeError(f"callgrind {os.path.basename(exe)} {' '.join(args)}: exit "
                               f"{p.returncode}: {p.stderr.decode(errors='replace').strip()[-200:]}")
        with open(out) as f:
            m = re.search(r"^(?:totals|summary): *(\d+)", f.read(), re.M)
        return int(m.group(1))


def perf_instructions_works():
    if not shutil.which("perf"):
        return False
    p = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "true"],
                       capture_output=True, text=True)
    return p.returncode == 0 and "not supported" not in p.stderr and "<not" not in p.stderr


def bench_instructions(jobs):
    """jobs: [(arch, libc, exe)] -> {(arch, libc, 'read'|'raw'): instructions per
    call or an error string}: (Ir(N2) - Ir(N1)) / (N2 - N1), so start-up and
    warm-up cancel out."""
    runs = [(arch, libc, exe, mode, n) for arch, libc, exe in jobs for mode in ("read", "raw")
            for n in CG_N]

    def one(r):
        try:
            return callgrind_ir(r[2], [r[3], str(r[4]), "1"])
        except (RuntimeError, subprocess.TimeoutExpired, OSError) as e:
            return f"n/a ({e})"

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        irs = dict(zip([r[:2] + r[3:] for r in runs], pool.map(one, runs)))
    res = {}
    for arch, libc, exe in jobs:
        for mode in ("read", "raw"):
            a, b = irs[(arch, libc, mode, CG_N[0])], irs[(arch, libc, mode, CG_N[1])]
            res[(arch, libc, mode)] = (a if isinstance(a, str) else b if isinstance(b, str)
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


def bench_time(arch, exes):
    """The timed measurements for one arch: {libc: {row: value}}."""
    res = {libc: {} for libc in exes}
    first = next(iter(exes.values()))
    # Calibrate the read batch so one batch of raw calls lasts ~BENCH_BATCH_S
    # (int $0x80 costs ~30x a 64-bit syscall in some VMs).
    raw_ns = median(bench_lines(arch, first, ["raw", "2000", "3"])["raw"])
    n = int(min(200000, max(2000, BENCH_BATCH_S * 1e9 / raw_ns)) // 1000 * 1000)
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
    for libc in exes:
        s = samples[libc]
        res[libc] = {"read_ns": median(s["read"]), "raw_ns": median(s["raw"]),
                     "ratio": median(s["ratio"]), "create_ns": median(s["create"]),
                     "cancel_ns": median(s["cancel"])}
    return res, n


# bench/libc.c: malloc/free, snprintf, memcpy/memset (the issue 4 goals).
LIBC_SRC = os.path.join(ROOT, "bench", "libc.c")
LIBC_RUNS = 11           # interleaved runs per measurement
LIBC_BATCHES = 5         # batches per run: medians of 55 batches
LIBC_MALLOC_N = 100000   # malloc/free steps per batch (per thread)
LIBC_SNPRINTF_N = 2000   # snprintf calls per batch
LIBC_MEM = [("4k", 4096, "4 KiB"), ("16m", 16 << 20, "16 MiB")]
LIBC_CG = {"malloc": ["malloc", "{n}", "1", "1"], "snprintf": ["snprintf", "{n}", "1"]}


def libc_build(arch, lib, na, cells):
    """Builds bench/libc.c three ways; returns {libc: exe}. Where snprintf
    does not compile or link (muslin while its printf is unwritten) the
    program is built with -DNO_SNPRINTF and cells gets the reason."""
    outdir = os.path.join(OUT_DIR, "bench", arch)
    os.makedirs(outdir, exist_ok=True)
    exes = {}
    for libc in LIBCS:
        if (arch, libc) in na:
            continue
        out = os.path.join(outdir, "libc_" + libc)
        if libc == "muslin":
            # Through `x.py cc` in a child so that a failure's messages are captured.
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "cc", "--arch", arch,
                                "-o", out, LIBC_SRC], capture_output=True, text=True)
            if p.returncode != 0:
                lines = (p.stdout + p.stderr).splitlines()
                why = next((ln for ln in lines if "error:" in ln or "undefined symbol" in ln),
                           lines[-1] if lines else "?").strip()[:160]
                cells[(arch, libc, "snprintf_ns")] = f"n/a (snprintf does not build: {why})"
                cc(arch, [LIBC_SRC, "-DNO_SNPRINTF"], out, True, lib)
        else:
            cmd = BASELINES[arch][libc]["cc"] + ["-o", out, LIBC_SRC]
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                tail = (p.stderr.strip().splitlines() or ["?"])[-1]
                cells[(arch, libc, "malloc1_ns")] = f"n/a ({' '.join(cmd[:3])} failed: {tail})"
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
    runs = [(arch, libc, exe, what, n) for arch, libc, exe in jobs for what in LIBC_CG
            for n in CG_N if (arch, libc, what + "_ns") not in cells]

    def one(r):
        try:
            return callgrind_ir(r[2], [a.format(n=r[4]) for a in LIBC_CG[r[3]]])
        except (RuntimeError, subprocess.TimeoutExpired, OSError) as e:
            return f"n/a ({e})"

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        irs = dict(zip([r[:2] + r[3:] for r in runs], pool.map(one, runs)))
    res = {}
    for arch, libc, what, n in irs:
        if n != CG_N[0]:
            continue
        a, b = irs[(arch, libc, what, CG_N[0])], irs[(arch, libc, what, CG_N[1])]
        res[(arch, libc, what + "_ir")] = (a if isinstance(a, str) else b if isinstance(b, str)
                                           else (b - a) / (CG_N[1] - CG_N[0]))
    return res


def libc_time(arch, exes, cells):
    """The timed bench/libc.c measurements: {libc: {row: value}}. ns rows are
    medians of per-batch ns per step/call, GB/s rows 1 / median ns per byte."""
    say(f"{arch}: timing {LIBC_RUNS * LIBC_BATCHES} batches each of {LIBC_MALLOC_N} malloc/free "
        f"steps (1 and 2 threads), {LIBC_SNPRINTF_N} snprintf calls, 256 MiB of memcpy and "
        "memset in 4 KiB and 16 MiB calls, per libc")
    jobs = [("malloc1", ["malloc", str(LIBC_MALLOC_N), str(LIBC_BATCHES), "1"]),
            ("malloc2", ["malloc", str(LIBC_MALLOC_N), str(LIBC_BATCHES), "2"]),
            ("snprintf", ["snprintf", str(LIBC_SNPRINTF_N), str(LIBC_BATCHES)])]
    jobs += [(f"{op}{key}", [op, str(size), str(LIBC_BATCHES)])
             for op in ("memcpy", "memset") for key, size, _ in LIBC_MEM]
    res = {libc: {} for libc in exes}
    for key, args in jobs:
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


LIBC_ROWS = [  # key, label, format
    ("malloc1_ns", "malloc+free 16-512 B ns/step, 1 thread", "{:.1f}"),
    ("malloc2_ns", "malloc+free ns/step, 2 threads (wall)", "{:.1f}"),
    ("malloc_ir", "malloc+free instructions/step", "{:.1f}"),
    ("snprintf_ns", "snprintf (ints, strs, doubles) ns/call", "{:.0f}"),
    ("snprintf_ir", "snprintf instructions/call", "{:.0f}"),
] + [(f"{op}{key}_gbs", f"{op} {label} GB/s", "{:.1f}")
     for op in ("memcpy", "memset") for key, _, label in LIBC_MEM]


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


def cmd_bench(a):
    setup(quiet=True)
    if host_arch() != "x86_64":
        die("bench runs x86_64 and i386 natively: it needs an x86_64 host")
    arches = arch_list(a.arch) if a.arch else BENCH_ARCHES
    for arch in arches:
        if arch not in BENCH_ARCHES:
            die(f"bench measures {' and '.join(BENCH_ARCHES)} only, not {arch}")
    started = time.monotonic()
    load = os.getloadavg()
    na = {k: v for k, v in bench_setup().items() if k[0] in arches}
    exes, lexes = {}, {}
    cells = {}  # (arch, libc, key) -> "n/a (why)" for a missing measurement
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

    vals = {(arch, libc): {} for arch in arches for libc in LIBCS}
    if shutil.which("valgrind"):
        say("counting instructions with callgrind (perf stat -e instructions:u: "
            + ("works here, but callgrind's counts are exact)" if perf_instructions_works()
               else "not supported here)"))
        ir = bench_instructions([(arch, libc, exe) for arch in arches
                                 for libc, exe in exes[arch].items()])
        ir.update(libc_instructions([(arch, libc, exe) for arch in arches
                                     for libc, exe in lexes[arch].items()], cells))
        for (arch, libc, mode), v in ir.items():
            if mode.endswith("_ir"):
                mode = mode[:-3]
            if isinstance(v, str):
                cells[(arch, libc, mode + "_ir")] = v
            else:
                vals[(arch, libc)][mode + "_ir"] = v
    else:
        for arch in arches:
            for libc in exes[arch]:
                cells[(arch, libc, "read_ir")] = cells[(arch, libc, "raw_ir")] = \
                    "n/a (valgrind missing)"
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

    def cell(arch, libc, key, fmt):
        if (arch, libc) in na:
            return "n/a"
        if key in vals[(arch, libc)]:
            return fmt.format(vals[(arch, libc)][key])
        return "n/a"

    def ratio(arch, key, other):
        x, y = vals[(arch, "muslin")].get(key), vals[(arch, other)].get(key)
        if x is None or not y:
            return "n/a"
        return f"{x / y:.2f}"

    head = ["arch", "measurement", "muslin", "musl", "glibc", "muslin/musl", "muslin/glibc"]
    rows = []
    for arch in arches:
        for key, label, fmt in BENCH_ROWS + LIBC_ROWS:
            rows.append([arch, label, *(cell(arch, libc, key, fmt) for libc in LIBCS),
                         ratio(arch, key, "musl"), ratio(arch, key, "glibc")])
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

    goals = []
    for arch in arches:
        m = vals[(arch, "muslin")]
        mu = vals[(arch, "musl")]
        if "thunk_ir" in m:
            goals.append((f"{arch} thunk overhead <= 10 instructions",
                          f"{m['thunk_ir']:.1f}", m["thunk_ir"] <= 10))
        else:
            goals.append((f"{arch} thunk overhead <= 10 instructions", "n/a", None))
        goals.append((f"{arch} read/raw ns within 5%", f"{m['ratio']:.3f}",
                      m["ratio"] <= 1.05))
        for key, what, ok in (("create_ns", "create+join faster than musl", lambda x, y: x < y),
                              ("cancel_ns", "cancel->join no slower than musl",
                               lambda x, y: x <= y)):
            if key in mu:
                goals.append((f"{arch} {what}", f"{m[key] / mu[key]:.2f}x musl",
                              ok(m[key], mu[key])))
            else:
                goals.append((f"{arch} {what}", "n/a (no musl)", None))
        if arch != "x86_64":
            continue  # the libc goals are x86_64's; other arches' rows are information
        gl = vals[(arch, "glibc")]
        for key, what in (("malloc1_ns", "malloc/free 1 thread"),
                          ("malloc2_ns", "malloc/free 2 threads"),
                          ("snprintf_ns", "snprintf")):
            if key in m and key in mu:
                goals.append((f"{arch} {what} no slower than musl", f"{m[key] / mu[key]:.2f}x musl",
                              m[key] <= mu[key]))
            else:
                goals.append((f"{arch} {what} no slower than musl", "n/a", None))
        for key, what, _ in [(f"{op}{k}_gbs", f"{op} {label}", 0)
                             for op in ("memcpy", "memset") for k, _, label in LIBC_MEM]:
            if key in m and key in gl:
                goals.append((f"{arch} {what} >= 0.9x glibc", f"{m[key] / gl[key]:.2f}x glibc",
                              m[key] >= 0.9 * gl[key]))
            else:
                goals.append((f"{arch} {what} >= 0.9x glibc", "n/a", None))
    print()
    print("goals: " + "; ".join(
        f"{g}: {v} {'met' if ok else 'NOT met' if ok is False else 'unknown'}"
        for g, v, ok in goals))
    met = sum(1 for *_, ok in goals if ok)
    print(f"{met} of {len(goals)} goals met; took {time.monotonic() - started:.0f}s")


# ---------------------------------------------------------------- commands

def cmd_setup(a):
    setup()


def cmd_build(a):
    setup(quiet=True)
    for arch in arch_list(a.arch):
        say(f"building {arch}")
        build_examples(arch, a.release)
        say(f"{arch}: {staticlib(arch, a.release)}")


def cmd_run(a):
    setup(quiet=True)
    arch = arch_list(a.arch)[0]
    name = a.example
    if name.endswith(".c"):
        if name[:-2] not in c_examples():
            die(f"unknown example '{name}' (known: {', '.join(rust_examples() + [c + '.c' for c in c_examples()])})")
    elif name not in rust_examples():
        die(f"unknown example '{name}' (known: {', '.join(rust_examples() + [c + '.c' for c in c_examples()])})")
    exes = build_examples(arch, a.release)
    mode = "qemu" if a.qemu or not ARCHES[arch]["native"] else "native"
    cmd = runner(arch, mode) + [exes[name], *a.args]
    sys.exit(subprocess.run(cmd).returncode)


def cmd_cc(a):
    setup(quiet=True)
    arch = arch_list(a.arch)[0]
    if not a.output:
        die("cc needs -o OUT")
    cc(arch, a.args, a.output)


def stripped_size(path):
    with tempfile.TemporaryDirectory() as tmp:
        s = os.path.join(tmp, "s")
        run_cmd([LLVM_BIN + "/llvm-strip", "--strip-all", "-o", s, path])
        return os.path.getsize(s)


def cmd_size(a):
    setup(quiet=True)
    arches = arch_list(a.arch, default_all=True) if a.arch else ALL
    rows = []
    names = None
    for arch in arches:
        exes = build_examples(arch, True)
        names = names or sorted(exes)
        rows.append((arch, {n: stripped_size(p) for n, p in exes.items()}))
    print("stripped sizes in bytes (release)")
    cols = [max(10, len(n) + 2) for n in names]
    print(f"{'arch':12}" + "".join(f"{n:>{c}}" for n, c in zip(names, cols)))
    for arch, sizes in rows:
        print(f"{arch:12}" + "".join(f"{sizes.get(n, 0):>{c}}" for n, c in zip(names, cols)))


def cmd_lint(a):
    """cargo fmt --check, then clippy (warnings are errors) for every arch."""
    setup(quiet=True)
    cargo = ["cargo", f"+{TOOLCHAIN}"]
    say("cargo fmt --check")
    if subprocess.run(cargo + ["fmt", "--check"], cwd=ROOT).returncode != 0:
        die("cargo fmt --check: run `cargo fmt`", 1)
    for arch in arch_list(a.arch, default_all=True):
        say(f"cargo clippy for {arch}")
        cmd = cargo + ["clippy", "--target", ARCHES[arch]["rust"], *BUILD_STD, "--release",
                       "--lib", "--examples", "--test", "*", "--", "-D", "warnings"]
        if subprocess.run(cmd, cwd=ROOT, env=cargo_env()).returncode != 0:
            die(f"clippy found problems for {arch}", 1)
    say("fmt and clippy are clean")


def main():
    p = argparse.ArgumentParser(prog="x.py", description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup", help="install the toolchain, qemu-user, clang, lld")
    s.set_defaults(fn=cmd_setup)
    s = sub.add_parser("build", help="build the library and examples")
    s.add_argument("--arch")
    s.add_argument("--release", action="store_true")
    s.set_defaults(fn=cmd_build)
    s = sub.add_parser("run", help="build and run an example (NAME or NAME.c)")
    s.add_argument("example")
    s.add_argument("--arch")
    s.add_argument("--release", action="store_true")
    s.add_argument("--qemu", action="store_true", help="run x86_64/i386 under qemu too")
    s.add_argument("args", nargs="*")
    s.set_defaults(fn=cmd_run)
    s = sub.add_parser("test", help="build and run every test (all arches by default)")
    s.add_argument("--arch")
    s.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    s.add_argument("filter", nargs="?")
    s.set_defaults(fn=cmd_test)
    s = sub.add_parser("cc", help="compile and link a C program against muslin")
    s.add_argument("--arch")
    s.add_argument("-o", dest="output")
    s.set_defaults(fn=cmd_cc)
    s = sub.add_parser("lint", help="cargo fmt --check and clippy for every arch")
    s.add_argument("--arch")
    s.set_defaults(fn=cmd_lint)
    s = sub.add_parser("size", help="stripped sizes of the examples per arch")
    s.add_argument("--arch")
    s.set_defaults(fn=cmd_size)
    s = sub.add_parser("bench", help="cancellation, thread, malloc, snprintf and memcpy "
                                     "benchmarks: muslin vs musl vs glibc (x86_64, i386; "
                                     "not part of test)")
    s.add_argument("--arch", help="x86_64, i386 or both (default)")
    s.set_defaults(fn=cmd_bench)
    a, rest = p.parse_known_args()
    if a.cmd == "cc":
        a.args = rest
    elif rest:
        if a.cmd == "run":
            a.args = a.args + [r for r in rest if r != "--"]
        else:
            p.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        a.fn(a)
    except subprocess.CalledProcessError as e:
        die(f"command failed (exit {e.returncode}): {' '.join(map(str, e.cmd))}", 1)


if __name__ == "__main__":
    main()
