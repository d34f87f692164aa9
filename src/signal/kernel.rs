//! The two layouts of the kernel's `struct sigaction` among muslin's arches:
//! with a restorer field (x86, arm, aarch64, powerpc64, s390x) and without
//! (riscv64, loongarch64, where the vDSO supplies the return trampoline).
//! Each arch's `signal.rs` names the one it uses.

use super::Sigset;
use core::ffi::c_ulong;

/// Building and reading a kernel sigaction, whatever its layout.
pub trait Layout {
    /// A kernel action from its parts (`restorer` is dropped where unused).
    fn new(handler: usize, flags: usize, restorer: usize, mask: Sigset) -> Self;
    /// The handler address.
    fn handler(&self) -> usize;
    /// The `SA_*` flags.
    fn flags(&self) -> usize;
    /// The blocked-while-running mask.
    fn mask(&self) -> Sigset;
}

/// `{ handler, flags, restorer, mask }`.
#[repr(C)]
pub struct SigactionWithRestorer {
    handler: usize,
    flags: c_ulong,
    restorer: usize,
    mask: Sigset,
}

impl Layout for SigactionWithRestorer {
    fn new(handler: usize, flags: usize, restorer: usize, mask: Sigset) -> Self {
        SigactionWithRestorer {
            handler,
            flags: flags as c_ulong,
            restorer,
            mask,
        }
    }
    fn handler(&self) -> usize {
        self.handler
    }
    fn flags(&self) -> usize {
        self.flags as usize
    }
    fn mask(&self) -> Sigset {
        self.mask
    }
}

/// `{ handler, flags, mask }`.
#[repr(C)]
pub struct SigactionNoRestorer {
    handler: usize,
    flags: c_ulong,
    mask: Sigset,
}

impl Layout for SigactionNoRestorer {
    fn new(handler: usize, flags: usize, _restorer: usize, mask: Sigset) -> Self {
        SigactionNoRestorer {
            handler,
            flags: flags as c_ulong,
            mask,
        }
    }
    fn handler(&self) -> usize {
        self.handler
    }
    fn flags(&self) -> usize {
        self.flags as usize
    }
    fn mask(&self) -> Sigset {
        self.mask
    }
}
