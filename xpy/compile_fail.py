"""Programs that must not compile: tests/compile_fail/*.rs, checked by
`./x.py lint`.

Some mistakes muslin turns into compile errors (a 64-bit integer passed as
one system-call argument on a 32-bit arch). Each file here is a small
program that makes such a mistake, with comment lines saying where:

    compile-fail-on: i386 arm      arches where `cargo check` must fail ...
    expect-error: SyscallArg       ... with this text in the error
    compile-ok-on: x86_64          arches where the same file must compile

The compile-ok arches show the program is otherwise valid, so that the
failure is the one meant and not a typo. Each file is checked as the
`main.rs` of a throwaway crate under target/compile_fail/ that depends on
muslin by path (with muslin's Cargo.lock, so nothing is resolved anew)."""

import os
import re
import shutil
import subprocess

from .build import BUILD_STD, cargo_env
from .common import ARCHES, ROOT, TARGET_DIR, TOOLCHAIN

FOLDER = os.path.join(ROOT, "tests", "compile_fail")
KEY = re.compile(r"^\s*//!?\s*(compile-fail-on|compile-ok-on|expect-error):\s*(.*?)\s*$")

MANIFEST = """[package]
name = "compile-fail-{name}"
version = "0.0.0"
edition = "2024"
publish = false

[[bin]]
name = "{name}"
path = "main.rs"

[dependencies]
muslin = {{ path = "{root}" }}
{raw_sys}

[profile.release]
panic = "abort"

[workspace]
"""


def expectations(path):
    """{key: value} of the file's comment lines."""
    keys = {}
    with open(path) as f:
        for line in f:
            m = KEY.match(line)
            if m:
                keys[m.group(1)] = m.group(2)
    return keys


def crate_for(name, path):
    """Writes the throwaway crate for `path`; returns its folder."""
    crate = os.path.join(TARGET_DIR, "compile_fail", name)
    os.makedirs(crate, exist_ok=True)
    # The same linux-raw-sys line as muslin's: syscall! names its constants.
    with open(os.path.join(ROOT, "Cargo.toml")) as f:
        raw_sys = next(line for line in f if line.startswith("linux-raw-sys"))
    with open(os.path.join(crate, "Cargo.toml"), "w") as f:
        f.write(MANIFEST.format(name=name, root=ROOT, raw_sys=raw_sys.strip()))
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(crate, "Cargo.lock"))
    shutil.copy(path, os.path.join(crate, "main.rs"))
    return crate


def check_one(crate, arch):
    """(compiled?, compiler output) of `cargo check` of `crate` for `arch`."""
    cmd = ["cargo", f"+{TOOLCHAIN}", "check", "--release", "--target", ARCHES[arch]["rust"],
           *BUILD_STD, "--manifest-path", os.path.join(crate, "Cargo.toml")]
    p = subprocess.run(cmd, cwd=crate, env=cargo_env(arch), capture_output=True)
    return p.returncode == 0, p.stderr.decode(errors="replace")


def errors(arches):
    """One line per expectation not met, for the files that name an arch in
    `arches` (empty when all hold)."""
    out = []
    for file in sorted(os.listdir(FOLDER)):
        if not file.endswith(".rs"):
            continue
        path = os.path.join(FOLDER, file)
        keys = expectations(path)
        crate = crate_for(file[:-3], path)
        want_text = keys.get("expect-error", "")
        for arch in keys.get("compile-fail-on", "").split():
            if arch not in arches:
                continue
            ok, err = check_one(crate, arch)
            if ok:
                out.append(f"tests/compile_fail/{file}: compiles for {arch}, must not")
            elif want_text not in err:
                tail = " | ".join(err.strip().splitlines()[-3:])
                out.append(f"tests/compile_fail/{file}: fails for {arch} without "
                           f"'{want_text}' in the error: {tail}")
        for arch in keys.get("compile-ok-on", "").split():
            if arch not in arches:
                continue
            ok, err = check_one(crate, arch)
            if not ok:
                tail = " | ".join(err.strip().splitlines()[-5:])
                out.append(f"tests/compile_fail/{file}: must compile for {arch}: {tail}")
    return out
