//! Internet addresses (`<netinet/in.h>`, `<arpa/inet.h>`): byte order,
//! `in6addr_any`/`in6addr_loopback`, and the text forms of addresses.
//! What is accepted and printed is glibc's, case for case:
//! - `inet_aton` takes one to four parts, each decimal, octal (leading
//!   `0`) or hex (`0x`); the last part fills the remaining bytes; the text
//!   may end at the first whitespace.
//! - `inet_pton` takes strict dotted decimal for IPv4 (exactly four parts,
//!   no leading zeros), and for IPv6 up to eight groups of one to four hex
//!   digits, at most one `::` standing for at least one zero group, and a
//!   dotted IPv4 address as the last 32 bits.
//! - `inet_ntop` prints IPv6 groups in lower-case hex without leading zeros,
//!   the first longest run of two or more zero groups as `::`, and the last
//!   32 bits as dotted IPv4 for `::a.b.c.d` and `::ffff:a.b.c.d`.

use crate::Errno;
use core::ffi::{c_char, c_int, c_uint};
use core::ptr::null;

const AF_INET: c_int = 2;
const AF_INET6: c_int = 10;

/// `struct in6_addr`: aligned as C's, whose union holds `uint32_t`s (C
/// code copies the two variables with word loads).
#[repr(C, align(4))]
pub struct In6Addr {
    bytes: [u8; 16],
}

/// `::`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static in6addr_any: In6Addr = In6Addr { bytes: [0; 16] };

/// `::1`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static in6addr_loopback: In6Addr = In6Addr {
    bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
};

/// htonl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn htonl(v: u32) -> u32 {
    v.to_be()
}

/// htons(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn htons(v: u16) -> u16 {
    v.to_be()
}

/// ntohl(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ntohl(v: u32) -> u32 {
    u32::from_be(v)
}

/// ntohs(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ntohs(v: u16) -> u16 {
    u16::from_be(v)
}

/// The bytes of a C string, without its terminator.
///
/// # Safety
/// `s` must be a valid C string.
unsafe fn c_bytes<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: the caller vouches for the string.
    unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes()
}

/// `inet_aton`'s parse: the address in host order, or `None`.
fn parse_aton(s: &[u8]) -> Option<u32> {
    let mut parts = [0u32; 4];
    let mut n = 0;
    let mut i = 0;
    loop {
        if !s.get(i)?.is_ascii_digit() {
            return None;
        }
        let (base, mut j) = match (s[i], s.get(i + 1)) {
            (b'0', Some(b'x' | b'X')) => (16, i + 2),
            (b'0', _) => (8, i + 1),
            _ => (10, i),
        };
        let mut v: u64 = 0;
        while let Some(&c) = s.get(j) {
            let d = match c {
                b'0'..=b'9' => u64::from(c - b'0'),
                b'a'..=b'f' if base == 16 => u64::from(c - b'a' + 10),
                b'A'..=b'F' if base == 16 => u64::from(c - b'A' + 10),
                _ => break,
            };
            if d >= base {
                return None;
            }
            v = v * base + d;
            if v > 0xffff_ffff {
                return None;
            }
            j += 1;
        }
        if base == 16 && j == i + 2 {
            return None;
        }
        if n == 4 {
            return None;
        }
        parts[n] = v as u32;
        n += 1;
        match s.get(j) {
            Some(b'.') => i = j + 1,
            None => break,
            Some(c) if c.is_ascii_whitespace() => break,
            Some(_) => return None,
        }
    }
    let last = parts[n - 1];
    let lead = &parts[..n - 1];
    if lead.iter().any(|&p| p > 0xff) {
        return None;
    }
    let room = 8 * (4 - lead.len() as u32);
    if room < 32 && last >> room != 0 {
        return None;
    }
    let head = lead
        .iter()
        .enumerate()
        .fold(0u32, |a, (k, &p)| a | p << (24 - 8 * k));
    Some(head | last)
}

