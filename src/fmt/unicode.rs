//! Unicode character classes and case mappings for `<wctype.h>`, and
//! column widths for `wcwidth`, in the UTF-8 C locale.
//!
//! The data is Rust core's (`char::is_alphabetic`, `is_uppercase`,
//! `to_lowercase`, and the printable table behind `escape_debug`), so it
//! follows the Unicode version of the toolchain; widths come from the
//! `unicode-width` crate. The classes are built from it with the rules
//! glibc uses to generate its `i18n_ctype` (which its C.UTF-8 locale
//! copies), so that the two agree wherever their Unicode versions do:
//!
//! - `alpha`: the `Alphabetic` property, plus the decimal digits (`Nd`)
//!   other than `0`..`9` ([`OTHER_DIGITS`]), which C keeps out of
//!   `digit` but which should still be `alnum`.
//! - `digit` and `xdigit`: ASCII only, as ISO C says.
//! - `upper`: the `Uppercase` property or a simple lowercase mapping;
//!   `lower`: the `Lowercase` property, a simple uppercase mapping, or ß.
//! - `blank`: tab and the space separators (`Zs`) that are not no-break
//!   spaces; `space`: those, `\n \v \f \r`, and U+2028/U+2029.
//! - `cntrl`: the C0 and C1 controls, U+2028 and U+2029.
//! - `print`: every assigned character except the controls, U+2028 and
//!   U+2029 (so format characters, private use and no-break spaces are
//!   printable); `graph`: `print` less `space`; `punct`: `graph` less
//!   `alpha` and `digit`.
//!
//! The simple case mappings are taken from core's full ones: a mapping to
//! one character is the simple mapping; a character whose full mapping
//! has several characters has no simple one, except U+0130 (İ), whose
//! simple lowercase is `i`, and the Greek vowels with a subscript iota,
//! whose simple uppercase is their titlecase form.
//!
//! Widths are the crate's, except that the soft hyphen (U+00AD) takes a
//! column (as in glibc: it is shown where a line breaks) and no character
//! takes more than 2.

use unicode_width::UnicodeWidthChar;

/// The decimal digits (`Nd`) outside ASCII, as inclusive ranges (Unicode
/// 14, the version of glibc 2.35 to 2.37; a digit added later is still
/// `alpha` when core calls it alphabetic, which most are not).
const OTHER_DIGITS: [(u32, u32); 61] = [
    (0x660, 0x669),
    (0x6f0, 0x6f9),
    (0x7c0, 0x7c9),
    (0x966, 0x96f),
    (0x9e6, 0x9ef),
    (0xa66, 0xa6f),
    (0xae6, 0xaef),
    (0xb66, 0xb6f),
    (0xbe6, 0xbef),
    (0xc66, 0xc6f),
    (0xce6, 0xcef),
    (0xd66, 0xd6f),
    (0xde6, 0xdef),
    (0xe50, 0xe59),
    (0xed0, 0xed9),
    (0xf20, 0xf29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17e0, 0x17e9),
    (0x1810, 0x1819),
    (0x1946, 0x194f),
    (0x19d0, 0x19d9),
    (0x1a80, 0x1a89),
    (0x1a90, 0x1a99),
    (0x1b50, 0x1b59),
    (0x1bb0, 0x1bb9),
    (0x1c40, 0x1c49),
    (0x1c50, 0x1c59),
    (0xa620, 0xa629),
    (0xa8d0, 0xa8d9),
    (0xa900, 0xa909),
    (0xa9d0, 0xa9d9),
    (0xa9f0, 0xa9f9),
    (0xaa50, 0xaa59),
    (0xabf0, 0xabf9),
    (0xff10, 0xff19),
    (0x104a0, 0x104a9),
    (0x10d30, 0x10d39),
    (0x11066, 0x1106f),
    (0x110f0, 0x110f9),
    (0x11136, 0x1113f),
    (0x111d0, 0x111d9),
    (0x112f0, 0x112f9),
    (0x11450, 0x11459),
    (0x114d0, 0x114d9),
    (0x11650, 0x11659),
    (0x116c0, 0x116c9),
    (0x11730, 0x11739),
    (0x118e0, 0x118e9),
    (0x11950, 0x11959),
    (0x11c50, 0x11c59),
    (0x11d50, 0x11d59),
    (0x11da0, 0x11da9),
    (0x16a60, 0x16a69),
    (0x16ac0, 0x16ac9),
    (0x16b50, 0x16b59),
    (0x1d7ce, 0x1d7ff),
    (0x1e140, 0x1e149),
    (0x1e2f0, 0x1e2f9),
    (0x1e950, 0x1e959),
    (0x1fbf0, 0x1fbf9),
];

/// The format characters (`Cf`), which core's printable table leaves out
/// but glibc counts as printable (Unicode 14).
const FORMAT: [(u32, u32); 21] = [
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x180e, 0x180e),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x2064),
    (0x2066, 0x206f),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x1343f),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
];

