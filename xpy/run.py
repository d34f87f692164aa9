"""Running an arch's programs natively or under qemu-user; `./x.py run`."""

import subprocess
import sys
import tempfile
import time

from .build import build_examples, c_examples, rust_examples
from .common import ARCHES, arch_list, die, host_arch
from .toolchain import setup

# The whole environment of a test program, unless its test adds to it.
BASE_ENV = {"PATH": "/usr/bin:/bin"}


def runner(arch, mode):
    """Command prefix to run an `arch` binary: [] natively, [qemu] otherwise."""
    if mode == "native":
        return []
    return [ARCHES[arch]["qemu"]]


def modes(arch):
    """How `arch`'s tests run here: natively and under qemu where the host
    runs them, else under qemu only."""
    if ARCHES[arch]["native"] and host_arch() == "x86_64":
        return ["native", "qemu"]
    return ["qemu"]


def run_program(arch, mode, exe, args=(), env=None, stdin=b"", timeout=300):
    """Runs `exe` in the temporary directory: (status or "timeout", stdout,
    stderr, seconds). A signal's death is a negative status."""
    cmd = runner(arch, mode) + [exe, *args]
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout,
                           env=env if env is not None else BASE_ENV,
                           cwd=tempfile.gettempdir())
        return p.returncode, p.stdout, p.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b"", time.monotonic() - start


def cmd_run(a):
    setup(quiet=True)
    arch = arch_list(a.arch)[0]
    name = a.example
    known = rust_examples() + [c + ".c" for c in c_examples()]
    if name not in known:
        die(f"unknown example '{name}' (known: {', '.join(known)})")
    exes = build_examples(arch, a.release)
    mode = "qemu" if a.qemu or not ARCHES[arch]["native"] else "native"
    cmd = runner(arch, mode) + [exes[name], *a.args]
    sys.exit(subprocess.run(cmd).returncode)
