//! TLS variant I: `tpidr_el0` points at the end of the thread descriptor; the
//! TLS block follows a 16-byte gap reserved by the ABI (the linker resolves
//! local-exec offsets as round_up(16, p_align) + offset in the segment).

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// The ABI's two reserved words between the thread pointer and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 16;
/// The thread pointer is the end of the descriptor itself.
pub const TP_OFFSET: usize = 0;

// tpidr_el0 is the user read/write TLS register.
thread_pointer_register! {
    set: "msr tpidr_el0, {}", // tpidr_el0 = tp
    get: "mrs {}, tpidr_el0", // tp = tpidr_el0
}
