//! The floating-point environment on x86 (x86_64, and i386 through
//! `#[path]`): two units, each with its own flags, rounding mode and trap
//! masks. The x87 (control word, status word) is what i386 C code computes
//! with; SSE (MXCSR) is what x86_64 code and Rust's i686 code use. Both are
//! kept in step: the flags read are the union of the two, clearing clears
//! both, and the rounding mode is set in both. Raising sets the flags in
//! MXCSR (traps are masked in the default environment, so nothing traps).
//!
//! The `FE_*` bits are the x87 status word's, which MXCSR uses too (with
//! the rounding field 3 bits higher, at 13–14 instead of 10–11).

use core::arch::asm;

/// `fexcept_t`.
pub type Fexcept = u16;
/// `FE_ALL_EXCEPT`: invalid, divide-by-zero, overflow, underflow, inexact
/// (glibc's set: the x87's denormal flag is left out).
pub const ALL_EXCEPT: u32 = 0x3d;
/// The four rounding modes' `FE_*` values (the x87 control word's RC field).
pub const ROUNDING: [u32; 4] = [0, 0x400, 0x800, 0xc00];
/// RC in the x87 control word.
const X87_RC: u32 = 0xc00;
/// The exception masks in the x87 control word and in MXCSR.
const X87_MASKS: u32 = 0x3f;
const SSE_MASKS: u32 = 0x1f80;

/// `fenv_t`: the x87 environment as `fnstenv` stores it (control, status
/// and tag words, the last instruction and operand pointers), then MXCSR.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Env {
    x87: [u32; 7],
    mxcsr: u32,
}

fn x87_env() -> [u32; 7] {
    let mut env = [0u32; 7];
    // SAFETY: fnstenv stores 28 bytes into `env`; it also masks every x87
    // exception, so fldcw reloads the control word it stored first.
    unsafe {
        asm!("fnstenv [{0}]", "fldcw [{0}]", in(reg) env.as_mut_ptr(), options(nostack));
    }
    env
}

fn set_x87_env(env: &[u32; 7]) {
    // SAFETY: fldenv loads 28 bytes from `env`, an image fnstenv stored or
    // one with the same layout.
    unsafe { asm!("fldenv [{0}]", in(reg) env.as_ptr(), options(nostack, readonly)) };
}

fn mxcsr() -> u32 {
    let mut v = 0u32;
    // SAFETY: stmxcsr stores 4 bytes into `v`.
    unsafe { asm!("stmxcsr [{0}]", in(reg) &mut v, options(nostack)) };
    v
}

fn set_mxcsr(v: u32) {
    // SAFETY: ldmxcsr loads 4 bytes from `v`; only the FP state changes.
    unsafe { asm!("ldmxcsr [{0}]", in(reg) &v, options(nostack, readonly)) };
}

fn x87_control() -> u32 {
    let mut cw = 0u16;
    // SAFETY: fnstcw stores 2 bytes into `cw`.
    unsafe { asm!("fnstcw [{0}]", in(reg) &mut cw, options(nostack)) };
    u32::from(cw)
}

fn set_x87_control(cw: u32) {
    let cw = cw as u16;
    // SAFETY: fldcw loads 2 bytes from `cw`.
    unsafe { asm!("fldcw [{0}]", in(reg) &cw, options(nostack, readonly)) };
}

/// The exception flags raised, in either unit.
pub fn test() -> u32 {
    let sw: u16;
    // SAFETY: fnstsw only writes ax.
    unsafe { asm!("fnstsw ax", out("ax") sw, options(nomem, nostack)) };
    (u32::from(sw) | mxcsr()) & ALL_EXCEPT
}

/// Clears the flags `e` in both units.
pub fn clear(e: u32) {
    let mut env = x87_env();
    // The status word's flags; with them gone the summary bits (error
    // summary 0x80, busy 0x8000) go too, so that no fwait traps.
    env[1] &= !e;
    if env[1] & ALL_EXCEPT & !(env[0] & X87_MASKS) == 0 {
        env[1] &= !0x8080;
    }
    set_x87_env(&env);
    set_mxcsr(mxcsr() & !e);
}

/// Raises the flags `e` (sets them in MXCSR).
pub fn raise(e: u32) {
    set_mxcsr(mxcsr() | e);
}

/// The rounding mode, as the x87 has it.
pub fn get_round() -> u32 {
    x87_control() & X87_RC
}

/// Sets rounding mode `r` (one of [`ROUNDING`]) in both units.
pub fn set_round(r: u32) {
    set_x87_control((x87_control() & !X87_RC) | r);
    set_mxcsr((mxcsr() & !(X87_RC << 3)) | (r << 3));
}

/// The whole environment.
pub fn get_env() -> Env {
    Env {
        x87: x87_env(),
        mxcsr: mxcsr(),
    }
}

/// Installs `env`.
pub fn set_env(env: &Env) {
    set_x87_env(&env.x87);
    set_mxcsr(env.mxcsr);
}

/// The environment at start-up (`FE_DFL_ENV`): round to nearest, double
/// extended precision on the x87, every exception masked, no flags, an
/// empty x87 register stack.
pub fn default_env() -> Env {
    let mut x87 = x87_env();
    x87[0] = (x87[0] & !0xffff) | 0x037f;
    x87[1] &= !0xffff;
    x87[2] |= 0xffff;
    Env { x87, mxcsr: 0x1f80 }
}

/// Masks every exception (non-stop mode, for `feholdexcept`).
pub fn nonstop() {
    set_x87_control(x87_control() | X87_MASKS);
    set_mxcsr(mxcsr() | SSE_MASKS);
}
