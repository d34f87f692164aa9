//! Static TLS: the executable's `PT_TLS` image copied into a per-thread
//! block, placed above or below the thread pointer as the arch's ABI says.
//!
//! Variant II (x86_64, i386, s390x): `[TLS block][descriptor]`, TP = descriptor.
//! Variant I (the rest): `[descriptor][gap][TLS block]`, with
//! TP = end of descriptor + `TP_OFFSET` and the block at
//! TP − `TP_OFFSET` + round_up(`TLS_GAP_ABOVE_TP`, align).

use super::descriptor::ThreadDescriptor;
use crate::arch::thread_pointer::{TLS_ABOVE_TP, TLS_GAP_ABOVE_TP, TP_OFFSET};
use crate::env::auxv;
use core::sync::atomic::{AtomicUsize, Ordering};

const PT_TLS: u32 = 7;
const DESC: usize = size_of::<ThreadDescriptor>();

/// The executable's TLS initialisation image.
#[derive(Copy, Clone)]
pub(crate) struct TlsImage {
    init: *const u8,
    file_size: usize,
    mem_size: usize,
    /// `p_align` of PT_TLS: the linker's TLS offsets are computed with it.
    align: usize,
}

impl TlsImage {
    /// Alignment of the thread pointer: enough for the TLS block and for
    /// the descriptor that shares its address range.
    fn tp_align(&self) -> usize {
        self.align.max(align_of::<ThreadDescriptor>())
    }
}

static IMAGE_INIT: AtomicUsize = AtomicUsize::new(0);
static IMAGE_FILE: AtomicUsize = AtomicUsize::new(0);
static IMAGE_MEM: AtomicUsize = AtomicUsize::new(0);
static IMAGE_ALIGN: AtomicUsize = AtomicUsize::new(1);

/// Program header fields we need, read the same way for ELF32 and ELF64.
fn read_phdrs(f: impl FnMut(u32, usize, usize, usize, usize, usize)) {
    let (phdr, phnum, phent) = (
        auxv::get(auxv::AT_PHDR),
        auxv::get(auxv::AT_PHNUM),
        auxv::get(auxv::AT_PHENT),
    );
    let mut f = f;
    if phdr == 0 {
        return;
    }
    for i in 0..phnum {
        let p = phdr + i * phent;
        // SAFETY: the kernel maps the program headers at AT_PHDR.
        unsafe {
            let ty = *(p as *const u32);
            #[cfg(target_pointer_width = "64")]
            let (vaddr, filesz, memsz, align) = {
                let w = p as *const u64;
                (*w.add(2), *w.add(4), *w.add(5), *w.add(6))
            };
            #[cfg(target_pointer_width = "32")]
            let (vaddr, filesz, memsz, align) = {
                let w = p as *const u32;
                (*w.add(2), *w.add(4), *w.add(5), *w.add(7))
            };
            f(
                ty,
                p,
                vaddr as usize,
                filesz as usize,
                memsz as usize,
                align as usize,
            );
        }
    }
}

/// Finds PT_TLS; the load bias comes from PT_PHDR (static non-PIE: 0).
fn find_image() {
    const PT_PHDR: u32 = 6;
    let mut bias = 0usize;
    let mut tls = None;
    read_phdrs(|ty, at, vaddr, filesz, memsz, align| {
        if ty == PT_PHDR {
            bias = auxv::get(auxv::AT_PHDR).wrapping_sub(vaddr);
        } else if ty == PT_TLS {
            tls = Some((vaddr, filesz, memsz, align));
        }
        let _ = at;
    });
    if let Some((vaddr, filesz, memsz, align)) = tls {
        IMAGE_INIT.store(bias.wrapping_add(vaddr), Ordering::Relaxed);
        IMAGE_FILE.store(filesz, Ordering::Relaxed);
        IMAGE_MEM.store(memsz, Ordering::Relaxed);
        IMAGE_ALIGN.store(align.max(1).next_power_of_two(), Ordering::Relaxed);
    }
}

/// Rounds `x` up to a multiple of `a`, a power of two (no division: a
/// division-by-zero check would link the panic machinery into every program).
#[inline(always)]
fn align_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

fn image() -> TlsImage {
    TlsImage {
        init: IMAGE_INIT.load(Ordering::Relaxed) as *const u8,
        file_size: IMAGE_FILE.load(Ordering::Relaxed),
        mem_size: IMAGE_MEM.load(Ordering::Relaxed),
        align: IMAGE_ALIGN.load(Ordering::Relaxed),
    }
}

/// Bytes a thread needs for its TLS block and descriptor, alignment slack
/// included.
pub(crate) fn area_size() -> usize {
    let im = image();
    DESC + im.tp_align() + align_up(TLS_GAP_ABOVE_TP, im.align) + align_up(im.mem_size, im.align)
}

/// Lays out a TLS block and descriptor inside `[mem, mem + area_size())`:
/// copies `.tdata` and links the descriptor to itself; returns the thread
/// pointer value to install.
///
/// # Safety
/// `mem` must be writable for `area_size()` bytes, zero-filled (so `.tbss`
/// and the descriptor's fields start cleared without a memset) and not
/// otherwise in use.
pub(crate) unsafe fn install(mem: *mut u8) -> *mut u8 {
    let im = image();
    let base = mem as usize;
    let (desc, tp, block) = if TLS_ABOVE_TP {
        let x = align_up(base + DESC, im.tp_align());
        (
            x - DESC,
            x + TP_OFFSET,
            x + align_up(TLS_GAP_ABOVE_TP, im.align),
        )
    } else {
        // The linker places the block at TP - round_up(memsz, p_align).
        let size = align_up(im.mem_size, im.align);
        let d = align_up(base + size, im.tp_align());
        (d, d, d - size)
    };
    // SAFETY: all three lie inside the caller's zero-filled area (see
    // area_size()); an all-zero ThreadDescriptor is its cleared state.
    unsafe {
        if im.file_size != 0 {
            core::ptr::copy_nonoverlapping(im.init, block as *mut u8, im.file_size);
        }
        let d = desc as *mut ThreadDescriptor;
        (&raw mut (*d).self_ptr).write(d);
    }
    tp as *mut u8
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
#[repr(C, align(64))]
struct MainArea([u8; 4096]);
static mut MAIN_AREA: MainArea = MainArea([0; 4096]);

/// Sets up the main thread's TLS, descriptor and thread pointer.
pub(crate) fn init_main_thread() {
    find_image();
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
