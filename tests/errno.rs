//! Error numbers through the typed Rust layer and through the C ABI's
//! per-thread `errno`: EBADF, ENOENT, and EFAULT for bad pointers (the kernel
//! reports it; muslin must not crash first).
#![no_std]
#![no_main]

mod common;
use common::{check_eq, status};
use core::ffi::{c_char, c_int, c_void};
use muslin::Errno;
use muslin::syscall::fd::{self, Fd};
use muslin::syscall::fs;

unsafe extern "C" {
    fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize;
    fn write(fd: c_int, buf: *const c_void, n: usize) -> isize;
    fn open(path: *const c_char, flags: c_int, ...) -> c_int;
    fn stat(path: *const c_char, st: *mut fs::Stat) -> c_int;
    fn close(fd: c_int) -> c_int;
    fn __errno_location() -> *mut c_int;
}

fn errno() -> c_int {
    // SAFETY: __errno_location always returns this thread's errno.
    unsafe { *__errno_location() }
}

const BAD: usize = 16; // an address nothing is ever mapped at

fn run() -> i32 {
    let mut buf = [0u8; 8];
    check_eq("read EBADF", fd::read(Fd(-1), &mut buf), Err(Errno::EBADF));
    check_eq("close EBADF", fd::close(Fd(12345)), Err(Errno::EBADF));
    check_eq(
        "open ENOENT",
        fd::open(c"/nonexistent/muslin", fd::O_RDONLY, 0).map(|_| ()),
        Err(Errno::ENOENT),
    );
    check_eq(
        "stat ENOENT",
        fs::stat(c"/nonexistent/muslin").map(|_| ()),
        Err(Errno::ENOENT),
    );
    let (r, w) = fd::pipe2(fd::O_CLOEXEC).expect("pipe2");
    check_eq(
        "write EFAULT",
        unsafe { fd::write_raw(w.fd(), BAD as *const u8, 4) },
        Err(Errno::EFAULT),
    );
    // SAFETY: the kernel validates the bad pointers; nothing dereferences them here.
    unsafe {
        check_eq(
            "C read EBADF",
            (read(-1, buf.as_mut_ptr().cast(), 1), errno()),
            (-1, Errno::EBADF.raw()),
        );
        check_eq(
            "C open ENOENT",
            (open(c"/nonexistent/muslin".as_ptr(), 0), errno()),
            (-1, Errno::ENOENT.raw()),
        );
        check_eq(
            "C write EFAULT",
            (write(w.fd().0, BAD as *const c_void, 4), errno()),
            (-1, Errno::EFAULT.raw()),
        );
        fd::write(w.fd(), b"x").unwrap();
        check_eq(
            "C read EFAULT",
            (read(r.fd().0, BAD as *mut c_void, 1), errno()),
            (-1, Errno::EFAULT.raw()),
        );
        check_eq(
            "C open EFAULT",
            (open(BAD as *const c_char, 0), errno()),
            (-1, Errno::EFAULT.raw()),
        );
        check_eq(
            "C stat bad path EFAULT",
            (stat(BAD as *const c_char, core::ptr::null_mut()), errno()),
            (-1, Errno::EFAULT.raw()),
        );
        let mut st = fs::Stat::default();
        check_eq("C stat works", stat(c"/".as_ptr(), &mut st), 0);
        check_eq("C stat / is a directory", st.st_mode & 0o170000, 0o040000);
        check_eq(
            "C stat bad buffer EFAULT",
            (stat(c"/".as_ptr(), BAD as *mut fs::Stat), errno()),
            (-1, Errno::EFAULT.raw()),
        );
        check_eq(
            "C close EBADF",
            (close(-5), errno()),
            (-1, Errno::EBADF.raw()),
        );
        *__errno_location() = 0;
        check_eq("errno is writable", errno(), 0);
    }
    check_eq(
        "Errno message",
        Errno::ENOENT.message(),
        "No such file or directory",
    );
    status()
}

muslin::main!(run);
