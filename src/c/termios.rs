//! `<termios.h>`, `ioctl` (`<sys/ioctl.h>`) and `ttyname` (`<unistd.h>`).
//!
//! C's `struct termios` begins with the kernel's (see the arch headers):
//! `TCGETS` and `TCSETS*` work on it in place. The flag offsets are the
//! kernel's; the control characters start where the kernel's `termios`
//! puts them (after `c_line`, or before it on powerpc64le).

use super::{ret_cp, ret_int, ret_zero};
use crate::Errno;
use crate::syscall_cp;
use core::ffi::{c_char, c_int, c_uint, c_ulong, c_void};
use linux_raw_sys::general as g;
use linux_raw_sys::ioctl as io;

/// C's `struct termios`, seen through its first bytes, which are the
/// kernel's.
type Termios = g::termios;

/// `ioctl` as a system call with one word of argument.
fn ioctl_word(fd: c_int, req: c_uint, arg: usize) -> Result<usize, Errno> {
    // SAFETY: the kernel validates the argument for the request; the
    // callers pass pointers to objects of the request's type.
    crate::syscall::ret(unsafe { crate::syscall!(__NR_ioctl, fd, req as usize, arg) })
}

/// ioctl(2): the request with its one argument word (a pointer or a
/// number), as the kernel defines it.
///
/// # Safety
/// The argument is what the request expects.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ioctl(fd: c_int, req: c_ulong, mut args: ...) -> c_int {
    // SAFETY: every request takes at most one argument, read here as a
    // word (C passes a pointer or an int promoted to a word's slot).
    let arg = unsafe { args.next_arg::<*mut c_void>() } as usize;
    // SAFETY: as the caller says.
    let r = unsafe { crate::syscall!(__NR_ioctl, fd, req as usize, arg) };
    ret_int(crate::syscall::ret(r).map(|v| v as c_int))
}

/// tcgetattr(3).
///
/// # Safety
/// `t` is a writable `struct termios`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn tcgetattr(fd: c_int, t: *mut Termios) -> c_int {
    ret_zero(ioctl_word(fd, io::TCGETS, t as usize).map(drop))
}

/// tcsetattr(3): `TCSANOW`, `TCSADRAIN` (after the output drains) or
/// `TCSAFLUSH` (and discards pending input); `EINVAL` otherwise.
///
/// # Safety
/// `t` is a readable `struct termios`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn tcsetattr(fd: c_int, act: c_int, t: *const Termios) -> c_int {
    let req = match act as c_uint {
        g::TCSANOW => io::TCSETS,
        g::TCSADRAIN => io::TCSETSW,
        g::TCSAFLUSH => io::TCSETSF,
        _ => return ret_zero(Err(Errno::EINVAL)),
    };
    ret_zero(ioctl_word(fd, req, t as usize).map(drop))
}

/// The control characters of `t`.
///
/// # Safety
/// `t` is a `struct termios`.
unsafe fn cc(t: *mut Termios) -> *mut u8 {
    // SAFETY: `c_cc` is within the struct.
    unsafe { (&raw mut (*t).c_cc).cast() }
}

/// cfmakeraw(3): no input or output processing, no echo, no signals from
/// keys, 8-bit characters, reads return after one byte.
///
/// # Safety
/// `t` is a writable `struct termios`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cfmakeraw(t: *mut Termios) {
    // SAFETY: as the caller says.
    unsafe {
        let t = &mut *t;
        t.c_iflag &= !(g::IGNBRK
            | g::BRKINT
            | g::PARMRK
            | g::ISTRIP
            | g::INLCR
            | g::IGNCR
            | g::ICRNL
            | g::IXON);
        t.c_oflag &= !g::OPOST;
        t.c_lflag &= !(g::ECHO | g::ECHONL | g::ICANON | g::ISIG | g::IEXTEN);
        t.c_cflag &= !(g::CSIZE | g::PARENB);
        t.c_cflag |= g::CS8;
        *cc(t).add(g::VMIN as usize) = 1;
        *cc(t).add(g::VTIME as usize) = 0;
    }
}

/// cfgetospeed(3): the `B*` value in `c_cflag`.
///
/// # Safety
/// `t` is a readable `struct termios`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cfgetospeed(t: *const Termios) -> c_uint {
    // SAFETY: as the caller says.
    unsafe { (*t).c_cflag & (g::CBAUD | g::CBAUDEX) }
}

