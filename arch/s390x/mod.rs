//! s390x: big-endian z/Architecture ELF ABI, `svc 0` system calls, TLS
//! variant II with the thread pointer in access registers a0:a1.

pub mod clone;
pub mod complex;
pub mod copy;
pub mod fenv;
pub mod long_double;
#[path = "../binary128_math.rs"]
pub mod mathl;
pub mod probe;
pub mod setjmp;
pub mod signal;
pub mod syscall;
pub mod syscall_cp;
pub mod thread_exit;
pub mod thread_pointer;

/// vDSO symbol of `clock_gettime` taking a 64-bit `timespec`.
pub const VDSO_CLOCK_GETTIME: &[u8] = b"__kernel_clock_gettime";

/// Version node of the vDSO symbols muslin looks up (from the kernel's
/// vDSO linker script).
pub const VDSO_VERSION: &[u8] = b"LINUX_2.6.29";

/// Width in bytes of an ELF `DT_HASH` table entry: 8 on s390x, whose ABI
/// widens the SysV hash table with the 64-bit class.
pub const ELF_HASH_ENTRY: usize = 8;

/// Whether a 64-bit system call argument split into two registers starts
/// at an even-numbered one (the arm EABI's rule; only 32-bit arches split).
pub const PAIR_ALIGNED: bool = false;

/// `TIOCGWINSZ` (the terminal's window size): the legacy number.
pub const TIOCGWINSZ: usize = 0x5413;

/// C's `wchar_t`: `int` here (clang's `__WCHAR_TYPE__` for this ABI), so
/// wide strings order values above 0x7fffffff (negative) before the others.
pub type WChar = i32;
