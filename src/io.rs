//! Rust I/O: the [`Read`], [`Write`] and [`Seek`] traits, their
//! implementations for the standard streams, byte slices and collections,
//! and [`File`], an unbuffered file over an owned descriptor.
//!
//! Errors are muslin's [`Errno`] throughout, so `?` mixes these calls with
//! every other muslin call. Two errors do not come from the kernel:
//!
//! - [`UNEXPECTED_EOF`] (`ENODATA`): [`Read::read_exact`] ran out of input
//!   before filling its buffer. `read(2)` never reports `ENODATA` for files,
//!   pipes or terminals, so the value is not mistaken for a kernel error.
//! - [`WRITE_ZERO`] (`ENOSPC`): [`Write::write_all`] met a writer that took
//!   no bytes, such as a full `&mut [u8]`.
//!
//! muslin itself does not link `alloc` (every program would then need a
//! global allocator), so nothing here names `Vec`. Instead,
//! [`Read::read_to_end`] appends to any `Extend<&u8>` collection, and
//! [`ExtendWriter`] makes one a [`Write`]. With `alloc` in the program,
//! both work with `Vec<u8>`:
//!
//! ```ignore
//! use muslin::io::{ExtendWriter, File, Read, Write};
//! let mut v = alloc::vec::Vec::new();
//! File::open(c"/etc/hostname")?.read_to_end(&mut v)?;
//! writeln!(ExtendWriter(&mut v), "and {} more", 1)?;
//! ```
//!
//! Everything here is generic or small and unused code is discarded at link
//! time: a program that does not use this module links none of it.

use crate::errno::{Errno, Result};
use crate::syscall::fd::{self, Fd, OwnedFd};
use crate::syscall::fs::{self, Stat};
use core::ffi::{CStr, c_int};
use core::fmt;
use linux_raw_sys::general as g;

pub use crate::stdio::{Stderr, Stdin, Stdout, stderr, stdin, stdout};

/// The error [`Read::read_exact`] returns when input ends before its buffer
/// is full: `ENODATA` ("No data available").
pub const UNEXPECTED_EOF: Errno = Errno::ENODATA;

/// The error [`Write::write_all`] returns when the writer accepts no bytes
/// (`write` returns `Ok(0)` for a non-empty buffer): `ENOSPC`.
pub const WRITE_ZERO: Errno = Errno::ENOSPC;

/// Bytes [`Read::read_to_end`] reads per call, through a buffer on the stack.
const CHUNK: usize = 4096;

/// A source of bytes.
pub trait Read {
    /// Reads up to `buf.len()` bytes into `buf`; returns how many were read.
    /// `Ok(0)` for a non-empty `buf` means end of input.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize>;

