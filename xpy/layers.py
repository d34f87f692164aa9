#!/usr/bin/env python3
"""The layer check: no module of muslin may import one of a higher rank.

The crate's top-level modules are stacked in the order of ``RANKS`` (lowest
first). A module may name (``crate::x``, ``$crate::x``, ``use crate::{x, ..}``
or a ``super::`` path that climbs out of its own top-level module) only
modules of a strictly lower rank, so that the import graph has no cycles and
each layer can be read, tested and changed knowing only what lies below it.
Going up is done with a hook that the higher layer installs, or by moving the
item down, never by importing upwards.

``check(root)`` returns one line per violation; run as a script it prints
them and exits 1 if there are any. Standard library only.
"""

import os
import re
import sys

# Top-level module -> rank, lowest first. This table is the one place the
# order is written down; docs and reviews refer to it.
RANKS = {
    "errno": 0,    # error type and numbers, and their messages
    "elf": 0,      # ELF parsing (vDSO lookup)
    "fmt": 0,      # pure number formatting and parsing
    "complex": 0,  # complex arithmetic for <complex.h> (over the libm crate)
    "ldmath": 0,   # long double maths kernels in f128 (erf, gamma)
    "arch": 1,     # machine code; may use errno only
    "syscall": 2,  # typed raw system calls and the kernel types they take
    "env": 3,      # argv/envp/auxv storage set by crt
    "signal": 4,   # signal handling (sigaction wrappers, contexts)
    "time": 4,     # clocks (vDSO)
    "process": 5,  # exit, atexit/fini hooks, abort
    "thread": 6,   # descriptor, TLS, spawn/join, cancellation, futex locks
    "malloc": 7,   # allocator
    "stdio": 8,    # FILE streams
    "io": 9,       # Rust Read/Write
    "c": 10,       # the C ABI
    "crt": 11,     # start-up (calls everything)
}

# Folders scanned, relative to the repository root.
SCANNED = ("src", "arch", "crt")


def strip_comments_and_strings(text):
    """Returns ``text`` with comments, string and char literals blanked out.

    Newlines are kept, so line numbers still match the file. Doc comments are
    comments too: a path in prose is not an import.
    """
    out = []
    i, n = 0, len(text)

    def blank(s):
        out.append(re.sub(r"[^\n]", " ", s))

    while i < n:
        c = text[i]
        two = text[i:i + 2]
        if two == "//":
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(text[i:j])
            i = j
        elif two == "/*":
            depth, j = 1, i + 2
            while j < n and depth:
                if text[j:j + 2] == "/*":
                    depth, j = depth + 1, j + 2
                elif text[j:j + 2] == "*/":
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(text[i:j])
            i = j
        elif c in "bcr" and not _ident_before(text, i) and re.match(r'[bc]?r#*"', text[i:i + 260]):
            # A raw string (r"..", br"..", cr"..", with any number of #s):
            # no escapes inside, it ends at the quote followed by its #s.
            m = re.match(r'[bc]?r(#*)"', text[i:])
            end = text.find('"' + m.group(1), i + len(m.group(0)))
            j = n if end < 0 else end + 1 + len(m.group(1))
            blank(text[i:j])
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            blank(text[i:j + 1])
            i = j + 1
        elif c == "'":
            # A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            m = re.match(r"'(\\[^']+|[^'\\\n])'", text[i:i + 16])
            if m:
                blank(m.group(0))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _ident_before(text, i):
    """True if ``text[i]`` continues an identifier (so ``r"`` is no raw string)."""
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")


def module_path(rel):
    """The module path of a file, e.g. ``src/thread/cancel.rs`` -> [thread, cancel].

    ``mod.rs`` names its folder. Files chosen with ``#[path]`` (``arch/x86_64/``
    mounted as ``arch::imp``, ``crt/x86_64.rs`` as ``crt::entry``) sit at the
    same depth as their folder layout says, which is all ``super::`` needs.
    """
    parts = rel[:-3].split("/")
    if parts[0] == "src":
        parts = parts[1:]
    if parts[-1] == "mod":
        parts = parts[:-1]
    return parts


