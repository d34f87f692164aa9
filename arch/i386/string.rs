//! `memcpy` and `memset` on i386: `rep movsd` / `rep stosd` for the whole
//! 4-byte words, then `rep movsb` / `rep stosb` for the last 0-3 bytes.
//! compiler_builtins has string instructions only for x86_64; on i386 its
//! weak versions are the generic word loops, about a sixth of the speed
//! at 4 KiB. Weak like every C function muslin exports (a program's own
//! wins), and ahead of compiler_builtins' for the reason given in
//! `x86_64/string.rs`. `memmove` stays compiler_builtins'.

/// memcpy(3): the regions must not overlap.
///
/// # Safety
/// `dst` and `src` valid for `n` bytes.
#[unsafe(naked)]
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    core::arch::naked_asm!(
        "push esi", // esi and edi are the caller's: keep them
        "push edi",
        "mov edi, [esp + 12]", // edi = dst (the arguments start past the two pushes)
        "mov esi, [esp + 16]", // esi = src
        "mov ecx, [esp + 20]", // ecx = n
        "mov eax, edi",        // eax = dst, the return value
        "mov edx, ecx",        // edx = n, for the tail
        "shr ecx, 2",          // ecx = whole 4-byte words
        "rep movsd",           // copy them forward (DF is clear)
        "mov ecx, edx",
        "and ecx, 3", // ecx = the 0-3 bytes left
        "rep movsb",
        "pop edi",
        "pop esi",
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
        "push edi",                       // edi is the caller's: keep it
        "mov edi, [esp + 8]",             // edi = dst (past the push)
        "movzx eax, byte ptr [esp + 12]", // eax = the byte c
        "mov ecx, [esp + 16]",            // ecx = n
        "imul eax, eax, 0x01010101",      // eax = c in all four bytes
        "mov edx, ecx",                   // edx = n, for the tail
        "shr ecx, 2",                     // ecx = whole 4-byte words
        "rep stosd",                      // store eax into them, forward
        "mov ecx, edx",
        "and ecx, 3", // ecx = the 0-3 bytes left
        "rep stosb",
        "mov eax, [esp + 8]", // return dst
        "pop edi",
        "ret",
    )
}
