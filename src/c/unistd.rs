use super::{ret_cp, ret_int, ret_zero};
use crate::syscall::fd::{self, Fd, IoVec};
use crate::syscall::{fs, process};
use crate::syscall_cp;
use crate::thread::cancel::c_point;
use crate::time::{Timespec, nanosleep};
use core::ffi::{c_char, c_int, c_long, c_uint, c_void};
use linux_raw_sys::general::AT_REMOVEDIR;

/// read(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize {
    // SAFETY: the kernel validates the buffer.
    ret_cp(unsafe { syscall_cp!(__NR_read, fd, buf, n) })
}

/// pread(2): reads at `off` without moving the file offset. A
/// cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pread(fd: c_int, buf: *mut c_void, n: usize, off: i64) -> isize {
    let nr = linux_raw_sys::general::__NR_pread64 as usize;
    // SAFETY: the kernel validates the buffer.
    ret_cp(unsafe { at_offset(nr, fd, buf as usize, n, off) })
}

/// pwrite(2): writes at `off` without moving the file offset. A
/// cancellation point.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pwrite(fd: c_int, buf: *const c_void, n: usize, off: i64) -> isize {
    let nr = linux_raw_sys::general::__NR_pwrite64 as usize;
    // SAFETY: the kernel validates the buffer.
    ret_cp(unsafe { at_offset(nr, fd, buf as usize, n, off) })
}

/// `pread64`: [`pread`] by its large-file name (`off_t` is 64-bit
/// everywhere in muslin), which Rust's `libc` crate calls on `-gnu` targets.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pread64(fd: c_int, buf: *mut c_void, n: usize, off: i64) -> isize {
    // SAFETY: as the caller says.
    unsafe { pread(fd, buf, n, off) }
}

/// `pwrite64`: [`pwrite`] by its large-file name.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pwrite64(fd: c_int, buf: *const c_void, n: usize, off: i64) -> isize {
    // SAFETY: as the caller says.
    unsafe { pwrite(fd, buf, n, off) }
}

/// `pread64`/`pwrite64` (system call `nr`) at the 64-bit offset `off`,
/// through the cancellable thunk: one register on 64-bit arches; on
/// 32-bit ones two, low word first, after a pad register where the arch
/// aligns pairs (arm).
unsafe fn at_offset(nr: usize, fd: c_int, buf: usize, n: usize, off: i64) -> usize {
    let fd = fd as usize;
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the caller's buffer is the kernel's to check.
    return unsafe { crate::syscall::cancellable(nr, fd, buf, n, off as usize, 0, 0) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above.
    unsafe {
        let (lo, hi) = (off as u32 as usize, (off >> 32) as u32 as usize);
        if crate::arch::PAIR_ALIGNED {
            crate::syscall::cancellable(nr, fd, buf, n, 0, lo, hi)
        } else {
            crate::syscall::cancellable(nr, fd, buf, n, lo, hi, 0)
        }
    }
}

/// write(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, n: usize) -> isize {
    // SAFETY: the kernel validates the buffer.
    ret_cp(unsafe { syscall_cp!(__NR_write, fd, buf, n) })
}

/// readv(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn readv(fd: c_int, iov: *const IoVec, n: c_int) -> isize {
    // SAFETY: the kernel validates the vector.
    ret_cp(unsafe { syscall_cp!(__NR_readv, fd, iov, n) })
}

/// writev(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn writev(fd: c_int, iov: *const IoVec, n: c_int) -> isize {
    // SAFETY: the kernel validates the vector.
    ret_cp(unsafe { syscall_cp!(__NR_writev, fd, iov, n) })
}

/// close(2); `EINTR` counts as success.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn close(fd: c_int) -> c_int {
    ret_zero(c_point(fd::close(Fd(fd))))
}

/// lseek(2) with a 64-bit `off_t`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lseek(fd: c_int, offset: i64, whence: c_int) -> i64 {
    fd::lseek(Fd(fd), offset, whence).unwrap_or_else(|e| {
        e.set_last();
        -1
    })
}

