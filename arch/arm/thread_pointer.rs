//! TLS variant I: the thread pointer (TPIDRURO, set by the kernel on the
//! ARM-private `set_tls` call) points just past the thread descriptor; the
//! TLS block starts 8 bytes further (the ABI's TCB size), rounded up to the
//! block's alignment, which is where the linker puts `x(tpoff)`.

use core::arch::{asm, global_asm};

// The EABI's helper for code that does not read CP15 itself (rustc's armv7
// targets call it for every TLS access): r0 = thread pointer; every other
// register, flags included, is preserved.
global_asm!(
    ".pushsection .text.__aeabi_read_tp,\"ax\",%progbits",
    ".arm",
    ".globl __aeabi_read_tp",
    ".type __aeabi_read_tp, %function",
    "__aeabi_read_tp:",
    "    mrc p15, 0, r0, c13, c0, 3", // r0 = TPIDRURO
    "    bx lr",                      // return r0
    ".size __aeabi_read_tp, . - __aeabi_read_tp",
    ".popsection",
);

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// The 8-byte TCB between the thread pointer and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 8;
/// The thread pointer is the end of the descriptor.
pub const TP_OFFSET: usize = 0;

/// Sets this thread's thread pointer; returns the raw syscall result.
///
/// # Safety
/// `tp` must point just past a live, correctly laid out thread descriptor.
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    const ARM_NR_SET_TLS: usize = 0x0f_0005; // __ARM_NR_BASE + 5
    // SAFETY: set_tls only changes this thread's TPIDRURO.
    unsafe { super::syscall::syscall1(ARM_NR_SET_TLS, tp as usize) }
}

/// Reads the thread pointer (TPIDRURO, CP15 c13).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: reading TPIDRURO has no side effects; it is readable from
    // user mode on every ARMv7 (HWCAP_TLS).
    unsafe {
        asm!("mrc p15, 0, {}, c13, c0, 3", out(reg) tp,
             options(nostack, readonly, preserves_flags, pure))
    };
    tp
}
