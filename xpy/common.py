"""What every part of x.py shares: paths, the arch table, messages."""

import os
import platform
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
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


def say(msg):
    print(f"x.py: {msg}", flush=True)


def die(msg, code=2):
    print(f"x.py: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


def run_cmd(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def arch_list(value, default_all=False):
    """The arches an --arch value names: one, a comma-separated list, or
    `all`; without a value all of them or the host's."""
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


class BuildError(Exception):
    """A build step failed; `log` holds what it printed (None: on screen)."""

    def __init__(self, msg, log=None):
        super().__init__(msg)
        self.log = log


def run_logged(cmd, log, **kw):
    """Runs `cmd`, its output on screen (log None) or appended to `log`;
    raises CalledProcessError when it fails."""
    if log is None:
        return subprocess.run(cmd, check=True, **kw)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)
    log.append(p.stdout.decode(errors="replace"))
    p.check_returncode()
    return p
