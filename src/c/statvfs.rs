//! `<sys/statvfs.h>`: `statvfs` and `fstatvfs` from the kernel's
//! `statfs` (`statfs64` on 32-bit arches, whose `statfs` has 32-bit
//! counts). `struct statvfs` is muslin's own layout, the same on every
//! arch: 64-bit counts.

use super::ret_zero;
use crate::Errno;
use crate::syscall::fd::Fd;
use crate::syscall::fs::{self, FsStats};
use core::ffi::{c_char, c_int, c_ulong};

/// `struct statvfs`.
#[repr(C)]
pub struct StatVfs {
    /// File system block size.
    pub f_bsize: c_ulong,
    /// Fragment size: the unit of `f_blocks`, `f_bfree` and `f_bavail`.
    pub f_frsize: c_ulong,
    /// Size of the file system in `f_frsize` units.
    pub f_blocks: u64,
    /// Free blocks.
    pub f_bfree: u64,
    /// Free blocks for unprivileged users.
    pub f_bavail: u64,
    /// Inodes.
    pub f_files: u64,
    /// Free inodes.
    pub f_ffree: u64,
    /// Free inodes for unprivileged users.
    pub f_favail: u64,
    /// File system id.
    pub f_fsid: c_ulong,
    /// Mount flags (`ST_RDONLY`, `ST_NOSUID`, ...).
    pub f_flag: c_ulong,
    /// Longest file name.
    pub f_namemax: c_ulong,
    /// Room to grow.
    pub __reserved: [c_int; 6],
}

/// `ST_VALID`: the kernel filled `f_flags`.
const ST_VALID: u64 = 0x20;

/// Fills `out` from the kernel's numbers.
fn fill(s: &FsStats, out: &mut StatVfs) {
    *out = StatVfs {
        f_bsize: s.bsize as c_ulong,
        f_frsize: s.frsize as c_ulong,
        f_blocks: s.blocks,
        f_bfree: s.bfree,
        f_bavail: s.bavail,
        f_files: s.files,
        f_ffree: s.ffree,
        f_favail: s.ffree,
        f_fsid: (s.fsid[0] as u64 | ((s.fsid[1] as u64) << 32)) as c_ulong,
        f_flag: if s.flags & ST_VALID != 0 {
            (s.flags & !ST_VALID) as c_ulong
        } else {
            0
        },
        f_namemax: s.namelen as c_ulong,
        __reserved: [0; 6],
    };
}

/// Stores `r` in `out`: 0, or -1 with `errno`.
///
/// # Safety
/// `out` must be writable as a `StatVfs`.
unsafe fn finish(r: crate::errno::Result<FsStats>, out: *mut StatVfs) -> c_int {
    ret_zero(r.and_then(|s| {
        if out.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: the caller's buffer, checked non-null.
        fill(&s, unsafe { &mut *out });
        Ok(())
    }))
}

/// statvfs(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn statvfs(path: *const c_char, out: *mut StatVfs) -> c_int {
    if path.is_null() {
        Errno::EFAULT.set_last();
        return -1;
    }
    // SAFETY: the kernel validates the path; out is the caller's.
    unsafe { finish(fs::statfs_raw(path.cast(), Fd(-1)), out) }
}

/// fstatvfs(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fstatvfs(fd: c_int, out: *mut StatVfs) -> c_int {
    // SAFETY: a null path asks for fstatfs; out is the caller's.
    unsafe { finish(fs::statfs_raw(core::ptr::null(), Fd(fd)), out) }
}
