//! The floating-point environment on arm (VFP): FPSCR holds the cumulative
//! exception flags (bits 0–4, which the `FE_*` values are), the trap
//! enables (8–12, 15) and the rounding mode (22–23).

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u32;
/// `FE_ALL_EXCEPT`: FPSCR's IOC, DZC, OFC, UFC, IXC.
pub const ALL_EXCEPT: u32 = 0x1f;
/// The four rounding modes' `FE_*` values (FPSCR's RMode field).
pub const ROUNDING: [u32; 4] = [0, 0x40_0000, 0x80_0000, 0xc0_0000];
const RMODE: u32 = 0xc0_0000;
/// FPSCR's trap enables (IOE DZE OFE UFE IXE, IDE).
const TRAPS: u32 = 0x9f00;

/// `fenv_t`: FPSCR.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    fpscr: u32,
}

fn fpscr() -> u32 {
    let v: u32;
    // SAFETY: reading FPSCR has no side effects.
    unsafe { asm!("vmrs {}, fpscr", out(reg) v, options(nomem, nostack)) };
    v
}

fn set_fpscr(v: u32) {
    // SAFETY: only the FP control and status state changes.
    unsafe { asm!("vmsr fpscr, {}", in(reg) v, options(nomem, nostack)) };
}

/// The exception flags raised.
pub fn test() -> u32 {
    fpscr() & ALL_EXCEPT
}

/// Clears the flags `e`.
pub fn clear(e: u32) {
    set_fpscr(fpscr() & !e);
}

/// Raises the flags `e` (sets them; traps are off by default).
pub fn raise(e: u32) {
    set_fpscr(fpscr() | e);
}

/// The rounding mode.
pub fn get_round() -> u32 {
    fpscr() & RMODE
}

/// Sets rounding mode `r` (one of [`ROUNDING`]).
pub fn set_round(r: u32) {
    set_fpscr((fpscr() & !RMODE) | r);
}

/// The whole environment.
pub fn get_env() -> Env {
    Env { fpscr: fpscr() }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    set_fpscr(env.fpscr);
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, no traps,
/// no flags.
pub fn default_env() -> Env {
    Env { fpscr: 0 }
}

/// Disables every trap (non-stop mode, for `feholdexcept`).
pub fn nonstop() {
    set_fpscr(fpscr() & !TRAPS);
}
