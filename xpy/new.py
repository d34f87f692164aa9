"""`./x.py new PATH [--arch A]`: a Rust crate outside this tree that plain
`cargo build` / `cargo run` build against muslin, and the test of that flow
that `./x.py test` runs on every arch.

Every setting the crate needs is written from the one place x.py keeps it,
so that the crate builds exactly as muslin's own programs do: the toolchain
(TOOLCHAIN, COMPONENTS), the target, flags and qemu binary (ARCHES,
RUSTFLAGS, BUILD_STD), and the profiles (muslin's own Cargo.toml)."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

from .build import BUILD_STD, RUSTFLAGS, arch_target_dir
from .common import ARCHES, ROOT, TOOLCHAIN, arch_list, die, host_arch, say
from .run import modes
from .toolchain import COMPONENTS, setup

# What the generated program prints; the test checks it byte for byte.
HELLO = "hello from muslin"

MAIN_RS = f"""#![no_std]
#![no_main]

/// The program: its result is the exit status.
fn run() -> i32 {{
    muslin::println!("{HELLO}");
    0
}}

// Defines the C `main` that muslin's start-up code calls. muslin also
// provides the panic handler; for `alloc` (Vec, String, format!) add
// `extern crate alloc;` and `muslin::global_allocator!();`.
muslin::main!(run);
"""


def toml_str(s):
    """`s` as a TOML basic string (JSON's escapes are TOML's, when the
    characters outside ASCII are kept as they are)."""
    return json.dumps(s, ensure_ascii=False)


def toml_list(items):
    return "[" + ", ".join(toml_str(s) for s in items) + "]"


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return toml_str(v)
    return str(v)


def muslin_profiles():
    """The [profile.*] tables of muslin's Cargo.toml, as TOML text: a
    program built with the same profiles can reuse muslin's build of core
    (and gets its size: panic=abort, opt-level "s", LTO in release)."""
    with open(os.path.join(ROOT, "Cargo.toml"), "rb") as f:
        profiles = tomllib.load(f).get("profile", {})
    out = []
    for name, table in profiles.items():
        out.append(f"[profile.{name}]")
        out += [f"{k} = {toml_value(v)}" for k, v in table.items()]
        out.append("")
    return "\n".join(out)


def crate_name(path):
    """A valid package name from the folder's name."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", os.path.basename(os.path.abspath(path))).strip("-")
    name = name.lower() or "hello"
    return name if name[0].isalpha() else "app-" + name


def runner(arch):
    """The cargo runner for `arch`: None where this host runs it natively."""
    if arch == host_arch() or "native" in modes(arch):
        return None
    return ARCHES[arch]["qemu"]


def build_std_setting(flag):
    """`-Zbuild-std=a,b` -> ["a", "b"]."""
    return flag.split("=", 1)[1].split(",")


def flag_groups(flags):
    """`-C x` and `-Z x` pairs kept together, one per line of the config."""
    groups = []
    for f in flags:
        if groups and groups[-1] in (["-C"], ["-Z"]):
            groups[-1].append(f)
        else:
            groups.append([f])
    return groups


def cargo_config(arch):
    """.cargo/config.toml: the target, build-std and every flag x.py uses."""
    target = ARCHES[arch]["rust"]
    std = {f.split("=", 1)[0]: build_std_setting(f) for f in BUILD_STD}
    flags = [*RUSTFLAGS, *ARCHES[arch].get("rustflags", [])]
    lines = [
        f"# Written by muslin's `x.py new` for {arch}. Environment RUSTFLAGS",
        "# would replace the flags below: leave it unset.",
        "[build]",
        f"target = {toml_str(target)}",
        "",
        "# core, alloc and compiler_builtins are built with these flags too;",
        "# compiler_builtins supplies memcpy, memmove, memset, memcmp.",
        "[unstable]",
        f"build-std = {toml_list(std['-Zbuild-std'])}",
        f"build-std-features = {toml_list(std['-Zbuild-std-features'])}",
        "",
        f"[target.{target}]",
        "# A static, non-PIE executable linked by rust-lld with muslin's",
        "# linker script; without +crt-static it crashes at start-up.",
        "rustflags = [",
        *(f"    {', '.join(toml_str(f) for f in group)}," for group in flag_groups(flags)),
        "]",
    ]
    run = runner(arch)
    if run:
        lines.append(f"runner = {toml_str(run)}")
    return "\n".join(lines) + "\n"


