//! getrandom(2).

use crate::syscall::random;
use core::ffi::{c_uint, c_void};

/// getrandom(2): up to `n` random bytes at `buf`; the count, or -1 and `errno`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getrandom(buf: *mut c_void, n: usize, flags: c_uint) -> isize {
    let r = if n == 0 {
        random::getrandom(&mut [], flags)
    } else {
        // SAFETY: C passes `n` writable bytes at `buf`.
        random::getrandom(
            unsafe { core::slice::from_raw_parts_mut(buf.cast(), n) },
            flags,
        )
    };
    r.map_or_else(
        |e| {
            e.set_last();
            -1
        },
        |k| k as isize,
    )
}
