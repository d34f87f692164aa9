//! TLS variant I: `tp` points at the end of the thread descriptor, which is
//! also the start of the TLS block; the psABI leaves no gap (the linker
//! resolves local-exec offsets from the start of the PT_TLS segment).

use core::arch::asm;

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// No reserved words between the thread pointer and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the end of the descriptor itself.
pub const TP_OFFSET: usize = 0;

/// Sets this thread's thread pointer; returns the raw result (always 0: `tp`
/// is an ordinary register, no syscall needed).
///
/// # Safety
/// `tp` must be laid out as [`crate::thread::tls`] expects: descriptor below,
/// TLS block above.
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    // SAFETY: the psABI reserves tp for the thread pointer; compiled code
    // never allocates it, so only TLS and descriptor accesses see the change.
    unsafe { asm!("mv tp, {}", in(reg) tp, options(nostack, preserves_flags)) };
    0
}

/// Reads the thread pointer (`tp`).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: copying tp has no side effects.
    unsafe { asm!("mv {}, tp", out(reg) tp, options(nomem, nostack, preserves_flags)) };
    tp
}
