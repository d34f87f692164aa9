//! Error numbers: the [`Errno`] type returned by every fallible call, and
//! their messages. The per-thread C `errno` (`Errno::last`/`set_last`) lives
//! in the thread descriptor, so the thread layer defines those two.

use core::ffi::CStr;
use linux_raw_sys::errno as e;

/// A kernel error number (`EINVAL`, `ENOENT`, …), always positive.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Errno(i32);

/// The result of a fallible muslin call.
pub type Result<T> = core::result::Result<T, Errno>;

/// Defines one [`Errno`] constant per name, documented with its message,
/// and the one table from number to message that [`message_of`] reads:
/// the numbers as bytes, and the messages as one run of C strings in the
/// same order (smaller than a `match`, which compiles to a compare tree).
macro_rules! errnos {
    ($($name:ident => $msg:literal,)*) => {
        impl Errno {
            $(
                #[doc = $msg]
                pub const $name: Errno = Errno(e::$name as i32);
            )*
        }

        /// Every number with a message, 0 ("Success") first.
        const NUMBERS: &[u8] = &[0, $(e::$name as u8,)*];
        /// Their messages, each ending in a NUL, in the order of `NUMBERS`.
        const MESSAGES: &[u8] = concat!("Success\0", $($msg, "\0",)*).as_bytes();
        // Every number fits the byte `NUMBERS` stores it in (and none is 0,
        // which stands for "Success").
        const _: () = assert!($(e::$name > 0 && e::$name < 256 &&)* true);
    };
}

/// The message for error number `n` (glibc's wording, as `strerror` gives
/// it), or `None` for a number `<errno.h>` does not define (0 has one:
/// "Success"). Only a program that asks for a message links the table.
pub fn message_of(n: i32) -> Option<&'static CStr> {
    let i = NUMBERS.iter().position(|&k| k as i32 == n)?;
    let mut rest = MESSAGES;
    for _ in 0..i {
        let end = rest.iter().position(|&b| b == 0)?;
        rest = rest.get(end + 1..)?;
    }
    // The same plain loop, not `CStr::from_bytes_until_nul`: that links
    // core's word-at-a-time memchr into every program that reports errors.
    let end = rest.iter().position(|&b| b == 0)?;
    // SAFETY: rest[end] is the first NUL in rest.
    Some(unsafe { CStr::from_bytes_with_nul_unchecked(&rest[..=end]) })
}

// Every name `<errno.h>` defines (the numbers are the same on every arch
// muslin supports), with glibc's message for it.
errnos! {
    EPERM => "Operation not permitted",
    ENOENT => "No such file or directory",
    ESRCH => "No such process",
    EINTR => "Interrupted system call",
    EIO => "Input/output error",
    ENXIO => "No such device or address",
    E2BIG => "Argument list too long",
    ENOEXEC => "Exec format error",
    EBADF => "Bad file descriptor",
    ECHILD => "No child processes",
    EAGAIN => "Resource temporarily unavailable",
    ENOMEM => "Cannot allocate memory",
    EACCES => "Permission denied",
    EFAULT => "Bad address",
    ENOTBLK => "Block device required",
    EBUSY => "Device or resource busy",
    EEXIST => "File exists",
    EXDEV => "Invalid cross-device link",
    ENODEV => "No such device",
    ENOTDIR => "Not a directory",
    EISDIR => "Is a directory",
    EINVAL => "Invalid argument",
    ENFILE => "Too many open files in system",
    EMFILE => "Too many open files",
    ENOTTY => "Inappropriate ioctl for device",
    ETXTBSY => "Text file busy",
    EFBIG => "File too large",
    ENOSPC => "No space left on device",
    ESPIPE => "Illegal seek",
    EROFS => "Read-only file system",
    EMLINK => "Too many links",
    EPIPE => "Broken pipe",
    EDOM => "Numerical argument out of domain",
    ERANGE => "Numerical result out of range",
    EDEADLK => "Resource deadlock avoided",
    ENAMETOOLONG => "File name too long",
    ENOLCK => "No locks available",
    ENOSYS => "Function not implemented",
    ENOTEMPTY => "Directory not empty",
    ELOOP => "Too many levels of symbolic links",
    ENOMSG => "No message of desired type",
    EIDRM => "Identifier removed",
    ENOSTR => "Device not a stream",
    ENODATA => "No data available",
    ETIME => "Timer expired",
    ENOSR => "Out of streams resources",
    ENOLINK => "Link has been severed",
    EPROTO => "Protocol error",
    EMULTIHOP => "Multihop attempted",
    EBADMSG => "Bad message",
    EOVERFLOW => "Value too large for defined data type",
    EILSEQ => "Invalid or incomplete multibyte or wide character",
    ENOTSOCK => "Socket operation on non-socket",
    EDESTADDRREQ => "Destination address required",
    EMSGSIZE => "Message too long",
    EPROTOTYPE => "Protocol wrong type for socket",
    ENOPROTOOPT => "Protocol not available",
    EPROTONOSUPPORT => "Protocol not supported",
    EOPNOTSUPP => "Operation not supported",
    EAFNOSUPPORT => "Address family not supported by protocol",
    EADDRINUSE => "Address already in use",
    EADDRNOTAVAIL => "Cannot assign requested address",
    ENETDOWN => "Network is down",
    ENETUNREACH => "Network is unreachable",
    ENETRESET => "Network dropped connection on reset",
    ECONNABORTED => "Software caused connection abort",
    ECONNRESET => "Connection reset by peer",
    ENOBUFS => "No buffer space available",
    EISCONN => "Transport endpoint is already connected",
    ENOTCONN => "Transport endpoint is not connected",
    ETIMEDOUT => "Connection timed out",
    ECONNREFUSED => "Connection refused",
    EHOSTUNREACH => "No route to host",
    EALREADY => "Operation already in progress",
    EINPROGRESS => "Operation now in progress",
    ESTALE => "Stale file handle",
    EDQUOT => "Disk quota exceeded",
    ECANCELED => "Operation canceled",
    EOWNERDEAD => "Owner died",
    ENOTRECOVERABLE => "State not recoverable",
}

impl Errno {
    /// Wraps a positive error number.
    pub const fn from_raw(n: i32) -> Errno {
        Errno(n)
    }

    /// The positive error number.
    pub const fn raw(self) -> i32 {
        self.0
    }

    /// The conventional message for this error, as `strerror` gives it;
    /// "Unknown error" for a number without one.
    pub fn message(self) -> &'static str {
        match message_of(self.0) {
            // SAFETY: every message in the table is an ASCII string literal.
            Some(m) => unsafe { core::str::from_utf8_unchecked(m.to_bytes()) },
            None => "Unknown error",
        }
    }
}

/// Writes "Unknown error N" and a NUL into `buf` (the text `strerror` gives
/// a number [`message_of`] has none for); returns the length without the
/// NUL. `buf` must hold 26 bytes (the longest is for `i32::MIN`).
pub fn unknown_message(n: i32, buf: &mut [u8]) -> usize {
    labelled_number(b"Unknown error ", n, buf)
}

/// Writes `prefix`, `n` in decimal (with a '-' when negative) and a NUL
/// into `buf`; returns the length without the NUL. The one writer of
/// libc's "Unknown error N" / "Unknown signal N" texts, which must not pull
/// in the printf engine. `buf` must hold `prefix.len() + 12` bytes.
pub fn labelled_number(prefix: &[u8], n: i32, buf: &mut [u8]) -> usize {
    buf[..prefix.len()].copy_from_slice(prefix);
    let mut len = prefix.len();
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

impl core::fmt::Display for Errno {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message())
    }
}
