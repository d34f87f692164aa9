//! Writing: `fwrite`, `fputc`, `putc`, `putchar`, `fputs`, `puts`,
//! `fflush`, `perror`.

use super::file::{FILE, Guard, flush_all_streams, hook_exit_flush};
use super::standard::{STDERR, STDOUT};
use crate::errno::Errno;
use core::ffi::{CStr, c_char, c_int, c_void};

const EOF: c_int = -1;

/// Writes `s` to `f` under its lock; whether all of it was accepted.
fn put(f: &FILE, s: &[u8]) -> bool {
    hook_exit_flush();
    let g = Guard::new(f);
    g.st().write_bytes(s) == s.len()
}

/// fwrite(3).
///
/// # Safety
/// `f` must be an open stream; `p` must hold `size * n` readable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fwrite(p: *const c_void, size: usize, n: usize, f: *mut FILE) -> usize {
    let Some(total) = size.checked_mul(n).filter(|&t| t > 0) else {
        return 0;
    };
    // SAFETY: the caller vouches for the buffer.
    let src = unsafe { core::slice::from_raw_parts(p as *const u8, total) };
    hook_exit_flush();
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    g.st().write_bytes(src) / size
}

/// fputc(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fputc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream.
    if put(unsafe { &*f }, &[c as u8]) {
        c & 0xff
    } else {
        EOF
    }
}

/// putc(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn putc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: forwarded.
    unsafe { fputc(c, f) }
}

/// putc_unlocked(3): the caller holds the lock (or has one thread).
///
/// # Safety
/// `f` must be an open stream the caller has locked.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn putc_unlocked(c: c_int, f: *mut FILE) -> c_int {
    hook_exit_flush();
    // SAFETY: the caller passes an open stream and excludes other threads.
    let st = unsafe {
        (*f).ready();
        &mut *(*f).st.get()
    };
    if st.write_bytes(&[c as u8]) == 1 {
        c & 0xff
    } else {
        EOF
    }
}

/// putchar(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn putchar(c: c_int) -> c_int {
    if put(&STDOUT, &[c as u8]) {
        c & 0xff
    } else {
        EOF
    }
}

/// putchar_unlocked(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn putchar_unlocked(c: c_int) -> c_int {
    putchar(c)
}

/// fputs(3).
///
/// # Safety
/// `s` must be a NUL-terminated string, `f` an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fputs(s: *const c_char, f: *mut FILE) -> c_int {
    // SAFETY: the caller passes a C string and an open stream.
    let (s, f) = unsafe { (CStr::from_ptr(s).to_bytes(), &*f) };
    if put(f, s) { 0 } else { EOF }
}

/// puts(3): the string and a newline, under one lock.
///
/// # Safety
/// `s` must be a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn puts(s: *const c_char) -> c_int {
    // SAFETY: the caller passes a C string.
    let s = unsafe { CStr::from_ptr(s) }.to_bytes();
    hook_exit_flush();
    let g = Guard::new(&STDOUT);
    let st = g.st();
    if st.write_bytes(s) == s.len() && st.write_bytes(b"\n") == 1 {
        0
    } else {
        EOF
    }
}

/// fflush(3); NULL flushes every open stream. A stream holding data read
/// ahead also moves its descriptor back to where the reader is (POSIX).
///
/// # Safety
/// `f` must be null or an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fflush(f: *mut FILE) -> c_int {
    let ok = if f.is_null() {
        flush_all_streams()
    } else {
        // SAFETY: the caller passes an open stream.
        let g = Guard::new(unsafe { &*f });
        let st = g.st();
        // Pending output goes out; read-ahead is given back (one lock).
        let ok = st.flush();
        if ok {
            st.sync_read();
        }
        ok
    };
    if ok { 0 } else { EOF }
}

/// perror(3): "s: message\n" (or just the message when `s` is null or
/// empty) on standard error; `errno` is kept.
///
/// # Safety
/// `s` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn perror(s: *const c_char) {
    let e = Errno::last();
    let n = e.raw();
    let mut unknown = [0u8; 32];
    let msg = match crate::errno::message_of(n) {
        Some(m) => m.to_bytes(),
        None => {
            let len = crate::errno::unknown_message(n, &mut unknown);
            &unknown[..len]
        }
    };
    let prefix: &[u8] = if s.is_null() {
        b""
    } else {
        // SAFETY: the caller passes a C string.
        unsafe { CStr::from_ptr(s) }.to_bytes()
    };
    hook_exit_flush();
    let g = Guard::new(&STDERR);
    let st = g.st();
    if !prefix.is_empty() {
        st.write_bytes(prefix);
        st.write_bytes(b": ");
    }
    st.write_bytes(msg);
    st.write_bytes(b"\n");
    e.set_last();
}
