"""`./x.py lint`: cargo fmt --check, clippy (warnings are errors) for every
arch, then the layer check (xpy/layers.py: no module imports a higher layer)."""

import subprocess

from .build import BUILD_STD, cargo_env
from .common import ARCHES, ROOT, TOOLCHAIN, arch_list, die, say
from .toolchain import setup


def layer_errors():
    """The layer check's error lines (empty when clean)."""
    from . import layers  # imported here: only `lint` needs it
    return layers.check(ROOT)


def cmd_lint(a):
    setup(quiet=True)
    cargo = ["cargo", f"+{TOOLCHAIN}"]
    say("cargo fmt --check")
    if subprocess.run(cargo + ["fmt", "--check"], cwd=ROOT).returncode != 0:
        die("cargo fmt --check: run `cargo fmt`", 1)
    for arch in arch_list(a.arch, default_all=True):
        say(f"cargo clippy for {arch}")
        cmd = cargo + ["clippy", "--target", ARCHES[arch]["rust"], *BUILD_STD, "--release",
                       "--lib", "--examples", "--test", "*", "--", "-D", "warnings"]
        if subprocess.run(cmd, cwd=ROOT, env=cargo_env(arch)).returncode != 0:
            die(f"clippy found problems for {arch}", 1)
    say("checking the layer order (xpy/layers.py)")
    errors = layer_errors()
    for line in errors:
        print(line)
    if errors:
        die("the layer check failed: a lower layer imports a higher one (above)", 1)
    say("fmt, clippy and the layer order are clean")
