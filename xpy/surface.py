"""`./x.py surface`: docs/supported.md, the list of what muslin's C headers
declare, generated from include/ and arch/*/include/bits/ so that it cannot
drift from them, and the check that every declared function and variable is
defined in libmuslin.a.

The headers are the contract (they declare exactly what is implemented), so
the page is made from them alone, with no build: `./x.py lint` regenerates it
in memory and fails when the committed page differs. The symbol check needs
a built library and is separate (`symbol_report`).

The parser is small and knows the headers' style, not all of C: comments
and preprocessor lines are removed (every branch of an `#if` counts, so a
declaration under a condition is listed), attributes and `__asm__` labels
are dropped, and each top-level declaration is split into its specifiers
and declarators. A declarator whose name is followed by a parameter list is
a function; with `typedef` it names a type; otherwise it is a variable."""

import collections
import os
import re
import subprocess

from .common import LLVM_BIN, ROOT

DOC = os.path.join(ROOT, "docs", "supported.md")

# What muslin leaves out, written by hand. Every function named in NOT_YET
# must be undeclared in include/ (`check_notes`), so this part cannot claim
# something is missing after it has been added: move the name out then.
NEVER = """\
- **Dynamic linking.** muslin builds static programs only: there is no
  `libmuslin.so`, no dynamic loader, no `-shared`/`-dynamic`, no `dlopen` of
  a shared object and no dynamic TLS (`__tls_get_addr`). This is a choice,
  not a gap: static linking is what muslin is for.
- **Named locales.** There are two locales, "C" (also "POSIX") and
  "C.UTF-8" (also "C.utf8"), which differ only in name: multibyte
  characters are UTF-8 in both (as in musl; glibc's "C" is ASCII-only).
  There are no locale data files, so `<ctype.h>` classes are the C
  locale's (bytes 128-255 belong to no class), wide character classes are
  Unicode's, and numbers, money, collation and messages are the C
  locale's. `setlocale` takes those names and "" (from the environment);
  any other name gives NULL. `newlocale`, `uselocale` and the `_l`
  functions are not there."""

NOT_YET = [
    ("wide-character stdio (`swprintf` and `vswprintf` are there)",
     ["fwprintf", "wprintf", "fgetwc", "fputwc", "fwide", "wcsftime"]),
    ("the obsolete XSI signal calls", ["sighold", "sigrelse", "sigignore", "sigpause"]),
    ("`wordexp` (left out on purpose: shell expansion is a shell's job)", ["wordexp"]),
    ("name resolution (`<netdb.h>`)", ["getaddrinfo", "getnameinfo", "gethostbyname"]),
]

# Headers clang provides that need no C library: the compiler driver puts
# clang's own include directory after muslin's (compiling with -ffreestanding),
# so these work as they are unless include/ has its own.
COMPILER_HEADERS = ["float.h", "iso646.h", "limits.h", "stdalign.h", "stdarg.h",
                    "stdatomic.h", "stdbool.h", "stddef.h", "stdint.h", "stdnoreturn.h"]

# The C standard's headers and POSIX's (POSIX.1-2017 lists both); the ones
# neither include/ nor the compiler provides are listed as not there yet.
C_HEADERS = ["assert.h", "complex.h", "ctype.h", "errno.h", "fenv.h", "float.h",
             "inttypes.h", "iso646.h", "limits.h", "locale.h", "math.h", "setjmp.h",
             "signal.h", "stdalign.h", "stdarg.h", "stdatomic.h", "stdbool.h", "stddef.h",
             "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h", "string.h", "tgmath.h",
             "threads.h", "time.h", "uchar.h", "wchar.h", "wctype.h"]
