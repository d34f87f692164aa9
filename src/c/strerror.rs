//! strerror(3): the message [`crate::errno::message_of`] has for a number,
//! and "Unknown error N" for the rest.

use crate::errno::{message_of, unknown_message};
use core::ffi::{c_char, c_int};
use core::sync::atomic::AtomicU8;
use core::sync::atomic::Ordering::Relaxed;

/// strerror(3). An unknown number's message lives in one static buffer that
/// the next such call overwrites (POSIX allows that); it is written with
/// atomic byte stores, so concurrent calls garble text but are not UB.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn strerror(n: c_int) -> *mut c_char {
    if let Some(m) = message_of(n) {
        return m.as_ptr().cast_mut();
    }
    static BUF: [AtomicU8; 32] = [const { AtomicU8::new(0) }; 32];
    let mut tmp = [0u8; 32];
    let len = unknown_message(n, &mut tmp);
    for (slot, &b) in BUF.iter().zip(&tmp[..=len]) {
        slot.store(b, Relaxed);
    }
    BUF.as_ptr().cast::<c_char>().cast_mut()
}