def exported_names(root):
    """Names reachable as ``crate::NAME`` that are not modules: the root's
    ``pub use`` re-exports and the ``#[macro_export]`` macros, each mapped to
    the top-level module that defines it."""
    names = {}
    lib = os.path.join(root, "src", "lib.rs")
    if os.path.exists(lib):
        with open(lib) as f:
            code = strip_comments_and_strings(f.read())
        for m in re.finditer(r"\bpub\s+use\s+(\w+)::(?:\w+::)*(\w+)\s*;", code):
            names[m.group(2)] = m.group(1)
    for rel in rust_files(root):
        top = module_path(rel)[0]
        with open(os.path.join(root, rel)) as f:
            code = strip_comments_and_strings(f.read())
        for m in re.finditer(r"#\[macro_export\]\s*macro_rules!\s*(\w+)", code):
            names[m.group(1) + "!"] = top
            # `use crate::{name}` imports a macro without its `!`; a macro that
            # shares a module's name (`syscall!`) lives in that module anyway.
            if m.group(1) not in RANKS:
                names[m.group(1)] = top
    return names


def rust_files(root):
    """Every ``.rs`` file under the scanned folders, relative to ``root``."""
    found = []
    for top in SCANNED:
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                if name.endswith(".rs"):
                    path = os.path.join(dirpath, name)
                    found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return sorted(found)


def group_heads(code, start):
    """The first path segment of each item in the ``{..}`` group at ``start``."""
    depth, j, item_start, heads = 0, start, start + 1, []
    while j < len(code):
        ch = code[j]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                heads.append(code[item_start:j])
                break
        elif ch == "," and depth == 1:
            heads.append(code[item_start:j])
            item_start = j + 1
        j += 1
    result = []
    for item in heads:
        m = re.match(r"\s*(\w+)", item)
        if m and m.group(1) != "self":
            result.append(m.group(1))
    return result


def references(code, path):
    """Yields (offset, top-level module) for every path in ``code`` that
    names a top-level module, given the file's module ``path``."""
    for m in re.finditer(r"(?<![\w$])\$?crate\s*::\s*(\{|\w+\s*!?)", code):
        target = m.group(1)
        if target == "{":
            for head in group_heads(code, m.start(1)):
                yield m.start(), head
        else:
            yield m.start(), re.sub(r"\s+", "", target)
    # `super::` chains, with the inline `mod x {` blocks around them counted.
    inline = inline_mod_depths(code)
    for m in re.finditer(r"(?<![\w:])((?:super\s*::\s*)+)(\{|\w+)", code):
        ups = m.group(1).count("super")
        here = path + ["<inline>"] * inline_depth_at(inline, m.start())
        if ups >= len(here):  # climbed to the crate root: next is a top-level name
            if m.group(2) == "{":
                for head in group_heads(code, m.start(2)):
                    yield m.start(), head
            else:
                yield m.start(), m.group(2)


def inline_mod_depths(code):
    """(start, end) of each inline ``mod name { .. }`` block in ``code``."""
    spans = []
    for m in re.finditer(r"\bmod\s+\w+\s*\{", code):
        depth, j = 0, m.end() - 1
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        spans.append((m.end(), j))
    return spans


def inline_depth_at(spans, offset):
    """How many inline module blocks enclose ``offset``."""
    return sum(1 for s, e in spans if s <= offset < e)


def check(root):
    """Every upward or sideways import under ``root``, one line each:
    ``file:line: <mod> (rank r) imports <mod2> (rank r2)``."""
    names = exported_names(root)
    errors = []
    for rel in rust_files(root):
        if rel == "src/lib.rs":  # the crate root sits outside the table
            continue
        path = module_path(rel)
        mod = path[0]
        if mod not in RANKS:
            errors.append(f"{rel}:1: {mod} is in no layer (add it to RANKS in xpy/layers.py)")
            continue
        with open(os.path.join(root, rel)) as f:
            code = strip_comments_and_strings(f.read())
        seen = set()
        for offset, name in sorted(references(code, path)):
            target = names.get(name, name.rstrip("!"))
            if target not in RANKS or target == mod:
                continue
            line = code.count("\n", 0, offset) + 1
            if RANKS[target] >= RANKS[mod] and (line, target) not in seen:
                seen.add((line, target))
                errors.append(f"{rel}:{line}: {mod} (rank {RANKS[mod]}) imports "
                              f"{target} (rank {RANKS[target]})")
    return errors


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    errors = check(root)
    for e in errors:
        print(e)
    if errors:
        print(f"layers: {len(errors)} import(s) against the layer order", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
