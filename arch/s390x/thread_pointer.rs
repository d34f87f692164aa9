//! TLS variant II: the TLS block ends at the thread pointer, which points at
//! the thread descriptor. The pointer lives in access registers a0 (high 32
//! bits) and a1 (low 32 bits), which user code reads and writes directly.

use core::arch::asm;

/// TLS lives below the thread pointer (variant II).
pub const TLS_ABOVE_TP: bool = false;
/// Unused in variant II.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the descriptor's address itself.
pub const TP_OFFSET: usize = 0;

/// Sets this thread's thread pointer (no system call needed); returns 0.
///
/// # Safety
/// `tp` must point at a live, correctly laid out thread descriptor.
#[inline(always)]
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    // SAFETY: a0/a1 are the ABI's thread-pointer registers; the compiler
    // only reads them for TLS accesses.
    unsafe {
        asm!(
            "sar %a1, {tp}",           // a1 = low 32 bits of tp
            "srlg {tp}, {tp}, 32",     // tp register = high 32 bits of tp
            "sar %a0, {tp}",           // a0 = high 32 bits of tp
            tp = inout(reg) tp as usize => _,
            // Not `nomem`: TLS accesses must not move across the switch.
            options(nostack, preserves_flags)
        )
    };
    0
}

/// Reads the thread pointer from a0:a1.
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: reading the access registers has no side effects.
    unsafe {
        asm!(
            "ear {tp}, %a0",           // low word = a0 (high word unchanged)
            "sllg {tp}, {tp}, 32",     // move it to the high word, low word = 0
            "ear {tp}, %a1",           // low word = a1: tp = a0:a1
            tp = out(reg) tp,
            options(nostack, nomem, preserves_flags)
        )
    };
    tp
}
