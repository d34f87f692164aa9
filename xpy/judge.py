"""Turning a program's run into results: [(status, line)], status one of
"pass", "fail", "xfail"; and the xfails that emulator bugs earn."""

import os
import re
import subprocess
import tempfile

from .cc import rust_lld
from .common import ARCHES, LLVM_BIN, ROOT, run_cmd
from .run import run_program


def result(ok, line, why=""):
    """One result: `line`, with `why` added when it failed."""
    return ("pass", line) if ok else ("fail", line + why)


def judge_spec(label, spec, rc, out, err):
    """Judges a run by the exit status and output its spec expects."""
    want = spec["status"]
    got = err.decode(errors="replace").strip()[-200:]
    results = [result(rc == want, f"{label}::exit status {want}", f" (got {rc}: {got})")]
    if "stdout" in spec:
        results.append(result(out == spec["stdout"], f"{label}::output", f" (got {out!r})"))
    return results


def judge(label, rc, out, err):
    """Judges a run by the default protocol: one `ok NAME`, `FAIL NAME: why`
    or `xfail NAME: why` line per case, exit status 0 unless a case failed."""
    results = []
    failed_case = False
    for line in out.decode(errors="replace").splitlines():
        m = re.match(r"^(ok|FAIL|xfail) ([^:]+?)(?:: (.*))?$", line)
        if not m:
            continue
        kind, case, why = m.groups()
        status = {"ok": "pass", "FAIL": "fail", "xfail": "xfail"}[kind]
        failed_case |= status == "fail"
        results.append((status, f"{label}::{case}" + (f" ({why})" if why else "")))
    if rc != 0 and not failed_case:
        tail = err.decode(errors="replace").strip().splitlines()[-3:]
        results.append(("fail", f"{label}: exit status {rc}" + (f": {' | '.join(tail)}"
                                                                   if tail else "")))
    if not results:
        results.append(("fail", f"{label}: printed no result lines"))
    return results


HELLOS = (("hello", b"hello, world\n"), ("hello.c", b"hello, world\n"),
          ("println", b"hello 42\n"), ("printf_hello.c", b"hello 42\n"))
CAT_TEXT = b"line one\nline two\n" * 1000


def check_hellos(arch, mode, exes):
    """Each hello example prints its line and exits 0."""
    res = []
    for name, want in HELLOS:
        rc, out, err, _ = run_program(arch, mode, exes[name])
        res.append(result(rc == 0 and out == want, f"examples::{name} prints {want.decode()!r}",
                          f" (rc={rc} out={out!r})"))
    return res


def check_cat(arch, mode, cat, path):
    """examples/cat.rs copies files and stdin, and reports a missing file."""
    rc, out, err, _ = run_program(arch, mode, cat, [path, "-"], stdin=b"from stdin\n")
    res = [result(rc == 0 and out == CAT_TEXT + b"from stdin\n",
                  "examples::cat copies a file and stdin", f" (rc={rc}, {len(out)} bytes)")]
    rc, out, err, _ = run_program(arch, mode, cat, ["/nonexistent/muslin"])
    res.append(result(rc == 1 and err == b"cat: /nonexistent/muslin: No such file or directory\n",
                      "examples::cat reports a missing file", f" (rc={rc}, err={err!r})"))
    rc, out, err, _ = run_program(arch, mode, cat, [], stdin=b"only stdin\n")
    res.append(result(rc == 0 and out == b"only stdin\n",
                      "examples::cat with no arguments reads stdin"))
    return res


def example_checks(arch, mode, exes):
    """Checks of the examples themselves: hello output, cat behaviour."""
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(CAT_TEXT)
        path = f.name
    try:
        return check_hellos(arch, mode, exes) + check_cat(arch, mode, exes["cat"], path)
    finally:
        os.unlink(path)


# Failures caused by emulator bugs, each proven by a program that uses no
# muslin (and no libc) and behaves differently under qemu than natively. A
# listed test's failures count as xfail only while its proof still shows the
# bug under the installed qemu; if the proof passes, they are failures again.
I386_TLS_GDT = dict(
    proof="tests/qemu/i386_tls_gdt.c",
    why="qemu-i386 7.2 keeps one TLS GDT entry for all threads, so a thread "
        "returning from a signal handler reloads %gs with the newest thread's "
        "base; proof: tests/qemu/i386_tls_gdt.c exits 0 natively, 1 under qemu")
XFAILS = {
    ("i386", "qemu", "cancel_c"): I386_TLS_GDT,
    # The same bug: after its cancellation cases made threads, the main
    # thread's SA_ONSTACK handler returns with the last thread's %gs.
    ("i386", "qemu", "sig_wait_c"): I386_TLS_GDT,
    # The same bug: every thread returns from the id-change signal's handler.
    ("i386", "qemu", "setxid_c"): I386_TLS_GDT,
    # The same bug: threads blocked in socket calls take the cancel signal.
    ("i386", "qemu", "sock_cancel_c"): I386_TLS_GDT,
}


def emulator_bug_shown(arch, proof):
    """Builds `proof` freestanding and runs it natively and under qemu:
    True when it passes natively (exit 0) and fails under qemu."""
    with tempfile.TemporaryDirectory() as tmp:
        obj, exe = os.path.join(tmp, "p.o"), os.path.join(tmp, "p")
        try:
            run_cmd([LLVM_BIN + "/clang", *ARCHES[arch]["clang"], "-ffreestanding", "-nostdlib",
                     "-fno-pic", "-fno-pie", "-fno-stack-protector", "-O1", "-c",
                     os.path.join(ROOT, proof), "-o", obj], capture_output=True)
            run_cmd([rust_lld(), "-flavor", "gnu", "-static", "-e", "_start", "-o", exe, obj],
                    capture_output=True)
        except subprocess.CalledProcessError:
            return False
        native = run_program(arch, "native", exe, timeout=30)[0] if ARCHES[arch]["native"] else 0
        emulated = run_program(arch, "qemu", exe, timeout=30)[0]
        return native == 0 and emulated != 0


def proven_xfails(arch, arch_modes):
    """{(mode, test): why} for `arch`'s xfails whose proof shows the bug."""
    return {(mode, name): x["why"] for (a, mode, name), x in XFAILS.items()
            if a == arch and mode in arch_modes and emulator_bug_shown(arch, x["proof"])}


def apply_xfail(why, results):
    """A proven emulator bug turns the failures of a run into xfails."""
    if not why:
        return results
    return [("xfail", f"{line} [expected: {why}]") if st == "fail" else (st, line)
            for st, line in results]
