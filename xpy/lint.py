"""`./x.py lint`: cargo fmt --check, docs/supported.md against include/,
clippy (warnings are errors) for every arch, the programs that must not
compile (xpy/compile_fail.py), the layer check (xpy/layers.py: no module
imports a higher layer), the weak-export check (xpy/weak.py: every C
function muslin exports is weak, so a program's own wins), then every declared function against libmuslin.a
for x86_64 (xpy/surface.py)."""

import os
import subprocess
import sys

from . import compile_fail, surface
from .build import BUILD_STD, build_lib, cargo_env
from .common import ARCHES, ROOT, TOOLCHAIN, arch_list, die, say
from .toolchain import setup


def layer_errors():
    """The layer check's error lines (empty when clean)."""
    from . import layers  # imported here: only `lint` needs it
    return layers.check(ROOT)


def cmd_lint(a):
    setup(quiet=True)
    cargo = ["cargo", f"+{TOOLCHAIN}"]
    say("cargo fmt --check")
    if subprocess.run(cargo + ["fmt", "--check"], cwd=ROOT).returncode != 0:
        die("cargo fmt --check: run `cargo fmt`", 1)
    # Before the slow steps: the page is made from the headers alone.
    say("checking that docs/supported.md matches include/")
    notes = surface.check_notes(surface.headers())
    for line in notes:
        print(line)
    if notes:
        die("the hand-written part of docs/supported.md is wrong (above)", 1)
    if surface.stale():
        die("docs/supported.md is out of date with include/: run `./x.py surface`", 1)
    say("checking that arch/*/include/bits/syscall.h match linux-raw-sys (tools/syscall_h.py)")
    if subprocess.run([sys.executable, os.path.join(ROOT, "tools", "syscall_h.py"),
                       "--check"]).returncode != 0:
        die("a generated syscall header is stale: run `python3 tools/syscall_h.py`", 1)
    arches = arch_list(a.arch, default_all=True)
    for arch in arches:
        say(f"cargo clippy for {arch}")
        cmd = cargo + ["clippy", "--target", ARCHES[arch]["rust"], *BUILD_STD, "--release",
                       "--lib", "--examples", "--test", "*", "--", "-D", "warnings"]
        if subprocess.run(cmd, cwd=ROOT, env=cargo_env(arch)).returncode != 0:
            die(f"clippy found problems for {arch}", 1)
    say("checking that tests/compile_fail/ does not compile where it must not")
    wrong = compile_fail.errors(arches)
    for line in wrong:
        print(line)
    if wrong:
        die("a program in tests/compile_fail/ compiled where it must not (above)", 1)
    say("checking the layer order (xpy/layers.py)")
    errors = layer_errors()
    for line in errors:
        print(line)
    if errors:
        die("the layer check failed: a lower layer imports a higher one (above)", 1)
    say("checking that every exported C function is weak (xpy/weak.py)")
    from . import weak  # imported here: only `lint` needs it
    errors = weak.selftest() + weak.check(ROOT)
    for line in errors:
        print(line)
    if errors:
        die("an exported C function is a strong definition (above)", 1)
    # x86_64 only: the headers are the same on every arch, and `./x.py test`
    # reuses this build (same target directory and flags).
    say("checking that libmuslin.a (x86_64) defines everything include/ declares")
    errors, _ = surface.symbol_report(build_lib("x86_64"))
    for line in errors:
        print(line)
    if errors:
        die("a header declares what libmuslin.a does not define (above)", 1)
    say("fmt, docs/supported.md, clippy, the compile-fail programs, the layer order, the "
        "weak exports and the declarations are clean")
