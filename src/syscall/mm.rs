//! Memory mappings.

use super::{Result, ret, ret_unit};
use crate::syscall;
use core::ffi::c_int;

/// Maps memory; returns its address.
///
/// # Safety
/// Mapping over existing memory (`MAP_FIXED`) can invalidate Rust references.
pub unsafe fn mmap(
    addr: *mut u8,
    len: usize,
    prot: c_int,
    flags: c_int,
    fd: c_int,
    offset: i64,
) -> Result<*mut u8> {
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the caller vouches for the mapping's effect on existing memory.
    let r = unsafe { syscall!(__NR_mmap, addr, len, prot, flags, fd, offset) };
    #[cfg(target_pointer_width = "32")]
    let r = {
        // mmap2 takes the offset in 4096-byte units.
        if offset & 4095 != 0 || offset < 0 {
            return Err(super::Errno::EINVAL);
        }
        // SAFETY: as above.
        unsafe {
            syscall!(
                __NR_mmap2,
                addr,
                len,
                prot,
                flags,
                fd,
                (offset >> 12) as usize
            )
        }
    };
    ret(r).map(|p| p as *mut u8)
}

/// Unmaps `[addr, addr+len)`.
///
/// # Safety
/// Nothing may still refer to the unmapped memory.
pub unsafe fn munmap(addr: *mut u8, len: usize) -> Result<()> {
    // SAFETY: the caller guarantees the range is no longer used.
    ret_unit(unsafe { syscall!(__NR_munmap, addr, len) })
}

/// Changes the protection of `[addr, addr+len)`.
///
/// # Safety
/// Removing access from memory Rust still uses makes later accesses fault.
pub unsafe fn mprotect(addr: *mut u8, len: usize, prot: c_int) -> Result<()> {
    // SAFETY: the caller vouches for the new protection.
    ret_unit(unsafe { syscall!(__NR_mprotect, addr, len, prot) })
}
