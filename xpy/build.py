"""Cargo builds: the library, libmuslin.a, tests and examples; `./x.py build`
and `./x.py cc` (which needs libmuslin.a built first).

Each arch builds in a target directory of its own (target/<arch>/): cargo
locks its target directory for a whole build, so arches sharing one could
not build side by side. A build given a `log` (a list) appends the output
of cargo and clang to it instead of printing it, so that builds running
at the same time do not interleave their messages."""

import json
import os
import subprocess
import sys

from .cc import cc, install_driver, with_default_opt
from .common import (ARCHES, OUT_DIR, ROOT, TARGET_DIR, TOOLCHAIN, BuildError, arch_list,
                     die, say)
from .toolchain import setup

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


def arch_target_dir(arch):
    return os.path.join(TARGET_DIR, arch)


def cargo_env(arch):
    """The environment of every cargo run for `arch` (clippy's included)."""
    env = dict(os.environ)
    env["RUSTFLAGS"] = " ".join([*RUSTFLAGS, *ARCHES[arch].get("rustflags", [])])
    env.pop("RUSTC_WRAPPER", None)
    env["CARGO_TERM_COLOR"] = env.get("CARGO_TERM_COLOR", "never")
    env["CARGO_TARGET_DIR"] = arch_target_dir(arch)
    return env


def cargo_build(arch, what, release=True, verb="build", log=None):
    """Builds `what` (cargo target selection args) for `arch`; returns the
    list of (name, executable path) cargo produced."""
    cmd = ["cargo", f"+{TOOLCHAIN}", verb, "--target", ARCHES[arch]["rust"], *BUILD_STD,
           "--message-format=json-render-diagnostics", *what]
    if release:
        cmd.append("--release")
    err = None if log is None else subprocess.PIPE
    p = subprocess.run(cmd, cwd=ROOT, env=cargo_env(arch), stdout=subprocess.PIPE, stderr=err)
    if log is not None:
        log.append(p.stderr.decode(errors="replace"))
    if p.returncode != 0:
        raise BuildError(f"build for {arch} failed", log)
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
    profile = "release" if release else "debug"
    return os.path.join(arch_target_dir(arch), ARCHES[arch]["rust"], profile, "libmuslin.a")


def build_lib(arch, release=True, log=None):
    """libmuslin.a for C programs. Built on its own (not as a second crate
    type of the rlib) so that LTO merges core into one object: otherwise
    --gc-sections cannot drop the parts of core a C program never uses
    (powerpc64's per-object TOC keeps all of them alive)."""
    cargo_build(arch, ["--lib", "--crate-type", "staticlib"], release, verb="rustc", log=log)
    return staticlib(arch, release)


def sources(folder, ext):
    """The names (without `ext`) of the files in ROOT/`folder` ending in `ext`."""
    return sorted(f[:-len(ext)] for f in os.listdir(os.path.join(ROOT, folder))
                  if f.endswith(ext))


def rust_examples():
    return sources("examples", ".rs")


def c_examples():
    return sources("examples", ".c")


def build_c_examples(arch, release, lib, log=None):
    """{NAME.c: executable} for the C examples, built against `lib`."""
    outdir = os.path.join(OUT_DIR, arch)
    os.makedirs(outdir, exist_ok=True)
    exes = {}
    for name in c_examples():
        out = os.path.join(outdir, name + "_c")
        cc(arch, [os.path.join(ROOT, "examples", name + ".c")], out, lib, log)
        exes[name + ".c"] = out
    return exes


def build_examples(arch, release, log=None):
    """{name: executable} for every example: Rust ones by name, C ones as NAME.c."""
    exes = dict(cargo_build(arch, ["--examples"], release, log=log))
    lib = build_lib(arch, release, log)
    exes.update(build_c_examples(arch, release, lib, log))
    return exes


def cmd_build(a):
    setup(quiet=True)
    for arch in arch_list(a.arch):
        say(f"building {arch}")
        build_examples(arch, a.release)
        say(f"{arch}: {staticlib(arch, a.release)}")
        if not a.release:
            # The driver links the release libmuslin.a: make sure there is one.
            build_lib(arch)
        say(f"{arch}: C compiler {install_driver(arch)}")


def cmd_cc(a):
    """Builds libmuslin.a (cargo rebuilds only what changed), then runs the
    arch's driver with the arguments, -O2 added when they name no -O."""
    setup(quiet=True)
    arch = arch_list(a.arch)[0]
    build_lib(arch)
    args = with_default_opt(a.args) + (["-o", a.output] if a.output else [])
    sys.exit(subprocess.run([install_driver(arch), *args]).returncode)
