//! The file operations of `<stdio.h>`: `remove`, `rename`, `tmpfile`,
//! `tmpnam`.

use super::file::{F_READ, F_WRITE, FILE};
use crate::errno::{Errno, Result};
use crate::syscall;
use crate::syscall::ret;
use core::ffi::{c_char, c_int};
use linux_raw_sys::general::{
    AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, GRND_NONBLOCK, O_CREAT, O_EXCL, O_LARGEFILE,
    O_RDWR, O_TMPFILE,
};

/// `L_tmpnam`: room for a [`tmpnam`] name and its NUL.
pub const L_TMPNAM: usize = 20;
/// `TMP_MAX`: how many names [`tmpnam`] tries.
pub const TMP_MAX: usize = 10000;

/// Sets `errno` from `r`; 0 or -1.
fn c_ret(r: Result<()>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => {
            e.set_last();
            -1
        }
    }
}

/// remove(3): `unlink`, or `rmdir` when the path is a directory (Linux's
/// `unlink` says `EISDIR` then).
///
/// # Safety
/// `path` must be a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn remove(path: *const c_char) -> c_int {
    let dir = crate::syscall::fd::AT_FDCWD;
    // SAFETY: the kernel validates the path.
    let r = match unsafe { crate::syscall::fs::unlinkat_raw(dir, path.cast(), 0) } {
        // SAFETY: as above.
        Err(e) if e == Errno::EISDIR => unsafe {
            crate::syscall::fs::unlinkat_raw(dir, path.cast(), AT_REMOVEDIR as c_int)
        },
        r => r,
    };
    c_ret(r)
}

/// rename(3), through `renameat2` with no flags: riscv64 and loongarch64
/// have no `renameat` (nor `rename`), and every arch has `renameat2`
/// since Linux 3.15 (muslin needs 4.11 for `statx` anyway).
///
/// # Safety
/// `old` and `new` must be NUL-terminated strings.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn rename(old: *const c_char, new: *const c_char) -> c_int {
    // SAFETY: the kernel validates the paths.
    let r = ret(unsafe { syscall!(__NR_renameat2, AT_FDCWD, old, AT_FDCWD, new, 0) });
    c_ret(r.map(drop))
}

/// Random letters and digits into `x` (six of them hold 35 bits of
/// randomness): from `getrandom`, or where there is no entropy yet (early
/// boot) from the clock, a counter and `x`'s address, which differ
/// between tries; the callers' `O_EXCL` (or check) catches a repeat. Also
/// what `mkstemp` and `mkdtemp` fill their `XXXXXX` with.
pub(crate) fn random_letters(x: &mut [u8]) {
    const SET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut r = [0u8; 8];
    if crate::syscall::random::getrandom(&mut r, GRND_NONBLOCK).unwrap_or(0) < r.len() {
        static N: core::sync::atomic::AtomicU64 = core::sync::atomic::AtomicU64::new(0);
        let t = crate::time::clock_gettime(crate::time::CLOCK_REALTIME).map_or(0, |t| {
            (t.tv_sec as u64).wrapping_mul(1_000_000_007) ^ t.tv_nsec as u64
        });
        let n = N.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        r = (t ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ x.as_ptr() as u64).to_le_bytes();
    }
    let mut v = u64::from_le_bytes(r);
    for c in x.iter_mut() {
        *c = SET[(v % 62) as usize];
        v /= 62;
    }
}

/// A random name `PREFIX` + 6 letters or digits, NUL-terminated, in `out`.
fn random_name(out: &mut [u8; L_TMPNAM], prefix: &[u8]) -> usize {
    let k = prefix.len();
    out[..k].copy_from_slice(prefix);
    random_letters(&mut out[k..k + 6]);
    out[k + 6] = 0;
    k + 6
}

/// tmpfile(3): a new file, open for reading and writing, that has no
/// name (`O_TMPFILE` in `/tmp`; where the file system cannot do that, a
/// random name made with `O_EXCL` and unlinked at once), gone when closed.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tmpfile() -> *mut FILE {
    let fl = (O_RDWR | O_LARGEFILE) as c_int;
    // SAFETY: a static C string; the kernel touches nothing else.
    let r = ret(unsafe {
        syscall!(
            __NR_openat,
            AT_FDCWD,
            c"/tmp".as_ptr(),
            fl | O_TMPFILE as c_int,
            0o600
        )
    });
    let fd = match r {
        Ok(fd) => fd as c_int,
        Err(_) => {
            let mut name = [0u8; L_TMPNAM];
            let mut got = Err(Errno::EEXIST);
            for _ in 0..100 {
                random_name(&mut name, b"/tmp/tmpf_");
                let excl = fl | (O_CREAT | O_EXCL) as c_int;
                // SAFETY: a NUL-terminated name on the stack.
                got = ret(unsafe { syscall!(__NR_openat, AT_FDCWD, name.as_ptr(), excl, 0o600) });
                if got.is_ok() {
                    // SAFETY: as above.
                    let _ = unsafe {
                        crate::syscall::fs::unlinkat_raw(
                            crate::syscall::fd::AT_FDCWD,
                            name.as_ptr(),
                            0,
                        )
                    };
                }
                if !matches!(got, Err(e) if e == Errno::EEXIST) {
                    break;
                }
            }
            match got {
                Ok(fd) => fd as c_int,
                Err(e) => {
                    e.set_last();
                    return core::ptr::null_mut();
                }
            }
        }
    };
    let f = super::open::new_stream(fd, F_READ | F_WRITE);
    if f.is_null() {
        // SAFETY: fd is ours and unused.
        let _ = unsafe { syscall!(__NR_close, fd) };
    }
    f
}

/// The buffer of `tmpnam(NULL)`.
struct NameBuf(core::cell::UnsafeCell<[u8; L_TMPNAM]>);
// SAFETY: tmpnam(NULL) is not thread-safe in C either; callers that share
// it race as they would with any libc.
unsafe impl Sync for NameBuf {}
static NAME: NameBuf = NameBuf(core::cell::UnsafeCell::new([0; L_TMPNAM]));

/// tmpnam(3): a name in `P_tmpdir` (`/tmp`) that names no file now, in
/// `s` (`L_tmpnam` bytes) or, for null, a static buffer; null (`EEXIST`)
/// after `TMP_MAX` tries.
///
/// # Safety
/// `s` must be null or hold `L_tmpnam` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn tmpnam(s: *mut c_char) -> *mut c_char {
    let mut name = [0u8; L_TMPNAM];
    for _ in 0..TMP_MAX {
        random_name(&mut name, b"/tmp/tmpnam_");
        let mut st = crate::syscall::fs::Stat::default();
        let dir = crate::syscall::fd::AT_FDCWD;
        let nofollow = AT_SYMLINK_NOFOLLOW as c_int;
        // SAFETY: a NUL-terminated name and a Stat on the stack.
        match unsafe { crate::syscall::fs::fstatat_raw(dir, name.as_ptr(), &mut st, nofollow) } {
            Err(e) if e == Errno::ENOENT => {
                let out = if s.is_null() {
                    NAME.0.get().cast::<u8>()
                } else {
                    s.cast::<u8>()
                };
                // SAFETY: out holds L_tmpnam bytes (the caller's or ours).
                unsafe { core::ptr::copy_nonoverlapping(name.as_ptr(), out, L_TMPNAM) };
                return out.cast();
            }
            _ => continue,
        }
    }
    Errno::EEXIST.set_last();
    core::ptr::null_mut()
}
