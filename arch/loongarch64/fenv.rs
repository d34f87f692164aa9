//! The floating-point environment on loongarch64: fcsr0 holds the trap
//! enables (bits 0–4), the rounding mode (8–9), the exception flags
//! (16–20, which the `FE_*` values are) and the last operation's causes
//! (24–28).

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u32;
/// `FE_ALL_EXCEPT`: the flags I, U, O, Z, V.
pub const ALL_EXCEPT: u32 = 0x1f_0000;
/// The four rounding modes' `FE_*` values (RNE, RZ, RP, RM).
pub const ROUNDING: [u32; 4] = [0, 0x100, 0x200, 0x300];
const RM: u32 = 0x300;
/// The trap enables.
const TRAPS: u32 = 0x1f;

/// `fenv_t`: fcsr0.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    fcsr: u32,
}

fn fcsr() -> u32 {
    let v: usize;
    // SAFETY: reading fcsr0 has no side effects.
    unsafe { asm!("movfcsr2gr {}, $fcsr0", out(reg) v, options(nomem, nostack)) };
    v as u32
}

fn set_fcsr(v: u32) {
    // SAFETY: only the FP control and status state changes.
    unsafe { asm!("movgr2fcsr $fcsr0, {}", in(reg) v as usize, options(nomem, nostack)) };
}

/// The exception flags raised.
pub fn test() -> u32 {
    fcsr() & ALL_EXCEPT
}

/// Clears the flags `e` (and the same causes).
pub fn clear(e: u32) {
    set_fcsr(fcsr() & !(e | e << 8));
}

/// Raises the flags `e` (sets them; traps are off by default).
pub fn raise(e: u32) {
    set_fcsr(fcsr() | e);
}

/// The rounding mode.
pub fn get_round() -> u32 {
    fcsr() & RM
}

/// Sets rounding mode `r` (one of [`ROUNDING`]).
pub fn set_round(r: u32) {
    set_fcsr((fcsr() & !RM) | r);
}

/// The whole environment.
pub fn get_env() -> Env {
    Env { fcsr: fcsr() }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    set_fcsr(env.fcsr);
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, no traps,
/// no flags.
pub fn default_env() -> Env {
    Env { fcsr: 0 }
}

/// Disables every trap (non-stop mode, for `feholdexcept`).
pub fn nonstop() {
    set_fcsr(fcsr() & !TRAPS);
}
