//! POSIX named semaphores (`sem_open`, `sem_close`, `sem_unlink`): a
//! semaphore `/NAME` is the file `/dev/shm/sem.NAME`, holding one
//! process-shared `sem_t` that every opener maps.
//!
//! Creation is atomic: the creator initialises the semaphore in a file of
//! a temporary name and then links it to the real one, so no process ever
//! maps a semaphore that is not yet initialised, and of two racing
//! creators exactly one wins (the other opens the winner's, or fails with
//! `EEXIST` under `O_EXCL`).
//!
//! POSIX wants every `sem_open` of one semaphore in a process to return
//! the same address until it is closed as often as it was opened, so the
//! process keeps a table of its open semaphores keyed by the file's device
//! and inode; it has room for [`NSEMS_MAX`] of them (`EMFILE` beyond).
//!
//! None of these is a cancellation point (POSIX names none of them), so
//! their files are opened with the plain system call, not the cancellable
//! one.

use super::ret_zero;
use crate::errno::{Errno, Result};
use crate::syscall::fd::{self, AT_FDCWD, Fd, O_CLOEXEC, O_CREAT, O_RDWR};
use crate::syscall::{fs, mm, process};
use crate::thread::sem::{Semaphore, VALUE_MAX};
use crate::thread::sync::Mutex;
use core::ffi::{CStr, c_char, c_int, c_uint};
use core::mem::size_of;
use core::sync::atomic::{AtomicU32, Ordering};
use linux_raw_sys::general as g;

/// `SEM_NSEMS_MAX`: named semaphores one process may hold open at once.
pub const NSEMS_MAX: usize = 256;

/// `SEM_FAILED`.
const FAILED: *mut Semaphore = core::ptr::null_mut();

const O_EXCL: c_int = g::O_EXCL as c_int;
const O_NOFOLLOW: c_int = g::O_NOFOLLOW as c_int;

/// Where the files live, and the prefix of their names.
const PREFIX: &[u8] = b"/dev/shm/sem.";
/// `NAME_MAX`: the longest file name, prefix included.
const NAME_MAX: usize = 255;
/// A path: the directory, the file name and its NUL.
type Path = [u8; 9 + NAME_MAX + 1];

/// One open semaphore of this process.
#[derive(Copy, Clone)]
struct Open {
    dev: u64,
    ino: u64,
    addr: usize,
    refs: u32,
}

const FREE: Open = Open {
    dev: 0,
    ino: 0,
    addr: 0,
    refs: 0,
};

static TABLE: Mutex<[Open; NSEMS_MAX]> = Mutex::new([FREE; NSEMS_MAX]);

/// The file's path for the semaphore `name`: leading slashes dropped; the
/// rest must be a nonempty file name other than `.` and `..` (`EINVAL`)
/// and short enough (`ENAMETOOLONG`).
///
/// # Safety
/// `name` is NULL or a NUL-terminated string.
unsafe fn path_of(name: *const c_char) -> Result<Path> {
    if name.is_null() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: as the caller promises.
    let mut s = unsafe { CStr::from_ptr(name) }.to_bytes();
    while let [b'/', rest @ ..] = s {
        s = rest;
    }
    if s.is_empty() || s == b"." || s == b".." || s.contains(&b'/') {
        return Err(Errno::EINVAL);
    }
    let file = PREFIX.len() - 9 + s.len();
    if file > NAME_MAX {
        return Err(Errno::ENAMETOOLONG);
    }
    let mut p: Path = [0; 9 + NAME_MAX + 1];
    p[..PREFIX.len()].copy_from_slice(PREFIX);
    p[PREFIX.len()..PREFIX.len() + s.len()].copy_from_slice(s);
    Ok(p)
}

fn cstr(p: &Path) -> &CStr {
    // SAFETY: paths are built zero-filled and never fill the last byte.
    unsafe { CStr::from_ptr(p.as_ptr().cast()) }
}

