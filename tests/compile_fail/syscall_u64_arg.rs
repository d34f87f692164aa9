//! A 64-bit integer passed as one system-call argument. On a 32-bit arch
//! the register holds only its low half, so `syscall!` must refuse it at
//! compile time (`SyscallArg` has no 64-bit impls there); on a 64-bit arch
//! the same program compiles, which shows nothing else is wrong with it.
//!
//! compile-fail-on: i386 arm
//! compile-ok-on: x86_64
//! expect-error: SyscallArg
#![no_std]
#![no_main]

fn run() -> i32 {
    let offset: u64 = 1 << 40;
    // SAFETY: never run; only compiled.
    unsafe { muslin::syscall!(__NR_lseek, 0, offset, 0) as i32 }
}

muslin::main!(run);
