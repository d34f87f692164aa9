//! `<wchar.h>`'s wide string and array functions (`wcslen`, `wcscmp`,
//! `wmemcpy`, ...), the wide `strtol`/`strtod` family, and `wcwidth`.
//!
//! `wchar_t` is 32 bits on every supported architecture: `int` on most,
//! `unsigned int` on aarch64 and arm (clang's `__WCHAR_TYPE__`,
//! [`crate::arch::WChar`]). The comparisons (`wcscmp`, `wcsncmp`,
//! `wmemcmp`, `wcscoll`) order as that type, as C says they compare
//! `wchar_t` values: a value above 0x7fffffff sorts first where it is
//! negative and last where it is unsigned.

use crate::Errno;
use crate::fmt::{Parsed, int, strtod, unicode};
use core::ffi::{c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};

/// C's `wchar_t`, signed or not as the arch's ABI says.
type Wchar = crate::arch::WChar;

/// `c`'s bits as a code point (a negative `wchar_t` is above 0x7fffffff:
/// no character either way).
fn code(c: Wchar) -> u32 {
    u32::from_ne_bytes(c.to_ne_bytes())
}

/// The length of the wide string at `s`, stopping at `max`.
///
/// # Safety
/// `s` is readable to its NUL or `max` elements.
unsafe fn len_upto(s: *const Wchar, max: usize) -> usize {
    let mut n = 0;
    // SAFETY: as the caller says.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// wcslen(3).
///
/// # Safety
/// `s` is a NUL-terminated wide string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcslen(s: *const Wchar) -> usize {
    // SAFETY: as the caller says.
    unsafe { len_upto(s, usize::MAX) }
}

/// wcsnlen(3).
///
/// # Safety
/// `s` is readable to its NUL or `n` elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsnlen(s: *const Wchar, n: usize) -> usize {
    // SAFETY: as the caller says.
    unsafe { len_upto(s, n) }
}

/// wcsncmp(3): -1, 0 or 1.
///
/// # Safety
/// Both are readable to their NUL or `n` elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsncmp(a: *const Wchar, b: *const Wchar, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: we stop at the first NUL or difference.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return (x > y) as c_int - (x < y) as c_int;
        }
    }
    0
}

/// wcscmp(3).
///
/// # Safety
/// Both are NUL-terminated wide strings.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcscmp(a: *const Wchar, b: *const Wchar) -> c_int {
    // SAFETY: as the caller says.
    unsafe { wcsncmp(a, b, usize::MAX) }
}

/// wcscoll(3): [`wcscmp`] (the C locale collates by code point).
///
/// # Safety
/// As [`wcscmp`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcscoll(a: *const Wchar, b: *const Wchar) -> c_int {
    // SAFETY: as the caller says.
    unsafe { wcsncmp(a, b, usize::MAX) }
}

/// wcsxfrm(3): copies `src` (and its NUL) when it fits in `n` elements;
/// returns its length either way.
///
/// # Safety
/// `src` is NUL-terminated; `dst` has room for `n` elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsxfrm(dst: *mut Wchar, src: *const Wchar, n: usize) -> usize {
    // SAFETY: as the caller says.
    let len = unsafe { len_upto(src, usize::MAX) };
    if len < n {
        // SAFETY: `len + 1 <= n`.
        unsafe { core::ptr::copy_nonoverlapping(src, dst, len + 1) };
    }
    len
}

/// wmemcmp(3).
///
/// # Safety
/// Both have `n` readable elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wmemcmp(a: *const Wchar, b: *const Wchar, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: `i < n`.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
    }
    0
}

/// wmemchr(3).
///
/// # Safety
/// `s` has `n` readable elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wmemchr(s: *const Wchar, c: Wchar, n: usize) -> *mut Wchar {
    for i in 0..n {
        // SAFETY: `i < n`.
        if unsafe { *s.add(i) } == c {
            // SAFETY: as above.
            return unsafe { s.add(i) }.cast_mut();
        }
    }
    core::ptr::null_mut()
}

