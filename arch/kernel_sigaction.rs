//! The kernel's `struct sigaction` for `rt_sigaction`. muslin's arches have
//! two layouts: `{ handler, flags, restorer, mask }` (x86_64, i386, arm,
//! aarch64, powerpc64, s390x) and `{ handler, flags, mask }` (riscv64 and
//! loongarch64, where the vDSO supplies the return trampoline). One generic
//! struct serves both: its restorer field is a `usize` where the kernel has
//! one and `()`, which takes no bytes in a `repr(C)` struct, where it has
//! none. Each arch's `signal.rs` names its form; the mask type is the
//! caller's kernel-sized signal set.

use core::ffi::c_ulong;

/// What a `sigaction` restorer field holds: an address (`usize`), or
/// nothing (`()`) where the kernel's struct has no such field.
pub trait RestorerField: Copy {
    /// The field for the restorer at `addr` (dropped where there is none).
    fn from_addr(addr: usize) -> Self;
}

impl RestorerField for usize {
    fn from_addr(addr: usize) -> usize {
        addr
    }
}

impl RestorerField for () {
    fn from_addr(_addr: usize) {}
}

/// `struct sigaction` as `rt_sigaction` reads and writes it: restorer field
/// `R`, signal mask `M`.
#[repr(C)]
pub struct KernelSigaction<R, M> {
    handler: usize,
    flags: c_ulong,
    restorer: R,
    mask: M,
}

// `()` takes no room: without a restorer the mask follows the flags.
const _: () = assert!(size_of::<KernelSigaction<(), [u8; 8]>>() == 2 * size_of::<usize>() + 8);
const _: () = assert!(size_of::<KernelSigaction<usize, [u8; 8]>>() == 3 * size_of::<usize>() + 8);

impl<R: RestorerField, M: Copy> KernelSigaction<R, M> {
    /// A kernel action from its parts (`restorer` is dropped where unused).
    pub fn new(handler: usize, flags: usize, restorer: usize, mask: M) -> Self {
        KernelSigaction {
            handler,
            flags: flags as c_ulong,
            restorer: R::from_addr(restorer),
            mask,
        }
    }

    /// The handler address.
    pub fn handler(&self) -> usize {
        self.handler
    }

    /// The `SA_*` flags.
    pub fn flags(&self) -> usize {
        self.flags as usize
    }

    /// The blocked-while-running mask.
    pub fn mask(&self) -> M {
        self.mask
    }
}
