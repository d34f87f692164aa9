//! Everything machine-specific: one folder per architecture, chosen here by
//! `target_arch` (with `crt/`, the only place that selects on it), and the
//! contract every folder fulfils.
//!
//! # The contract
//!
//! The rest of the crate reaches the arch only through the modules below
//! (`arch::syscall`, `arch::signal`, ...), which re-export a fixed list of
//! items from the selected folder and check each one's type. An arch that
//! lacks an item, or gives it another signature, fails to compile. Each
//! folder's `mod.rs` declares these files:
//!
//! - `mod.rs`: [`VDSO_CLOCK_GETTIME`] with its symbol version
//!   [`VDSO_VERSION`], [`ELF_HASH_ENTRY`] (the width of a `DT_HASH` entry:
//!   8 on s390x, 4 elsewhere), [`PAIR_ALIGNED`] (whether a 64-bit system
//!   call argument split across two registers starts at an even one: arm
//!   only), [`TIOCGWINSZ`] and [`WChar`] (C's
//!   `wchar_t`: `u32` on aarch64 and arm, `i32` elsewhere, as clang's
//!   `__WCHAR_TYPE__`; the wide string comparisons order by it).
//! - `syscall.rs`: the raw `syscall0..syscall6` (written with
//!   `syscalls!`) and `set_vsyscall_entry` (i386 records the vDSO's
//!   `__kernel_vsyscall`; the others do nothing).
//! - `syscall_cp.rs`: the cancellable system call thunk
//!   `__muslin_syscall_cp_asm` and its labels (written with
//!   `syscall_cp_thunk!`; see `src/thread/cancel.rs`).
//! - `clone.rs`: `__muslin_clone`, and [`clone::clone_tls`], the value
//!   `CLONE_SETTLS` takes ([`CloneTlsArg`] turns it into the argument).
//! - `thread_exit.rs`: `__muslin_unmap_and_exit`, which unmaps a detached
//!   thread's stack and exits without touching memory in between (written
//!   with `unmap_and_exit!`).
//! - `thread_pointer.rs`: where static TLS sits relative to the thread
//!   pointer, and how to read and set that pointer (with
//!   `thread_pointer_register!` where it is a plain register).
//! - `signal.rs`: the kernel's `sigaction` layout, the signal restorers
//!   (written with `restorers!` where the arch needs them), and where the
//!   interrupted PC, SP and signal mask live in a `ucontext_t`.
//! - `setjmp.rs`: `setjmp`/`_setjmp`, `longjmp`/`_longjmp` and
//!   `sigsetjmp`/`__sigsetjmp` (written with `c_asm_function!`), saving
//!   exactly the registers the arch's ABI calls callee-saved, floating-point
//!   and vector ones included, and [`setjmp::JB_WORDS`], the size of
//!   `jmp_buf`'s register area. `sigsetjmp` calls
//!   `__muslin_sigsetjmp_save(buf, savemask)` (`src/c/setjmp.rs`) with the
//!   callee-saved registers untouched, then joins `setjmp` after its store
//!   of the "no mask" flag, at `__muslin_setjmp_regs`.
//! - `fenv.rs`: the floating-point environment for `<fenv.h>`: the
//!   types `Env` (`fenv_t`) and `Fexcept` (`fexcept_t`), `ALL_EXCEPT` and
//!   the four `ROUNDING` modes (the arch's register bits, which are the C
//!   `FE_*` values), and `test`/`clear`/`raise` of exception flags,
//!   `get_round`/`set_round`, `get_env`/`set_env`/`default_env`, `nonstop`
//!   (all traps off). i386 uses x86_64's (x87 and SSE both).
//! - `probe.rs`: `__muslin_probe`, a load that faults at a known address,
//!   for the tests of the `ucontext_t` offsets (written with `probe!`).
//! - `long_double.rs`: the `long double` layout (`FORMAT`), stepping over
//!   a `long double` vararg (`next_arg`, which returns its address), and
//!   its bits to and from memory (`load`, `to_bytes`), for `%Lf` in printf
//!   and scanf and for `strtold`; `fmt::ldfloat` and `fmt::ldparse` do
//!   the conversions, portably.
//! - `mathl.rs`: the `long double` functions of `<math.h>` (`sqrtl`,
//!   `sinl`, ...) and `nexttoward`/`nexttowardf`, exported under their C
//!   names (on x86 `long double` is returned in `st(0)`, which no Rust type
//!   reaches, so these are arch code), and [`mathl::LDBL_MANT_DIG`]: x87
//!   assembly on x86_64 and i386, binary128 (`binary128_math.rs`) on
//!   aarch64, riscv64, loongarch64 and s390x, the double functions on arm,
//!   double-double on powerpc64le.
//! - `complex.rs`: how a `float _Complex` argument arrives and a result
//!   leaves (see [`complex`]); most arches include the shared
//!   `complex_abi.rs`, where it is the struct [`ComplexF32`].
//! - `include/bits/`: the C headers whose values differ per arch (the
//!   `fcntl.h` flags); `x.py` puts the folder on clang's include path.
//!
//! The assembly functions are declared `extern "C"` where they are called
//! (`src/thread/`, `src/signal/`): a missing one fails the link.
//!
//! # Shared files
//!
//! - `asm_macros.rs`: `asm_function!` (the section, symbol and size
//!   directives of every assembly function), `c_asm_function!` (the same
//!   for functions C calls by name, which are weak) and the macros built on it
//!   that hold the parts of the contract every arch writes alike, each
//!   taking the arch's instructions: `syscall_cp_thunk!`, `probe!`,
//!   `unmap_and_exit!`, `restorers!`; also `thread_pointer_register!`.
//! - `syscall_macro.rs`: `syscalls!`, which writes `syscall0..syscall6`
//!   for every arch over a per-arch macro that makes the call, and
//!   `first_arg_returns!`, that macro for aarch64, arm, riscv64, loongarch64
//!   and s390x (the result comes back in the first argument register);
//!   x86_64, i386 and powerpc64le give their own.
//! - `syscall_arg.rs`: [`SyscallArg`], the conversion of a system call's
//!   arguments to registers (64-bit integers only on 64-bit arches).
//! - `kernel_sigaction.rs`: the kernel's `struct sigaction`, with or without
//!   a restorer field.
//! - `binary128_math.rs`: the binary128 `mathl.rs`, included with `#[path]`
//!   by aarch64, riscv64, loongarch64 and s390x; its trigonometric, inverse
//!   trigonometric, `cbrtl` and `hypotl` functions are the C edge of the
//!   portable `crate::ldmath` (rank 0).
//! - Files one arch borrows from another with `#[path]`: loongarch64's
//!   `long_double.rs` is riscv64's, and i386 includes `x86_64/x87.rs` (the
//!   x87 `long double` in memory).
//!
//! Beyond the contract, `x86_64/string.rs` and `i386/string.rs` provide
//! `memcpy` and `memset` (`rep movsb`/`rep stosb`; `rep movsd`/`rep stosd`)
//! in place of compiler_builtins' versions.

