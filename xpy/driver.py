"""The C compiler driver a build system uses as `CC`:
target/muslin/bin/<arch>-muslin-cc, a generated wrapper that calls main()
here with the paths it needs baked in (`install` writes it).

It takes cc's options and calls clang and rust-lld directly. It never runs
cargo: a compile must not wait on cargo's lock (a parallel `make` would
compile one file at a time), so it only checks that libmuslin.a exists.
Standard library only, and nothing here imports the rest of x.py but the
arch table, so that a call costs one Python start-up."""

import concurrent.futures
import os
import subprocess
import sys
import tempfile

from .common import ARCHES, LLVM_BIN, ROOT

BIN_DIR = os.path.join(ROOT, "target", "muslin", "bin")
# The archives -lm, -lpthread, … find: empty, since muslin is all of them.
# Searched after the user's -L directories, so a project's own libutil.a wins.
EMPTY_LIB_DIR = os.path.join(ROOT, "target", "muslin", "lib")
EMPTY_LIBS = ("c", "m", "pthread", "rt", "dl", "util", "crypt", "resolv", "xnet")

LINK_FLAGS = ["-static", "--gc-sections", "--build-id=none", "-znorelro", "-znoexecstack",
              "--no-rosegment", "-T", os.path.join(ROOT, "crt", "muslin.ld")]

# What gcc 12 with musl accepts with a warning, clang 19 makes an error by
# default; these keep them warnings. They come before the user's flags, so
# `-Werror=implicit-function-declaration` there still wins.
LEGACY_FLAGS = ["-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
                "-Wno-error=int-conversion", "-Wno-error=incompatible-function-pointer-types"]

# Options whose value may be the next argument.
COMPILE_ARG = {"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote", "-idirafter",
               "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot", "-MF", "-MT",
               "-MQ", "-x", "-Xclang", "-Xpreprocessor", "-Xassembler", "-mllvm"}
LINK_ARG = {"-u", "-e", "-z", "-T"}
# Accepted and meaningless for a static program (link mode), or for a compile.
IGNORED = {"-static", "-rdynamic", "-static-libgcc", "-nostartfiles", "-no-pie", "-pie"}
LINK_ONLY = {"-s"}
REFUSED = {"-shared", "-dynamic", "-static-pie"}
NO_LIBC = {"-nostdlib", "-nodefaultlibs"}

SOURCE_EXT = (".c", ".i", ".s", ".S")
TOOLS = {"ar": "llvm-ar", "ranlib": "llvm-ranlib", "nm": "llvm-nm", "strip": "llvm-strip",
         "objcopy": "llvm-objcopy", "objdump": "llvm-objdump", "readelf": "llvm-readelf",
         "size": "llvm-size", "strings": "llvm-strings", "ld": "ld.lld", "as": "clang",
         "cpp": "clang-cpp"}


class DriverError(Exception):
    """Ends the driver: a message for stderr (or none) and an exit status."""

    def __init__(self, msg, status=1):
        super().__init__(msg)
        self.status = status


def staticlib(arch):
    return os.path.join(ROOT, "target", arch, ARCHES[arch]["rust"], "release", "libmuslin.a")


def clang_flags(arch, resource_dir):
    """The flags every compile gets before the user's (see docs/building.md)."""
    inc = os.path.join(ROOT, "include")
    arch_inc = os.path.join(ROOT, "arch", arch, "include")
    return [*ARCHES[arch]["clang"], "-nostdinc", "-ffreestanding", "-fno-pic", "-fno-pie",
            "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
            "-ffunction-sections", "-fdata-sections", "-Qunused-arguments", *LEGACY_FLAGS,
            "-isystem", arch_inc, "-isystem", inc,
            "-isystem", os.path.join(resource_dir, "include")]


