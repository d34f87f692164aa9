//! Processes and thread ids.

use super::{Result, ret, ret_unit};
use crate::syscall;
use core::ffi::c_int;

/// This process's id.
pub fn getpid() -> c_int {
    // SAFETY: no arguments.
    unsafe { syscall!(__NR_getpid) as c_int }
}

/// The parent's process id.
pub fn getppid() -> c_int {
    // SAFETY: no arguments.
    unsafe { syscall!(__NR_getppid) as c_int }
}

/// This thread's id.
pub fn gettid() -> c_int {
    // SAFETY: no arguments.
    unsafe { syscall!(__NR_gettid) as c_int }
}

/// Ends every thread of the process with `status`.
#[cold]
#[inline(never)]
pub fn exit_group(status: c_int) -> ! {
    // SAFETY: ends the process; touches no memory.
    unsafe { syscall!(__NR_exit_group, status) };
    // exit_group does not return; if it somehow did, keep trying with exit.
    loop {
        // SAFETY: as above.
        unsafe { syscall!(__NR_exit, status) };
    }
}

/// Sends `sig` to process `pid` (see kill(2) for 0 and negative values).
pub fn kill(pid: c_int, sig: c_int) -> Result<()> {
    // SAFETY: no memory is involved.
    ret_unit(unsafe { syscall!(__NR_kill, pid, sig) })
}

/// Sends `sig` to thread `tid` of process `tgid`.
pub fn tgkill(tgid: c_int, tid: c_int, sig: c_int) -> Result<()> {
    // SAFETY: no memory is involved.
    ret_unit(unsafe { syscall!(__NR_tgkill, tgid, tid, sig) })
}

/// Asks the kernel to clear `*tid` and futex-wake it when this thread exits;
/// returns this thread's id.
///
/// # Safety
/// `tid` must stay valid for the life of the thread.
pub unsafe fn set_tid_address(tid: *mut c_int) -> c_int {
    // SAFETY: the caller keeps `tid` alive.
    ret(unsafe { syscall!(__NR_set_tid_address, tid) }).unwrap_or(0) as c_int
}
