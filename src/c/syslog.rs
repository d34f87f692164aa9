//! `<syslog.h>`: messages to the system logger's datagram socket,
//! `/dev/log`, in the format glibc sends: `<PRI>Mmm dd hh:mm:ss
//! ident[pid]: message`. Where there is no logger the message is dropped:
//! `syslog` never fails and never reports an error.

use crate::thread::futex::Lock;
use core::cell::UnsafeCell;
use core::ffi::{CStr, VaList, c_char, c_int};
use core::ptr::null;

/// `LOG_PID`: the process id after the ident.
const LOG_PID: c_int = 0x01;
/// `LOG_NDELAY`: connect at `openlog`.
const LOG_NDELAY: c_int = 0x08;
/// `LOG_PERROR`: the message to standard error too.
const LOG_PERROR: c_int = 0x20;
/// `LOG_USER`, the default facility.
const LOG_USER: c_int = 1 << 3;

/// The logger's state, behind [`LOCK`].
struct State {
    fd: c_int,
    ident: *const c_char,
    option: c_int,
    facility: c_int,
    mask: c_int,
}

/// [`State`] as a shareable static.
struct Cell(UnsafeCell<State>);

// SAFETY: only touched under LOCK.
unsafe impl Sync for Cell {}

static LOCK: Lock = Lock::new();
static STATE: Cell = Cell(UnsafeCell::new(State {
    fd: -1,
    ident: null(),
    option: 0,
    facility: LOG_USER,
    mask: 0xff,
}));

/// Runs `f` on the state under the lock.
fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
    LOCK.lock();
    // SAFETY: under LOCK.
    let r = f(unsafe { &mut *STATE.0.get() });
    LOCK.unlock();
    r
}

/// Connects `s.fd` to `/dev/log` if it is not; leaves it -1 when there is
/// no logger.
fn connect(s: &mut State) {
    if s.fd >= 0 {
        return;
    }
    // `AF_UNIX` and `SOCK_DGRAM` are these numbers on every arch muslin
    // has; `SOCK_CLOEXEC` is `O_CLOEXEC`.
    const AF_UNIX: u32 = 1;
    const SOCK_DGRAM: u32 = 2;
    let cloexec = crate::syscall::fd::O_CLOEXEC as u32;
    // SAFETY: no memory is involved.
    let fd = unsafe { crate::syscall!(__NR_socket, AF_UNIX, SOCK_DGRAM | cloexec, 0u32) };
    if (fd as isize) < 0 {
        return;
    }
    // `struct sockaddr_un` for /dev/log: the family, then the path.
    let mut addr = [0u8; 2 + 108];
    addr[..2].copy_from_slice(&(AF_UNIX as u16).to_ne_bytes());
    addr[2..2 + 8].copy_from_slice(b"/dev/log");
    // SAFETY: the kernel reads `addr.len()` bytes of `addr`.
    let r = unsafe { crate::syscall!(__NR_connect, fd, addr.as_ptr(), addr.len()) };
    if (r as isize) < 0 {
        // SAFETY: our own descriptor.
        unsafe { crate::syscall!(__NR_close, fd) };
        return;
    }
    s.fd = fd as c_int;
}

/// Closes the connection.
fn disconnect(s: &mut State) {
    if s.fd >= 0 {
        // SAFETY: our own descriptor.
        unsafe { crate::syscall!(__NR_close, s.fd) };
        s.fd = -1;
    }
}

/// openlog(3): `ident` (kept, not copied; NULL: the program's name) before
/// each message, `option` (`LOG_PID`, `LOG_NDELAY`, `LOG_PERROR`, ...) and
/// the default `facility`.
///
/// # Safety
/// `ident` is null or a C string that outlives its use.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn openlog(ident: *const c_char, option: c_int, facility: c_int) {
    with(|s| {
        s.ident = ident;
        s.option = option;
        if facility != 0 && facility & !0x3f8 == 0 {
            s.facility = facility;
        }
        if option & LOG_NDELAY != 0 {
            connect(s);
        }
    })
}

/// closelog(3): closes the connection; the next message reopens it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn closelog() {
    with(|s| {
        disconnect(s);
        s.ident = null();
    })
}

/// setlogmask(3): the priorities to log from now on (0 leaves it); returns
/// the previous mask.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setlogmask(mask: c_int) -> c_int {
    with(|s| {
        let old = s.mask;
        if mask != 0 {
            s.mask = mask;
        }
        old
    })
}

/// A bounded byte buffer.
struct Buf {
    b: [u8; 1024],
    n: usize,
}

impl Buf {
    fn push(&mut self, s: &[u8]) {
        let k = s.len().min(self.b.len() - 1 - self.n);
        self.b[self.n..self.n + k].copy_from_slice(&s[..k]);
        self.n += k;
    }
}

