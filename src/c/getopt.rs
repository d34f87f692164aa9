//! `getopt`, `getopt_long`, `getopt_long_only` (`<unistd.h>`,
//! `<getopt.h>`) with GNU's behaviour: arguments are permuted so that the
//! options come first unless the option string starts with `+` or
//! `POSIXLY_CORRECT` is set; a leading `-` returns each non-option as the
//! argument of option 1; a leading `:` (after those) silences the messages
//! and reports a missing argument as `:`; `W;` makes `-W foo` mean
//! `--foo`; setting `optind` to 0 starts over. The messages to standard
//! error are glibc's, word for word. And `getsubopt` (`<stdlib.h>`).

use crate::env;
use crate::stdio::stderr;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

/// The argument of the last option found, or null.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static mut optarg: *mut c_char = null_mut();
/// The index of the next element of `argv` to look at.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static mut optind: c_int = 1;
/// Whether to print messages for errors (nonzero: yes).
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static mut opterr: c_int = 1;
/// The option character that caused the last error.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static mut optopt: c_int = b'?' as c_int;

/// How muslin reaches the variables (see [`super::Exported`]).
static OPTARG: super::Exported<*mut c_char> = super::Exported::new(&raw mut optarg);
static OPTIND: super::Exported<c_int> = super::Exported::new(&raw mut optind);
static OPTERR: super::Exported<c_int> = super::Exported::new(&raw mut opterr);
static OPTOPT: super::Exported<c_int> = super::Exported::new(&raw mut optopt);

/// `struct option`.
#[repr(C)]
pub struct LongOpt {
    /// The name, without the dashes; null ends the table.
    pub name: *const c_char,
    /// `no_argument` (0), `required_argument` (1), `optional_argument` (2).
    pub has_arg: c_int,
    /// Where to store `val` (then 0 is returned), or null.
    pub flag: *mut c_int,
    /// The value to return or store.
    pub val: c_int,
}

/// How non-options are treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Stop at the first (`+` or `POSIXLY_CORRECT`).
    Require,
    /// Move them after the options.
    Permute,
    /// Return each as option 1 (`-`).
    Return,
}

/// The scan's state between calls.
struct State {
    init: bool,
    /// Where in the current element the next short option is, or null.
    next: *mut c_char,
    first_nonopt: c_int,
    last_nonopt: c_int,
    order: Order,
}

static mut STATE: State = State {
    init: false,
    next: null_mut(),
    first_nonopt: 1,
    last_nonopt: 1,
    order: Order::Permute,
};

/// The scan's state (one per process, as C's getopt).
fn state() -> *mut State {
    &raw mut STATE
}

/// A message for standard error, built from pieces.
struct Msg {
    buf: [u8; 512],
    len: usize,
}

impl Msg {
    fn new() -> Self {
        Msg {
            buf: [0; 512],
            len: 0,
        }
    }

    fn add(&mut self, s: &[u8]) -> &mut Self {
        let n = s.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
        self
    }

    /// Adds the NUL-terminated `p` (nothing for null).
    fn cstr(&mut self, p: *const c_char) -> &mut Self {
        if p.is_null() {
            return self;
        }
        // SAFETY: callers pass NUL-terminated strings.
        let s = unsafe { CStr::from_ptr(p) }.to_bytes();
        self.add(s)
    }

    fn send(&self) {
        let _ = stderr().write(&self.buf[..self.len]);
    }
}

