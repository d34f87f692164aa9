//! `<setjmp.h>`: the parts of `sigsetjmp` and `siglongjmp` that deal with
//! the signal mask. The register saving and restoring is assembly, per arch
//! (`arch/<arch>/setjmp.rs`).
//!
//! Which calls touch the mask follows musl, and glibc as programs see it
//! (glibc's `<setjmp.h>` turns `setjmp(env)` into `_setjmp(env)`, the
//! System V behaviour, since 2.19): `setjmp`/`longjmp` and
//! `_setjmp`/`_longjmp` never do; `sigsetjmp(buf, savemask)` saves it when
//! `savemask` is non-zero and `siglongjmp` restores it then. (glibc's
//! `longjmp` also restores a mask that `sigsetjmp` saved; POSIX leaves
//! `longjmp` on a `sigsetjmp` buffer unspecified, and muslin's `longjmp`,
//! as musl's, leaves the mask alone.) The mask is
//! restored through [`signal::sigprocmask`], which never blocks muslin's
//! reserved signals, so jumping out of a handler cannot block cancellation.

use crate::arch::setjmp::JB_WORDS;
use crate::signal::{self, Sigset};
use core::ffi::c_int;

/// `jmp_buf` and `sigjmp_buf` as `<setjmp.h>` lays them out.
#[repr(C)]
pub struct JmpBuf {
    /// The callee-saved registers, laid out by the arch's assembly.
    regs: [u64; JB_WORDS],
    /// Non-zero when `mask` holds a mask `siglongjmp` must restore; `setjmp`
    /// stores 0 here.
    saved: u64,
    /// The signal mask `sigsetjmp` saved.
    mask: Sigset,
}

unsafe extern "C" {
    /// The assembly `longjmp` (`arch/<arch>/setjmp.rs`).
    fn longjmp(buf: *mut JmpBuf, val: c_int) -> !;
}

/// The mask half of `sigsetjmp`, called by its assembly before it saves the
/// registers: records whether the mask is saved, and the mask.
///
/// # Safety
/// `buf` must point at a writable `sigjmp_buf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __muslin_sigsetjmp_save(buf: *mut JmpBuf, savemask: c_int) {
    let mut mask = Sigset::empty();
    // Reading the mask cannot fail; if it did, nothing is restored.
    let saved = savemask != 0 && signal::sigprocmask(0, None, Some(&mut mask)).is_ok();
    // SAFETY: the caller passes its sigjmp_buf.
    unsafe {
        (*buf).saved = u64::from(saved);
        (*buf).mask = mask;
    }
}

/// siglongjmp(3): restores the signal mask if `sigsetjmp` saved it, then
/// jumps like `longjmp` (a `val` of 0 returns 1).
///
/// # Safety
/// `buf` must hold the state of a `sigsetjmp` (or `setjmp`) whose caller is
/// still running on this thread.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn siglongjmp(buf: *mut JmpBuf, val: c_int) -> ! {
    // SAFETY: the caller passes a buffer a setjmp filled.
    let jb = unsafe { &*buf };
    if jb.saved != 0 {
        let how = linux_raw_sys::general::SIG_SETMASK as c_int;
        // Cannot fail with a valid `how`; the jump happens regardless.
        let _ = signal::sigprocmask(how, Some(&jb.mask), None);
    }
    // SAFETY: as above; longjmp restores the registers the buffer holds.
    unsafe { longjmp(buf, val) }
}
