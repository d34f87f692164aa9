//! `<ftw.h>`: `nftw` and `ftw`, a file tree walk over `opendir`/`readdir`
//! and `fstatat`, with one path buffer for the whole walk.
//!
//! Each directory stays open while its subdirectories are walked, so a
//! walk uses one descriptor per level (`fd_limit` is not enforced).
//! `FTW_CHDIR` is refused with `EINVAL`.

use super::dirent::{Dirent, closedir, opendir, readdir};
use crate::Errno;
use crate::syscall::fd::AT_FDCWD;
use crate::syscall::fs::{self, Stat};
use core::ffi::{CStr, c_char, c_int};
use linux_raw_sys::general::{AT_SYMLINK_NOFOLLOW, S_IFDIR, S_IFLNK, S_IFMT};

/// `FTW_PHYS`: do not follow symbolic links.
const PHYS: c_int = 1;
/// `FTW_MOUNT`: stay on the starting file system.
const MOUNT: c_int = 2;
/// `FTW_CHDIR`: change into each directory (not supported).
const CHDIR: c_int = 4;
/// `FTW_DEPTH`: a directory after its contents.
const DEPTH: c_int = 8;

/// A regular (or other non-directory) file.
const FTW_F: c_int = 0;
/// A directory, before its contents.
const FTW_D: c_int = 1;
/// A directory that cannot be read.
const FTW_DNR: c_int = 2;
/// A file `stat` failed on.
const FTW_NS: c_int = 3;
/// A symbolic link (with `FTW_PHYS`).
const FTW_SL: c_int = 4;
/// A directory, after its contents (with `FTW_DEPTH`).
const FTW_DP: c_int = 5;
/// A symbolic link to nothing (without `FTW_PHYS`).
const FTW_SLN: c_int = 6;

/// `PATH_MAX`, with the NUL.
const PATH_MAX: usize = 4096;

/// `struct FTW`: where the name starts in the path, and the depth.
#[repr(C)]
pub struct Ftw {
    /// Offset of the last component in the path.
    pub base: c_int,
    /// Depth below the starting point (0 for it).
    pub level: c_int,
}

/// `nftw`'s callback.
type NftwFn = unsafe extern "C" fn(*const c_char, *const Stat, c_int, *mut Ftw) -> c_int;
/// `ftw`'s callback.
type FtwFn = unsafe extern "C" fn(*const c_char, *const Stat, c_int) -> c_int;

/// One walk: the path buffer, the flags, the callback, the starting device.
struct Walk<'a> {
    path: [u8; PATH_MAX],
    flags: c_int,
    call: &'a mut dyn FnMut(*const c_char, *const Stat, c_int, *mut Ftw) -> c_int,
    dev: u64,
}

