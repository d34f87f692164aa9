//! `<stdlib.h>`: process exit, integer arithmetic and rand (the environment
//! functions are in `env.rs`, the number parsers in `strtol.rs` and
//! `strtod.rs`).

use core::ffi::{c_int, c_long, c_longlong, c_uint, c_ulong};
use core::sync::atomic::AtomicU64;
use core::sync::atomic::Ordering::Relaxed;

/// exit(3): atexit handlers, destructors, flush, then the end.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn exit(status: c_int) -> ! {
    crate::process::exit(status)
}

/// _Exit(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn _Exit(status: c_int) -> ! {
    crate::process::exit_immediately(status)
}

/// atexit(3): 0 on success, -1 when the table is full.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn atexit(f: extern "C" fn()) -> c_int {
    match crate::process::atexit(f) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// at_quick_exit(3): 0 on success, -1 when the table (32 handlers) is
/// full.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn at_quick_exit(f: extern "C" fn()) -> c_int {
    match crate::process::at_quick_exit(f) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// quick_exit(3): the `at_quick_exit` handlers, then `_Exit`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn quick_exit(status: c_int) -> ! {
    crate::process::quick_exit(status)
}

/// abort(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn abort() -> ! {
    crate::process::abort()
}

/// getauxval(3): 0 (and `ENOENT`) when the kernel gave no such entry.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getauxval(ty: c_ulong) -> c_ulong {
    let v = crate::env::auxv::get_by_index(ty as usize);
    if v == 0 {
        crate::Errno::ENOENT.set_last();
    }
    v as c_ulong
}

/// abs(3); `abs(INT_MIN)` (undefined in C) gives `INT_MIN`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn abs(x: c_int) -> c_int {
    x.wrapping_abs()
}

/// labs(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn labs(x: c_long) -> c_long {
    x.wrapping_abs()
}

/// llabs(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn llabs(x: c_longlong) -> c_longlong {
    x.wrapping_abs()
}

/// A quotient and remainder: `div_t`, `ldiv_t`, `lldiv_t`.
#[repr(C)]
pub struct Div<T> {
    /// The quotient, rounded toward zero.
    pub quot: T,
    /// The remainder, with the dividend's sign.
    pub rem: T,
}

/// div(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn div(a: c_int, b: c_int) -> Div<c_int> {
    Div {
        quot: a.wrapping_div(b),
        rem: a.wrapping_rem(b),
    }
}

/// ldiv(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ldiv(a: c_long, b: c_long) -> Div<c_long> {
    Div {
        quot: a.wrapping_div(b),
        rem: a.wrapping_rem(b),
    }
}

/// lldiv(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lldiv(a: c_longlong, b: c_longlong) -> Div<c_longlong> {
    Div {
        quot: a.wrapping_div(b),
        rem: a.wrapping_rem(b),
    }
}

/// One step of rand's generator: a 64-bit linear congruential generator
/// (Knuth's MMIX constants) whose top 31 bits are the result, so it is in
/// `0..=RAND_MAX` (2^31 - 1, as `<stdlib.h>` defines it).
pub fn rand_next(state: &mut u64) -> c_int {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 33) as c_int
}

/// rand's state; `srand(1)` is the initial seed, as C requires.
static RAND_STATE: AtomicU64 = AtomicU64::new(1);

/// rand(3): deterministic for a given `srand` seed; not thread-safe in the
/// sense that concurrent callers may see the same number.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn rand() -> c_int {
    let mut s = RAND_STATE.load(Relaxed);
    let r = rand_next(&mut s);
    RAND_STATE.store(s, Relaxed);
    r
}

/// srand(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn srand(seed: c_uint) {
    RAND_STATE.store(seed as u64, Relaxed);
}
