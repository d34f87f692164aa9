//! The auxiliary vector: facts the kernel passes after the environment.

use core::sync::atomic::{AtomicUsize, Ordering};

pub use linux_raw_sys::auxvec::{
    AT_EXECFN, AT_HWCAP, AT_HWCAP2, AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_RANDOM, AT_SECURE,
    AT_SYSINFO_EHDR,
};
/// `AT_SYSINFO`: the i386 vDSO's system-call entry (absent elsewhere).
pub const AT_SYSINFO: u32 = 32;

const SLOTS: usize = 64;
static AUXV: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];

/// Records every entry with a type below 64; called once by start-up.
///
/// # Safety
/// `p` must point at the kernel's `(type, value)` pairs, ending with `AT_NULL`.
pub(crate) unsafe fn init(mut p: *const usize) {
    // SAFETY: the caller passes the kernel's AT_NULL-terminated vector.
    unsafe {
        while *p != 0 {
            if let Some(slot) = AUXV.get(*p) {
                slot.store(*p.add(1), Ordering::Relaxed);
            }
            p = p.add(2);
        }
    }
}

/// The value of auxv entry `ty`, or 0 when the kernel gave none.
pub fn get(ty: u32) -> usize {
    get_by_index(ty as usize)
}

/// [`get`] for a type number of any width (the C `getauxval` argument).
pub fn get_by_index(ty: usize) -> usize {
    AUXV.get(ty).map_or(0, |v| v.load(Ordering::Relaxed))
}