/// pipe(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pipe(fds: *mut c_int) -> c_int {
    // SAFETY: the kernel validates the pointer.
    ret_zero(unsafe { fd::pipe2_raw(fds, 0) })
}

/// pipe2(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pipe2(fds: *mut c_int, flags: c_int) -> c_int {
    // SAFETY: the kernel validates the pointer.
    ret_zero(unsafe { fd::pipe2_raw(fds, flags) })
}

/// dup(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn dup(fd: c_int) -> c_int {
    ret_int(fd::dup(Fd(fd)).map(|f| f.0))
}

/// dup2(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn dup2(old: c_int, new: c_int) -> c_int {
    ret_int(fd::dup2(Fd(old), Fd(new)).map(|f| f.0))
}

/// unlink(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn unlink(path: *const c_char) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::unlinkat_raw(fd::AT_FDCWD, path.cast(), 0) })
}

/// rmdir(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn rmdir(path: *const c_char) -> c_int {
    // SAFETY: the kernel validates the path.
    ret_zero(unsafe { fs::unlinkat_raw(fd::AT_FDCWD, path.cast(), AT_REMOVEDIR as c_int) })
}

/// getcwd(3). With a NULL `buf` the result is allocated with `malloc`:
/// `size` bytes if `size` is not 0, otherwise just as many as needed.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getcwd(buf: *mut c_char, size: usize) -> *mut c_char {
    if buf.is_null() {
        return getcwd_alloc(size);
    }
    if size == 0 {
        crate::Errno::EINVAL.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: the kernel validates and writes at most `size` bytes.
    match crate::syscall::ret(unsafe { crate::syscall!(__NR_getcwd, buf, size) }) {
        Ok(_) => buf,
        Err(e) => {
            e.set_last();
            core::ptr::null_mut()
        }
    }
}

/// `getcwd(NULL, size)`: into a fresh chunk, trimmed when `size` is 0.
fn getcwd_alloc(size: usize) -> *mut c_char {
    let cap = if size == 0 { 4096 } else { size };
    let buf = crate::malloc::c_api::malloc(cap).cast::<c_char>();
    if buf.is_null() {
        crate::Errno::ENOMEM.set_last();
        return buf;
    }
    // SAFETY: the kernel writes at most `cap` bytes into our chunk.
    match crate::syscall::ret(unsafe { crate::syscall!(__NR_getcwd, buf, cap) }) {
        Ok(n) if size == 0 => {
            // The kernel's result counts the NUL; a failed shrink keeps `buf`.
            // SAFETY: `buf` is our chunk; shrinking keeps the string.
            let p = unsafe { crate::malloc::c_api::realloc(buf.cast(), n) };
            if p.is_null() { buf } else { p.cast() }
        }
        Ok(_) => buf,
        Err(e) => {
            // SAFETY: `buf` is our chunk, unused.
            unsafe { crate::malloc::c_api::free(buf.cast()) };
            e.set_last();
            core::ptr::null_mut()
        }
    }
}

/// getpid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getpid() -> c_int {
    process::getpid()
}

/// getppid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getppid() -> c_int {
    process::getppid()
}

/// gettid(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn gettid() -> c_int {
    process::gettid()
}

/// _exit(2): ends the process without running handlers or flushing.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn _exit(status: c_int) -> ! {
    crate::process::exit_immediately(status)
}

/// sleep(3), a cancellation point: returns the whole seconds left when interrupted.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sleep(seconds: c_uint) -> c_uint {
    match nanosleep(&Timespec::new(seconds as i64, 0)) {
        Ok(()) => 0,
        Err((e, rem)) => {
            let _ = c_point::<()>(Err(e));
            (rem.tv_sec + (rem.tv_nsec > 0) as i64) as c_uint
        }
    }
}

/// usleep(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn usleep(usec: c_uint) -> c_int {
    let ts = Timespec::new(
        (usec / 1_000_000) as i64,
        (usec % 1_000_000) as c_long * 1000,
    );
    ret_zero(c_point(nanosleep(&ts).map_err(|(e, _)| e)))
}
