//! swprintf(3) and vswprintf(3): the printf engine with a wide format and
//! wide output. The format is encoded to UTF-8, formatted by
//! [`fmt::printf::format`](crate::fmt::printf::format) exactly as for
//! `snprintf` (so `%s` takes a multibyte string and `%ls` a wide one, as C
//! says), and the bytes it produces are decoded back into wide characters.
//!
//! Differences from glibc: precisions of `%s` and `%ls` count bytes of
//! UTF-8, not wide characters; a `%c` of a byte that is not ASCII makes
//! the call fail with `EILSEQ`. As in glibc and musl, output that does not
//! fit in `n` wide characters (with the NUL) returns -1; muslin (as musl)
//! sets `EOVERFLOW` then.

use super::printf::VaArgs;
use crate::Errno;
use crate::fmt::Sink;
use crate::fmt::printf::format;
use crate::fmt::utf8::{self, Decoded, State};
use core::ffi::{VaList, c_int};

/// Wide output into a caller's array of `cap` elements (the NUL's excluded).
struct WideBuf {
    p: *mut u32,
    cap: usize,
    /// Wide characters produced so far (kept or not).
    len: usize,
    /// The decoder's state between writes.
    st: State,
    /// The bytes were not UTF-8.
    bad: bool,
}

impl Sink for WideBuf {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            match utf8::decode(&mut self.st, &[b]) {
                Decoded::Char { c, .. } => {
                    if self.len < self.cap {
                        // SAFETY: the caller's array has `cap` elements.
                        unsafe { *self.p.add(self.len) = c };
                    }
                    self.len += 1;
                }
                Decoded::Incomplete => {}
                Decoded::Invalid => self.bad = true,
            }
        }
    }
}

/// vswprintf(3): the number of wide characters written (without the NUL),
/// or -1 if they do not fit in `n` (`EOVERFLOW`), a wide character has no
/// encoding or a byte produced is not UTF-8 (`EILSEQ`), or the format
/// cannot be encoded for lack of memory (`ENOMEM`).
///
/// # Safety
/// `s` has room for `n` wide characters; `fmt` is a NUL-terminated wide
/// string; the arguments match it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vswprintf(
    s: *mut u32,
    n: usize,
    fmt: *const u32,
    ap: VaList<'_>,
) -> c_int {
    // The format in UTF-8: at most 4 bytes per wide character.
    let mut k = 0;
    // SAFETY: `fmt` is NUL-terminated.
    while unsafe { *fmt.add(k) } != 0 {
        k += 1;
    }
    let narrow: *mut u8 = crate::malloc::c_api::malloc(k.saturating_mul(4).max(1)).cast();
    if narrow.is_null() {
        return -1;
    }
    let mut used = 0;
    let mut ok = true;
    for i in 0..k {
        let mut buf = [0u8; 4];
        // SAFETY: `i < k`.
        match utf8::encode(unsafe { *fmt.add(i) }, &mut buf) {
            Some(m) => {
                // SAFETY: `used + m <= 4 * k`, the chunk's size.
                unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), narrow.add(used), m) };
                used += m;
            }
            None => ok = false,
        }
    }
    let mut out = WideBuf {
        p: s,
        cap: n.saturating_sub(1),
        len: 0,
        st: State::default(),
        bad: !ok,
    };
    let r = if ok {
        // SAFETY: `used` bytes were written above; the arguments match.
        let f = unsafe { core::slice::from_raw_parts(narrow, used) };
        format(&mut out, f, &mut VaArgs(ap))
    } else {
        Ok(0)
    };
    // SAFETY: allocated above.
    unsafe { crate::malloc::c_api::free(narrow.cast()) };
    if n > 0 {
        // SAFETY: `min(len, cap) < n`.
        unsafe { *s.add(out.len.min(out.cap)) = 0 };
    }
    if r.is_err() || out.bad || !out.st.is_initial() {
        let _ = super::wchar::ilseq();
        return -1;
    }
    if out.len >= n || out.len > c_int::MAX as usize {
        Errno::EOVERFLOW.set_last();
        return -1;
    }
    out.len as c_int
}

/// swprintf(3).
///
/// # Safety
/// As [`vswprintf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn swprintf(s: *mut u32, n: usize, fmt: *const u32, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vswprintf(s, n, fmt, args) }
}