POSIX_HEADERS = ["aio.h", "arpa/inet.h", "cpio.h", "dirent.h", "dlfcn.h", "fcntl.h",
                 "fmtmsg.h", "fnmatch.h", "ftw.h", "glob.h", "grp.h", "iconv.h",
                 "langinfo.h", "libgen.h", "monetary.h", "mqueue.h", "ndbm.h", "net/if.h",
                 "netdb.h", "netinet/in.h", "netinet/tcp.h", "nl_types.h", "poll.h",
                 "pthread.h", "pwd.h", "regex.h", "sched.h", "search.h", "semaphore.h",
                 "spawn.h", "strings.h", "sys/ipc.h", "sys/mman.h", "sys/msg.h",
                 "sys/resource.h", "sys/select.h", "sys/sem.h", "sys/shm.h", "sys/socket.h",
                 "sys/stat.h", "sys/statvfs.h", "sys/time.h", "sys/times.h", "sys/types.h",
                 "sys/uio.h", "sys/un.h", "sys/utsname.h", "sys/wait.h", "syslog.h", "tar.h",
                 "termios.h", "unistd.h", "utime.h", "utmpx.h", "wordexp.h"]

# Words that are never a declared name.
QUALIFIERS = {"const", "volatile", "restrict", "__restrict", "__restrict__", "_Atomic",
              "static", "extern", "inline", "__inline", "__inline__", "_Noreturn",
              "_Thread_local", "__thread", "__extension__", "register", "auto", "typedef",
              "__const", "__volatile__", "signed", "__signed__"}
TYPE_WORDS = {"void", "char", "short", "int", "long", "float", "double", "unsigned",
              "_Bool", "_Complex", "__int128", "_Float128", "__float128"}
TAGS = {"struct", "union", "enum"}
# Specifier words written with a parenthesised argument.
PAREN_SPECIFIERS = {"_Alignas", "typeof", "__typeof__", "__typeof", "_Atomic"}
# Dropped with their parenthesised argument wherever they appear.
ATTRIBUTES = {"__attribute__", "__attribute", "__asm__", "__asm", "asm", "__declspec"}

TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|[A-Za-z_]\w*|\d[\w.]*|\.\.\.'
                   r'|\[\[|\]\]|\S')
IDENT = re.compile(r"[A-Za-z_]\w*$")


class Header:
    """What one header declares, as sets of names by kind."""

    def __init__(self, name):
        self.name = name
        self.functions = set()
        self.inline = set()      # functions defined in the header itself
        self.variables = set()
        self.macro_variables = set()  # variables that are macros (`errno`)
        self.types = set()
        # name -> "NAME(args)" for a function-like macro; (name, value) for an
        # object-like one while parsing, then "NAME".
        self.macros = {}
        self.includes = set()


def strip_comments(text):
    """The text without line splices and comments (a comment becomes a space
    and keeps its line breaks, so a `#` line after it stays at a line start)."""
    text = text.replace("\\\n", "")
    return re.sub(r'/\*.*?\*/|//[^\n]*|("(?:\\.|[^"\\])*")',
                  lambda m: m.group(1) or " " + "\n" * m.group(0).count("\n"), text,
                  flags=re.S)


def preprocess(text, hdr):
    """Records the header's `#define`s and `#include`s and returns the rest
    (the C declarations). The include guard (`#ifndef X` then `#define X`
    with no value) is not a macro of the header."""
    guard = None
    body = []
    for line in strip_comments(text).splitlines():
        m = re.match(r"\s*#\s*(\w+)\s*(.*)", line)
        if not m:
            body.append(line)
            continue
        word, rest = m.group(1), m.group(2).strip()
        if word == "ifndef" and guard is None:
            guard = rest
        elif word == "include":
            inc = re.match(r"[<\"]([^>\"]+)[>\"]", rest)
            if inc:
                hdr.includes.add(inc.group(1))
        elif word == "define":
            d = re.match(r"([A-Za-z_]\w*)(\([^)]*\))?\s*(.*)", rest)
            if not d or (d.group(1) == guard and not d.group(3)):
                continue
            name, params, value = d.groups()
            if params is not None:
                params = "(" + ", ".join(p.strip() for p in params[1:-1].split(",")) + ")"
                hdr.macros[name] = name + params
            else:
                hdr.macros[name] = (name, value)
    return "\n".join(body)


