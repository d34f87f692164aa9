//! The scanf family (`sscanf`, `fscanf`, `scanf` and their `v` forms):
//! [`fmt::scanf::scan`](crate::fmt::scanf::scan) storing through the
//! pointer arguments of a C `va_list` ([`VaStore`]).
//!
//! `%Lf` and friends store a `long double` in the format of each
//! architecture (x87 80-bit on x86_64 and i386, IEEE binary128 on aarch64,
//! riscv64, loongarch64 and s390x, IBM double-double on powerpc64le, a
//! double on arm), correctly rounded from the text by `fmt::ldparse`.

use crate::fmt::ldfloat::LdFormat;
use crate::fmt::printf::Length;
use crate::fmt::scanf::{Store, scan};
use crate::stdio::standard::STDIN;
use crate::stdio::{FILE, scan_file};
use core::ffi::{CStr, VaList, c_char, c_int, c_long, c_void};

/// [`Store`] over a C `va_list`: each assignment writes through the next
/// pointer argument.
struct VaStore<'f> {
    ap: VaList<'f>,
    /// Where the array being stored (`%s`, `%c`, `%[`) continues.
    at: *mut u8,
}

impl<'f> VaStore<'f> {
    fn new(ap: VaList<'f>) -> Self {
        VaStore {
            ap,
            at: core::ptr::null_mut(),
        }
    }
}

impl VaStore<'_> {
    /// The next pointer argument.
    fn ptr<T>(&mut self) -> *mut T {
        // SAFETY: each assigning conversion has a pointer argument.
        unsafe { self.ap.next_arg::<*mut c_void>() }.cast()
    }
}

impl Store for VaStore<'_> {
    fn int(&mut self, len: Length, v: u64) {
        // SAFETY: the pointer is to the integer type `len` names.
        unsafe {
            match len {
                Length::Hh => *self.ptr::<i8>() = v as i8,
                Length::H => *self.ptr::<i16>() = v as i16,
                Length::None => *self.ptr::<c_int>() = v as c_int,
                Length::L | Length::Z | Length::T => *self.ptr::<c_long>() = v as c_long,
                Length::Ll | Length::J | Length::BigL => *self.ptr::<u64>() = v,
            }
        }
    }

    fn f32(&mut self, v: f32) {
        // SAFETY: `%f` takes a `float *`.
        unsafe { *self.ptr::<f32>() = v }
    }

    fn f64(&mut self, _len: Length, v: f64) {
        // SAFETY: `%lf` takes a `double *`.
        unsafe { *self.ptr::<f64>() = v };
    }

    fn ld_format(&self) -> LdFormat {
        crate::arch::long_double::FORMAT
    }

    fn long_double(&mut self, bits: u128) {
        let (bytes, n) = crate::arch::long_double::to_bytes(bits);
        // SAFETY: `%Lf` takes a `long double *`, at least `n` bytes.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.ptr::<u8>(), n) }
    }

    fn begin(&mut self) {
        self.at = self.ptr::<u8>();
    }

    fn append(&mut self, b: &[u8]) {
        // SAFETY: the array has room for the field (the caller's promise
        // for `%s`/`%[` without a width); `at` stays inside it.
        unsafe {
            core::ptr::copy_nonoverlapping(b.as_ptr(), self.at, b.len());
            self.at = self.at.add(b.len());
        }
    }

    fn end(&mut self, nul: bool) {
        if nul {
            // SAFETY: as for `append`, with room for the NUL.
            unsafe { *self.at = 0 };
        }
    }
}

/// vsscanf(3).
///
/// # Safety
/// `s` and `fmt` are NUL-terminated; the arguments match `fmt`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: as the caller says.
    let (s, fmt) = unsafe { (CStr::from_ptr(s), CStr::from_ptr(fmt)) };
    scan(&mut s.to_bytes(), fmt.to_bytes(), &mut VaStore::new(ap))
}

/// sscanf(3).
///
/// # Safety
/// As [`vsscanf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sscanf(s: *const c_char, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vsscanf(s, fmt, args) }
}

/// vfscanf(3): reads from `f`, locked for the whole call, looking one byte
/// ahead (that byte stays in the stream).
///
/// # Safety
/// `f` is an open stream, `fmt` NUL-terminated; the arguments match `fmt`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vfscanf(f: *mut FILE, fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: as the caller says.
    let fmt = unsafe { CStr::from_ptr(fmt) };
    // SAFETY: the caller passes an open stream.
    unsafe { scan_file(f, fmt.to_bytes(), &mut VaStore::new(ap)) }
}

/// fscanf(3).
///
/// # Safety
/// As [`vfscanf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn fscanf(f: *mut FILE, fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vfscanf(f, fmt, args) }
}

/// vscanf(3): [`vfscanf`] on standard input.
///
/// # Safety
/// `fmt` is NUL-terminated; the arguments match it.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: VaList<'_>) -> c_int {
    // SAFETY: standard input is always open; the rest as the caller says.
    unsafe { vfscanf((&raw const STDIN).cast_mut(), fmt, ap) }
}

/// scanf(3).
///
/// # Safety
/// As [`vscanf`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn scanf(fmt: *const c_char, args: ...) -> c_int {
    // SAFETY: as the caller says.
    unsafe { vscanf(fmt, args) }
}
