//! `<dirent.h>`: directory streams over `getdents64`.
//!
//! A `DIR` is one `malloc`ed block: the descriptor, a buffer of kernel
//! records and where reading stands in it. The kernel's `linux_dirent64`
//! has the layout of the C `struct dirent` (the name at offset 19), so
//! `readdir` hands out pointers into the buffer as glibc and musl do; a
//! record is as long as its name needs, not `sizeof(struct dirent)`.

use crate::Errno;
use crate::errno::Result;
use crate::malloc::c_api::{free, malloc, realloc};
use crate::syscall::fd::{self, Fd, OwnedFd};
use crate::syscall::fs;
use crate::thread::cancel::c_point;
use core::ffi::{CStr, c_char, c_int, c_long, c_void};
use core::ptr::null_mut;
use linux_raw_sys::general::{O_CLOEXEC, O_DIRECTORY, O_RDONLY, S_IFDIR, S_IFMT};

/// `struct dirent`: the kernel's `linux_dirent64` with a full-size name.
#[repr(C)]
pub struct Dirent {
    /// Inode number.
    pub d_ino: u64,
    /// The position after this entry, for `seekdir`.
    pub d_off: i64,
    /// This record's length in the buffer.
    pub d_reclen: u16,
    /// The file's type (`DT_*`), or `DT_UNKNOWN`.
    pub d_type: u8,
    /// The name, NUL-terminated.
    pub d_name: [c_char; 256],
}

/// Bytes of records read at once.
const BUF_LEN: usize = 4096;

/// `DIR`: an open directory stream.
#[repr(C)]
pub struct Dir {
    /// The directory's descriptor (`dirfd`).
    fd: c_int,
    /// Offset of the next record in `buf`.
    pos: usize,
    /// End of the records in `buf`.
    end: usize,
    /// `d_off` of the last entry returned (`telldir`).
    tell: i64,
    /// Positions too large for a `long` (32-bit arches under a 64-bit
    /// kernel's hashes), which `telldir` hands out as `-1 - index`.
    far: *mut i64,
    /// How many `far` holds.
    nfar: usize,
    /// Kernel records; 8-aligned as the records are.
    buf: [u64; BUF_LEN / 8],
}

/// A stream for an open directory descriptor, or null with `ENOMEM`.
fn new_dir(fd: c_int) -> *mut Dir {
    let d = malloc(size_of::<Dir>()).cast::<Dir>();
    if d.is_null() {
        Errno::ENOMEM.set_last();
        return d;
    }
    // SAFETY: a fresh chunk as large as a Dir; only the header needs values.
    unsafe {
        (*d).fd = fd;
        (*d).pos = 0;
        (*d).end = 0;
        (*d).tell = 0;
        (*d).far = null_mut();
        (*d).nfar = 0;
    }
    d
}

/// opendir(3): the descriptor is close-on-exec.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut Dir {
    let flags = (O_RDONLY | O_DIRECTORY | O_CLOEXEC) as c_int;
    // SAFETY: the kernel validates the path.
    match c_point(unsafe { fd::openat_raw(fd::AT_FDCWD, path.cast(), flags, 0) }) {
        Ok(f) => {
            let d = new_dir(f.0);
            if d.is_null() {
                drop(OwnedFd::new(f));
            }
            d
        }
        Err(e) => {
            e.set_last();
            null_mut()
        }
    }
}

/// fdopendir(3): `fd` must be open on a directory (`EBADF`, `ENOTDIR`);
/// the stream owns it from then on.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fdopendir(fd: c_int) -> *mut Dir {
    if fd < 0 {
        Errno::EBADF.set_last();
        return null_mut();
    }
    match fs::fstat(Fd(fd)) {
        Ok(st) if st.st_mode & S_IFMT == S_IFDIR => new_dir(fd),
        Ok(_) => {
            Errno::ENOTDIR.set_last();
            null_mut()
        }
        Err(e) => {
            e.set_last();
            null_mut()
        }
    }
}

/// closedir(3): closes the descriptor and frees the stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn closedir(d: *mut Dir) -> c_int {
    // SAFETY: the caller passes a stream from opendir.
    let f = unsafe { (*d).fd };
    // SAFETY: the stream and its table were malloced here.
    unsafe {
        free((*d).far.cast());
        free(d.cast());
    }
    // Not a cancellation point: the descriptor must not leak.
    drop(OwnedFd::new(Fd(f)));
    0
}

