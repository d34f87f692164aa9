//! Macros that write the assembler boilerplate every arch repeats, so that
//! each arch's file holds only its own instructions.
//!
//! Every hand-written function is global (C and Rust code call it by name)
//! and hidden (a static program exports nothing), lives in its own
//! `.text.<name>` section (so `--gc-sections` drops what a program does not
//! use), and is typed and sized for debuggers and `nm`. The section type is
//! written `%progbits` and the symbol type `%function`: the one spelling every
//! arch's assembler accepts (`@` starts a comment on arm).

/// Defines the assembly function `name`: `head` lines come before its label
/// (an ISA mode such as `.arm`, or an alignment), `globals` are further
/// global, hidden labels that `body` defines, and any operands (`sym`,
/// `const`) follow the body.
macro_rules! asm_function {
    (
        name: $name:literal,
        $(globals: [$($global:literal),* $(,)?],)?
        $(head: [$($head:literal),* $(,)?],)?
        body: [$($line:literal),* $(,)?]
        $(, $($operand:tt)*)?
    ) => {
        core::arch::global_asm!(
            concat!(".pushsection .text.", $name, ",\"ax\",%progbits"),
            $($($head,)*)?
            concat!(".globl ", $name),
            concat!(".hidden ", $name),
            $($(concat!(".globl ", $global), concat!(".hidden ", $global),)*)?
            concat!(".type ", $name, ", %function"),
            concat!($name, ":"),
            $($line,)*
            concat!(".size ", $name, ", . - ", $name),
            ".popsection",
            $($($operand)*)?
        );
    };
}

/// Defines an assembly function that C programs call by name (`setjmp`,
/// `longjmp`, ...): like [`asm_function!`], but `name` and its `aliases` are
/// weak, as every C function muslin exports, so a program's own definition
/// wins; `globals` are further global, hidden labels for muslin's own use.
macro_rules! c_asm_function {
    (
        name: $name:literal,
        $(aliases: [$($alias:literal),* $(,)?],)?
        $(globals: [$($global:literal),* $(,)?],)?
        $(head: [$($head:literal),* $(,)?],)?
        body: [$($line:literal),* $(,)?]
        $(, $($operand:tt)*)?
    ) => {
        core::arch::global_asm!(
            concat!(".pushsection .text.", $name, ",\"ax\",%progbits"),
            $($($head,)*)?
            concat!(".weak ", $name),
            concat!(".hidden ", $name),
            $($(concat!(".weak ", $alias), concat!(".hidden ", $alias),)*)?
            $($(concat!(".globl ", $global), concat!(".hidden ", $global),)*)?
            concat!(".type ", $name, ", %function"),
            $($(concat!(".type ", $alias, ", %function"), concat!($alias, ":"),)*)?
            concat!($name, ":"),
            $($line,)*
            concat!(".size ", $name, ", . - ", $name),
            ".popsection",
            $($($operand)*)?
        );
    };
}

/// Defines the cancellable system call thunk (see `src/thread/cancel.rs`):
/// `__muslin_syscall_cp_asm(a, b, c, d, e, f, nr, cancel)` with the labels
/// `__muslin_cp_begin`, `__muslin_cp_end` and `__muslin_cp_cancel` that
/// cancellation compares the interrupted PC with. `body` starts at the
/// function's entry and must define the three labels.
macro_rules! syscall_cp_thunk {
    ($(head: [$($head:literal),* $(,)?],)? body: [$($line:literal),* $(,)?] $(,)?) => {
        asm_function! {
            name: "__muslin_syscall_cp_asm",
            globals: ["__muslin_cp_begin", "__muslin_cp_end", "__muslin_cp_cancel"],
            $(head: [$($head),*],)?
            body: [$($line),*]
        }
    };
}

/// Defines `__muslin_probe`, a function whose load from address 0 faults at
/// the known address `__muslin_probe_fault`, for the tests of the
/// signal-context accessors: the SIGSEGV handler must see `PC == fault
/// address` and can send the thread on to `__muslin_probe_resume`, which
/// returns 7, by rewriting the PC, exactly as cancellation does.
///
/// Each arch gives four instructions on its return register: `zero` (set it
/// to 0, the null pointer and the value never returned), `load` (load through
/// it), `seven` (set it to 7) and `ret` (return to the caller).
macro_rules! probe {
    (
        $(head: [$($head:literal),* $(,)?],)?
        zero: $zero:literal,
        load: $load:literal,
        seven: $seven:literal,
        ret: $ret:literal $(,)?
    ) => {
        asm_function! {
            name: "__muslin_probe",
            globals: ["__muslin_probe_fault", "__muslin_probe_resume"],
            $(head: [$($head),*],)?
            body: [
                $zero, // the null pointer to load from
                "__muslin_probe_fault:",
                $load, // faults; never completes
                $zero, // not reached: would return 0
                $ret,
                "__muslin_probe_resume:",
                $seven, // the handler redirected us: return 7
                $ret,
            ]
        }
    };
}

