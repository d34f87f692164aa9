//! `<wctype.h>` for the UTF-8 C locale: the classes and case mappings of
//! [`fmt::unicode`](crate::fmt::unicode) (which says how they follow
//! glibc's C.UTF-8), and `wctype`/`wctrans` over them. A `wint_t` that is
//! not a Unicode scalar value (`WEOF`, a surrogate, anything above
//! U+10FFFF) belongs to no class and maps to itself.

use crate::fmt::unicode;
use core::ffi::{CStr, c_char, c_int};

/// A class: its name for `wctype` and its test.
type Class = (&'static CStr, fn(u32) -> bool);

/// The classes, in the order of their `wctype_t` numbers (1-based; 0 is
/// the "no class" that `wctype` returns for an unknown name).
const CLASSES: [Class; 12] = [
    (c"alnum", unicode::is_alnum),
    (c"alpha", unicode::is_alpha),
    (c"blank", unicode::is_blank),
    (c"cntrl", unicode::is_cntrl),
    (c"digit", unicode::is_digit),
    (c"graph", unicode::is_graph),
    (c"lower", unicode::is_lower),
    (c"print", unicode::is_print),
    (c"punct", unicode::is_punct),
    (c"space", unicode::is_space),
    (c"upper", unicode::is_upper),
    (c"xdigit", unicode::is_xdigit),
];

macro_rules! isw {
    ($($name:ident => $test:path;)*) => {$(
        #[doc = concat!(stringify!($name), "(3) in the UTF-8 C locale: 1 or 0.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(c: u32) -> c_int {
            $test(c) as c_int
        }
    )*};
}

isw! {
    iswalnum => unicode::is_alnum;
    iswalpha => unicode::is_alpha;
    iswblank => unicode::is_blank;
    iswcntrl => unicode::is_cntrl;
    iswdigit => unicode::is_digit;
    iswgraph => unicode::is_graph;
    iswlower => unicode::is_lower;
    iswprint => unicode::is_print;
    iswpunct => unicode::is_punct;
    iswspace => unicode::is_space;
    iswupper => unicode::is_upper;
    iswxdigit => unicode::is_xdigit;
}

/// towlower(3): the simple lowercase mapping.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn towlower(c: u32) -> u32 {
    unicode::to_lower(c)
}

/// towupper(3): the simple uppercase mapping.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn towupper(c: u32) -> u32 {
    unicode::to_upper(c)
}

/// The index in `names` of the NUL-terminated `name`, plus one; 0 if absent.
///
/// # Safety
/// `name` is NUL-terminated.
unsafe fn lookup<'a>(name: *const c_char, mut names: impl Iterator<Item = &'a CStr>) -> usize {
    // SAFETY: as the caller says.
    let name = unsafe { CStr::from_ptr(name) };
    names.position(|n| n == name).map_or(0, |i| i + 1)
}

/// wctype(3): the class named `name` ("alpha", ...), or 0 if there is none.
///
/// # Safety
/// `name` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wctype(name: *const c_char) -> usize {
    // SAFETY: as the caller says.
    unsafe { lookup(name, CLASSES.iter().map(|c| c.0)) }
}

/// iswctype(3): whether `c` is in the class `desc` (0 for class 0).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn iswctype(c: u32, desc: usize) -> c_int {
    desc.checked_sub(1)
        .and_then(|i| CLASSES.get(i))
        .is_some_and(|class| (class.1)(c)) as c_int
}

/// wctrans(3): 1 for "tolower", 2 for "toupper", 0 otherwise.
///
/// # Safety
/// `name` is NUL-terminated.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn wctrans(name: *const c_char) -> usize {
    // SAFETY: as the caller says.
    unsafe { lookup(name, [c"tolower", c"toupper"].into_iter()) }
}

/// towctrans(3): `c` mapped by `desc` (unchanged for 0).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn towctrans(c: u32, desc: usize) -> u32 {
    match desc {
        1 => unicode::to_lower(c),
        2 => unicode::to_upper(c),
        _ => c,
    }
}
