//! BSD sockets (`<sys/socket.h>`): each function is one direct system call.
//! Every arch muslin supports has the direct calls (i386 and s390x since
//! Linux 4.3), so `socketcall` is never used. i386 and s390x lack `accept`,
//! `send` and `recv`; muslin makes those `accept4`, `sendto` and `recvfrom`
//! with no flags and no address on every arch, as the kernel itself does.
//!
//! On the 32-bit arches, whose `time_t` is 64-bit, the headers' `SO_RCVTIMEO`
//! and `SO_SNDTIMEO` are the kernel's numbers for the 64-bit-time options
//! (Linux 5.1), which take a 64-bit `struct timeval`. `setsockopt` and
//! `getsockopt` make them the 32-bit-time options (20 and 21, what glibc's
//! 32-bit-time programs and Rust's `libc` pass), converting the timeval:
//! those work on every kernel and under qemu-user, whose 7.2 neither sets
//! the new ones nor reads them back (it answers a 4-byte integer). Seconds
//! past 2^31 become 2^31 - 1, a timeout the kernel already treats as none.
//!
//! The calls that can block for a peer (`accept`, `accept4`, `connect`, the
//! sends and the receives) are cancellation points and go through the
//! cancellable thunk; the others cannot block and use the plain entry.

use super::{ret_cp, ret_int};
use crate::syscall::ret;
use crate::{syscall, syscall_cp};
use core::ffi::{c_int, c_uint, c_void};
use core::ptr::null_mut;

/// `socklen_t`.
type SockLen = c_uint;

/// A plain call's raw result for C: the value, or `-1` with `errno`.
fn ret_plain(r: usize) -> c_int {
    ret_int(ret(r).map(|v| v as c_int))
}

/// socket(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn socket(domain: c_int, kind: c_int, protocol: c_int) -> c_int {
    // SAFETY: no memory is passed.
    ret_plain(unsafe { syscall!(__NR_socket, domain, kind, protocol) })
}

/// socketpair(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn socketpair(
    domain: c_int,
    kind: c_int,
    protocol: c_int,
    fds: *mut c_int,
) -> c_int {
    // SAFETY: the kernel validates `fds`.
    ret_plain(unsafe { syscall!(__NR_socketpair, domain, kind, protocol, fds) })
}

/// bind(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn bind(fd: c_int, addr: *const c_void, len: SockLen) -> c_int {
    // SAFETY: the kernel validates the address.
    ret_plain(unsafe { syscall!(__NR_bind, fd, addr, len) })
}

/// listen(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn listen(fd: c_int, backlog: c_int) -> c_int {
    // SAFETY: no memory is passed.
    ret_plain(unsafe { syscall!(__NR_listen, fd, backlog) })
}

/// getsockname(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getsockname(fd: c_int, addr: *mut c_void, len: *mut SockLen) -> c_int {
    // SAFETY: the kernel validates both pointers.
    ret_plain(unsafe { syscall!(__NR_getsockname, fd, addr, len) })
}

/// getpeername(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getpeername(fd: c_int, addr: *mut c_void, len: *mut SockLen) -> c_int {
    // SAFETY: the kernel validates both pointers.
    ret_plain(unsafe { syscall!(__NR_getpeername, fd, addr, len) })
}

/// setsockopt(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *const c_void,
    len: SockLen,
) -> c_int {
    if let Some(old) = old_timeo(level, name)
        && len as usize == size_of::<[i64; 2]>()
    {
        // SAFETY: `len` says `value` holds a 64-bit `struct timeval`.
        let [sec, usec] = unsafe { value.cast::<[i64; 2]>().read_unaligned() };
        // Out-of-range microseconds stay out of range, for the kernel's `EDOM`.
        let usec = usec.clamp(i32::MIN.into(), i32::MAX.into()) as i32;
        let narrow: [i32; 2] = [sec.clamp(0, i32::MAX.into()) as i32, usec];
        let p = narrow.as_ptr();
        // SAFETY: `narrow` is the 32-bit `struct timeval` the option takes.
        return ret_plain(unsafe { syscall!(__NR_setsockopt, fd, level, old, p, 8u32) });
    }
    // SAFETY: the kernel validates the value.
    ret_plain(unsafe { syscall!(__NR_setsockopt, fd, level, name, value, len) })
}

/// The kernel's `SOL_SOCKET`.
const SOL_SOCKET: c_int = 1;
/// `SO_RCVTIMEO_NEW` and `SO_SNDTIMEO_NEW`: 64-bit-time timeouts.
const SO_RCVTIMEO_NEW: c_int = 66;
const SO_SNDTIMEO_NEW: c_int = 67;
/// `SO_RCVTIMEO_OLD` minus `SO_RCVTIMEO_NEW`: the 32-bit-time options are
/// 20 and 21 on the arches where `long` is 32-bit.
const OLD_FROM_NEW: c_int = 20 - 66;

