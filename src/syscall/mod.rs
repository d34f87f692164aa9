//! The system-call layer: the [`syscall!`] macro over the arch's raw entry,
//! the kernel's error convention, and one typed module per kernel concept.
//!
//! Typed wrappers return [`Result`]; the C functions in [`crate::c`] turn that
//! into `-1` and `errno`.

pub mod fd;
pub mod fs;
pub mod mm;
pub mod process;
pub mod random;
pub mod resource;
pub mod sched;
pub mod signal;
pub mod time;
pub mod tty;
pub mod uname;

pub use crate::errno::{Errno, Result};
pub use fd::{Fd, OwnedFd};

pub use crate::arch::SyscallArg;
/// The arch's raw system calls, for [`syscall!`] (also used outside the crate).
#[doc(hidden)]
pub use crate::arch::syscall as raw;

/// Calls system call `__NR_<name>` with up to six arguments, each converted
/// by [`SyscallArg`] (so a 64-bit integer does not compile on a 32-bit
/// arch), returning the raw result word. Must be used in `unsafe`.
#[macro_export]
#[doc(hidden)]
macro_rules! syscall {
    ($nr:ident) => {
        $crate::syscall::raw::syscall0(::linux_raw_sys::general::$nr as usize)
    };
    ($nr:ident, $a:expr) => {
        $crate::syscall::raw::syscall1(
            ::linux_raw_sys::general::$nr as usize,
            $crate::syscall::SyscallArg::into_arg($a),
        )
    };
    ($nr:ident, $a:expr, $b:expr) => {
        $crate::syscall::raw::syscall2(
            ::linux_raw_sys::general::$nr as usize,
            $crate::syscall::SyscallArg::into_arg($a),
            $crate::syscall::SyscallArg::into_arg($b),
        )
    };
    ($nr:ident, $a:expr, $b:expr, $c:expr) => {
        $crate::syscall::raw::syscall3(
            ::linux_raw_sys::general::$nr as usize,
            $crate::syscall::SyscallArg::into_arg($a),
            $crate::syscall::SyscallArg::into_arg($b),
            $crate::syscall::SyscallArg::into_arg($c),
        )
    };
    ($nr:ident, $a:expr, $b:expr, $c:expr, $d:expr) => {
        $crate::syscall::raw::syscall4(
            ::linux_raw_sys::general::$nr as usize,
            $crate::syscall::SyscallArg::into_arg($a),
            $crate::syscall::SyscallArg::into_arg($b),
            $crate::syscall::SyscallArg::into_arg($c),
            $crate::syscall::SyscallArg::into_arg($d),
        )
    };
    ($nr:ident, $a:expr, $b:expr, $c:expr, $d:expr, $e:expr) => {
        $crate::syscall::raw::syscall5(
            ::linux_raw_sys::general::$nr as usize,
            $crate::syscall::SyscallArg::into_arg($a),
            $crate::syscall::SyscallArg::into_arg($b),
            $crate::syscall::SyscallArg::into_arg($c),
            $crate::syscall::SyscallArg::into_arg($d),
            $crate::syscall::SyscallArg::into_arg($e),
        )
    };
    ($nr:ident, $a:expr, $b:expr, $c:expr, $d:expr, $e:expr, $f:expr) => {
        $crate::syscall::raw::syscall6(
            ::linux_raw_sys::general::$nr as usize,
            $crate::syscall::SyscallArg::into_arg($a),
            $crate::syscall::SyscallArg::into_arg($b),
            $crate::syscall::SyscallArg::into_arg($c),
            $crate::syscall::SyscallArg::into_arg($d),
            $crate::syscall::SyscallArg::into_arg($e),
            $crate::syscall::SyscallArg::into_arg($f),
        )
    };
}

/// Like [`syscall!`] for a cancellation point: goes through [`cancellable`]
/// and yields `-ECANCELED` when cancellation acted. Arguments convert as in
/// [`syscall!`]. Must be used in `unsafe`.
#[macro_export]
#[doc(hidden)]
macro_rules! syscall_cp {
    ($nr:ident $(, $a:expr)*) => {
        $crate::syscall_cp!(@pad ::linux_raw_sys::general::$nr as usize;
            $($crate::syscall::SyscallArg::into_arg($a),)*)
    };
    (@pad $nr:expr; $a:expr, $b:expr, $c:expr, $d:expr, $e:expr, $f:expr,) => {
        $crate::syscall::cancellable($nr, $a, $b, $c, $d, $e, $f)
    };
    (@pad $nr:expr; $($a:expr,)*) => {
        $crate::syscall_cp!(@pad $nr; $($a,)* 0usize,)
    };
}

unsafe extern "C" {
    /// A system call that is a cancellation point: returns the raw result,
    /// or `-ECANCELED` if cancellation acted (the call was then not made, or
    /// was interrupted before it took effect). Callers uphold the raw
    /// system call's contract.
    ///
    /// Defined by the thread layer (`thread::cancel`), which alone knows the
    /// calling thread's cancellation flag. This layer reaches it by its
    /// symbol, a hook the linker installs, so that the layer order (system
    /// calls below threads) holds without an upward import or a runtime
    /// function pointer on every cancellation point.
    #[link_name = "__muslin_syscall_cp"]
    pub fn cancellable(
        nr: usize,
        a: usize,
        b: usize,
        c: usize,
        d: usize,
        e: usize,
        f: usize,
    ) -> usize;
}

/// Decodes a raw syscall result: values in `-4095..=-1` are `-errno`.
#[inline(always)]
pub fn ret(r: usize) -> Result<usize> {
    if r > (-4096isize) as usize {
        Err(Errno::from_raw(-(r as isize) as i32))
    } else {
        Ok(r)
    }
}

/// Like [`ret`] for calls whose success value is always 0.
#[inline(always)]
pub fn ret_unit(r: usize) -> Result<()> {
    ret(r).map(drop)
}
