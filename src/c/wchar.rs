//! `<wchar.h>`'s conversions between UTF-8 and wide characters, and the
//! multibyte functions of `<stdlib.h>` (`mblen`, `mbtowc`, `wctomb`,
//! `mbstowcs`, `wcstombs`), over [`fmt::utf8`](crate::fmt::utf8).
//!
//! The locale model is musl's with UTF-8 always on: every locale muslin has
//! ("C", "POSIX", "C.UTF-8") encodes multibyte characters as UTF-8, and
//! `MB_CUR_MAX` is 4. glibc's "C" locale is ASCII-only instead; musl's is
//! byte-based until `setlocale` picks C.UTF-8 (since 1.1.11). A wide
//! character (`wchar_t`, 32 bits on every supported architecture) holds a
//! Unicode scalar value.
//!
//! Errors are C's: `(size_t)-1` with `EILSEQ` for bytes that are not UTF-8
//! or a wide character that is not a scalar value, `(size_t)-2` for an
//! incomplete character (its bytes are kept in the `mbstate_t`).

use crate::Errno;
use crate::fmt::utf8::{self, Decoded, State};
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int};

/// `wint_t`'s end-of-file value.
pub(crate) const WEOF: u32 = 0xffff_ffff;
/// `(size_t)-1`: an encoding error.
pub(crate) const ILSEQ: usize = usize::MAX;
/// `(size_t)-2`: an incomplete character.
pub(crate) const INCOMPLETE: usize = usize::MAX - 1;

/// A function's own conversion state, used when C passes a null
/// `mbstate_t *`. C does not ask these to be thread-safe (each function
/// "behaves as if" one static object is used), so they are plain cells.
pub(crate) struct OwnState(UnsafeCell<State>);

// SAFETY: C leaves concurrent use of a function's internal state undefined;
// the cell is only ever accessed through the raw pointer `get` returns.
unsafe impl Sync for OwnState {}

impl OwnState {
    /// An initial state.
    pub(crate) const fn new() -> Self {
        OwnState(UnsafeCell::new(State {
            value: 0,
            pending: 0,
        }))
    }

    /// `ps`, or this internal state when `ps` is null.
    pub(crate) fn or(&'static self, ps: *mut State) -> *mut State {
        if ps.is_null() { self.0.get() } else { ps }
    }
}

/// Sets `errno` to `EILSEQ` and returns `(size_t)-1`.
pub(crate) fn ilseq() -> usize {
    Errno::from_raw(linux_raw_sys::errno::EILSEQ as c_int).set_last();
    ILSEQ
}

/// Decodes one character from at most `n` bytes at `s`, continuing `st`:
/// `Ok((c, bytes consumed))`, `Err(INCOMPLETE)` or `Err(ILSEQ)` (errno
/// set). Bytes are read one at a time, so nothing past the character (or
/// past an invalid byte, such as a NUL inside it) is touched.
///
/// # Safety
/// `s` has `n` readable bytes, or is NUL-terminated before them.
pub(crate) unsafe fn decode_at(
    st: &mut State,
    s: *const u8,
    n: usize,
) -> Result<(u32, usize), usize> {
    let mut k = 0;
    while k < n {
        // SAFETY: as the caller says; the decoder stops at a NUL.
        let b = unsafe { *s.add(k) };
        k += 1;
        match utf8::decode(st, &[b]) {
            Decoded::Char { c, .. } => return Ok((c, k)),
            Decoded::Incomplete => {}
            Decoded::Invalid => return Err(ilseq()),
        }
    }
    Err(INCOMPLETE)
}

/// mbrtowc's internal state.
static MBRTOWC_STATE: OwnState = OwnState::new();
/// mbrlen's internal state.
static MBRLEN_STATE: OwnState = OwnState::new();