/// Defines `__muslin_unmap_and_exit(base, len)`, the last steps of a
/// detached thread: unmap its own stack, then exit this thread with status
/// 0, touching no memory in between (the stack is gone after `munmap`).
///
/// Each arch gives its instructions in the order they run: `args` (where
/// `base` and `len` are not already in munmap's argument registers),
/// `munmap` and `exit` (the number `{munmap}` or `{exit}` into the number
/// register), `syscall`, `status` (0 into the first argument register) and
/// `trap`, for the return that cannot happen.
macro_rules! unmap_and_exit {
    (
        $(head: [$($head:literal),* $(,)?],)?
        $(args: [$($arg:literal),* $(,)?],)?
        munmap: $munmap:literal,
        syscall: $syscall:literal,
        status: $status:literal,
        exit: $exit:literal,
        trap: $trap:literal $(,)?
    ) => {
        asm_function! {
            name: "__muslin_unmap_and_exit",
            $(head: [$($head),*],)?
            body: [
                $($($arg,)*)?
                $munmap,
                $syscall, // the stack is gone from here on
                $status,
                $exit,
                $syscall, // never returns
                $trap,
            ],
            munmap = const linux_raw_sys::general::__NR_munmap,
            exit = const linux_raw_sys::general::__NR_exit,
        }
    };
}

/// Defines the signal restorers, which a handler returns to, and
/// `restorer(siginfo)`, the address of the one a handler installed with
/// (`siginfo`) or without `SA_SIGINFO` needs: `__muslin_restore_rt` undoes
/// an rt frame with `rt_sigreturn`; where the kernel builds plain frames
/// for handlers without `SA_SIGINFO`, `plain` gives `__muslin_restore`,
/// which undoes one with `sigreturn`. `{nr}` is each one's syscall number.
// Unused where the kernel or the vDSO supplies the return trampoline.
#[allow(unused_macros)]
macro_rules! restorers {
    ($(head: [$($head:literal),* $(,)?],)? rt: [$($rt:literal),* $(,)?] $(,)?) => {
        asm_function! {
            name: "__muslin_restore_rt",
            $(head: [$($head),*],)?
            body: [$($rt),*],
            nr = const linux_raw_sys::general::__NR_rt_sigreturn,
        }

        unsafe extern "C" {
            fn __muslin_restore_rt();
        }

        /// The restorer for a handler: the kernel builds an rt frame for
        /// every one (`_siginfo`: installed with `SA_SIGINFO`).
        pub fn restorer(_siginfo: bool) -> usize {
            __muslin_restore_rt as *const () as usize
        }
    };
    (
        $(head: [$($head:literal),* $(,)?],)?
        rt: [$($rt:literal),* $(,)?],
        plain: [$($plain:literal),* $(,)?] $(,)?
    ) => {
        asm_function! {
            name: "__muslin_restore_rt",
            $(head: [$($head),*],)?
            body: [$($rt),*],
            nr = const linux_raw_sys::general::__NR_rt_sigreturn,
        }

        asm_function! {
            name: "__muslin_restore",
            $(head: [$($head),*],)?
            body: [$($plain),*],
            nr = const linux_raw_sys::general::__NR_sigreturn,
        }

        unsafe extern "C" {
            fn __muslin_restore_rt();
            fn __muslin_restore();
        }

        /// The restorer for a handler installed with (`siginfo`) or without
        /// `SA_SIGINFO`.
        pub fn restorer(siginfo: bool) -> usize {
            let f: unsafe extern "C" fn() = if siginfo {
                __muslin_restore_rt
            } else {
                __muslin_restore
            };
            f as *const () as usize
        }
    };
}

/// Defines `set_thread_pointer` and `thread_pointer` for an arch whose
/// thread pointer is a register that user code writes and reads directly:
/// `set` copies operand `{}` into it, `get` copies it into `{}`.
// Unused where setting the thread pointer takes a system call or more.
#[allow(unused_macros)]
macro_rules! thread_pointer_register {
    (set: $set:literal, get: $get:literal $(,)?) => {
        /// Sets this thread's thread pointer; returns 0 (a register write,
        /// which cannot fail).
        ///
        /// # Safety
        /// `tp` must point at a live thread descriptor and TLS block laid
        /// out for this arch's TLS variant; every TLS access after this
        /// uses it.
        #[inline(always)]
        pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
            // SAFETY: the ABI reserves the register for the thread pointer
            // and compiled code never allocates it, so writing it disturbs no
            // Rust state. Not `nomem`: TLS accesses must not move across it.
            unsafe { core::arch::asm!($set, in(reg) tp, options(nostack, preserves_flags)) };
            0
        }

        /// Reads the thread pointer.
        #[inline(always)]
        pub fn thread_pointer() -> *mut u8 {
            let tp;
            // SAFETY: reading the register has no side effects.
            unsafe {
                core::arch::asm!($get, out(reg) tp, options(nomem, nostack, preserves_flags))
            };
            tp
        }
    };
}
