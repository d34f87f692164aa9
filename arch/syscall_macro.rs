//! The raw system calls `syscall0..syscall6` every arch provides, written
//! once by `syscalls!` over a per-arch macro that makes the call itself.
//! `first_arg_returns!` is that macro for the ABIs whose system-call
//! instruction takes the number in one register and up to six arguments in
//! others, leaves the argument registers intact, and returns the result in
//! the first one (aarch64, arm, riscv64, loongarch64, s390x); x86_64, i386
//! and powerpc64le write their own.

/// Defines `syscall0..syscall5` and the six-argument call (named by `six`),
/// each making its call with `raw!(with; nr; [used]; [unused])`: `with` is
/// passed on untouched, `used` pairs the argument registers in `args` with
/// the arguments (`"rdi" = a, ...`), `unused` lists the remaining registers.
/// `raw!` evaluates to the raw result (`-errno` on failure).
macro_rules! syscalls {
    (
        raw: $raw:ident,
        with: $with:tt,
        args: [$r0:tt, $r1:tt, $r2:tt, $r3:tt, $r4:tt, $r5:tt],
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
            // SAFETY: the caller upholds the syscall's contract.
            unsafe { $raw!($with; nr; []; [$r0, $r1, $r2, $r3, $r4, $r5]) }
        }

        /// One-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall1(nr: usize, a: usize) -> usize {
            // SAFETY: the caller upholds the syscall's contract.
            unsafe { $raw!($with; nr; [$r0 = a]; [$r1, $r2, $r3, $r4, $r5]) }
        }

        /// Two-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall2(nr: usize, a: usize, b: usize) -> usize {
            // SAFETY: the caller upholds the syscall's contract.
            unsafe { $raw!($with; nr; [$r0 = a, $r1 = b]; [$r2, $r3, $r4, $r5]) }
        }

        /// Three-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall3(nr: usize, a: usize, b: usize, c: usize) -> usize {
            // SAFETY: the caller upholds the syscall's contract.
            unsafe { $raw!($with; nr; [$r0 = a, $r1 = b, $r2 = c]; [$r3, $r4, $r5]) }
        }

        /// Four-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall4(nr: usize, a: usize, b: usize, c: usize, d: usize) -> usize {
            // SAFETY: the caller upholds the syscall's contract.
            unsafe { $raw!($with; nr; [$r0 = a, $r1 = b, $r2 = c, $r3 = d]; [$r4, $r5]) }
        }

        /// Five-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn syscall5(nr: usize, a: usize, b: usize, c: usize, d: usize, e: usize)
            -> usize {
            // SAFETY: the caller upholds the syscall's contract.
            unsafe { $raw!($with; nr; [$r0 = a, $r1 = b, $r2 = c, $r3 = d, $r4 = e]; [$r5]) }
        }

        /// Six-argument system call.
        ///
        /// # Safety
        /// As [`syscall0`].
        #[inline(always)]
        pub unsafe fn $six(nr: usize, a: usize, b: usize, c: usize, d: usize, e: usize, f: usize)
            -> usize {
            // SAFETY: the caller upholds the syscall's contract.
            unsafe {
                $raw!($with; nr; [$r0 = a, $r1 = b, $r2 = c, $r3 = d, $r4 = e, $r5 = f]; [])
            }
        }
    };
}

/// The `raw!` of `syscalls!` for the ABIs that return in the first
/// argument register: `with` is `{ insn, nr (its register), clobbers,
/// options }`.
// Unused by x86_64, i386 and powerpc64le.
#[allow(unused_macros)]
macro_rules! first_arg_returns {
    (
        {
            insn: $insn:tt,
            nr: $nr_reg:tt,
            clobbers: [$($c:tt),*],
            options: ($($opt:ident),*) $(,)?
        };
        $nr:ident; []; [$r0:tt $(, $unused:tt)*]
    ) => {{
        let r;
        core::arch::asm!($insn, in($nr_reg) $nr, lateout($r0) r,
            $(lateout($c) _,)* options($($opt),*));
        r
    }};
    (
        {
            insn: $insn:tt,
            nr: $nr_reg:tt,
            clobbers: [$($c:tt),*],
            options: ($($opt:ident),*) $(,)?
        };
        $nr:ident; [$r0:tt = $a0:ident $(, $r:tt = $a:ident)*]; [$($unused:tt),*]
    ) => {{
        let r;
        core::arch::asm!($insn, in($nr_reg) $nr, inlateout($r0) $a0 => r, $(in($r) $a,)*
            $(lateout($c) _,)* options($($opt),*));
        r
    }};
}
