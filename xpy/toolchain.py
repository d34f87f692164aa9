"""`./x.py setup`: the pinned Rust toolchain, qemu-user, clang and lld.

Every command calls setup(quiet=True) first, so a fresh machine installs
what it lacks (saying so) instead of failing halfway through a build."""

import os
import shutil
import subprocess

from .cc import install_drivers
from .common import LLVM_BIN, TOOLCHAIN, die, run_cmd, say

APT_PACKAGES = {  # package -> file that proves it is installed
    "qemu-user": "/usr/bin/qemu-aarch64",
    "clang-19": LLVM_BIN + "/clang",
    "lld-19": LLVM_BIN + "/ld.lld",
    "llvm-19": LLVM_BIN + "/llvm-strip",
    "autoconf": "/usr/bin/autoconf",  # the C driver's ./configure test
    # glibc references of the differential tests (xpy/reference.py): a
    # cross gcc and static glibc per `long double` format the host lacks.
    "gcc-aarch64-linux-gnu": "/usr/bin/aarch64-linux-gnu-gcc",
    "libc6-dev-arm64-cross": "/usr/aarch64-linux-gnu/lib/libc.a",
    "gcc-arm-linux-gnueabihf": "/usr/bin/arm-linux-gnueabihf-gcc",
    "libc6-dev-armhf-cross": "/usr/arm-linux-gnueabihf/lib/libc.a",
    "gcc-powerpc64le-linux-gnu": "/usr/bin/powerpc64le-linux-gnu-gcc",
    "libc6-dev-ppc64el-cross": "/usr/powerpc64le-linux-gnu/lib/libc.a",
}
COMPONENTS = ("rust-src", "rustfmt", "clippy")


def find_rustup():
    rustup = shutil.which("rustup") or os.path.expanduser("~/.cargo/bin/rustup")
    if not os.path.exists(rustup):
        die("rustup is not installed: install it (https://rustup.rs), then rerun")
    return rustup


def rust_toolchain():
    """Installs the pinned nightly, or the components it lacks."""
    rustup = find_rustup()
    tl = subprocess.run([rustup, "toolchain", "list"], capture_output=True, text=True).stdout
    if TOOLCHAIN not in tl:
        say(f"installing Rust toolchain {TOOLCHAIN} with {', '.join(COMPONENTS)}")
        run_cmd([rustup, "toolchain", "install", TOOLCHAIN, "--profile", "minimal",
                 *(x for c in COMPONENTS for x in ("-c", c))])
        return
    comps = subprocess.run([rustup, "component", "list", "--installed", "--toolchain",
                            TOOLCHAIN], capture_output=True, text=True).stdout
    missing = [c for c in COMPONENTS if c not in comps]
    if missing:
        say(f"adding components {', '.join(missing)} to {TOOLCHAIN}")
        run_cmd([rustup, "component", "add", "--toolchain", TOOLCHAIN] + missing)


def setup(quiet=False):
    """Installs what is missing: toolchain + rust-src, qemu-user, clang, lld."""
    rust_toolchain()
    need = [p for p, f in APT_PACKAGES.items() if not os.path.exists(f)]
    if need:
        apt_install(need)
    elif not quiet:
        say("toolchain, qemu-user, clang and lld are installed")


def add_dpkg_arches(packages, sudo):
    """Adds to dpkg the foreign arches that `name:arch` packages need."""
    foreign = {p.split(":", 1)[1] for p in packages if ":" in p}
    if not foreign:
        return
    have = subprocess.run(["dpkg", "--print-foreign-architectures"], capture_output=True,
                          text=True).stdout.split()
    for arch in sorted(foreign - set(have)):
        say(f"adding the {arch} architecture to dpkg (dpkg --add-architecture {arch})")
        run_cmd(sudo + ["dpkg", "--add-architecture", arch])


def apt_install(packages, check=True):
    """apt-get installs `packages` (names may carry ':arch'; a foreign arch
    is added to dpkg first). An `apt-get update` that fails only for some
    index is not fatal: the install says whether what is needed was found.
    Returns True on success; with check=False a failed install returns False."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    add_dpkg_arches(packages, sudo)
    say(f"installing {' '.join(packages)} with apt-get")
    if subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env).returncode != 0:
        say("apt-get update reported errors; trying the install anyway")
    p = subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + packages, env=env)
    if p.returncode != 0:
        if check:
            die(f"apt-get install {' '.join(packages)} failed", 1)
        return False
    return True


def cmd_setup(a):
    setup()
    # The per-arch C compilers (they need libmuslin.a, built by ./x.py build).
    for path in install_drivers():
        say(f"C compiler {path}")
