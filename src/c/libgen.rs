//! `<libgen.h>`: POSIX `basename` and `dirname`, with glibc's answers on
//! the edge cases (`dirname("//")` is `"//"`: POSIX lets a leading `//`
//! mean something else than `/`). Both may write a NUL into the argument.

use core::ffi::c_char;

/// The result for a null or empty path.
static DOT: [c_char; 2] = [b'.' as c_char, 0];

/// The length of the NUL-terminated `p`.
///
/// # Safety
/// `p` must be a NUL-terminated string.
unsafe fn len(p: *const c_char) -> usize {
    // SAFETY: per the contract.
    unsafe { core::ffi::CStr::from_ptr(p).count_bytes() }
}

/// basename(3), POSIX's (glibc's `__xpg_basename`): the last component,
/// trailing slashes removed (written over with a NUL); `"/"` for a path of
/// slashes, `"."` for a null or empty one.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn basename(path: *mut c_char) -> *mut c_char {
    // SAFETY: the caller passes null or a writable NUL-terminated string.
    unsafe {
        if path.is_null() || *path == 0 {
            return DOT.as_ptr().cast_mut();
        }
        let mut end = len(path);
        while end > 1 && *path.add(end - 1) == b'/' as c_char {
            end -= 1;
        }
        if end == 1 && *path == b'/' as c_char {
            // Only slashes: the last one, "/".
            return path.add(len(path) - 1);
        }
        *path.add(end) = 0;
        let mut start = end;
        while start > 0 && *path.add(start - 1) != b'/' as c_char {
            start -= 1;
        }
        path.add(start)
    }
}

/// dirname(3): the path without its last component and the slashes before
/// it (the string is cut with a NUL); `"."` for a path without a slash or
/// a null or empty one, `"/"` when only the root is left (`"//"` when the
/// path began with exactly two slashes).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn dirname(path: *mut c_char) -> *mut c_char {
    let slash = b'/' as c_char;
    // SAFETY: the caller passes null or a writable NUL-terminated string.
    unsafe {
        if path.is_null() || *path == 0 {
            return DOT.as_ptr().cast_mut();
        }
        let n = len(path);
        let mut i = n;
        // Trailing slashes, then the last component.
        while i > 0 && *path.add(i - 1) == slash {
            i -= 1;
        }
        while i > 0 && *path.add(i - 1) != slash {
            i -= 1;
        }
        if i == 0 {
            // No slash before the last component: "usr", "usr/", but "/"
            // and "//" came here only if all slashes, handled below.
            if *path == slash {
                let keep = if n == 2 { 2 } else { 1 };
                *path.add(keep) = 0;
                return path;
            }
            return DOT.as_ptr().cast_mut();
        }
        // The slashes before the last component.
        let mut j = i;
        while j > 0 && *path.add(j - 1) == slash {
            j -= 1;
        }
        if j == 0 {
            // Only the root is left: "//x" keeps both slashes.
            let keep = if i == 2 { 2 } else { 1 };
            *path.add(keep) = 0;
        } else {
            *path.add(j) = 0;
        }
        path
    }
}
