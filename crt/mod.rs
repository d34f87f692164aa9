//! Process start-up: `_start` for every architecture hands the kernel's
//! initial stack pointer to [`start::start`], which does everything else in
//! portable Rust.

#[cfg(target_arch = "x86_64")]
#[path = "x86_64.rs"]
mod entry;
#[cfg(target_arch = "x86")]
#[path = "i386.rs"]
mod entry;
#[cfg(target_arch = "aarch64")]
#[path = "aarch64.rs"]
mod entry;
#[cfg(target_arch = "arm")]
#[path = "arm.rs"]
mod entry;
#[cfg(target_arch = "riscv64")]
#[path = "riscv64.rs"]
mod entry;
#[cfg(target_arch = "powerpc64")]
#[path = "powerpc64le.rs"]
mod entry;
#[cfg(target_arch = "s390x")]
#[path = "s390x.rs"]
mod entry;
#[cfg(target_arch = "loongarch64")]
#[path = "loongarch64.rs"]
mod entry;

pub mod start;
