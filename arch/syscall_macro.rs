//! `syscall0..syscall6` for the ABIs whose system-call instruction takes the
//! number in one register and up to six arguments in others, leaves the
//! argument registers intact, and returns the result in the first one
//! (aarch64, arm, riscv64, loongarch64, s390x). Each of those arches invokes
//! [`first_arg_returns!`] with its instruction and registers.

/// Defines `syscall0..syscall5` and the six-argument call (named by `six`).
/// (x86_64, i386 and powerpc64 have other shapes and write theirs by hand.)
#[allow(unused_macros)]
macro_rules! first_arg_returns {
    (
        insn: $insn:tt,
        nr: $nr:tt,
        args: [$r0:tt, $r1:tt, $r2:tt, $r3:tt, $r4:tt, $r5:tt],
        clobbers: [$($c:tt),*],
        options: ($($opt:ident),*),
        six: $six:ident $(,)?
    ) => {
        /// Makes system call `nr` with no arguments and returns the raw
        /// kernel result (`-errno` on failure).
        ///
        /// # Safety
        /// The call must be valid for its arguments: the kernel may write to
        /// memory they point to or change the process's state.
        #[inline(always)]
        pub unsafe fn syscall0(nr: usize) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, lateout($r0) r,
                    $(lateout($c) _,)* options($($opt),*))
            };
            r
        }

        /// One-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall1(nr: usize, a: usize) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, inlateout($r0) a => r,
                    $(lateout($c) _,)* options($($opt),*))
            };
            r
        }

        /// Two-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall2(nr: usize, a: usize, b: usize) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, inlateout($r0) a => r, in($r1) b,
                    $(lateout($c) _,)* options($($opt),*))
            };
            r
        }

        /// Three-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall3(nr: usize, a: usize, b: usize, c: usize) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, inlateout($r0) a => r, in($r1) b,
                    in($r2) c, $(lateout($c) _,)* options($($opt),*))
            };
            r
        }

        /// Four-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall4(nr: usize, a: usize, b: usize, c: usize, d: usize) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, inlateout($r0) a => r, in($r1) b,
                    in($r2) c, in($r3) d, $(lateout($c) _,)* options($($opt),*))
            };
            r
        }

        /// Five-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall5(
            nr: usize,
            a: usize,
            b: usize,
            c: usize,
            d: usize,
            e: usize,
        ) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, inlateout($r0) a => r, in($r1) b,
                    in($r2) c, in($r3) d, in($r4) e, $(lateout($c) _,)* options($($opt),*))
            };
            r
        }

        /// Six-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn $six(
            nr: usize,
            a: usize,
            b: usize,
            c: usize,
            d: usize,
            e: usize,
            f: usize,
        ) -> usize {
            let r;
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                core::arch::asm!($insn, in($nr) nr, inlateout($r0) a => r, in($r1) b,
                    in($r2) c, in($r3) d, in($r4) e, in($r5) f,
                    $(lateout($c) _,)* options($($opt),*))
            };
            r
        }
    };
}
