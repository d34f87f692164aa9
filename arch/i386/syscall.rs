//! Raw system calls: `eax` = number and return value, arguments in
//! `ebx ecx edx esi edi ebp`. The kernel preserves every other register.
//!
//! Ordinary calls go through `__kernel_vsyscall`, the vDSO entry the kernel
//! names in `AT_SYSINFO` (it uses `sysenter`/`syscall` where the CPU has
//! them), and through `int $0x80` when there is none (qemu-user gives none).
//! Rust's `asm!` cannot name `esi` and `ebp` on x86-32 (LLVM reserves them),
//! so one assembly function, `__muslin_syscall6`, loads all six argument
//! registers and calls the entry through the pointer `__muslin_vsyscall`.

use core::arch::global_asm;
use core::sync::atomic::{AtomicUsize, Ordering};

// Stack on entry to __muslin_syscall6 (cdecl): [esp] return address,
// [esp+4] nr, [esp+8..+28] a1..a6. After the four pushes everything is 16
// bytes further. __kernel_vsyscall and the int $0x80 stub both preserve
// every register but eax.
asm_function! {
    name: "__muslin_syscall6",
    body: [
        "    push ebp",                           // save callee-saved ebp (arg 6 register)
        "    push edi",                           // save callee-saved edi (arg 5)
        "    push esi",                           // save callee-saved esi (arg 4)
        "    push ebx",                           // save callee-saved ebx (arg 1)
        "    mov eax, dword ptr [esp + 20]",      // eax = nr
        "    mov ebx, dword ptr [esp + 24]",      // ebx = a1
        "    mov ecx, dword ptr [esp + 28]",      // ecx = a2
        "    mov edx, dword ptr [esp + 32]",      // edx = a3
        "    mov esi, dword ptr [esp + 36]",      // esi = a4
        "    mov edi, dword ptr [esp + 40]",      // edi = a5
        "    mov ebp, dword ptr [esp + 44]",      // ebp = a6
        "    call dword ptr [__muslin_vsyscall]", // eax = result; others preserved
        "    pop ebx",                            // restore ebx
        "    pop esi",                            // restore esi
        "    pop edi",                            // restore edi
        "    pop ebp",                            // restore ebp
        "    ret",                                // eax = raw result
    ]
}

// The entry used when the kernel gives no AT_SYSINFO.
asm_function! {
    name: "__muslin_int80",
    body: [
        "    int 0x80", // eax = result of syscall eax(ebx..ebp)
        "    ret",
    ]
}

// The entry __muslin_syscall6 calls; set_vsyscall_entry replaces it.
global_asm!(
    ".pushsection .data.__muslin_vsyscall,\"aw\",@progbits",
    ".balign 4",
    ".globl __muslin_vsyscall",
    ".hidden __muslin_vsyscall",
    ".type __muslin_vsyscall, @object",
    "__muslin_vsyscall:",
    "    .long __muslin_int80", // default: int $0x80
    ".size __muslin_vsyscall, 4",
    ".popsection",
);

unsafe extern "C" {
    fn __muslin_syscall6(
        nr: usize,
        a: usize,
        b: usize,
        c: usize,
        d: usize,
        e: usize,
        f: usize,
    ) -> usize;
    static __muslin_vsyscall: AtomicUsize;
}

/// The call for `syscalls!`: every call goes through `__muslin_syscall6`,
/// with 0 in the registers it does not use.
macro_rules! raw {
    ({}; $nr:ident; [$($r:tt = $a:ident),*]; [$($unused:tt),*]) => {
        __muslin_syscall6($nr, $($a,)* $(raw!(@zero $unused),)*)
    };
    (@zero $unused:tt) => {
        0
    };
}

syscalls! {
    raw: raw,
    with: {},
    args: ["ebx", "ecx", "edx", "esi", "edi", "ebp"],
    six: syscall6,
}

/// Records the vDSO's `__kernel_vsyscall` (`AT_SYSINFO`, 0 when absent) as
/// the entry for later system calls; 0 keeps `int $0x80`.
pub fn set_vsyscall_entry(entry: usize) {
    if entry != 0 {
        // SAFETY: __muslin_vsyscall is a word of writable data defined above;
        // an AtomicUsize has the same layout as that word.
        unsafe { __muslin_vsyscall.store(entry, Ordering::Relaxed) };
    }
}
