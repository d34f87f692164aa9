//! TLS variant I: the thread pointer `$tp` (`$r2`) points at the start of the
//! TLS block itself (no gap, no bias: the linker resolves a TLS symbol's
//! offset as its offset inside `PT_TLS`), and the thread descriptor sits just
//! below it.

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// The TLS block starts right at the thread pointer.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the end of the descriptor, unbiased.
pub const TP_OFFSET: usize = 0;

// $tp ($r2) is reserved by the ABI for the thread pointer.
thread_pointer_register! {
    set: "move $tp, {}", // $tp = the new thread pointer
    get: "move {}, $tp", // the operand = $tp
}
