//! BSD sockets (`<sys/socket.h>`): each function is one direct system call.
//! Every arch muslin supports has the direct calls (i386 and s390x since
//! Linux 4.3), so `socketcall` is never used. i386 and s390x lack `accept`,
//! `send` and `recv`; muslin makes those `accept4`, `sendto` and `recvfrom`
//! with no flags and no address on every arch, as the kernel itself does.
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
    // SAFETY: the kernel validates the value.
    ret_plain(unsafe { syscall!(__NR_setsockopt, fd, level, name, value, len) })
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
