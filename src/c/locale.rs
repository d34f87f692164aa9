//! `<locale.h>` (`setlocale`, `localeconv`) and the collation functions of
//! `<string.h>` (`strcoll`, `strxfrm`).
//!
//! muslin has the locales of musl without locale files: "C" (also called
//! "POSIX") and "C.UTF-8" (also "C.utf8"). They behave alike, as musl's
//! do once UTF-8 is on: multibyte characters are UTF-8 in both (glibc's
//! "C" is ASCII-only; muslin follows musl, see `wchar.rs`), numbers and
//! money are formatted as in the C locale, and strings collate by byte.
//! Only the names that `setlocale` reports differ, per category.
//!
//! `setlocale(cat, "")` takes the name from the environment as POSIX says
//! (`LC_ALL`, then `LC_<category>`, then `LANG`), and "C.UTF-8" when none
//! is set or it is empty (musl's default; glibc's is "C"). Any other name,
//! from the argument or the environment, is unknown: `setlocale` returns
//! NULL and changes nothing (musl instead accepts any name).

use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::sync::atomic::{AtomicU8, Ordering::Relaxed};

/// `LC_ALL`; the categories are 0..`LC_ALL` (musl's and glibc's numbers:
/// `LC_CTYPE` 0, `LC_NUMERIC` 1, `LC_TIME` 2, `LC_COLLATE` 3,
/// `LC_MONETARY` 4, `LC_MESSAGES` 5).
const LC_ALL: usize = 6;

/// The names of the categories' environment variables, by number.
const ENV_NAMES: [&[u8]; LC_ALL] = [
    b"LC_CTYPE",
    b"LC_NUMERIC",
    b"LC_TIME",
    b"LC_COLLATE",
    b"LC_MONETARY",
    b"LC_MESSAGES",
];

/// The locales by number: what `setlocale` reports for each.
const NAMES: [&CStr; 2] = [c"C", c"C.UTF-8"];

/// Each category's locale (an index in [`NAMES`]); all "C" at start-up,
/// as C requires.
static CURRENT: [AtomicU8; LC_ALL] = [const { AtomicU8::new(0) }; LC_ALL];

/// The locale a name selects: "C"/"POSIX" or "C.UTF-8"/"C.utf8".
fn by_name(name: &[u8]) -> Option<u8> {
    match name {
        b"C" | b"POSIX" => Some(0),
        b"C.UTF-8" | b"C.utf8" | b"C.UTF8" | b"C.utf-8" => Some(1),
        _ => None,
    }
}

/// The locale `""` selects for category `cat` from the environment.
fn from_env(cat: usize) -> Option<u8> {
    let var = |name: &[u8]| {
        crate::env::var(name)
            .map(CStr::to_bytes)
            .filter(|v| !v.is_empty())
    };
    let value = var(b"LC_ALL")
        .or_else(|| ENV_NAMES.get(cat).and_then(|n| var(n)))
        .or_else(|| var(b"LANG"));
    value.map_or(Some(1), by_name)
}

/// The buffer for a composite `LC_ALL` name ("C;C.UTF-8;C;C;C;C", the
/// categories' names in order, as musl writes it).
struct Composite(UnsafeCell<[u8; 64]>);

// SAFETY: setlocale is not thread-safe in C either (POSIX lets a query's
// result be overwritten by the next call); the buffer is only written by
// setlocale.
unsafe impl Sync for Composite {}

/// setlocale's composite name.
static COMPOSITE: Composite = Composite(UnsafeCell::new([0; 64]));

/// The name of the current locale of `cat` (`LC_ALL`: the common name, or
/// the composite one when categories differ).
fn query(cat: usize) -> *mut c_char {
    let of = |c: usize| CURRENT.get(c).map_or(0, |v| v.load(Relaxed)) as usize;
    let name = |i: usize| NAMES.get(i).copied().unwrap_or(c"C");
    if cat < LC_ALL || (1..LC_ALL).all(|c| of(c) == of(0)) {
        return name(of(cat % LC_ALL)).as_ptr().cast_mut();
    }
    let buf = COMPOSITE.0.get();
    let mut n = 0;
    for c in 0..LC_ALL {
        for &b in name(of(c))
            .to_bytes()
            .iter()
            .chain(if c + 1 < LC_ALL { b";" } else { b"\0" })
        {
            // SAFETY: 6 names of at most 7 bytes and 6 separators fit in
            // 64; setlocale alone writes the buffer.
            unsafe { (*buf)[n] = b };
            n += 1;
        }
    }
    buf.cast()
}