#[macro_use]
mod asm_macros;
#[macro_use]
mod syscall_macro;
mod kernel_sigaction;
mod syscall_arg;

pub use syscall_arg::SyscallArg;

#[cfg(target_arch = "x86_64")]
#[path = "x86_64/mod.rs"]
mod imp;
#[cfg(target_arch = "x86")]
#[path = "i386/mod.rs"]
mod imp;
#[cfg(target_arch = "aarch64")]
#[path = "aarch64/mod.rs"]
mod imp;
#[cfg(target_arch = "arm")]
#[path = "arm/mod.rs"]
mod imp;
#[cfg(target_arch = "riscv64")]
#[path = "riscv64/mod.rs"]
mod imp;
#[cfg(target_arch = "powerpc64")]
#[path = "powerpc64le/mod.rs"]
mod imp;
#[cfg(target_arch = "s390x")]
#[path = "s390x/mod.rs"]
mod imp;
#[cfg(target_arch = "loongarch64")]
#[path = "loongarch64/mod.rs"]
mod imp;

pub use imp::PAIR_ALIGNED;
pub use imp::{ELF_HASH_ENTRY, TIOCGWINSZ, VDSO_CLOCK_GETTIME, VDSO_VERSION, WChar};
const _: bool = PAIR_ALIGNED;
const _: &[u8] = VDSO_CLOCK_GETTIME;
const _: &[u8] = VDSO_VERSION;
const _: usize = ELF_HASH_ENTRY;
const _: usize = TIOCGWINSZ;
// `wchar_t` is 32 bits everywhere; only its signedness differs.
const _: () = assert!(core::mem::size_of::<WChar>() == 4);

