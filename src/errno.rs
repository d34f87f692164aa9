//! Error numbers: the [`Errno`] type returned by every fallible call, and the
//! per-thread C `errno`.

use linux_raw_sys::errno as e;

/// A kernel error number (`EINVAL`, `ENOENT`, …), always positive.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Errno(i32);

/// The result of a fallible muslin call.
pub type Result<T> = core::result::Result<T, Errno>;

macro_rules! errnos {
    ($($name:ident => $msg:literal,)*) => {
        impl Errno {
            $(
                #[doc = $msg]
                pub const $name: Errno = Errno(e::$name as i32);
            )*

            /// The conventional message for this error, as `strerror` gives it.
            pub fn message(self) -> &'static str {
                $(if self == Self::$name { return $msg; })*
                "Unknown error"
            }
        }
    };
}

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
    ENOSYS => "Function not implemented",
    ENOTEMPTY => "Directory not empty",
    ELOOP => "Too many levels of symbolic links",
    ENODATA => "No data available",
    EOVERFLOW => "Value too large for defined data type",
    ETIMEDOUT => "Connection timed out",
    ECANCELED => "Operation canceled",
    EOPNOTSUPP => "Operation not supported",
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

    /// Reads the calling thread's C `errno`.
    pub fn last() -> Errno {
        Errno(crate::thread::current().errno.get())
    }

    /// Stores this error into the calling thread's C `errno`.
    pub fn set_last(self) {
        crate::thread::current().errno.set(self.0);
    }
}

impl core::fmt::Display for Errno {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message())
    }
}
