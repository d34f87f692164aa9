//! The exec family: `execve` and `fexecve`, `execv`, `execl`, `execle`
//! (all async-signal-safe: no allocation for up to 1024 arguments), and
//! the `PATH` searches `execvp`, `execvpe` and `execlp`.
//!
//! The search is glibc's and POSIX's: a name with a slash is run as is;
//! otherwise each `PATH` entry (an empty one is the current directory; no
//! `PATH`: `/bin:/usr/bin`) is tried in order. A file that is not an
//! executable format (`ENOEXEC`) is run by `/bin/sh` as a script. `EACCES`
//! from any entry is remembered and reported when no entry worked; errors
//! that mean "not here" (`ENOENT`, `ENOTDIR`, `ENODEV`, `ETIMEDOUT`,
//! `ESTALE`) go on to the next entry; any other error ends the search.

use crate::errno::Errno;
use core::ffi::{VaList, c_char, c_int};

/// Arguments that fit on the stack; more go to `malloc`.
const STACK_ARGS: usize = 1024;

/// `PATH` when the environment has none.
const DEFAULT_PATH: &[u8] = b"/bin:/usr/bin";

/// `PATH_MAX`.
const PATH_MAX: usize = 4096;

/// execve(2).
///
/// # Safety
/// `path` is a C string; `argv` and `envp` are NULL-terminated arrays of
/// them.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execve(
    path: *const c_char,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> c_int {
    // SAFETY: as the caller promises.
    let r = unsafe { crate::syscall!(__NR_execve, path, argv, envp) };
    super::ret_int(crate::syscall::ret(r).map(|v| v as c_int))
}

/// fexecve(3): runs the program open on `fd` (`execveat` with
/// `AT_EMPTY_PATH`).
///
/// # Safety
/// As for `execve`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fexecve(
    fd: c_int,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> c_int {
    let empty = b"\0";
    // SAFETY: as the caller promises; the path is an empty C string.
    let r = unsafe {
        crate::syscall!(
            __NR_execveat,
            fd,
            empty.as_ptr(),
            argv,
            envp,
            linux_raw_sys::general::AT_EMPTY_PATH
        )
    };
    if r != (-(Errno::ENOSYS.raw() as isize)) as usize {
        return super::ret_int(crate::syscall::ret(r).map(|v| v as c_int));
    }
    // No execveat (old kernels, qemu-user): the descriptor's /proc name.
    let mut path = *b"/proc/self/fd/\0\0\0\0\0\0\0\0\0\0\0";
    let mut digits = [0u8; 10];
    let (mut n, mut k) = (fd as u32, 0);
    loop {
        digits[k] = b'0' + (n % 10) as u8;
        k += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in 0..k {
        path[14 + i] = digits[k - 1 - i];
    }
    // SAFETY: a C string; the rest as the caller promises.
    unsafe { execve(path.as_ptr().cast(), argv, envp) }
}

/// The process's environment.
pub(super) fn environ() -> *const *const c_char {
    // SAFETY: a read of start-up's (or setenv's) pointer.
    unsafe { crate::env::environ.cast_const().cast() }
}

/// execv(3): `execve` with the caller's environment.
///
/// # Safety
/// As for `execve`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execv(path: *const c_char, argv: *const *const c_char) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { execve(path, argv, environ()) }
}