/// Opens `path` (`openat` from the working directory), not as a
/// cancellation point.
fn open_file(path: &CStr, flags: c_int, mode: u32) -> Result<fd::OwnedFd> {
    // SAFETY: the path is NUL-terminated; the call touches no other memory.
    let r = unsafe { crate::syscall!(__NR_openat, AT_FDCWD.0, path.as_ptr(), flags, mode) };
    crate::syscall::ret(r).map(|f| fd::OwnedFd::new(Fd(f as c_int)))
}

/// Maps the semaphore in the file `fd`.
fn map(fd: Fd) -> Result<*mut Semaphore> {
    let rw = (g::PROT_READ | g::PROT_WRITE) as c_int;
    // SAFETY: a new shared mapping of the file replaces nothing.
    let p = unsafe {
        mm::mmap(
            core::ptr::null_mut(),
            size_of::<Semaphore>(),
            rw,
            g::MAP_SHARED as c_int,
            fd.0,
            0,
        )
    }?;
    Ok(p.cast())
}

fn unmap(p: *mut Semaphore) {
    // SAFETY: the callers unmap only mappings nothing refers to any more.
    let _ = unsafe { mm::munmap(p.cast(), size_of::<Semaphore>()) };
}

/// Appends `-` and `v` in decimal to the temporary name in `p` (starting it
/// when `n` is 0); returns its new length.
fn put_tmp(p: &mut Path, mut n: usize, v: u32) -> usize {
    if n == 0 {
        const TMP: &[u8] = b"/dev/shm/sem.tmp";
        p[..TMP.len()].copy_from_slice(TMP);
        n = TMP.len();
    }
    p[n] = b'-';
    n += 1;
    let mut digits = [0u8; 10];
    let (mut v, mut k) = (v, digits.len());
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let d = &digits[k..];
    p[n..n + d.len()].copy_from_slice(d);
    n + d.len()
}

/// Makes a new semaphore with count `value` under the name `path`:
/// `Ok(None)` when the name was taken meanwhile.
fn create(path: &Path, mode: u32, value: u32) -> Result<Option<(fd::OwnedFd, *mut Semaphore)>> {
    static SEQ: AtomicU32 = AtomicU32::new(0);
    let (tmp, file) = loop {
        let mut tmp: Path = [0; 9 + NAME_MAX + 1];
        let mut n = 0;
        for part in [
            process::getpid() as u32,
            SEQ.fetch_add(1, Ordering::Relaxed),
        ] {
            n = put_tmp(&mut tmp, n, part);
        }
        match open_file(
            cstr(&tmp),
            O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
            mode,
        ) {
            Ok(f) => break (tmp, f),
            Err(Errno::EEXIST) => continue,
            Err(e) => return Err(e),
        }
    };
    let made = (|| {
        fs::ftruncate(file.fd(), size_of::<Semaphore>() as i64)?;
        let sem = map(file.fd())?;
        // SAFETY: a fresh mapping of the right size, seen by no one else.
        if let Err(e) = unsafe { &*sem }.init(value, true) {
            unmap(sem);
            return Err(e);
        }
        Ok(sem)
    })();
    let linked = made.and_then(|sem| {
        // SAFETY: both paths are NUL-terminated.
        match unsafe { fs::linkat_raw(AT_FDCWD, tmp.as_ptr(), AT_FDCWD, path.as_ptr(), 0) } {
            Ok(()) => Ok(Some(sem)),
            Err(Errno::EEXIST) => {
                unmap(sem);
                Ok(None)
            }
            Err(e) => {
                unmap(sem);
                Err(e)
            }
        }
    });
    let _ = fs::unlink(cstr(&tmp));
    Ok(linked?.map(|sem| (file, sem)))
}

/// Enters the mapping `sem` of the file `file` in the table, or returns
/// the address this process already has for that file (and drops `sem`).
fn register(file: &fd::OwnedFd, sem: *mut Semaphore) -> Result<*mut Semaphore> {
    match fs::fstat(file.fd()) {
        Ok(st) => enter(&st, sem),
        Err(e) => {
            unmap(sem);
            Err(e)
        }
    }
}

