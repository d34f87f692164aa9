//! The C allocation entry points `malloc`, `free`, `calloc` and `realloc`,
//! as weak definitions.
//!
//! They live here, below `stdio`, so that every part of muslin that hands C
//! a chunk (a `FILE`, a stream buffer, `getline`'s line, `strdup`'s copy,
//! `setenv`'s strings) can allocate through them by Rust path: a call to a
//! weak function is a call to the symbol, so when a program links its own
//! `malloc` family, muslin's chunks come from it too and the program's
//! `free` never receives a chunk of muslin's allocator.
//!
//! `realloc(p, 0)` frees nothing and returns a minimal chunk (possibly `p`
//! itself, shrunk), like `malloc(0)`: NULL always means failure.

use crate::Errno;
use core::ffi::c_void;
use core::ptr::null_mut;

/// Null with `ENOMEM` when `p` is null.
#[inline(always)]
pub(crate) fn enomem(p: *mut u8) -> *mut c_void {
    if p.is_null() {
        Errno::ENOMEM.set_last();
    }
    p.cast()
}

/// malloc(3): `size` bytes aligned to 16; `malloc(0)` is a unique chunk.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn malloc(size: usize) -> *mut c_void {
    enomem(super::malloc(size))
}

/// free(3); `free(NULL)` does nothing.
///
/// # Safety
/// `p` is null or a live chunk from this family.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: the caller passes null or a live chunk.
    unsafe { super::free(p.cast()) }
}

/// calloc(3): zeroed; `n * size` overflowing is `ENOMEM`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(total) => enomem(super::zeroed(total, super::ALIGN)),
        None => enomem(null_mut()),
    }
}

/// realloc(3): NULL allocates; size 0 gives a minimal chunk (see the
/// module documentation); on failure the old chunk stays valid.
///
/// # Safety
/// `p` is null or a live chunk from this family.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    // SAFETY: the caller passes null or a live chunk.
    enomem(unsafe { super::realloc(p.cast(), size) })
}
