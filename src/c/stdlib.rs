use core::ffi::{c_char, c_int, c_ulong};

/// exit(3): atexit handlers, destructors, flush, then the end.
#[unsafe(no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    crate::process::exit(status)
}

/// _Exit(2).
#[unsafe(no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    crate::process::exit_immediately(status)
}

/// atexit(3): 0 on success, -1 when the table is full.
#[unsafe(no_mangle)]
pub extern "C" fn atexit(f: extern "C" fn()) -> c_int {
    match crate::process::atexit(f) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// abort(3).
#[unsafe(no_mangle)]
pub extern "C" fn abort() -> ! {
    crate::process::abort()
}

/// getenv(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    if name.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: C passes a NUL-terminated name.
    let name = unsafe { core::ffi::CStr::from_ptr(name) };
    crate::env::var(name.to_bytes()).map_or(core::ptr::null_mut(), |v| v.as_ptr().cast_mut())
}

/// getauxval(3): 0 (and `ENOENT`) when the kernel gave no such entry.
#[unsafe(no_mangle)]
pub extern "C" fn getauxval(ty: c_ulong) -> c_ulong {
    let v = crate::env::auxv::get_by_index(ty as usize);
    if v == 0 {
        crate::Errno::ENOENT.set_last();
    }
    v as c_ulong
}
