//! Finding functions in the vDSO the kernel maps into every process
//! (`AT_SYSINFO_EHDR`): walk its program headers to `PT_DYNAMIC`, then look
//! names up in its dynamic symbol table. Looked up once, on first use.

use crate::env::auxv;
use core::ffi::c_int;
use core::sync::atomic::{AtomicUsize, Ordering};

use super::Timespec;
use crate::elf;

/// Signature of the vDSO's `clock_gettime`.
pub type ClockGettime = unsafe extern "C" fn(c_int, *mut Timespec) -> c_int;

use crate::elf::{PT_DYNAMIC, PT_LOAD};
const DT_NULL: isize = 0;
const DT_HASH: isize = 4;
const DT_STRTAB: isize = 5;
const DT_SYMTAB: isize = 6;
const DT_GNU_HASH: isize = 0x6fff_fef5;

/// Number of dynamic symbols, from DT_HASH's nchain or by walking DT_GNU_HASH.
///
/// # Safety
/// The pointers must come from a mapped, well-formed vDSO.
unsafe fn symbol_count(hash: *const u32, gnu_hash: *const u32) -> usize {
    // SAFETY: the caller guarantees the tables are mapped and well formed.
    unsafe {
        if !hash.is_null() {
            return *hash.add(1) as usize;
        }
        if gnu_hash.is_null() {
            return 0;
        }
        let nbuckets = *gnu_hash as usize;
        let symoffset = *gnu_hash.add(1) as usize;
        let bloom_size = *gnu_hash.add(2) as usize;
        let words = size_of::<usize>() / 4;
        let buckets = gnu_hash.add(4 + bloom_size * words);
        let chains = buckets.add(nbuckets);
        let mut last = 0;
        for i in 0..nbuckets {
            last = last.max(*buckets.add(i) as usize);
        }
        if last < symoffset {
            return symoffset;
        }
        while *chains.add(last - symoffset) & 1 == 0 {
            last += 1;
        }
        last + 1
    }
}

/// Looks `name` up in the vDSO at `base`; returns its address or 0.
///
/// # Safety
/// `base` must be the kernel-provided `AT_SYSINFO_EHDR`.
unsafe fn lookup(base: usize, name: &[u8]) -> usize {
    // SAFETY: the kernel maps a complete ELF image at `base`.
    unsafe {
        let eh = &*(base as *const elf::Ehdr);
        let ph = (base + eh.phoff as usize) as *const elf::Phdr;
        let (mut bias, mut dynamic) = (None, core::ptr::null::<elf::Dyn>());
        for i in 0..eh.phnum as usize {
            let p = &*ph.add(i);
            if p.ty == PT_LOAD && bias.is_none() {
                bias = Some(
                    base.wrapping_add(p.offset as usize)
                        .wrapping_sub(p.vaddr as usize),
                );
            } else if p.ty == PT_DYNAMIC {
                dynamic = (base + p.offset as usize) as *const elf::Dyn;
            }
        }
        let Some(bias) = bias else { return 0 };
        if dynamic.is_null() {
            return 0;
        }
        let (mut strtab, mut symtab) = (0usize, 0usize);
        let (mut hash, mut gnu_hash) = (core::ptr::null::<u32>(), core::ptr::null::<u32>());
        let mut d = dynamic;
        while (*d).tag != DT_NULL {
            let at = bias.wrapping_add((*d).val as elf::Addr as usize);
            match (*d).tag {
                DT_STRTAB => strtab = at,
                DT_SYMTAB => symtab = at,
                DT_HASH => hash = at as *const u32,
                DT_GNU_HASH => gnu_hash = at as *const u32,
                _ => {}
            }
            d = d.add(1);
        }
        if strtab == 0 || symtab == 0 {
            return 0;
        }
        let syms = symtab as *const elf::Sym;
        for i in 0..symbol_count(hash, gnu_hash) {
            let s = &*syms.add(i);
            // Defined (shndx != UNDEF) functions or no-type symbols only.
            if s.shndx == 0 || s.info & 0xf > 2 {
                continue;
            }
            let sname = core::ffi::CStr::from_ptr((strtab + s.name as usize) as *const _);
            if sname.to_bytes() == name {
                return bias.wrapping_add(s.value as usize);
            }
        }
        0
    }
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
