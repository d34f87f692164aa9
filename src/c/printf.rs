//! The printf family for C: [`fmt::printf::format`](crate::fmt::printf::format)
//! with its arguments read from a C `va_list` ([`VaArgs`]) and its output
//! going to a buffer, a descriptor, a `FILE` or a `malloc`ed string.
//!
//! Return values follow C: the number of bytes produced (for `snprintf`, the
//! length the whole output would have), or `-1` with `errno`: `EOVERFLOW`
//! when that length exceeds `INT_MAX`, `EILSEQ` for a wide character with
//! no encoding, `ENOMEM` (`asprintf`) or the `write` error (`dprintf`).
//!
//! `long double` (`%Lf` and friends) is read in the format of each
//! architecture and rounded to the nearest double before formatting: x87
//! 80-bit on x86_64 and i386, IEEE binary128 on aarch64, riscv64,
//! loongarch64 and s390x, IBM double-double on powerpc64le, and a plain
//! double on arm. Rust's `VaList` cannot read these types, so the `va_list`
//! is advanced here exactly as the C compiler's `va_arg` would (see
//! [`long_double`]); later arguments stay aligned.

use crate::Errno;
use crate::fmt::Sink;
use crate::fmt::printf::{ArgType, Args, Error, Length, format};
use crate::stdio::{FILE, FileSink};
use crate::syscall::fd::{Fd, write_all};
use core::ffi::{CStr, VaList, c_char, c_int, c_long, c_void};

/// [`Args`] over a C `va_list`: each argument is read with the C type the
/// conversion names.
pub(crate) struct VaArgs<'f>(pub(crate) VaList<'f>);

impl Args for VaArgs<'_> {
    fn arg(&mut self, ty: ArgType) -> u64 {
        let ap = &mut self.0;
        // SAFETY: the format string, which the caller vouches for, says an
        // argument of this C type comes next.
        unsafe {
            match ty {
                ArgType::Double => ap.next_arg::<f64>().to_bits(),
                ArgType::LongDouble => long_double(ap).to_bits(),
                // On 64-bit targets every integer and pointer argument takes
                // one 64-bit slot holding its value (an `int` sign-extended
                // or in the low half): read the slot once for all of them.
                _ if usize::BITS == 64 => {
                    let v = ap.next_arg::<u64>();
                    if ty == ArgType::Int {
                        v as i32 as u64
                    } else {
                        v
                    }
                }
                ArgType::Int => ap.next_arg::<c_int>() as u64,
                ArgType::Long => ap.next_arg::<c_long>() as u64,
                ArgType::LongLong => ap.next_arg::<i64>() as u64,
                ArgType::Ptr => ap.next_arg::<*const c_void>() as usize as u64,
            }
        }
    }

    fn c_str(&mut self, ptr: u64, max: usize) -> &[u8] {
        let p = ptr as usize as *const u8;
        if max == usize::MAX {
            // SAFETY: `%s` without a precision takes a NUL-terminated string.
            return unsafe { CStr::from_ptr(p.cast()) }.to_bytes();
        }
        let mut n = 0;
        // SAFETY: with a precision the array holds `max` bytes or a NUL
        // before them; nothing past either is read.
        while n < max && unsafe { *p.add(n) } != 0 {
            n += 1;
        }
        // SAFETY: the `n` bytes just read.
        unsafe { core::slice::from_raw_parts(p, n) }
    }

    fn wide_char(&mut self, ptr: u64, i: usize) -> u32 {
        // SAFETY: `%ls` takes a NUL-terminated `wchar_t` array (32 bits on
        // every supported architecture); the engine stops at its NUL.
        unsafe { *(ptr as usize as *const u32).add(i) }
    }

    fn store_count(&mut self, ptr: u64, len: Length, count: usize) {
        let p = ptr as usize;
        // SAFETY: `%n` takes a pointer to the integer type `len` names.
        unsafe {
            match len {
                Length::Hh => *(p as *mut i8) = count as i8,
                Length::H => *(p as *mut i16) = count as i16,
                Length::None => *(p as *mut c_int) = count as c_int,
                Length::L | Length::Z | Length::T => *(p as *mut c_long) = count as c_long,
                Length::Ll | Length::J | Length::BigL => *(p as *mut i64) = count as i64,
            }
        }
    }
}

