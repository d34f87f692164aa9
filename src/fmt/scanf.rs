//! The scanf engine: conversions `d i u o x X p s c [ ] n f e g a E G F A`
//! and `%%`, with widths, `*` (assignment suppression) and the length
//! modifiers `hh h l ll j z t L`, over any [`Input`] (a byte slice for
//! `sscanf`, a `FILE` for `fscanf`).
//!
//! The engine looks one byte ahead and never pushes back more than that
//! byte, as glibc's does: a number is the longest prefix of the input that
//! can start a number (`100ergs` read with `%lf` consumes `100e` and
//! stores 100; `infinitx` consumes `infinit` and fails), and its value is
//! what `strtol`/`strtoul`/`strtod` make of that prefix (clamped on
//! overflow). A floating-point field is at most [`FIELD_MAX`] bytes, as if
//! its width were that; integer fields have no such limit.
//! Not supported (the scan stops there, as at a matching failure): wide
//! conversions (`%lc`, `%ls`, `%l[`) and positional arguments (`%1$d`).

use super::printf::Length;
use super::{decimal_saturating, digit_value, int, is_space, strtod};

/// The longest floating-point field read (longer ones end there).
pub const FIELD_MAX: usize = 512;
/// Room for an integer field's text: sign, prefix and 70 significant
/// digits overflow 64 bits in any base, and further digits are dropped.
const INT_MAX: usize = 80;

/// Where the scanned bytes come from.
pub trait Input {
    /// The bytes available now, without consuming them: empty only at the
    /// end of the input (or on a read error).
    fn chunk(&mut self) -> &[u8];
    /// Consumes the first `n` bytes of the last [`chunk`](Self::chunk).
    fn consume(&mut self, n: usize);
}

impl Input for &[u8] {
    fn chunk(&mut self) -> &[u8] {
        self
    }
    fn consume(&mut self, n: usize) {
        *self = &self[n..];
    }
}

/// Where the scanned values go: each assignment stores through the next
/// pointer argument.
pub trait Store {
    /// An integer conversion or `%n`: store `v` (two's complement) as the
    /// integer type that `len` names (`int` for [`Length::None`]).
    fn int(&mut self, len: Length, v: u64);
    /// A `float` (`%f` without a length modifier).
    fn f32(&mut self, v: f32);
    /// A `double` (`%lf`) or `long double` (`%Lf`, as `len` says).
    fn f64(&mut self, len: Length, v: f64);
    /// `%s`, `%c` or `%[` begins storing into the next array argument.
    fn begin(&mut self);
    /// Appends `b` to the array that [`begin`](Self::begin) started.
    fn append(&mut self, b: &[u8]);
    /// Ends the array, with a NUL after it when `nul` (`%s`, `%[`).
    fn end(&mut self, nul: bool);
}

/// The input with a count of consumed bytes (for `%n`) and a field width.
struct Cursor<'a> {
    input: &'a mut dyn Input,
    pos: usize,
    /// Bytes the current field may still take.
    left: usize,
}

impl Cursor<'_> {
    /// The next byte of the field, if the width and the input allow one.
    fn peek(&mut self) -> Option<u8> {
        if self.left == 0 {
            return None;
        }
        self.input.chunk().first().copied()
    }

    /// Consumes the byte [`peek`](Self::peek) returned.
    fn bump(&mut self) {
        self.input.consume(1);
        self.pos += 1;
        self.left -= 1;
    }

    /// Consumes the next byte if `want` accepts it, and returns it.
    fn take_if(&mut self, want: impl Fn(u8) -> bool) -> Option<u8> {
        let c = self.peek().filter(|&c| want(c))?;
        self.bump();
        Some(c)
    }

    /// Skips white space (any amount: not limited by a width).
    fn skip_space(&mut self) {
        loop {
            let c = self.input.chunk();
            let n = c.iter().position(|&b| !is_space(b)).unwrap_or(c.len());
            if n == 0 {
                return;
            }
            self.input.consume(n);
            self.pos += n;
        }
    }

    /// Moves the longest run (within the width) of bytes that `keep`
    /// accepts into `store` (if any); returns its length.
    fn span(
        &mut self,
        keep: &dyn Fn(u8) -> bool,
        mut store: Option<&mut (dyn Store + '_)>,
    ) -> usize {
        let mut total = 0;
        loop {
            let left = self.left;
            let c = self.input.chunk();
            let c = &c[..c.len().min(left)];
            let n = c.iter().position(|&b| !keep(b)).unwrap_or(c.len());
            if n == 0 {
                return total;
            }
            if let Some(s) = store.as_deref_mut() {
                if total == 0 {
                    s.begin();
                }
                s.append(&c[..n]);
            }
            let whole = n == c.len();
            self.input.consume(n);
            self.pos += n;
            self.left -= n;
            total += n;
            if !whole {
                return total;
            }
        }
    }
}