/// Raw system calls: the number and up to six arguments in registers, the
/// raw result (`-errno` on failure) back.
pub mod syscall {
    pub use super::imp::syscall::{
        set_vsyscall_entry, syscall0, syscall1, syscall2, syscall3, syscall4, syscall5, syscall6,
    };
    const _: unsafe fn(usize) -> usize = syscall0;
    const _: unsafe fn(usize, usize) -> usize = syscall1;
    const _: unsafe fn(usize, usize, usize) -> usize = syscall2;
    const _: unsafe fn(usize, usize, usize, usize) -> usize = syscall3;
    const _: unsafe fn(usize, usize, usize, usize, usize) -> usize = syscall4;
    const _: unsafe fn(usize, usize, usize, usize, usize, usize) -> usize = syscall5;
    const _: unsafe fn(usize, usize, usize, usize, usize, usize, usize) -> usize = syscall6;
    const _: fn(usize) = set_vsyscall_entry;
}

/// Byte copies on paths every program runs.
pub mod mem {
    /// Copies `n` bytes from `src` to `dst`, which do not overlap. s390x
    /// has its own (see `s390x/copy.rs`): LLVM's inline expansion there
    /// would keep a block of the whole library's copy templates alive.
    #[cfg(target_arch = "s390x")]
    pub use super::imp::copy::copy;

    /// Copies `n` bytes from `src` to `dst`, which do not overlap.
    ///
    /// # Safety
    /// As [`core::ptr::copy_nonoverlapping`].
    #[cfg(not(target_arch = "s390x"))]
    #[inline(always)]
    pub unsafe fn copy(dst: *mut u8, src: *const u8, n: usize) {
        // SAFETY: as the caller promises.
        unsafe { core::ptr::copy_nonoverlapping(src, dst, n) }
    }
    const _: unsafe fn(*mut u8, *const u8, usize) = copy;
}

/// Thread creation: what `CLONE_SETTLS` takes for a new thread pointer.
pub mod clone {
    pub use super::imp::clone::{CloneTls, clone_tls};
    const _: fn(*mut u8) -> CloneTls = clone_tls;
    const _: fn(&CloneTls) -> usize = <CloneTls as super::CloneTlsArg>::as_arg;

    /// fork(2) as clone(2) with only `SIGCHLD`: the child returns here, on
    /// a copy of the caller's stack, with 0; the parent gets the pid, or
    /// `-errno`. Only the order of the first two arguments differs between
    /// arches (s390x takes the stack first); the rest are 0.
    ///
    /// # Safety
    /// The child is a copy of the whole process with one thread: the
    /// caller makes its state consistent there.
    #[inline(always)]
    pub unsafe fn fork() -> usize {
        let flags = linux_raw_sys::general::SIGCHLD as usize;
        let nr = linux_raw_sys::general::__NR_clone as usize;
        #[cfg(target_arch = "s390x")]
        // SAFETY: as the caller promises; no pointer arguments.
        let r = unsafe { super::syscall::syscall5(nr, 0, flags, 0, 0, 0) };
        #[cfg(not(target_arch = "s390x"))]
        // SAFETY: as the caller promises; no pointer arguments.
        let r = unsafe { super::syscall::syscall5(nr, flags, 0, 0, 0, 0) };
        r
    }
}

/// How an arch's `CLONE_SETTLS` value ([`clone::CloneTls`]) reaches the
/// kernel as a system-call argument.
pub trait CloneTlsArg {
    /// The word passed to clone(2); `self` must outlive the call.
    fn as_arg(&self) -> usize;
}

/// Most arches take the new thread pointer itself.
impl CloneTlsArg for *mut u8 {
    fn as_arg(&self) -> usize {
        *self as usize
    }
}