/// wmemcpy(3).
///
/// # Safety
/// `src` and `dst` have `n` elements and do not overlap.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wmemcpy(dst: *mut Wchar, src: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe { core::ptr::copy_nonoverlapping(src, dst, n) };
    dst
}

/// wmemmove(3).
///
/// # Safety
/// `src` and `dst` have `n` elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wmemmove(dst: *mut Wchar, src: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe { core::ptr::copy(src, dst, n) };
    dst
}

/// wmemset(3).
///
/// # Safety
/// `dst` has `n` writable elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wmemset(dst: *mut Wchar, c: Wchar, n: usize) -> *mut Wchar {
    for i in 0..n {
        // SAFETY: `i < n`.
        unsafe { *dst.add(i) = c };
    }
    dst
}

/// wcscpy(3).
///
/// # Safety
/// `src` is NUL-terminated; `dst` has room for it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcscpy(dst: *mut Wchar, src: *const Wchar) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe { core::ptr::copy_nonoverlapping(src, dst, len_upto(src, usize::MAX) + 1) };
    dst
}

/// wcsncpy(3): copies at most `n` elements and pads with NULs to `n`.
///
/// # Safety
/// `src` is readable to its NUL or `n` elements; `dst` has room for `n`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsncpy(dst: *mut Wchar, src: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe {
        let k = len_upto(src, n);
        core::ptr::copy_nonoverlapping(src, dst, k);
        wmemset(dst.add(k), 0, n - k);
    }
    dst
}

/// wcscat(3).
///
/// # Safety
/// Both are NUL-terminated; `dst` has room for the result.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcscat(dst: *mut Wchar, src: *const Wchar) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe { wcscpy(dst.add(len_upto(dst, usize::MAX)), src) };
    dst
}

/// wcsncat(3): appends at most `n` elements, then a NUL.
///
/// # Safety
/// `dst` is NUL-terminated with room for the result; `src` is readable to
/// its NUL or `n` elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsncat(dst: *mut Wchar, src: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe {
        let end = dst.add(len_upto(dst, usize::MAX));
        let k = len_upto(src, n);
        core::ptr::copy_nonoverlapping(src, end, k);
        *end.add(k) = 0;
    }
    dst
}

/// wcschr(3): the terminating NUL can be found too.
///
/// # Safety
/// `s` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcschr(s: *const Wchar, c: Wchar) -> *mut Wchar {
    let mut p = s;
    loop {
        // SAFETY: up to and including the NUL.
        let x = unsafe { *p };
        if x == c {
            return p.cast_mut();
        }
        if x == 0 {
            return core::ptr::null_mut();
        }
        // SAFETY: `x` was not the NUL.
        p = unsafe { p.add(1) };
    }
}

/// wcsrchr(3).
///
/// # Safety
/// `s` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsrchr(s: *const Wchar, c: Wchar) -> *mut Wchar {
    // SAFETY: as the caller says.
    let n = unsafe { len_upto(s, usize::MAX) };
    let mut i = n + 1;
    while i > 0 {
        i -= 1;
        // SAFETY: `i <= n`.
        if unsafe { *s.add(i) } == c {
            // SAFETY: as above.
            return unsafe { s.add(i) }.cast_mut();
        }
    }
    core::ptr::null_mut()
}

/// Whether `c` (not NUL) occurs in the NUL-terminated `set`.
///
/// # Safety
/// `set` is NUL-terminated.
unsafe fn in_set(set: *const Wchar, c: Wchar) -> bool {
    // SAFETY: as the caller says.
    c != 0 && !unsafe { wcschr(set, c) }.is_null()
}

/// The length of the prefix of `s` whose elements are in `set` (`want`)
/// or not in it.
///
/// # Safety
/// Both are NUL-terminated.
unsafe fn span(s: *const Wchar, set: *const Wchar, want: bool) -> usize {
    let mut n = 0;
    loop {
        // SAFETY: up to the NUL.
        let c = unsafe { *s.add(n) };
        // SAFETY: `set` is NUL-terminated.
        if c == 0 || unsafe { in_set(set, c) } != want {
            return n;
        }
        n += 1;
    }
}

