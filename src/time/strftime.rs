//! `strftime` in the C/POSIX locale: every C17 and POSIX conversion, the
//! GNU ones (`%k %l %P %s`, the `_ - 0 ^ #` flags and field widths) and
//! POSIX 2008's `+` flag on `%C %F %G %Y`. `E` and `O` modifiers are
//! accepted and ignored (the C locale has no alternative forms).
//!
//! Out-of-range fields print as glibc prints them: numbers as they are
//! (`%M` of -1 is `-1`), names as `?`.

use super::civil::{Tm, iso_week};

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Where the output goes: the caller's buffer, counting past its end so
/// that overflow is detected.
struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Out<'_> {
    fn push(&mut self, c: u8) {
        if let Some(b) = self.buf.get_mut(self.len) {
            *b = c;
        }
        self.len += 1;
    }

    fn pad(&mut self, c: u8, n: usize) {
        for _ in 0..n {
            self.push(c);
        }
    }
}

/// What the `%`-directive's flags and width asked for.
#[derive(Copy, Clone, Default)]
struct Spec {
    /// `_`, `-`, `0`, `+` or 0 for none.
    pad: u8,
    upper: bool,
    swap: bool,
    width: Option<usize>,
}

/// The zone-dependent inputs: `%Z`'s text and `%s`'s value.
pub trait Context {
    /// The abbreviation `%Z` prints.
    fn zone(&mut self, tm: &Tm) -> &[u8];
    /// Seconds since the Epoch of `tm` read as local time (`mktime`).
    fn epoch(&mut self, tm: &Tm) -> i64;
}

/// Formats `tm` by `fmt` into `buf`: the length written (the NUL follows
/// it), or `None` when the result and its NUL do not fit.
pub fn strftime(buf: &mut [u8], fmt: &[u8], tm: &Tm, cx: &mut dyn Context) -> Option<usize> {
    let mut out = Out { buf, len: 0 };
    format(&mut out, fmt, tm, cx, false);
    let n = out.len;
    if n < out.buf.len() {
        out.buf[n] = 0;
        Some(n)
    } else {
        None
    }
}

fn format(out: &mut Out, fmt: &[u8], tm: &Tm, cx: &mut dyn Context, upper: bool) {
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        let start = i - 1;
        let mut s = Spec {
            upper,
            ..Spec::default()
        };
        while let Some(&f) = fmt.get(i) {
            match f {
                b'_' | b'-' | b'0' | b'+' => s.pad = f,
                b'^' => s.upper = true,
                b'#' => s.swap = true,
                _ => break,
            }
            i += 1;
        }
        let mut w: Option<usize> = None;
        while let Some(&d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            w = Some(
                w.unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add((d - b'0') as usize),
            );
            i += 1;
        }
        s.width = w;
        while let Some(b'E' | b'O') = fmt.get(i) {
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else {
            // A lone `%` at the end prints as it is.
            for &b in &fmt[start..] {
                out.push(b);
            }
            break;
        };
        i += 1;
        if !convert(out, conv, s, tm, cx) {
            for &b in &fmt[start..i] {
                out.push(b);
            }
        }
    }
}