/// [`register`] for a file whose metadata is at hand.
fn enter(st: &fs::Stat, sem: *mut Semaphore) -> Result<*mut Semaphore> {
    let mut t = TABLE.lock();
    if let Some(o) = t
        .iter_mut()
        .find(|o| o.refs > 0 && o.dev == st.st_dev && o.ino == st.st_ino)
    {
        o.refs += 1;
        unmap(sem);
        return Ok(o.addr as *mut Semaphore);
    }
    match t.iter_mut().find(|o| o.refs == 0) {
        Some(o) => {
            *o = Open {
                dev: st.st_dev,
                ino: st.st_ino,
                addr: sem as usize,
                refs: 1,
            };
            Ok(sem)
        }
        None => {
            unmap(sem);
            Err(Errno::EMFILE)
        }
    }
}

fn open(name: *const c_char, oflag: c_int, mode: u32, value: u32) -> Result<*mut Semaphore> {
    // SAFETY: C passes a NUL-terminated name.
    let path = unsafe { path_of(name) }?;
    let creat = oflag & O_CREAT != 0;
    let excl = creat && oflag & O_EXCL != 0;
    if creat && value > VALUE_MAX {
        return Err(Errno::EINVAL);
    }
    loop {
        if !excl {
            match open_file(cstr(&path), O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0) {
                Ok(file) => {
                    let st = fs::fstat(file.fd())?;
                    if (st.st_size as u64) < size_of::<Semaphore>() as u64 {
                        return Err(Errno::EINVAL);
                    }
                    let sem = map(file.fd())?;
                    return enter(&st, sem);
                }
                Err(Errno::ENOENT) if creat => {}
                Err(e) => return Err(e),
            }
        }
        match create(&path, mode, value)? {
            Some((file, sem)) => return register(&file, sem),
            None if excl => return Err(Errno::EEXIST),
            // Another process created it between our open and link: open
            // theirs.
            None => {}
        }
    }
}

/// sem_open(3): opens the named semaphore `name`, creating it with
/// permission bits `mode` (less the umask) and count `value` under
/// `O_CREAT` (the two further arguments are read only then). `O_EXCL`
/// with `O_CREAT`: `EEXIST` if it exists. Returns `SEM_FAILED` (NULL) and
/// sets `errno` on failure: `ENOENT`, `EACCES`, `EINVAL` (bad name, or
/// `value` above `SEM_VALUE_MAX`), `ENAMETOOLONG`, `EMFILE`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_open(
    name: *const c_char,
    oflag: c_int,
    mut args: ...
) -> *mut Semaphore {
    let (mode, value) = if oflag & O_CREAT != 0 {
        // SAFETY: with O_CREAT the caller passes a mode_t and an unsigned.
        unsafe { (args.next_arg::<c_uint>(), args.next_arg::<c_uint>()) }
    } else {
        (0, 0)
    };
    match open(name, oflag, mode & 0o7777, value) {
        Ok(sem) => sem,
        Err(e) => {
            e.set_last();
            FAILED
        }
    }
}

/// sem_close(3): ends this process's use of a semaphore from `sem_open`
/// (once per successful open); `EINVAL` if `sem` is not one.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sem_close(sem: *mut Semaphore) -> c_int {
    let mut t = TABLE.lock();
    let r = match t.iter_mut().find(|o| o.refs > 0 && o.addr == sem as usize) {
        Some(o) => {
            o.refs -= 1;
            if o.refs == 0 {
                unmap(sem);
                *o = FREE;
            }
            Ok(())
        }
        None => Err(Errno::EINVAL),
    };
    drop(t);
    ret_zero(r)
}

/// sem_unlink(3): removes the name; processes that have the semaphore
/// open keep using it, and a later `sem_open` of the name with `O_CREAT`
/// makes a new one. `ENOENT` if there is no such semaphore.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sem_unlink(name: *const c_char) -> c_int {
    // SAFETY: C passes a NUL-terminated name.
    ret_zero(unsafe { path_of(name) }.and_then(|p| fs::unlink(cstr(&p))))
}
