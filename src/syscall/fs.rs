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

/// `readlinkat` on raw pointers; returns the link's length (not NUL-terminated).
///
/// # Safety
/// The kernel validates `path` and writes at most `len` bytes at `buf`.
pub unsafe fn readlinkat_raw(dir: Fd, path: *const u8, buf: *mut u8, len: usize) -> Result<usize> {
    // SAFETY: the kernel validates both pointers.
    ret(unsafe { syscall!(__NR_readlinkat, dir.0, path, buf, len) })
}

/// `symlinkat`: a link at `dir`/`path` holding `target`.
///
/// # Safety
/// The kernel validates both strings.
pub unsafe fn symlinkat_raw(target: *const u8, dir: Fd, path: *const u8) -> Result<()> {
    // SAFETY: the kernel validates the strings.
    ret_unit(unsafe { syscall!(__NR_symlinkat, target, dir.0, path) })
}

/// `linkat`: a hard link (`AT_SYMLINK_FOLLOW`, `AT_EMPTY_PATH` in `flags`).
///
/// # Safety
/// The kernel validates both paths.
pub unsafe fn linkat_raw(
    od: Fd,
    old: *const u8,
    nd: Fd,
    new: *const u8,
    flags: c_int,
) -> Result<()> {
    // SAFETY: the kernel validates the paths.
    ret_unit(unsafe { syscall!(__NR_linkat, od.0, old, nd.0, new, flags) })
}

/// `renameat2` (every arch has it; riscv64 and loongarch64 lack `renameat`).
///
/// # Safety
/// The kernel validates both paths.
pub unsafe fn renameat2_raw(
    od: Fd,
    old: *const u8,
    nd: Fd,
    new: *const u8,
    flags: u32,
) -> Result<()> {
    // SAFETY: the kernel validates the paths.
    ret_unit(unsafe { syscall!(__NR_renameat2, od.0, old, nd.0, new, flags) })
}

/// `fchmodat` without flags (the kernel's call has none).
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn fchmodat_raw(dir: Fd, path: *const u8, mode: u32) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_fchmodat, dir.0, path, mode) })
}

/// `fchmodat2` (Linux 6.6), which takes `AT_SYMLINK_NOFOLLOW` and `AT_EMPTY_PATH`.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn fchmodat2_raw(dir: Fd, path: *const u8, mode: u32, flags: c_int) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_fchmodat2, dir.0, path, mode, flags) })
}

/// `fchmod`.
pub fn fchmod(fd: Fd, mode: u32) -> Result<()> {
    // SAFETY: no memory is involved.
    ret_unit(unsafe { syscall!(__NR_fchmod, fd.0, mode) })
}

/// `fchownat` (`AT_SYMLINK_NOFOLLOW`, `AT_EMPTY_PATH`); `u32::MAX` leaves an id as is.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn fchownat_raw(
    dir: Fd,
    path: *const u8,
    uid: u32,
    gid: u32,
    flags: c_int,
) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_fchownat, dir.0, path, uid, gid, flags) })
}

/// `fchown`.
pub fn fchown(fd: Fd, uid: u32, gid: u32) -> Result<()> {
    // SAFETY: no memory is involved.
    ret_unit(unsafe { syscall!(__NR_fchown, fd.0, uid, gid) })
}

/// `faccessat` with flags: `faccessat2` (Linux 5.8) when there are any,
/// the old call (which has no flags argument) otherwise.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn faccessat_raw(dir: Fd, path: *const u8, mode: c_int, flags: c_int) -> Result<()> {
    if flags == 0 {
        // SAFETY: the kernel validates the path.
        return ret_unit(unsafe { syscall!(__NR_faccessat, dir.0, path, mode) });
    }
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_faccessat2, dir.0, path, mode, flags) })
}

/// `utimensat`: `times` is null or two 64-bit timespecs (access, modification).
///
/// # Safety
/// The kernel validates `path` (which may be null: then `dir` itself) and `times`.
pub unsafe fn utimensat_raw(
    dir: Fd,
    path: *const u8,
    times: *const Timespec,
    flags: c_int,
) -> Result<()> {
    // 32-bit arches: the time64 call reads the same 16-byte timespec.
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the pointers.
    let r = unsafe { syscall!(__NR_utimensat, dir.0, path, times, flags) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: the kernel validates the pointers.
    let r = unsafe { syscall!(__NR_utimensat_time64, dir.0, path, times, flags) };
    ret_unit(r)
}

/// `mknodat`: `dev` in the kernel's 32-bit encoding.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn mknodat_raw(dir: Fd, path: *const u8, mode: u32, dev: u32) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_mknodat, dir.0, path, mode, dev) })
}

/// `chdir`.
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn chdir_raw(path: *const u8) -> Result<()> {
    // SAFETY: the kernel validates the path.
    ret_unit(unsafe { syscall!(__NR_chdir, path) })
}

/// `fchdir`.
pub fn fchdir(fd: Fd) -> Result<()> {
    // SAFETY: no memory is involved.
    ret_unit(unsafe { syscall!(__NR_fchdir, fd.0) })
}

/// `umask`: sets the creation mask, returns the old one.
pub fn umask(mask: u32) -> u32 {
    // SAFETY: no memory is involved; umask cannot fail.
    unsafe { syscall!(__NR_umask, mask & 0o777) as u32 }
}

/// `sync`: schedules every file system's writeback.
pub fn sync() {
    // SAFETY: no memory is involved; sync cannot fail.
    unsafe { syscall!(__NR_sync) };
}

