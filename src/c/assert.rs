//! `<assert.h>`: what a failed `assert` calls.

use core::ffi::{CStr, c_char, c_uint};

/// Appends as much of `s` as fits to `buf[*len..]`.
fn push(buf: &mut [u8], len: &mut usize, s: &[u8]) {
    let n = s.len().min(buf.len() - *len);
    buf[*len..*len + n].copy_from_slice(&s[..n]);
    *len += n;
}

/// Bytes of a C string, or nothing for a null pointer.
///
/// # Safety
/// `p` must be null or a NUL-terminated string.
unsafe fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        return b"";
    }
    // SAFETY: as the caller promises.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// __assert_fail(3), what `assert` calls when its expression is false:
/// writes glibc's message, `prog: file:line: func: Assertion `expr'
/// failed.`, to standard error and aborts. `prog` is the last part of
/// `argv[0]` (glibc's `program_invocation_short_name`); glibc leaves out
/// `prog: ` when it is empty and `func: ` when `func` is null, and so does
/// this. The message is written with one `write(2)`, not through stdio, so
/// `assert` does not link stdio in.
///
/// # Safety
/// The strings must be null or NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn __assert_fail(
    expr: *const c_char,
    file: *const c_char,
    line: c_uint,
    func: *const c_char,
) -> ! {
    let mut buf = [0u8; 1024];
    let mut len = 0;
    let argv0 = crate::env::args().next().map_or(&b""[..], CStr::to_bytes);
    let prog = argv0.rsplit(|&c| c == b'/').next().unwrap_or(b"");
    if !prog.is_empty() {
        push(&mut buf, &mut len, prog);
        push(&mut buf, &mut len, b": ");
    }
    // SAFETY: the caller passes C strings (or null).
    let (expr, file) = unsafe { (bytes(expr), bytes(file)) };
    push(&mut buf, &mut len, file);
    push(&mut buf, &mut len, b":");
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = line;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    push(&mut buf, &mut len, &digits[i..]);
    push(&mut buf, &mut len, b": ");
    if !func.is_null() {
        // SAFETY: as above.
        push(&mut buf, &mut len, unsafe { bytes(func) });
        push(&mut buf, &mut len, b": ");
    }
    push(&mut buf, &mut len, b"Assertion `");
    push(&mut buf, &mut len, expr);
    push(&mut buf, &mut len, b"' failed.\n");
    // Nothing to do if standard error is gone: abort regardless.
    let _ = crate::syscall::fd::write_all(crate::syscall::fd::STDERR, &buf[..len]);
    crate::process::abort()
}
