//! The cancellable system call thunk (see `src/thread/cancel.rs`).
//!
//! `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` (C ABI): the
//! syscall arguments come first so that they already sit where the kernel
//! wants them: rdi rsi rdx rcx r8 r9 = a..f, [rsp+8] = nr, [rsp+16] = &flag.
//! Between `__muslin_cp_begin` and `__muslin_cp_end` the syscall has not
//! taken effect: the flag is tested, `nr` and `d` are moved, and the
//! `syscall` instruction (where a blocked, restartable call is reported) is
//! the last one in the range. `__muslin_cp_cancel` leaves as if the call had
//! never started.

// Aligned to 16: a fresh fetch block for the hot path.
syscall_cp_thunk! {
    head: [".p2align 4"],
    body: [
        "__muslin_cp_begin:",
        "    mov r11, [rsp + 16]",       // r11 = &cancel flag
        "    cmp dword ptr [r11], 0",
        "    jne __muslin_cp_cancel",    // requested: don't make the call
        "    mov rax, [rsp + 8]",        // rax = nr
        "    mov r10, rcx",              // r10 = d (rdi rsi rdx r8 r9 are in place)
        "    syscall",
        "__muslin_cp_end:",
        "    ret",                       // rax = result
        "__muslin_cp_cancel:",
        "    jmp __muslin_cp_cancelled", // nothing pushed: tail-call, returns -ECANCELED
    ]
}