/// The thread pointer and the TLS layout around it.
pub mod thread_pointer {
    pub use super::imp::thread_pointer::{
        TLS_ABOVE_TP, TLS_GAP_ABOVE_TP, TP_OFFSET, set_thread_pointer, thread_pointer,
    };
    const _: bool = TLS_ABOVE_TP;
    const _: usize = TLS_GAP_ABOVE_TP;
    const _: usize = TP_OFFSET;
    const _: unsafe fn(*mut u8) -> usize = set_thread_pointer;
    const _: fn() -> *mut u8 = thread_pointer;
}

/// Signal delivery: the kernel's `sigaction`, restorers, `ucontext_t`.
pub mod signal {
    pub use super::imp::signal::{
        KernelSigaction, SA_RESTORER, UCONTEXT_PC, UCONTEXT_SIGMASK, UCONTEXT_SP, restorer,
    };
    const _: fn(usize, usize, usize, u64) -> KernelSigaction<u64> = KernelSigaction::<u64>::new;
    const _: usize = SA_RESTORER;
    const _: usize = UCONTEXT_PC;
    const _: usize = UCONTEXT_SP;
    const _: usize = UCONTEXT_SIGMASK;
    const _: fn(bool) -> usize = restorer;
}

/// `setjmp` and `longjmp`: the size of `jmp_buf`'s register area (the
/// functions themselves are assembly that C calls by name).
pub mod setjmp {
    pub use super::imp::setjmp::JB_WORDS;
    const _: usize = JB_WORDS;
}

/// The floating-point environment (`<fenv.h>`).
pub mod fenv {
    pub use super::imp::fenv::{
        ALL_EXCEPT, Env, Fexcept, ROUNDING, clear, default_env, get_env, get_round, nonstop, raise,
        set_env, set_round, test,
    };
    const _: u32 = ALL_EXCEPT;
    const _: [u32; 4] = ROUNDING;
    const _: fn() -> u32 = test;
    const _: fn(u32) = clear;
    const _: fn(u32) = raise;
    const _: fn() -> u32 = get_round;
    const _: fn(u32) = set_round;
    const _: fn() -> Env = get_env;
    const _: fn(&Env) = set_env;
    const _: fn() -> Env = default_env;
    const _: fn() = nonstop;
    const _: fn(Fexcept) -> u32 = u32::from;
}

/// `long double` varargs and memory for printf, scanf and `strtold`.
pub mod long_double {
    pub use super::imp::long_double::{FORMAT, load, next_arg, to_bytes};
    use crate::fmt::ldfloat::LdFormat;
    use core::ffi::VaList;
    const _: LdFormat = FORMAT;
    const _: unsafe fn(&mut VaList<'_>) -> *const u8 = next_arg;
    const _: unsafe fn(*const u8) -> u128 = load;
    const _: fn(u128) -> ([u8; 16], usize) = to_bytes;
}

/// The `long double` maths functions: C symbols only (nothing in the crate
/// calls them); the module must exist with the significand's width.
pub mod mathl {
    /// `LDBL_MANT_DIG`: 64 (x87), 113 (binary128), 53 (arm), 106
    /// (double-double).
    #[allow(dead_code)]
    pub const LDBL_MANT_DIG: u32 = super::imp::mathl::LDBL_MANT_DIG;
}

/// A `float _Complex` as C lays it out in memory: two floats, real first.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ComplexF32 {
    /// Real part.
    pub re: f32,
    /// Imaginary part.
    pub im: f32,
}

/// `float _Complex` in the C ABI. clang passes and returns a `double
/// _Complex` exactly like `struct { double re, im; }` on every supported
/// arch (so `crate::complex::Complex` is used as it is), but not a `float
/// _Complex`: i386 returns it in `edx:eax` (the struct: in memory), and
/// s390x passes it by reference (the struct: in a general register). Each
/// arch says how its argument ([`F32Arg`](complex::F32Arg)) is read and its
/// result ([`F32Ret`](complex::F32Ret)) is made.
pub mod complex {
    use super::ComplexF32;
    pub use super::imp::complex::{F32Arg, F32Ret, f32_arg, f32_ret};
    const _: unsafe fn(F32Arg) -> ComplexF32 = f32_arg;
    const _: fn(ComplexF32) -> F32Ret = f32_ret;
}
