//! GNU thread extensions that Rust's `std` (and much C and C++ code)
//! needs: `pthread_getattr_np`, thread names, and C++ `thread_local`
//! destructors (`__cxa_thread_atexit_impl`).

use super::pthread::{PthreadAttr, PthreadT, pthread_attr_init};
use crate::errno::{Errno, Result};
use crate::thread::descriptor::DETACHED;
use crate::thread::{self, registry};
use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::Ordering;
use linux_raw_sys::general::{O_CLOEXEC, O_RDONLY, O_WRONLY, RLIMIT_STACK};

/// What `pthread_getattr_np` reports of a thread, read under the registry
/// lock.
struct StackInfo {
    /// Lowest usable stack address (null: the main thread's stack).
    lo: *mut u8,
    /// Usable stack size.
    size: usize,
    /// Guard size below it.
    guard: usize,
    /// Whether the thread is detached.
    detached: bool,
}

fn page_size() -> usize {
    match crate::env::auxv::get(crate::env::auxv::AT_PAGESZ) {
        0 => 4096,
        p => p,
    }
}

/// Opens `path` (NUL-terminated) without being a cancellation point.
fn open_plain(path: &[u8], flags: u32) -> Result<c_int> {
    debug_assert!(path.ends_with(b"\0"));
    let flags = (flags | O_CLOEXEC) as c_int;
    // SAFETY: `path` is NUL-terminated; the call touches no other memory.
    let r = unsafe {
        crate::syscall!(
            __NR_openat,
            linux_raw_sys::general::AT_FDCWD,
            path.as_ptr(),
            flags,
            0
        )
    };
    crate::syscall::ret(r).map(|fd| fd as c_int)
}

/// `read(2)` into `buf`, not a cancellation point.
fn read_plain(fd: c_int, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most `buf.len()` bytes into `buf`.
    crate::syscall::ret(unsafe { crate::syscall!(__NR_read, fd, buf.as_mut_ptr(), buf.len()) })
}

/// `close(2)`; its result does not matter to the callers here.
fn close_plain(fd: c_int) {
    // SAFETY: closes a descriptor this module opened.
    let _ = unsafe { crate::syscall!(__NR_close, fd) };
}

/// The `[stack]` mapping's end (the main stack's top) and the end of the
/// mapping below it, from `/proc/self/maps`: the line whose range holds
/// `sp`, and the one before it.
fn stack_mapping(sp: usize) -> Option<(usize, usize)> {
    let fd = open_plain(b"/proc/self/maps\0", O_RDONLY).ok()?;
    let mut buf = [0u8; 512];
    // Per line: 0 reading the start, 1 the end, 2 skipping the rest.
    let (mut state, mut start, mut end, mut prev_end) = (0, 0usize, 0usize, 0usize);
    let mut found = None;
    'read: loop {
        let n = match read_plain(fd, &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        for &b in &buf[..n] {
            let digit = (b as char).to_digit(16);
            match (state, b, digit) {
                (_, b'\n', _) => {
                    state = 0;
                    start = 0;
                    end = 0;
                }
                (0, b'-', _) => state = 1,
                (0, _, Some(d)) => start = start.wrapping_mul(16).wrapping_add(d as usize),
                (1, _, Some(d)) => end = end.wrapping_mul(16).wrapping_add(d as usize),
                (1, _, None) => {
                    if (start..end).contains(&sp) {
                        found = Some((end, prev_end));
                        break 'read;
                    }
                    prev_end = end;
                    state = 2;
                }
                _ => state = 2,
            }
        }
    }
    close_plain(fd);
    found
}