def drop_attributes(toks):
    """`toks` without attributes, `asm` labels and `[[...]]` attributes."""
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ATTRIBUTES and i + 1 < len(toks) and toks[i + 1] == "(":
            i = skip_group(toks, i + 1)
        elif t == "[[":
            while i < len(toks) and toks[i] != "]]":
                i += 1
            i += 1
        else:
            out.append(t)
            i += 1
    return out


def skip_group(toks, i):
    """The index after the bracket group opening at toks[i]."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    depth = 0
    while i < len(toks):
        if toks[i] in pairs:
            depth += 1
        elif toks[i] in pairs.values():
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def declarations(code):
    """The top-level declarations of `code` as token lists, and whether each
    was a definition (a body after a parameter list: an inline function)."""
    toks = drop_attributes(TOKEN.findall(code))
    decls = []
    cur = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "extern" and i + 2 < len(toks) and toks[i + 1] == '"C"' and toks[i + 2] == "{":
            i += 3  # a C++ linkage block: its contents are top level
        elif t == "}" and not cur:
            i += 1  # the end of such a block
        elif t == ";":
            if cur:
                decls.append((cur, False))
            cur = []
            i += 1
        elif t == "{" and cur and cur[-1] == ")":
            decls.append((cur, True))
            cur = []
            i = skip_group(toks, i)
        elif t in "([{":
            j = skip_group(toks, i)
            cur.extend(toks[i:j])
            i = j
        else:
            cur.append(t)
            i += 1
    return decls


def split_specifiers(toks, hdr, macros):
    """(index where the declarators start, is it a typedef). Struct, union
    and enum tags with a body are recorded as the header's types. Object-like
    `macros` are skipped like qualifiers (`#define __noreturn _Noreturn`)."""
    i = 0
    seen_type = False
    is_typedef = False
    while i < len(toks):
        t = toks[i]
        if t == "typedef":
            is_typedef = True
            i += 1
        elif t in PAREN_SPECIFIERS and i + 1 < len(toks) and toks[i + 1] == "(":
            i = skip_group(toks, i + 1)
            seen_type = seen_type or t != "_Alignas"
        elif t in QUALIFIERS or t in macros:
            i += 1
        elif t in TYPE_WORDS:
            seen_type = True
            i += 1
        elif t in TAGS:
            i += 1
            tag = None
            if i < len(toks) and IDENT.match(toks[i]):
                tag = toks[i]
                i += 1
            if i < len(toks) and toks[i] == "{":
                i = skip_group(toks, i)
                if tag:
                    hdr.types.add(f"{t} {tag}")
            seen_type = True
        elif IDENT.match(t) and not seen_type:
            seen_type = True  # a typedef name
            i += 1
        else:
            break
    return i, is_typedef


def split_commas(toks):
    """`toks` split at the commas outside brackets."""
    parts, cur, depth = [], [], 0
    for t in toks:
        if t in "([{":
            depth += 1
        elif t in ")]}":
            depth -= 1
        if t == "," and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    return parts


def declarator(toks):
    """(name, is a function) of one declarator, or (None, False)."""
    for i, t in enumerate(toks):
        if IDENT.match(t) and t not in QUALIFIERS and t not in TYPE_WORDS and t not in TAGS:
            after = toks[i + 1] if i + 1 < len(toks) else None
            if after == "(":
                return t, True
            # `(name)(params)`: a name in parentheses of its own.
            if (after == ")" and i > 0 and toks[i - 1] == "(" and i + 2 < len(toks)
                    and toks[i + 2] == "("):
                return t, True
            return t, False
    return None, False


def parse(name, text, macros=frozenset()):
    """The Header for `text` (the header's contents); `macros`: object-like
    macros other headers define, which may stand for qualifiers here."""
    hdr = Header(name)
    code = preprocess(text, hdr)
    macros = set(macros) | {m for m, v in hdr.macros.items() if isinstance(v, tuple)}
    for toks, is_definition in declarations(code):
        start, is_typedef = split_specifiers(toks, hdr, macros)
        for part in split_commas(toks[start:]):
            part = part[:part.index("=")] if "=" in part else part
            ident, is_function = declarator(part)
            if ident is None:
                continue
            if is_typedef:
                hdr.types.add(ident)
            elif is_function and is_definition:
                hdr.inline.add(ident)
            elif is_function:
                hdr.functions.add(ident)
            else:
                hdr.variables.add(ident)
    # A macro naming a declared variable (`#define stdin (stdin)`) is that
    # variable, and one respelling a keyword (`#define restrict __restrict`)
    # is no name of muslin's. A lower-case macro expanding to a call (not a
    # member alias: `si_pid` is `__si.__kill.si_pid`) stands for a variable:
    # `errno` is `(*__errno_location())`.
    for m, v in list(hdr.macros.items()):
        if m in QUALIFIERS or m in TYPE_WORDS:
            del hdr.macros[m]
        elif isinstance(v, tuple):
            if m in hdr.variables:
                del hdr.macros[m]
            elif m[0].islower() and "." not in v[1] and "(" in v[1]:
                hdr.variables.add(m)
                hdr.macro_variables.add(m)
                del hdr.macros[m]
            else:
                hdr.macros[m] = m
    return hdr


def header_files():
    """[(header name as included, path)] for include/ and every arch's bits/."""
    out = []
    inc = os.path.join(ROOT, "include")
    for d, _, files in os.walk(inc):
        for f in files:
            if f.endswith(".h"):
                p = os.path.join(d, f)
                out.append((os.path.relpath(p, inc), p))
    arch_dir = os.path.join(ROOT, "arch")
    for arch in sorted(os.listdir(arch_dir)):
        bits = os.path.join(arch_dir, arch, "include")
        if not os.path.isdir(bits):
            continue
        for d, _, files in os.walk(bits):
            for f in files:
                if f.endswith(".h"):
                    p = os.path.join(d, f)
                    out.append((f"{os.path.relpath(p, bits)}@{arch}", p))
    return sorted(out)


def headers():
    """{header name: Header}; per-arch headers are named `bits/x.h@arch`."""
    texts = {}
    macros = set()
    for name, path in header_files():
        with open(path, encoding="utf-8") as f:
            texts[name] = f.read()
        h = Header(name)
        preprocess(texts[name], h)
        macros |= {m for m, v in h.macros.items() if isinstance(v, tuple)}
    return {name: parse(name, text, macros) for name, text in texts.items()}


def public(name):
    """Whether a type or macro name is for programs (not `__`-reserved)."""
    return not name.startswith("__")


def names(items):
    return ", ".join(f"`{n}`" for n in sorted(items, key=lambda n: (n.lower(), n)))


def declared():
    """{name: kind} over every header: "function" (in the library), "inline"
    (defined in a header), "variable", or "macro" (a variable spelled as a
    macro, like `errno`: no symbol of its own)."""
    out = {}
    for h in headers().values():
        for n in h.variables:
            out[n] = "macro" if n in h.macro_variables else "variable"
        for n in h.inline:
            out[n] = "inline"
        for n in h.functions:
            out[n] = "function"
    return out


def check_notes(hs):
    """Error lines for names the hand-written part calls missing that a
    header declares."""
    have = set()
    for h in hs.values():
        have |= h.functions | h.inline | set(h.macros)
    return [f"xpy/surface.py lists `{n}` as not there yet, but include/ declares it: "
            "move it out of NOT_YET"
            for _, fns in NOT_YET for n in fns if n in have]


def render_header(lines, title, hs):
    """The section for one header (or one per-arch header, `hs` its
    versions): the union of what the versions declare."""
    h = Header(title)
    for x in hs:
        h.functions |= x.functions
        h.inline |= x.inline
        h.variables |= x.variables
        h.macro_variables |= x.macro_variables
        h.types |= {t for t in x.types if public(t.split()[-1])}
        h.macros.update({m: v for m, v in x.macros.items() if public(m)})
        h.includes |= x.includes
    lines.append(f"### `<{title}>`")
    lines.append("")
    if h.functions:
        lines.append(f"Functions ({len(h.functions)}): {names(h.functions)}.")
        lines.append("")
    if h.inline:
        lines.append(f"Inline functions (defined in the header): {names(h.inline)}.")
        lines.append("")
    if h.variables:
        shown = sorted(h.variables, key=lambda n: (n.lower(), n))
        lines.append("Variables: " + ", ".join(
            f"`{n}` (a macro)" if n in h.macro_variables else f"`{n}`" for n in shown) + ".")
        lines.append("")
    if h.types:
        lines.append(f"Types: {names(h.types)}.")
        lines.append("")
    if h.macros:
        lines.append(f"Macros: {names(h.macros.values())}.")
        lines.append("")
    if len(hs) > 1:
        per = collections.defaultdict(list)
        for x in hs:
            per[tuple(sorted(x.macros))].append(x.name.split("@")[1])
        if len(per) == 1:
            lines.append("The same names on every arch (`arch/<arch>/include/`); "
                         "the values differ.")
        else:
            for ms, arches in sorted(per.items()):
                lines.append(f"- {', '.join(sorted(arches))}: {names(ms)}")
        lines.append("")
    shown = sorted(i for i in h.includes if i != title)
    if shown:
        lines.append("Includes: " + ", ".join(f"`<{i}>`" for i in shown) + ".")
        lines.append("")


def render():
    """docs/supported.md as a string."""
    hs = headers()
    common = {n: h for n, h in hs.items() if "@" not in n}
    per_arch = collections.defaultdict(list)
    for n, h in hs.items():
        if "@" in n:
            per_arch[n.split("@")[0]].append(h)
    pub = {n: h for n, h in common.items() if not n.startswith("bits/")}
    internal = {n: h for n, h in common.items() if n.startswith("bits/")}
    fns = set().union(*(h.functions for h in common.values()))
    variables = set().union(*(h.variables for h in common.values()))
    ours = set(common) | set(per_arch)
    compiler = [h for h in COMPILER_HEADERS if h not in ours]
    missing_c = [h for h in C_HEADERS if h not in ours and h not in COMPILER_HEADERS]
    missing_posix = [h for h in POSIX_HEADERS if h not in ours and h not in COMPILER_HEADERS]

    lines = [
        "# What muslin supports",
        "",
        "<!-- Generated by `./x.py surface` from include/ and arch/*/include/: do not edit.",
        "     `./x.py lint` fails when this page differs from what the headers declare. -->",
        "",
        "muslin's headers declare exactly what the library implements, and this page",
        "is made from the headers: every function below is defined in `libmuslin.a`",
        "(`./x.py lint` checks that on x86_64), and a function not below is not there.",
        f"{len(pub)} headers declare {len(fns)} distinct functions and {len(variables)} "
        "variables.",
        "",
        "| header | functions | variables | types | macros |",
        "|---|---:|---:|---:|---:|",
    ]
    for n, h in sorted(pub.items()):
        types = [t for t in h.types if public(t.split()[-1])]
        macros = [m for m in h.macros if public(m)]
        lines.append(f"| `<{n}>` | {len(h.functions)} | {len(h.variables)} | {len(types)} "
                     f"| {len(macros)} |")
    lines += ["", "## Headers", ""]
    for n, h in sorted(pub.items()):
        render_header(lines, n, [h])
    lines += ["## Internal headers", "",
              "Included by the headers above, not meant to be included directly.", ""]
    for n, h in sorted(internal.items()):
        render_header(lines, n, [h])
    for n, group in sorted(per_arch.items()):
        render_header(lines, n, group)
    lines += [
        "## Headers from the compiler",
        "",
        "The compiler's own freestanding headers, used as they are:",
        ", ".join(f"`<{h}>`" for h in compiler) + ".",
        "",
        "## Left out",
        "",
        "Never:",
        "",
        NEVER,
        "",
        "Not there yet (the plan fills in the C standard library first, then the",
        "rest of POSIX):",
        "",
        "- Standard C headers: " + ", ".join(f"`<{h}>`" for h in missing_c) + ".",
        "- POSIX headers: " + ", ".join(f"`<{h}>`" for h in missing_posix) + ".",
        "- Functions of the headers above that are not listed, for example:",
    ]
    for what, fns_missing in NOT_YET:
        lines.append(f"  {what}: {names(fns_missing)};")
    lines[-1] = lines[-1][:-1] + "."
    lines.append("")
    return "\n".join(lines)


def stale():
    """Whether docs/supported.md differs from what render() makes."""
    try:
        with open(DOC, encoding="utf-8") as f:
            return f.read() != render()
    except FileNotFoundError:
        return True


def write():
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(render())


def exported(lib):
    """{symbol: (nm type letter, archive member)} of the global symbols
    `lib` defines; a symbol two members define (muslin's `memcpy` and
    compiler_builtins' weak one) is muslin's."""
    out = {}
    p = subprocess.run([LLVM_BIN + "/llvm-nm", "--defined-only", "--extern-only", lib],
                       capture_output=True, text=True, check=True)
    member = ""
    for line in p.stdout.splitlines():
        if line.endswith(":") and " " not in line:
            member = line[:-1]
            continue
        f = line.split()
        if len(f) == 3 and (f[2] not in out or out[f[2]][1].startswith("compiler_builtins")):
            out[f[2]] = (f[1], member)
    return out


# nm's letters for code and for data.
CODE = set("TWti")
DATA = set("DBRVdbrvCGSs")
# muslin's own assembly entry points and the Rust-side hooks between them,
# which C programs never call by name.
INTERNAL = ("__muslin_", "_start")


def symbol_report(lib):
    """(errors, warnings): a declared function or variable that `lib` does
    not define (as code, or as data) is an error; a C-named function `lib`
    exports that no header declares is a warning."""
    decl = declared()
    syms = exported(lib)
    errors = []
    borrowed = []
    for n, kind in sorted(decl.items()):
        if kind in ("inline", "macro"):
            continue
        t, member = syms.get(n, (None, ""))
        if member.startswith("compiler_builtins"):
            borrowed.append(n)
        if t is None:
            errors.append(f"{n}: declared in include/ but not defined in {lib}")
        elif kind == "function" and t not in CODE:
            errors.append(f"{n}: declared as a function but is data ({t}) in {lib}")
        elif kind == "variable" and t not in DATA:
            errors.append(f"{n}: declared as a variable but has type {t} in {lib}")
    ours, builtins = [], []
    for n, (t, member) in sorted(syms.items()):
        if (n in decl or t not in CODE or n.startswith(("_ZN", "_R", "anon.", *INTERNAL))
                or not re.match(r"[A-Za-z_]\w*$", n)):
            continue
        if member.startswith("compiler_builtins"):
            if not n.startswith("__"):  # __adddf3 & co. are the compiler's own ABI
                builtins.append(n)
        else:
            ours.append(n)
    warnings = []
    if borrowed:
        warnings.append("declared, and defined only by compiler_builtins (weak), not by "
                        f"muslin's own code ({len(borrowed)}): " + " ".join(borrowed))
    if ours:
        warnings.append(f"exported by muslin, declared by no header ({len(ours)}): "
                        + " ".join(ours))
    if builtins:
        warnings.append("exported (weak) by compiler_builtins, declared by no header "
                        f"({len(builtins)}): " + " ".join(builtins))
    return errors, warnings


def cmd_surface(a):
    """Regenerates docs/supported.md (or, with --check, says whether it is
    current), then checks the declarations against libmuslin.a for x86_64."""
    from .build import build_lib
    from .common import die, say
    from .toolchain import setup
    notes = check_notes(headers())
    for line in notes:
        print(line)
    if notes:
        die("the hand-written part of docs/supported.md is wrong (above)", 1)
    if a.check:
        if stale():
            die("docs/supported.md is out of date with include/: run `./x.py surface`", 1)
        say("docs/supported.md is current")
    else:
        write()
        say(f"wrote {os.path.relpath(DOC, ROOT)}")
    setup(quiet=True)
    lib = build_lib("x86_64")
    errors, warnings = symbol_report(lib)
    for w in warnings:
        print("warning: " + w)
    for e in errors:
        print("error: " + e)
    if errors:
        die("a header declares what libmuslin.a does not define (above)", 1)
    say("every declared function and variable is defined in libmuslin.a (x86_64)")
