//! syscall(2): any system call by number, from C and from Rust's `std`
//! (whose futex-based locks and optional calls go through it).

use core::ffi::c_long;

/// syscall(2): system call `nr` with up to six `long` arguments; its
/// result, or -1 with `errno` for a `-errno` one. Not a cancellation point
/// (as in glibc and musl): it cannot know which calls block.
///
/// # Safety
/// The arguments must be what system call `nr` expects.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn syscall(nr: c_long, mut args: ...) -> c_long {
    // SAFETY: the caller passes the call's arguments as longs; reading six
    // when the call takes fewer reads argument slots the ABI provides
    // (registers saved by the prologue, or the caller's stack) and passes
    // values the kernel ignores.
    let r = unsafe {
        let (a, b, c) = (
            args.next_arg::<c_long>(),
            args.next_arg::<c_long>(),
            args.next_arg::<c_long>(),
        );
        let (d, e, f) = (
            args.next_arg::<c_long>(),
            args.next_arg::<c_long>(),
            args.next_arg::<c_long>(),
        );
        crate::arch::syscall::syscall6(
            nr as usize,
            a as usize,
            b as usize,
            c as usize,
            d as usize,
            e as usize,
            f as usize,
        )
    };
    match crate::syscall::ret(r) {
        Ok(v) => v as c_long,
        Err(e) => {
            e.set_last();
            -1
        }
    }
}