/// The main thread's stack as `(lowest address, size)`: its top is the end
/// of the mapping holding the program name the kernel put at the top of
/// that stack (`AT_EXECFN`), its size `RLIMIT_STACK`, at most what reaches
/// down to the mapping below (as glibc reports it). Without `/proc` the
/// top is the page end above that name. `main` says whether the caller is
/// the main thread (its stack pointer is then inside the stack).
fn main_stack(main: bool) -> (*mut u8, usize) {
    let page = page_size();
    let here = 0u8;
    let sp = core::hint::black_box(&here) as *const u8 as usize;
    let name = match crate::env::auxv::get(crate::env::auxv::AT_EXECFN) {
        0 if main => sp,
        n => n,
    };
    let limit = crate::syscall::resource::getrlimit(RLIMIT_STACK).map_or(u64::MAX, |r| r.cur);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX) & !(page - 1);
    let (top, size) = match stack_mapping(name) {
        Some((top, below)) => (top, limit.min(top - below)),
        None => {
            let top = name.wrapping_add(page - 1) & !(page - 1);
            let size = if limit == usize::MAX & !(page - 1) {
                8 << 20
            } else {
                limit
            };
            (top, size.min(top))
        }
    };
    // At least what is in use now, should the limit have been lowered.
    let size = if main && sp < top {
        size.max((top - sp + page - 1) & !(page - 1))
    } else {
        size
    };
    ((top - size) as *mut u8, size)
}

/// pthread_getattr_np(3): a fresh attribute describing the running thread
/// `t`: its stack (lowest address and size, as `pthread_attr_getstack`
/// reports them), guard size and detach state. For the main thread the
/// stack is the one the kernel made, sized by `RLIMIT_STACK`. `ESRCH` for a
/// thread that has finished and was joined or was detached.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_getattr_np(t: PthreadT, attr: *mut PthreadAttr) -> c_int {
    let info = registry::with(t, |d| {
        Ok(StackInfo {
            lo: d.stack_lo.get(),
            size: d.stack_size.get(),
            guard: d.guard_size.get(),
            detached: d.detach_state.load(Ordering::Acquire) == DETACHED,
        })
    });
    let info = match info {
        Ok(i) => i,
        Err(e) => return e.raw(),
    };
    let (lo, size) = if info.size == 0 {
        main_stack(core::ptr::eq(t, thread::current()))
    } else {
        (info.lo, info.size)
    };
    // SAFETY: C passes a writable pthread_attr_t.
    unsafe {
        pthread_attr_init(attr);
        (*attr).stack_addr = lo;
        (*attr).stack_size = size;
        (*attr).guard_size = info.guard;
        (*attr).detach = c_int::from(info.detached);
    }
    0
}

/// `PR_SET_NAME`: sets the calling thread's name.
const PR_SET_NAME: c_int = 15;
/// `PR_GET_NAME`: reads it (16 bytes, NUL-terminated).
const PR_GET_NAME: c_int = 16;
/// The kernel's name buffer (`TASK_COMM_LEN`), terminating NUL included.
const COMM_LEN: usize = 16;

