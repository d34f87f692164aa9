//! The floating-point environment on s390x: the FPC register holds the
//! trap masks (bits 24–31 of the 32-bit word), the exception flags (16–23),
//! the data-exception code (8–15) and the binary rounding mode (0–2). The
//! `FE_*` values are the flag byte's bits (invalid 0x80, divide-by-zero
//! 0x40, overflow 0x20, underflow 0x10, inexact 0x08), shifted into place
//! here.

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u32;
/// `FE_ALL_EXCEPT`.
pub const ALL_EXCEPT: u32 = 0xf8;
/// The four rounding modes' `FE_*` values (nearest, zero, +inf, -inf).
pub const ROUNDING: [u32; 4] = [0, 1, 2, 3];
/// Where the flags and the trap masks sit in FPC.
const FLAGS_SHIFT: u32 = 16;
const MASKS_SHIFT: u32 = 24;
/// The binary rounding-mode field (3 bits, of which `FE_*` use 2).
const RM: u32 = 7;

/// `fenv_t`: FPC, and a spare word (glibc's layout).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    fpc: u32,
    unused: usize,
}

fn fpc() -> u32 {
    let v: u64;
    // SAFETY: efpc only copies FPC into a register.
    unsafe { asm!("efpc {}", out(reg) v, options(nomem, nostack)) };
    v as u32
}

fn set_fpc(v: u32) {
    // SAFETY: only the FP control and status state changes.
    unsafe { asm!("sfpc {}", in(reg) u64::from(v), options(nomem, nostack)) };
}

/// The exception flags raised.
pub fn test() -> u32 {
    (fpc() >> FLAGS_SHIFT) & ALL_EXCEPT
}

/// Clears the flags `e`.
pub fn clear(e: u32) {
    set_fpc(fpc() & !(e << FLAGS_SHIFT));
}

/// Raises the flags `e` (sets them; traps are off by default).
pub fn raise(e: u32) {
    set_fpc(fpc() | (e << FLAGS_SHIFT));
}

/// The rounding mode.
pub fn get_round() -> u32 {
    fpc() & 3
}

/// Sets rounding mode `r` (one of [`ROUNDING`]).
pub fn set_round(r: u32) {
    set_fpc((fpc() & !RM) | r);
}

/// The whole environment.
pub fn get_env() -> Env {
    Env {
        fpc: fpc(),
        unused: 0,
    }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    set_fpc(env.fpc);
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, no traps,
/// no flags.
pub fn default_env() -> Env {
    Env { fpc: 0, unused: 0 }
}

/// Disables every trap (non-stop mode, for `feholdexcept`).
pub fn nonstop() {
    set_fpc(fpc() & !(ALL_EXCEPT << MASKS_SHIFT));
}
