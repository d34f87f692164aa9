//! TLS variant I: the thread pointer `$tp` (`$r2`) points at the start of the
//! TLS block itself (no gap, no bias: the linker resolves a TLS symbol's
//! offset as its offset inside `PT_TLS`), and the thread descriptor sits just
//! below it.

use core::arch::asm;

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// The TLS block starts right at the thread pointer.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the end of the descriptor, unbiased.
pub const TP_OFFSET: usize = 0;

/// Sets this thread's thread pointer; returns 0 (a plain register write,
/// which cannot fail).
///
/// # Safety
/// `tp` must point just past a live, correctly laid out thread descriptor;
/// every TLS access after this uses it.
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    // SAFETY: $tp is reserved by the ABI for the thread pointer; the compiler
    // never allocates it, so writing it disturbs no Rust state.
    unsafe { asm!("move $tp, {}", in(reg) tp, options(nostack, preserves_flags)) };
    0
}

/// Reads the thread pointer (`$tp`).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: reading $tp has no side effects.
    unsafe { asm!("move {}, $tp", out(reg) tp, options(nomem, nostack, preserves_flags)) };
    tp
}
