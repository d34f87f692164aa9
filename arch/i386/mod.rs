//! i386: System V i386 ABI, system calls through the vDSO's
//! `__kernel_vsyscall` (or `int $0x80`), TLS variant II via %gs.

pub mod clone;
pub mod complex;
#[path = "../x86_64/fenv.rs"]
pub mod fenv;
pub mod long_double;
pub mod mathl;
pub mod probe;
pub mod setjmp;
pub mod signal;
pub mod string;
pub mod syscall;
pub mod syscall_cp;
pub mod thread_exit;
pub mod thread_pointer;
#[path = "../x86_64/x87.rs"]
mod x87;

/// vDSO symbol of `clock_gettime` taking a 64-bit `timespec`.
pub const VDSO_CLOCK_GETTIME: &[u8] = b"__vdso_clock_gettime64";

/// Version node of the vDSO symbols muslin looks up (from the kernel's
/// vDSO linker script).
pub const VDSO_VERSION: &[u8] = b"LINUX_2.6";

/// Width in bytes of an ELF `DT_HASH` table entry (the generic 4).
pub const ELF_HASH_ENTRY: usize = 4;

/// Whether a 64-bit system call argument split into two registers starts
/// at an even-numbered one (the arm EABI's rule; only 32-bit arches split).
pub const PAIR_ALIGNED: bool = false;

/// `TIOCGWINSZ` (the terminal's window size): the legacy number.
pub const TIOCGWINSZ: usize = 0x5413;

/// C's `wchar_t`: `int` here (clang's `__WCHAR_TYPE__` for this ABI), so
/// wide strings order values above 0x7fffffff (negative) before the others.
pub type WChar = i32;