/// inet_aton(3): 1 and the address in `out` (when not null), or 0.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn inet_aton(s: *const c_char, out: *mut u32) -> c_int {
    // SAFETY: the caller passes a C string.
    match parse_aton(unsafe { c_bytes(s) }) {
        Some(a) => {
            if !out.is_null() {
                // SAFETY: the caller passes a `struct in_addr` or null.
                unsafe { out.write_unaligned(a.to_be()) };
            }
            1
        }
        None => 0,
    }
}

/// inet_addr(3): the address in network order, or `INADDR_NONE`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn inet_addr(s: *const c_char) -> u32 {
    // SAFETY: the caller passes a C string.
    parse_aton(unsafe { c_bytes(s) }).map_or(u32::MAX, u32::to_be)
}

/// Strict dotted decimal: exactly four parts of 0..=255, no leading zeros.
fn parse4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|&c| c == b'.');
    for o in &mut out {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || (p.len() > 1 && p[0] == b'0') {
            return None;
        }
        let mut v = 0u32;
        for &c in p {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        *o = u8::try_from(v).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// IPv6 text to 16 bytes, as glibc reads it.
fn parse6(s: &[u8]) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    let mut i = 0;
    if s.first() == Some(&b':') {
        if s.get(1) != Some(&b':') {
            return None;
        }
        i = 1;
    }
    let mut tp = 0;
    let mut gap: Option<usize> = None;
    let mut digits = 0;
    let mut val: u32 = 0;
    let mut tok = i;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if let Some(d) = (c as char).to_digit(16) {
            if digits == 4 {
                return None;
            }
            val = val << 4 | d;
            digits += 1;
            continue;
        }
        if c == b':' {
            tok = i;
            if digits == 0 {
                if gap.is_some() {
                    return None;
                }
                gap = Some(tp);
                continue;
            }
            if i == s.len() || tp + 2 > 16 {
                return None;
            }
            out[tp] = (val >> 8) as u8;
            out[tp + 1] = val as u8;
            tp += 2;
            digits = 0;
            val = 0;
            continue;
        }
        if c == b'.' && tp + 4 <= 16 {
            let v4 = parse4(&s[tok..])?;
            out[tp..tp + 4].copy_from_slice(&v4);
            tp += 4;
            digits = 0;
            break;
        }
        return None;
    }
    if digits > 0 {
        if tp + 2 > 16 {
            return None;
        }
        out[tp] = (val >> 8) as u8;
        out[tp + 1] = val as u8;
        tp += 2;
    }
    if let Some(g) = gap {
        if tp == 16 {
            return None;
        }
        let n = tp - g;
        out.copy_within(g..tp, 16 - n);
        out[g..16 - n].fill(0);
        tp = 16;
    }
    (tp == 16).then_some(out)
}

/// inet_pton(3): 1 and the address in `out`, 0 for text that is not one,
/// `-1` with `EAFNOSUPPORT` for another family.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn inet_pton(family: c_int, s: *const c_char, out: *mut u8) -> c_int {
    // SAFETY: the caller passes a C string.
    let s = unsafe { c_bytes(s) };
    let (bytes, n): ([u8; 16], usize) = match family {
        AF_INET => match parse4(s) {
            Some(a) => {
                let mut b = [0; 16];
                b[..4].copy_from_slice(&a);
                (b, 4)
            }
            None => return 0,
        },
        AF_INET6 => match parse6(s) {
            Some(b) => (b, 16),
            None => return 0,
        },
        _ => {
            Errno::EAFNOSUPPORT.set_last();
            return -1;
        }
    };
    // SAFETY: the caller passes room for the family's address.
    unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), out, n) };
    1
}

/// A text address being built: at most `INET6_ADDRSTRLEN` bytes with the
/// terminator.
struct Text {
    buf: [u8; 46],
    len: usize,
}

impl Text {
    fn new() -> Self {
        Text {
            buf: [0; 46],
            len: 0,
        }
    }

    fn push(&mut self, c: u8) {
        if let Some(b) = self.buf.get_mut(self.len) {
            *b = c;
            self.len += 1;
        }
    }