/// vsyslog(3): formats the message (`%m` is `strerror(errno)`) and sends it.
///
/// # Safety
/// `fmt` is a format that `ap` matches.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vsyslog(pri: c_int, fmt: *const c_char, ap: VaList<'_>) {
    // SAFETY: the calling thread's errno.
    let errno = unsafe { *super::errno::__errno_location() };
    if pri & !0x3ff != 0 || fmt.is_null() {
        return;
    }
    let (mask, option, facility, ident) = with(|s| (s.mask, s.option, s.facility, s.ident));
    if mask & (1 << (pri & 7)) == 0 {
        return;
    }
    let pri = if pri & 0x3f8 == 0 {
        pri | facility
    } else {
        pri
    };
    // The format with `%m` expanded (and `%` in the error text doubled).
    let mut f = Buf { b: [0; 1024], n: 0 };
    // SAFETY: C passes a NUL-terminated format.
    let fb = unsafe { CStr::from_ptr(fmt) }.to_bytes();
    let mut i = 0;
    while i < fb.len() {
        if fb[i] == b'%' && i + 1 < fb.len() {
            if fb[i + 1] == b'm' {
                // SAFETY: strerror returns a C string.
                let e = unsafe { CStr::from_ptr(super::strerror::strerror(errno)) };
                for &c in e.to_bytes() {
                    f.push(if c == b'%' {
                        b"%%"
                    } else {
                        core::slice::from_ref(&c)
                    });
                }
            } else {
                f.push(&fb[i..i + 2]);
            }
            i += 2;
        } else {
            f.push(&fb[i..i + 1]);
            i += 1;
        }
    }
    let mut out = Buf { b: [0; 1024], n: 0 };
    let mut num = [0u8; 12];
    out.push(b"<");
    out.push(decimal(pri as u32, &mut num));
    out.push(b">");
    let now =
        crate::time::clock_gettime(crate::syscall::time::CLOCK_REALTIME).map_or(0, |t| t.tv_sec);
    let mut tm = core::mem::MaybeUninit::<crate::time::civil::Tm>::zeroed();
    let mut stamp = [0u8; 32];
    // SAFETY: `tm` is writable; the format is a C string; `stamp` has
    // room for the 16 bytes "Mmm dd hh:mm:ss ".
    let k = unsafe {
        super::time::localtime_r(&now, tm.as_mut_ptr());
        super::time::strftime(
            stamp.as_mut_ptr().cast(),
            stamp.len(),
            c"%b %e %T ".as_ptr(),
            tm.as_ptr(),
        )
    };
    out.push(&stamp[..k]);
    let head = out.n;
    let mut name = [0u8; 256];
    if ident.is_null() {
        let argv0 = super::assert::argv0(&mut name);
        let prog = argv0.rsplit(|&c| c == b'/').next().unwrap_or(b"");
        out.push(prog);
    } else {
        // SAFETY: `openlog`'s caller keeps the ident valid.
        out.push(unsafe { CStr::from_ptr(ident) }.to_bytes());
    }
    if option & LOG_PID != 0 {
        out.push(b"[");
        let pid = super::unistd::getpid();
        out.push(decimal(pid as u32, &mut num));
        out.push(b"]");
    }
    out.push(b": ");
    f.b[f.n] = 0;
    let room = out.b.len() - out.n;
    // SAFETY: `f` is NUL-terminated; `ap` matches the original format,
    // and `%m` took no argument; at most `room` bytes are written.
    let m = unsafe {
        super::printf::vsnprintf(
            out.b[out.n..].as_mut_ptr().cast(),
            room,
            f.b.as_ptr().cast(),
            ap,
        )
    };
    if m > 0 {
        out.n += (m as usize).min(room - 1);
    }
    with(|s| {
        connect(s);
        if s.fd >= 0 {
            // SAFETY: the kernel reads `out.n` bytes.
            let r = unsafe {
                crate::syscall!(
                    __NR_sendto,
                    s.fd,
                    out.b.as_ptr(),
                    out.n,
                    0u32,
                    0usize,
                    0usize
                )
            };
            if (r as isize) < 0 {
                // The logger may have restarted: one more try on a new socket.
                disconnect(s);
                connect(s);
                if s.fd >= 0 {
                    // SAFETY: as above.
                    unsafe {
                        crate::syscall!(
                            __NR_sendto,
                            s.fd,
                            out.b.as_ptr(),
                            out.n,
                            0u32,
                            0usize,
                            0usize
                        )
                    };
                }
            }
        }
    });
    if option & LOG_PERROR != 0 {
        out.push(b"\n");
        let _ = crate::syscall::fd::write_all(crate::syscall::fd::STDERR, &out.b[head..out.n]);
    }
    // SAFETY: as above.
    unsafe { *super::errno::__errno_location() = errno };
}

/// syslog(3): as [`vsyslog`].
///
/// # Safety
/// As [`vsyslog`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn syslog(pri: c_int, fmt: *const c_char, args: ...) {
    // SAFETY: as the caller says.
    unsafe { vsyslog(pri, fmt, args) }
}

/// `v` in decimal, in `buf`.
fn decimal(mut v: u32, buf: &mut [u8; 12]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}
