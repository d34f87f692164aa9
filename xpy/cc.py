"""Compiling and linking C programs against muslin (`./x.py cc`)."""

import functools
import os
import re
import subprocess
import tempfile

from .common import ARCHES, LLVM_BIN, ROOT, TOOLCHAIN, run_logged

LINK_FLAGS = ["-static", "--gc-sections", "--build-id=none", "-znorelro", "-znoexecstack",
              "--no-rosegment", "-T", os.path.join(ROOT, "crt", "muslin.ld")]


@functools.cache
def clang_resource_dir():
    return subprocess.run([LLVM_BIN + "/clang", "-print-resource-dir"], capture_output=True,
                          text=True).stdout.strip()


def clang_flags(arch):
    inc = os.path.join(ROOT, "include")
    arch_inc = os.path.join(ROOT, "arch", arch, "include")
    return [*ARCHES[arch]["clang"], "-nostdinc", "-ffreestanding", "-fno-pic", "-fno-pie",
            "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
            "-ffunction-sections", "-fdata-sections",
            "-isystem", arch_inc, "-isystem", inc,
            "-isystem", os.path.join(clang_resource_dir(), "include")]


@functools.cache
def rust_lld():
    sysroot = subprocess.run(["rustc", f"+{TOOLCHAIN}", "--print", "sysroot"],
                             capture_output=True, text=True).stdout.strip()
    host = subprocess.run(["rustc", f"+{TOOLCHAIN}", "-vV"], capture_output=True,
                          text=True).stdout
    host = re.search(r"host: (\S+)", host).group(1)
    return os.path.join(sysroot, "lib", "rustlib", host, "bin", "rust-lld")


def split_args(args):
    """clang-style arguments -> (sources, compile flags, link flags)."""
    srcs = [a for a in args if a.endswith((".c", ".S", ".s"))]
    flags = [a for a in args if a not in srcs]
    cflags = [f for f in flags if not f.startswith(("-l", "-L", "-Wl,"))]
    ldflags = [f for f in flags if f.startswith(("-l", "-L"))]
    ldflags += [x for f in flags if f.startswith("-Wl,") for x in f[4:].split(",")]
    if not any(f.startswith("-O") for f in cflags):
        cflags.append("-O2")
    return srcs, cflags, ldflags


def cc(arch, args, out, lib, log=None):
    """Compiles and links C sources (and flags: clang's) into a static
    binary `out` against `lib` (libmuslin.a)."""
    srcs, cflags, ldflags = split_args(args)
    with tempfile.TemporaryDirectory() as tmp:
        objs = []
        for i, src in enumerate(srcs):
            obj = os.path.join(tmp, f"{i}.o")
            run_logged([LLVM_BIN + "/clang", *clang_flags(arch), *cflags, "-c", src, "-o", obj],
                       log)
            objs.append(obj)
        run_logged([rust_lld(), "-flavor", "gnu", *LINK_FLAGS, "-o", out, *objs, *ldflags, lib],
                   log)

