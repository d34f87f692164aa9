//! TLS variant I: the thread pointer (TPIDRURO, set by the kernel on the
//! ARM-private `set_tls` call) points just past the thread descriptor; the
//! TLS block starts 8 bytes further (the ABI's TCB size), rounded up to the
//! block's alignment, which is where the linker puts `x(tpoff)`.

use core::arch::asm;
use linux_raw_sys::general::__ARM_NR_set_tls;

// The EABI's helper for code that does not read CP15 itself (rustc's armv7
// targets call it for every TLS access): r0 = thread pointer; every other
// register, flags included, is preserved.
asm_function! {
    name: "__aeabi_read_tp",
    head: [".arm"],
    body: [
        "    mrc p15, 0, r0, c13, c0, 3", // r0 = TPIDRURO
        "    bx lr",                      // return r0
    ]
}

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
    // SAFETY: set_tls only changes this thread's TPIDRURO.
    unsafe { super::syscall::syscall1(__ARM_NR_set_tls as usize, tp as usize) }
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
