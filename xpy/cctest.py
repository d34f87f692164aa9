"""The driver's own tests (`cc::…` results of `./x.py test`): its flag table,
one case per flag or flag family, each checking the flag's effect; a small
multi-file project (tests/cc/) built with `make -j4 CC=<driver>`; an
autoconf project (tests/cc/ac/) configured with `./configure CC=<driver>`;
and that none of it started cargo.

Every call goes through the real target/muslin/bin/<arch>-muslin-cc, in a
temporary directory, with a PATH whose first directory holds `cargo`,
`rustc` and `rustup` stand-ins that leave a mark and fail: the driver must
never need them."""

import concurrent.futures
import os
import shutil
import subprocess
import tempfile

from .common import ARCHES, ROOT
from .run import run_program

PROJECT = os.path.join(ROOT, "tests", "cc")

FILES = {
    "x.c": '#include <stdio.h>\n#ifndef VAL\n#define VAL 1\n#endif\n'
           'int main(void)\n{\n    printf("v=%d\\n", VAL);\n    return 0;\n}\n',
    "defs.c": "#ifdef FOO\nfoo_is_defined\n#endif\n"
              "#ifdef __CHAR_UNSIGNED__\nchar_is_unsigned\n#endif\n"
              "#include <h.h>\nint from_h = FROM_H;\nint pre = PRE;\n",
    "inc/h.h": "#define FROM_H 7\n",
    "pre.h": "#define PRE 9\n",
    # Old-style C that gcc 12 accepts with warnings: implicit int, an
    # implicitly declared function.
    "legacy.c": "main()\n{\n    puts(\"legacy\");\n    return 0;\n}\n",
    # C89 has no `restrict`: the headers must do without it.
    "c89.c": "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
             "#include <pthread.h>\n#include <signal.h>\n#include <semaphore.h>\n"
             "#include <sys/stat.h>\n#include <unistd.h>\n#include <time.h>\n"
             "#include <math.h>\n#include <complex.h>\n#include <fenv.h>\n"
             "#include <setjmp.h>\n#include <assert.h>\n#include <locale.h>\n"
             "#include <wchar.h>\n#include <wctype.h>\n#include <uchar.h>\n"
             "#include <inttypes.h>\n#include <limits.h>\n"
             "int main(void)\n{\n    return 0;\n}\n",
    "unused.c": "int main(void)\n{\n    int unused;\n    return 0;\n}\n",
    "broken.c": "int main(void)\n{\n    return nothing_declared;\n}\n",
    "thr.c": "#include <pthread.h>\n#include <stdio.h>\n"
             "static void *run(void *p)\n{\n    return (char *)p + 5;\n}\n"
             "int main(void)\n{\n    pthread_t t;\n    void *r;\n"
             "    pthread_create(&t, 0, run, 0);\n    pthread_join(t, &r);\n"
             "    printf(\"thread %d\\n\", (int)((char *)r - (char *)0));\n    return 0;\n}\n",
    # The mixed link: f from a .s (made with -S), k_value from a .S, h from
    # a .o, z from a .a, main from a .c in the middle of them.
    "f.c": "int f(void)\n{\n    return 1;\n}\n",
    "h.c": "int h(void)\n{\n    return 3;\n}\n",
    "z.c": "int z(void)\n{\n    return 100;\n}\n",
    "k.S": "#define VALUE 4\n\t.section .rodata.k_value,\"a\"\n\t.globl k_value\n"
           "\t.p2align 2\nk_value:\n\t.long VALUE\n",
    "mixed.c": "#include <stdio.h>\nint f(void);\nint h(void);\nint z(void);\n"
               "extern const int k_value;\n"
               "int main(void)\n{\n    printf(\"sum %d\\n\", f() + k_value + h() + z());\n"
               "    return 0;\n}\n",
    # A project's own libutil.a must win over muslin's empty one.
    "mylib/util.c": "int util_fn(void)\n{\n    return 77;\n}\n",
    "useutil.c": "#include <stdio.h>\nint util_fn(void);\n"
                 "int main(void)\n{\n    printf(\"util %d\\n\", util_fn());\n    return 0;\n}\n",
}