/// `fsync` (`data_only`: `fdatasync`), both cancellation points.
pub fn fsync(fd: Fd, data_only: bool) -> Result<()> {
    // SAFETY: no memory is involved.
    ret_unit(unsafe {
        if data_only {
            crate::syscall_cp!(__NR_fdatasync, fd.0)
        } else {
            crate::syscall_cp!(__NR_fsync, fd.0)
        }
    })
}

/// `ftruncate` to a 64-bit length. On 32-bit arches, `ftruncate64` with
/// the length split into two registers (low word first), after a pad
/// register where the arch aligns pairs (arm).
pub fn ftruncate(fd: Fd, len: i64) -> Result<()> {
    if len < 0 {
        return Err(crate::Errno::EINVAL);
    }
    #[cfg(target_pointer_width = "64")]
    // SAFETY: no memory is involved.
    let r = unsafe { syscall!(__NR_ftruncate, fd.0, len) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: no memory is involved.
    let r = unsafe {
        let (lo, hi) = (len as u32, (len >> 32) as u32);
        if crate::arch::PAIR_ALIGNED {
            syscall!(__NR_ftruncate64, fd.0, 0u32, lo, hi)
        } else {
            syscall!(__NR_ftruncate64, fd.0, lo, hi)
        }
    };
    ret_unit(r)
}

/// `truncate` of a path to a 64-bit length, as [`ftruncate`].
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn truncate_raw(path: *const u8, len: i64) -> Result<()> {
    if len < 0 {
        return Err(crate::Errno::EINVAL);
    }
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the path.
    let r = unsafe { syscall!(__NR_truncate, path, len) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: the kernel validates the path.
    let r = unsafe {
        let (lo, hi) = (len as u32, (len >> 32) as u32);
        if crate::arch::PAIR_ALIGNED {
            syscall!(__NR_truncate64, path, 0u32, lo, hi)
        } else {
            syscall!(__NR_truncate64, path, lo, hi)
        }
    };
    ret_unit(r)
}

/// Reads directory records (`struct linux_dirent64`) into `buf`; returns
/// how many bytes it filled (0 at the end).
pub fn getdents64(fd: Fd, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most buf.len() bytes.
    ret(unsafe { syscall!(__NR_getdents64, fd.0, buf.as_mut_ptr(), buf.len()) })
}

/// What `statvfs` needs of the kernel's `statfs`, widened.
#[derive(Copy, Clone, Debug, Default)]
pub struct FsStats {
    /// Block size for I/O (`f_bsize`).
    pub bsize: u64,
    /// Fragment size, the unit of the counts (`f_frsize`; `f_bsize` on old kernels).
    pub frsize: u64,
    /// Total blocks.
    pub blocks: u64,
    /// Free blocks.
    pub bfree: u64,
    /// Free blocks for unprivileged users.
    pub bavail: u64,
    /// Total inodes.
    pub files: u64,
    /// Free inodes.
    pub ffree: u64,
    /// File system id, the kernel's two words.
    pub fsid: [u32; 2],
    /// Longest name.
    pub namelen: u64,
    /// Mount flags (`ST_*`), valid when the kernel sets `ST_VALID` (0x20).
    pub flags: u64,
    /// The file system's magic number (`f_type`: `EXT4_SUPER_MAGIC`, …).
    pub kind: u64,
}

#[cfg(target_pointer_width = "64")]
type KStatfs = g::statfs;
#[cfg(target_pointer_width = "32")]
type KStatfs = g::statfs64;

/// The kernel's record size, as `statfs64` checks it: arm's is packed
/// (84 bytes) where Rust's layout pads it to 88; the end of `f_spare` is
/// right on both 32-bit arches.
#[cfg(target_pointer_width = "32")]
const KSTATFS_LEN: usize = core::mem::offset_of!(KStatfs, f_spare) + 16;

/// Widens the kernel's record. Its field types differ per arch (`long`
/// on x86_64, `u64` in `statfs64`, `u32` sizes on s390x), so a cast that
/// is needed on one arch is a no-op on another.
#[allow(clippy::unnecessary_cast)]
fn fs_stats(k: &KStatfs) -> FsStats {
    FsStats {
        bsize: k.f_bsize as u64,
        frsize: if k.f_frsize != 0 {
            k.f_frsize as u64
        } else {
            k.f_bsize as u64
        },
        blocks: k.f_blocks as u64,
        bfree: k.f_bfree as u64,
        bavail: k.f_bavail as u64,
        files: k.f_files as u64,
        ffree: k.f_ffree as u64,
        fsid: [k.f_fsid.val[0] as u32, k.f_fsid.val[1] as u32],
        namelen: k.f_namelen as u64,
        flags: k.f_flags as u64,
        kind: k.f_type as u32 as u64,
    }
}

/// `statfs` of a path (`path` null: `fd`'s file system, `fstatfs`).
///
/// # Safety
/// The kernel validates `path`.
pub unsafe fn statfs_raw(path: *const u8, fd: Fd) -> Result<FsStats> {
    // SAFETY: plain integers.
    let mut k: KStatfs = unsafe { core::mem::zeroed() };
    let out = &mut k as *mut KStatfs;
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel validates the path and fills `k`.
    let r = unsafe {
        if path.is_null() {
            syscall!(__NR_fstatfs, fd.0, out)
        } else {
            syscall!(__NR_statfs, path, out)
        }
    };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: the kernel validates the path and fills at most KSTATFS_LEN
    // bytes of `k`.
    let r = unsafe {
        if path.is_null() {
            syscall!(__NR_fstatfs64, fd.0, KSTATFS_LEN, out)
        } else {
            syscall!(__NR_statfs64, path, KSTATFS_LEN, out)
        }
    };
    ret_unit(r)?;
    Ok(fs_stats(&k))
}
