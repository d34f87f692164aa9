//! The `drand48` family (`<stdlib.h>`): a 48-bit linear congruential
//! generator, `x = a * x + c mod 2^48`, with the sequences glibc (and
//! POSIX) give: `a = 0x5DEECE66D`, `c = 0xB` unless `lcong48` changes them,
//! and (as glibc) `x = 0` before any seeding.

use core::cell::UnsafeCell;
use core::ffi::{c_long, c_ushort};

/// The shared state: `x`, `a`, `c` and the buffer `seed48` returns.
struct State {
    x: [c_ushort; 3],
    a: u64,
    c: u64,
    old: [c_ushort; 3],
}

/// [`State`] as a shareable static.
struct Cell(UnsafeCell<State>);

// SAFETY: as in C, the functions without an `xsubi` argument are not
// thread-safe; each access is a short copy in or out.
unsafe impl Sync for Cell {}

const A: u64 = 0x5_DEEC_E66D;
const C: u64 = 0xB;

static STATE: Cell = Cell(UnsafeCell::new(State {
    x: [0; 3],
    a: A,
    c: C,
    old: [0; 3],
}));

/// The shared state.
fn state() -> *mut State {
    STATE.0.get()
}

/// Steps `xsubi` (three 16-bit words, least significant first) with the
/// shared `a` and `c`; returns the new 48-bit value.
///
/// # Safety
/// `xsubi` points to three writable words.
unsafe fn step(xsubi: *mut c_ushort) -> u64 {
    // SAFETY: as the caller says; the state is only read.
    unsafe {
        let (a, c) = ((*state()).a, (*state()).c);
        let x = *xsubi as u64 | (*xsubi.add(1) as u64) << 16 | (*xsubi.add(2) as u64) << 32;
        let x = x.wrapping_mul(a).wrapping_add(c) & 0xFFFF_FFFF_FFFF;
        *xsubi = x as c_ushort;
        *xsubi.add(1) = (x >> 16) as c_ushort;
        *xsubi.add(2) = (x >> 32) as c_ushort;
        x
    }
}

/// The shared `x`.
fn shared_x() -> *mut c_ushort {
    // SAFETY: a field address, no access.
    unsafe { (&raw mut (*state()).x).cast() }
}

/// erand48(3): the next double in `[0, 1)` from the generator `xsubi`.
///
/// # Safety
/// `xsubi` points to three writable words.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn erand48(xsubi: *mut c_ushort) -> f64 {
    // SAFETY: as the caller says.
    (unsafe { step(xsubi) }) as f64 / (1u64 << 48) as f64
}

/// drand48(3): [`erand48`] of the shared generator.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn drand48() -> f64 {
    // SAFETY: the shared x is three words.
    unsafe { erand48(shared_x()) }
}

/// nrand48(3): the next number in `[0, 2^31)` from `xsubi` (its top 31 bits).
///
/// # Safety
/// `xsubi` points to three writable words.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nrand48(xsubi: *mut c_ushort) -> c_long {
    // SAFETY: as the caller says.
    (unsafe { step(xsubi) } >> 17) as c_long
}

/// lrand48(3): [`nrand48`] of the shared generator.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lrand48() -> c_long {
    // SAFETY: the shared x is three words.
    unsafe { nrand48(shared_x()) }
}

/// jrand48(3): the next number in `[-2^31, 2^31)` from `xsubi` (its top
/// 32 bits, signed).
///
/// # Safety
/// `xsubi` points to three writable words.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn jrand48(xsubi: *mut c_ushort) -> c_long {
    // SAFETY: as the caller says.
    (unsafe { step(xsubi) } >> 16) as u32 as i32 as c_long
}

/// mrand48(3): [`jrand48`] of the shared generator.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn mrand48() -> c_long {
    // SAFETY: the shared x is three words.
    unsafe { jrand48(shared_x()) }
}

/// srand48(3): `x` becomes the low 32 bits of `seed` followed by `0x330E`;
/// `a` and `c` go back to their defaults.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn srand48(seed: c_long) {
    // SAFETY: see `Cell`.
    let s = unsafe { &mut *state() };
    s.x = [0x330E, seed as c_ushort, (seed as u32 >> 16) as c_ushort];
    s.a = A;
    s.c = C;
}

/// seed48(3): `x` becomes the three words at `seed16v`; `a` and `c` go back
/// to their defaults. Returns a static copy of the previous `x`.
///
/// # Safety
/// `seed16v` points to three words.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn seed48(seed16v: *mut c_ushort) -> *mut c_ushort {
    // SAFETY: see `Cell`; the caller passes three words.
    unsafe {
        let s = &mut *state();
        s.old = s.x;
        s.x = [*seed16v, *seed16v.add(1), *seed16v.add(2)];
        s.a = A;
        s.c = C;
        s.old.as_mut_ptr()
    }
}

/// lcong48(3): sets `x` from `param[0..3]`, `a` from `param[3..6]` and `c`
/// from `param[6]`.
///
/// # Safety
/// `param` points to seven words.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn lcong48(param: *mut c_ushort) {
    // SAFETY: see `Cell`; the caller passes seven words.
    unsafe {
        let s = &mut *state();
        let p = |i: usize| *param.add(i);
        s.x = [p(0), p(1), p(2)];
        s.a = p(3) as u64 | (p(4) as u64) << 16 | (p(5) as u64) << 32;
        s.c = p(6) as u64;
    }
}