    /// `v` in decimal.
    fn dec(&mut self, v: u8) {
        if v >= 100 {
            self.push(b'0' + v / 100);
        }
        if v >= 10 {
            self.push(b'0' + v / 10 % 10);
        }
        self.push(b'0' + v % 10);
    }

    /// `v` in lower-case hex without leading zeros.
    fn hex(&mut self, v: u16) {
        let mut started = false;
        for k in (0..4).rev() {
            let d = (v >> (4 * k)) & 0xf;
            if d != 0 || started || k == 0 {
                started = true;
                self.push(b"0123456789abcdef"[usize::from(d)]);
            }
        }
    }

    fn dotted(&mut self, a: &[u8]) {
        for (k, &b) in a.iter().enumerate() {
            if k > 0 {
                self.push(b'.');
            }
            self.dec(b);
        }
    }

    fn ipv6(&mut self, a: &[u8; 16]) {
        let w: [u16; 8] = core::array::from_fn(|k| u16::from_be_bytes([a[2 * k], a[2 * k + 1]]));
        // The first longest run of zero groups, if two or longer.
        let (mut base, mut len) = (0, 0);
        let mut k = 0;
        while k < 8 {
            let start = k;
            while k < 8 && w[k] == 0 {
                k += 1;
            }
            if k - start > len {
                (base, len) = (start, k - start);
            }
            k += 1;
        }
        if len < 2 {
            len = 0;
        }
        for k in 0..8 {
            if len > 0 && (base..base + len).contains(&k) {
                if k == base {
                    self.push(b':');
                }
                continue;
            }
            if k != 0 {
                self.push(b':');
            }
            if k == 6 && len > 0 && base == 0 && (len == 6 || (len == 5 && w[5] == 0xffff)) {
                self.dotted(&a[12..]);
                return;
            }
            self.hex(w[k]);
        }
        if len > 0 && base + len == 8 {
            self.push(b':');
        }
    }
}

/// inet_ntop(3): `dst`, or null with `ENOSPC` when the text and its
/// terminator do not fit in `size` bytes, `EAFNOSUPPORT` for another family.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn inet_ntop(
    family: c_int,
    src: *const u8,
    dst: *mut c_char,
    size: c_uint,
) -> *const c_char {
    let mut t = Text::new();
    match family {
        // SAFETY: the caller passes a `struct in_addr`.
        AF_INET => t.dotted(&unsafe { src.cast::<[u8; 4]>().read_unaligned() }),
        // SAFETY: the caller passes a `struct in6_addr`.
        AF_INET6 => t.ipv6(&unsafe { src.cast::<[u8; 16]>().read_unaligned() }),
        _ => {
            Errno::EAFNOSUPPORT.set_last();
            return null();
        }
    }
    if t.len >= size as usize {
        Errno::ENOSPC.set_last();
        return null();
    }
    t.push(0);
    // SAFETY: `dst` has room for `size` bytes, more than `t.len`.
    unsafe { core::ptr::copy_nonoverlapping(t.buf.as_ptr(), dst.cast::<u8>(), t.len) };
    dst
}

/// inet_ntoa(3)'s buffer.
struct NtoaBuf(core::cell::UnsafeCell<[u8; 16]>);

// SAFETY: POSIX lets the buffer be shared; a call races only with calls on
// other threads, which the standard leaves to the caller.
unsafe impl Sync for NtoaBuf {}

static NTOA: NtoaBuf = NtoaBuf(core::cell::UnsafeCell::new([0; 16]));

/// inet_ntoa(3): dotted decimal in a buffer the next call overwrites.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn inet_ntoa(a: u32) -> *mut c_char {
    let mut t = Text::new();
    t.dotted(&a.to_ne_bytes());
    t.push(0);
    let p = NTOA.0.get().cast::<u8>();
    // SAFETY: at most 16 bytes ("255.255.255.255" and its terminator).
    unsafe { core::ptr::copy_nonoverlapping(t.buf.as_ptr(), p, t.len.min(16)) };
    p.cast()
}
