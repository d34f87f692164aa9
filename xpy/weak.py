"""The weak-export check `lint` runs: every C function muslin exports is a
weak definition, so that a program's own definition of the same name wins
in a static link (see docs/building.md, "A program's own definitions win").

A function counts as exported when `#[unsafe(no_mangle)]` stands among the
attributes right above its `fn` line. Names that start with `__muslin` are
muslin's own link-time hooks, which no program defines, and `main` is the
program's entry that the `main!` macro writes; both are left alone. Statics
(`environ`) are not functions and are not checked."""

import os
import re
import sys
import tempfile

# Folders scanned, relative to the repository root (`crt/` holds only the
# start-up entry points, which are muslin's own).
SCANNED = ("src", "arch")

FN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:unsafe\s+)?(?:extern\s+\"C\"\s+)?fn\s+(\w+)")
ATTR = re.compile(r"^\s*(#\[.*\]|//.*)\s*$")


def rust_files(root):
    """Every `.rs` file under the scanned folders, relative to ``root``."""
    for top in SCANNED:
        for d, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith(".rs"):
                    yield os.path.relpath(os.path.join(d, name), root)


def check_text(rel, text):
    """The error lines for one file: each exported function without
    `#[linkage = "weak"]` among its attributes."""
    errors = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        name = m.group(1)
        attrs = []
        j = i - 1
        while j >= 0 and ATTR.match(lines[j]):
            attrs.append(lines[j].strip())
            j -= 1
        if "#[unsafe(no_mangle)]" not in attrs:
            continue
        if name.startswith("__muslin") or name == "main":
            continue
        if '#[linkage = "weak"]' not in attrs:
            errors.append(f"{rel}:{i + 1}: {name} is exported strong "
                          f"(add #[linkage = \"weak\"] so a program's own {name} wins)")
    return errors


def check(root):
    """Every strong C export under ``root``, one line each."""
    errors = []
    for rel in rust_files(root):
        with open(os.path.join(root, rel)) as f:
            errors += check_text(rel, f.read())
    return errors


def selftest():
    """The check must catch a missing attribute and pass a correct file; the
    error lines (empty when the check works)."""
    good = ('#[unsafe(no_mangle)]\n#[linkage = "weak"]\npub extern "C" fn f() {}\n'
            '#[unsafe(no_mangle)]\nextern "C" fn __muslin_g() {}\n')
    bad = '/// Doc.\n#[unsafe(no_mangle)]\npub unsafe extern "C" fn strong(p: *mut u8) {}\n'
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "src"))
        with open(os.path.join(tmp, "src", "a.rs"), "w") as f:
            f.write(good)
        if check(tmp):
            out.append("weak: self-test: a correct file was reported")
        with open(os.path.join(tmp, "src", "b.rs"), "w") as f:
            f.write(bad)
        errs = check(tmp)
        if len(errs) != 1 or "strong" not in errs[0]:
            out.append(f"weak: self-test: a strong export was not reported ({errs})")
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    errors = selftest() + check(root)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