/// `±mant × 2^exp2` (nonzero bits below `mant` flagged by `sticky`) as
/// the nearest double.
#[allow(dead_code)]
fn to_f64(neg: bool, mant: u64, exp2: i64, sticky: bool) -> f64 {
    let mut bits = 0;
    if mant != 0 {
        let lz = mant.leading_zeros();
        let m = mant << lz;
        // The biased exponent the leading bit gets.
        let e = exp2 - lz as i64 + 63 + 1023;
        // Bits of `m` below the 53 a double keeps (more for subnormals);
        // past 64 the value is under half the least subnormal: zero.
        let shift = 11 + (1 - e).clamp(0, 54) as u32;
        if e >= 2047 {
            bits = 0x7ff << 52;
        } else if shift <= 64 {
            let q = m.checked_shr(shift).unwrap_or(0);
            let drop = m - q.checked_shl(shift).unwrap_or(0);
            let half = 1 << (shift - 1);
            let up = drop > half || (drop == half && (sticky || q & 1 == 1));
            // A carry out of the significand raises the exponent (to
            // infinity past the largest double), as it should.
            bits = (q + up as u64) + (((e.max(1) - 1) as u64) << 52);
        }
    }
    f64::from_bits(bits | (neg as u64) << 63)
}

/// Infinity (`frac_zero`) or a quiet NaN, with a sign.
#[allow(dead_code)]
fn special(neg: bool, frac_zero: bool) -> f64 {
    let v = if frac_zero { f64::INFINITY } else { f64::NAN };
    if neg { -v } else { v }
}

/// An x87 80-bit extended value: 64-bit significand (explicit integer bit)
/// and the sign/exponent half-word.
#[allow(dead_code)]
fn from_x87(mant: u64, se: u16) -> f64 {
    let (neg, e) = (se & 0x8000 != 0, (se & 0x7fff) as i64);
    if e == 0x7fff {
        return special(neg, mant << 1 == 0);
    }
    to_f64(neg, mant, e.max(1) - 16383 - 63, false)
}

/// An IEEE binary128 value from its bits.
#[allow(dead_code)]
fn from_binary128(bits: u128) -> f64 {
    let neg = bits >> 127 != 0;
    let e = ((bits >> 112) & 0x7fff) as i64;
    let frac = bits & ((1 << 112) - 1);
    if e == 0x7fff {
        return special(neg, frac == 0);
    }
    let mant = frac | ((e != 0) as u128) << 112;
    let sticky = mant & ((1 << 49) - 1) != 0;
    to_f64(
        neg,
        (mant >> 49) as u64,
        e.max(1) - 16383 - 112 + 49,
        sticky,
    )
}

/// Reads a `long double` argument as C's `va_arg` does on this architecture
/// and returns it rounded to a double.
///
/// # Safety
/// The next argument is a `long double`.
#[cfg(target_arch = "arm")]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: long double is double on arm (EABI).
    unsafe { ap.next_arg::<f64>() }
}

/// See the arm version. On i386 a `long double` is 12 bytes, 4-aligned, in
/// the argument area: three 32-bit slots.
#[cfg(target_arch = "x86")]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument's three slots, read in order.
    let (lo, hi, se) = unsafe {
        (
            ap.next_arg::<u32>(),
            ap.next_arg::<u32>(),
            ap.next_arg::<u32>(),
        )
    };
    from_x87(lo as u64 | (hi as u64) << 32, se as u16)
}

/// See the arm version. On powerpc64le a `long double` (IBM double-double)
/// takes two consecutive 8-byte slots: the high double, then the low one.
#[cfg(target_arch = "powerpc64")]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument's two slots, read in order.
    let (hi, lo) = unsafe { (ap.next_arg::<f64>(), ap.next_arg::<f64>()) };
    hi + lo
}

/// See the arm version. On s390x a `long double` is passed by reference.
#[cfg(target_arch = "s390x")]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    // SAFETY: the argument is a pointer to the 16-byte value.
    let bytes = unsafe { *ap.next_arg::<*const [u8; 16]>() };
    from_binary128(u128::from_be_bytes(bytes))
}

/// See the arm version. On x86_64 a `long double` always goes to the
/// overflow area, 16-aligned: the `va_list` fields are updated directly, as
/// the compiler's `va_arg` does.
#[cfg(target_arch = "x86_64")]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    /// The System V `va_list` (what `VaList` wraps).
    #[repr(C)]
    struct Raw {
        gp_offset: u32,
        fp_offset: u32,
        overflow: *const u8,
        save: *const u8,
    }
    let raw = (ap as *mut VaList<'_>).cast::<Raw>();
    // SAFETY: `VaList` is the C `va_list` struct; the argument is the 16
    // bytes at the next 16-aligned overflow address.
    unsafe {
        let p = (*raw).overflow.map_addr(|a| (a + 15) & !15);
        (*raw).overflow = p.add(16);
        from_x87(p.cast::<u64>().read(), p.add(8).cast::<u16>().read())
    }
}

