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
    EIO => "I/O error",
    ENXIO => "No such device or address",
    E2BIG => "Argument list too long",
    ENOEXEC => "Exec format error",
    EBADF => "Bad file descriptor",
    ECHILD => "No child process",
    EAGAIN => "Resource temporarily unavailable",
    ENOMEM => "Out of memory",
    EACCES => "Permission denied",
    EFAULT => "Bad address",
    EBUSY => "Resource busy",
    EEXIST => "File exists",
    EXDEV => "Cross-device link",
    ENODEV => "No such device",
    ENOTDIR => "Not a directory",
    EISDIR => "Is a directory",
    EINVAL => "Invalid argument",
    ENFILE => "Too many open files in system",
    EMFILE => "No file descriptors available",
    ENOTTY => "Not a tty",
    EFBIG => "File too large",
    ENOSPC => "No space left on device",
    ESPIPE => "Invalid seek",
    EROFS => "Read-only file system",
    EMLINK => "Too many links",
    EPIPE => "Broken pipe",
    EDOM => "Domain error",
    ERANGE => "Result not representable",
    EDEADLK => "Resource deadlock would occur",
    ENAMETOOLONG => "Filename too long",
    ENOSYS => "Function not implemented",
    ENOTEMPTY => "Directory not empty",
    ELOOP => "Symbolic link loop",
    EOVERFLOW => "Value too large for data type",
    ETIMEDOUT => "Operation timed out",
    ECANCELED => "Operation canceled",
    EOPNOTSUPP => "Not supported",
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