/// The next record, or `None` at the end.
///
/// # Safety
/// `d` is a stream from `opendir`.
unsafe fn next(d: *mut Dir) -> Result<Option<*mut Dirent>> {
    // SAFETY: the caller passes a valid stream, used by one thread.
    let d = unsafe { &mut *d };
    if d.pos >= d.end {
        // SAFETY: viewing the u64 buffer as bytes.
        let buf = unsafe { core::slice::from_raw_parts_mut(d.buf.as_mut_ptr().cast(), BUF_LEN) };
        match fs::getdents64(Fd(d.fd), buf) {
            Ok(0) => return Ok(None),
            Ok(n) => (d.pos, d.end) = (0, n),
            // A directory removed while open reads as empty.
            Err(e) if e == Errno::ENOENT => return Ok(None),
            Err(e) => return Err(e),
        }
    }
    // SAFETY: the kernel wrote whole, 8-aligned records up to `end`.
    let de = unsafe { d.buf.as_mut_ptr().cast::<u8>().add(d.pos).cast::<Dirent>() };
    // SAFETY: as above.
    let (len, off) = unsafe { ((*de).d_reclen as usize, (*de).d_off) };
    d.pos += len;
    d.tell = off;
    Ok(Some(de))
}

/// readdir(3): the next entry, or null at the end (`errno` unchanged) or
/// on an error (`errno` set). The entry stays valid until the next call
/// on the same stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn readdir(d: *mut Dir) -> *mut Dirent {
    // SAFETY: the caller passes a stream from opendir.
    match unsafe { next(d) } {
        Ok(Some(de)) => de,
        Ok(None) => null_mut(),
        Err(e) => {
            e.set_last();
            null_mut()
        }
    }
}

/// readdir_r(3): copies the next entry into `entry` and points `*result`
/// at it, or sets `*result` to null at the end; returns an error number.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn readdir_r(
    d: *mut Dir,
    entry: *mut Dirent,
    result: *mut *mut Dirent,
) -> c_int {
    // SAFETY: the caller passes a stream, an entry and a result pointer.
    match unsafe { next(d) } {
        Ok(Some(de)) => {
            // SAFETY: the record holds at least d_reclen bytes, and an
            // entry holds a whole Dirent.
            unsafe {
                let n = ((*de).d_reclen as usize).min(size_of::<Dirent>());
                core::ptr::copy_nonoverlapping(de.cast::<u8>(), entry.cast::<u8>(), n);
                *result = entry;
            }
            0
        }
        Ok(None) => {
            // SAFETY: the caller's result pointer.
            unsafe { *result = null_mut() };
            0
        }
        Err(e) => {
            // SAFETY: as above.
            unsafe { *result = null_mut() };
            e.raw()
        }
    }
}

/// A `long` as 64 bits (it is 32 on i386 and arm).
#[allow(clippy::useless_conversion)]
fn wide(v: c_long) -> i64 {
    i64::from(v)
}

/// seekdir(3): back to a position `telldir` gave.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn seekdir(d: *mut Dir, pos: c_long) {
    // SAFETY: the caller passes a stream from opendir.
    let d = unsafe { &mut *d };
    let pos = match usize::try_from(-1 - wide(pos)) {
        // SAFETY: a cookie telldir made indexes the table.
        Ok(i) if i < d.nfar => unsafe { *d.far.add(i) },
        _ => wide(pos),
    };
    let _ = fd::lseek(Fd(d.fd), pos, 0);
    (d.pos, d.end, d.tell) = (0, 0, pos);
}

/// rewinddir(3): back to the first entry.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn rewinddir(d: *mut Dir) {
    // SAFETY: as seekdir.
    unsafe { seekdir(d, 0) }
}

/// telldir(3): the position after the last entry read. One a `long`
/// cannot hold is kept in a table and given as a negative cookie (real
/// positions are never negative); -1 with `ENOMEM` if the table cannot grow.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn telldir(d: *mut Dir) -> c_long {
    // SAFETY: the caller passes a stream from opendir.
    let d = unsafe { &mut *d };
    if let Ok(v) = c_long::try_from(d.tell)
        && v >= 0
    {
        return v;
    }
    // SAFETY: far holds nfar positions.
    let known = (0..d.nfar).find(|&i| unsafe { *d.far.add(i) } == d.tell);
    let i = match known {
        Some(i) => i,
        None => {
            // SAFETY: far is null or our chunk.
            let t = unsafe { realloc(d.far.cast(), (d.nfar + 1) * size_of::<i64>()) };
            if t.is_null() {
                Errno::ENOMEM.set_last();
                return -1;
            }
            d.far = t.cast();
            // SAFETY: the table has room for nfar + 1.
            unsafe { *d.far.add(d.nfar) = d.tell };
            d.nfar += 1;
            d.nfar - 1
        }
    };
    -1 - i as c_long
}

