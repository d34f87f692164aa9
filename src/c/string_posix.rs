//! The POSIX and GNU additions to `<string.h>`: `stpcpy`, `stpncpy`,
//! `memccpy`, `strsep`, `memmem`, `mempcpy`, `strchrnul`, `strcasestr`,
//! `strerror_r` and `strsignal`. Each is its own function (and section),
//! so a program links only the ones it calls.

use super::string::{ByteSet, find_bytes, has_zero_byte, strnlen};
use crate::errno::{Errno, labelled_number, message_of, unknown_message};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::AtomicU8;
use core::sync::atomic::Ordering::Relaxed;

/// stpcpy(3): as `strcpy`, returning the address of the copied NUL.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn stpcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: src is a string; dst has room for it and its NUL.
    unsafe {
        let n = strnlen(src, usize::MAX);
        core::ptr::copy_nonoverlapping(src, dst, n + 1);
        dst.add(n)
    }
}

/// stpncpy(3): as `strncpy` (pads with NULs to `n`), returning the address
/// of the first NUL written, or `dst + n` when `src` filled all `n` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn stpncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: src is a string or has n readable bytes; dst has n bytes.
    unsafe {
        let k = strnlen(src, n);
        core::ptr::copy_nonoverlapping(src, dst, k);
        core::ptr::write_bytes(dst.add(k), 0, n - k);
        dst.add(k)
    }
}

/// memccpy(3): copies up to and including the first `c`, at most `n`
/// bytes; returns the byte after the copied `c` in `dst`, or NULL.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memccpy(
    dst: *mut c_void,
    src: *const c_void,
    c: c_int,
    n: usize,
) -> *mut c_void {
    // SAFETY: src has the bytes up to the first c (or n); dst has room for
    // as many. memchr reads no further than the match.
    unsafe {
        let hit = super::string::memchr(src, c, n);
        let k = if hit.is_null() {
            n
        } else {
            hit as usize - src as usize + 1
        };
        core::ptr::copy_nonoverlapping(src.cast::<u8>(), dst.cast::<u8>(), k);
        if hit.is_null() {
            null_mut()
        } else {
            dst.cast::<u8>().add(k).cast()
        }
    }
}

/// mempcpy(3) (GNU): `memcpy` returning `dst + n`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mempcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: as memcpy: n bytes readable at src, writable at dst, disjoint.
    unsafe {
        core::ptr::copy_nonoverlapping(src.cast::<u8>(), dst.cast::<u8>(), n);
        dst.cast::<u8>().add(n).cast()
    }
}

/// strsep(3) (BSD): the token at `*sp` up to the first byte of `delim`,
/// NUL-terminated in place; `*sp` moves past that byte, or becomes NULL at
/// the end. Empty tokens are returned (unlike `strtok`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strsep(sp: *mut *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: sp is valid; *sp (if not NULL) and delim are strings.
    unsafe {
        let s = *sp;
        if s.is_null() {
            return null_mut();
        }
        let end = s.add(super::string::strcspn(s, delim));
        if *end == 0 {
            *sp = null_mut();
        } else {
            *end = 0;
            *sp = end.add(1);
        }
        s
    }
}

/// memmem(3) (GNU): the first occurrence of the `nl` bytes at `needle` in
/// the `hl` bytes at `hay`; an empty needle matches at `hay`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memmem(
    hay: *const c_void,
    hl: usize,
    needle: *const c_void,
    nl: usize,
) -> *mut c_void {
    if nl == 0 {
        return hay.cast_mut();
    }
    if nl > hl {
        return null_mut();
    }
    // SAFETY: C passes hl and nl readable bytes.
    let (h, n) = unsafe {
        (
            core::slice::from_raw_parts(hay.cast::<u8>(), hl),
            core::slice::from_raw_parts(needle.cast::<u8>(), nl),
        )
    };
    match find_bytes(h, n) {
        Some(i) => h[i..].as_ptr().cast_mut().cast(),
        None => null_mut(),
    }
}

/// strchrnul(3) (GNU): the first `c` in `s`, or the address of its NUL.
/// Scans a word at a time once aligned; an aligned word never crosses a
/// page, so reading the bytes after the NUL in its word is harmless.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    const W: usize = size_of::<usize>();
    let c = c as u8;
    let mut p = s.cast::<u8>();
    // SAFETY: the bytes up to the NUL are readable, and so is
    // the rest of the aligned word that holds them.
    unsafe {
        while !(p as usize).is_multiple_of(W) {
            if *p == c || *p == 0 {
                return p.cast_mut().cast();
            }
            p = p.add(1);
        }
        let rep = (usize::MAX / 255) * c as usize;
        loop {
            let w = p.cast::<usize>().read();
            if has_zero_byte(w) || has_zero_byte(w ^ rep) {
                break;
            }
            p = p.add(W);
        }
        while *p != c && *p != 0 {
            p = p.add(1);
        }
    }
    p.cast_mut().cast()
}

