//! The printf family for C: [`fmt::printf::format`](crate::fmt::printf::format)
//! with its arguments read from a C `va_list` ([`VaArgs`]) and its output
//! going to a buffer, a descriptor, a `FILE` or a `malloc`ed string.
//!
//! Return values follow C: the number of bytes produced (for `snprintf`, the
//! length the whole output would have), or `-1` with `errno`: `EOVERFLOW`
//! when that length exceeds `INT_MAX`, `EILSEQ` for a wide character with
//! no encoding, `ENOMEM` (`asprintf`) or the `write` error (`dprintf`).
//!
//! `long double` (`%Lf` and friends) is printed exactly in the format of
//! each architecture: x87 80-bit on x86_64 and i386, IEEE binary128 on
//! aarch64, riscv64, loongarch64 and s390x, IBM double-double on
//! powerpc64le, and a plain double on arm. Rust's `VaList` cannot read
//! these types, so the `va_list` is advanced exactly as the C compiler's
//! `va_arg` would (see each `arch/<arch>/long_double.rs`), which gives the
//! argument's address; later arguments stay aligned. The address stays
//! valid for the whole call, so positional arguments can hold it.

use crate::Errno;
use crate::fmt::Sink;
use crate::fmt::ldfloat::LdFormat;
use crate::fmt::printf::{ArgType, Args, Error, Length, format};
use crate::stdio::{FILE, FileSink};
use crate::syscall::fd::{Fd, write_all};
use core::ffi::{VaList, c_char, c_int, c_long, c_void};

/// [`Args`] over a C `va_list`: each argument is read with the C type the
/// conversion names.
pub(crate) struct VaArgs<'f>(pub(crate) VaList<'f>);

impl Args for VaArgs<'_> {
    #[optimize(size)]
    fn arg(&mut self, ty: ArgType) -> u64 {
        let ap = &mut self.0;
        // SAFETY: the format string, which the caller vouches for, says an
        // argument of this C type comes next.
        unsafe {
            match ty {
                ArgType::Double => ap.next_arg::<f64>().to_bits(),
                ArgType::LongDouble => crate::arch::long_double::next_arg(ap) as usize as u64,
                // On 64-bit targets every integer and pointer argument takes
                // one 64-bit slot holding its value (an `int` in the low
                // half): read the slot once for all of them.
                _ if usize::BITS == 64 => ap.next_arg::<u64>(),
                ArgType::Int => ap.next_arg::<c_int>() as u64,
                ArgType::Long => ap.next_arg::<c_long>() as u64,
                ArgType::LongLong => ap.next_arg::<i64>() as u64,
                ArgType::Ptr => ap.next_arg::<*const c_void>() as usize as u64,
            }
        }
    }

    #[optimize(size)]
    fn c_str(&mut self, ptr: u64, max: usize) -> &[u8] {
        // SAFETY: `%s` takes a NUL-terminated string, or with a precision an
        // array of `max` bytes or one with a NUL before them; nothing past
        // either is read.
        unsafe { c_bytes(ptr as usize as *const u8, max) }
    }

    fn wide_char(&mut self, ptr: u64, i: usize) -> u32 {
        // SAFETY: `%ls` takes a NUL-terminated `wchar_t` array (32 bits on
        // every supported architecture); the engine stops at its NUL.
        unsafe { *(ptr as usize as *const u32).add(i) }
    }

    // Inlined, so the engine sees the arch's layout as a constant.
    #[inline(always)]
    fn long_double(&mut self, v: u64) -> (LdFormat, u128) {
        use crate::arch::long_double::{FORMAT, load};
        if v == 0 {
            // The first pass over a positional format hands out zeros.
            return (FORMAT, 0);
        }
        // SAFETY: `v` is the address `arg` returned for a `long double`,
        // in the `va_list`'s argument area, which outlives the call.
        (FORMAT, unsafe { load(v as usize as *const u8) })
    }

    #[optimize(size)]
    fn store_count(&mut self, ptr: u64, len: Length, count: usize) {
        let p = ptr as usize;
        // SAFETY: `%n` takes a pointer to the integer type `len` names.
        unsafe {
            match len.bits() {
                8 => *(p as *mut i8) = count as i8,
                16 => *(p as *mut i16) = count as i16,
                32 => *(p as *mut i32) = count as i32,
                _ => *(p as *mut i64) = count as i64,
            }
        }
    }
}

/// The bytes at `p` before the first NUL, at most `max` of them. A plain
/// loop, not `strlen`: a short format or `%s` argument gains nothing from
/// a word-at-a-time scan, and printf then links none.
///
/// # Safety
/// `p` points at `max` readable bytes or at a NUL-terminated string.
unsafe fn c_bytes<'a>(p: *const u8, max: usize) -> &'a [u8] {
    let mut n = 0;
    // SAFETY: as the caller says; reading stops at the NUL or at `max`.
    while n < max && unsafe { *p.add(n) } != 0 {
        n += 1;
    }
    // SAFETY: the `n` bytes just read.
    unsafe { core::slice::from_raw_parts(p, n) }
}

/// The format string's bytes.
///
/// # Safety
/// `fmt` is a NUL-terminated string.
unsafe fn bytes<'a>(fmt: *const c_char) -> &'a [u8] {
    // SAFETY: as the caller says.
    unsafe { c_bytes(fmt.cast(), usize::MAX) }
}

/// The C return value for `format`'s result: the length, or `-1` with
/// `errno` when it failed or the length does not fit in an `int`.
#[optimize(size)]
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
#[linkage = "weak"]
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
#[linkage = "weak"]
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
#[linkage = "weak"]
pub unsafe extern "C" fn sprintf(s: *mut c_char, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { to_buf(s, usize::MAX, fmt, args) }
}

/// vsprintf(3).
///
/// # Safety
/// As [`sprintf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
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
#[linkage = "weak"]
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
#[linkage = "weak"]
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
            let q = unsafe { crate::malloc::c_api::realloc(self.p.cast(), cap).cast::<u8>() };
            if q.is_null() {
                // SAFETY: as above; realloc left it intact.
                unsafe { crate::malloc::c_api::free(self.p.cast()) };
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
#[linkage = "weak"]
pub unsafe extern "C" fn vasprintf(
    out: *mut *mut c_char,
    fmt: *const c_char,
    ap: VaList<'_>,
) -> c_int {
    let mut s = Grow {
        p: crate::malloc::c_api::malloc(64).cast(),
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
        unsafe { crate::malloc::c_api::free(s.p.cast()) };
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
#[linkage = "weak"]
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
#[linkage = "weak"]
#[optimize(size)]
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
#[linkage = "weak"]
pub unsafe extern "C" fn fprintf(f: *mut FILE, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vfprintf(f, fmt, args) }
}

/// C's `stdout`.
fn stdout() -> *mut FILE {
    // SAFETY: `C_STDOUT` is a transparent wrapper of a constant `FILE *`.
    unsafe { *(&raw const crate::stdio::standard::C_STDOUT).cast::<*mut FILE>() }
}

/// vprintf(3).
///
/// # Safety
/// The arguments match `fmt`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: as the caller says; `stdout` is always open.
    unsafe { vfprintf(stdout(), fmt, ap) }
}

/// printf(3).
///
/// # Safety
/// As [`vprintf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[optimize(size)]
pub unsafe extern "C" fn printf(fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vfprintf(stdout(), fmt, args) }
}
