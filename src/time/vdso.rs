//! Finding functions in the vDSO the kernel maps into every process
//! (`AT_SYSINFO_EHDR`). The ELF parsing is [`crate::elf::find_symbol`];
//! here the mapped image becomes a slice, and the arch names the symbol,
//! its version and the width of its `DT_HASH` entries. Looked up once, on
//! first use.

use crate::elf::{self, Format};
use crate::env::auxv;
use core::ffi::c_int;
use core::sync::atomic::{AtomicUsize, Ordering};

use super::Timespec;

/// Signature of the vDSO's `clock_gettime`.
pub type ClockGettime = unsafe extern "C" fn(c_int, *mut Timespec) -> c_int;

/// The vDSO is in the program's own class and byte order.
const FORMAT: Format = Format::native(crate::arch::ELF_HASH_ENTRY);

/// Looks `name` (of the arch's vDSO version) up in the vDSO at `base`;
/// returns its address or 0.
///
/// # Safety
/// `base` must be the kernel-provided `AT_SYSINFO_EHDR`.
unsafe fn lookup(base: usize, name: &[u8]) -> usize {
    let image = elf::whole_image(FORMAT, |len| {
        // SAFETY: the kernel maps the whole vDSO image at `base`, and
        // `whole_image` asks only for lengths its headers say it spans.
        unsafe { core::slice::from_raw_parts(base as *const u8, len) }
    });
    image
        .and_then(|image| elf::find_symbol(image, FORMAT, name, crate::arch::VDSO_VERSION))
        .map_or(0, |offset| base + offset)
}

/// 0: not looked up yet; 1: none; anything else: the function's address.
static CLOCK_GETTIME: AtomicUsize = AtomicUsize::new(0);

/// The vDSO's `clock_gettime`, if the kernel provides one.
pub fn clock_gettime() -> Option<ClockGettime> {
    let mut f = CLOCK_GETTIME.load(Ordering::Relaxed);
    if f == 0 {
        let base = auxv::get(auxv::AT_SYSINFO_EHDR);
        f = match base {
            0 => 0,
            // SAFETY: a non-zero AT_SYSINFO_EHDR is the kernel's vDSO.
            b => unsafe { lookup(b, crate::arch::VDSO_CLOCK_GETTIME) },
        };
        f = f.max(1);
        CLOCK_GETTIME.store(f, Ordering::Relaxed);
    }
    // SAFETY: f is the address of the vDSO's clock_gettime.
    (f > 1).then(|| unsafe { core::mem::transmute::<usize, ClockGettime>(f) })
}