/// See the arm version. On aarch64 a `long double` takes one 16-byte vector
/// register slot, or 16 aligned bytes on the stack once those run out.
#[cfg(target_arch = "aarch64")]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    /// The AAPCS64 `va_list` (what `VaList` wraps).
    #[repr(C)]
    struct Raw {
        stack: *const u8,
        gr_top: *const u8,
        vr_top: *const u8,
        gr_offs: i32,
        vr_offs: i32,
    }
    let raw = (ap as *mut VaList<'_>).cast::<Raw>();
    // SAFETY: `VaList` is the C `va_list` struct; the argument is where
    // the procedure call standard puts it.
    unsafe {
        let offs = (*raw).vr_offs;
        if offs < 0 {
            (*raw).vr_offs = offs + 16;
        }
        let p = if offs < 0 && offs + 16 <= 0 {
            (*raw).vr_top.offset(offs as isize)
        } else {
            let p = (*raw).stack.map_addr(|a| (a + 15) & !15);
            (*raw).stack = p.add(16);
            p
        };
        from_binary128(u128::from_le_bytes(*p.cast::<[u8; 16]>()))
    }
}

/// See the arm version. On riscv64 and loongarch64 the `va_list` is a
/// pointer into the saved argument registers and stack; a `long double`
/// is 16 bytes there, 16-aligned.
#[cfg(any(target_arch = "riscv64", target_arch = "loongarch64"))]
unsafe fn long_double(ap: &mut VaList<'_>) -> f64 {
    let raw = (ap as *mut VaList<'_>).cast::<*const u8>();
    // SAFETY: `VaList` is the C `va_list` pointer; the argument is the 16
    // bytes at its next 16-aligned address.
    unsafe {
        let p = (*raw).map_addr(|a| (a + 15) & !15);
        *raw = p.add(16);
        from_binary128(u128::from_le_bytes(*p.cast::<[u8; 16]>()))
    }
}

/// The format string's bytes.
///
/// # Safety
/// `fmt` is a NUL-terminated string.
unsafe fn bytes<'a>(fmt: *const c_char) -> &'a [u8] {
    // SAFETY: as the caller says.
    unsafe { CStr::from_ptr(fmt) }.to_bytes()
}

/// The C return value for `format`'s result: the length, or `-1` with
/// `errno` when it failed or the length does not fit in an `int`.
fn ret_len(r: Result<usize, Error>) -> c_int {
    let e = match r {
        Ok(n) if n <= c_int::MAX as usize => return n as c_int,
        Ok(_) => Errno::EOVERFLOW,
        Err(Error::Ilseq) => Errno::from_raw(linux_raw_sys::errno::EILSEQ as c_int),
    };
    e.set_last();
    -1
}

/// A caller's buffer: keeps the first `cap` bytes, counts the rest.
struct Buf {
    p: *mut u8,
    cap: usize,
    len: usize,
}

impl Sink for Buf {
    fn write(&mut self, b: &[u8]) {
        if self.len < self.cap {
            let n = b.len().min(self.cap - self.len);
            // SAFETY: the caller's buffer has room for `cap` bytes (and a NUL).
            unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.p.add(self.len), n) };
        }
        self.len = self.len.saturating_add(b.len());
    }
}

/// Formats into the `size`-byte buffer `s` (`size` may be `usize::MAX`
/// for `sprintf`), NUL-terminated when `size > 0`.
///
/// # Safety
/// `s` has room for `size` bytes; `fmt` and `ap` are a valid format and
/// its arguments.
unsafe fn to_buf(s: *mut c_char, size: usize, fmt: *const c_char, ap: VaList<'_>) -> c_int {
    let mut out = Buf {
        p: s.cast(),
        cap: size.saturating_sub(1),
        len: 0,
    };
    // SAFETY: as the caller says.
    let r = format(&mut out, unsafe { bytes(fmt) }, &mut VaArgs(ap));
    if size > 0 {
        // SAFETY: `len.min(cap) < size`.
        unsafe { *out.p.add(out.len.min(out.cap)) = 0 };
    }
    ret_len(r)
}

/// snprintf(3).
///
/// # Safety
/// `s` has room for `n` bytes; the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn snprintf(
    s: *mut c_char,
    n: usize,
    fmt: *const c_char,
    args: ...
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { to_buf(s, n, fmt, args) }
}

/// vsnprintf(3).
///
/// # Safety
/// As [`snprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsnprintf(
    s: *mut c_char,
    n: usize,
    fmt: *const c_char,
    ap: VaList<'_>,
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { to_buf(s, n, fmt, ap) }
}

/// sprintf(3).
///
/// # Safety
/// `s` has room for the output; the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sprintf(s: *mut c_char, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { to_buf(s, usize::MAX, fmt, args) }
}

/// vsprintf(3).
///
/// # Safety
/// As [`sprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsprintf(s: *mut c_char, fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: as the caller says.
    unsafe { to_buf(s, usize::MAX, fmt, ap) }
}

/// A descriptor behind a small buffer; remembers the first write error.
struct FdSink {
    fd: Fd,
    buf: [u8; 256],
    len: usize,
    err: Option<Errno>,
}

