//! TLS variant I: r13 holds the thread pointer, which points 0x7000 bytes past
//! the start of the TLS block (so signed 16-bit offsets reach 4 KiB below and
//! 60 KiB into it); the descriptor sits just below the block, with no gap.
//! rust-lld resolves TP-relative offsets as `offset in PT_TLS - 0x7000`.

use core::arch::asm;

/// TLS lives above the descriptor (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// No gap between the descriptor and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is this far past the start of the TLS block.
pub const TP_OFFSET: usize = 0x7000;

/// Sets this thread's thread pointer (r13 is an ordinary register that the
/// ABI reserves for it); always succeeds and returns 0.
///
/// # Safety
/// `tp` must be the thread pointer of a live, correctly laid out TLS area.
#[inline(always)]
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    // SAFETY: the compiler never allocates r13; only TLS accesses read it.
    // Not `nomem`: TLS accesses must not move across the switch.
    unsafe { asm!("mr 13, {}", in(reg) tp, options(nostack, preserves_flags)) };
    0
}

/// Reads the thread pointer (r13).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: copying r13 has no side effects.
    unsafe { asm!("mr {}, 13", out(reg) tp, options(nostack, nomem, preserves_flags)) };
    tp
}
