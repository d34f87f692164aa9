//! The C string functions that `compiler_builtins` does not already provide
//! (it supplies `memcpy`, `memmove`, `memset`, `memcmp`, `bcmp` and `strlen`).

use core::ffi::{c_char, c_int};

/// strcmp(3): compares as unsigned char.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: C passes NUL-terminated strings.
    unsafe { strncmp(a, b, usize::MAX) }
}

/// strncmp(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    let (a, b) = (a.cast::<u8>(), b.cast::<u8>());
    let mut i = 0;
    while i < n {
        // SAFETY: we stop at the first NUL or difference, inside both strings.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
        i += 1;
    }
    0
}

/// strchr(3): the terminating NUL can be found too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchr(s: *const c_char, c: c_int) -> *mut c_char {
    let c = c as u8;
    let mut p = s.cast::<u8>();
    loop {
        // SAFETY: we stop at the terminating NUL.
        let x = unsafe { *p };
        if x == c {
            return p.cast_mut().cast();
        }
        if x == 0 {
            return core::ptr::null_mut();
        }
        // SAFETY: x was not the terminator, so p+1 is in the string.
        p = unsafe { p.add(1) };
    }
}

/// strrchr(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    let c = c as u8;
    let mut found = core::ptr::null_mut();
    let mut p = s.cast::<u8>();
    loop {
        // SAFETY: we stop at the terminating NUL.
        let x = unsafe { *p };
        if x == c {
            found = p.cast_mut().cast();
        }
        if x == 0 {
            return found;
        }
        // SAFETY: x was not the terminator.
        p = unsafe { p.add(1) };
    }
}

/// strcpy(3).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    let mut i = 0;
    loop {
        // SAFETY: C guarantees dst has room for src and its NUL.
        let x = unsafe { *src.add(i) };
        unsafe { *dst.add(i) = x };
        if x == 0 {
            return dst;
        }
        i += 1;
    }
}

/// strncpy(3): pads with NULs up to `n`; no terminator if `src` is too long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    let mut i = 0;
    // SAFETY: C guarantees dst has n bytes and src is NUL-terminated.
    unsafe {
        while i < n && *src.add(i) != 0 {
            *dst.add(i) = *src.add(i);
            i += 1;
        }
        core::ptr::write_bytes(dst.add(i), 0, n - i);
    }
    dst
}