impl FdSink {
    fn flush(&mut self) {
        if self.err.is_none()
            && let Err(e) = write_all(self.fd, self.buf.get(..self.len).unwrap_or_default())
        {
            self.err = Some(e);
        }
        self.len = 0;
    }
}

impl Sink for FdSink {
    fn write(&mut self, b: &[u8]) {
        if let Some(room) = self.buf.get_mut(self.len..self.len + b.len()) {
            room.copy_from_slice(b);
            self.len += b.len();
            return;
        }
        self.flush();
        if b.len() < self.buf.len() {
            self.buf[..b.len()].copy_from_slice(b);
            self.len = b.len();
        } else if self.err.is_none()
            && let Err(e) = write_all(self.fd, b)
        {
            self.err = Some(e);
        }
    }
}

/// vdprintf(3).
///
/// # Safety
/// The arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vdprintf(fd: c_int, fmt: *const c_char, ap: VaList<'_>) -> c_int {
    let mut out = FdSink {
        fd: Fd(fd),
        buf: [0; 256],
        len: 0,
        err: None,
    };
    // SAFETY: as the caller says.
    let r = format(&mut out, unsafe { bytes(fmt) }, &mut VaArgs(ap));
    out.flush();
    if let Some(e) = out.err {
        e.set_last();
        return -1;
    }
    ret_len(r)
}

/// dprintf(3).
///
/// # Safety
/// As [`vdprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dprintf(fd: c_int, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vdprintf(fd, fmt, args) }
}

/// A growing `malloc`ed string; `p` is null after an allocation failure.
struct Grow {
    p: *mut u8,
    cap: usize,
    len: usize,
}

impl Sink for Grow {
    fn write(&mut self, b: &[u8]) {
        if self.p.is_null() {
            return;
        }
        let need = self.len.saturating_add(b.len()).saturating_add(1);
        if need > self.cap {
            let cap = need.max(self.cap.saturating_mul(2));
            // SAFETY: `p` is this sink's live chunk.
            let q = unsafe { crate::malloc::realloc(self.p, cap) };
            if q.is_null() {
                // SAFETY: as above; realloc left it intact.
                unsafe { crate::malloc::free(self.p) };
                self.p = q;
                return;
            }
            self.p = q;
            self.cap = cap;
        }
        // SAFETY: the chunk has room for `len + b.len() + 1` bytes.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.p.add(self.len), b.len()) };
        self.len += b.len();
    }
}

/// vasprintf(3): on failure `*out` is left unchanged.
///
/// # Safety
/// `out` is writable; the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vasprintf(
    out: *mut *mut c_char,
    fmt: *const c_char,
    ap: VaList<'_>,
) -> c_int {
    let mut s = Grow {
        p: crate::malloc::malloc(64),
        cap: 64,
        len: 0,
    };
    // SAFETY: as the caller says.
    let r = format(&mut s, unsafe { bytes(fmt) }, &mut VaArgs(ap));
    if s.p.is_null() {
        Errno::ENOMEM.set_last();
        return -1;
    }
    let n = ret_len(r);
    if n < 0 {
        // SAFETY: the sink's live chunk.
        unsafe { crate::malloc::free(s.p) };
        return n;
    }
    // SAFETY: the chunk has room for the NUL; `out` is writable.
    unsafe {
        *s.p.add(s.len) = 0;
        *out = s.p.cast();
    }
    n
}

/// asprintf(3).
///
/// # Safety
/// As [`vasprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asprintf(out: *mut *mut c_char, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vasprintf(out, fmt, args) }
}

/// vfprintf(3): the stream is locked for the whole call; `-1` if a write
/// failed (`errno` from the write; the stream's error flag is set).
///
/// # Safety
/// `f` is an open stream; the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfprintf(f: *mut FILE, fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: as the caller says.
    let mut out = unsafe { FileSink::new(f) };
    // SAFETY: as the caller says.
    let r = format(&mut out, unsafe { bytes(fmt) }, &mut VaArgs(ap));
    if out.failed() {
        return -1;
    }
    ret_len(r)
}

/// fprintf(3).
///
/// # Safety
/// As [`vfprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fprintf(f: *mut FILE, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vfprintf(f, fmt, args) }
}

/// C's `stdout`.
fn stdout() -> *mut FILE {
    // SAFETY: `C_STDOUT` is a transparent wrapper of a constant `FILE *`.
    unsafe { *(&raw const crate::stdio::std::C_STDOUT).cast::<*mut FILE>() }
}

/// vprintf(3).
///
/// # Safety
/// The arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: as the caller says; `stdout` is always open.
    unsafe { vfprintf(stdout(), fmt, ap) }
}

/// printf(3).
///
/// # Safety
/// As [`vprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn printf(fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vfprintf(stdout(), fmt, args) }
}
