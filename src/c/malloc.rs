//! The C allocation API beyond `malloc`, `free`, `calloc` and `realloc`
//! (which [`crate::malloc::c_api`] defines, below `stdio`), and the C
//! functions that are only an allocation and a copy: `strdup`, `strndup`.
//!
//! `reallocarray`, `strdup` and `strndup` allocate through the C symbols,
//! so they follow a program's own `malloc` family. The aligned allocators
//! and `malloc_usable_size` work on muslin's own allocator: a program that
//! replaces `malloc` and calls them must replace them too (as with musl).

use crate::Errno;
use crate::malloc as m;
use crate::malloc::c_api::{enomem, realloc};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

/// reallocarray(3): `realloc(p, n * size)` with `ENOMEM` on overflow.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        // SAFETY: C passes null or a live chunk.
        Some(total) => unsafe { realloc(p, total) },
        None => enomem(null_mut()),
    }
}

/// aligned_alloc(3): `EINVAL` unless `align` is a power of two.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut c_void {
    if !align.is_power_of_two() {
        Errno::EINVAL.set_last();
        return null_mut();
    }
    enomem(m::aligned(size, align))
}

/// memalign(3): as `aligned_alloc`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn memalign(align: usize, size: usize) -> *mut c_void {
    aligned_alloc(align, size)
}

/// posix_memalign(3): returns `EINVAL` unless `align` is a power of two
/// and a multiple of `sizeof(void *)`, `ENOMEM` when out of memory; `errno`
/// is left alone.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> c_int {
    if !align.is_power_of_two() || !align.is_multiple_of(size_of::<*mut c_void>()) {
        return Errno::EINVAL.raw();
    }
    let p = m::aligned(size, align);
    if p.is_null() {
        return Errno::ENOMEM.raw();
    }
    // SAFETY: C passes a writable pointer.
    unsafe { *out = p.cast() };
    0
}

/// malloc_usable_size(3): how many bytes chunk `p` really offers (0 for NULL).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> usize {
    // SAFETY: C passes null or a live chunk.
    unsafe { m::usable_size(p.cast()) }
}

/// A fresh NUL-terminated copy of `n` bytes at `s`, or null with `ENOMEM`.
///
/// # Safety
/// `s` must be readable for `n` bytes.
unsafe fn dup(s: *const c_char, n: usize) -> *mut c_char {
    // `malloc` sets `ENOMEM` itself (a program's own should too).
    let p = crate::malloc::c_api::malloc(n + 1).cast::<u8>();
    if p.is_null() {
        return null_mut();
    }
    // SAFETY: `p` holds `n + 1` bytes; `s` is readable for `n`.
    unsafe {
        core::ptr::copy_nonoverlapping(s.cast::<u8>(), p, n);
        *p.add(n) = 0;
    }
    p.cast()
}

/// Length of `s` up to `max` bytes.
///
/// # Safety
/// `s` must be readable up to its NUL or `max` bytes, whichever is first.
unsafe fn len_upto(s: *const c_char, max: usize) -> usize {
    let mut n = 0;
    // SAFETY: reads stop at the NUL or at `max`.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// strdup(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: C passes a NUL-terminated string.
    unsafe { dup(s, len_upto(s, usize::MAX)) }
}

/// strndup(3): at most `n` bytes, always NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strndup(s: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: C passes a string readable to its NUL or `n` bytes.
    unsafe { dup(s, len_upto(s, n)) }
}
