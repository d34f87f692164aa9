//! `<fenv.h>`: the floating-point environment, over each arch's accessors
//! (`arch/<arch>/fenv.rs`). The `FE_*` values are the arch's own register
//! bits (`arch/<arch>/include/bits/fenv.h`); bits outside
//! `FE_ALL_EXCEPT` in an `excepts` argument are ignored, as glibc does.

use crate::arch::fenv::{self as fe, ALL_EXCEPT, Env, Fexcept, ROUNDING};
use core::ffi::c_int;

/// `FE_DFL_ENV`: `(const fenv_t *)-1`.
const DFL_ENV: usize = usize::MAX;

/// The valid exception bits of a C `excepts` argument.
fn bits(excepts: c_int) -> u32 {
    excepts as u32 & ALL_EXCEPT
}

/// feclearexcept(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn feclearexcept(excepts: c_int) -> c_int {
    fe::clear(bits(excepts));
    0
}

/// feraiseexcept(3): sets the flags; with the traps off (the default) that
/// is all raising an exception does.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn feraiseexcept(excepts: c_int) -> c_int {
    fe::raise(bits(excepts));
    0
}

/// fetestexcept(3): which of `excepts` are raised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fetestexcept(excepts: c_int) -> c_int {
    (fe::test() & bits(excepts)) as c_int
}

/// fegetexceptflag(3).
///
/// # Safety
/// `flagp` must point at a writable `fexcept_t`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fegetexceptflag(flagp: *mut Fexcept, excepts: c_int) -> c_int {
    // SAFETY: the caller passes a writable fexcept_t.
    unsafe { *flagp = (fe::test() & bits(excepts)) as Fexcept };
    0
}

/// fesetexceptflag(3): the flags `excepts` become what `*flagp` says,
/// without trapping.
///
/// # Safety
/// `flagp` must point at an `fexcept_t`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fesetexceptflag(flagp: *const Fexcept, excepts: c_int) -> c_int {
    let e = bits(excepts);
    // SAFETY: the caller passes an fexcept_t.
    let flags = unsafe { *flagp };
    // fexcept_t is 16 bits on x86 and 32 elsewhere: widen where it is narrower.
    #[allow(clippy::useless_conversion)]
    let want = u32::from(flags) & e;
    fe::clear(e & !want);
    fe::raise(want);
    0
}

/// fegetround(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fegetround() -> c_int {
    fe::get_round() as c_int
}

/// fesetround(3): non-zero (and nothing changed) for a value that is not
/// one of the four `FE_*` rounding modes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fesetround(round: c_int) -> c_int {
    if !ROUNDING.contains(&(round as u32)) {
        return 1;
    }
    fe::set_round(round as u32);
    0
}

/// fegetenv(3).
///
/// # Safety
/// `envp` must point at a writable `fenv_t`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fegetenv(envp: *mut Env) -> c_int {
    // SAFETY: the caller passes a writable fenv_t.
    unsafe { *envp = fe::get_env() };
    0
}

/// fesetenv(3); `FE_DFL_ENV` installs the start-up environment.
///
/// # Safety
/// `envp` must be `FE_DFL_ENV` or point at an `fenv_t` that `fegetenv` or
/// `feholdexcept` filled.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fesetenv(envp: *const Env) -> c_int {
    if envp as usize == DFL_ENV {
        fe::set_env(&fe::default_env());
    } else {
        // SAFETY: as the caller promises.
        fe::set_env(unsafe { &*envp });
    }
    0
}

/// feholdexcept(3): saves the environment, clears the flags and turns
/// every trap off.
///
/// # Safety
/// `envp` must point at a writable `fenv_t`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn feholdexcept(envp: *mut Env) -> c_int {
    // SAFETY: the caller passes a writable fenv_t.
    unsafe { *envp = fe::get_env() };
    fe::clear(ALL_EXCEPT);
    fe::nonstop();
    0
}

/// feupdateenv(3): installs `*envp` (or `FE_DFL_ENV`), then raises the
/// flags that were raised before.
///
/// # Safety
/// As [`fesetenv`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn feupdateenv(envp: *const Env) -> c_int {
    let raised = fe::test();
    // SAFETY: as the caller promises.
    unsafe { fesetenv(envp) };
    fe::raise(raised);
    0
}
