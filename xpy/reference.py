"""Reference (differential) tests: the same C source built against glibc.

A C test whose source says `test-reference: "host"` or
`test-reference: "long-double"` is also compiled with gcc and glibc, with
`-DREFERENCE`, and run with the test's arguments and environment; what
that reference program prints becomes the standard input of the
muslin-built program, which compares and prints the protocol lines. So one
source holds both sides, and the expectation is glibc's own output.

"host" uses the host's gcc (x86_64 glibc) for every arch. "long-double"
uses glibc for an arch whose `long double` has the same format as the arch
under test (see REFERENCE_ARCH), run under qemu where it is not the host,
so printing and maths on `long double` have a reference for every format:
x87 80-bit, IEEE binary128, double (arm) and IBM double-double
(powerpc64le). Each reference is built and run once per test and
reference arch, and its output shared by every arch and mode using it.
"""

import os
import subprocess
import tempfile
import threading

from .common import OUT_DIR, BuildError
from .run import BASE_ENV

# arch under test -> the glibc arch whose `long double` has its format.
REFERENCE_ARCH = {
    "x86_64": "x86_64", "i386": "x86_64",          # x87 80-bit extended
    "aarch64": "aarch64", "riscv64": "aarch64",    # IEEE binary128
    "s390x": "aarch64", "loongarch64": "aarch64",
    "arm": "arm",                                  # double
    "powerpc64le": "powerpc64le",                  # IBM double-double
}
# glibc arch -> (gcc, command prefix that runs its programs here).
COMPILERS = {
    "x86_64": ("gcc", []),
    "aarch64": ("aarch64-linux-gnu-gcc", ["qemu-aarch64"]),
    "arm": ("arm-linux-gnueabihf-gcc", ["qemu-arm"]),
    "powerpc64le": ("powerpc64le-linux-gnu-gcc", ["qemu-ppc64le"]),
}

_lock = threading.Lock()
_outputs = {}  # (source, glibc arch) -> future-like [event, result]


def reference_arch(kind, arch):
    """The glibc arch whose program is the reference for `arch`."""
    return "x86_64" if kind == "host" else REFERENCE_ARCH[arch]


def build(src, ref_arch, outdir=None, flags=(), libs=()):
    """Compiles `src` against glibc for `ref_arch` (into `outdir`, by
    default out/reference/ARCH/), with `flags` (e.g. -D options) and
    `libs` (linked before libm): the executable's path."""
    gcc, _ = COMPILERS[ref_arch]
    name = os.path.splitext(os.path.basename(src))[0]
    outdir = outdir or os.path.join(OUT_DIR, "reference", ref_arch)
    os.makedirs(outdir, exist_ok=True)
    exe = os.path.join(outdir, name)
    cmd = [gcc, "-DREFERENCE", *flags, "-O1", "-static", "-w", "-o", exe, src, *libs, "-lm"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise BuildError(f"reference build failed: {' '.join(cmd)}\n{p.stderr}")
    return exe


def output(src, kind, arch, spec, timeout=600):
    """The reference program's standard output for the test `src` on
    `arch` (built and run once, then shared): (bytes, None) or (None, why)."""
    key = (src, reference_arch(kind, arch))
    with _lock:
        slot = _outputs.get(key)
        owner = slot is None
        if owner:
            slot = _outputs[key] = [threading.Event(), None]
    if not owner:
        slot[0].wait()
        return slot[1]
    try:
        exe = build(src, key[1])
        env = dict(BASE_ENV, **spec.get("env", {}))
        p = subprocess.run(COMPILERS[key[1]][1] + [exe, *spec.get("args", [])],
                           input=spec.get("stdin", b""), capture_output=True, env=env,
                           timeout=timeout, cwd=tempfile.gettempdir())
        if p.returncode != 0:
            slot[1] = (None, f"the glibc reference ({key[1]}) exited with {p.returncode}: "
                       f"{p.stderr.decode(errors='replace').strip()[-300:]}")
        else:
            slot[1] = (p.stdout, None)
    except (BuildError, OSError, subprocess.TimeoutExpired) as e:
        slot[1] = (None, str(e))
    slot[0].set()
    return slot[1]
