//! TLS variant II: the TLS block ends at the thread pointer, which points at
//! the thread descriptor; the ABI requires `%gs:0` to hold that address (the
//! descriptor's first field). `%gs` selects a GDT entry whose base is the
//! thread pointer, installed with `set_thread_area`.

use core::arch::asm;
use core::sync::atomic::{AtomicU32, Ordering};
use linux_raw_sys::general::__NR_set_thread_area;

/// TLS lives below the thread pointer (variant II).
pub const TLS_ABOVE_TP: bool = false;
/// Unused in variant II.
pub const TLS_GAP_ABOVE_TP: usize = 0;
/// The thread pointer is the descriptor's address itself.
pub const TP_OFFSET: usize = 0;

/// The kernel's `struct user_desc` (`<asm/ldt.h>`), as taken by
/// `set_thread_area` and by `clone` with `CLONE_SETTLS`.
#[repr(C)]
pub struct UserDesc {
    /// GDT entry number (`u32::MAX`: let `set_thread_area` pick one).
    pub entry_number: u32,
    /// Segment base: the thread pointer.
    pub base_addr: u32,
    /// Segment limit (in pages, see `flags`).
    pub limit: u32,
    /// Bit 0 seg_32bit, 1-2 contents, 3 read_exec_only, 4 limit_in_pages,
    /// 5 seg_not_present, 6 useable.
    pub flags: u32,
}

impl UserDesc {
    /// A 4 GiB, 32-bit, usable data segment based at `tp` in GDT entry `entry`.
    pub fn tls(entry: u32, tp: *mut u8) -> UserDesc {
        UserDesc {
            entry_number: entry,
            base_addr: tp as u32,
            limit: 0xfffff,
            flags: 1 | 1 << 4 | 1 << 6, // seg_32bit, limit_in_pages, useable
        }
    }
}

/// GDT entry the main thread got; threads reuse it (`CLONE_SETTLS` takes a
/// `user_desc` on i386). `u32::MAX` until set.
static GDT_ENTRY: AtomicU32 = AtomicU32::new(u32::MAX);

/// GDT entry number of the TLS segment (`u32::MAX` before start-up set it).
pub fn gdt_entry() -> u32 {
    GDT_ENTRY.load(Ordering::Relaxed)
}

/// Sets this thread's thread pointer; returns the raw syscall result.
///
/// # Safety
/// `tp` must point at a live, correctly laid out thread descriptor.
pub unsafe fn set_thread_pointer(tp: *mut u8) -> usize {
    // -1: let the kernel pick a free TLS entry (first call), then reuse it.
    let mut desc = UserDesc::tls(GDT_ENTRY.load(Ordering::Relaxed), tp);
    // SAFETY: set_thread_area reads and updates `desc` only.
    let r =
        unsafe { super::syscall::syscall1(__NR_set_thread_area as usize, &raw mut desc as usize) };
    if r != 0 {
        return r;
    }
    GDT_ENTRY.store(desc.entry_number, Ordering::Relaxed);
    let selector = desc.entry_number << 3 | 3; // GDT, ring 3
    // SAFETY: the selector names the entry the kernel just filled; loading
    // %gs changes only this thread's TLS base.
    unsafe { asm!("mov gs, {0:x}", in(reg) selector, options(nostack, preserves_flags)) };
    0
}

/// Reads the thread pointer (through the self pointer at `%gs:0`).
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp;
    // SAFETY: %gs:0 holds the descriptor's self pointer once start-up set it.
    unsafe {
        asm!("mov {}, dword ptr gs:0", out(reg) tp, options(nostack, readonly, preserves_flags))
    };
    tp
}
