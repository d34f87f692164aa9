//! TLS variant II: the TLS block ends at the thread pointer (%fs base), which
//! points at the thread descriptor; the ABI requires `%fs:0` to hold that same
//! address, which the descriptor's first field provides.

use core::arch::asm;

/// TLS lives below the thread pointer (variant II).
pub const TLS_ABOVE_TP: bool = false;
/// Unused in variant II.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the descriptor's address itself.
pub const TP_OFFSET: usize = 0;

/// Sets this thread's thread pointer; returns the raw syscall result.
///
/// # Safety
/// `tp` must point at a live, correctly laid out thread descriptor.
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    const ARCH_SET_FS: usize = 0x1002;
    // SAFETY: arch_prctl only changes this thread's %fs base.
    unsafe {
        super::syscall::syscall2(
            linux_raw_sys::general::__NR_arch_prctl as usize,
            ARCH_SET_FS,
            tp as usize,
        )
    }
}

/// Reads the thread pointer (through the self pointer at `%fs:0`).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: %fs:0 holds the descriptor's self pointer once start-up set it.
    unsafe {
        asm!("mov {}, qword ptr fs:0", out(reg) tp, options(nostack, readonly, preserves_flags))
    };
    tp
}
