//! `__muslin_copy(dst, src, n)`: copies `n` bytes between buffers that do
//! not overlap, for the copies every program runs (the TLS image).
//!
//! LLVM expands a copy of variable length inline into an MVC loop whose
//! last, partial MVC runs through `exrl` on a one-instruction template. It
//! emits all of a module's templates together into the plain `.text`
//! section, so one live user keeps every template of the whole library in
//! every program (46 of them, 276 bytes). This copy keeps its template in
//! its own section.
//!
//! r2 = dst, r3 = src, r4 = n. With m = n - 1, the loop moves the m / 256
//! whole 256-byte blocks and the `exrl` the last (m mod 256) + 1 bytes: it
//! ORs r4's low byte into the template's length field, which MVC reads as
//! length - 1.

asm_function! {
    name: "__muslin_copy",
    body: [
        "    aghi %r4, -1",            // r4 = n - 1, cc = its sign
        "    bmr %r14",                // n == 0: nothing to copy
        "    srlg %r1, %r4, 8",        // r1 = whole blocks
        "    ltgr %r1, %r1",           // (srlg sets no condition code)
        "    jz 2f",
        "1:  mvc 0(256,%r2), 0(%r3)",
        "    la %r2, 256(%r2)",
        "    la %r3, 256(%r3)",
        "    brctg %r1, 1b",
        "2:  exrl %r4, 3f",            // the last 1..256 bytes
        "    br %r14",
        "3:  mvc 0(1,%r2), 0(%r3)",    // template: only executed by exrl
    ]
}

unsafe extern "C" {
    fn __muslin_copy(dst: *mut u8, src: *const u8, n: usize);
}

/// Copies `n` bytes from `src` to `dst`.
///
/// # Safety
/// As [`core::ptr::copy_nonoverlapping`]: both valid for `n` bytes, not
/// overlapping.
#[inline(always)]
pub unsafe fn copy(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: as the caller promises; __muslin_copy touches only r1-r4.
    unsafe { __muslin_copy(dst, src, n) }
}
