//! Signal system calls. The portable policy (reserved signals, the C
//! `struct sigaction`) lives in [`crate::signal`]; these are the raw calls.

use super::{Result, ret_unit};
use crate::signal::Sigset;
use crate::syscall;
use core::ffi::c_int;

/// The kernel's `struct sigaction` on this arch, with muslin's signal set.
pub type KernelSigaction = crate::arch::signal::KernelSigaction<Sigset>;

/// `rt_sigaction`: install `act` (if any) for `sig`, storing the old one in `old`.
///
/// # Safety
/// `act`'s handler must be a valid signal handler for its flags.
pub unsafe fn rt_sigaction(
    sig: c_int,
    act: Option<&KernelSigaction>,
    old: Option<&mut KernelSigaction>,
) -> Result<()> {
    let act = act.map_or(core::ptr::null(), |a| a as *const KernelSigaction);
    let old = old.map_or(core::ptr::null_mut(), |o| o as *mut KernelSigaction);
    // SAFETY: both pointers are null or valid; the caller vouches for the handler.
    ret_unit(unsafe { syscall!(__NR_rt_sigaction, sig, act, old, size_of::<Sigset>()) })
}

/// `rt_sigprocmask`: change (`SIG_BLOCK`/`SIG_UNBLOCK`/`SIG_SETMASK`) the
/// calling thread's mask by `set`, storing the old mask in `old`.
pub fn rt_sigprocmask(how: c_int, set: Option<&Sigset>, old: Option<&mut Sigset>) -> Result<()> {
    let set = set.map_or(core::ptr::null(), |s| s as *const Sigset);
    let old = old.map_or(core::ptr::null_mut(), |o| o as *mut Sigset);
    // SAFETY: both pointers are null or valid Sigsets of the kernel's size.
    ret_unit(unsafe { syscall!(__NR_rt_sigprocmask, how, set, old, size_of::<Sigset>()) })
}
