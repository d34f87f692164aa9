use core::ffi::c_int;

/// Address of the calling thread's `errno`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn __errno_location() -> *mut c_int {
    crate::thread::current().errno_location()
}