impl Walk<'_> {
    /// Walks `path[..len]` (NUL-terminated), whose name starts at `base`.
    /// Returns the first nonzero callback result, or -1 with `errno`.
    fn visit(&mut self, len: usize, base: usize, level: c_int) -> c_int {
        let p = self.path.as_ptr();
        let mut st = Stat::default();
        let nofollow = if self.flags & PHYS != 0 {
            AT_SYMLINK_NOFOLLOW as c_int
        } else {
            0
        };
        // SAFETY: path is NUL-terminated; st is ours.
        let mut kind = match unsafe { fs::fstatat_raw(AT_FDCWD, p, &mut st, nofollow) } {
            Ok(()) if st.st_mode & S_IFMT == S_IFDIR => FTW_D,
            Ok(()) if st.st_mode & S_IFMT == S_IFLNK => FTW_SL,
            Ok(()) => FTW_F,
            Err(e) => {
                let link = AT_SYMLINK_NOFOLLOW as c_int;
                // SAFETY: as above.
                let dangling = nofollow == 0
                    && unsafe { fs::fstatat_raw(AT_FDCWD, p, &mut st, link) }.is_ok()
                    && st.st_mode & S_IFMT == S_IFLNK;
                if dangling {
                    FTW_SLN
                } else if level == 0 {
                    e.set_last();
                    return -1;
                } else {
                    FTW_NS
                }
            }
        };
        if level == 0 {
            self.dev = st.st_dev;
        }
        let mut ftw = Ftw {
            base: base as c_int,
            level,
        };
        if kind != FTW_D {
            return (self.call)(p.cast(), &st, kind, &mut ftw);
        }
        if self.flags & MOUNT != 0 && st.st_dev != self.dev {
            return 0;
        }
        // SAFETY: path is NUL-terminated.
        let d = unsafe { opendir(p.cast()) };
        if d.is_null() {
            kind = FTW_DNR;
        }
        if kind == FTW_DNR || self.flags & DEPTH == 0 {
            let r = (self.call)(p.cast(), &st, kind, &mut ftw);
            if r != 0 || kind == FTW_DNR {
                if !d.is_null() {
                    // SAFETY: our stream.
                    unsafe { closedir(d) };
                }
                return r;
            }
        }
        let mut r = 0;
        loop {
            // SAFETY: our stream.
            let e: *mut Dirent = unsafe { readdir(d) };
            if e.is_null() {
                break;
            }
            // SAFETY: readdir's entry, NUL-terminated name.
            let name = unsafe { CStr::from_ptr((*e).d_name.as_ptr()) }.to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let sep = (self.path[len - 1] != b'/') as usize;
            let end = len + sep + name.len();
            if end >= PATH_MAX {
                Errno::ENAMETOOLONG.set_last();
                r = -1;
                break;
            }
            self.path[len] = b'/';
            self.path[len + sep..end].copy_from_slice(name);
            self.path[end] = 0;
            r = self.visit(end, len + sep, level + 1);
            self.path[len] = 0;
            if r != 0 {
                break;
            }
        }
        // SAFETY: our stream.
        unsafe { closedir(d) };
        if r == 0 && self.flags & DEPTH != 0 {
            let mut ftw = Ftw {
                base: base as c_int,
                level,
            };
            r = (self.call)(p.cast(), &st, FTW_DP, &mut ftw);
        }
        r
    }
}

/// Starts a walk at `path`.
///
/// # Safety
/// `path` must be a NUL-terminated string.
unsafe fn walk(
    path: *const c_char,
    flags: c_int,
    call: &mut dyn FnMut(*const c_char, *const Stat, c_int, *mut Ftw) -> c_int,
) -> c_int {
    if flags & CHDIR != 0 {
        Errno::EINVAL.set_last();
        return -1;
    }
    // SAFETY: per the contract.
    let s = unsafe { CStr::from_ptr(path) }.to_bytes();
    if s.is_empty() {
        Errno::ENOENT.set_last();
        return -1;
    }
    if s.len() >= PATH_MAX {
        Errno::ENAMETOOLONG.set_last();
        return -1;
    }
    let mut w = Walk {
        path: [0; PATH_MAX],
        flags,
        call,
        dev: 0,
    };
    w.path[..s.len()].copy_from_slice(s);
    // The name starts after the last slash that is not at the end.
    let trimmed = s.len() - s.iter().rev().take_while(|&&c| c == b'/').count();
    let base = s[..trimmed]
        .iter()
        .rposition(|&c| c == b'/')
        .map_or(0, |i| i + 1);
    w.visit(s.len(), base, 0)
}

/// nftw(3): calls `f` for `path` and everything below it (`FTW_PHYS`,
/// `FTW_MOUNT`, `FTW_DEPTH`; `FTW_CHDIR` gives `EINVAL`); stops at and
/// returns the first nonzero result; -1 with `errno` when `path` cannot
/// be examined.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nftw(
    path: *const c_char,
    f: NftwFn,
    _fd_limit: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: f is the caller's callback, given what nftw promises it.
    let mut call =
        |p: *const c_char, st: *const Stat, k: c_int, ftw: *mut Ftw| unsafe { f(p, st, k, ftw) };
    // SAFETY: the caller passes a path.
    unsafe { walk(path, flags, &mut call) }
}

/// ftw(3): `nftw` without flags, and without `FTW_SLN` (reported as
/// `FTW_NS`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ftw(path: *const c_char, f: FtwFn, _fd_limit: c_int) -> c_int {
    let mut call = |p: *const c_char, st: *const Stat, k: c_int, _: *mut Ftw| {
        let k = if k == FTW_SLN { FTW_NS } else { k };
        // SAFETY: f is the caller's callback, given what ftw promises it.
        unsafe { f(p, st, k) }
    };
    // SAFETY: the caller passes a path.
    unsafe { walk(path, 0, &mut call) }
}
