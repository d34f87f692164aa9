//! The file system: metadata (through `statx`, the one stat call every arch
//! has), directories and names.

use super::time::Timespec;
use super::{Fd, Result, ret, ret_unit};
use crate::syscall;
use core::ffi::{CStr, c_int, c_long};
use linux_raw_sys::general as g;

/// File metadata, laid out as the C `struct stat` in `<sys/stat.h>`.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct Stat {
    /// Device holding the file.
    pub st_dev: u64,
    /// Inode number.
    pub st_ino: u64,
    /// Type and permission bits (`S_IF*`, `0o7777`).
    pub st_mode: u32,
    /// Number of hard links.
    pub st_nlink: u32,
    /// Owner.
    pub st_uid: u32,
    /// Group.
    pub st_gid: u32,
    /// Device number, for device files.
    pub st_rdev: u64,
    /// Size in bytes.
    pub st_size: i64,
    /// Preferred I/O block size.
    pub st_blksize: i64,
    /// 512-byte blocks allocated.
    pub st_blocks: i64,
    /// Last access.
    pub st_atim: Timespec,
    /// Last modification.
    pub st_mtim: Timespec,
    /// Last status change.
    pub st_ctim: Timespec,
    /// Room for the kernel's `statx` record, which `fstatat_raw` lands here.
    pub _reserved: [u64; STAT_RESERVED],
}

const STAT_FIELDS: usize = 6 * 8 + 4 * 4 + 3 * 16;
const STAT_RESERVED: usize = (256 - STAT_FIELDS) / 8;
const _: () = assert!(size_of::<Stat>() == 256 && size_of::<g::statx>() == 256);

impl Default for Stat {
    fn default() -> Stat {
        // SAFETY: every field is plain integers.
        unsafe { core::mem::zeroed() }
    }
}

fn makedev(major: u32, minor: u32) -> u64 {
    let (ma, mi) = (major as u64, minor as u64);
    ((ma & 0xffff_f000) << 32) | ((ma & 0xfff) << 8) | ((mi & 0xffff_ff00) << 12) | (mi & 0xff)
}

fn ts(t: &g::statx_timestamp) -> Timespec {
    Timespec::new(t.tv_sec, t.tv_nsec as c_long)
}

/// `fstatat` through `statx`.
///
/// The kernel's `statx` result is written straight into `out` (a [`Stat`] is
/// as large as a `statx`), so a bad C pointer gives `EFAULT` from the kernel
/// instead of a crash here; the fields are then rearranged in place.
///
/// # Safety
/// `path` and `out` are handed to the kernel, which validates them.
pub unsafe fn fstatat_raw(dir: Fd, path: *const u8, out: *mut Stat, flags: c_int) -> Result<()> {
    let sx = out.cast::<g::statx>();
    // SAFETY: the kernel validates `path` and `out` and fills the statx.
    ret_unit(unsafe { syscall!(__NR_statx, dir.0, path, flags, g::STATX_BASIC_STATS, sx) })?;
    // SAFETY: the kernel just wrote a whole statx at `out`.
    let sx = unsafe { sx.read_unaligned() };
    let st = Stat {
        st_dev: makedev(sx.stx_dev_major, sx.stx_dev_minor),
        st_ino: sx.stx_ino,
        st_mode: sx.stx_mode as u32,
        st_nlink: sx.stx_nlink,
        st_uid: sx.stx_uid,
        st_gid: sx.stx_gid,
        st_rdev: makedev(sx.stx_rdev_major, sx.stx_rdev_minor),
        st_size: sx.stx_size as i64,
        st_blksize: sx.stx_blksize as i64,
        st_blocks: sx.stx_blocks as i64,
        st_atim: ts(&sx.stx_atime),
        st_mtim: ts(&sx.stx_mtime),
        st_ctim: ts(&sx.stx_ctime),
        _reserved: [0; STAT_RESERVED],
    };
    // SAFETY: the same memory the kernel wrote, so it is writable.
    unsafe { out.write_unaligned(st) };
    Ok(())
}

/// `stat`: follows symbolic links.
pub fn stat(path: &CStr) -> Result<Stat> {
    let mut st = Stat::default();
    // SAFETY: path is NUL-terminated; st is a valid Stat.
    unsafe { fstatat_raw(super::fd::AT_FDCWD, path.as_ptr().cast(), &mut st, 0)? };
    Ok(st)
}

/// `fstat`: metadata of an open descriptor.
pub fn fstat(fd: Fd) -> Result<Stat> {
    let mut st = Stat::default();
    // SAFETY: an empty path with AT_EMPTY_PATH names `fd` itself.
    unsafe { fstatat_raw(fd, c"".as_ptr().cast(), &mut st, g::AT_EMPTY_PATH as c_int)? };
    Ok(st)
}

/// Removes a name (not a directory).
pub fn unlink(path: &CStr) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    unsafe { unlinkat_raw(super::fd::AT_FDCWD, path.as_ptr().cast(), 0) }
}

/// `unlinkat` on a raw path, for the C ABI.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn unlinkat_raw(dir: Fd, path: *const u8, flags: c_int) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_unlinkat, dir.0, path, flags) })
}

/// Creates a directory.
pub fn mkdir(path: &CStr, mode: u32) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    unsafe { mkdirat_raw(super::fd::AT_FDCWD, path.as_ptr().cast(), mode) }
}

/// `mkdirat` on a raw path, for the C ABI.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn mkdirat_raw(dir: Fd, path: *const u8, mode: u32) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_mkdirat, dir.0, path, mode) })
}

/// Writes the working directory into `buf`; returns its length with the NUL.
pub fn getcwd(buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most buf.len() bytes.
    ret(unsafe { syscall!(__NR_getcwd, buf.as_mut_ptr(), buf.len()) })
}
