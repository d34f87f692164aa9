//! The floating-point environment on aarch64: FPCR (rounding mode in bits
//! 22–23, trap enables in 8–12 and 15) and FPSR (the cumulative exception
//! flags in bits 0–4, which the `FE_*` values are).

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u32;
/// `FE_ALL_EXCEPT`: FPSR's IOC, DZC, OFC, UFC, IXC.
pub const ALL_EXCEPT: u32 = 0x1f;
/// The four rounding modes' `FE_*` values (FPCR's RMode field).
pub const ROUNDING: [u32; 4] = [0, 0x40_0000, 0x80_0000, 0xc0_0000];
const RMODE: u32 = 0xc0_0000;
/// FPCR's trap enables (IOE DZE OFE UFE IXE, IDE).
const TRAPS: u32 = 0x9f00;

/// `fenv_t`: FPCR and FPSR.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    fpcr: u32,
    fpsr: u32,
}

fn fpcr() -> u32 {
    let v: u64;
    // SAFETY: reading FPCR has no side effects.
    unsafe { asm!("mrs {}, fpcr", out(reg) v, options(nomem, nostack)) };
    v as u32
}

fn set_fpcr(v: u32) {
    // SAFETY: only the FP control state changes.
    unsafe { asm!("msr fpcr, {}", in(reg) u64::from(v), options(nomem, nostack)) };
}

fn fpsr() -> u32 {
    let v: u64;
    // SAFETY: reading FPSR has no side effects.
    unsafe { asm!("mrs {}, fpsr", out(reg) v, options(nomem, nostack)) };
    v as u32
}

fn set_fpsr(v: u32) {
    // SAFETY: only the FP status flags change.
    unsafe { asm!("msr fpsr, {}", in(reg) u64::from(v), options(nomem, nostack)) };
}

/// The exception flags raised.
pub fn test() -> u32 {
    fpsr() & ALL_EXCEPT
}

/// Clears the flags `e`.
pub fn clear(e: u32) {
    set_fpsr(fpsr() & !e);
}

/// Raises the flags `e` (sets them; traps are off by default).
pub fn raise(e: u32) {
    set_fpsr(fpsr() | e);
}

/// The rounding mode.
pub fn get_round() -> u32 {
    fpcr() & RMODE
}

/// Sets rounding mode `r` (one of [`ROUNDING`]).
pub fn set_round(r: u32) {
    set_fpcr((fpcr() & !RMODE) | r);
}

/// The whole environment.
pub fn get_env() -> Env {
    Env {
        fpcr: fpcr(),
        fpsr: fpsr(),
    }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    set_fpcr(env.fpcr);
    set_fpsr(env.fpsr);
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, no traps,
/// no flags.
pub fn default_env() -> Env {
    Env { fpcr: 0, fpsr: 0 }
}

/// Disables every trap (non-stop mode, for `feholdexcept`).
pub fn nonstop() {
    set_fpcr(fpcr() & !TRAPS);
}
