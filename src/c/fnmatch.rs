//! fnmatch(3): shell wildcard matching (`*`, `?`, bracket expressions with
//! ranges and `[:class:]`, backslash escapes) in the C locale, bytewise.

use super::ctype::in_class;
use core::ffi::{CStr, c_char, c_int};

/// `FNM_NOESCAPE`: a backslash is an ordinary character.
const NOESCAPE: c_int = 2;
/// `FNM_PATHNAME`: only a literal `/` in the pattern matches `/`.
const PATHNAME: c_int = 1;
/// `FNM_PERIOD`: a leading `.` must be matched literally.
const PERIOD: c_int = 4;
/// `FNM_LEADING_DIR`: a match may stop before a `/` in the string.
const LEADING_DIR: c_int = 8;
/// `FNM_CASEFOLD`: letters match either case.
const CASEFOLD: c_int = 16;
/// `FNM_NOMATCH`.
const NOMATCH: c_int = 1;

/// One character of a bracket expression at `p[i..]` and the index after
/// it: a collating symbol `[.c.]` or an equivalence class `[=c=]` (in the
/// C locale both are the single character `c`), an escaped character, or
/// a plain one. `None` for a `[.` or `[=` that is not closed (glibc then
/// takes the whole `[` as an ordinary character), and at the end. The
/// third value is set for `[.c.]` and `[=c=]`, which glibc does not widen
/// by FNM_CASEFOLD.
fn element(p: &[u8], i: usize, flags: c_int) -> Option<(u8, usize, bool)> {
    let c = *p.get(i)?;
    if c == b'[' && matches!(p.get(i + 1), Some(b'.' | b'=')) {
        let d = p[i + 1];
        let ch = *p.get(i + 2)?;
        return (p.get(i + 3) == Some(&d) && p.get(i + 4) == Some(&b']')).then_some((
            ch,
            i + 5,
            true,
        ));
    }
    if c == b'\\' && flags & NOESCAPE == 0 {
        return Some((*p.get(i + 1)?, i + 2, false));
    }
    Some((c, i + 1, false))
}

/// Matches `c` against the bracket expression starting after `[` at
/// `p[i..]`: `Some((matched, index after ']'))`, or `None` when the
/// expression is not closed (the `[` is then an ordinary character).
fn bracket(p: &[u8], mut i: usize, c: u8, flags: c_int) -> Option<(bool, usize)> {
    let fold = flags & CASEFOLD != 0;
    let eq = |a: u8, b: u8| a == b || (fold && a.eq_ignore_ascii_case(&b));
    let negate = matches!(p.get(i), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut found = false;
    let mut first = true;
    loop {
        let mut lo = *p.get(i)?;
        if lo == b']' && !first {
            return Some((found != negate, i + 1));
        }
        first = false;
        if lo == b'[' && p.get(i + 1) == Some(&b':') {
            let start = i + 2;
            let len = p.get(start..)?.windows(2).position(|w| w == b":]")?;
            let name = &p[start..start + len];
            // As glibc: a class is not widened by FNM_CASEFOLD, and one
            // of an unknown name matches nothing (the rest of the
            // expression still counts).
            found |= in_class(name, c) == Some(true);
            i = start + len + 2;
            continue;
        }
        let exact;
        (lo, i, exact) = element(p, i, flags)?;
        let mut hi = lo;
        if p.get(i) == Some(&b'-') && p.get(i + 1).is_some_and(|&h| h != b']') {
            (hi, i, _) = element(p, i + 1, flags)?;
        }
        if lo == hi {
            found |= if exact { c == lo } else { eq(c, lo) };
        } else if fold {
            // As glibc: the character and both ends in lower case (`[A-Z]`
            // takes `c`; `[A-[]` is `[a-[]`, empty).
            let low = |x: u8| x.to_ascii_lowercase();
            found |= low(lo) <= low(c) && low(c) <= low(hi);
        } else {
            found |= lo <= c && c <= hi;
        }
    }
}

/// Whether position `j` of `s` is a leading one for `FNM_PERIOD`.
fn leading(s: &[u8], j: usize, flags: c_int) -> bool {
    flags & PERIOD != 0 && (j == 0 || (flags & PATHNAME != 0 && s[j - 1] == b'/'))
}

/// The match, with one backtracking point: the last `*` seen.
fn matches(p: &[u8], s: &[u8], flags: c_int) -> bool {
    let fold = flags & CASEFOLD != 0;
    let path = flags & PATHNAME != 0;
    let (mut i, mut j) = (0, 0);
    // (pattern index after the star, string index it resumes at)
    let mut star: Option<(usize, usize)> = None;
    loop {
        if i == p.len() {
            if j == s.len() || (flags & LEADING_DIR != 0 && s[j] == b'/') {
                return true;
            }
        } else if p[i] == b'*' {
            while p.get(i) == Some(&b'*') {
                i += 1;
            }
            if j < s.len() && s[j] == b'.' && leading(s, j, flags) {
                // A leading period is never matched by a star, not even
                // by an empty one before a literal period (`*.` does not
                // match `.`), as glibc and musl decide it. No earlier star
                // could end elsewhere: only a `/` (FNM_PATHNAME), which no
                // star takes, or the start makes a period leading.
                return false;
            }
            star = Some((i, j));
            continue;
        } else if j < s.len() {
            let c = s[j];
            let ok = match p[i] {
                b'?' => {
                    i += 1;
                    !(path && c == b'/') && !(c == b'.' && leading(s, j, flags))
                }
                b'[' => match bracket(p, i + 1, c, flags) {
                    Some((hit, next)) => {
                        i = next;
                        hit && !(path && c == b'/') && !(c == b'.' && leading(s, j, flags))
                    }
                    None => {
                        i += 1;
                        c == b'['
                    }
                },
                // A pattern that ends in an unescaped backslash matches
                // nothing (POSIX: fnmatch returns nonzero; glibc and musl
                // say no match).
                b'\\' if flags & NOESCAPE == 0 && i + 1 == p.len() => return false,
                b'\\' if flags & NOESCAPE == 0 => {
                    i += 2;
                    c == p[i - 1] || (fold && c.eq_ignore_ascii_case(&p[i - 1]))
                }
                pc => {
                    i += 1;
                    c == pc || (fold && c.eq_ignore_ascii_case(&pc))
                }
            };
            if ok {
                j += 1;
                continue;
            }
        }
        // Mismatch: let the last star take one more character.
        match star {
            Some((si, sj)) if sj < s.len() && !(path && s[sj] == b'/') => {
                star = Some((si, sj + 1));
                (i, j) = (si, sj + 1);
            }
            _ => return false,
        }
    }
}

/// fnmatch(3): 0 when `string` matches `pattern`, else `FNM_NOMATCH`.
/// Flags: `FNM_NOESCAPE`, `FNM_PATHNAME`, `FNM_PERIOD`, `FNM_LEADING_DIR`,
/// `FNM_CASEFOLD`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fnmatch(
    pattern: *const c_char,
    string: *const c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: the caller passes two NUL-terminated strings.
    let (p, s) = unsafe {
        (
            CStr::from_ptr(pattern).to_bytes(),
            CStr::from_ptr(string).to_bytes(),
        )
    };
    if matches(p, s, flags) { 0 } else { NOMATCH }
}
