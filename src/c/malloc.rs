//! The C allocation API over [`crate::malloc`], and the C functions that
//! need it: `strdup`, `strndup`, `setenv`, `unsetenv`.
//!
//! `realloc(p, 0)` frees nothing and returns a minimal chunk (possibly `p`
//! itself, shrunk), like `malloc(0)`: NULL always means failure.

use crate::Errno;
use crate::malloc as m;
use crate::thread::futex::Lock;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

/// Null with `ENOMEM` when `p` is null.
#[inline(always)]
fn enomem(p: *mut u8) -> *mut c_void {
    if p.is_null() {
        Errno::ENOMEM.set_last();
    }
    p.cast()
}

/// malloc(3): `size` bytes aligned to 16; `malloc(0)` is a unique chunk.
#[unsafe(no_mangle)]
pub extern "C" fn malloc(size: usize) -> *mut c_void {
    enomem(m::malloc(size))
}

/// free(3); `free(NULL)` does nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: C passes null or a live chunk.
    unsafe { m::free(p.cast()) }
}

/// calloc(3): zeroed; `n * size` overflowing is `ENOMEM`.
#[unsafe(no_mangle)]
pub extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(total) => enomem(m::zeroed(total, m::ALIGN)),
        None => enomem(null_mut()),
    }
}

/// realloc(3): NULL allocates; size 0 gives a minimal chunk (see the
/// module documentation); on failure the old chunk stays valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    // SAFETY: C passes null or a live chunk.
    enomem(unsafe { m::realloc(p.cast(), size) })
}

/// reallocarray(3): `realloc(p, n * size)` with `ENOMEM` on overflow.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        // SAFETY: C passes null or a live chunk.
        Some(total) => unsafe { realloc(p, total) },
        None => enomem(null_mut()),
    }
}

/// aligned_alloc(3): `EINVAL` unless `align` is a power of two.
#[unsafe(no_mangle)]
pub extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut c_void {
    if !align.is_power_of_two() {
        Errno::EINVAL.set_last();
        return null_mut();
    }
    enomem(m::aligned(size, align))
}

/// memalign(3): as `aligned_alloc`.
#[unsafe(no_mangle)]
pub extern "C" fn memalign(align: usize, size: usize) -> *mut c_void {
    aligned_alloc(align, size)
}

/// posix_memalign(3): returns `EINVAL` unless `align` is a power of two
/// and a multiple of `sizeof(void *)`, `ENOMEM` when out of memory; `errno`
/// is left alone.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> c_int {
    if !align.is_power_of_two() || !align.is_multiple_of(size_of::<*mut c_void>()) {
        return Errno::EINVAL.raw();
    }
    let p = m::aligned(size, align);
    if p.is_null() {
        return Errno::ENOMEM.raw();
    }
    // SAFETY: C passes a writable pointer.
    unsafe { *out = p.cast() };
    0
}

/// malloc_usable_size(3): how many bytes chunk `p` really offers (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> usize {
    // SAFETY: C passes null or a live chunk.
    unsafe { m::usable_size(p.cast()) }
}

/// A fresh NUL-terminated copy of `n` bytes at `s`, or null with `ENOMEM`.
///
/// # Safety
/// `s` must be readable for `n` bytes.
unsafe fn dup(s: *const c_char, n: usize) -> *mut c_char {
    let p = m::malloc(n + 1);
    if p.is_null() {
        Errno::ENOMEM.set_last();
        return null_mut();
    }
    // SAFETY: `p` holds `n + 1` bytes; `s` is readable for `n`.
    unsafe {
        core::ptr::copy_nonoverlapping(s.cast::<u8>(), p, n);
        *p.add(n) = 0;
    }
    p.cast()
}

/// Length of `s` up to `max` bytes.
///
/// # Safety
/// `s` must be readable up to its NUL or `max` bytes, whichever is first.
unsafe fn len_upto(s: *const c_char, max: usize) -> usize {
    let mut n = 0;
    // SAFETY: reads stop at the NUL or at `max`.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// strdup(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: C passes a NUL-terminated string.
    unsafe { dup(s, len_upto(s, usize::MAX)) }
}

