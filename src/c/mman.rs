use super::ret_zero;
use crate::syscall::mm;
use core::ffi::{c_int, c_void};

/// `MAP_FAILED`.
const MAP_FAILED: *mut c_void = !0usize as *mut c_void;

/// mmap(2) with a 64-bit `off_t`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mmap(
    addr: *mut c_void,
    len: usize,
    prot: c_int,
    flags: c_int,
    fd: c_int,
    off: i64,
) -> *mut c_void {
    // SAFETY: C callers take responsibility for what they map over.
    match unsafe { mm::mmap(addr.cast(), len, prot, flags, fd, off) } {
        Ok(p) => p.cast(),
        Err(e) => {
            e.set_last();
            MAP_FAILED
        }
    }
}

/// munmap(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn munmap(addr: *mut c_void, len: usize) -> c_int {
    // SAFETY: C callers take responsibility for what they unmap.
    ret_zero(unsafe { mm::munmap(addr.cast(), len) })
}

/// mprotect(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> c_int {
    // SAFETY: C callers take responsibility for the new protection.
    ret_zero(unsafe { mm::mprotect(addr.cast(), len, prot) })
}