/// dirfd(3): the stream's descriptor.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn dirfd(d: *mut Dir) -> c_int {
    // SAFETY: the caller passes a stream from opendir.
    unsafe { (*d).fd }
}

/// alphasort(3): by name, in byte order (the C locale's collation).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn alphasort(a: *const *const Dirent, b: *const *const Dirent) -> c_int {
    // SAFETY: scandir passes pointers to entries with NUL-terminated names.
    let (x, y) = unsafe {
        (
            CStr::from_ptr((**a).d_name.as_ptr()),
            CStr::from_ptr((**b).d_name.as_ptr()),
        )
    };
    x.cmp(y) as c_int
}

/// scandir's filter.
type Filter = Option<unsafe extern "C" fn(*const Dirent) -> c_int>;
/// scandir's comparison.
type Compar = Option<unsafe extern "C" fn(*const *const Dirent, *const *const Dirent) -> c_int>;

/// Frees the first `n` entries of `list` and the list.
///
/// # Safety
/// `list` holds `n` malloced entries and was malloced itself (or is null).
unsafe fn free_list(list: *mut *mut Dirent, n: usize) {
    for i in 0..n {
        // SAFETY: per the contract.
        unsafe { free((*list.add(i)).cast()) };
    }
    // SAFETY: per the contract.
    unsafe { free(list.cast()) };
}

/// scandir(3): the entries `filter` accepts (all when null), each in its
/// own `malloc`ed block, in a `malloc`ed array sorted by `compar` (read
/// order when null); returns how many, or -1 with `errno`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn scandir(
    path: *const c_char,
    out: *mut *mut *mut Dirent,
    filter: Filter,
    compar: Compar,
) -> c_int {
    // SAFETY: the caller passes a path.
    let d = unsafe { opendir(path) };
    if d.is_null() {
        return -1;
    }
    let (mut list, mut n, mut cap) = (null_mut::<*mut Dirent>(), 0usize, 0usize);
    let err = loop {
        // SAFETY: d is our open stream.
        let de = match unsafe { next(d) } {
            Ok(Some(de)) => de,
            Ok(None) => break None,
            Err(e) => break Some(e),
        };
        if let Some(f) = filter {
            // SAFETY: the filter is the caller's, called on a valid entry.
            if unsafe { f(de) } == 0 {
                continue;
            }
        }
        if n == cap {
            cap = if cap == 0 { 16 } else { cap * 2 };
            // SAFETY: list is null or our chunk.
            let l = unsafe { realloc(list.cast(), cap * size_of::<*mut Dirent>()) };
            if l.is_null() {
                break Some(Errno::ENOMEM);
            }
            list = l.cast();
        }
        // SAFETY: the record holds d_reclen bytes.
        let len = unsafe { (*de).d_reclen as usize }.min(size_of::<Dirent>());
        let copy = malloc(len.max(size_of::<Dirent>())).cast::<Dirent>();
        if copy.is_null() {
            break Some(Errno::ENOMEM);
        }
        // SAFETY: both hold at least `len` bytes; list has room for n+1.
        unsafe {
            core::ptr::copy_nonoverlapping(de.cast::<u8>(), copy.cast::<u8>(), len);
            *list.add(n) = copy;
        }
        n += 1;
    };
    // SAFETY: our stream.
    unsafe { closedir(d) };
    if let Some(e) = err {
        // SAFETY: n entries, all ours.
        unsafe { free_list(list, n) };
        e.set_last();
        return -1;
    }
    if let Some(c) = compar {
        // SAFETY: qsort compares pointers to list elements, which is what
        // a scandir comparison takes (pointers to entry pointers).
        unsafe {
            let c: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int =
                core::mem::transmute(c);
            super::qsort::qsort(list.cast(), n, size_of::<*mut Dirent>(), c);
        }
    }
    // SAFETY: the caller's output pointer.
    unsafe { *out = list };
    n as c_int
}