    /// Fills all of `buf`, retrying after short reads and `EINTR`.
    ///
    /// Input that ends first gives [`UNEXPECTED_EOF`]; what was read by
    /// then is in `buf`, but how much is not reported.
    fn read_exact(&mut self, mut buf: &mut [u8]) -> Result<()> {
        while !buf.is_empty() {
            match self.read(buf) {
                Ok(0) => return Err(UNEXPECTED_EOF),
                // `get_mut` rather than indexing: a reader claiming more
                // than it was given ends the loop instead of panicking.
                Ok(n) => buf = core::mem::take(&mut buf).get_mut(n..).unwrap_or_default(),
                Err(e) if e == Errno::EINTR => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Reads until end of input, appending everything to `out` (a
    /// `Vec<u8>`, a `VecDeque<u8>`, or any `Extend<&u8>`); returns how many
    /// bytes were appended. `EINTR` is retried; on another error the bytes
    /// read before it stay appended.
    ///
    /// Reads go through a 4 KiB buffer on the stack. On a `dyn Read`, call
    /// it through a reference: `Read::read_to_end(&mut reader, &mut v)`.
    fn read_to_end<E>(&mut self, out: &mut E) -> Result<usize>
    where
        E: for<'a> Extend<&'a u8>,
        Self: Sized,
    {
        let mut chunk = [0u8; CHUNK];
        let mut total = 0;
        loop {
            match self.read(&mut chunk) {
                Ok(0) => return Ok(total),
                Ok(n) => {
                    let got = chunk.get(..n).unwrap_or(&chunk);
                    out.extend(got);
                    total += got.len();
                }
                Err(e) if e == Errno::EINTR => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Borrows this reader, for passing it on by value and keeping it.
    fn by_ref(&mut self) -> &mut Self
    where
        Self: Sized,
    {
        self
    }
}

/// A sink for bytes.
///
/// `write!` and `writeln!` work on every `Write` through
/// [`write_fmt`](Write::write_fmt).
pub trait Write {
    /// Writes some of `buf`; returns how many bytes were taken.
    fn write(&mut self, buf: &[u8]) -> Result<usize>;

    /// Sends buffered output on to its destination.
    fn flush(&mut self) -> Result<()>;

    /// Writes all of `buf`, retrying after short writes and `EINTR`.
    /// A writer that takes no bytes gives [`WRITE_ZERO`].
    fn write_all(&mut self, mut buf: &[u8]) -> Result<()> {
        while !buf.is_empty() {
            match self.write(buf) {
                Ok(0) => return Err(WRITE_ZERO),
                // A writer claiming more than it was given ends the loop.
                Ok(n) => buf = buf.get(n..).unwrap_or_default(),
                Err(e) if e == Errno::EINTR => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Writes formatted output through [`write_all`](Write::write_all):
    /// what `write!(w, ...)` and `writeln!(w, ...)` call. The error is the
    /// first one `write_all` returned; a formatting trait implementation
    /// that fails by itself gives `EIO`.
    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        /// Keeps the I/O error that `fmt::Error` cannot carry.
        struct Adapter<'a, W: ?Sized> {
            inner: &'a mut W,
            error: Result<()>,
        }
        impl<W: Write + ?Sized> fmt::Write for Adapter<'_, W> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.inner.write_all(s.as_bytes()).map_err(|e| {
                    self.error = Err(e);
                    fmt::Error
                })
            }
        }
        let mut a = Adapter {
            inner: self,
            error: Ok(()),
        };
        match fmt::write(&mut a, args) {
            Ok(()) => Ok(()),
            Err(fmt::Error) => Err(a.error.err().unwrap_or(Errno::EIO)),
        }
    }

    /// Borrows this writer, for passing it on by value and keeping it.
    fn by_ref(&mut self) -> &mut Self
    where
        Self: Sized,
    {
        self
    }
}

/// Where [`Seek::seek`] measures from.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SeekFrom {
    /// That many bytes from the start.
    Start(u64),
    /// That many bytes from the end (usually zero or negative).
    End(i64),
    /// That many bytes from the current position.
    Current(i64),
}

/// A byte stream with a movable position.
pub trait Seek {
    /// Moves the position; returns the new one, from the start. A position
    /// before the start, or past `i64::MAX`, gives `EINVAL`.
    fn seek(&mut self, pos: SeekFrom) -> Result<u64>;

    /// Moves back to the start.
    fn rewind(&mut self) -> Result<()> {
        self.seek(SeekFrom::Start(0)).map(drop)
    }

    /// The current position, from the start.
    fn stream_position(&mut self) -> Result<u64> {
        self.seek(SeekFrom::Current(0))
    }
}

impl<R: Read + ?Sized> Read for &mut R {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize> {
        (**self).read(buf)
    }
    fn read_exact(&mut self, buf: &mut [u8]) -> Result<()> {
        (**self).read_exact(buf)
    }
}

impl<W: Write + ?Sized> Write for &mut W {
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        (**self).write(buf)
    }
    fn flush(&mut self) -> Result<()> {
        (**self).flush()
    }
    fn write_all(&mut self, buf: &[u8]) -> Result<()> {
        (**self).write_all(buf)
    }
    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        (**self).write_fmt(args)
    }
}

impl<S: Seek + ?Sized> Seek for &mut S {
    fn seek(&mut self, pos: SeekFrom) -> Result<u64> {
        (**self).seek(pos)
    }
}

// ---------------------------------------------------------------- std streams

/// Formats into a standard stream through its `fmt::Write`, which takes the
/// stream's lock once. A failed stream write records its error in `errno`
/// (read back here); a formatting trait implementation failing by itself
/// records nothing and gives `EIO`. `errno` is left as it was unless a
/// write failed.
fn stream_fmt<W: fmt::Write>(w: &mut W, args: fmt::Arguments<'_>) -> Result<()> {
    let before = Errno::last();
    Errno::from_raw(0).set_last();
    let r = fmt::Write::write_fmt(w, args);
    let now = Errno::last();
    if now.raw() == 0 {
        before.set_last();
    }
    r.map_err(|_| if now.raw() == 0 { Errno::EIO } else { now })
}

/// Standard input through its buffer, shared with C's `stdin`.
impl Read for Stdin {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize> {
        Stdin::read(self, buf)
    }
}

/// Standard output through its buffer, shared with C's `stdout`: `write`
/// takes all of `buf` or fails, and [`flush`](Write::flush) writes the
/// buffer out.
impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        Stdout::write(self, buf)
    }
    fn flush(&mut self) -> Result<()> {
        Stdout::flush(self)
    }
    /// Formats under one lock of the stream, like `print!`, so that the
    /// output is not interleaved with other threads'.
    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        stream_fmt(self, args)
    }
}

