//! The floating-point environment on riscv64: fcsr, made of fflags (the
//! exception flags, bits 0–4, which the `FE_*` values are) and frm (the
//! rounding mode, bits 5–7). RISC-V floating point never traps.

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u32;
/// `FE_ALL_EXCEPT`: NX, UF, OF, DZ, NV.
pub const ALL_EXCEPT: u32 = 0x1f;
/// The four rounding modes' `FE_*` values (frm: RNE, RTZ, RDN, RUP).
pub const ROUNDING: [u32; 4] = [0, 1, 2, 3];

/// `fenv_t`: fcsr.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    fcsr: u32,
}

/// The exception flags raised.
pub fn test() -> u32 {
    let v: usize;
    // SAFETY: reading fflags has no side effects.
    unsafe { asm!("frflags {}", out(reg) v, options(nomem, nostack)) };
    v as u32 & ALL_EXCEPT
}

/// Clears the flags `e`.
pub fn clear(e: u32) {
    // SAFETY: only the FP flags change.
    unsafe { asm!("csrc fflags, {}", in(reg) e as usize, options(nomem, nostack)) };
}

/// Raises the flags `e` (sets them).
pub fn raise(e: u32) {
    // SAFETY: only the FP flags change.
    unsafe { asm!("csrs fflags, {}", in(reg) e as usize, options(nomem, nostack)) };
}

/// The rounding mode.
pub fn get_round() -> u32 {
    let v: usize;
    // SAFETY: reading frm has no side effects.
    unsafe { asm!("frrm {}", out(reg) v, options(nomem, nostack)) };
    v as u32
}

/// Sets rounding mode `r` (one of [`ROUNDING`]).
pub fn set_round(r: u32) {
    // SAFETY: only the FP rounding mode changes.
    unsafe { asm!("fsrm {}", in(reg) r as usize, options(nomem, nostack)) };
}

/// The whole environment.
pub fn get_env() -> Env {
    let v: usize;
    // SAFETY: reading fcsr has no side effects.
    unsafe { asm!("frcsr {}", out(reg) v, options(nomem, nostack)) };
    Env { fcsr: v as u32 }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    // SAFETY: only the FP flags and rounding mode change.
    unsafe { asm!("fscsr {}", in(reg) env.fcsr as usize, options(nomem, nostack)) };
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, no flags.
pub fn default_env() -> Env {
    Env { fcsr: 0 }
}

/// Non-stop mode (for `feholdexcept`): RISC-V never traps.
pub fn nonstop() {}
