"""The expectations a test declares in its own source file.

A test that is not judged by the default protocol (exit status 0, one
`ok NAME` / `FAIL NAME: why` / `xfail NAME: why` line per case) says so in
comment lines of its source, anywhere in the file, one key per line:

    test-args: "alpha" "beta gamma" ""     arguments, one string each
    test-env: MUSLIN_TEST="yes" EMPTY=""   added to the environment (PATH only)
    test-stdin: "42 hello\\n" "L"*5000      standard input (default: empty)
    test-reference: "host"                 differential: see xpy/reference.py
    expect-status: 42                      the exit status, or `signal 6`
    expect-stdout: "ctor\\n" "main\\n"       the exact standard output

A value is a list of double-quoted strings with C's escapes (\\n, \\t, \\\\,
\\", \\xNN), each optionally followed by `*N` (repeated N times); the strings
are joined. A key given on several lines adds to what the earlier lines
gave. A test with `expect-status` or `expect-stdout` is judged on those
alone (the status defaults to 0); the `test-` keys only set up its run.
The comment may be C's (`/* ... */`, ` * ` lines) or Rust's (`//!`, `//`).
"""

import ast
import re

KEY_LINE = re.compile(r"^\s*(?:/\*+|\*|//[/!]?)\s*"
                      r"(test-args|test-env|test-stdin|test-reference|expect-status|expect-stdout):(.*?)"
                      r"\s*(?:\*/)?\s*$")
TOKEN = re.compile(r'\s*(?:([A-Za-z_][A-Za-z0-9_]*)=)?("(?:[^"\\]|\\.)*")(?:\*(\d+))?')
STATUS = re.compile(r"^\s*(?:(-?\d+)|signal (\d+))\s*$")


class ExpectError(Exception):
    """A malformed expectation line (the message names file and line)."""


def tokens(value, where):
    """[(name or None, bytes)] of one line's value."""
    out, pos = [], 0
    while value[pos:].strip():
        m = TOKEN.match(value, pos)
        if not m:
            raise ExpectError(f"{where}: cannot read {value[pos:].strip()!r}")
        name, literal, times = m.groups()
        try:
            data = ast.literal_eval("b" + literal) * int(times or 1)
        except (SyntaxError, ValueError):
            raise ExpectError(f"{where}: not an ASCII string with C escapes: {literal}")
        out.append((name, data))
        pos = m.end()
    return out


def add(spec, key, value, where):
    """Adds one line's `key: value` to `spec`."""
    if key == "expect-status":
        m = STATUS.match(value)
        if not m or "status" in spec:
            raise ExpectError(f"{where}: expect-status wants one number or `signal N`")
        spec["status"] = int(m.group(1)) if m.group(1) else -int(m.group(2))
        return
    toks = tokens(value, where)
    named = [bool(name) for name, _ in toks]
    if not toks or (all(named) if key == "test-env" else any(named)) != (key == "test-env"):
        raise ExpectError(f"{where}: {key} wants "
                          + ("NAME=\"value\" pairs" if key == "test-env" else "strings"))
    if key == "test-reference":
        kind = b"".join(d for _, d in toks).decode()
        if kind not in ("host", "long-double") or "reference" in spec:
            raise ExpectError(f"{where}: test-reference wants \"host\" or \"long-double\"")
        spec["reference"] = kind
    elif key == "test-args":
        spec.setdefault("args", []).extend(d.decode() for _, d in toks)
    elif key == "test-env":
        spec.setdefault("env", {}).update((n, d.decode()) for n, d in toks)
    else:
        field = key.split("-")[1]
        spec[field] = spec.get(field, b"") + b"".join(d for _, d in toks)


def read_spec(path):
    """The expectations in the source file `path`: a dict with some of args,
    env, stdin, status, stdout; status is set (default 0) when the test is
    judged by status and output. Raises ExpectError for a malformed line."""
    spec = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = KEY_LINE.match(line)
            if m:
                add(spec, m.group(1), m.group(2), f"{path}:{n}")
    if "stdout" in spec:
        spec.setdefault("status", 0)
    return spec
