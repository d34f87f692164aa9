"""Compiling and linking C programs against muslin: the tests' and
examples' builds, `./x.py cc`, and the per-arch driver executables
(target/muslin/bin/<arch>-muslin-cc, code in driver.py) that x.py writes."""

import functools
import os
import re
import subprocess

from . import driver
from .common import ALL, LLVM_BIN, TOOLCHAIN, BuildError, run_logged


@functools.cache
def clang_resource_dir():
    return subprocess.run([LLVM_BIN + "/clang", "-print-resource-dir"], capture_output=True,
                          text=True).stdout.strip()


@functools.cache
def rust_lld():
    sysroot = subprocess.run(["rustc", f"+{TOOLCHAIN}", "--print", "sysroot"],
                             capture_output=True, text=True).stdout.strip()
    host = subprocess.run(["rustc", f"+{TOOLCHAIN}", "-vV"], capture_output=True,
                          text=True).stdout
    host = re.search(r"host: (\S+)", host).group(1)
    return os.path.join(sysroot, "lib", "rustlib", host, "bin", "rust-lld")


def install_driver(arch):
    """Writes (when it changed) and returns target/muslin/bin/<arch>-muslin-cc."""
    return driver.install(arch, rust_lld(), clang_resource_dir())


def install_drivers(arches=ALL):
    return [install_driver(arch) for arch in arches]


def with_default_opt(args):
    """`args` with -O2 added when they name no -O: what the tests, the
    examples and `./x.py cc` build with (the driver itself defaults like cc)."""
    return args if any(a.startswith("-O") for a in args) else [*args, "-O2"]


def cc(arch, args, out, lib, log=None):
    """Compiles and links C sources (and flags: cc's) into a static binary
    `out` against `lib` (libmuslin.a), with the driver's code, in-process;
    clang's and the linker's output go to `log` (None: the screen)."""
    d = driver.Driver(arch, rust_lld(), clang_resource_dir(), lib=lib,
                      run=lambda cmd: run_logged(cmd, log))
    try:
        d.main([*with_default_opt(args), "-o", out])
    except driver.DriverError as e:
        raise BuildError(f"cc for {arch}: {e}", log) from None