/// The bytes of the NUL-terminated `p`.
///
/// # Safety
/// `p` is a NUL-terminated string that outlives the result.
unsafe fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: per the contract.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// The shared scanner behind the three functions.
///
/// # Safety
/// As for `getopt_long`.
unsafe fn scan(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOpt,
    longind: *mut c_int,
    long_only: bool,
) -> c_int {
    // SAFETY: the caller's argv has argc elements; the globals are the
    // program's, used by one thread as C requires.
    unsafe {
        let st = &mut *state();
        if argc < 1 {
            return -1;
        }
        let (oa, oi) = (OPTARG.get(), OPTIND.get());
        *oa = null_mut();
        let mut os = bytes(optstring);
        if *oi == 0 || !st.init {
            if *oi == 0 {
                *oi = 1;
            }
            st.first_nonopt = *oi;
            st.last_nonopt = *oi;
            st.next = null_mut();
            let posix = env::var(b"POSIXLY_CORRECT").is_some();
            st.order = match os.first() {
                Some(b'-') => Order::Return,
                Some(b'+') => Order::Require,
                _ if posix => Order::Require,
                _ => Order::Permute,
            };
            st.init = true;
        }
        if matches!(os.first(), Some(b'-' | b'+')) {
            os = &os[1..];
        }
        let colon = os.first() == Some(&b':');
        let print = *OPTERR.get() != 0 && !colon;
        let arg = |i: c_int| *argv.add(i as usize);
        let nonopt = |i: c_int| {
            let a = arg(i);
            *a != b'-' as c_char || *a.add(1) == 0
        };

        if st.next.is_null() || *st.next == 0 {
            if st.last_nonopt > *oi {
                st.last_nonopt = *oi;
            }
            if st.first_nonopt > *oi {
                st.first_nonopt = *oi;
            }
            if st.order == Order::Permute {
                if st.first_nonopt != st.last_nonopt && st.last_nonopt != *oi {
                    exchange(argv, st, *oi);
                } else if st.last_nonopt != *oi {
                    st.first_nonopt = *oi;
                }
                while *oi < argc && nonopt(*oi) {
                    *oi += 1;
                }
                st.last_nonopt = *oi;
            }
            if *oi != argc && bytes(arg(*oi)) == b"--" {
                *oi += 1;
                if st.first_nonopt != st.last_nonopt && st.last_nonopt != *oi {
                    exchange(argv, st, *oi);
                } else if st.first_nonopt == st.last_nonopt {
                    st.first_nonopt = *oi;
                }
                st.last_nonopt = argc;
                *oi = argc;
            }
            if *oi == argc {
                if st.first_nonopt != st.last_nonopt {
                    *oi = st.first_nonopt;
                }
                return -1;
            }
            if nonopt(*oi) {
                if st.order == Order::Require {
                    return -1;
                }
                *oa = arg(*oi);
                *oi += 1;
                return 1;
            }
            let a = arg(*oi);
            if !longopts.is_null() {
                if *a.add(1) == b'-' as c_char {
                    st.next = a.add(2);
                    return long_option(argc, argv, os, longopts, longind, long_only, print, b"--");
                }
                let c = *a.add(1).cast::<u8>();
                if long_only && (*a.add(2) != 0 || !os.contains(&c)) {
                    st.next = a.add(1);
                    let code = long_option(argc, argv, os, longopts, longind, true, print, b"-");
                    if code != -1 {
                        return code;
                    }
                }
            }
            st.next = a.add(1);
        }

        let c = *st.next.cast::<u8>();
        st.next = st.next.add(1);
        let found = os.iter().position(|&o| o == c);
        if *st.next == 0 {
            *oi += 1;
        }
        let Some(at) = found.filter(|_| c != b':' && c != b';') else {
            if print {
                Msg::new()
                    .cstr(arg(0))
                    .add(b": invalid option -- '")
                    .add(&[c])
                    .add(b"'\n")
                    .send();
            }
            *OPTOPT.get() = c as c_int;
            return b'?' as c_int;
        };
        let spec = &os[at..];
        let missing = |print: bool| {
            if print {
                Msg::new()
                    .cstr(arg(0))
                    .add(b": option requires an argument -- '")
                    .add(&[c])
                    .add(b"'\n")
                    .send();
            }
            *OPTOPT.get() = c as c_int;
            if colon { b':' as c_int } else { b'?' as c_int }
        };
        if spec.starts_with(b"W;") && !longopts.is_null() {
            let val = if *st.next != 0 {
                st.next
            } else if *oi == argc {
                return missing(print);
            } else {
                arg(*oi)
            };
            st.next = val;
            *oa = null_mut();
            return long_option(argc, argv, os, longopts, longind, false, print, b"-W ");
        }
        if spec.get(1) == Some(&b':') {
            if spec.get(2) == Some(&b':') {
                if *st.next != 0 {
                    *oa = st.next;
                    *oi += 1;
                } else {
                    *oa = null_mut();
                }
            } else if *st.next != 0 {
                *oa = st.next;
                *oi += 1;
            } else if *oi == argc {
                st.next = null_mut();
                return missing(print);
            } else {
                *oa = arg(*oi);
                *oi += 1;
            }
            st.next = null_mut();
        }
        c as c_int
    }
}