/// The 32-bit-time option that stands in for `name` when it is a 32-bit
/// arch's 64-bit-time timeout option.
fn old_timeo(level: c_int, name: c_int) -> Option<c_int> {
    (size_of::<core::ffi::c_long>() == 4
        && level == SOL_SOCKET
        && (name == SO_RCVTIMEO_NEW || name == SO_SNDTIMEO_NEW))
        .then_some(name + OLD_FROM_NEW)
}

/// getsockopt(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *mut c_void,
    len: *mut SockLen,
) -> c_int {
    if let Some(old) = old_timeo(level, name)
        && !len.is_null()
        // SAFETY: the caller passes `len`; a bad one is the caller's to
        // answer for, as in the call itself.
        && unsafe { len.read() } as usize >= size_of::<[i64; 2]>()
    {
        let mut narrow = [0i32; 2];
        let mut n: SockLen = 8;
        let (p, pn) = (narrow.as_mut_ptr(), &raw mut n);
        // SAFETY: `narrow` has room for the 32-bit `struct timeval`.
        let r = unsafe { syscall!(__NR_getsockopt, fd, level, old, p, pn) };
        if ret(r).is_ok() {
            let wide = [i64::from(narrow[0]), i64::from(narrow[1])];
            // SAFETY: `*len` said `value` has room for a 64-bit timeval.
            unsafe {
                value.cast::<[i64; 2]>().write_unaligned(wide);
                len.write(size_of::<[i64; 2]>() as SockLen);
            }
        }
        return ret_plain(r);
    }
    // SAFETY: the kernel validates both pointers.
    ret_plain(unsafe { syscall!(__NR_getsockopt, fd, level, name, value, len) })
}

/// shutdown(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn shutdown(fd: c_int, how: c_int) -> c_int {
    // SAFETY: no memory is passed.
    ret_plain(unsafe { syscall!(__NR_shutdown, fd, how) })
}

/// accept4(2): a cancellation point. A connection the kernel accepted is
/// always returned, never lost to cancellation.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn accept4(
    fd: c_int,
    addr: *mut c_void,
    len: *mut SockLen,
    flags: c_int,
) -> c_int {
    // SAFETY: the kernel validates both pointers.
    ret_cp(unsafe { syscall_cp!(__NR_accept4, fd, addr, len, flags) }) as c_int
}

/// accept(2): `accept4` with no flags; a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn accept(fd: c_int, addr: *mut c_void, len: *mut SockLen) -> c_int {
    // SAFETY: as accept4.
    unsafe { accept4(fd, addr, len, 0) }
}

/// connect(2): a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn connect(fd: c_int, addr: *const c_void, len: SockLen) -> c_int {
    // SAFETY: the kernel validates the address.
    ret_cp(unsafe { syscall_cp!(__NR_connect, fd, addr, len) }) as c_int
}

/// sendto(2): a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sendto(
    fd: c_int,
    buf: *const c_void,
    n: usize,
    flags: c_int,
    addr: *const c_void,
    len: SockLen,
) -> isize {
    // SAFETY: the kernel validates the buffer and the address.
    ret_cp(unsafe { syscall_cp!(__NR_sendto, fd, buf, n, flags, addr, len) })
}

/// send(2): `sendto` with no address; a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn send(fd: c_int, buf: *const c_void, n: usize, flags: c_int) -> isize {
    // SAFETY: as sendto; a null address with length 0 is no address.
    unsafe { sendto(fd, buf, n, flags, core::ptr::null(), 0) }
}

/// sendmsg(2): a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sendmsg(fd: c_int, msg: *const c_void, flags: c_int) -> isize {
    // SAFETY: the kernel validates the header and what it points to.
    ret_cp(unsafe { syscall_cp!(__NR_sendmsg, fd, msg, flags) })
}

/// recvfrom(2): a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn recvfrom(
    fd: c_int,
    buf: *mut c_void,
    n: usize,
    flags: c_int,
    addr: *mut c_void,
    len: *mut SockLen,
) -> isize {
    // SAFETY: the kernel validates the buffer and both pointers.
    ret_cp(unsafe { syscall_cp!(__NR_recvfrom, fd, buf, n, flags, addr, len) })
}

/// recv(2): `recvfrom` with no address; a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn recv(fd: c_int, buf: *mut c_void, n: usize, flags: c_int) -> isize {
    // SAFETY: as recvfrom; null address pointers ask for no address.
    unsafe { recvfrom(fd, buf, n, flags, null_mut(), null_mut()) }
}

/// recvmsg(2): a cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn recvmsg(fd: c_int, msg: *mut c_void, flags: c_int) -> isize {
    // SAFETY: the kernel validates the header and what it points to.
    ret_cp(unsafe { syscall_cp!(__NR_recvmsg, fd, msg, flags) })
}
