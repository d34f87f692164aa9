//! Static TLS: the executable's `PT_TLS` image copied into a per-thread
//! block, placed above or below the thread pointer as the arch's ABI says.
//!
//! Variant II (x86_64, i386, s390x): `[TLS block][descriptor]`, TP = descriptor.
//! Variant I (the rest): `[descriptor][gap][TLS block]`, with
//! TP = end of descriptor + `TP_OFFSET` and the block at
//! TP − `TP_OFFSET` + round_up(`TLS_GAP_ABOVE_TP`, align).

use super::descriptor::ThreadDescriptor;
use crate::arch::thread_pointer::{TLS_ABOVE_TP, TLS_GAP_ABOVE_TP, TP_OFFSET};
use crate::elf;
use crate::env::auxv;
use core::cell::{Cell, UnsafeCell};
use core::sync::atomic::Ordering;

const DESC: usize = size_of::<ThreadDescriptor>();

/// The executable's TLS initialisation image.
#[derive(Copy, Clone)]
pub(crate) struct TlsImage {
    init: *const u8,
    file_size: usize,
    mem_size: usize,
    /// `p_align` of PT_TLS (0 read as 1): the linker's TLS offsets use it.
    align: usize,
}

impl TlsImage {
    /// Alignment of the TLS block.
    fn align(&self) -> usize {
        self.align.max(1)
    }

    /// Alignment of the thread pointer: enough for the TLS block and for
    /// the descriptor that shares its address range.
    fn tp_align(&self) -> usize {
        self.align.max(align_of::<ThreadDescriptor>())
    }
}

/// Written once by start-up, before any other thread exists; read-only
/// after. All-zero initially, so it costs no `.data`.
struct ImageCell(UnsafeCell<TlsImage>);
// SAFETY: only start-up writes it, single-threaded, before threads exist.
unsafe impl Sync for ImageCell {}
static IMAGE: ImageCell = ImageCell(UnsafeCell::new(TlsImage {
    init: core::ptr::null(),
    file_size: 0,
    mem_size: 0,
    align: 0,
}));

/// Finds PT_TLS among the program headers; the load bias comes from
/// PT_PHDR (0 for a static non-PIE program).
fn find_image() -> TlsImage {
    let at = auxv::get(auxv::AT_PHDR);
    let (n, size) = (auxv::get(auxv::AT_PHNUM), auxv::get(auxv::AT_PHENT));
    let (mut bias, mut tls) = (0usize, None);
    for i in 0..n {
        // SAFETY: the kernel maps `n` program headers of `size` bytes at AT_PHDR.
        let ph = unsafe { &*((at + i * size) as *const elf::Phdr) };
        if ph.ty == elf::PT_PHDR {
            bias = at.wrapping_sub(ph.vaddr as usize);
        } else if ph.ty == elf::PT_TLS {
            tls = Some(ph);
        }
    }
    match tls {
        Some(ph) => TlsImage {
            init: bias.wrapping_add(ph.vaddr as usize) as *const u8,
            file_size: ph.filesz as usize,
            mem_size: ph.memsz as usize,
            align: (ph.align as usize).max(1),
        },
        None => TlsImage {
            init: core::ptr::null(),
            file_size: 0,
            mem_size: 0,
            align: 1,
        },
    }
}

/// Rounds `x` up to a multiple of `a`, a power of two (no division: a
/// division-by-zero check would link the panic machinery into every program).
#[inline(always)]
fn align_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

fn image() -> TlsImage {
    // SAFETY: written only by start-up, before any thread could read it.
    unsafe { *IMAGE.0.get() }
}

/// Bytes a thread needs for its TLS block and descriptor, alignment slack
/// included.
pub(crate) fn area_size() -> usize {
    let im = image();
    DESC + im.tp_align()
        + align_up(TLS_GAP_ABOVE_TP, im.align())
        + align_up(im.mem_size, im.align())
}

