//! `memcpy` and `memset` as one `rep movsb` / `rep stosb` each: with ERMS
//! (Ivy Bridge, Zen 3 and later) and FSRM the microcode copies whole cache
//! lines for large sizes and starts quickly for small ones. They replace
//! compiler_builtins' weak versions, which align with a byte `rep`, copy with
//! `rep movsq` and finish with another byte `rep`: three start-ups instead of
//! one. `memmove` stays compiler_builtins' (a backward `rep` is slow).
//!
//! Both definitions are weak, like every C function muslin exports, so a
//! program's own `memcpy` wins. Against compiler_builtins' equally weak ones,
//! these win because the linker meets muslin's object first: it is the first
//! member of `libmuslin.a` and holds `_start`, which every link needs.

/// memcpy(3): the regions must not overlap.
///
/// # Safety
/// `dst` and `src` valid for `n` bytes.
#[unsafe(naked)]
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    core::arch::naked_asm!(
        "mov rax, rdi", // rax = dst, the return value; rdi = dst, rsi = src
        "mov rcx, rdx", // rcx = n, the count rep decrements
        "rep movsb",    // copy rcx bytes from [rsi] to [rdi], forward (DF is clear)
        "ret",
    )
}

/// memset(3).
///
/// # Safety
/// `dst` valid for `n` bytes.
#[unsafe(naked)]
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    core::arch::naked_asm!(
        "mov r8, rdi",  // r8 = dst, kept for the return value; rdi = dst
        "mov eax, esi", // al = the byte c (the low byte of esi)
        "mov rcx, rdx", // rcx = n, the count rep decrements
        "rep stosb",    // store al into rcx bytes from [rdi], forward
        "mov rax, r8",  // return dst
        "ret",
    )
}
