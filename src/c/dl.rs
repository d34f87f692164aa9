//! `<link.h>` and `<dlfcn.h>` for a static program: `dl_iterate_phdr`
//! reports the one object there is (the program, from the aux vector's
//! program headers), which is what unwinders and Rust's backtraces walk;
//! `dlopen` and `dlsym` find nothing, as no library can be loaded (Rust's
//! `std` looks optional functions up with `dlsym` and falls back to the
//! system call when it finds none).

use crate::env::auxv;
use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::{AtomicBool, Ordering};

/// `struct dl_phdr_info`.
#[repr(C)]
pub struct DlPhdrInfo {
    /// The load bias (0 for a program that is not position-independent).
    pub addr: usize,
    /// The object's name: "" for the program.
    pub name: *const c_char,
    /// Its program headers.
    pub phdr: *const c_void,
    /// How many.
    pub phnum: u16,
    /// Objects loaded so far (1: the program).
    pub adds: u64,
    /// Objects unloaded so far.
    pub subs: u64,
    /// The TLS module id: 1 if the program has a `PT_TLS`, else 0.
    pub tls_modid: usize,
    /// The calling thread's TLS block of this object (null without one).
    pub tls_data: *mut c_void,
}

/// The callback `dl_iterate_phdr` calls.
pub type Callback = unsafe extern "C" fn(*mut DlPhdrInfo, usize, *mut c_void) -> c_int;

/// dl_iterate_phdr(3): calls `cb` once, for the program; returns what it
/// returned.
///
/// # Safety
/// `cb` must be a valid callback.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn dl_iterate_phdr(cb: Callback, data: *mut c_void) -> c_int {
    let at = auxv::get(auxv::AT_PHDR);
    let n = auxv::get(auxv::AT_PHNUM);
    let ent = auxv::get(auxv::AT_PHENT);
    let mut bias = 0;
    for i in 0..n {
        // SAFETY: the kernel maps `n` program headers of `ent` bytes at AT_PHDR.
        let ph = unsafe { &*((at + i * ent) as *const crate::elf::Phdr) };
        if ph.ty == crate::elf::PT_PHDR {
            bias = at.wrapping_sub(ph.vaddr as usize);
        }
    }
    let tls = crate::thread::tls::image_size() != 0;
    let tp = crate::arch::thread_pointer::thread_pointer();
    let mut info = DlPhdrInfo {
        addr: bias,
        name: c"".as_ptr(),
        phdr: at as *const c_void,
        phnum: n as u16,
        adds: 1,
        subs: 0,
        tls_modid: tls as usize,
        tls_data: if tls {
            crate::thread::tls::block_from_tp(tp).cast()
        } else {
            core::ptr::null_mut()
        },
    };
    // SAFETY: the caller vouches for `cb`; `info` lives across the call.
    unsafe { cb(&mut info, size_of::<DlPhdrInfo>(), data) }
}

/// Set when a `dl*` call failed, until `dlerror` reports it.
static FAILED: AtomicBool = AtomicBool::new(false);

/// dlopen(3): no library can be loaded into a static program: null, with
/// the reason for `dlerror`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn dlopen(_file: *const c_char, _mode: c_int) -> *mut c_void {
    FAILED.store(true, Ordering::Relaxed);
    core::ptr::null_mut()
}

/// dlsym(3): nothing is found, not even in the program (a static program
/// has no dynamic symbol table): null, with the reason for `dlerror`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn dlsym(_handle: *mut c_void, _name: *const c_char) -> *mut c_void {
    FAILED.store(true, Ordering::Relaxed);
    core::ptr::null_mut()
}

/// dlclose(3): no handle is valid: nonzero, with the reason for
/// `dlerror`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn dlclose(_handle: *mut c_void) -> c_int {
    FAILED.store(true, Ordering::Relaxed);
    1
}

/// dlerror(3): the last `dl*` failure's message, once; then null.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn dlerror() -> *mut c_char {
    if FAILED.swap(false, Ordering::Relaxed) {
        c"Dynamic loading not supported".as_ptr().cast_mut()
    } else {
        core::ptr::null_mut()
    }
}
