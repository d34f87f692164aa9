//! TLS variant I: `tpidr_el0` points at the end of the thread descriptor; the
//! TLS block follows a 16-byte gap reserved by the ABI (the linker resolves
//! local-exec offsets as round_up(16, p_align) + offset in the segment).

use core::arch::asm;

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// The ABI's two reserved words between the thread pointer and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 16;
/// The thread pointer is the end of the descriptor itself.
pub const TP_OFFSET: usize = 0;

/// Sets this thread's thread pointer; returns the raw result (always 0: the
/// register is writable from user mode, no syscall needed).
///
/// # Safety
/// `tp` must be laid out as [`crate::thread::tls`] expects: descriptor below,
/// TLS block above.
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    // SAFETY: tpidr_el0 is this thread's user read/write TLS register; nothing
    // else in the process reads it but the TLS and descriptor accessors.
    unsafe { asm!("msr tpidr_el0, {}", in(reg) tp, options(nostack, preserves_flags)) };
    0
}

/// Reads the thread pointer (`tpidr_el0`).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: reading tpidr_el0 has no side effects.
    unsafe { asm!("mrs {}, tpidr_el0", out(reg) tp, options(nomem, nostack, preserves_flags)) };
    tp
}