/// Moves the options found in `[last_nonopt, oi)` before the non-options
/// in `[first_nonopt, last_nonopt)`, keeping each group's order.
///
/// # Safety
/// `argv` holds at least `oi` elements, writable.
unsafe fn exchange(argv: *const *mut c_char, st: &mut State, oi: c_int) {
    let v = argv.cast_mut();
    let (a, m, b) = (
        st.first_nonopt as usize,
        st.last_nonopt as usize,
        oi as usize,
    );
    // SAFETY: per the contract.
    let s = unsafe { core::slice::from_raw_parts_mut(v.add(a), b - a) };
    s.rotate_left(m - a);
    st.first_nonopt += oi - st.last_nonopt;
    st.last_nonopt = oi;
}

/// A long option at `STATE.next` (after `prefix`): its value, `?`, `:`,
/// or -1 when `long_only` should try it as short options instead.
///
/// # Safety
/// As for `getopt_long`.
#[allow(clippy::too_many_arguments)]
unsafe fn long_option(
    argc: c_int,
    argv: *const *mut c_char,
    os: &[u8],
    longopts: *const LongOpt,
    longind: *mut c_int,
    long_only: bool,
    print: bool,
    prefix: &[u8],
) -> c_int {
    // SAFETY: argv, longopts and the strings are the caller's, valid; the
    // globals are used by one thread.
    unsafe {
        let st = &mut *state();
        let (oa, oi) = (OPTARG.get(), OPTIND.get());
        let rest = bytes(st.next);
        let namelen = rest.iter().position(|&b| b == b'=').unwrap_or(rest.len());
        let name = &rest[..namelen];
        let opt = |i: usize| &*longopts.add(i);
        let mut n = 0;
        while !opt(n).name.is_null() {
            n += 1;
        }
        let mut found = (0..n).find(|&i| bytes(opt(i).name) == name);
        if found.is_none() {
            let mut first: Option<usize> = None;
            let mut ambiguous = false;
            for i in 0..n {
                if !bytes(opt(i).name).starts_with(name) {
                    continue;
                }
                match first {
                    None => first = Some(i),
                    Some(f) => {
                        let (p, q) = (opt(f), opt(i));
                        if long_only || p.has_arg != q.has_arg || p.flag != q.flag || p.val != q.val
                        {
                            ambiguous = true;
                        }
                    }
                }
            }
            if ambiguous {
                if print {
                    let mut m = Msg::new();
                    m.cstr(*argv)
                        .add(b": option '")
                        .add(prefix)
                        .add(rest)
                        .add(b"' is ambiguous; possibilities:");
                    // Every prefix match that differs from the first, and
                    // the first.
                    let f = first.unwrap_or(0);
                    for i in 0..n {
                        if !bytes(opt(i).name).starts_with(name) {
                            continue;
                        }
                        let (p, q) = (opt(f), opt(i));
                        let differs = long_only
                            || p.has_arg != q.has_arg
                            || p.flag != q.flag
                            || p.val != q.val;
                        if i == f || differs {
                            m.add(b" '").add(prefix).cstr(q.name).add(b"'");
                        }
                    }
                    m.add(b"\n").send();
                }
                st.next = st.next.add(rest.len());
                *oi += 1;
                *OPTOPT.get() = 0;
                return b'?' as c_int;
            }
            found = first;
        }
        let Some(idx) = found else {
            let a = *argv.add(*oi as usize);
            if !long_only
                || *a.add(1) == b'-' as c_char
                || !os.contains(&rest.first().copied().unwrap_or(0))
            {
                if print {
                    Msg::new()
                        .cstr(*argv)
                        .add(b": unrecognized option '")
                        .add(prefix)
                        .add(rest)
                        .add(b"'\n")
                        .send();
                }
                st.next = null_mut();
                *oi += 1;
                *OPTOPT.get() = 0;
                return b'?' as c_int;
            }
            return -1;
        };
        let p = opt(idx);
        *oi += 1;
        st.next = null_mut();
        if namelen < rest.len() {
            if p.has_arg != 0 {
                *oa = st_after(rest, namelen);
            } else {
                if print {
                    Msg::new()
                        .cstr(*argv)
                        .add(b": option '")
                        .add(prefix)
                        .cstr(p.name)
                        .add(b"' doesn't allow an argument\n")
                        .send();
                }
                *OPTOPT.get() = p.val;
                return b'?' as c_int;
            }
        } else if p.has_arg == 1 {
            if *oi < argc {
                *oa = *argv.add(*oi as usize);
                *oi += 1;
            } else {
                if print {
                    Msg::new()
                        .cstr(*argv)
                        .add(b": option '")
                        .add(prefix)
                        .cstr(p.name)
                        .add(b"' requires an argument\n")
                        .send();
                }
                *OPTOPT.get() = p.val;
                return if os.first() == Some(&b':') {
                    b':' as c_int
                } else {
                    b'?' as c_int
                };
            }
        }
        if !longind.is_null() {
            *longind = idx as c_int;
        }
        if !p.flag.is_null() {
            *p.flag = p.val;
            return 0;
        }
        p.val
    }
}