/// wcsspn(3).
///
/// # Safety
/// Both are NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsspn(s: *const Wchar, set: *const Wchar) -> usize {
    // SAFETY: as the caller says.
    unsafe { span(s, set, true) }
}

/// wcscspn(3).
///
/// # Safety
/// Both are NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcscspn(s: *const Wchar, set: *const Wchar) -> usize {
    // SAFETY: as the caller says.
    unsafe { span(s, set, false) }
}

/// wcspbrk(3).
///
/// # Safety
/// Both are NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcspbrk(s: *const Wchar, set: *const Wchar) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe {
        let p = s.add(span(s, set, false));
        if *p == 0 {
            core::ptr::null_mut()
        } else {
            p.cast_mut()
        }
    }
}

/// wcsstr(3): an empty needle matches at the start.
///
/// # Safety
/// Both are NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsstr(hay: *const Wchar, needle: *const Wchar) -> *mut Wchar {
    // SAFETY: as the caller says.
    let (h, k) = unsafe { (len_upto(hay, usize::MAX), len_upto(needle, usize::MAX)) };
    let mut i = 0;
    while i + k <= h {
        // SAFETY: `i + k <= h`: both ranges are inside their strings.
        if unsafe { wmemcmp(hay.add(i), needle, k) } == 0 {
            // SAFETY: as above.
            return unsafe { hay.add(i) }.cast_mut();
        }
        i += 1;
    }
    core::ptr::null_mut()
}

/// wcstok(3), C99's three-argument form: the next token of `s` (or of
/// `*save` when `s` is null) delimited by elements of `delim`.
///
/// # Safety
/// `s` (or `*save`) and `delim` are NUL-terminated; `save` is writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstok(
    s: *mut Wchar,
    delim: *const Wchar,
    save: *mut *mut Wchar,
) -> *mut Wchar {
    // SAFETY: as the caller says.
    unsafe {
        let s = if s.is_null() { *save } else { s };
        if s.is_null() {
            return s;
        }
        let start = s.add(span(s, delim, true));
        if *start == 0 {
            *save = core::ptr::null_mut();
            return core::ptr::null_mut();
        }
        let end = start.add(span(start, delim, false));
        if *end == 0 {
            *save = core::ptr::null_mut();
        } else {
            *end = 0;
            *save = end.add(1);
        }
        start
    }
}

/// wcsdup(3): a `malloc`ed copy, or null with `ENOMEM`.
///
/// # Safety
/// `s` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsdup(s: *const Wchar) -> *mut Wchar {
    // SAFETY: as the caller says.
    let n = unsafe { len_upto(s, usize::MAX) } + 1;
    let p: *mut c_void = crate::malloc::c_api::malloc(n * size_of::<Wchar>());
    if !p.is_null() {
        // SAFETY: `p` has room for `n` elements.
        unsafe { core::ptr::copy_nonoverlapping(s, p.cast(), n) };
    }
    p.cast()
}

/// Bytes of narrow copy kept on the stack; a longer run of ASCII (a
/// number with many leading zeros) is copied to the heap.
const NARROW: usize = 128;

