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

/// The program's `argv[0]` (as much as fits in `buf`), read from
/// `/proc/self/cmdline`; where that cannot be read, the path the program
/// was executed as (`AT_EXECFN`), or nothing.
///
/// Start-up does record argv (for Rust's [`crate::env::args`]), but reading
/// that record here would make every C program store it, asserting or not:
/// the library is one link-time-optimised object, in which a store is kept
/// as long as any exported function reads it back.
pub(super) fn argv0(buf: &mut [u8]) -> &[u8] {
    use crate::syscall::fd::{AT_FDCWD, O_CLOEXEC, O_RDONLY};
    let path = c"/proc/self/cmdline";
    let flags = O_RDONLY | O_CLOEXEC;
    // SAFETY: path is a C string; the other arguments are plain numbers.
    let fd = unsafe { crate::syscall!(__NR_openat, AT_FDCWD.0, path.as_ptr(), flags, 0u32) };
    let mut len = 0;
    if (fd as isize) >= 0 {
        while len < buf.len() {
            let rest = &mut buf[len..];
            // SAFETY: the kernel writes at most rest.len() bytes into rest.
            let n = unsafe { crate::syscall!(__NR_read, fd, rest.as_mut_ptr(), rest.len()) };
            if n as isize <= 0 {
                break;
            }
            len += n;
            // (A plain loop: `contains` would link a word-at-a-time memchr.)
            #[allow(clippy::manual_contains)]
            if rest[..n].iter().any(|&c| c == 0) {
                break;
            }
        }
        // SAFETY: closing our own descriptor affects no memory.
        unsafe { crate::syscall!(__NR_close, fd) };
    }
    if len != 0 {
        let end = buf[..len].iter().position(|&c| c == 0).unwrap_or(len);
        return &buf[..end];
    }
    let execfn = crate::env::auxv::get(crate::env::auxv::AT_EXECFN) as *const c_char;
    // SAFETY: the kernel's AT_EXECFN is a C string that lives for the whole
    // process (or absent: null).
    unsafe { bytes(execfn) }
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
    let mut name = [0u8; 1024];
    let argv0 = argv0(&mut name);
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