/// strndup(3): at most `n` bytes, always NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strndup(s: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: C passes a string readable to its NUL or `n` bytes.
    unsafe { dup(s, len_upto(s, n)) }
}

/// Serialises `setenv`/`unsetenv` and guards [`OWNED`].
static ENV_LOCK: Lock = Lock::new();

/// What `setenv` allocated: the `environ` array it last installed and the
/// strings it made, so that each can be freed once nothing in `environ`
/// refers to it. Touched only under [`ENV_LOCK`].
struct Owned {
    array: *mut *mut c_char,
    strings: *mut *mut c_char,
    len: usize,
    cap: usize,
}

/// [`Owned`] as a shareable static.
struct OwnedCell(UnsafeCell<Owned>);

// SAFETY: the contents are only touched under ENV_LOCK.
unsafe impl Sync for OwnedCell {}

static OWNED: OwnedCell = OwnedCell(UnsafeCell::new(Owned {
    array: null_mut(),
    strings: null_mut(),
    len: 0,
    cap: 0,
}));

/// `EINVAL` unless `name` is a valid variable name; else its length.
///
/// # Safety
/// `name` is null or NUL-terminated.
unsafe fn name_len(name: *const c_char) -> Result<usize, Errno> {
    if name.is_null() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: C passes a NUL-terminated name.
    let n = unsafe { len_upto(name, usize::MAX) };
    // SAFETY: the first `n` bytes are readable.
    let bytes = unsafe { core::slice::from_raw_parts(name.cast::<u8>(), n) };
    if n == 0 || bytes.contains(&b'=') {
        return Err(Errno::EINVAL);
    }
    Ok(n)
}

/// Whether environment entry `e` is `name=…`.
///
/// # Safety
/// `e` is NUL-terminated; `name` has `n` readable bytes.
unsafe fn matches(e: *const c_char, name: *const c_char, n: usize) -> bool {
    // SAFETY: comparison stops at the first difference, so never reads past
    // `e`'s NUL (which differs from every name byte).
    unsafe { (0..n).all(|i| *e.add(i) == *name.add(i)) && *e.add(n) == b'=' as c_char }
}

/// Forgets and frees `s` if `setenv` made it.
///
/// # Safety
/// Under `ENV_LOCK`; `s` is no longer in `environ`.
unsafe fn release(s: *mut c_char) {
    // SAFETY: OWNED is only touched under ENV_LOCK.
    let o = unsafe { &mut *OWNED.0.get() };
    for i in 0..o.len {
        // SAFETY: `strings` holds `len` entries.
        unsafe {
            if *o.strings.add(i) == s {
                o.len -= 1;
                *o.strings.add(i) = *o.strings.add(o.len);
                m::free(s.cast());
                return;
            }
        }
    }
}

/// Records `s` as made by `setenv`; false when out of memory.
///
/// # Safety
/// Under `ENV_LOCK`.
unsafe fn remember(s: *mut c_char) -> bool {
    // SAFETY: OWNED is only touched under ENV_LOCK.
    let o = unsafe { &mut *OWNED.0.get() };
    if o.len == o.cap {
        let cap = (o.cap * 2).max(8);
        // SAFETY: `strings` is null or our chunk.
        let p = unsafe { m::realloc(o.strings.cast(), cap * size_of::<*mut c_char>()) };
        if p.is_null() {
            return false;
        }
        o.strings = p.cast();
        o.cap = cap;
    }
    // SAFETY: `len < cap`.
    unsafe { *o.strings.add(o.len) = s };
    o.len += 1;
    true
}

