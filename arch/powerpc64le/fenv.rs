//! The floating-point environment on powerpc64le: FPSCR holds the exception
//! flags (OX UX ZX XX, and VX, the summary of the invalid-operation causes
//! VXSNAN … VXCVI and VXSOFT; these are the `FE_*` values), the trap
//! enables (VE OE UE ZE XE) and the rounding mode (RN, bits 0–1).
//!
//! `mtfsf` does not set VX itself but recomputes it from the causes, so
//! raising `FE_INVALID` sets VXSOFT (the "software request" cause) and
//! clearing it clears every cause.

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u32;
/// `FE_ALL_EXCEPT`: XX, ZX, UX, OX, VX.
pub const ALL_EXCEPT: u32 = 0x3e00_0000;
/// The four rounding modes' `FE_*` values (RN: nearest, zero, +inf, -inf).
pub const ROUNDING: [u32; 4] = [0, 1, 2, 3];
const RN: u32 = 3;
const FE_INVALID: u32 = 0x2000_0000;
/// FX: some exception happened since it was cleared.
const FX: u32 = 0x8000_0000;
/// The invalid-operation causes (VXSNAN … VXVC, VXSOFT, VXSQRT, VXCVI).
const VX_CAUSES: u32 = 0x01f8_0700;
const VXSOFT: u32 = 0x400;
/// The trap enables VE OE UE ZE XE.
const TRAPS: u32 = 0xf8;

/// `fenv_t`: the FPSCR image `mffs` gives, as a double.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    fpscr: f64,
}

fn fpscr() -> u32 {
    let v: f64;
    // SAFETY: reading FPSCR has no side effects.
    unsafe { asm!("mffs {}", out(freg) v, options(nomem, nostack)) };
    v.to_bits() as u32
}

fn set_fpscr(v: u32) {
    let f = f64::from_bits(u64::from(v));
    // SAFETY: only the FP control and status state changes (all 8 fields).
    unsafe { asm!("mtfsf 255, {}", in(freg) f, options(nomem, nostack)) };
}

/// The exception flags raised.
pub fn test() -> u32 {
    fpscr() & ALL_EXCEPT
}

/// Clears the flags `e` (for `FE_INVALID`, every invalid cause).
pub fn clear(e: u32) {
    let mut v = fpscr() & !e;
    if e & FE_INVALID != 0 {
        v &= !VX_CAUSES;
    }
    if v & ALL_EXCEPT == 0 {
        v &= !FX;
    }
    set_fpscr(v);
}

/// Raises the flags `e` (sets them; `FE_INVALID` through VXSOFT).
pub fn raise(e: u32) {
    if e == 0 {
        return;
    }
    let mut v = fpscr() | (e & !FE_INVALID) | FX;
    if e & FE_INVALID != 0 {
        v |= VXSOFT;
    }
    set_fpscr(v);
}

/// The rounding mode.
pub fn get_round() -> u32 {
    fpscr() & RN
}

/// Sets rounding mode `r` (one of [`ROUNDING`]).
pub fn set_round(r: u32) {
    set_fpscr((fpscr() & !RN) | r);
}

/// The whole environment.
pub fn get_env() -> Env {
    let v: f64;
    // SAFETY: reading FPSCR has no side effects.
    unsafe { asm!("mffs {}", out(freg) v, options(nomem, nostack)) };
    Env { fpscr: v }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    // SAFETY: only the FP control and status state changes.
    unsafe { asm!("mtfsf 255, {}", in(freg) env.fpscr, options(nomem, nostack)) };
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, no traps,
/// no flags.
pub fn default_env() -> Env {
    Env { fpscr: 0.0 }
}

/// Disables every trap (non-stop mode, for `feholdexcept`).
pub fn nonstop() {
    set_fpscr(fpscr() & !TRAPS);
}