/// Whether `c` lies in one of the sorted inclusive `ranges`.
fn in_ranges(c: u32, ranges: &[(u32, u32)]) -> bool {
    ranges.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// `c` as a `char`, when it is a Unicode scalar value.
fn ch(c: u32) -> Option<char> {
    char::from_u32(c)
}

/// `blank`: tab and the space separators that allow a line break.
pub fn is_blank(c: u32) -> bool {
    matches!(c, 0x9 | 0x20 | 0x1680 | 0x2000..=0x2006 | 0x2008..=0x200a | 0x205f | 0x3000)
}

/// `space`: [`is_blank`], `\n \v \f \r`, and the line and paragraph
/// separators.
pub fn is_space(c: u32) -> bool {
    is_blank(c) || matches!(c, 0xa..=0xd | 0x2028 | 0x2029)
}

/// `cntrl`: the C0 and C1 controls and the line and paragraph separators.
pub fn is_cntrl(c: u32) -> bool {
    matches!(c, 0..=0x1f | 0x7f..=0x9f | 0x2028 | 0x2029)
}

/// `digit`: `0`..`9` only.
pub fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

/// `xdigit`: `0`..`9`, `a`..`f`, `A`..`F` only.
pub fn is_xdigit(c: u32) -> bool {
    c < 0x80 && (c as u8).is_ascii_hexdigit()
}

/// `alpha`: alphabetic, or a decimal digit other than `0`..`9`.
pub fn is_alpha(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    ch(c).is_some_and(char::is_alphabetic) || in_ranges(c, &OTHER_DIGITS)
}

/// `alnum`: [`is_alpha`] or [`is_digit`].
pub fn is_alnum(c: u32) -> bool {
    is_alpha(c) || is_digit(c)
}

/// The simple uppercase mapping of `c` (`c` itself when there is none).
pub fn to_upper(c: u32) -> u32 {
    if c < 0x80 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    let Some(x) = ch(c) else { return c };
    let mut m = x.to_uppercase();
    match (m.next(), m.next()) {
        (Some(u), None) => u as u32,
        // Greek with a subscript iota: the full mapping spells the iota
        // out, the simple one is the titlecase letter.
        _ => match c {
            0x1f80..=0x1faf => c | 8,
            0x1fb3 | 0x1fc3 | 0x1ff3 => c + 9,
            _ => c,
        },
    }
}

/// The simple lowercase mapping of `c` (`c` itself when there is none).
pub fn to_lower(c: u32) -> u32 {
    if c < 0x80 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    if c == 0x130 {
        return 'i' as u32;
    }
    let Some(x) = ch(c) else { return c };
    let mut m = x.to_lowercase();
    match (m.next(), m.next()) {
        (Some(l), None) => l as u32,
        _ => c,
    }
}

/// `upper`: the `Uppercase` property or a lowercase mapping.
pub fn is_upper(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_uppercase();
    }
    ch(c).is_some_and(char::is_uppercase) || to_lower(c) != c
}

/// `lower`: the `Lowercase` property, an uppercase mapping, or ß.
pub fn is_lower(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_lowercase();
    }
    ch(c).is_some_and(char::is_lowercase) || to_upper(c) != c || c == 0xdf
}

/// Whether core's `escape_debug` prints `c` as itself after a letter:
/// core's printable table (assigned, not a control, format, private use,
/// surrogate, separator other than the space) with the combining marks
/// allowed, as they are after a base character.
fn shown(c: char) -> bool {
    let mut buf = [b'a'; 5];
    let n = c.encode_utf8(&mut buf[1..]).len();
    match core::str::from_utf8(buf.get(..n + 1).unwrap_or_default()) {
        Ok(s) => s.escape_debug().count() == 2,
        Err(_) => false,
    }
}

/// `print`: assigned, and not a control or a line or paragraph separator.
pub fn is_print(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7f).contains(&c);
    }
    let Some(x) = ch(c) else { return false };
    if is_cntrl(c) {
        return false;
    }
    shown(x)
        || in_ranges(c, &FORMAT)
        // Private use, and the space separators core leaves out.
        || matches!(c, 0xe000..=0xf8ff | 0xf0000..=0xffffd | 0x100000..=0x10fffd)
        || matches!(c, 0xa0 | 0x1680 | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000)
}

/// `graph`: [`is_print`] and not [`is_space`].
pub fn is_graph(c: u32) -> bool {
    is_print(c) && !is_space(c)
}

/// `punct`: [`is_graph`] and not [`is_alnum`].
pub fn is_punct(c: u32) -> bool {
    is_graph(c) && !is_alnum(c)
}

/// The number of columns `c` takes on a terminal (`wcwidth`): 0 for NUL
/// and combining or zero-width characters, 2 for East Asian wide and
/// fullwidth ones, 1 for the rest, `None` for a character that is not
/// [`is_print`].
pub fn width(c: u32) -> Option<usize> {
    if c == 0 {
        return Some(0);
    }
    if !is_print(c) {
        return None;
    }
    if c == 0xad {
        return Some(1);
    }
    Some(ch(c).and_then(|x| x.width()).unwrap_or(1).min(2))
}
