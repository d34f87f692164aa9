//! The interrupted context a `SA_SIGINFO` handler receives (`ucontext_t`):
//! reading and redirecting its program counter, reading its stack pointer.
//! The byte offsets come from each arch's `signal.rs`.

use crate::arch::signal::{UCONTEXT_PC, UCONTEXT_SP};
use core::ffi::c_void;

/// The PC at which the signal interrupted the thread.
///
/// # Safety
/// `uc` must be the third argument of a running `SA_SIGINFO` handler.
pub unsafe fn pc(uc: *const c_void) -> usize {
    // SAFETY: the kernel's ucontext holds the PC at this offset.
    unsafe {
        uc.cast::<u8>()
            .add(UCONTEXT_PC)
            .cast::<usize>()
            .read_unaligned()
    }
}

/// The interrupted stack pointer.
///
/// # Safety
/// As [`pc`].
pub unsafe fn sp(uc: *const c_void) -> usize {
    // SAFETY: the kernel's ucontext holds the SP at this offset.
    unsafe {
        uc.cast::<u8>()
            .add(UCONTEXT_SP)
            .cast::<usize>()
            .read_unaligned()
    }
}

/// Makes the thread resume at `pc` when the handler returns.
///
/// # Safety
/// As [`pc`]; `pc` must be code that is valid to run in the interrupted state.
pub unsafe fn set_pc(uc: *mut c_void, pc: usize) {
    // SAFETY: as above; sigreturn reloads the PC from here.
    unsafe {
        uc.cast::<u8>()
            .add(UCONTEXT_PC)
            .cast::<usize>()
            .write_unaligned(pc)
    }
}

/// The arch's fault probe (`arch/<arch>/probe.rs`): a function whose load
/// from address 0 faults at [`probe::fault_address`]; a SIGSEGV handler that
/// moves the PC to [`probe::resume_address`] makes it return 7.
pub mod probe {
    unsafe extern "C" {
        fn __muslin_probe() -> usize;
        static __muslin_probe_fault: u8;
        static __muslin_probe_resume: u8;
    }

    /// Runs the probe; returns 7 when the handler redirected it.
    ///
    /// # Safety
    /// A SIGSEGV handler that redirects the PC must be installed.
    pub unsafe fn run() -> usize {
        // SAFETY: the caller installed the handler that makes this return.
        unsafe { __muslin_probe() }
    }

    /// Address of the faulting load.
    pub fn fault_address() -> usize {
        (&raw const __muslin_probe_fault) as usize
    }

    /// Address the handler should resume at.
    pub fn resume_address() -> usize {
        (&raw const __muslin_probe_resume) as usize
    }
}