/// Lays out a TLS block and descriptor inside `[mem, mem + area_size())`:
/// copies `.tdata` and links the descriptor to itself; returns the thread
/// pointer value to install.
///
/// # Safety
/// `mem` must be writable for `area_size()` bytes, zero-filled (so `.tbss`
/// and the descriptor's fields start cleared without a memset) and not
/// otherwise in use.
#[optimize(size)]
pub(crate) unsafe fn install(mem: *mut u8) -> *mut u8 {
    let im = image();
    let base = mem as usize;
    let (desc, tp, block) = if TLS_ABOVE_TP {
        let x = align_up(base + DESC, im.tp_align());
        (
            x - DESC,
            x + TP_OFFSET,
            x + align_up(TLS_GAP_ABOVE_TP, im.align()),
        )
    } else {
        // The linker places the block at TP - round_up(memsz, p_align).
        let size = align_up(im.mem_size, im.align());
        let d = align_up(base + size, im.tp_align());
        (d, d, d - size)
    };
    // SAFETY: all three lie inside the caller's zero-filled area (see
    // area_size()); an all-zero ThreadDescriptor is its cleared state.
    unsafe {
        if im.file_size != 0 {
            crate::arch::mem::copy(block as *mut u8, im.init, im.file_size);
        }
        let d = desc as *mut ThreadDescriptor;
        (&raw mut (*d).self_ptr).write(d);
        (&raw mut (*d).cp_flag).write(Cell::new((&raw const (*d).cancel).cast()));
    }
    tp as *mut u8
}

/// The start of the TLS block of the thread whose thread pointer is `tp`
/// (where its copy of `.tdata` begins), as [`install`] laid it out.
pub(crate) fn block_from_tp(tp: *mut u8) -> *mut u8 {
    let im = image();
    if TLS_ABOVE_TP {
        tp.wrapping_sub(TP_OFFSET)
            .wrapping_add(align_up(TLS_GAP_ABOVE_TP, im.align()))
    } else {
        tp.wrapping_sub(align_up(im.mem_size, im.align()))
    }
}

/// The size of the program's TLS image (`PT_TLS`'s `p_memsz`; 0 if none).
pub(crate) fn image_size() -> usize {
    image().mem_size
}

/// The descriptor of the thread whose thread pointer is `tp`.
#[inline(always)]
pub(crate) fn descriptor_from_tp(tp: *mut u8) -> *mut ThreadDescriptor {
    if TLS_ABOVE_TP {
        tp.wrapping_sub(TP_OFFSET + DESC).cast()
    } else {
        tp.cast()
    }
}

/// Static room for the main thread; a larger TLS image gets an mmap.
/// [`install`] aligns inside it (`area_size` counts the slack), so it needs
/// no large alignment of its own: one would pad the file before `.bss`.
#[repr(C, align(16))]
struct MainArea([u8; 4096]);
static mut MAIN_AREA: MainArea = MainArea([0; 4096]);

/// Sets up the main thread's TLS, descriptor and thread pointer.
#[optimize(size)]
pub(crate) fn init_main_thread() {
    // SAFETY: start-up is single-threaded; nothing reads IMAGE yet.
    unsafe { *IMAGE.0.get() = find_image() };
    let need = area_size();
    let mem = if need <= size_of::<MainArea>() {
        // Start-up runs once, single-threaded; nothing else uses MAIN_AREA.
        (&raw mut MAIN_AREA).cast::<u8>()
    } else {
        use linux_raw_sys::general::{MAP_ANONYMOUS, MAP_PRIVATE, PROT_READ, PROT_WRITE};
        // SAFETY: a fresh anonymous mapping overlaps nothing.
        match unsafe {
            crate::syscall::mm::mmap(
                core::ptr::null_mut(),
                need,
                (PROT_READ | PROT_WRITE) as i32,
                (MAP_PRIVATE | MAP_ANONYMOUS) as i32,
                -1,
                0,
            )
        } {
            Ok(p) => p,
            Err(_) => crate::syscall::process::exit_group(127),
        }
    };
    // SAFETY: mem holds `need` zero-filled bytes (.bss or a fresh mapping),
    // used for nothing else.
    let tp = unsafe { install(mem) };
    // SAFETY: tp points at the descriptor install() built.
    if crate::syscall::ret(unsafe { crate::arch::thread_pointer::set_thread_pointer(tp) }).is_err()
    {
        crate::syscall::process::exit_group(127);
    }
    let d = super::current();
    // SAFETY: the main thread's descriptor lives for the whole process.
    let tid = unsafe { crate::syscall::process::set_tid_address(d.tid.as_ptr()) };
    d.tid.store(tid, Ordering::Relaxed);
}