/// The length of a C string.
///
/// # Safety
/// `s` must be a C string.
pub(super) unsafe fn c_len(s: *const c_char) -> usize {
    let mut n = 0;
    // SAFETY: stops at the terminator.
    while unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// Calls `f` with an argument array of `n` + 1 slots (the caller fills
/// them): on the stack up to [`STACK_ARGS`], else from `malloc`; -1 with
/// `ENOMEM` when that fails.
fn with_args(n: usize, f: &mut dyn FnMut(&mut [*const c_char]) -> c_int) -> c_int {
    if n < STACK_ARGS {
        let mut a = [core::ptr::null::<c_char>(); STACK_ARGS];
        return f(&mut a[..=n]);
    }
    let Some(bytes) = (n + 1).checked_mul(size_of::<*const c_char>()) else {
        Errno::ENOMEM.set_last();
        return -1;
    };
    let p = crate::malloc::malloc(bytes).cast::<*const c_char>();
    if p.is_null() {
        Errno::ENOMEM.set_last();
        return -1;
    }
    // SAFETY: a fresh block of n + 1 pointers.
    let r = f(unsafe { core::slice::from_raw_parts_mut(p, n + 1) });
    // SAFETY: allocated above, not used after.
    unsafe { crate::malloc::free(p.cast()) };
    r
}

/// The list-form entry points: counts the variadic arguments after
/// `arg0` up to the NULL, gathers them into an array and calls `run`
/// with it and (for `execle`) the environment that follows the NULL.
///
/// # Safety
/// The variadic arguments are C strings ended by a NULL (then, with
/// `env`, an environment array).
unsafe fn exec_list(
    arg0: *const c_char,
    ap: VaList,
    env: bool,
    run: &mut dyn FnMut(*const *const c_char, *const *const c_char) -> c_int,
) -> c_int {
    let mut count = ap.clone();
    let mut n = 1;
    if !arg0.is_null() {
        // SAFETY: the caller ends the list with NULL.
        while !unsafe { count.next_arg::<*const c_char>() }.is_null() {
            n += 1;
        }
    } else {
        n = 0;
    }
    let mut ap = ap;
    with_args(n, &mut |a| {
        if n > 0 {
            a[0] = arg0;
        }
        for slot in a.iter_mut().take(n).skip(1) {
            // SAFETY: the n - 1 strings counted above.
            *slot = unsafe { ap.next_arg::<*const c_char>() };
        }
        a[n] = core::ptr::null();
        let envp = if env {
            if n > 0 {
                // SAFETY: skips the NULL counted above.
                let _ = unsafe { ap.next_arg::<*const c_char>() };
            }
            // SAFETY: execle's environment follows the NULL.
            unsafe { ap.next_arg::<*const *const c_char>() }
        } else {
            environ()
        };
        run(a.as_ptr(), envp)
    })
}

/// execl(3): `execv` with the arguments listed, ended by a NULL.
///
/// # Safety
/// C strings, the list ended by a null pointer.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execl(path: *const c_char, arg0: *const c_char, ap: ...) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { exec_list(arg0, ap, false, &mut |a, e| execve(path, a, e)) }
}

/// execle(3): `execve` with the arguments listed, ended by a NULL that is
/// followed by the environment.
///
/// # Safety
/// As for `execl`, then an environment array.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execle(path: *const c_char, arg0: *const c_char, ap: ...) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { exec_list(arg0, ap, true, &mut |a, e| execve(path, a, e)) }
}

/// execlp(3): `execvp` with the arguments listed, ended by a NULL.
///
/// # Safety
/// As for `execl`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execlp(file: *const c_char, arg0: *const c_char, ap: ...) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { exec_list(arg0, ap, false, &mut |a, e| execvpe(file, a, e)) }
}

/// execvp(3): `execvpe` with the caller's environment.
///
/// # Safety
/// As for `execve`, `file` a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execvp(file: *const c_char, argv: *const *const c_char) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { execvpe(file, argv, environ()) }
}