/// cfgetispeed(3): the same as the output speed.
///
/// # Safety
/// As [`cfgetospeed`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cfgetispeed(t: *const Termios) -> c_uint {
    // SAFETY: as the caller says.
    unsafe { cfgetospeed(t) }
}

/// cfsetospeed(3): `EINVAL` unless `speed` is a `B*` value.
///
/// # Safety
/// `t` is a writable `struct termios`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cfsetospeed(t: *mut Termios, speed: c_uint) -> c_int {
    let mask = g::CBAUD | g::CBAUDEX;
    if speed & !mask != 0 {
        return ret_zero(Err(Errno::EINVAL));
    }
    // SAFETY: as the caller says.
    unsafe { (*t).c_cflag = ((*t).c_cflag & !mask) | speed };
    0
}

/// cfsetispeed(3): as [`cfsetospeed`] (the speeds are one); 0 leaves the
/// speed as it is.
///
/// # Safety
/// As [`cfsetospeed`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cfsetispeed(t: *mut Termios, speed: c_uint) -> c_int {
    if speed == 0 {
        return 0;
    }
    // SAFETY: as the caller says.
    unsafe { cfsetospeed(t, speed) }
}

/// cfsetspeed(3): both speeds.
///
/// # Safety
/// As [`cfsetospeed`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn cfsetspeed(t: *mut Termios, speed: c_uint) -> c_int {
    // SAFETY: as the caller says.
    unsafe { cfsetospeed(t, speed) }
}

/// tcdrain(3): waits until the output is sent; a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcdrain(fd: c_int) -> c_int {
    // SAFETY: TCSBRK with a nonzero argument takes no memory.
    ret_cp(unsafe { syscall_cp!(__NR_ioctl, fd, io::TCSBRK as usize, 1usize) }) as c_int
}

/// tcflush(3): discards input (`TCIFLUSH`), output (`TCOFLUSH`) or both.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcflush(fd: c_int, queue: c_int) -> c_int {
    ret_zero(ioctl_word(fd, io::TCFLSH, queue as usize).map(drop))
}

/// tcflow(3): `TCOOFF`, `TCOON`, `TCIOFF`, `TCION`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcflow(fd: c_int, action: c_int) -> c_int {
    ret_zero(ioctl_word(fd, io::TCXONC, action as usize).map(drop))
}

/// tcsendbreak(3): a break of the line's standard length (any duration).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcsendbreak(fd: c_int, _duration: c_int) -> c_int {
    ret_zero(ioctl_word(fd, io::TCSBRK, 0).map(drop))
}

/// tcgetpgrp(3): the terminal's foreground process group.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcgetpgrp(fd: c_int) -> c_int {
    let mut pgrp: c_int = 0;
    ret_int(ioctl_word(fd, io::TIOCGPGRP, &raw mut pgrp as usize).map(|_| pgrp))
}

/// tcsetpgrp(3): makes `pgrp` the terminal's foreground process group.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcsetpgrp(fd: c_int, pgrp: c_int) -> c_int {
    ret_zero(ioctl_word(fd, io::TIOCSPGRP, &raw const pgrp as usize).map(drop))
}

/// tcgetsid(3): the session the terminal belongs to.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tcgetsid(fd: c_int) -> c_int {
    let mut sid: c_int = 0;
    ret_int(ioctl_word(fd, io::TIOCGSID, &raw mut sid as usize).map(|_| sid))
}

/// ttyname_r(3): the path of the terminal `fd` (read from
/// `/proc/self/fd`); `ENOTTY` when it is none, `ERANGE` when `buf` is
/// too small.
///
/// # Safety
/// `buf` has `len` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ttyname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int {
    if let Err(e) = crate::syscall::tty::isatty(crate::syscall::Fd(fd)) {
        return e.raw();
    }
    let mut path = *b"/proc/self/fd/\0\0\0\0\0\0\0\0\0\0\0\0";
    let mut digits = [0u8; 11];
    let (mut i, mut n) = (digits.len(), fd as u32);
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    path[14..14 + digits.len() - i].copy_from_slice(&digits[i..]);
    let mut tmp = [0u8; 4096];
    let at = crate::syscall::fd::AT_FDCWD.0;
    // SAFETY: `path` is NUL-terminated; the kernel writes at most
    // `tmp.len()` bytes.
    let r = crate::syscall::ret(unsafe {
        crate::syscall!(
            __NR_readlinkat,
            at,
            path.as_ptr(),
            tmp.as_mut_ptr(),
            tmp.len()
        )
    });
    let n = match r {
        Ok(n) => n,
        Err(e) => return e.raw(),
    };
    if n >= len {
        return Errno::ERANGE.raw();
    }
    // SAFETY: `n + 1 <= len` bytes fit at `buf`.
    unsafe {
        core::ptr::copy_nonoverlapping(tmp.as_ptr().cast(), buf, n);
        *buf.add(n) = 0;
    }
    0
}