/// strcasestr(3) (GNU): `strstr` ignoring ASCII case.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcasestr(hay: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: both are NUL-terminated strings.
    let (h, n) = unsafe {
        (
            core::slice::from_raw_parts(hay.cast::<u8>(), strnlen(hay, usize::MAX)),
            core::slice::from_raw_parts(needle.cast::<u8>(), strnlen(needle, usize::MAX)),
        )
    };
    if n.len() > h.len() {
        return null_mut();
    }
    // Quadratic in the worst case, but the needle's first byte (either
    // case) is looked up in a set, which is what matters for typical use.
    let first = match n.first() {
        None => return hay.cast_mut(),
        Some(&b) => ByteSet::new(&[b.to_ascii_lowercase(), b.to_ascii_uppercase()]),
    };
    for i in 0..=h.len() - n.len() {
        if first.contains(h[i]) && h[i..i + n.len()].eq_ignore_ascii_case(n) {
            return h[i..].as_ptr().cast_mut().cast();
        }
    }
    null_mut()
}

/// `__xpg_strerror_r`: [`strerror_r`] by the name glibc's headers (and Rust's
/// `libc` crate on `-gnu` targets) call it.
///
/// # Safety
/// As [`strerror_r`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn __xpg_strerror_r(n: c_int, buf: *mut c_char, len: usize) -> c_int {
    // SAFETY: as the caller says.
    unsafe { strerror_r(n, buf, len) }
}

/// strerror_r(3), the POSIX (XSI) version returning an `int`: 0, or
/// `ERANGE` when the message (truncated, still NUL-terminated) does not
/// fit, or `EINVAL` for an unknown number (with "Unknown error N" written,
/// as glibc's `__xpg_strerror_r`). glibc's headers select a GNU version
/// returning `char *` under `_GNU_SOURCE`; muslin, like musl, has only
/// this one.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strerror_r(n: c_int, buf: *mut c_char, len: usize) -> c_int {
    let mut tmp = [0u8; 32];
    let (msg, ret) = match message_of(n) {
        Some(m) => (m.to_bytes(), 0),
        None => {
            let k = unknown_message(n, &mut tmp);
            (&tmp[..k], Errno::EINVAL.raw())
        }
    };
    if len == 0 {
        return Errno::ERANGE.raw();
    }
    let k = msg.len().min(len - 1);
    // SAFETY: C passes len writable bytes at buf; k + 1 <= len.
    unsafe {
        core::ptr::copy_nonoverlapping(msg.as_ptr(), buf.cast::<u8>(), k);
        *buf.add(k) = 0;
    }
    if k < msg.len() {
        Errno::ERANGE.raw()
    } else {
        ret
    }
}

/// glibc's descriptions of signals 1 to 31, NUL-separated, in order.
const SIGNAL_TEXTS: &[u8] = b"Hangup\0Interrupt\0Quit\0Illegal instruction\0\
Trace/breakpoint trap\0Aborted\0Bus error\0Floating point exception\0Killed\0\
User defined signal 1\0Segmentation fault\0User defined signal 2\0Broken pipe\0\
Alarm clock\0Terminated\0Stack fault\0Child exited\0Continued\0Stopped (signal)\0\
Stopped\0Stopped (tty input)\0Stopped (tty output)\0Urgent I/O condition\0\
CPU time limit exceeded\0File size limit exceeded\0Virtual timer expired\0\
Profiling timer expired\0Window changed\0I/O possible\0Power failure\0\
Bad system call\0";

/// strsignal(3): glibc's text for `sig` ("Segmentation fault"),
/// "Real-time signal N" for `SIGRTMIN + N` up to `SIGRTMAX`, and "Unknown
/// signal N" for the rest (0, the signals muslin reserves, out of range).
/// The last two are written into one static buffer that the next such call
/// overwrites, as POSIX allows.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn strsignal(sig: c_int) -> *mut c_char {
    use crate::signal::{SIGRTMAX, SIGRTMIN};
    if (1..32).contains(&sig) {
        let mut rest = SIGNAL_TEXTS;
        for _ in 1..sig {
            let end = rest.iter().position(|&b| b == 0).unwrap_or(0);
            rest = &rest[end + 1..];
        }
        return rest.as_ptr().cast::<c_char>().cast_mut();
    }
    let (prefix, n): (&[u8], c_int) = if (SIGRTMIN..=SIGRTMAX).contains(&sig) {
        (b"Real-time signal ", sig - SIGRTMIN)
    } else {
        (b"Unknown signal ", sig)
    };
    static BUF: [AtomicU8; 32] = [const { AtomicU8::new(0) }; 32];
    let mut tmp = [0u8; 32];
    let len = labelled_number(prefix, n, &mut tmp);
    // Written with atomic byte stores: concurrent calls garble the text
    // but are not undefined behaviour.
    for (slot, &b) in BUF.iter().zip(&tmp[..=len]) {
        slot.store(b, Relaxed);
    }
    BUF.as_ptr().cast::<c_char>().cast_mut()
}