/// mbrtowc(3): the number of bytes that completed the character (0 for
/// NUL), `(size_t)-2` if `n` bytes leave it incomplete, `(size_t)-1` with
/// `EILSEQ` if they are not UTF-8 (the state is then reset).
///
/// # Safety
/// `s` is null or has `n` readable bytes (or a NUL or invalid byte before
/// them); `pwc` is null or writable; `ps` is null or a valid state.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbrtowc(
    pwc: *mut u32,
    s: *const c_char,
    n: usize,
    ps: *mut State,
) -> usize {
    // SAFETY: as the caller says.
    unsafe { mbrtowc_with(pwc, s, n, MBRTOWC_STATE.or(ps)) }
}

/// [`mbrtowc`] with the state chosen.
///
/// # Safety
/// As [`mbrtowc`]; `st` is valid.
pub(crate) unsafe fn mbrtowc_with(
    pwc: *mut u32,
    s: *const c_char,
    n: usize,
    st: *mut State,
) -> usize {
    // A null `s` is `mbrtowc(NULL, "", 1, ps)`: it resets an initial state
    // and rejects a partial one.
    let (pwc, s, n) = if s.is_null() {
        (core::ptr::null_mut(), c"".as_ptr(), 1)
    } else {
        (pwc, s, n)
    };
    // SAFETY: `st` is valid; `s` as the caller says.
    match unsafe { decode_at(&mut *st, s.cast(), n) } {
        Ok((c, k)) => {
            if !pwc.is_null() {
                // SAFETY: `pwc` is writable.
                unsafe { *pwc = c };
            }
            if c == 0 { 0 } else { k }
        }
        Err(e) => e,
    }
}

/// mbrlen(3): [`mbrtowc`] without storing the character.
///
/// # Safety
/// As [`mbrtowc`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: usize, ps: *mut State) -> usize {
    // SAFETY: as the caller says.
    unsafe { mbrtowc_with(core::ptr::null_mut(), s, n, MBRLEN_STATE.or(ps)) }
}

/// mbsinit(3): 1 if `ps` is null or holds no partial character.
///
/// # Safety
/// `ps` is null or a valid state.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbsinit(ps: *const State) -> c_int {
    // SAFETY: `ps` is null or valid.
    (ps.is_null() || unsafe { (*ps).is_initial() }) as c_int
}

/// wcrtomb(3): writes the UTF-8 of `wc` to `s` and returns its length;
/// `(size_t)-1` with `EILSEQ` if `wc` is not a scalar value. A null `s`
/// resets the state and returns 1 (the length of a NUL).
///
/// # Safety
/// `s` is null or has room for 4 bytes; `ps` is null or valid.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: i32, ps: *mut State) -> usize {
    if !ps.is_null() {
        // SAFETY: `ps` is valid. UTF-8 output has no shift state.
        unsafe { *ps = State::default() };
    }
    if s.is_null() {
        return 1;
    }
    let mut buf = [0u8; 4];
    match utf8::encode(wc as u32, &mut buf) {
        Some(n) => {
            // SAFETY: `s` has room for `MB_CUR_MAX` (4) bytes.
            unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), s.cast(), n) };
            n
        }
        None => ilseq(),
    }
}

/// btowc(3): the wide character of a one-byte character (ASCII), else
/// `WEOF` (bytes 0x80..=0xff only start or continue UTF-8 sequences).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn btowc(c: c_int) -> u32 {
    if (0..0x80).contains(&c) {
        c as u32
    } else {
        WEOF
    }
}

/// wctob(3): the byte of a wide character that is one byte in UTF-8
/// (ASCII), else `EOF`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn wctob(c: u32) -> c_int {
    if c < 0x80 { c as c_int } else { -1 }
}