/// `ttyname`'s buffer.
struct NameBuf(core::cell::UnsafeCell<[c_char; 256]>);

// SAFETY: as in C, `ttyname` is not thread-safe.
unsafe impl Sync for NameBuf {}

static NAME: NameBuf = NameBuf(core::cell::UnsafeCell::new([0; 256]));

impl NameBuf {
    /// Runs an `_r` form `f` into this buffer: the buffer, or NULL with
    /// `errno` set to what `f` returns.
    fn fill(&self, f: impl FnOnce(*mut c_char, usize) -> c_int) -> *mut c_char {
        let p = self.0.get().cast::<c_char>();
        match f(p, 256) {
            0 => p,
            e => {
                Errno::from_raw(e).set_last();
                core::ptr::null_mut()
            }
        }
    }
}

/// ttyname(3): [`ttyname_r`] into a static buffer; NULL and `errno` on
/// failure.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ttyname(fd: c_int) -> *mut c_char {
    // SAFETY: the static buffer has 256 bytes.
    NAME.fill(|p, n| unsafe { ttyname_r(fd, p, n) })
}

/// posix_openpt(3): opens a new pseudo-terminal master (`/dev/ptmx`) with
/// `flags` (`O_RDWR`, `O_NOCTTY`, `O_CLOEXEC`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn posix_openpt(flags: c_int) -> c_int {
    let at = crate::syscall::fd::AT_FDCWD.0;
    // SAFETY: the path is a C string.
    let r = unsafe { crate::syscall!(__NR_openat, at, c"/dev/ptmx".as_ptr(), flags, 0u32) };
    ret_int(crate::syscall::ret(r).map(|fd| fd as c_int))
}

/// grantpt(3): nothing to do with a devpts file system (the kernel gives
/// the slave its owner and mode); `EBADF`/`ENOTTY` checks only.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn grantpt(fd: c_int) -> c_int {
    let mut n: c_uint = 0;
    ret_zero(ioctl_word(fd, io::TIOCGPTN, &raw mut n as usize).map(drop))
}

/// unlockpt(3): lets the slave of master `fd` be opened.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn unlockpt(fd: c_int) -> c_int {
    let unlock: c_int = 0;
    ret_zero(ioctl_word(fd, io::TIOCSPTLCK, &raw const unlock as usize).map(drop))
}

/// ptsname_r(3): the slave's path, `/dev/pts/N`; `ENOTTY` for a
/// descriptor that is no master, `ERANGE` when `buf` is too small.
///
/// # Safety
/// `buf` has `len` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ptsname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int {
    let mut n: c_uint = 0;
    if let Err(e) = ioctl_word(fd, io::TIOCGPTN, &raw mut n as usize) {
        return e.raw();
    }
    let mut path = [0u8; 24];
    path[..9].copy_from_slice(b"/dev/pts/");
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let k = 9 + digits.len() - i;
    path[9..k].copy_from_slice(&digits[i..]);
    if k >= len {
        return Errno::ERANGE.raw();
    }
    // SAFETY: `k + 1 <= len` bytes fit at `buf`.
    unsafe {
        core::ptr::copy_nonoverlapping(path.as_ptr().cast(), buf, k);
        *buf.add(k) = 0;
    }
    0
}

/// `ptsname`'s buffer.
static PTS_NAME: NameBuf = NameBuf(core::cell::UnsafeCell::new([0; 256]));

/// ptsname(3): [`ptsname_r`] into a static buffer; NULL and `errno` on
/// failure.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ptsname(fd: c_int) -> *mut c_char {
    // SAFETY: the static buffer has 256 bytes.
    PTS_NAME.fill(|p, n| unsafe { ptsname_r(fd, p, n) })
}
