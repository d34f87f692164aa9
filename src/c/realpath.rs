//! realpath(3): an absolute path without `.`, `..`, repeated slashes or
//! symbolic links, resolved one component at a time with `readlink` (no
//! `/proc` needed).

use crate::Errno;
use crate::errno::Result;
use crate::syscall::fd::AT_FDCWD;
use crate::syscall::fs;
use core::ffi::{CStr, c_char};
use linux_raw_sys::general::{S_IFDIR, S_IFMT};

/// `PATH_MAX`, with the NUL.
const PATH_MAX: usize = 4096;
/// Symbolic links followed before `ELOOP`, as Linux.
const MAX_LINKS: usize = 40;

/// Whether `out[..len]` (NUL-terminated here) names a directory.
fn check_dir(out: &mut [u8; PATH_MAX], len: usize) -> Result<()> {
    out[len] = 0;
    let mut st = fs::Stat::default();
    // SAFETY: out is NUL-terminated; st is ours.
    unsafe { fs::fstatat_raw(AT_FDCWD, out.as_ptr(), &mut st, 0)? };
    if st.st_mode & S_IFMT != S_IFDIR {
        return Err(Errno::ENOTDIR);
    }
    Ok(())
}

/// Drops the last component of `out[..len]`; the root stays.
fn pop(out: &[u8; PATH_MAX], len: usize) -> usize {
    let i = out[..len].iter().rposition(|&c| c == b'/').unwrap_or(0);
    i.max(1)
}

/// Resolves `path` into `out`; returns the length (NUL written after it).
fn resolve(path: &[u8], out: &mut [u8; PATH_MAX]) -> Result<usize> {
    if path.is_empty() {
        return Err(Errno::ENOENT);
    }
    if path.len() >= PATH_MAX {
        return Err(Errno::ENAMETOOLONG);
    }
    // What is left to resolve: the path, later link targets spliced in front.
    let mut rest = [0u8; PATH_MAX];
    rest[..path.len()].copy_from_slice(path);
    let (mut rlen, mut pos) = (path.len(), 0);
    let mut len = if path[0] == b'/' {
        out[0] = b'/';
        1
    } else {
        fs::getcwd(out)? - 1
    };
    let mut links = 0;
    let mut link = [0u8; PATH_MAX];
    loop {
        while pos < rlen && rest[pos] == b'/' {
            pos += 1;
        }
        if pos == rlen {
            break;
        }
        let end = rest[pos..rlen]
            .iter()
            .position(|&c| c == b'/')
            .map_or(rlen, |k| pos + k);
        let comp = &rest[pos..end];
        pos = end;
        if comp == b"." || comp == b".." {
            // What came before must be a directory ("file/.." is ENOTDIR).
            if len > 1 {
                check_dir(out, len)?;
            }
            if comp == b".." {
                len = pop(out, len);
            }
            continue;
        }
        let sep = (len > 1) as usize;
        if len + sep + comp.len() >= PATH_MAX {
            return Err(Errno::ENAMETOOLONG);
        }
        if sep == 1 {
            out[len] = b'/';
        }
        out[len + sep..len + sep + comp.len()].copy_from_slice(comp);
        let prev = len;
        len += sep + comp.len();
        out[len] = 0;
        // SAFETY: out is NUL-terminated; the kernel writes at most PATH_MAX bytes.
        let n = match unsafe {
            fs::readlinkat_raw(AT_FDCWD, out.as_ptr(), link.as_mut_ptr(), PATH_MAX)
        } {
            Err(e) if e == Errno::EINVAL => continue, // there, and not a link
            Err(e) => return Err(e),
            Ok(n) => n,
        };
        links += 1;
        if links > MAX_LINKS {
            return Err(Errno::ELOOP);
        }
        let tail = rlen - pos;
        if n + 1 + tail >= PATH_MAX || n == 0 {
            return Err(if n == 0 {
                Errno::ENOENT
            } else {
                Errno::ENAMETOOLONG
            });
        }
        // rest becomes target + "/" + the unresolved tail.
        rest.copy_within(pos..rlen, n + 1);
        rest[..n].copy_from_slice(&link[..n]);
        rest[n] = b'/';
        // A trailing slash of the tail is kept; the one added is harmless.
        (rlen, pos) = (n + 1 + tail, 0);
        if tail == 0 {
            rlen = n;
        }
        // An absolute target starts again from the root, a relative one
        // from the directory that holds the link.
        len = if link[0] == b'/' { 1 } else { prev.max(1) };
    }
    if rlen > 0 && rest[rlen - 1] == b'/' && len > 1 {
        check_dir(out, len)?;
    }
    out[len] = 0;
    Ok(len)
}

/// realpath(3): into `resolved` (`PATH_MAX` bytes) or, when null, a
/// `malloc`ed string; null with `errno` (`ENOENT`, `ENOTDIR`, `ELOOP`,
/// `EACCES`, `ENAMETOOLONG`; `EINVAL` for a null path).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn realpath(path: *const c_char, resolved: *mut c_char) -> *mut c_char {
    if path.is_null() {
        Errno::EINVAL.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: the caller passes a NUL-terminated path.
    let p = unsafe { CStr::from_ptr(path) }.to_bytes();
    let mut out = [0u8; PATH_MAX];
    let len = match resolve(p, &mut out) {
        Ok(n) => n,
        Err(e) => {
            e.set_last();
            return core::ptr::null_mut();
        }
    };
    let dst = if resolved.is_null() {
        let m = crate::malloc::c_api::malloc(len + 1).cast::<c_char>();
        if m.is_null() {
            Errno::ENOMEM.set_last();
            return m;
        }
        m
    } else {
        resolved
    };
    // SAFETY: dst holds len + 1 bytes (ours, or PATH_MAX of the caller's).
    unsafe { core::ptr::copy_nonoverlapping(out.as_ptr().cast::<c_char>(), dst, len + 1) };
    dst
}