/// The address of `rest[namelen + 1]` (after the `=`).
fn st_after(rest: &[u8], namelen: usize) -> *mut c_char {
    rest[namelen + 1..].as_ptr().cast_mut().cast()
}

/// getopt(3).
///
/// # Safety
/// `argv` holds `argc` NUL-terminated strings (and may be permuted);
/// `optstring` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getopt(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
) -> c_int {
    // SAFETY: per the contract.
    unsafe { scan(argc, argv, optstring, core::ptr::null(), null_mut(), false) }
}

/// getopt_long(3): `--name`, `--name=value`, unambiguous prefixes.
///
/// # Safety
/// As for `getopt`; `longopts` ends with an all-zero entry; `longind` is
/// null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getopt_long(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOpt,
    longind: *mut c_int,
) -> c_int {
    // SAFETY: per the contract.
    unsafe { scan(argc, argv, optstring, longopts, longind, false) }
}

/// getopt_long_only(3): long options may start with one `-` too.
///
/// # Safety
/// As for `getopt_long`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getopt_long_only(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOpt,
    longind: *mut c_int,
) -> c_int {
    // SAFETY: per the contract.
    unsafe { scan(argc, argv, optstring, longopts, longind, true) }
}

/// getsubopt(3): the next `name` or `name=value` of the comma-separated
/// `*optionp`: its index in `tokens` (or -1, `*valuep` then the whole
/// suboption), `*valuep` the value or null; `*optionp` moves past it.
///
/// # Safety
/// `*optionp` is a writable NUL-terminated string; `tokens` ends with a
/// null pointer.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getsubopt(
    optionp: *mut *mut c_char,
    tokens: *const *const c_char,
    valuep: *mut *mut c_char,
) -> c_int {
    // SAFETY: per the contract.
    unsafe {
        let start = *optionp;
        if *start == 0 {
            return -1;
        }
        let s = bytes(start);
        let end = s.iter().position(|&b| b == b',').unwrap_or(s.len());
        let vstart = s[..end].iter().position(|&b| b == b'=').unwrap_or(end);
        let name = &s[..vstart];
        let mut endp = start.add(end);
        let advance = |endp: &mut *mut c_char| {
            if **endp != 0 {
                **endp = 0;
                *endp = endp.add(1);
            }
        };
        let mut i = 0;
        while !(*tokens.add(i)).is_null() {
            if bytes(*tokens.add(i)) == name {
                *valuep = if vstart != end {
                    start.add(vstart + 1)
                } else {
                    null_mut()
                };
                advance(&mut endp);
                *optionp = endp;
                return i as c_int;
            }
            i += 1;
        }
        *valuep = start;
        advance(&mut endp);
        *optionp = endp;
        -1
    }
}
