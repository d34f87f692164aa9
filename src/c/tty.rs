//! Terminal queries.

use crate::syscall::{Fd, tty};
use core::ffi::c_int;

/// isatty(3): 1 for a terminal; 0 with `errno` (`ENOTTY`, `EBADF`) otherwise.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn isatty(fd: c_int) -> c_int {
    match tty::isatty(Fd(fd)) {
        Ok(()) => 1,
        Err(e) => {
            e.set_last();
            0
        }
    }
}
