//! powerpc64le: ELFv2 ABI, `sc` system calls (errors flagged in cr0.SO),
//! TLS variant I with the thread pointer in r13, 0x7000 past the TLS block.

pub mod clone;
#[path = "../complex_abi.rs"]
pub mod complex;
pub mod fenv;
pub mod long_double;
pub mod mathl;
pub mod probe;
pub mod setjmp;
pub mod signal;
pub mod syscall;
pub mod syscall_cp;
pub mod thread_exit;
pub mod thread_pointer;

/// vDSO symbol of `clock_gettime` taking a 64-bit `timespec`. On error it
/// returns a positive errno with cr0.SO set rather than -errno; the portable
/// caller falls back to the system call on any nonzero result.
pub const VDSO_CLOCK_GETTIME: &[u8] = b"__kernel_clock_gettime";

/// Version node of the vDSO symbols muslin looks up (from the kernel's
/// vDSO linker script).
pub const VDSO_VERSION: &[u8] = b"LINUX_2.6.15";

/// Width in bytes of an ELF `DT_HASH` table entry (the generic 4).
pub const ELF_HASH_ENTRY: usize = 4;

/// Whether a 64-bit system call argument split into two registers starts
/// at an even-numbered one (the arm EABI's rule; only 32-bit arches split).
pub const PAIR_ALIGNED: bool = false;

/// `TIOCGWINSZ` (the terminal's window size): `_IOR('t', 104, struct
/// winsize)`, as powerpc encodes the size and direction in the number.
pub const TIOCGWINSZ: usize = 0x4008_7468;

/// C's `wchar_t`: `int` here (clang's `__WCHAR_TYPE__` for this ABI), so
/// wide strings order values above 0x7fffffff (negative) before the others.
pub type WChar = i32;