/// The locales `name` gives each category of `cat` (all of them for
/// `LC_ALL`), or `None` if it names an unknown locale.
fn resolve(cat: usize, name: &[u8]) -> Option<[u8; LC_ALL]> {
    let mut out = [0u8; LC_ALL];
    for (slot, cur) in out.iter_mut().zip(&CURRENT) {
        *slot = cur.load(Relaxed);
    }
    if let Some(slot) = out.get_mut(cat) {
        *slot = if name.is_empty() {
            from_env(cat)?
        } else {
            by_name(name)?
        };
    } else if name.contains(&b';') {
        // A composite name, as a query returned it.
        let mut parts = name.split(|&b| b == b';');
        for slot in out.iter_mut() {
            *slot = by_name(parts.next()?)?;
        }
        if parts.next().is_some() {
            return None;
        }
    } else {
        for (c, slot) in out.iter_mut().enumerate() {
            *slot = if name.is_empty() {
                from_env(c)?
            } else {
                by_name(name)?
            };
        }
    }
    Some(out)
}

/// setlocale(3): sets category `cat` (or all, `LC_ALL`) to the locale
/// `name` and returns the new name; a null `name` only queries. NULL for
/// an unknown category or locale.
///
/// # Safety
/// `name` is null or NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setlocale(cat: c_int, name: *const c_char) -> *mut c_char {
    let Ok(cat) = usize::try_from(cat) else {
        return core::ptr::null_mut();
    };
    if cat > LC_ALL {
        return core::ptr::null_mut();
    }
    if !name.is_null() {
        // SAFETY: as the caller says.
        let Some(new) = resolve(cat, unsafe { CStr::from_ptr(name) }.to_bytes()) else {
            return core::ptr::null_mut();
        };
        for (slot, v) in CURRENT.iter().zip(new) {
            slot.store(v, Relaxed);
        }
    }
    query(cat)
}

/// C's `struct lconv`, in the order glibc and musl declare it.
#[repr(C)]
pub struct Lconv {
    decimal_point: *const c_char,
    thousands_sep: *const c_char,
    grouping: *const c_char,
    int_curr_symbol: *const c_char,
    currency_symbol: *const c_char,
    mon_decimal_point: *const c_char,
    mon_thousands_sep: *const c_char,
    mon_grouping: *const c_char,
    positive_sign: *const c_char,
    negative_sign: *const c_char,
    /// `int_frac_digits` through `int_n_sign_posn`: 14 `char`s, all
    /// `CHAR_MAX` ("not available") in the C locale.
    chars: [c_char; 14],
}

/// The one `lconv`, shared by every locale.
struct C(Lconv);

// SAFETY: the pointers are to string literals, never written; C forbids
// programs to modify the structure localeconv returns.
unsafe impl Sync for C {}

/// The C locale's `lconv`: "." as the decimal point, everything else empty
/// or `CHAR_MAX`.
static LCONV: C = C(Lconv {
    decimal_point: c".".as_ptr(),
    thousands_sep: c"".as_ptr(),
    grouping: c"".as_ptr(),
    int_curr_symbol: c"".as_ptr(),
    currency_symbol: c"".as_ptr(),
    mon_decimal_point: c"".as_ptr(),
    mon_thousands_sep: c"".as_ptr(),
    mon_grouping: c"".as_ptr(),
    positive_sign: c"".as_ptr(),
    negative_sign: c"".as_ptr(),
    chars: [c_char::MAX; 14],
});

/// localeconv(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn localeconv() -> *mut Lconv {
    (&raw const LCONV.0).cast_mut()
}

/// strcoll(3): the C locale collates by byte, as `strcmp`.
///
/// # Safety
/// Both are NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcoll(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: as the caller says.
    unsafe { super::string::strcmp(a, b) }
}

/// strxfrm(3): copies `src` (and its NUL) when it fits in `n` bytes;
/// returns its length either way (the C locale's transform is the
/// identity).
///
/// # Safety
/// `src` is NUL-terminated; `dst` has room for `n` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strxfrm(dst: *mut c_char, src: *const c_char, n: usize) -> usize {
    // SAFETY: as the caller says.
    let len = unsafe { CStr::from_ptr(src) }.count_bytes();
    if len < n {
        // SAFETY: `len + 1 <= n`.
        unsafe { core::ptr::copy_nonoverlapping(src, dst, len + 1) };
    }
    len
}
