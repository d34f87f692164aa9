//! Everything machine-specific, one folder per architecture.
//!
//! Every `arch/<arch>/` folder has the same files and exports the same names;
//! this is the only place (with `crt/`) that selects on `target_arch`.
//!
//! - `syscall.rs`: raw `syscall0..6` and the i386 vDSO entry.
//! - `thread_pointer.rs`: where static TLS sits relative to the thread pointer,
//!   and how to read and set that pointer.
//! - `signal.rs`: the kernel's `sigaction` layout, the signal restorer, and where
//!   the interrupted PC and SP live in a signal handler's `ucontext_t`.
//! - `probe.rs`: a faulting instruction at a known address, used by tests to
//!   check the `ucontext_t` offsets and PC redirection.
//! - `long_double.rs`: reading a `long double` vararg (rounded to double)
//!   and storing a double as one, for `%Lf` in printf and scanf. Where two
//!   arches agree they share the file: loongarch64 uses riscv64's, and
//!   i386 and x86_64 share the x87 conversions in `x86_64/x87.rs`.
//! - `mod.rs`: vDSO symbol names and small constants (`TIOCGWINSZ`).

#[macro_use]
mod asm_macros;
#[macro_use]
mod syscall_macro;

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

pub use imp::*;