/// Standard error, unbuffered, shared with C's `stderr`.
impl Write for Stderr {
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        Stderr::write(self, buf)
    }
    fn flush(&mut self) -> Result<()> {
        Stderr::flush(self)
    }
    /// Formats under one lock of the stream, like `eprint!`.
    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        stream_fmt(self, args)
    }
}

// ---------------------------------------------------------------- memory

/// Reads from the front of the slice, which shrinks past what was read.
impl Read for &[u8] {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize> {
        let n = buf.len().min(self.len());
        let (head, rest) = self.split_at(n);
        if let Some(dst) = buf.get_mut(..n) {
            dst.copy_from_slice(head);
        }
        *self = rest;
        Ok(n)
    }
}

/// Writes into the front of the slice, which shrinks past what was written;
/// a full slice takes nothing (`Ok(0)`, so `write_all` gives
/// [`WRITE_ZERO`]).
impl Write for &mut [u8] {
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        let n = buf.len().min(self.len());
        let (head, rest) = core::mem::take(self).split_at_mut(n);
        if let Some(src) = buf.get(..n) {
            head.copy_from_slice(src);
        }
        *self = rest;
        Ok(n)
    }
    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

/// A [`Write`] that appends everything to a collection of bytes (any
/// `Extend<&u8>`: a `Vec<u8>`, a `VecDeque<u8>`, …). It never fails.
///
/// ```ignore
/// let mut v = alloc::vec::Vec::new();
/// writeln!(ExtendWriter(&mut v), "{} + {}", 1, 2)?;
/// assert_eq!(v, b"1 + 2\n");
/// ```
#[derive(Debug)]
pub struct ExtendWriter<'a, E: ?Sized>(pub &'a mut E);

impl<E> Write for ExtendWriter<'_, E>
where
    E: for<'b> Extend<&'b u8> + ?Sized,
{
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        self.0.extend(buf);
        Ok(buf.len())
    }
    fn write_all(&mut self, buf: &[u8]) -> Result<()> {
        self.0.extend(buf);
        Ok(())
    }
    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

// ---------------------------------------------------------------- files

/// An open file: an owned descriptor, closed when the `File` is dropped.
///
/// Reads and writes go straight to the descriptor, one system call each
/// (there is no buffer; wrap many small writes yourself or use stdio).
/// Descriptors are opened with `O_CLOEXEC`. Opening, reading, writing and
/// closing are cancellation points: in a thread whose cancellation was
/// requested they give `ECANCELED`.
#[derive(Debug)]
pub struct File {
    fd: OwnedFd,
}

impl File {
    /// Opens an existing file for reading.
    pub fn open(path: &CStr) -> Result<File> {
        OpenOptions::new().read(true).open(path)
    }

    /// Opens a file for writing, creating it (mode `0o666` less the umask)
    /// or truncating it.
    pub fn create(path: &CStr) -> Result<File> {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
    }

    /// Creates a new file for reading and writing; `EEXIST` if the name
    /// exists (as anything, a dangling symbolic link included).
    pub fn create_new(path: &CStr) -> Result<File> {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)
    }

    /// A blank [`OpenOptions`], the same as [`OpenOptions::new`].
    pub fn options() -> OpenOptions {
        OpenOptions::new()
    }

    /// The descriptor, borrowed: it stays open while the `File` lives.
    pub fn as_raw_fd(&self) -> Fd {
        self.fd.fd()
    }

    /// Gives up the descriptor without closing it; closing it is then the
    /// caller's business.
    pub fn into_raw_fd(self) -> Fd {
        self.fd.into_raw()
    }

    /// The file's metadata (`fstat`).
    pub fn metadata(&self) -> Result<Stat> {
        fs::fstat(self.fd.fd())
    }
}

impl From<OwnedFd> for File {
    /// A `File` over an already open descriptor, which it now owns.
    fn from(fd: OwnedFd) -> File {
        File { fd }
    }
}

impl From<File> for OwnedFd {
    /// The `File`'s descriptor, still open and still owned.
    fn from(f: File) -> OwnedFd {
        f.fd
    }
}

impl Read for File {
    /// One `read(2)`.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize> {
        fd::read(self.fd.fd(), buf)
    }
}

