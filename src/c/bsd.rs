//! Small functions from BSD that programs use: `strlcpy`, `strlcat`
//! (`<string.h>`) and `getentropy` (`<unistd.h>`).

use crate::Errno;
use core::ffi::{c_char, c_int, c_void};

/// The length of the C string at `s`, up to `max` bytes.
///
/// # Safety
/// `s` is readable up to its NUL or `max` bytes.
unsafe fn strnlen(s: *const c_char, max: usize) -> usize {
    let mut n = 0;
    // SAFETY: as the caller says.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// strlcpy(3): copies as much of `src` as fits in `size` bytes at `dst`,
/// always NUL-terminated when `size` is not 0; returns `strlen(src)`, so a
/// result `>= size` says the copy was cut short.
///
/// # Safety
/// `src` is a C string; `dst` has `size` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strlcpy(dst: *mut c_char, src: *const c_char, size: usize) -> usize {
    // SAFETY: `src` is NUL-terminated.
    let len = unsafe { strnlen(src, usize::MAX) };
    if size != 0 {
        let n = len.min(size - 1);
        // SAFETY: `n < size` bytes fit at `dst`; `src` has `n` bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(src, dst, n);
            *dst.add(n) = 0;
        }
    }
    len
}

/// strlcat(3): appends `src` to the string at `dst` within `size` bytes in
/// all, NUL-terminated; returns the length of the string it tried to make
/// (`size + strlen(src)` when `dst` holds no NUL within `size`).
///
/// # Safety
/// `src` is a C string; `dst` has `size` bytes, a C string within them or
/// none at all.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strlcat(dst: *mut c_char, src: *const c_char, size: usize) -> usize {
    // SAFETY: `dst` is readable for `size` bytes.
    let dlen = unsafe { strnlen(dst, size) };
    if dlen == size {
        // SAFETY: `src` is NUL-terminated.
        return size + unsafe { strnlen(src, usize::MAX) };
    }
    // SAFETY: `dst + dlen` has `size - dlen` bytes, the first of them NUL.
    dlen + unsafe { strlcpy(dst.add(dlen), src, size - dlen) }
}

/// getentropy(3): fills `len` bytes (at most 256, else `EIO`) at `buf`
/// with random bytes from the kernel, waiting for its pool if need be.
///
/// # Safety
/// `buf` has `len` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getentropy(buf: *mut c_void, len: usize) -> c_int {
    if len > 256 {
        Errno::EIO.set_last();
        return -1;
    }
    if len == 0 {
        return 0;
    }
    // SAFETY: C passes `len` writable bytes.
    let s = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len) };
    super::ret_zero(crate::syscall::random::fill(s))
}