STAND_IN = "#!/bin/sh\necho \"$0 started by the C driver\" >&2\ntouch {mark}\nexit 99\n"


class Ctx:
    """One arch's test directory and driver."""

    def __init__(self, arch, mode, driver, tmp):
        self.arch, self.mode, self.driver, self.tmp = arch, mode, driver, tmp
        self.mark = os.path.join(tmp, "cargo-started")
        shims = os.path.join(tmp, "shims")
        os.makedirs(shims)
        for tool in ("cargo", "rustc", "rustup"):
            path = os.path.join(shims, tool)
            with open(path, "w") as f:
                f.write(STAND_IN.format(mark=self.mark))
            os.chmod(path, 0o755)
        self.env = {"PATH": f"{shims}:/usr/bin:/bin", "HOME": tmp, "LC_ALL": "C"}
        for name, text in FILES.items():
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        self.ar = None

    def cc(self, *args, cwd=None):
        """Runs the driver: the CompletedProcess (text)."""
        return subprocess.run([self.driver, *args], cwd=cwd or self.tmp, env=self.env,
                              capture_output=True, text=True, timeout=120)

    def ok(self, *args, cwd=None):
        """Runs the driver and fails the case (ValueError) unless it succeeded."""
        p = self.cc(*args, cwd=cwd)
        if p.returncode != 0:
            raise ValueError(f"`cc {' '.join(args)}` exited {p.returncode}: "
                             + " | ".join(p.stderr.strip().splitlines()[:3]))
        return p

    def path(self, name):
        return os.path.join(self.tmp, name)

    def exists(self, name):
        return os.path.exists(self.path(name))

    def read(self, name, mode="r"):
        with open(self.path(name), mode) as f:
            return f.read()

    def run(self, exe, *args):
        """Runs a built program (natively or under qemu): its stdout, or
        ValueError when it fails."""
        rc, out, err, _ = run_program(self.arch, self.mode, self.path(exe), args)
        if rc != 0:
            raise ValueError(f"{exe} exited {rc}: {err.decode(errors='replace')[:200]}")
        return out.decode(errors="replace")


def expect(cond, why):
    if not cond:
        raise ValueError(why)


def fresh(c, *names):
    for n in names:
        if c.exists(n):
            os.remove(c.path(n))


# The cases: (name, function of Ctx that raises ValueError when it fails).

def case_c(c):
    fresh(c, "x.o", "a.out")
    c.ok("-c", "x.c")
    expect(c.exists("x.o"), "no x.o")
    expect(not c.exists("a.out"), "-c linked an a.out")


def case_c_o(c):
    c.ok("-c", "x.c", "-o", "sub.o")
    expect(c.read("sub.o", "rb")[:4] == b"\x7fELF", "sub.o is not an ELF object")


def case_s(c):
    fresh(c, "x.s")
    c.ok("-S", "x.c")
    expect("main" in c.read("x.s"), "x.s does not define main")


def case_e(c):
    out = c.ok("-E", "-DVAL=42", "x.c").stdout
    expect('printf("v=%d\\n", 42)' in out, "-E did not print the preprocessed source")
    c.ok("-E", "x.c", "-o", "x.i")
    expect("printf" in c.read("x.i"), "-E -o did not write x.i")


def case_aout(c):
    fresh(c, "a.out")
    c.ok("x.c", "-DVAL=3")
    expect(c.run("a.out") == "v=3\n", "a.out did not print v=3")


def case_defines(c):
    out = c.ok("-E", "-DFOO", "-Iinc", "-DPRE=1", "defs.c").stdout
    expect("foo_is_defined" in out, "-DFOO had no effect")
    out = c.ok("-E", "-DFOO", "-UFOO", "-I", "inc", "-DPRE=1", "defs.c").stdout
    expect("foo_is_defined" not in out, "-UFOO had no effect")
    expect("int from_h = 7;" in out, "-I inc did not find h.h")


def case_include(c):
    out = c.ok("-E", "-Iinc", "-include", "pre.h", "defs.c").stdout
    expect("int pre = 9;" in out, "-include pre.h had no effect")