/// `execve`, and for a file the kernel cannot run (`ENOEXEC`), `/bin/sh`
/// with `path` as its script: `sh path argv[1]...`. The raw error.
///
/// # Safety
/// As for `execve`.
unsafe fn exec_or_script(
    path: *const c_char,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> Errno {
    // SAFETY: as the caller promises.
    let r = unsafe { crate::syscall!(__NR_execve, path, argv, envp) };
    let e = Errno::from_raw(-(r as isize) as c_int);
    if e != Errno::ENOEXEC {
        return e;
    }
    let mut argc = 0;
    // SAFETY: argv is NULL-terminated.
    while !unsafe { *argv.add(argc) }.is_null() {
        argc += 1;
    }
    let sh = b"/bin/sh\0";
    let mut err = Errno::ENOEXEC;
    let r = with_args(argc.max(1) + 1, &mut |a| {
        a[0] = sh[5..].as_ptr().cast();
        a[1] = path;
        for (slot, i) in a[2..].iter_mut().zip(1..argc) {
            // SAFETY: i < argc.
            *slot = unsafe { *argv.add(i) };
        }
        a[argc.max(1) + 1] = core::ptr::null();
        // SAFETY: a NULL-terminated array of the caller's strings.
        let r = unsafe { crate::syscall!(__NR_execve, sh.as_ptr(), a.as_ptr(), envp) };
        err = Errno::from_raw(-(r as isize) as c_int);
        -1
    });
    if r == -1 && err == Errno::ENOEXEC {
        // with_args failed to allocate: errno says why.
        return Errno::last();
    }
    err
}

/// The value of `PATH` in `envp`, or the default.
///
/// # Safety
/// `envp` is NULL or a NULL-terminated array of C strings.
pub(super) unsafe fn path_of(envp: *const *const c_char) -> &'static [u8] {
    if envp.is_null() {
        return DEFAULT_PATH;
    }
    let mut i = 0;
    loop {
        // SAFETY: NULL-terminated.
        let s = unsafe { *envp.add(i) };
        if s.is_null() {
            return DEFAULT_PATH;
        }
        // SAFETY: a C string.
        let bytes = unsafe { core::slice::from_raw_parts(s.cast::<u8>(), c_len(s)) };
        if let Some(v) = bytes.strip_prefix(b"PATH=") {
            return v;
        }
        i += 1;
    }
}

/// execvpe(3): `execve` of `file` looked up along `PATH` (of the caller's
/// environment, as glibc), with environment `envp`; see the module notes.
///
/// # Safety
/// As for `execve`, `file` a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn execvpe(
    file: *const c_char,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> c_int {
    // SAFETY: a C string.
    let name = unsafe { core::slice::from_raw_parts(file.cast::<u8>(), c_len(file)) };
    if name.is_empty() {
        Errno::ENOENT.set_last();
        return -1;
    }
    if name.contains(&b'/') {
        // SAFETY: as the caller promises.
        unsafe { exec_or_script(file, argv, envp) }.set_last();
        return -1;
    }
    if name.len() > 255 {
        Errno::ENAMETOOLONG.set_last();
        return -1;
    }
    // SAFETY: the process environment, as glibc searches.
    let path = unsafe { path_of(environ()) };
    let mut buf = [0u8; PATH_MAX + 1];
    let mut eacces = false;
    let mut last = Errno::ENOENT;
    for dir in path.split(|&b| b == b':') {
        let dir_len = if dir.is_empty() { 0 } else { dir.len() + 1 };
        if dir_len + name.len() + 1 > buf.len() {
            last = Errno::ENAMETOOLONG;
            continue;
        }
        buf[..dir.len()].copy_from_slice(dir);
        if !dir.is_empty() {
            buf[dir.len()] = b'/';
        }
        buf[dir_len..dir_len + name.len()].copy_from_slice(name);
        buf[dir_len + name.len()] = 0;
        // SAFETY: `buf` holds a C string; the rest is the caller's.
        let e = unsafe { exec_or_script(buf.as_ptr().cast(), argv, envp) };
        match e {
            Errno::EACCES => eacces = true,
            Errno::ENOENT | Errno::ENOTDIR | Errno::ENODEV | Errno::ETIMEDOUT | Errno::ESTALE => {}
            _ => {
                e.set_last();
                return -1;
            }
        }
        last = e;
    }
    if eacces { Errno::EACCES } else { last }.set_last();
    -1
}