/// The string conversion to wide characters behind `mbsrtowcs`,
/// `mbsnrtowcs` and `mbstowcs`: at most `nms` bytes from `*src`, at most
/// `len` wide characters into `dst` (any number when `dst` is null, which
/// only counts and leaves `*src` and the state alone).
///
/// # Safety
/// `*src` is readable to its NUL or `nms` bytes; `dst` is null or has room
/// for `len` wide characters; `st` is valid.
unsafe fn to_wide(
    dst: *mut u32,
    src: *mut *const c_char,
    nms: usize,
    len: usize,
    st: *mut State,
) -> usize {
    // SAFETY: `src` and `st` are valid.
    let (p, mut state) = unsafe { ((*src).cast::<u8>(), *st) };
    let (mut i, mut n, mut start) = (0usize, 0usize, 0usize);
    while dst.is_null() || n < len {
        if i == nms {
            break;
        }
        // SAFETY: inside the string: we stop at its NUL or at `nms`.
        let b = unsafe { *p.add(i) };
        i += 1;
        match utf8::decode(&mut state, &[b]) {
            Decoded::Char { c: 0, .. } => {
                if !dst.is_null() {
                    // SAFETY: `n < len`: room for the NUL; `src`, `st` valid.
                    unsafe {
                        *dst.add(n) = 0;
                        *src = core::ptr::null();
                        *st = State::default();
                    }
                }
                return n;
            }
            Decoded::Char { c, .. } => {
                if !dst.is_null() {
                    // SAFETY: `n < len`.
                    unsafe { *dst.add(n) = c };
                }
                n += 1;
                start = i;
            }
            Decoded::Incomplete => {}
            Decoded::Invalid => {
                if !dst.is_null() {
                    // SAFETY: `start` is inside the string.
                    unsafe { *src = p.add(start).cast() };
                }
                return ilseq();
            }
        }
    }
    if !dst.is_null() {
        // SAFETY: `i` bytes were read; the partial character's bytes, if
        // `nms` ended inside one, are in `state`.
        unsafe {
            *src = p.add(i).cast();
            *st = state;
        }
    }
    n
}

/// mbsrtowcs's internal state.
static MBSRTOWCS_STATE: OwnState = OwnState::new();
/// mbsnrtowcs's internal state.
static MBSNRTOWCS_STATE: OwnState = OwnState::new();

/// mbsrtowcs(3).
///
/// # Safety
/// `*src` is a NUL-terminated string; `dst` is null or has room for `len`
/// wide characters; `ps` is null or valid.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbsrtowcs(
    dst: *mut u32,
    src: *mut *const c_char,
    len: usize,
    ps: *mut State,
) -> usize {
    // SAFETY: as the caller says.
    unsafe { to_wide(dst, src, usize::MAX, len, MBSRTOWCS_STATE.or(ps)) }
}

/// mbsnrtowcs(3): [`mbsrtowcs`] reading at most `nms` bytes.
///
/// # Safety
/// As [`mbsrtowcs`], with `*src` readable to its NUL or `nms` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbsnrtowcs(
    dst: *mut u32,
    src: *mut *const c_char,
    nms: usize,
    len: usize,
    ps: *mut State,
) -> usize {
    // SAFETY: as the caller says.
    unsafe { to_wide(dst, src, nms, len, MBSNRTOWCS_STATE.or(ps)) }
}

/// The string conversion to UTF-8 behind `wcsrtombs`, `wcsnrtombs` and
/// `wcstombs`: at most `nwc` wide characters from `*src`, at most `len`
/// bytes of whole characters into `dst` (any number when `dst` is null,
/// which only counts and leaves `*src` alone).
///
/// # Safety
/// `*src` is readable to its NUL or `nwc` wide characters; `dst` is null
/// or has room for `len` bytes.
unsafe fn to_multibyte(dst: *mut u8, src: *mut *const u32, nwc: usize, len: usize) -> usize {
    // SAFETY: `src` is valid.
    let p = unsafe { *src };
    let mut buf = [0u8; 4];
    let (mut i, mut n) = (0usize, 0usize);
    while i < nwc {
        // SAFETY: inside the string: we stop at its NUL or at `nwc`.
        let c = unsafe { *p.add(i) };
        if c == 0 {
            if !dst.is_null() {
                if n >= len {
                    break;
                }
                // SAFETY: `n < len`; `src` is valid.
                unsafe {
                    *dst.add(n) = 0;
                    *src = core::ptr::null();
                }
            }
            return n;
        }
        let Some(k) = utf8::encode(c, &mut buf) else {
            if !dst.is_null() {
                // SAFETY: `i` is inside the string.
                unsafe { *src = p.add(i) };
            }
            return ilseq();
        };
        if !dst.is_null() {
            if n + k > len {
                break;
            }
            // SAFETY: `n + k <= len`.
            unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(n), k) };
        }
        n += k;
        i += 1;
    }
    if !dst.is_null() {
        // SAFETY: `i` characters were converted.
        unsafe { *src = p.add(i) };
    }
    n
}