def case_std(c):
    for std in ("-std=c89", "-std=gnu89", "-std=c99", "-std=c11"):
        c.ok(std, "-c", "c89.c", "-o", "c89.o")


def case_legacy(c):
    p = c.ok("legacy.c", "-o", "legacy")
    expect("warning" in p.stderr, "no warning for implicit int / declaration")
    expect(c.run("legacy") == "legacy\n", "legacy program's output")
    p = c.cc("-Werror=implicit-function-declaration", "-c", "legacy.c")
    expect(p.returncode != 0, "-Werror=implicit-function-declaration did not make it an error")


def case_opt(c):
    c.ok("-O0", "-S", "x.c", "-o", "o0.s")
    c.ok("-O2", "-S", "x.c", "-o", "o2.s")
    c.ok("-Os", "-c", "x.c", "-o", "os.o")
    expect(c.read("o0.s") != c.read("o2.s"), "-O0 and -O2 gave the same code")


def case_g(c):
    c.ok("-g", "-c", "x.c", "-o", "g.o")
    c.ok("-c", "x.c", "-o", "nog.o")
    expect(b".debug_info" in c.read("g.o", "rb"), "-g wrote no .debug_info")
    expect(b".debug_info" not in c.read("nog.o", "rb"), "debug info without -g")


def case_warn(c):
    c.ok("-Wall", "-c", "unused.c")
    p = c.cc("-Wall", "-Werror", "-c", "unused.c")
    expect(p.returncode != 0, "-Wall -Werror accepted an unused variable")


def case_f(c):
    out = c.ok("-E", "-funsigned-char", "-Iinc", "-DPRE=1", "defs.c").stdout
    expect("char_is_unsigned" in out, "-funsigned-char had no effect")
    out = c.ok("-E", "-fsigned-char", "-Iinc", "-DPRE=1", "defs.c").stdout
    expect("char_is_unsigned" not in out, "-fsigned-char had no effect")


def case_pthread(c):
    c.ok("-pthread", "thr.c", "-o", "thr", "-lpthread")
    expect(c.run("thr") == "thread 5\n", "thread program's output")


def case_static(c):
    c.ok("-static", "x.c", "-o", "st")
    expect(c.run("st") == "v=1\n", "-static program's output")


def case_strip(c):
    c.ok("x.c", "-o", "syms")
    c.ok("-s", "x.c", "-o", "nosyms")
    expect(b".symtab" in c.read("syms", "rb"), "no symbol table without -s")
    expect(b".symtab" not in c.read("nosyms", "rb"), "-s left the symbol table")
    expect(c.run("nosyms") == "v=1\n", "stripped program's output")


def case_wl(c):
    fresh(c, "a.map", "b.map")
    c.ok("x.c", "-o", "mapped", "-Wl,-Map,a.map")
    c.ok("x.c", "-o", "mapped2", "-Xlinker", "-Map", "-Xlinker", "b.map")
    expect("main" in c.read("a.map"), "-Wl,-Map,a.map wrote no map")
    expect("main" in c.read("b.map"), "-Xlinker -Map -Xlinker b.map wrote no map")


def case_libs(c):
    c.ok("x.c", "-o", "libs", "-lm", "-lpthread", "-lrt", "-ldl", "-lutil", "-lcrypt",
         "-lresolv", "-lxnet", "-lc")
    expect(c.run("libs") == "v=1\n", "program linked with -lm … -lxnet: output")


def case_own_lib(c):
    c.ok("-c", "mylib/util.c", "-o", "mylib/util.o")
    archive("mylib/libutil.a", c, "mylib/util.o")
    c.ok("useutil.c", "-Lmylib", "-lutil", "-lm", "-o", "useutil")
    expect(c.run("useutil") == "util 77\n", "the project's own libutil.a did not win")


def archive(name, c, *objs):
    p = subprocess.run([c.ar, "rcs", c.path(name), *(c.path(o) for o in objs)],
                       capture_output=True, text=True)
    expect(p.returncode == 0, f"ar failed: {p.stderr.strip()[:200]}")


