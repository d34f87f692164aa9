//! Portable start-up: read argc/argv/envp/auxv off the initial stack, set up
//! the main thread's static TLS and descriptor, run constructors, call `main`,
//! then `exit` with its result.

use crate::env::auxv;
use crate::process::run_array;
use core::ffi::{c_char, c_int};

unsafe extern "C" {
    fn main(argc: c_int, argv: *mut *mut c_char, envp: *mut *mut c_char) -> c_int;
    static __preinit_array_start: [unsafe extern "C" fn(); 0];
    static __preinit_array_end: [unsafe extern "C" fn(); 0];
    static __init_array_start: [unsafe extern "C" fn(); 0];
    static __init_array_end: [unsafe extern "C" fn(); 0];
}

/// Entry from `_start`: `sp` is the stack pointer the kernel gave the process.
///
/// # Safety
/// Only `_start` calls this, once, with the untouched initial stack.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __muslin_start(sp: *mut usize) -> ! {
    // SAFETY: the kernel lays out argc, argv[], NULL, envp[], NULL, auxv[] at sp.
    let (argc, argv, envp) = unsafe {
        let argc = *sp;
        let argv = sp.add(1) as *mut *mut c_char;
        let envp = argv.add(argc + 1);
        let mut p = envp;
        while !(*p).is_null() {
            p = p.add(1);
        }
        auxv::init(p.add(1) as *const usize);
        crate::env::init(argc, argv, envp);
        (argc, argv, envp)
    };
    crate::arch::syscall::set_vsyscall_entry(auxv::get(auxv::AT_SYSINFO));
    crate::thread::tls::init_main_thread();
    // SAFETY: the linker defines these bounds around .preinit_array/.init_array.
    unsafe {
        run_array(
            __preinit_array_start.as_ptr(),
            __preinit_array_end.as_ptr(),
            false,
        );
        run_array(
            __init_array_start.as_ptr(),
            __init_array_end.as_ptr(),
            false,
        );
    }
    // SAFETY: the program defines `main` with the C signature.
    let status = unsafe { main(argc as c_int, argv, envp) };
    crate::process::exit(status)
}
