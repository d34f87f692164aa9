//! `<ctype.h>` in the C locale. Every function takes an `int` that is either
//! `EOF` (-1) or an `unsigned char` value; bytes 128..=255 belong to no class
//! and are left unchanged by `tolower`/`toupper`. `isspace` is
//! [`fmt::is_space`](crate::fmt::is_space), the test the number parsers use.

use crate::fmt::is_space;
use core::ffi::c_int;

/// `ispunct` in the C locale: printable, not a space, not alphanumeric.
fn is_punct(b: u8) -> bool {
    b.is_ascii_graphic() && !b.is_ascii_alphanumeric()
}

/// `isblank` in the C locale: space and `\t`.
fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// `isprint` in the C locale: 0x20..=0x7e.
fn is_print(b: u8) -> bool {
    (b' '..=b'~').contains(&b)
}

/// Whether `c` belongs to the class named in a bracket expression's
/// `[:name:]` (`alpha`, `digit`, ...), for fnmatch and regex; `None` for
/// an unknown name.
pub(super) fn in_class(name: &[u8], c: u8) -> Option<bool> {
    Some(match name {
        b"alnum" => c.is_ascii_alphanumeric(),
        b"alpha" => c.is_ascii_alphabetic(),
        b"blank" => c == b' ' || c == b'\t',
        b"cntrl" => c.is_ascii_control(),
        b"digit" => c.is_ascii_digit(),
        b"graph" => c.is_ascii_graphic(),
        b"lower" => c.is_ascii_lowercase(),
        b"print" => c.is_ascii_graphic() || c == b' ',
        b"punct" => c.is_ascii_punctuation(),
        b"space" => c.is_ascii_whitespace() || c == 0x0b,
        b"upper" => c.is_ascii_uppercase(),
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => return None,
    })
}

/// Applies `f` to `c` when it is an `unsigned char` value: `EOF` and any
/// other out-of-range argument belong to no class.
#[inline(always)]
fn class(c: c_int, f: impl Fn(u8) -> bool) -> c_int {
    ((0..=255).contains(&c) && f(c as u8)) as c_int
}

macro_rules! ctype {
    ($($name:ident => $test:expr;)*) => {$(
        #[doc = concat!(stringify!($name), "(3) in the C locale: 1 or 0.")]
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(c: c_int) -> c_int {
            class(c, $test)
        }
    )*};
}

ctype! {
    isalnum => |b: u8| b.is_ascii_alphanumeric();
    isalpha => |b: u8| b.is_ascii_alphabetic();
    isblank => is_blank;
    iscntrl => |b: u8| b.is_ascii_control();
    isdigit => |b: u8| b.is_ascii_digit();
    isgraph => |b: u8| b.is_ascii_graphic();
    islower => |b: u8| b.is_ascii_lowercase();
    isprint => is_print;
    ispunct => is_punct;
    isspace => is_space;
    isupper => |b: u8| b.is_ascii_uppercase();
    isxdigit => |b: u8| b.is_ascii_hexdigit();
}

/// tolower(3): `A`..`Z` to `a`..`z`; everything else (EOF too) unchanged.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tolower(c: c_int) -> c_int {
    if (b'A' as c_int..=b'Z' as c_int).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// toupper(3): `a`..`z` to `A`..`Z`; everything else (EOF too) unchanged.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn toupper(c: c_int) -> c_int {
    if (b'a' as c_int..=b'z' as c_int).contains(&c) {
        c - 32
    } else {
        c
    }
}
