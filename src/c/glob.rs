//! `<glob.h>`: `glob` and `globfree`, one pattern component at a time
//! with `opendir`/`readdir` and `fnmatch`.

use super::dirent::{closedir, opendir, readdir};
use crate::Errno;
use crate::malloc::c_api::{free, malloc, realloc};
use crate::syscall::fd::AT_FDCWD;
use crate::syscall::fs::{self, Stat};
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;
use linux_raw_sys::general::{AT_SYMLINK_NOFOLLOW, S_IFDIR, S_IFMT};

/// `GLOB_ERR`: stop at a directory that cannot be read.
const ERR: c_int = 1;
/// `GLOB_MARK`: a `/` after each directory.
const MARK: c_int = 2;
/// `GLOB_NOSORT`: in the order found.
const NOSORT: c_int = 4;
/// `GLOB_DOOFFS`: `gl_offs` null pointers first.
const DOOFFS: c_int = 8;
/// `GLOB_NOCHECK`: the pattern itself when nothing matches.
const NOCHECK: c_int = 16;
/// `GLOB_APPEND`: add to the previous result.
const APPEND: c_int = 32;
/// `GLOB_NOESCAPE`: a backslash is an ordinary character.
const NOESCAPE: c_int = 64;
/// `GLOB_PERIOD`: wildcards may match a leading `.`.
const PERIOD: c_int = 128;
/// `GLOB_NOSPACE`.
const NOSPACE: c_int = 1;
/// `GLOB_ABORTED`.
const ABORTED: c_int = 2;
/// `GLOB_NOMATCH`.
const NOMATCH: c_int = 3;
/// `PATH_MAX`, with the NUL.
const PATH_MAX: usize = 4096;

/// `glob_t`.
#[repr(C)]
pub struct Glob {
    /// How many paths matched.
    pub gl_pathc: usize,
    /// The paths, after `gl_offs` null pointers, then a null pointer.
    pub gl_pathv: *mut *mut c_char,
    /// Null pointers to leave first (with `GLOB_DOOFFS`).
    pub gl_offs: usize,
    /// Room to grow.
    pub __reserved: [usize; 5],
}

/// `glob`'s error callback.
type ErrFn = Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>;

/// The walk's state: matches so far (malloced strings), the flags.
struct State {
    list: *mut *mut c_char,
    n: usize,
    cap: usize,
    flags: c_int,
    errfunc: ErrFn,
}

impl State {
    /// Adds a copy of `path` (with a `/` if `slash`); false when out of memory.
    fn push(&mut self, path: &[u8], slash: bool) -> bool {
        if self.n == self.cap {
            self.cap = if self.cap == 0 { 16 } else { self.cap * 2 };
            // SAFETY: list is null or our chunk.
            let l = unsafe { realloc(self.list.cast(), self.cap * size_of::<*mut c_char>()) };
            if l.is_null() {
                return false;
            }
            self.list = l.cast();
        }
        let s = malloc(path.len() + 2).cast::<u8>();
        if s.is_null() {
            return false;
        }
        // SAFETY: s holds path.len() + 2 bytes; list has room for n + 1.
        unsafe {
            core::ptr::copy_nonoverlapping(path.as_ptr(), s, path.len());
            let mut k = path.len();
            if slash {
                *s.add(k) = b'/';
                k += 1;
            }
            *s.add(k) = 0;
            *self.list.add(self.n) = s.cast();
        }
        self.n += 1;
        true
    }
}

/// Whether `c` has wildcards.
fn magic(c: &[u8], flags: c_int) -> bool {
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            b'*' | b'?' | b'[' => return true,
            b'\\' if flags & NOESCAPE == 0 => i += 1,
            _ => {}
        }
        i += 1;
    }
    false
}

/// Whether `path` (NUL-terminated) is a directory, following links.
fn is_dir(path: *const u8) -> bool {
    let mut st = Stat::default();
    // SAFETY: a NUL-terminated path; st is ours.
    unsafe { fs::fstatat_raw(AT_FDCWD, path, &mut st, 0) }.is_ok() && st.st_mode & S_IFMT == S_IFDIR
}

