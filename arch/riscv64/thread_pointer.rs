//! TLS variant I: `tp` points at the end of the thread descriptor, which is
//! also the start of the TLS block; the psABI leaves no gap (the linker
//! resolves local-exec offsets from the start of the PT_TLS segment).

/// TLS lives above the thread pointer (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// No reserved words between the thread pointer and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the end of the descriptor itself.
pub const TP_OFFSET: usize = 0;

// tp (x4) is reserved by the psABI for the thread pointer.
thread_pointer_register! {
    set: "mv tp, {}", // tp = the new thread pointer
    get: "mv {}, tp", // the operand = tp
}
