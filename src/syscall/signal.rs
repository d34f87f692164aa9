//! Signal system calls. The portable policy (reserved signals, the C
//! `struct sigaction`) lives in [`crate::signal`]; these are the raw calls.

use super::{Result, ret_unit};
use crate::syscall;
use core::ffi::{c_int, c_ulong};

const WORD: usize = c_ulong::BITS as usize;

/// A set of signals 1–64, laid out as the kernel's `sigset_t` (and muslin's
/// C one). Which signals an application may use is [`crate::signal`]'s
/// policy; here every signal number the kernel knows is just a bit.
#[repr(C)]
#[derive(Copy, Clone, PartialEq, Eq, Debug, Default)]
pub struct Sigset {
    bits: [c_ulong; 64 / WORD],
}

impl Sigset {
    /// No signals.
    pub const fn empty() -> Sigset {
        Sigset {
            bits: [0; 64 / WORD],
        }
    }

    /// Every signal, muslin's reserved ones included (for muslin's own use:
    /// blocking everything around a clone or a thread's exit).
    pub const fn all_including_reserved() -> Sigset {
        Sigset {
            bits: [!0; 64 / WORD],
        }
    }

    fn valid(sig: c_int) -> bool {
        sig > 0 && sig <= 64
    }

    fn slot(sig: c_int) -> (usize, c_ulong) {
        let b = (sig - 1) as usize;
        (b / WORD, 1 << (b % WORD))
    }

    /// Adds `sig`, reserved signals included; `EINVAL` for numbers out of range.
    pub fn insert_checked(&mut self, sig: c_int) -> Result<()> {
        if !Self::valid(sig) {
            return Err(super::Errno::EINVAL);
        }
        self.insert_unchecked(sig);
        Ok(())
    }

    /// Adds `sig`, reserved signals included (internal use); numbers out of
    /// range are ignored.
    pub fn insert_unchecked(&mut self, sig: c_int) {
        if Self::valid(sig) {
            let (w, m) = Self::slot(sig);
            self.bits[w] |= m;
        }
    }

    /// Removes `sig`; `EINVAL` for numbers out of range.
    pub fn remove(&mut self, sig: c_int) -> Result<()> {
        if !Self::valid(sig) {
            return Err(super::Errno::EINVAL);
        }
        let (w, m) = Self::slot(sig);
        self.bits[w] &= !m;
        Ok(())
    }

    /// Whether `sig` is in the set; `EINVAL` for numbers out of range.
    pub fn contains(&self, sig: c_int) -> Result<bool> {
        if !Self::valid(sig) {
            return Err(super::Errno::EINVAL);
        }
        let (w, m) = Self::slot(sig);
        Ok(self.bits[w] & m != 0)
    }
}

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

/// `rt_sigpending`: the signals pending for the calling thread or the process.
pub fn rt_sigpending(set: &mut Sigset) -> Result<()> {
    // SAFETY: `set` is a writable Sigset of the kernel's size.
    ret_unit(unsafe { syscall!(__NR_rt_sigpending, set as *mut Sigset, size_of::<Sigset>()) })
}

/// `rt_sigsuspend` (a cancellation point): waits with `mask` as the signal
/// mask until a handler has run; always ends in an error (`EINTR`, or
/// `ECANCELED` when cancellation acted).
pub fn rt_sigsuspend(mask: &Sigset) -> Result<()> {
    // SAFETY: `mask` is a readable Sigset of the kernel's size.
    ret_unit(unsafe {
        crate::syscall_cp!(
            __NR_rt_sigsuspend,
            mask as *const Sigset,
            size_of::<Sigset>()
        )
    })
}

/// `rt_sigtimedwait` (a cancellation point): takes one of the pending
/// signals in `set`, filling `info` (the kernel's 128-byte `siginfo_t`) when
/// not null; `timeout` (a [`super::time::Timespec`]) null waits forever.
/// Returns the signal number.
///
/// # Safety
/// `info` and `timeout` must be null or valid; the kernel reports bad ones
/// as `EFAULT`.
pub unsafe fn rt_sigtimedwait(
    set: &Sigset,
    info: *mut u8,
    timeout: *const super::time::Timespec,
) -> Result<c_int> {
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the caller vouches for the pointers.
    let r = unsafe {
        crate::syscall_cp!(
            __NR_rt_sigtimedwait,
            set as *const Sigset,
            info,
            timeout,
            size_of::<Sigset>()
        )
    };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above; Timespec has the kernel's 64-bit layout here.
    let r = unsafe {
        crate::syscall_cp!(
            __NR_rt_sigtimedwait_time64,
            set as *const Sigset,
            info,
            timeout,
            size_of::<Sigset>()
        )
    };
    super::ret(r).map(|s| s as c_int)
}

/// `rt_sigqueueinfo`: sends `sig` with the caller-built `info` to `pid`.
///
/// # Safety
/// `info` must point at a 128-byte `siginfo_t`.
pub unsafe fn rt_sigqueueinfo(pid: c_int, sig: c_int, info: *const u8) -> Result<()> {
    // SAFETY: the caller vouches for `info`.
    ret_unit(unsafe { syscall!(__NR_rt_sigqueueinfo, pid, sig, info) })
}

/// `sigaltstack`: installs `new` (if not null) as the alternate signal
/// stack, storing the old one in `old` (if not null).
///
/// # Safety
/// Both must be null or point at a C `stack_t`; the kernel reports bad
/// pointers as `EFAULT`.
pub unsafe fn sigaltstack(new: *const u8, old: *mut u8) -> Result<()> {
    // SAFETY: the caller vouches for the pointers.
    ret_unit(unsafe { syscall!(__NR_sigaltstack, new, old) })
}