/// A number: at least `digits` digits unless a width says otherwise
/// (`yearish` numbers have no minimum), `dpad` the padding by default.
fn number(out: &mut Out, v: i64, digits: usize, dpad: u8, yearish: bool, s: Spec) {
    let pad = if s.pad == 0 { dpad } else { s.pad };
    let width = match s.width {
        Some(w) => w,
        // `-` without a width: no padding at all (with one, glibc pads
        // with spaces).
        None if pad == b'-' => 0,
        None if yearish && s.pad == b'+' => digits,
        None if yearish => 1,
        None => digits,
    };
    let limit = if digits == 2 { 99 } else { 9999 };
    let sign = if v < 0 {
        Some(b'-')
    } else if pad == b'+' && yearish && (v > limit || width > digits) {
        Some(b'+')
    } else {
        None
    };
    let mut tmp = [0u8; 20];
    let mut n = 0;
    let mut u = v.unsigned_abs();
    loop {
        tmp[n] = b'0' + (u % 10) as u8;
        n += 1;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    let used = n + sign.is_some() as usize;
    let short = width.saturating_sub(used);
    if pad == b'_' || pad == b'-' {
        out.pad(b' ', short);
        if let Some(c) = sign {
            out.push(c);
        }
    } else {
        if let Some(c) = sign {
            out.push(c);
        }
        out.pad(b'0', short);
    }
    for k in (0..n).rev() {
        out.push(tmp[k]);
    }
}

/// A text field: `swap_lower` says what `#` does (lower case for `%p`
/// and `%Z`, upper case for names).
fn text(out: &mut Out, t: &[u8], s: Spec, swap_lower: bool) {
    let short = s.width.unwrap_or(0).saturating_sub(t.len());
    out.pad(
        if s.pad == b'0' || s.pad == b'+' {
            b'0'
        } else {
            b' '
        },
        short,
    );
    for &c in t {
        out.push(if s.swap && swap_lower {
            c.to_ascii_lowercase()
        } else if s.upper || s.swap {
            c.to_ascii_uppercase()
        } else {
            c
        });
    }
}

/// A conversion made of others (`%c`, `%F`, ...): the whole result is
/// padded to the width.
fn composite(out: &mut Out, sub: &[u8], s: Spec, tm: &Tm, cx: &mut dyn Context) {
    let Some(w) = s.width else {
        format(out, sub, tm, cx, s.upper);
        return;
    };
    let mut tmp = [0u8; 128];
    let mut inner = Out {
        buf: &mut tmp,
        len: 0,
    };
    format(&mut inner, sub, tm, cx, s.upper);
    let n = inner.len.min(tmp.len());
    out.pad(
        if s.pad == b'0' || s.pad == b'+' {
            b'0'
        } else {
            b' '
        },
        w.saturating_sub(n),
    );
    for &b in &tmp[..n] {
        out.push(b);
    }
}

fn name(table: &[&'static str], i: i32, abbr: bool) -> &'static [u8] {
    match usize::try_from(i).ok().and_then(|i| table.get(i)) {
        Some(n) if abbr => &n.as_bytes()[..3],
        Some(n) => n.as_bytes(),
        None => b"?",
    }
}

/// Performs one conversion; false for an unknown one (printed as written).
fn convert(out: &mut Out, conv: u8, s: Spec, tm: &Tm, cx: &mut dyn Context) -> bool {
    let year = tm.tm_year as i64 + 1900;
    let hour12 = match tm.tm_hour % 12 {
        0 => 12,
        h => h,
    } as i64;
    let iso = || iso_week(year, tm.tm_yday as i64, tm.tm_wday as i64);
    match conv {
        b'a' => text(out, name(&DAYS, tm.tm_wday, true), s, false),
        b'A' => text(out, name(&DAYS, tm.tm_wday, false), s, false),
        b'b' | b'h' => text(out, name(&MONTHS, tm.tm_mon, true), s, false),
        b'B' => text(out, name(&MONTHS, tm.tm_mon, false), s, false),
        b'c' => composite(out, b"%a %b %e %H:%M:%S %Y", s, tm, cx),
        b'C' => number(out, year.div_euclid(100), 2, b'0', true, s),
        b'd' => number(out, tm.tm_mday as i64, 2, b'0', false, s),
        b'D' | b'x' => composite(out, b"%m/%d/%y", s, tm, cx),
        b'e' => number(out, tm.tm_mday as i64, 2, b'_', false, s),
        b'F' if s.pad == b'+' => {
            // POSIX: the year takes what the width leaves for "-mm-dd".
            let y = Spec {
                width: Some(s.width.map_or(4, |w| w.saturating_sub(6))),
                ..s
            };
            number(out, year, 4, b'0', true, y);
            format(out, b"-%m-%d", tm, cx, false);
        }
        b'F' => composite(out, b"%Y-%m-%d", s, tm, cx),
        b'g' => number(out, iso().0.rem_euclid(100), 2, b'0', false, s),
        b'G' => number(out, iso().0, 4, b'0', true, s),
        b'H' => number(out, tm.tm_hour as i64, 2, b'0', false, s),
        b'I' => number(out, hour12, 2, b'0', false, s),
        b'j' => number(out, tm.tm_yday as i64 + 1, 3, b'0', false, s),
        b'k' => number(out, tm.tm_hour as i64, 2, b'_', false, s),
        b'l' => number(out, hour12, 2, b'_', false, s),
        b'm' => number(out, tm.tm_mon as i64 + 1, 2, b'0', false, s),
        b'M' => number(out, tm.tm_min as i64, 2, b'0', false, s),
        b'n' => out.push(b'\n'),
        b'p' | b'P' => {
            let pm = tm.tm_hour > 11;
            let t: &[u8] = match (conv == b'P', pm) {
                (false, false) => b"AM",
                (false, true) => b"PM",
                (true, false) => b"am",
                (true, true) => b"pm",
            };
            text(out, t, s, true);
        }
        b'r' => composite(out, b"%I:%M:%S %p", s, tm, cx),
        b'R' => composite(out, b"%H:%M", s, tm, cx),
        b's' => {
            let t = cx.epoch(tm);
            number(out, t, 1, b'0', false, s);
        }
        b'S' => number(out, tm.tm_sec as i64, 2, b'0', false, s),
        b't' => out.push(b'\t'),
        b'T' | b'X' => composite(out, b"%H:%M:%S", s, tm, cx),
        b'u' => number(
            out,
            ((tm.tm_wday - 1 + 7) % 7 + 1) as i64,
            1,
            b'0',
            false,
            s,
        ),
        b'U' => number(
            out,
            ((tm.tm_yday - tm.tm_wday + 7) / 7) as i64,
            2,
            b'0',
            false,
            s,
        ),
        b'V' => number(out, iso().1, 2, b'0', false, s),
        b'w' => number(out, tm.tm_wday as i64, 1, b'0', false, s),
        b'W' => {
            let wk = (tm.tm_yday - (tm.tm_wday - 1 + 7) % 7 + 7) / 7;
            number(out, wk as i64, 2, b'0', false, s);
        }
        b'y' => number(out, year.rem_euclid(100), 2, b'0', false, s),
        b'Y' => number(out, year, 4, b'0', true, s),
        b'z' => {
            // c_long is i32 on 32-bit arches.
            #[allow(clippy::useless_conversion)]
            let off = i64::from(tm.tm_gmtoff);
            let a = off.unsigned_abs() as i64;
            let v = a / 3600 * 100 + a / 60 % 60;
            let short = s.width.map_or(0, |w| w.saturating_sub(5));
            let zeros = s.pad == b'0' || s.pad == b'+';
            if !zeros {
                out.pad(b' ', short);
            }
            out.push(if off < 0 { b'-' } else { b'+' });
            if zeros {
                out.pad(b'0', short);
            }
            let d = Spec {
                pad: b'0',
                width: Some(4),
                ..Spec::default()
            };
            number(out, v, 4, b'0', false, d);
        }
        b'Z' => {
            let mut tmp = [0u8; 64];
            let z = cx.zone(tm);
            let n = z.len().min(tmp.len());
            tmp[..n].copy_from_slice(&z[..n]);
            text(out, &tmp[..n], s, true);
        }
        b'%' => text(out, b"%", s, false),
        _ => return false,
    }
    true
}
