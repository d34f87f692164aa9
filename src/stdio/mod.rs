//! Buffered standard I/O: C's `FILE` streams and the Rust `print!` family.
//!
//! - [`file`]: the `FILE` object, its buffer and the list of open streams
//!   (`fflush(NULL)` and `exit` flush them all; the flush hook is installed
//!   by the first write, so programs that never write link none of it).
//! - `open`, `read`, `write`, `seek`, `lock`, `files` (`remove`,
//!   `rename`, `tmpfile`, `tmpnam`): the C functions.
//! - `mem`: memory streams (`fmemopen`, `open_memstream`), which plug
//!   their own read, write, seek and close into a `FILE` (`file::Ops`).
//! - [`scan_file`]: the scanf engine over a stream (`fscanf`).
//! - [`standard`]: the standard streams. Standard output is
//!   line-buffered on a terminal and fully buffered otherwise, standard
//!   error unbuffered, standard input buffered. Rust's [`print!`](crate::print)
//!   and friends go through the same streams as C's `stdout`/`stderr`, so
//!   their output interleaves in program order.
//!
//! Every operation locks its stream once a second thread exists, and takes
//! no lock before. None is a cancellation point.
//!
//! For the printf family, [`FileSink`] is the [`crate::fmt::Sink`] over a
//! `FILE`: `FileSink::new(f)` locks `f` for the whole call,
//! [`FileSink::failed`] says whether any write failed, and dropping it
//! unlocks.

pub mod file;
pub(crate) mod files;
pub(crate) mod lock;
mod mem;
pub(crate) mod open;
mod read;
mod scan;
mod seek;
pub mod standard;
pub(crate) mod write;

pub use file::{BUFSIZ, FILE, IOFBF, IOLBF, IONBF};
pub use scan::scan_file;
pub use seek::{SEEK_CUR, SEEK_END, SEEK_SET};
pub use standard::{Stderr, Stdin, Stdout, stderr, stdin, stdout};

/// A [`crate::fmt::Sink`] writing to a `FILE`, holding its lock (when
/// threaded) from [`new`](Self::new) until dropped.
pub struct FileSink<'a> {
    guard: file::Guard<'a>,
    failed: bool,
}

impl FileSink<'_> {
    /// A sink over the open stream `f`.
    ///
    /// # Safety
    /// `f` must be an open stream that stays open while the sink lives.
    pub unsafe fn new(f: *mut FILE) -> FileSink<'static> {
        file::hook_exit_flush();
        // SAFETY: the caller passes an open stream that outlives the sink.
        let f: &'static FILE = unsafe { &*f };
        FileSink {
            guard: file::Guard::new(f),
            failed: false,
        }
    }

    /// Whether any write failed (the stream's error flag is then set).
    pub fn failed(&self) -> bool {
        self.failed
    }
}

impl crate::fmt::Sink for FileSink<'_> {
    #[optimize(size)]
    fn write(&mut self, bytes: &[u8]) {
        if !self.failed && self.guard.st().write_bytes(bytes) < bytes.len() {
            self.failed = true;
        }
    }
}

/// Prints to standard output (buffered, shared with C's `stdout`).
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => {{
        $crate::stdio::standard::_print(format_args!($($arg)*));
    }};
}

/// Prints a line to standard output.
#[macro_export]
macro_rules! println {
    () => { $crate::print!("\n") };
    ($($arg:tt)*) => {{
        $crate::print!("{}\n", format_args!($($arg)*));
    }};
}

/// Prints to standard error (unbuffered, shared with C's `stderr`).
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => {{
        $crate::stdio::standard::_eprint(format_args!($($arg)*));
    }};
}

/// Prints a line to standard error.
#[macro_export]
macro_rules! eprintln {
    () => { $crate::eprint!("\n") };
    ($($arg:tt)*) => {{
        $crate::eprint!("{}\n", format_args!($($arg)*));
    }};
}
