//! The scanf engine over a byte slice: conversions `d i u o x X p s c [ ]
//! n f e g a E G F A` and `%%`, with widths, `*` (assignment suppression)
//! and the length modifiers `hh h l ll j z t L`.
//!
//! Integers are read as `strtol`/`strtoul` read them (clamped on overflow),
//! floats as [`strtod`](super::strtod) reads them, limited to the width.
//! Not supported (the scan stops there, as at a matching failure): wide
//! conversions (`%lc`, `%ls`, `%l[`) and positional arguments (`%1$d`).

use super::printf::Length;
use super::{int, is_space, strtod};

/// Where the scanned values go: each call stores through the next pointer
/// argument.
pub trait Store {
    /// An integer conversion or `%n`: store `v` (two's complement) as the
    /// integer type that `len` names (`int` for [`Length::None`]).
    fn int(&mut self, len: Length, v: u64);
    /// A `float` (`%f` without a length modifier).
    fn f32(&mut self, v: f32);
    /// A `double` (`%lf`) or `long double` (`%Lf`, as `len` says).
    fn f64(&mut self, len: Length, v: f64);
    /// `%s`, `%[` (`nul`: followed by a NUL) and `%c` (no NUL).
    fn bytes(&mut self, b: &[u8], nul: bool);
}

/// The end of a failed scan: `EOF` (-1) if nothing was assigned yet and the
/// input ran out, the count otherwise.
fn fail(count: i32, input_ended: bool) -> i32 {
    if input_ended && count == 0 { -1 } else { count }
}

/// Scans `input` according to `fmt` (both without a NUL) as `sscanf` does;
/// returns the number of assignments, or -1 (`EOF`) if the input ended
/// before anything was assigned.
pub fn scan(input: &[u8], fmt: &[u8], store: &mut dyn Store) -> i32 {
    let (mut i, mut p, mut count) = (0usize, 0usize, 0i32);
    let skip_space = |p: &mut usize| {
        while *p < input.len() && is_space(input[*p]) {
            *p += 1;
        }
    };
    while i < fmt.len() {
        let c = fmt[i];
        if is_space(c) {
            while i < fmt.len() && is_space(fmt[i]) {
                i += 1;
            }
            skip_space(&mut p);
            continue;
        }
        if c != b'%' || fmt.get(i + 1) == Some(&b'%') {
            if c == b'%' {
                skip_space(&mut p);
                i += 1;
            }
            if p >= input.len() {
                return fail(count, true);
            }
            if input[p] != c {
                return count;
            }
            p += 1;
            i += 1;
            continue;
        }
        i += 1;
        let suppress = fmt.get(i) == Some(&b'*');
        i += suppress as usize;
        let mut width = 0usize;
        while let Some(&d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            width = width.saturating_mul(10).saturating_add((d - b'0') as usize);
            i += 1;
        }
        let next = |k: usize| fmt.get(i + k).copied().unwrap_or(0);
        let (len, skip) = match (next(0), next(1)) {
            (b'h', b'h') => (Length::Hh, 2),
            (b'h', _) => (Length::H, 1),
            (b'l', b'l') => (Length::Ll, 2),
            (b'l', _) => (Length::L, 1),
            (b'j', _) => (Length::J, 1),
            (b'z', _) => (Length::Z, 1),
            (b't', _) => (Length::T, 1),
            (b'L', _) => (Length::BigL, 1),
            _ => (Length::None, 0),
        };
        i += skip;
        let Some(&conv) = fmt.get(i) else {
            return count;
        };
        i += 1;
        if !b"cn[".contains(&conv) {
            skip_space(&mut p);
        }
        if conv == b'n' {
            if !suppress {
                store.int(len, p as u64);
            }
            continue;
        }
        if !b"diouxXpscfeEgGaAF[".contains(&conv) || (len == Length::L && b"sc[".contains(&conv)) {
            return count;
        }
        if p >= input.len() {
            return fail(count, true);
        }
        let max = if width == 0 { usize::MAX } else { width };
        let field = &input[p..input.len().min(p.saturating_add(max))];
        match conv {
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
                let base = match conv {
                    b'd' | b'u' => 10,
                    b'i' => 0,
                    b'o' => 8,
                    _ => 16,
                };
                let Some(r) = int::parse(field, base, false).filter(|r| r.consumed > 0) else {
                    return count;
                };
                p += r.consumed;
                if !suppress {
                    let v = if conv == b'd' || conv == b'i' {
                        r.signed(i64::MIN, i64::MAX).0 as u64
                    } else {
                        r.unsigned(u64::MAX).0
                    };
                    store.int(if conv == b'p' { Length::Z } else { len }, v);
                }
            }
            b'f' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' | b'F' => {
                let consumed = if len == Length::None {
                    let r = strtod::strtof(field);
                    if r.consumed > 0 && !suppress {
                        store.f32(r.value);
                    }
                    r.consumed
                } else {
                    let r = strtod::strtod(field);
                    if r.consumed > 0 && !suppress {
                        store.f64(len, r.value);
                    }
                    r.consumed
                };
                if consumed == 0 {
                    return count;
                }
                p += consumed;
            }
            b's' => {
                let n = field
                    .iter()
                    .position(|&c| is_space(c))
                    .unwrap_or(field.len());
                if !suppress {
                    store.bytes(&field[..n], true);
                }
                p += n;
            }
            b'c' => {
                let n = if width == 0 { 1 } else { field.len() };
                if !suppress {
                    store.bytes(&field[..n], false);
                }
                p += n;
            }
            _ => {
                // `%[`: the set runs to the first `]` that is not its first member.
                let invert = fmt.get(i) == Some(&b'^');
                i += invert as usize;
                let start = i;
                let mut set = [false; 256];
                while i < fmt.len() && (fmt[i] != b']' || i == start) {
                    let c = fmt[i];
                    if fmt.get(i + 1) == Some(&b'-') && fmt.get(i + 2).is_some_and(|&e| e != b']') {
                        let end = fmt[i + 2];
                        for b in c..=end.max(c) {
                            set[b as usize] = true;
                        }
                        i += 3;
                    } else {
                        set[c as usize] = true;
                        i += 1;
                    }
                }
                if i >= fmt.len() {
                    return count;
                }
                i += 1;
                let n = field
                    .iter()
                    .position(|&c| set[c as usize] == invert)
                    .unwrap_or(field.len());
                if n == 0 {
                    return count;
                }
                if !suppress {
                    store.bytes(&field[..n], true);
                }
                p += n;
            }
        }
        if !suppress {
            count += 1;
        }
    }
    count
}