def ensure_empty_libs():
    """Writes the empty lib<name>.a archives once (atomically: parallel
    compiles may race to do it)."""
    for name in EMPTY_LIBS:
        path = os.path.join(EMPTY_LIB_DIR, f"lib{name}.a")
        if os.path.exists(path):
            continue
        os.makedirs(EMPTY_LIB_DIR, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=EMPTY_LIB_DIR)
        with os.fdopen(fd, "wb") as f:
            f.write(b"!<arch>\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)


class Args:
    """A command line, sorted: the mode, the inputs in order (each with the
    `-x` language in effect), the compile flags, the link items in order."""

    def __init__(self, argv):
        self.mode = "link"          # or -c, -S, -E (-M/-MM without -c mean -E)
        self.out = None
        self.cflags = []            # to clang, in order
        self.inputs = []            # (path, -x language or None)
        self.objects = []           # the other files (objects, archives): the linker's
        self.link = []              # (kind, value): "in" an input index, "flag" a linker arg
        self.deps = False           # -MD/-MMD given
        self.dep_file = False       # -MF given
        self.dep_target = False     # -MT/-MQ given
        self.verbose = False
        self.nolibc = False
        self.query = None           # --version, -dumpmachine, -print-…
        self.parse(list(argv))

    def parse(self, argv):
        lang = None
        i = 0
        while i < len(argv):
            a = argv[i]
            i += 1

            def value(opt):
                nonlocal i
                if len(a) > len(opt):
                    return a[len(opt):]
                if i >= len(argv):
                    raise DriverError(f"error: missing argument to '{opt}'")
                i += 1
                return argv[i - 1]

            if a == "-" or not a.startswith("-") or a == "":
                if lang not in (None, "none") or a == "-" or a.endswith(SOURCE_EXT):
                    self.link.append(("in", len(self.inputs)))
                    self.inputs.append((a, lang))
                else:
                    self.link.append(("flag", a))
                    self.objects.append(a)
                continue
            if a in REFUSED:
                raise DriverError(f"error: {a}: muslin builds static programs only")
            if a in ("-c", "-S", "-E", "-M", "-MM"):
                # As with cc: -E (and -M, -MM, which imply it) beats -S beats -c.
                rank = ["link", "-c", "-S", "-E"]
                mode = "-E" if a in ("-M", "-MM") else a
                self.mode = max(self.mode, mode, key=rank.index)
                if a in ("-M", "-MM"):
                    self.cflags.append(a)
                continue
            if a in ("--version", "-dumpmachine", "-dumpversion", "-dumpfullversion") \
                    or a.startswith(("-print-prog-name=", "-print-file-name=")) \
                    or a in ("-print-libgcc-file-name", "-print-search-dirs"):
                self.query = self.query or a
                continue
            if a == "-v":
                self.verbose = True
                continue
            if a.startswith("-o"):
                self.out = value("-o")
                continue
            if a in IGNORED:
                continue
            if a in LINK_ONLY:
                self.link.append(("flag", a))
                continue
            if a in NO_LIBC:
                self.nolibc = True
                continue
            if a.startswith("-Wl,"):
                self.link += [("flag", x) for x in a[4:].split(",") if x]
                continue
            if a == "-Xlinker":
                self.link.append(("flag", value(a)))
                continue
            if a.startswith(("-l", "-L")):
                opt = a[:2]
                self.link.append(("flag", opt + value(opt)))
                continue
            if a in LINK_ARG or a.startswith(("-T", "-z")):
                opt = a[:2]
                self.link += [("flag", opt), ("flag", value(opt))]
                continue
            if a in ("-MD", "-MMD"):
                self.deps = True
            opt = next((o for o in sorted(COMPILE_ARG, key=len, reverse=True)
                        if a.startswith(o)), None)
            if opt and (a == opt or opt in ("-I", "-D", "-U", "-MF", "-MT", "-MQ", "-x")):
                v = value(opt)
                if opt == "-x":
                    lang = v
                    continue
                self.dep_file |= opt == "-MF"
                self.dep_target |= opt in ("-MT", "-MQ")
                self.cflags += [opt, v]
                continue
            self.cflags.append(a)


class Driver:
    """One arch's driver. `run` runs a command (a list) and raises
    DriverError with its exit status when it fails."""

    def __init__(self, arch, lld, resource_dir, lib=None, run=None):
        self.arch = arch
        self.lld = lld
        self.resource_dir = resource_dir
        self.lib = lib or staticlib(arch)
        self.run = run or self.run_direct
        self.verbose = False

    def name(self):
        return f"{self.arch}-muslin-cc"

    def run_direct(self, cmd):
        if self.verbose:
            print(" ".join(cmd), file=sys.stderr, flush=True)
        status = subprocess.run(cmd).returncode
        if status != 0:
            raise DriverError(None, status if status > 0 else 1)

    def clang(self):
        return [LLVM_BIN + "/clang", *clang_flags(self.arch, self.resource_dir)]

    def answer(self, q):
        """The one-line answers build systems ask a compiler for."""
        if q == "-dumpmachine":
            return f"{self.arch}-linux-muslin"
        if q in ("-dumpversion", "-dumpfullversion"):
            return subprocess.run([LLVM_BIN + "/clang", "-dumpversion"], capture_output=True,
                                  text=True).stdout.strip()
        if q == "--version":
            v = subprocess.run([LLVM_BIN + "/clang", "--version"], capture_output=True,
                               text=True).stdout
            return (f"{self.name()} (muslin, static {self.arch} programs) using\n"
                    + v.rstrip())
        if q == "-print-libgcc-file-name":
            return self.lib
        if q == "-print-search-dirs":
            return f"libraries: ={EMPTY_LIB_DIR}:{os.path.dirname(self.lib)}"
        if q.startswith("-print-prog-name="):
            prog = q.split("=", 1)[1]
            if prog in TOOLS:
                return os.path.join(LLVM_BIN, TOOLS[prog])
            return prog
        name = q.split("=", 1)[1]
        if name in ("libc.a", "libmuslin.a"):
            return self.lib
        if name == "include":
            return os.path.join(self.resource_dir, "include")
        path = os.path.join(EMPTY_LIB_DIR, name)
        return path if os.path.exists(path) else name

    def main(self, argv):
        a = Args(argv)
        self.verbose = a.verbose
        if a.query:
            print(self.answer(a.query))
            return
        if a.verbose:
            print(self.answer("--version"), file=sys.stderr, flush=True)
            if not a.inputs and not a.objects:
                return
        if not a.inputs and not a.objects:
            raise DriverError("error: no input files")
        if a.mode != "link":
            self.compile_only(a)
        else:
            self.compile_and_link(a)

    def compile_only(self, a):
        """-c, -S, -E (and -M/-MM): clang does exactly what cc does with them."""
        cmd = [*self.clang(), *a.cflags, a.mode]
        if a.out is not None:
            cmd += ["-o", a.out]
        current = None
        for path, lang in a.inputs:
            if lang != current:
                cmd += ["-x", lang or "none"]
                current = lang
            cmd.append(path)
        self.run(cmd)

    def compile_and_link(self, a):
        out = a.out or "a.out"
        if not a.nolibc and not os.path.exists(self.lib):
            raise DriverError(f"error: {self.lib} is missing: run ./x.py build --arch "
                              f"{self.arch} first")
        ensure_empty_libs()
        with tempfile.TemporaryDirectory(prefix="muslin-cc-") as tmp:
            objs = self.compile_sources(a, out, tmp)
            cmd = [self.lld, "-flavor", "gnu", *LINK_FLAGS, "-o", out]
            for kind, v in a.link:
                cmd.append(objs.get(v, a.inputs[v][0]) if kind == "in" else v)
            cmd += ["-L", EMPTY_LIB_DIR]
            if not a.nolibc:
                cmd.append(self.lib)
            self.run(cmd)

    def compile_sources(self, a, out, tmp):
        """Compiles the sources to objects in `tmp`, side by side:
        {input index: object}."""
        jobs = {}
        for i, (path, lang) in enumerate(a.inputs):
            if not (lang not in (None, "none") or path == "-" or path.endswith(SOURCE_EXT)):
                continue
            obj = os.path.join(tmp, f"{i}.o")
            cmd = [*self.clang(), *a.cflags]
            if a.deps and not a.dep_file:
                # cc -MD without -c: the dependency file is named after the source.
                cmd += ["-MF", os.path.splitext(os.path.basename(path))[0] + ".d"]
            if a.deps and not a.dep_target:
                cmd += ["-MQ", out]
            cmd += ["-c", "-o", obj]
            cmd += ["-x", lang, path] if lang else [path]
            jobs[i] = (cmd, obj)
        workers = min(len(jobs), os.cpu_count() or 1) or 1
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            done = {i: pool.submit(self.run, cmd) for i, (cmd, _) in jobs.items()}
            for f in done.values():
                f.result()
        return {i: obj for i, (_, obj) in jobs.items()}


def main(arch, lld, resource_dir):
    """The entry of a generated <arch>-muslin-cc."""
    d = Driver(arch, lld, resource_dir)
    try:
        d.main(sys.argv[1:])
    except DriverError as e:
        if str(e) != "None":
            print(f"{d.name()}: {e}", file=sys.stderr)
        sys.exit(e.status)
    except KeyboardInterrupt:
        sys.exit(130)


WRAPPER = '''#!{python}
# {arch}-muslin-cc: a C compiler for static {arch} programs against muslin.
# Written by ./x.py build/setup/test; the driver itself is xpy/driver.py.
import sys
sys.path.insert(0, {root!r})
from xpy.driver import main
main({arch!r}, {lld!r}, {resource_dir!r})
'''


def driver_path(arch):
    return os.path.join(BIN_DIR, f"{arch}-muslin-cc")


def install(arch, lld, resource_dir):
    """Writes target/muslin/bin/<arch>-muslin-cc (only when it changes, and
    atomically: a build may be using it); returns its path."""
    text = WRAPPER.format(python=sys.executable, arch=arch, root=ROOT, lld=lld,
                          resource_dir=resource_dir)
    path = driver_path(arch)
    try:
        with open(path) as f:
            if f.read() == text:
                return path
    except OSError:
        pass
    os.makedirs(BIN_DIR, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=BIN_DIR)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(tmp, 0o755)
    os.replace(tmp, path)
    ensure_empty_libs()
    return path