/// setenv(3): sets `name` to `value`, replacing an existing value only if
/// `overwrite`. `EINVAL` for an empty name or one containing `=`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setenv(
    name: *const c_char,
    value: *const c_char,
    overwrite: c_int,
) -> c_int {
    // SAFETY: C passes NUL-terminated strings.
    let n = match unsafe { name_len(name) } {
        Ok(n) => n,
        Err(e) => {
            e.set_last();
            return -1;
        }
    };
    ENV_LOCK.lock();
    // SAFETY: under ENV_LOCK; C passes NUL-terminated strings.
    let r = unsafe { set_locked(name, n, value, overwrite != 0) };
    ENV_LOCK.unlock();
    r.map_or_else(
        |e| {
            e.set_last();
            -1
        },
        |()| 0,
    )
}

/// `setenv` under the lock.
///
/// # Safety
/// Under `ENV_LOCK`; `name` has `n` bytes, `value` is NUL-terminated.
unsafe fn set_locked(
    name: *const c_char,
    n: usize,
    value: *const c_char,
    overwrite: bool,
) -> Result<(), Errno> {
    // SAFETY: `environ` is only changed under ENV_LOCK.
    let env = unsafe { crate::env::environ };
    let mut count = 0;
    let mut found = None;
    if !env.is_null() {
        // SAFETY: `environ` is a NULL-terminated array of strings.
        unsafe {
            while !(*env.add(count)).is_null() {
                if found.is_none() && matches(*env.add(count), name, n) {
                    found = Some(count);
                }
                count += 1;
            }
        }
    }
    if found.is_some() && !overwrite {
        return Ok(());
    }
    // SAFETY: `value` is NUL-terminated.
    let vlen = unsafe { len_upto(value, usize::MAX) };
    let entry = m::malloc(n + 1 + vlen + 1).cast::<c_char>();
    if entry.is_null() {
        return Err(Errno::ENOMEM);
    }
    // SAFETY: `entry` holds `n + vlen + 2` bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(name, entry, n);
        *entry.add(n) = b'=' as c_char;
        core::ptr::copy_nonoverlapping(value, entry.add(n + 1), vlen + 1);
    }
    // SAFETY: under ENV_LOCK.
    if !unsafe { remember(entry) } {
        // SAFETY: `entry` is ours and unused.
        unsafe { m::free(entry.cast()) };
        return Err(Errno::ENOMEM);
    }
    if let Some(i) = found {
        // SAFETY: `i < count`; the old string leaves `environ`.
        unsafe {
            let old = *env.add(i);
            *env.add(i) = entry;
            release(old);
        }
        return Ok(());
    }
    // Grow: a new array with the old entries, the new one and NULL.
    let array = m::malloc((count + 2) * size_of::<*mut c_char>()).cast::<*mut c_char>();
    if array.is_null() {
        // SAFETY: `entry` is ours and in no array.
        unsafe { release(entry) };
        return Err(Errno::ENOMEM);
    }
    // SAFETY: `array` holds `count + 2` pointers; `env` has `count`.
    unsafe {
        if count > 0 {
            core::ptr::copy_nonoverlapping(env, array, count);
        }
        *array.add(count) = entry;
        *array.add(count + 1) = null_mut();
        crate::env::environ = array;
        let o = &mut *OWNED.0.get();
        if !o.array.is_null() && o.array == env {
            m::free(o.array.cast());
        }
        o.array = array;
    }
    Ok(())
}

/// unsetenv(3): removes every `name=…` entry. `EINVAL` for an empty name or
/// one containing `=`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    // SAFETY: C passes a NUL-terminated string.
    let n = match unsafe { name_len(name) } {
        Ok(n) => n,
        Err(e) => {
            e.set_last();
            return -1;
        }
    };
    ENV_LOCK.lock();
    // SAFETY: `environ` is only changed under ENV_LOCK, and is a
    // NULL-terminated array of strings; entries are moved down in place.
    unsafe {
        let env = crate::env::environ;
        if !env.is_null() {
            let (mut from, mut to) = (0, 0);
            while !(*env.add(from)).is_null() {
                let e = *env.add(from);
                if matches(e, name, n) {
                    release(e);
                } else {
                    *env.add(to) = e;
                    to += 1;
                }
                from += 1;
            }
            *env.add(to) = null_mut();
        }
    }
    ENV_LOCK.unlock();
    0
}
