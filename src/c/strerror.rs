//! strerror(3): a message for every error number `<errno.h>` defines, and
//! "Unknown error N" for the rest.

use core::ffi::{CStr, c_char, c_int};
use core::sync::atomic::AtomicU8;
use core::sync::atomic::Ordering::Relaxed;

/// The message for error number `n`, or `None` for a number `<errno.h>`
/// does not define (0 has one: "Success").
pub fn message(n: c_int) -> Option<&'static CStr> {
    Some(match n {
        0 => c"Success",
        1 => c"Operation not permitted",
        2 => c"No such file or directory",
        3 => c"No such process",
        4 => c"Interrupted system call",
        5 => c"Input/output error",
        6 => c"No such device or address",
        7 => c"Argument list too long",
        8 => c"Exec format error",
        9 => c"Bad file descriptor",
        10 => c"No child processes",
        11 => c"Resource temporarily unavailable",
        12 => c"Cannot allocate memory",
        13 => c"Permission denied",
        14 => c"Bad address",
        15 => c"Block device required",
        16 => c"Device or resource busy",
        17 => c"File exists",
        18 => c"Invalid cross-device link",
        19 => c"No such device",
        20 => c"Not a directory",
        21 => c"Is a directory",
        22 => c"Invalid argument",
        23 => c"Too many open files in system",
        24 => c"Too many open files",
        25 => c"Inappropriate ioctl for device",
        26 => c"Text file busy",
        27 => c"File too large",
        28 => c"No space left on device",
        29 => c"Illegal seek",
        30 => c"Read-only file system",
        31 => c"Too many links",
        32 => c"Broken pipe",
        33 => c"Numerical argument out of domain",
        34 => c"Numerical result out of range",
        35 => c"Resource deadlock avoided",
        36 => c"File name too long",
        37 => c"No locks available",
        38 => c"Function not implemented",
        39 => c"Directory not empty",
        40 => c"Too many levels of symbolic links",
        42 => c"No message of desired type",
        43 => c"Identifier removed",
        60 => c"Device not a stream",
        61 => c"No data available",
        62 => c"Timer expired",
        63 => c"Out of streams resources",
        67 => c"Link has been severed",
        71 => c"Protocol error",
        72 => c"Multihop attempted",
        74 => c"Bad message",
        75 => c"Value too large for defined data type",
        84 => c"Invalid or incomplete multibyte or wide character",
        88 => c"Socket operation on non-socket",
        89 => c"Destination address required",
        90 => c"Message too long",
        91 => c"Protocol wrong type for socket",
        92 => c"Protocol not available",
        93 => c"Protocol not supported",
        95 => c"Operation not supported",
        97 => c"Address family not supported by protocol",
        98 => c"Address already in use",
        99 => c"Cannot assign requested address",
        100 => c"Network is down",
        101 => c"Network is unreachable",
        102 => c"Network dropped connection on reset",
        103 => c"Software caused connection abort",
        104 => c"Connection reset by peer",
        105 => c"No buffer space available",
        106 => c"Transport endpoint is already connected",
        107 => c"Transport endpoint is not connected",
        110 => c"Connection timed out",
        111 => c"Connection refused",
        113 => c"No route to host",
        114 => c"Operation already in progress",
        115 => c"Operation now in progress",
        116 => c"Stale file handle",
        122 => c"Disk quota exceeded",
        125 => c"Operation canceled",
        130 => c"Owner died",
        131 => c"State not recoverable",
        _ => return None,
    })
}

/// Writes "Unknown error N" and a NUL into `buf`; returns the length
/// without the NUL. `buf` must hold 26 bytes (the longest is for `INT_MIN`).
pub fn unknown(n: c_int, buf: &mut [u8]) -> usize {
    const PREFIX: &[u8] = b"Unknown error ";
    buf[..PREFIX.len()].copy_from_slice(PREFIX);
    let mut len = PREFIX.len();
    if n < 0 {
        buf[len] = b'-';
        len += 1;
    }
    let mut digits = [0u8; 10];
    let mut k = 0;
    let mut u = n.unsigned_abs();
    loop {
        digits[k] = b'0' + (u % 10) as u8;
        k += 1;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    for &d in digits[..k].iter().rev() {
        buf[len] = d;
        len += 1;
    }
    buf[len] = 0;
    len
}

/// strerror(3). An unknown number's message lives in one static buffer that
/// the next such call overwrites (POSIX allows that); it is written with
/// atomic byte stores, so concurrent calls garble text but are not UB.
#[unsafe(no_mangle)]
pub extern "C" fn strerror(n: c_int) -> *mut c_char {
    if let Some(m) = message(n) {
        return m.as_ptr().cast_mut();
    }
    static BUF: [AtomicU8; 32] = [const { AtomicU8::new(0) }; 32];
    let mut tmp = [0u8; 32];
    let len = unknown(n, &mut tmp);
    for (slot, &b) in BUF.iter().zip(&tmp[..=len]) {
        slot.store(b, Relaxed);
    }
    BUF.as_ptr().cast::<c_char>().cast_mut()
}
