//! uname(2).

use super::ret_zero;
use crate::syscall::uname::{UtsName, uname_into};
use core::ffi::c_int;

/// uname(2): fills `*buf`; `EFAULT` for a bad pointer.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn uname(buf: *mut UtsName) -> c_int {
    if buf.is_null() {
        crate::Errno::EFAULT.set_last();
        return -1;
    }
    // SAFETY: C passes a writable `struct utsname`.
    ret_zero(uname_into(unsafe { &mut *buf }))
}