/// Expands the components `pat` (slash-separated, no leading slash)
/// below `buf[..len]`; `Err(code)` to stop.
fn expand(st: &mut State, buf: &mut [u8; PATH_MAX], len: usize, pat: &[u8]) -> Result<(), c_int> {
    let (comp, rest) = match pat.iter().position(|&c| c == b'/') {
        Some(k) => (&pat[..k], Some(&pat[k + 1..])),
        None => (pat, None),
    };
    let rest = rest.map(|r| {
        let skip = r.iter().take_while(|&&c| c == b'/').count();
        &r[skip..]
    });
    // Joins `name` onto buf[..len]; the new length.
    let join = |buf: &mut [u8; PATH_MAX], name: &[u8]| -> Option<usize> {
        let sep = (len > 0 && buf[len - 1] != b'/') as usize;
        let end = len + sep + name.len();
        if end >= PATH_MAX {
            return None;
        }
        buf[len] = b'/';
        buf[len + sep..end].copy_from_slice(name);
        buf[end] = 0;
        Some(end)
    };
    let next = |st: &mut State, buf: &mut [u8; PATH_MAX], end: usize| -> Result<(), c_int> {
        match rest {
            // "dir/" or the end: it must exist (a directory, for "dir/").
            Some([]) => {
                if is_dir(buf.as_ptr()) && !st.push(&buf[..end], true) {
                    return Err(NOSPACE);
                }
                Ok(())
            }
            Some(r) => expand(st, buf, end, r),
            None => {
                let mut s = Stat::default();
                let nf = AT_SYMLINK_NOFOLLOW as c_int;
                // SAFETY: a NUL-terminated path; s is ours.
                if unsafe { fs::fstatat_raw(AT_FDCWD, buf.as_ptr(), &mut s, nf) }.is_err() {
                    return Ok(());
                }
                let slash = st.flags & MARK != 0 && is_dir(buf.as_ptr());
                if !st.push(&buf[..end], slash) {
                    return Err(NOSPACE);
                }
                Ok(())
            }
        }
    };
    if !magic(comp, st.flags) {
        let mut lit = [0u8; 256];
        let mut k = 0;
        let mut i = 0;
        while i < comp.len() && k < lit.len() {
            if comp[i] == b'\\' && st.flags & NOESCAPE == 0 && i + 1 < comp.len() {
                i += 1;
            }
            lit[k] = comp[i];
            (i, k) = (i + 1, k + 1);
        }
        let Some(end) = join(buf, &lit[..k]) else {
            return Ok(());
        };
        let r = next(st, buf, end);
        buf[len] = 0;
        return r;
    }
    // The directory to read: buf[..len], or "." for an empty one.
    buf[len] = 0;
    let dir = if len == 0 {
        c".".as_ptr()
    } else {
        buf.as_ptr().cast()
    };
    // SAFETY: a NUL-terminated path.
    let d = unsafe { opendir(dir) };
    if d.is_null() {
        let e = Errno::last();
        if e == Errno::ENOENT || e == Errno::ENOTDIR {
            return Ok(());
        }
        // SAFETY: the caller's callback, given a path and an error number.
        let stop = st.errfunc.is_some_and(|f| unsafe { f(dir, e.raw()) } != 0);
        return if stop || st.flags & ERR != 0 {
            Err(ABORTED)
        } else {
            Ok(())
        };
    }
    let mut pc = [0u8; 257];
    let n = comp.len().min(256);
    pc[..n].copy_from_slice(&comp[..n]);
    let mut fl = if st.flags & NOESCAPE != 0 { 2 } else { 0 };
    if st.flags & PERIOD == 0 {
        fl |= 4; // FNM_PERIOD
    }
    let dot_ok = st.flags & PERIOD != 0
        || comp.first() == Some(&b'.')
        || (st.flags & NOESCAPE == 0 && comp.starts_with(b"\\."));
    let mut r = Ok(());
    loop {
        // SAFETY: our stream.
        let e = unsafe { readdir(d) };
        if e.is_null() {
            break;
        }
        // SAFETY: readdir's entry has a NUL-terminated name.
        let name = unsafe { CStr::from_ptr((*e).d_name.as_ptr()) };
        let nb = name.to_bytes();
        // A leading `.` must be matched by a `.` that starts the
        // component (POSIX XCU 2.13.3), so "*.h" does not match ".h".
        if !dot_ok && nb.first() == Some(&b'.') {
            continue;
        }
        // SAFETY: two NUL-terminated strings.
        if unsafe { super::fnmatch::fnmatch(pc.as_ptr().cast(), name.as_ptr(), fl) } != 0 {
            continue;
        }
        let Some(end) = join(buf, nb) else { continue };
        r = next(st, buf, end);
        buf[len] = 0;
        if r.is_err() {
            break;
        }
    }
    // SAFETY: our stream.
    unsafe { closedir(d) };
    r
}

