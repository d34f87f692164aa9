//! The environment functions of `<stdlib.h>`: `getenv`, `setenv`,
//! `unsetenv`, `putenv`, `clearenv`, over [`crate::env`]'s `environ`.
//!
//! `setenv` needs the allocator and a lock, which the `env` layer (below
//! both) cannot use, so the bookkeeping of what it allocated lives here:
//! every string it makes and the array it last installed are freed once
//! nothing in `environ` refers to them; the start-up environment is never
//! freed.

use crate::Errno;
use crate::env::{is_valid_name, value_of};
use crate::malloc::c_api as m;
use crate::thread::futex::Lock;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

/// getenv(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    if name.is_null() {
        return null_mut();
    }
    // SAFETY: C passes a NUL-terminated name.
    let name = unsafe { CStr::from_ptr(name) };
    crate::env::var(name.to_bytes()).map_or(null_mut(), |v| v.as_ptr().cast_mut())
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

/// The bytes of `name`, or `EINVAL` when it is null or not a valid
/// variable name.
///
/// # Safety
/// `name` is null or NUL-terminated, and outlives the result.
unsafe fn name_bytes<'a>(name: *const c_char) -> Result<&'a [u8], Errno> {
    if name.is_null() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: as the caller says.
    let bytes = unsafe { CStr::from_ptr(name) }.to_bytes();
    if !is_valid_name(bytes) {
        return Err(Errno::EINVAL);
    }
    Ok(bytes)
}

/// Whether environment entry `e` is `name=…`.
///
/// # Safety
/// `e` is NUL-terminated.
unsafe fn matches(e: *const c_char, name: &[u8]) -> bool {
    // SAFETY: as the caller says.
    value_of(unsafe { CStr::from_ptr(e) }.to_bytes(), name).is_some()
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
#[linkage = "weak"]
pub unsafe extern "C" fn setenv(
    name: *const c_char,
    value: *const c_char,
    overwrite: c_int,
) -> c_int {
    // SAFETY: C passes NUL-terminated strings.
    let name = match unsafe { name_bytes(name) } {
        Ok(n) => n,
        Err(e) => {
            e.set_last();
            return -1;
        }
    };
    ENV_LOCK.lock();
    // SAFETY: under ENV_LOCK; C passes a NUL-terminated value.
    let r = unsafe { set_locked(name, value, overwrite != 0) };
    ENV_LOCK.unlock();
    super::ret_zero(r)
}

/// `setenv` under the lock.
///
/// # Safety
/// Under `ENV_LOCK`; `value` is NUL-terminated.
unsafe fn set_locked(name: &[u8], value: *const c_char, overwrite: bool) -> Result<(), Errno> {
    // SAFETY: `environ` is only changed under ENV_LOCK.
    let env = unsafe { crate::env::environ };
    let mut count = 0;
    let mut found = None;
    if !env.is_null() {
        // SAFETY: `environ` is a NULL-terminated array of strings.
        unsafe {
            while !(*env.add(count)).is_null() {
                if found.is_none() && matches(*env.add(count), name) {
                    found = Some(count);
                }
                count += 1;
            }
        }
    }
    if found.is_some() && !overwrite {
        return Ok(());
    }
    let n = name.len();
    // SAFETY: `value` is NUL-terminated.
    let vlen = unsafe { CStr::from_ptr(value) }.count_bytes();
    let entry = m::malloc(n + 1 + vlen + 1).cast::<c_char>();
    if entry.is_null() {
        return Err(Errno::ENOMEM);
    }
    // SAFETY: `entry` holds `n + vlen + 2` bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(name.as_ptr().cast(), entry, n);
        *entry.add(n) = b'=' as c_char;
        core::ptr::copy_nonoverlapping(value, entry.add(n + 1), vlen + 1);
    }
    // SAFETY: under ENV_LOCK.
    if !unsafe { remember(entry) } {
        // SAFETY: `entry` is ours and unused.
        unsafe { m::free(entry.cast()) };
        return Err(Errno::ENOMEM);
    }
    // SAFETY: under ENV_LOCK; `env` is `environ` with `count` entries.
    unsafe { install_locked(env, count, found, entry) }
}

/// Puts `entry` into `environ` (`count` entries long): in place of entry
/// `found`, or appended to a grown copy of the array. On failure `entry`
/// is released (freed if `setenv` made it).
///
/// # Safety
/// Under `ENV_LOCK`; `env` is `environ`, `count` its length, `found` an
/// index below it.
unsafe fn install_locked(
    env: *mut *mut c_char,
    count: usize,
    found: Option<usize>,
    entry: *mut c_char,
) -> Result<(), Errno> {
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
#[linkage = "weak"]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    // SAFETY: C passes a NUL-terminated string.
    let name = match unsafe { name_bytes(name) } {
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
                if matches(e, name) {
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

/// Takes (`take`) or releases the environment lock around `fork`, so that
/// the child never sees `environ` halfway through a change.
pub(super) fn fork_lock(take: bool) {
    if take {
        ENV_LOCK.lock();
    } else {
        ENV_LOCK.unlock();
    }
}

/// putenv(3): makes `s` (`NAME=value`, not copied: it stays part of the
/// environment) the entry for `NAME`. A string without `=` removes `NAME`,
/// as glibc does. `ENOMEM` when the array cannot grow.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn putenv(s: *mut c_char) -> c_int {
    if s.is_null() {
        Errno::EINVAL.set_last();
        return -1;
    }
    // SAFETY: C passes a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
    let Some(eq) = bytes.iter().position(|&c| c == b'=') else {
        // SAFETY: as above.
        return unsafe { unsetenv(s) };
    };
    let name = &bytes[..eq];
    if name.is_empty() {
        Errno::EINVAL.set_last();
        return -1;
    }
    ENV_LOCK.lock();
    // SAFETY: `environ` is only changed under ENV_LOCK and is a
    // NULL-terminated array of strings.
    let r = unsafe {
        let env = crate::env::environ;
        let mut count = 0;
        let mut found = None;
        if !env.is_null() {
            while !(*env.add(count)).is_null() {
                if found.is_none() && matches(*env.add(count), name) {
                    found = Some(count);
                }
                count += 1;
            }
        }
        install_locked(env, count, found, s)
    };
    ENV_LOCK.unlock();
    super::ret_zero(r)
}

/// clearenv(3): empties the environment (`environ` becomes NULL, as in
/// glibc), freeing what `setenv` allocated. Always 0.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn clearenv() -> c_int {
    ENV_LOCK.lock();
    // SAFETY: under ENV_LOCK; the strings and the array leave `environ`
    // before they are freed.
    unsafe {
        crate::env::environ = null_mut();
        let o = &mut *OWNED.0.get();
        for i in 0..o.len {
            m::free((*o.strings.add(i)).cast());
        }
        o.len = 0;
        m::free(o.array.cast());
        o.array = null_mut();
    }
    ENV_LOCK.unlock();
    0
}
