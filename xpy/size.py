"""`./x.py size`: stripped sizes of the examples, per arch (release)."""

import os
import tempfile

from .build import build_examples
from .common import LLVM_BIN, arch_list, run_cmd
from .toolchain import setup


def stripped_size(path):
    with tempfile.TemporaryDirectory() as tmp:
        s = os.path.join(tmp, "s")
        run_cmd([LLVM_BIN + "/llvm-strip", "--strip-all", "-o", s, path])
        return os.path.getsize(s)


def cmd_size(a):
    setup(quiet=True)
    arches = arch_list(a.arch, default_all=True)
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
