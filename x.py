#!/usr/bin/env python3
"""x.py: the one driver for muslin: setup, build, run, test, cc, new, size, lint,
bench, surface, soak.

Every command first checks (and installs, saying so) what it needs: the
pinned Rust toolchain, qemu-user, clang and lld. Standard library only; the
commands live in the xpy/ package next to this file.
"""

import argparse
import os
import subprocess

from xpy.bench import cmd_bench
from xpy.build import cmd_build, cmd_cc
from xpy.common import BuildError, die
from xpy.lint import cmd_lint
from xpy.new import cmd_new
from xpy.run import cmd_run
from xpy.size import cmd_size
from xpy.soak import PARTS, cmd_soak
from xpy.surface import cmd_surface
from xpy.testing import cmd_test
from xpy.toolchain import cmd_setup


def parser():
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
    s.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2),
                   help="programs run at a time")
    s.add_argument("--build-jobs", type=int, default=max(1, os.cpu_count() or 1),
                   help="arches built at a time")
    s.add_argument("filter", nargs="?")
    s.set_defaults(fn=cmd_test)
    s = sub.add_parser("cc", help="compile and link a C program against muslin")
    s.add_argument("--arch")
    s.add_argument("-o", dest="output")
    s.set_defaults(fn=cmd_cc)
    s = sub.add_parser("new", help="write a Rust crate at PATH that `cargo run` builds "
                                   "against muslin")
    s.add_argument("path")
    s.add_argument("--arch", help="the arch it builds for (default: the host's)")
    s.set_defaults(fn=cmd_new)
    s = sub.add_parser("lint", help="cargo fmt --check, clippy for every arch, the layer check")
    s.add_argument("--arch")
    s.set_defaults(fn=cmd_lint)
    s = sub.add_parser("surface", help="regenerate docs/supported.md from include/ and check "
                                       "every declaration against libmuslin.a (x86_64)")
    s.add_argument("--check", action="store_true",
                   help="do not write: fail when docs/supported.md is out of date")
    s.set_defaults(fn=cmd_surface)
    s = sub.add_parser("size", help="stripped sizes of the examples per arch")
    s.add_argument("--arch")
    s.set_defaults(fn=cmd_size)
    s = sub.add_parser("bench", help="cancellation, thread, malloc, snprintf and memcpy "
                                     "benchmarks: muslin vs musl vs glibc (x86_64, i386; "
                                     "not part of test)")
    s.add_argument("--arch", help="x86_64, i386 or both (default)")
    s.set_defaults(fn=cmd_bench)
    s = sub.add_parser("soak", help="long differential runs against glibc (10^6 long double "
                                    "printf cases, 10^5 inputs per math function, musl's "
                                    "max ulp beside muslin's on x86_64); not part of test")
    s.add_argument("--arch", action="append",
                   help="an arch, a comma-separated list or all (repeatable; default all)")
    s.add_argument("--only", help=f"comma-separated parts: {','.join(PARTS)} (default all)")
    s.add_argument("--scale", type=float, default=1.0,
                   help="multiplies every count (0.1: a tenth of the inputs)")
    s.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1),
                   help="programs running at a time")
    s.set_defaults(fn=cmd_soak)
    return p


def main():
    p = parser()
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
    except BuildError as e:
        die(str(e), 1)
    except subprocess.CalledProcessError as e:
        die(f"command failed (exit {e.returncode}): {' '.join(map(str, e.cmd))}", 1)


if __name__ == "__main__":
    main()
