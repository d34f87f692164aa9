//! TLS variant I: r13 holds the thread pointer, which points 0x7000 bytes past
//! the start of the TLS block (so signed 16-bit offsets reach 4 KiB below and
//! 60 KiB into it); the descriptor sits just below the block, with no gap.
//! rust-lld resolves TP-relative offsets as `offset in PT_TLS - 0x7000`.

/// TLS lives above the descriptor (variant I).
pub const TLS_ABOVE_TP: bool = true;
/// No gap between the descriptor and the TLS block.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is this far past the start of the TLS block.
pub const TP_OFFSET: usize = 0x7000;

// r13 is reserved by the ELFv2 ABI for the thread pointer.
thread_pointer_register! {
    set: "mr 13, {}", // r13 = the new thread pointer
    get: "mr {}, 13", // the operand = r13
}