/// Runs the narrow parser `f` on the wide string `s`: skips wide white
/// space ([`unicode::is_space`], as `iswspace`), copies the ASCII that
/// follows to bytes (a wide number is all ASCII), parses, and stores
/// `endptr` (`s` itself when nothing was converted).
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
unsafe fn narrow<T: Default>(
    s: *const Wchar,
    end: *mut *mut Wchar,
    f: impl FnOnce(&[u8]) -> Option<Parsed<T>>,
) -> T {
    // SAFETY: every read stops at the NUL (not space, not ASCII graphic).
    let (skip, run) = unsafe {
        let mut i = 0;
        while unicode::is_space(code(*s.add(i))) {
            i += 1;
        }
        let mut k = 0;
        while (1..0x80).contains(&*s.add(i + k)) {
            k += 1;
        }
        (i, k)
    };
    let mut stack = [0u8; NARROW];
    let heap: *mut u8 = if run > NARROW {
        crate::malloc::c_api::malloc(run).cast()
    } else {
        core::ptr::null_mut()
    };
    let buf: &mut [u8] = if heap.is_null() {
        // Out of memory for a huge run: parse its first NARROW bytes.
        &mut stack[..run.min(NARROW)]
    } else {
        // SAFETY: `heap` holds `run` bytes, ours until freed below.
        unsafe { core::slice::from_raw_parts_mut(heap, run) }
    };
    for (k, b) in buf.iter_mut().enumerate() {
        // SAFETY: inside the ASCII run.
        *b = unsafe { *s.add(skip + k) } as u8;
    }
    let p = f(buf);
    if !heap.is_null() {
        // SAFETY: allocated above.
        unsafe { crate::malloc::c_api::free(heap.cast()) };
    }
    let used = match &p {
        Some(p) if p.consumed > 0 => skip + p.consumed,
        _ => 0,
    };
    if !end.is_null() {
        // SAFETY: `used` is inside the string; `end` is writable.
        unsafe { *end = s.add(used).cast_mut() };
    }
    match p {
        None => Errno::EINVAL.set_last(),
        Some(Parsed {
            range_error: true, ..
        }) => Errno::ERANGE.set_last(),
        Some(_) => {}
    }
    p.map_or(T::default(), |p| p.value)
}

/// wcstol(3).
///
/// # Safety
/// `s` is NUL-terminated; `end` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstol(s: *const Wchar, end: *mut *mut Wchar, base: c_int) -> c_long {
    // SAFETY: as the caller says.
    unsafe { narrow(s, end, |b| int::strtoi(b, base, c_long::BITS)) as c_long }
}

/// wcstoll(3).
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstoll(s: *const Wchar, end: *mut *mut Wchar, base: c_int) -> c_longlong {
    // SAFETY: as the caller says.
    unsafe { narrow(s, end, |b| int::strtoi(b, base, c_longlong::BITS)) }
}

/// wcstoul(3).
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstoul(s: *const Wchar, end: *mut *mut Wchar, base: c_int) -> c_ulong {
    // SAFETY: as the caller says.
    unsafe { narrow(s, end, |b| int::strtou(b, base, c_ulong::BITS)) as c_ulong }
}

/// wcstoull(3).
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstoull(
    s: *const Wchar,
    end: *mut *mut Wchar,
    base: c_int,
) -> c_ulonglong {
    // SAFETY: as the caller says.
    unsafe { narrow(s, end, |b| int::strtou(b, base, c_ulonglong::BITS)) }
}

/// wcstod(3): `strtod`'s correctly rounded parser on the ASCII prefix.
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstod(s: *const Wchar, end: *mut *mut Wchar) -> f64 {
    // SAFETY: as the caller says.
    unsafe { narrow(s, end, |b| Some(strtod::strtod(b))) }
}

/// wcstof(3).
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstof(s: *const Wchar, end: *mut *mut Wchar) -> f32 {
    // SAFETY: as the caller says.
    unsafe { narrow(s, end, |b| Some(strtod::strtof(b))) }
}

/// wcwidth(3): columns of `c` (0 for NUL and combining characters, 2 for
/// wide ones), or -1 if it is not printable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn wcwidth(c: Wchar) -> c_int {
    unicode::width(code(c)).map_or(-1, |w| w as c_int)
}

/// wcswidth(3): the columns of the first `n` wide characters of `s` (up
/// to its NUL), or -1 if one is not printable.
///
/// # Safety
/// `s` is readable to its NUL or `n` elements.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcswidth(s: *const Wchar, n: usize) -> c_int {
    let mut total: c_int = 0;
    for i in 0..n {
        // SAFETY: we stop at the NUL or at `n`.
        let c = unsafe { *s.add(i) };
        if c == 0 {
            break;
        }
        match unicode::width(code(c)) {
            Some(w) => total = total.saturating_add(w as c_int),
            None => return -1,
        }
    }
    total
}
