//! Reading: `fread`, `fgetc`, `getc`, `getchar`, `ungetc`, `fgets`,
//! `getline`, `getdelim`.

use super::file::{F_ERR, FILE, Guard};
use super::standard::STDIN;
use crate::errno::Errno;
use core::ffi::{c_char, c_int, c_void};

const EOF: c_int = -1;

/// fread(3).
///
/// # Safety
/// `f` must be an open stream; `p` must hold `size * n` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fread(p: *mut c_void, size: usize, n: usize, f: *mut FILE) -> usize {
    let Some(total) = size.checked_mul(n).filter(|&t| t > 0) else {
        return 0;
    };
    // SAFETY: the caller vouches for the buffer.
    let dst = unsafe { core::slice::from_raw_parts_mut(p as *mut u8, total) };
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    g.st().read_bytes(dst) / size
}

/// fgetc(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fgetc(f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    g.st().getc().map_or(EOF, c_int::from)
}

/// getc(3).
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getc(f: *mut FILE) -> c_int {
    // SAFETY: forwarded.
    unsafe { fgetc(f) }
}

/// getc_unlocked(3): the caller holds the lock (or has one thread).
///
/// # Safety
/// `f` must be an open stream the caller has locked.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getc_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: the caller passes an open stream and excludes other threads.
    let st = unsafe {
        (*f).ready();
        &mut *(*f).st.get()
    };
    st.getc().map_or(EOF, c_int::from)
}

/// getchar(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getchar() -> c_int {
    let g = Guard::new(&STDIN);
    g.st().getc().map_or(EOF, c_int::from)
}

/// getchar_unlocked(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getchar_unlocked() -> c_int {
    getchar()
}

/// ungetc(3): up to 8 characters can be pushed back.
///
/// # Safety
/// `f` must be an open stream.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ungetc(c: c_int, f: *mut FILE) -> c_int {
    if c == EOF {
        return EOF;
    }
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    if g.st().ungetc(c & 0xff) {
        c & 0xff
    } else {
        EOF
    }
}

/// fgets(3).
///
/// # Safety
/// `f` must be an open stream; `s` must hold `n` writable bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fgets(s: *mut c_char, n: c_int, f: *mut FILE) -> *mut c_char {
    if n <= 0 {
        Errno::EINVAL.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: the caller vouches for n bytes at s.
    let out = unsafe { core::slice::from_raw_parts_mut(s.cast::<u8>(), n as usize) };
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    let st = g.st();
    let limit = out.len() - 1;
    let mut len = 0;
    while len < limit {
        if st.ungetn == 0 && st.rpos < st.rend {
            let b = st.buffered();
            let want = b.len().min(limit - len);
            let (take, nl) = match b[..want].iter().position(|&c| c == b'\n') {
                Some(i) => (i + 1, true),
                None => (want, false),
            };
            out[len..len + take].copy_from_slice(&b[..take]);
            st.rpos += take;
            len += take;
            if nl {
                break;
            }
            continue;
        }
        match st.getc() {
            Some(c) => {
                out[len] = c;
                len += 1;
                if c == b'\n' {
                    break;
                }
            }
            None => break,
        }
    }
    if len == 0 && n > 1 {
        return core::ptr::null_mut();
    }
    if st.flags & F_ERR != 0 && len < limit && out[..len].last() != Some(&b'\n') {
        return core::ptr::null_mut();
    }
    out[len] = 0;
    s
}

/// getdelim(3): reads through `delim` into `*line`, a malloc'd buffer
/// grown as needed (`*cap` is its size); returns the length, or -1 at end
/// of input or on error.
///
/// # Safety
/// `f` must be an open stream; `line` and `cap` valid pointers, `*line`
/// null or a malloc'd block of `*cap` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getdelim(
    line: *mut *mut c_char,
    cap: *mut usize,
    delim: c_int,
    f: *mut FILE,
) -> isize {
    if line.is_null() || cap.is_null() || f.is_null() {
        Errno::EINVAL.set_last();
        return -1;
    }
    // SAFETY: checked non-null; the caller vouches for them.
    let (line, cap) = unsafe { (&mut *line, &mut *cap) };
    if line.is_null() {
        *cap = 0;
    }
    let delim = delim as u8;
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    let st = g.st();
    let mut len = 0usize;
    loop {
        // Next chunk: one pushed-back byte, or buffered bytes up to delim.
        let mut one = [0u8; 1];
        let (src, k, done, buffered): (*const u8, usize, bool, bool) = if st.ungetn > 0 {
            one[0] = st.getc().unwrap_or(0);
            (one.as_ptr(), 1, one[0] == delim, false)
        } else if st.rpos < st.rend || st.available() {
            if st.ungetn > 0 {
                continue;
            }
            let b = st.buffered();
            match b.iter().position(|&c| c == delim) {
                Some(i) => (b.as_ptr(), i + 1, true, true),
                None => (b.as_ptr(), b.len(), false, true),
            }
        } else {
            break;
        };
        if len + k + 1 > *cap {
            let new_cap = (len + k + 1).max(*cap * 2).max(64);
            let p = crate::malloc::c_api::malloc(new_cap).cast::<u8>();
            if p.is_null() {
                st.flags |= F_ERR;
                Errno::ENOMEM.set_last();
                return -1;
            }
            if !line.is_null() {
                // SAFETY: the old block holds len valid bytes; p is new.
                unsafe {
                    core::ptr::copy_nonoverlapping(*line as *const u8, p, len);
                    crate::malloc::c_api::free((*line).cast());
                }
            }
            *line = p as *mut c_char;
            *cap = new_cap;
        }
        // SAFETY: src holds k bytes (the stream's buffer is untouched since);
        // len + k + 1 <= cap bytes at *line.
        unsafe { core::ptr::copy_nonoverlapping(src, (*line).cast::<u8>().add(len), k) };
        if buffered {
            st.rpos += k;
        }
        len += k;
        if done {
            break;
        }
    }
    if len == 0 {
        return -1;
    }
    // SAFETY: room for the NUL was reserved above.
    unsafe { *(*line).cast::<u8>().add(len) = 0 };
    len as isize
}

/// getline(3): [`getdelim`] with `'\n'`.
///
/// # Safety
/// As for [`getdelim`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getline(line: *mut *mut c_char, cap: *mut usize, f: *mut FILE) -> isize {
    // SAFETY: forwarded.
    unsafe { getdelim(line, cap, b'\n' as c_int, f) }
}