/// glob(3): the paths that match `pattern` into `*g` (`GLOB_ERR`,
/// `GLOB_MARK`, `GLOB_NOSORT`, `GLOB_DOOFFS`, `GLOB_NOCHECK`,
/// `GLOB_APPEND`, `GLOB_NOESCAPE`, `GLOB_PERIOD`), sorted in byte order;
/// 0, `GLOB_NOMATCH`, `GLOB_ABORTED` or `GLOB_NOSPACE`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn glob(
    pattern: *const c_char,
    flags: c_int,
    errfunc: ErrFn,
    g: *mut Glob,
) -> c_int {
    // SAFETY: the caller passes a NUL-terminated pattern and a glob_t.
    let (pat, g) = unsafe { (CStr::from_ptr(pattern).to_bytes(), &mut *g) };
    if flags & APPEND == 0 {
        g.gl_pathc = 0;
        g.gl_pathv = null_mut();
        if flags & DOOFFS == 0 {
            g.gl_offs = 0;
        }
    }
    let mut st = State {
        list: null_mut(),
        n: 0,
        cap: 0,
        flags,
        errfunc,
    };
    let mut buf = [0u8; PATH_MAX];
    let (len, rel) = if pat.first() == Some(&b'/') {
        buf[0] = b'/';
        (1, &pat[pat.iter().take_while(|&&c| c == b'/').count()..])
    } else {
        (0, pat)
    };
    let mut r = if rel.is_empty() {
        if len == 1 && !st.push(b"/", false) {
            Err(NOSPACE)
        } else {
            Ok(())
        }
    } else {
        expand(&mut st, &mut buf, len, rel)
    };
    if r.is_ok() && st.n == 0 {
        r = if flags & NOCHECK != 0 {
            if st.push(pat, false) {
                Ok(())
            } else {
                Err(NOSPACE)
            }
        } else {
            Err(NOMATCH)
        };
    }
    if r.is_ok() && flags & NOSORT == 0 && st.n > 1 {
        /// Orders two path pointers by their bytes.
        unsafe extern "C" fn cmp(
            a: *const core::ffi::c_void,
            b: *const core::ffi::c_void,
        ) -> c_int {
            // SAFETY: qsort passes pointers to two of our strings.
            let (a, b) = unsafe {
                (
                    CStr::from_ptr(*a.cast::<*const c_char>()),
                    CStr::from_ptr(*b.cast::<*const c_char>()),
                )
            };
            a.cmp(b) as c_int
        }
        // SAFETY: n pointers in list.
        unsafe { super::qsort::qsort(st.list.cast(), st.n, size_of::<*mut c_char>(), cmp) };
    }
    if r.is_ok() {
        let offs = if flags & DOOFFS != 0 { g.gl_offs } else { 0 };
        let total = offs + g.gl_pathc + st.n + 1;
        // SAFETY: gl_pathv is null or the array an earlier glob made.
        let v = unsafe { realloc(g.gl_pathv.cast(), total * size_of::<*mut c_char>()) };
        if v.is_null() {
            r = Err(NOSPACE);
        } else {
            let v = v.cast::<*mut c_char>();
            // SAFETY: v holds `total` pointers.
            unsafe {
                if g.gl_pathv.is_null() || g.gl_pathc == 0 {
                    for i in 0..offs {
                        *v.add(i) = null_mut();
                    }
                }
                for i in 0..st.n {
                    *v.add(offs + g.gl_pathc + i) = *st.list.add(i);
                }
                *v.add(total - 1) = null_mut();
            }
            g.gl_pathv = v;
            g.gl_pathc += st.n;
            st.n = 0;
        }
    }
    for i in 0..st.n {
        // SAFETY: strings we made and did not hand out.
        unsafe { free((*st.list.add(i)).cast()) };
    }
    // SAFETY: our chunk (or null).
    unsafe { free(st.list.cast()) };
    match r {
        Ok(()) => 0,
        Err(c) => c,
    }
}

/// globfree(3): frees what `glob` stored in `*g`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn globfree(g: *mut Glob) {
    // SAFETY: the caller passes a glob_t that glob filled.
    let g = unsafe { &mut *g };
    if g.gl_pathv.is_null() {
        return;
    }
    for i in 0..g.gl_pathc {
        // SAFETY: glob's strings, after gl_offs null pointers.
        unsafe { free((*g.gl_pathv.add(g.gl_offs + i)).cast()) };
    }
    // SAFETY: glob's array.
    unsafe { free(g.gl_pathv.cast()) };
    g.gl_pathv = null_mut();
    g.gl_pathc = 0;
}