def case_mixed(c):
    c.ok("-S", "f.c", "-o", "f.s")
    c.ok("-c", "h.c")
    c.ok("-c", "z.c")
    archive("libz.a", c, "z.o")
    c.ok("f.s", "mixed.c", "k.S", "h.o", "libz.a", "-o", "mixed")
    expect(c.run("mixed") == "sum 108\n", "the mixed program's output")


def case_m(c):
    out = c.ok("-M", "x.c").stdout
    expect(out.startswith("x.o: x.c") and "stdio.h" in out, f"-M printed {out[:80]!r}")
    out = c.ok("-MM", "x.c").stdout
    expect(out.strip() == "x.o: x.c", f"-MM printed {out[:80]!r}")


def case_md(c):
    fresh(c, "x.d", "other.d")
    c.ok("-c", "-MD", "x.c")
    d = c.read("x.d")
    expect(d.startswith("x.o:") and "stdio.h" in d, f"-MD wrote {d[:80]!r}")
    c.ok("-c", "-MMD", "-MF", "other.d", "-MT", "tgt", "x.c", "-o", "xx.o")
    d = c.read("other.d")
    expect(d.strip() == "tgt: x.c", f"-MMD -MF -MT wrote {d[:80]!r}")


def case_v(c):
    p = c.ok("-v", "x.c", "-o", "verbose")
    expect("muslin" in p.stderr and "clang" in p.stderr and "-flavor gnu" in p.stderr,
           "-v did not show the version and the commands")


def case_version(c):
    out = c.ok("--version").stdout
    expect(out.startswith(f"{c.arch}-muslin-cc") and "clang" in out, f"--version: {out[:80]!r}")


def case_dumpmachine(c):
    out = c.ok("-dumpmachine").stdout
    expect(out == f"{c.arch}-linux-muslin\n", f"-dumpmachine printed {out!r}")


def case_prog_name(c):
    ar = c.ok("-print-prog-name=ar").stdout.strip()
    expect(os.path.isabs(ar) and os.access(ar, os.X_OK), f"-print-prog-name=ar gave {ar!r}")
    expect(c.ok("-print-prog-name=nosuchtool").stdout == "nosuchtool\n",
           "an unknown program's name did not come back unchanged")


def case_file_name(c):
    for name in ("libc.a", "libm.a"):
        path = c.ok(f"-print-file-name={name}").stdout.strip()
        expect(os.path.isabs(path) and os.path.exists(path), f"{name}: {path!r}")


def case_refused(c):
    for flag in ("-shared", "-dynamic"):
        p = c.cc(flag, "x.c", "-o", "lib.so")
        lines = p.stderr.strip().splitlines()
        expect(p.returncode == 1, f"{flag}: exit status {p.returncode}")
        expect(len(lines) == 1 and "static programs only" in lines[0],
               f"{flag}: stderr {p.stderr[:120]!r}")


def case_error(c):
    fresh(c, "broken")
    p = c.cc("broken.c", "-o", "broken")
    expect(p.returncode != 0, "a compile error exited 0")
    expect(not c.exists("broken"), "a failed compile left an output")
    expect(c.cc().returncode != 0, "no input files exited 0")


def case_make(c):
    proj = c.path("proj")
    shutil.copytree(PROJECT, proj)
    make = ["make", "-j4", f"CC={c.driver}", f"AR={c.ar}"]

    def mk(*extra):
        return subprocess.run(make + list(extra), cwd=proj, env=c.env, capture_output=True,
                              text=True, timeout=300)
    p = mk()
    expect(p.returncode == 0, "make failed: " + " | ".join(
        (p.stdout + p.stderr).strip().splitlines()[-3:]))
    expect(c.run("proj/prog") == "foo(10) = 41\n", "the project's program output")
    expect("foo.h" in c.read("proj/foo.d"), "-MMD: foo.d does not name foo.h")
    expect(mk("-q").returncode == 0, "a second make would rebuild")
    os.utime(os.path.join(proj, "foo.h"), (2**31 - 10, 2**31 - 10))
    expect(mk("-q").returncode != 0, "touching foo.h does not rebuild (no dependencies)")