/// `/proc/self/task/TID/comm`, NUL-terminated, in `buf`.
fn comm_path(tid: c_int, buf: &mut [u8; 48]) -> &[u8] {
    const HEAD: &[u8] = b"/proc/self/task/";
    const TAIL: &[u8] = b"/comm\0";
    buf[..HEAD.len()].copy_from_slice(HEAD);
    let mut digits = [0u8; 12];
    let (mut n, mut v) = (0, tid.unsigned_abs());
    loop {
        digits[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let mut at = HEAD.len();
    for &d in digits[..n].iter().rev() {
        buf[at] = d;
        at += 1;
    }
    buf[at..at + TAIL.len()].copy_from_slice(TAIL);
    &buf[..at + TAIL.len()]
}

/// pthread_setname_np(3): names the thread `t` (at most 15 bytes, else
/// `ERANGE`): `prctl` for the calling thread, its `/proc` `comm` file for
/// another. `ESRCH` for a thread that has finished.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_setname_np(t: PthreadT, name: *const c_char) -> c_int {
    // SAFETY: C passes a NUL-terminated name.
    let name = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    if name.len() >= COMM_LEN {
        return Errno::ERANGE.raw();
    }
    let mut z = [0u8; COMM_LEN];
    z[..name.len()].copy_from_slice(name);
    let me = thread::current() as *const _ as PthreadT;
    if core::ptr::eq(t, me) {
        // SAFETY: `z` is a NUL-terminated string the kernel only reads.
        let r = unsafe { crate::syscall!(__NR_prctl, PR_SET_NAME, z.as_ptr(), 0, 0, 0) };
        return crate::syscall::ret(r).map_or_else(Errno::raw, |_| 0);
    }
    let r = thread::with_tid(t, |tid| {
        let mut path = [0u8; 48];
        let fd = open_plain(comm_path(tid, &mut path), O_WRONLY)?;
        // SAFETY: the kernel reads `name.len()` bytes of `z`.
        let w = unsafe { crate::syscall!(__NR_write, fd, z.as_ptr(), name.len()) };
        close_plain(fd);
        crate::syscall::ret(w).map(drop)
    });
    r.map_or_else(Errno::raw, |()| 0)
}

/// pthread_getname_np(3): the name of the thread `t` into `buf` (`len`
/// bytes, at least 16 as glibc requires, else `ERANGE`). `ESRCH` for a
/// thread that has finished.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pthread_getname_np(t: PthreadT, buf: *mut c_char, len: usize) -> c_int {
    if len < COMM_LEN {
        return Errno::ERANGE.raw();
    }
    let mut z = [0u8; COMM_LEN + 1];
    let me = thread::current() as *const _ as PthreadT;
    let r = if core::ptr::eq(t, me) {
        // SAFETY: the kernel writes at most 16 bytes into `z`.
        let r = unsafe { crate::syscall!(__NR_prctl, PR_GET_NAME, z.as_mut_ptr(), 0, 0, 0) };
        crate::syscall::ret(r).map(drop)
    } else {
        thread::with_tid(t, |tid| {
            let mut path = [0u8; 48];
            let fd = open_plain(comm_path(tid, &mut path), O_RDONLY)?;
            let r = read_plain(fd, &mut z[..COMM_LEN]);
            close_plain(fd);
            let n = r?;
            // The file ends the name with a newline.
            let n = if n > 0 && z[n - 1] == b'\n' { n - 1 } else { n };
            z[n] = 0;
            Ok(())
        })
    };
    if let Err(e) = r {
        return e.raw();
    }
    let n = z.iter().position(|&b| b == 0).unwrap_or(COMM_LEN - 1);
    // SAFETY: C passes `len` >= 16 writable bytes; n < 16.
    unsafe {
        core::ptr::copy_nonoverlapping(z.as_ptr(), buf.cast::<u8>(), n);
        *buf.add(n) = 0;
    }
    0
}

/// A thread-local destructor, on its thread's list (newest first).
struct Dtor {
    f: unsafe extern "C" fn(*mut c_void),
    obj: *mut c_void,
    next: *mut Dtor,
}

/// Runs and frees the calling thread's thread-local destructors, newest
/// first; one registered meanwhile is the newest and runs next.
fn run_tls_dtors() {
    let t = thread::current();
    loop {
        let d = t.tls_dtors.get().cast::<Dtor>();
        if d.is_null() {
            break;
        }
        // SAFETY: only `__cxa_thread_atexit_impl` puts nodes on the list,
        // each a live `Dtor` from `malloc`, and only this thread touches it.
        let Dtor { f, obj, next } = unsafe { d.read() };
        t.tls_dtors.set(next.cast());
        // SAFETY: as above; the node is off the list.
        unsafe { crate::malloc::free(d.cast()) };
        // SAFETY: the destructor was registered for this object.
        unsafe { f(obj) };
    }
}

/// `__cxa_thread_atexit_impl`: runs `dtor(obj)` when the calling thread
/// exits (`pthread_exit`, return from its start routine, cancellation),
/// before its thread-specific-data destructors, or, for the thread that
/// calls `exit`, first thing in `exit`; the newest first. `dso_symbol`
/// names the registering module, which a static program never unloads:
/// unused. -1 when out of memory.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn __cxa_thread_atexit_impl(
    dtor: unsafe extern "C" fn(*mut c_void),
    obj: *mut c_void,
    _dso_symbol: *mut c_void,
) -> c_int {
    let d = crate::malloc::malloc(size_of::<Dtor>()).cast::<Dtor>();
    if d.is_null() {
        return -1;
    }
    let t = thread::current();
    // SAFETY: a fresh allocation big and aligned enough for a `Dtor`.
    unsafe {
        d.write(Dtor {
            f: dtor,
            obj,
            next: t.tls_dtors.get().cast(),
        })
    };
    t.tls_dtors.set(d.cast());
    thread::exit::set_tls_dtor_hook(run_tls_dtors);
    0
}