impl Write for File {
    /// One `write(2)`.
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        fd::write(self.fd.fd(), buf)
    }
    /// Does nothing: a `File` has no buffer (and this is not `fsync`).
    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

impl Seek for File {
    /// `lseek(2)`; a position past the end is allowed (a later write leaves
    /// a hole).
    fn seek(&mut self, pos: SeekFrom) -> Result<u64> {
        let (offset, whence) = match pos {
            SeekFrom::Start(n) => (i64::try_from(n).map_err(|_| Errno::EINVAL)?, g::SEEK_SET),
            SeekFrom::End(n) => (n, g::SEEK_END),
            SeekFrom::Current(n) => (n, g::SEEK_CUR),
        };
        // The kernel never returns a negative offset as a success.
        fd::lseek(self.fd.fd(), offset, whence as c_int).map(|r| r as u64)
    }
}

/// How to open a [`File`]: which access, and whether to create, truncate or
/// append. Start from [`OpenOptions::new`], set options, then
/// [`open`](OpenOptions::open).
///
/// ```ignore
/// let log = OpenOptions::new().append(true).create(true).open(c"/tmp/log")?;
/// ```
#[derive(Copy, Clone, Debug)]
pub struct OpenOptions {
    read: bool,
    write: bool,
    append: bool,
    truncate: bool,
    create: bool,
    create_new: bool,
    mode: u32,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions::new()
    }
}

impl OpenOptions {
    /// Every option off; creation mode `0o666` (less the umask).
    pub const fn new() -> OpenOptions {
        OpenOptions {
            read: false,
            write: false,
            append: false,
            truncate: false,
            create: false,
            create_new: false,
            mode: 0o666,
        }
    }

    /// Open for reading.
    pub fn read(&mut self, on: bool) -> &mut OpenOptions {
        self.read = on;
        self
    }

    /// Open for writing.
    pub fn write(&mut self, on: bool) -> &mut OpenOptions {
        self.write = on;
        self
    }

    /// Open for writing, every write going to the end of the file
    /// (`O_APPEND`); implies [`write`](OpenOptions::write).
    pub fn append(&mut self, on: bool) -> &mut OpenOptions {
        self.append = on;
        self
    }

    /// Cut an existing file to length 0 (`O_TRUNC`); needs `write` and not
    /// `append`.
    pub fn truncate(&mut self, on: bool) -> &mut OpenOptions {
        self.truncate = on;
        self
    }

    /// Create the file if it does not exist (`O_CREAT`); needs `write` or
    /// `append`.
    pub fn create(&mut self, on: bool) -> &mut OpenOptions {
        self.create = on;
        self
    }

    /// Create the file, failing with `EEXIST` if the name exists
    /// (`O_CREAT | O_EXCL`); `create` and `truncate` are then ignored.
    /// Needs `write` or `append`.
    pub fn create_new(&mut self, on: bool) -> &mut OpenOptions {
        self.create_new = on;
        self
    }

    /// Permission bits for a created file (before the umask); `0o666`
    /// unless set.
    pub fn mode(&mut self, mode: u32) -> &mut OpenOptions {
        self.mode = mode;
        self
    }

    /// The `open(2)` flags for these options; `EINVAL` for a combination
    /// that makes no sense (no access at all, creating or truncating
    /// without write access, truncating in append mode).
    fn flags(&self) -> Result<c_int> {
        let writes = self.write || self.append;
        let access = match (self.read, writes) {
            (true, false) => fd::O_RDONLY,
            (false, true) => fd::O_WRONLY,
            (true, true) => fd::O_RDWR,
            (false, false) => return Err(Errno::EINVAL),
        };
        if !writes && (self.create || self.truncate || self.create_new) {
            return Err(Errno::EINVAL);
        }
        if self.append && self.truncate && !self.create_new {
            return Err(Errno::EINVAL);
        }
        let creation = if self.create_new {
            fd::O_CREAT | O_EXCL
        } else {
            (if self.create { fd::O_CREAT } else { 0 })
                | (if self.truncate { fd::O_TRUNC } else { 0 })
        };
        let append = if self.append { O_APPEND } else { 0 };
        Ok(access | creation | append | fd::O_CLOEXEC)
    }

    /// Opens `path` with these options.
    pub fn open(&self, path: &CStr) -> Result<File> {
        fd::open(path, self.flags()?, self.mode).map(File::from)
    }
}

/// `O_APPEND` (not among `syscall::fd`'s flags).
const O_APPEND: c_int = g::O_APPEND as c_int;
/// `O_EXCL` (not among `syscall::fd`'s flags).
const O_EXCL: c_int = g::O_EXCL as c_int;