def case_configure(c):
    proj = c.path("ac")
    shutil.copytree(os.path.join(PROJECT, "ac"), proj)

    def sh(*cmd):
        p = subprocess.run(cmd, cwd=proj, env=c.env, capture_output=True, text=True,
                           timeout=300)
        expect(p.returncode == 0, f"{cmd[0]} exited {p.returncode}: " + " | ".join(
            (p.stdout + p.stderr).strip().splitlines()[-3:]))
    for tool in ("autoconf", "autoheader"):
        expect(shutil.which(tool), f"{tool} is not installed (./x.py setup installs it)")
        sh(tool)
    # A qemu arch is a cross build: without --host configure would try to
    # run its test programs and stop.
    host = [] if c.mode == "native" else \
        ["--host=" + ARCHES[c.arch]["clang"][0].split("=", 1)[1]]
    sh("./configure", f"CC={c.driver}", *host)
    config = c.read("ac/config.h")
    for have in ("HAVE_STRDUP", "HAVE_GETLINE", "HAVE_PTHREAD_CREATE", "HAVE_PTHREAD_H"):
        expect(f"#define {have} 1" in config, f"configure did not find {have}")
    expect("#define HAVE_NO_SUCH_FUNCTION_IN_MUSLIN" not in config,
           "configure found a function muslin does not have")
    sh("make")
    expect(c.run("ac/hello") == "configured: getline, pthread_create, pthread.h\n",
           "the configured program's output")


def case_no_cargo(c):
    expect(not os.path.exists(c.mark), "a cargo/rustc/rustup stand-in was started")


CASES = [
    ("-c writes x.o", case_c), ("-c -o", case_c_o), ("-S writes x.s", case_s),
    ("-E to stdout and -o", case_e), ("no -o writes a.out", case_aout),
    ("-D -U -I", case_defines), ("-include", case_include), ("-std= (headers in C89)", case_std),
    ("legacy C: warnings, -Werror= wins", case_legacy), ("-O*", case_opt), ("-g", case_g),
    ("-W*", case_warn), ("-f*", case_f), ("-pthread", case_pthread), ("-static", case_static),
    ("-s strips", case_strip), ("-Wl, -Xlinker", case_wl),
    ("-lm -lpthread -lrt -ldl -lutil -lcrypt -lresolv -lxnet -lc", case_libs),
    ("-L: a project's own libutil.a wins", case_own_lib),
    (".c .s .S .o .a mixed", case_mixed), ("-M -MM", case_m), ("-MD -MMD -MF -MT", case_md),
    ("-v", case_v), ("--version", case_version), ("-dumpmachine", case_dumpmachine),
    ("-print-prog-name=", case_prog_name), ("-print-file-name=", case_file_name),
    ("-shared -dynamic refused", case_refused), ("errors exit non-zero", case_error),
    ("make -j4 CC= (tests/cc)", case_make),
    ("./configure CC= (autoconf, tests/cc/ac)", case_configure),
    ("no cargo started", case_no_cargo),
]
PROJECTS = (case_make, case_configure)


def cc_tests(arch, mode, driver):
    """[(status, label)] for every case, run with `driver` in a temporary
    directory; programs run natively or under qemu per `mode`."""
    label = f"{arch}/{mode} cc::"

    def one(c, name, fn):
        try:
            fn(c)
            return ("pass", label + name)
        except (ValueError, OSError, subprocess.SubprocessError) as e:
            return ("fail", f"{label}{name}: {e}")
    with tempfile.TemporaryDirectory(prefix=f"muslin-cctest-{arch}-") as tmp:
        c = Ctx(arch, mode, driver, tmp)
        c.ar = c.cc("-print-prog-name=ar").stdout.strip()
        # The two projects build in directories of their own, beside the
        # flag cases (which share files, so run one after another); the
        # cargo check comes after all of them.
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            aside = [pool.submit(one, c, name, fn) for name, fn in CASES if fn in PROJECTS]
            results = [one(c, name, fn) for name, fn in CASES
                       if fn not in PROJECTS and fn is not case_no_cargo]
            results += [f.result() for f in aside]
        results.append(one(c, "no cargo started", case_no_cargo))
    return results