/// wcsrtombs(3). The state is unused (UTF-8 has no shift state).
///
/// # Safety
/// `*src` is a NUL-terminated wide string; `dst` is null or has room for
/// `len` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsrtombs(
    dst: *mut c_char,
    src: *mut *const u32,
    len: usize,
    _ps: *mut State,
) -> usize {
    // SAFETY: as the caller says.
    unsafe { to_multibyte(dst.cast(), src, usize::MAX, len) }
}

/// wcsnrtombs(3): [`wcsrtombs`] reading at most `nwc` wide characters.
///
/// # Safety
/// As [`wcsrtombs`], with `*src` readable to its NUL or `nwc` characters.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcsnrtombs(
    dst: *mut c_char,
    src: *mut *const u32,
    nwc: usize,
    len: usize,
    _ps: *mut State,
) -> usize {
    // SAFETY: as the caller says.
    unsafe { to_multibyte(dst.cast(), src, nwc, len) }
}

/// mblen(3): the length of the character at `s` (0 for NUL), or -1 with
/// `EILSEQ` when the `n` bytes hold no complete valid character. A null
/// `s` returns 0: UTF-8 has no shift states.
///
/// # Safety
/// `s` is null or has `n` readable bytes (or a NUL before them).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mblen(s: *const c_char, n: usize) -> c_int {
    // SAFETY: as the caller says.
    unsafe { mbtowc(core::ptr::null_mut(), s, n) }
}

/// mbtowc(3): [`mblen`] that also stores the character.
///
/// # Safety
/// As [`mblen`]; `pwc` is null or writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbtowc(pwc: *mut u32, s: *const c_char, n: usize) -> c_int {
    if s.is_null() {
        return 0;
    }
    // SAFETY: as the caller says.
    match unsafe { decode_at(&mut State::default(), s.cast(), n) } {
        Ok((c, k)) => {
            if !pwc.is_null() {
                // SAFETY: `pwc` is writable.
                unsafe { *pwc = c };
            }
            if c == 0 { 0 } else { k as c_int }
        }
        Err(ILSEQ) => -1,
        Err(_) => {
            ilseq();
            -1
        }
    }
}

/// wctomb(3): writes the UTF-8 of `wc` to `s`; its length, or -1 with
/// `EILSEQ`. A null `s` returns 0 (no shift states).
///
/// # Safety
/// `s` is null or has room for 4 bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: i32) -> c_int {
    if s.is_null() {
        return 0;
    }
    // SAFETY: as the caller says.
    unsafe { wcrtomb(s, wc, core::ptr::null_mut()) as isize as c_int }
}

/// mbstowcs(3): [`mbsrtowcs`] with its own pointer and a fresh state.
///
/// # Safety
/// `src` is a NUL-terminated string; `dst` is null or has room for `n`
/// wide characters.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbstowcs(dst: *mut u32, src: *const c_char, n: usize) -> usize {
    let mut p = src;
    let mut st = State::default();
    // SAFETY: as the caller says.
    unsafe { to_wide(dst, &mut p, usize::MAX, n, &mut st) }
}

/// wcstombs(3): [`wcsrtombs`] with its own pointer.
///
/// # Safety
/// `src` is a NUL-terminated wide string; `dst` is null or has room for
/// `n` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wcstombs(dst: *mut c_char, src: *const u32, n: usize) -> usize {
    let mut p = src;
    // SAFETY: as the caller says.
    unsafe { to_multibyte(dst.cast(), &mut p, usize::MAX, n) }
}