def crate_files(path, arch):
    """{relative path: text} of the new crate."""
    manifest = "\n".join([
        "[package]",
        f"name = {toml_str(crate_name(path))}",
        'version = "0.1.0"',
        'edition = "2024"',
        "publish = false",
        "",
        "[dependencies]",
        f"muslin = {{ path = {toml_str(ROOT)} }}",
        "",
        "# muslin's own profiles: no unwinding, and a small release build.",
        muslin_profiles(),
        "# A crate of its own, even inside another workspace.",
        "[workspace]",
        "",
    ])
    toolchain = "\n".join([
        "[toolchain]",
        f"channel = {toml_str(TOOLCHAIN)}",
        f"components = {toml_list(COMPONENTS)}",
        'profile = "minimal"',
        "",
    ])
    return {
        "Cargo.toml": manifest,
        "rust-toolchain.toml": toolchain,
        ".cargo/config.toml": cargo_config(arch),
        "src/main.rs": MAIN_RS,
        ".gitignore": "/target\n",
    }


def write_crate(path, arch):
    """Writes the crate; refuses a folder that exists and is not empty."""
    if os.path.exists(path) and (not os.path.isdir(path) or os.listdir(path)):
        die(f"new: {path} exists and is not an empty folder; not writing over it", 1)
    for rel, text in crate_files(path, arch).items():
        dest = os.path.join(path, rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w") as f:
            f.write(text)
    # muslin's lock: the same dependency versions, nothing resolved anew.
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(path, "Cargo.lock"))


def cmd_new(a):
    arches = arch_list(a.arch)
    if len(arches) != 1:
        die("new: --arch names one arch: the one the crate builds for", 1)
    arch = arches[0]
    # What `cargo run` there needs: the pinned toolchain, qemu-user.
    setup(quiet=True)
    write_crate(a.path, arch)
    say(f"wrote a muslin crate for {arch} in {a.path}: cd there and `cargo run`")


# --- the test of the flow, run by `./x.py test` -----------------------------

NAME = "new-crate"


def plain_env(arch):
    """The environment a user's shell would give cargo: nothing that picks a
    toolchain, target or flags behind the crate's own files. The target
    folder is muslin's for the arch, so that core and muslin already built
    there (same flags, same profiles) are reused and repeated runs cost
    little."""
    env = {k: v for k, v in os.environ.items()
           if k == "CARGO_HOME" or not (k.startswith(("CARGO_", "RUSTC"))
                                        or k in ("RUSTUP_TOOLCHAIN", "RUSTFLAGS"))}
    env["CARGO_TARGET_DIR"] = arch_target_dir(arch)
    env["CARGO_TERM_COLOR"] = "never"
    return env


def flow(arch, log):
    """`./x.py new` then `cargo run` and `cargo run --release` in the new
    crate: [(status, line)], one result per step."""
    mode = "native" if runner(arch) is None else "qemu"
    label = f"{arch}/{mode} {NAME}"
    results = []
    with tempfile.TemporaryDirectory(prefix="muslin-new-") as tmp:
        crate = os.path.join(tmp, "hello")
        p = subprocess.run([sys.executable, os.path.join(ROOT, "x.py"), "new", crate,
                            "--arch", arch], capture_output=True, text=True)
        if p.returncode != 0:
            tail = " | ".join(p.stderr.strip().splitlines()[-3:])
            return [("fail", f"{label}::x.py new: exit status {p.returncode}: {tail}")]
        for extra in ([], ["--release"]):
            what = " ".join(["cargo run", *extra])
            try:
                p = subprocess.run(["cargo", "run", *extra], cwd=crate, env=plain_env(arch),
                                   capture_output=True, timeout=1800)
            except (OSError, subprocess.TimeoutExpired) as e:
                results.append(("fail", f"{label}::{what}: {e}"))
                continue
            out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
            log.append(f"$ {what}\n{err}")
            want = HELLO + "\n"
            if p.returncode == 0 and out == want:
                results.append(("pass", f"{label}::{what} prints hello"))
            else:
                tail = " | ".join(err.strip().splitlines()[-3:])
                results.append(("fail", f"{label}::{what}: exit status {p.returncode}, "
                                f"stdout {out[:200]!r} (want {want!r}): {tail}"))
    return results


def selected(filter_):
    """Whether FILTER selects the new-crate test."""
    return not filter_ or filter_ in NAME