/// The text of a numeric field, as collected.
struct Text<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    fn new() -> Self {
        Text {
            buf: [0; N],
            len: 0,
        }
    }

    fn push(&mut self, c: u8) {
        if self.len < N {
            self.buf[self.len] = c;
            self.len += 1;
        }
    }

    fn full(&self) -> bool {
        self.len == N
    }

    fn get(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Reads an integer field in `base` (0: by prefix) into `t`; false when it
/// holds no digit. Leading zeros are not kept, so the text stays short.
fn collect_int(cur: &mut Cursor, mut base: u32, t: &mut Text<INT_MAX>) -> bool {
    if let Some(c) = cur.take_if(|c| c == b'+' || c == b'-') {
        t.push(c);
    }
    let mut digits = false;
    if (base == 0 || base == 16) && cur.take_if(|c| c == b'0').is_some() {
        t.push(b'0');
        digits = true;
        if let Some(x) = cur.take_if(|c| c | 0x20 == b'x') {
            t.push(x);
            base = 16;
        } else if base == 0 {
            base = 8;
        }
    } else if base == 0 {
        base = 10;
    }
    let mut nonzero = false;
    while let Some(c) = cur.take_if(|c| digit_value(c) < base) {
        digits = true;
        if c != b'0' || nonzero {
            t.push(c);
            nonzero = true;
        }
    }
    if !nonzero {
        t.push(b'0');
    }
    digits
}

/// Consumes the rest of `word` (case-insensitively) or fails.
fn take_word(cur: &mut Cursor, word: &[u8], t: &mut Text<FIELD_MAX>) -> bool {
    word.iter()
        .all(|&w| cur.take_if(|c| c | 0x20 == w).map(|c| t.push(c)).is_some())
}

/// Reads a floating-point field (decimal, hexadecimal, `inf`, `infinity`
/// or `nan`) into `t`; false when it is not a number.
fn collect_float(cur: &mut Cursor, t: &mut Text<FIELD_MAX>) -> bool {
    if let Some(c) = cur.take_if(|c| c == b'+' || c == b'-') {
        t.push(c);
    }
    match cur.peek().map(|c| c | 0x20) {
        Some(b'i') => {
            return take_word(cur, b"inf", t)
                && (cur.peek().is_none_or(|c| c | 0x20 != b'i') || take_word(cur, b"inity", t));
        }
        Some(b'n') => return take_word(cur, b"nan", t),
        _ => {}
    }
    let (mut hex, mut digits, mut dot, mut nonzero) = (false, 0usize, false, false);
    if cur.take_if(|c| c == b'0').is_some() {
        t.push(b'0');
        digits = 1;
        // An `x` that the width leaves no room to follow ends the field.
        if cur.left >= 2
            && let Some(x) = cur.take_if(|c| c | 0x20 == b'x')
        {
            t.push(x);
            hex = true;
            digits = 0;
        }
    }
    let radix = if hex { 16 } else { 10 };
    while !t.full() {
        let Some(c) = cur.take_if(|c| digit_value(c) < radix || (c == b'.' && !dot)) else {
            break;
        };
        if c == b'.' {
            dot = true;
        } else {
            digits += 1;
            // Leading zeros of the integer part after the first add nothing.
            if c == b'0' && !dot && !nonzero && digits > 1 {
                continue;
            }
            nonzero |= c != b'0';
        }
        t.push(c);
    }
    if digits > 0 {
        let mark = if hex { b'p' } else { b'e' };
        if let Some(e) = cur.take_if(|c| c | 0x20 == mark) {
            t.push(e);
            if let Some(s) = cur.take_if(|c| c == b'+' || c == b'-') {
                t.push(s);
            }
            while let Some(d) = cur.take_if(|c| c.is_ascii_digit()) {
                t.push(d);
            }
        }
    }
    // Hexadecimal needs something after the `0x` (a digit or the point).
    if hex { digits > 0 || dot } else { digits > 0 }
}

/// The end of a failed scan: `EOF` (-1) if nothing was assigned yet and the
/// input ran out, the count otherwise.
fn fail(count: i32, input_ended: bool) -> i32 {
    if input_ended && count == 0 { -1 } else { count }
}

/// Scans `input` according to `fmt` (without its NUL) as `fscanf` does;
/// returns the number of assignments, or -1 (`EOF`) if the input ended
/// before anything was assigned.
pub fn scan(input: &mut dyn Input, fmt: &[u8], store: &mut dyn Store) -> i32 {
    let mut cur = Cursor {
        input,
        pos: 0,
        left: usize::MAX,
    };
    let (mut i, mut count) = (0usize, 0i32);
    while i < fmt.len() {
        cur.left = usize::MAX;
        let c = fmt[i];
        if is_space(c) {
            while i < fmt.len() && is_space(fmt[i]) {
                i += 1;
            }
            cur.skip_space();
            continue;
        }
        if c != b'%' || fmt.get(i + 1) == Some(&b'%') {
            if c == b'%' {
                cur.skip_space();
                i += 1;
            }
            match cur.peek() {
                None => return fail(count, true),
                Some(b) if b != c => return count,
                Some(_) => cur.bump(),
            }
            i += 1;
            continue;
        }
        i += 1;
        let suppress = fmt.get(i) == Some(&b'*');
        i += suppress as usize;
        // (A width past 2^60 is as unlimited as `usize::MAX`.)
        let width = decimal_saturating(fmt, &mut i, (usize::MAX as u64).min(1 << 60)) as usize;
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
            cur.skip_space();
        }
        if conv == b'n' {
            if !suppress {
                store.int(len, cur.pos as u64);
            }
            continue;
        }
        if !b"diouxXpscfeEgGaAF[".contains(&conv) || (len == Length::L && b"sc[".contains(&conv)) {
            return count;
        }
        if cur.input.chunk().is_empty() {
            return fail(count, true);
        }
        cur.left = if width == 0 { usize::MAX } else { width };
        match conv {
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
                let base = match conv {
                    b'd' | b'u' => 10,
                    b'i' => 0,
                    b'o' => 8,
                    _ => 16,
                };
                let mut t = Text::new();
                if !collect_int(&mut cur, base, &mut t) {
                    return count;
                }
                // The value is `strtoll`'s or `strtoull`'s, cut to the type.
                let v = if conv == b'd' || conv == b'i' {
                    int::strtoi(t.get(), base as i32, 64).map(|r| r.value as u64)
                } else {
                    int::strtou(t.get(), base as i32, 64).map(|r| r.value)
                };
                let Some(v) = v else {
                    return count;
                };
                if !suppress {
                    store.int(if conv == b'p' { Length::Z } else { len }, v);
                }
            }
            b'f' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' | b'F' => {
                let mut t = Text::new();
                if !collect_float(&mut cur, &mut t) {
                    return count;
                }
                if !suppress && len == Length::None {
                    store.f32(strtod::strtof(t.get()).value);
                } else if !suppress {
                    store.f64(len, strtod::strtod(t.get()).value);
                }
            }
            b's' => {
                cur.span(&|c| !is_space(c), (!suppress).then_some(&mut *store));
                if !suppress {
                    store.end(true);
                }
            }
            b'c' => {
                if width == 0 {
                    cur.left = 1;
                }
                cur.span(&|_| true, (!suppress).then_some(&mut *store));
                if !suppress {
                    store.end(false);
                }
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
                if cur.span(
                    &|c| set[c as usize] != invert,
                    (!suppress).then_some(&mut *store),
                ) == 0
                {
                    return count;
                }
                if !suppress {
                    store.end(true);
                }
            }
        }
        if !suppress {
            count += 1;
        }
    }
    count
}
