//! Thread-specific data: process-wide keys with optional destructors, a
//! value per key in each thread's descriptor.

use super::descriptor::{KEYS_MAX, ThreadDescriptor};
use crate::errno::{Errno, Result};
use core::ffi::c_void;
use core::sync::atomic::{AtomicUsize, Ordering};

/// Per key: 0 free, 1 in use without destructor, else the destructor's
/// address.
static KEYS: [AtomicUsize; KEYS_MAX] = [const { AtomicUsize::new(0) }; KEYS_MAX];

/// Rounds of destructor calls at thread exit (`PTHREAD_DESTRUCTOR_ITERATIONS`).
pub const DESTRUCTOR_ITERATIONS: usize = 4;

/// A thread-specific-data destructor.
pub type Destructor = unsafe extern "C" fn(*mut c_void);

/// Allocates a key; `EAGAIN` when all are in use.
pub fn create(dtor: Option<Destructor>) -> Result<usize> {
    let v = dtor.map_or(1, |d| d as usize);
    for (k, slot) in KEYS.iter().enumerate() {
        if slot
            .compare_exchange(0, v, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return Ok(k);
        }
    }
    Err(Errno::EAGAIN)
}

/// Frees a key (its destructor no longer runs); `EINVAL` if not allocated.
pub fn delete(key: usize) -> Result<()> {
    let slot = KEYS.get(key).ok_or(Errno::EINVAL)?;
    if slot.swap(0, Ordering::AcqRel) == 0 {
        return Err(Errno::EINVAL);
    }
    Ok(())
}

/// This thread's value for `key` (null if unset or invalid).
pub fn get(key: usize) -> *mut c_void {
    super::current()
        .tsd
        .get(key)
        .map_or(core::ptr::null_mut(), |c| c.get())
}

/// Sets this thread's value for `key`.
pub fn set(key: usize, value: *mut c_void) -> Result<()> {
    if KEYS.get(key).is_none_or(|k| k.load(Ordering::Acquire) == 0) {
        return Err(Errno::EINVAL);
    }
    super::current().tsd[key].set(value);
    Ok(())
}

/// Runs destructors for non-null values, up to
/// [`DESTRUCTOR_ITERATIONS`] rounds while destructors set new values.
pub(crate) fn run_destructors(t: &ThreadDescriptor) {
    for _ in 0..DESTRUCTOR_ITERATIONS {
        let mut ran = false;
        for (k, slot) in KEYS.iter().enumerate() {
            let d = slot.load(Ordering::Acquire);
            let v = t.tsd[k].get();
            if d > 1 && !v.is_null() {
                t.tsd[k].set(core::ptr::null_mut());
                // SAFETY: `d` was registered as a destructor for this key.
                unsafe { core::mem::transmute::<usize, Destructor>(d)(v) };
                ran = true;
            }
        }
        if !ran {
            break;
        }
    }
}
