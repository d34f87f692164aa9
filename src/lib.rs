//! muslin: a small, fast, race-free C library for static Linux binaries.
//!
//! A program linked with muslin starts at muslin's `_start` (see `crt/`),
//! talks to the kernel through [`syscall`], runs threads on [`thread`]'s
//! clone-based runtime with race-free cancellation, and reaches everything
//! machine-specific through the per-architecture folders under `arch/`.
//! C programs get the POSIX names exported from [`c`]; Rust programs use the
//! typed modules directly and declare their entry with [`main!`].
#![no_std]
#![feature(c_variadic)]
#![feature(optimize_attribute)]
#![feature(linkage)]
// `long double` is `f128` on the binary128 arches (arch/binary128_math.rs);
// the others do not use the feature.
#![feature(f128)]
#![allow(unused_features)]
// Every `unsafe` block says why it is sound, on a `// SAFETY:` line right
// above it. (Here, not in Cargo.toml, so that it covers the library only.)
#![warn(clippy::undocumented_unsafe_blocks)]

#[path = "../arch/mod.rs"]
mod arch;
#[path = "../crt/mod.rs"]
mod crt;

pub mod c;
pub mod complex;
mod elf;
pub mod env;
pub mod errno;
pub mod fmt;
pub mod io;
pub mod ldmath;
pub mod malloc;
pub mod process;
pub mod signal;
pub mod stdio;
pub mod syscall;
pub mod thread;
pub mod time;

pub use errno::Errno;

/// Declares a Rust program's entry point: `muslin::main!(run);` where
/// `fn run() -> i32` returns the exit status. Arguments and environment are
/// read through [`env::args`] and [`env::vars`].
#[macro_export]
macro_rules! main {
    ($f:path) => {
        /// The C entry point called by muslin's start-up code.
        #[unsafe(no_mangle)]
        pub extern "C" fn main(
            _argc: ::core::ffi::c_int,
            _argv: *mut *mut ::core::ffi::c_char,
            _envp: *mut *mut ::core::ffi::c_char,
        ) -> ::core::ffi::c_int {
            $f()
        }
    };
}

/// Reports a panic on standard error and aborts. Formatted messages are
/// printed only when they are plain strings, so that the handler does not
/// drag `core::fmt` into every program that can panic.
#[cfg(not(test))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    use syscall::fd::{STDERR, write_all};
    let _ = write_all(STDERR, b"muslin: panic: ");
    let _ = write_all(
        STDERR,
        info.message()
            .as_str()
            .unwrap_or("(formatted message)")
            .as_bytes(),
    );
    if let Some(at) = info.location() {
        let _ = write_all(STDERR, b" at ");
        let _ = write_all(STDERR, at.file().as_bytes());
    }
    let _ = write_all(STDERR, b"\n");
    process::abort()
}
