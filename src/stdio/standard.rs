//! The standard streams: static `FILE`s for C (`stdin`, `stdout`,
//! `stderr`) and the Rust handles [`stdin()`], [`stdout()`], [`stderr()`].

use super::file::{
    BUFSIZ, F_MODE_SET, F_READ, F_STATIC, F_WRITE, FILE, Guard, IOLBF, IONBF, State,
};
use crate::errno::{Errno, Result};
use core::cell::UnsafeCell;

/// A static buffer for a standard stream.
struct StaticBuf(UnsafeCell<[u8; BUFSIZ]>);
// SAFETY: only the owning stream touches it, under that stream's lock.
unsafe impl Sync for StaticBuf {}

static STDIN_BUF: StaticBuf = StaticBuf(UnsafeCell::new([0; BUFSIZ]));
static STDOUT_BUF: StaticBuf = StaticBuf(UnsafeCell::new([0; BUFSIZ]));

/// Standard input: buffered.
pub(crate) static STDIN: FILE = FILE::unset();
/// Standard output: line-buffered on a terminal (decided at first write),
/// fully buffered otherwise.
pub(crate) static STDOUT: FILE = FILE::unset();
/// Standard error: unbuffered.
pub(crate) static STDERR: FILE = FILE::unset();

/// Gives the standard stream `f` its descriptor, buffer and mode, at its
/// first use ([`FILE::ready`]).
#[cold]
#[inline(never)]
#[optimize(size)]
pub(crate) fn set_up(f: &FILE, st: &mut State) {
    let fd = if core::ptr::eq(f, &STDIN) {
        0
    } else if core::ptr::eq(f, &STDOUT) {
        1
    } else {
        2
    };
    st.fd = fd;
    st.flags = F_STATIC
        | match fd {
            0 => F_READ,
            1 => F_WRITE,
            _ => F_WRITE | F_MODE_SET,
        };
    if fd == 2 {
        st.mode = IONBF;
    } else {
        st.buf = if fd == 0 { &STDIN_BUF } else { &STDOUT_BUF }.0.get() as *mut u8;
        st.cap = BUFSIZ;
    }
}

/// A C `FILE *const` global.
#[repr(transparent)]
pub struct StdPtr(*const FILE);
// SAFETY: the pointer is constant and the stream is Sync.
unsafe impl Sync for StdPtr {}

/// C's `stdin`.
#[unsafe(export_name = "stdin")]
pub static C_STDIN: StdPtr = StdPtr(&STDIN);
/// C's `stdout`.
#[unsafe(export_name = "stdout")]
pub static C_STDOUT: StdPtr = StdPtr(&STDOUT);
/// C's `stderr`.
#[unsafe(export_name = "stderr")]
pub static C_STDERR: StdPtr = StdPtr(&STDERR);

/// Before reading standard input from its descriptor: a line-buffered
/// standard output is flushed, so prompts appear.
pub(crate) fn flush_stdout_if_line_buffered() {
    let g = Guard::new(&STDOUT);
    let st = g.st();
    if st.mode == IOLBF {
        st.flush();
    }
}

/// Writes `s` to `f`, recording the exit flush; `Err` with the stream's
/// error on failure.
fn write_stream(f: &FILE, s: &[u8]) -> Result<usize> {
    super::file::hook_exit_flush();
    let g = Guard::new(f);
    let n = g.st().write_bytes(s);
    if n < s.len() {
        return Err(Errno::last());
    }
    Ok(n)
}

/// Writes formatted output to `f` under one lock (used by `print!`).
fn write_fmt_stream(f: &FILE, args: core::fmt::Arguments<'_>) -> core::fmt::Result {
    struct W<'a>(&'a Guard<'a>);
    impl core::fmt::Write for W<'_> {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            if self.0.st().write_bytes(s.as_bytes()) < s.len() {
                return Err(core::fmt::Error);
            }
            Ok(())
        }
    }
    super::file::hook_exit_flush();
    let g = Guard::new(f);
    core::fmt::write(&mut W(&g), args)
}

/// Standard output, buffered (shared with C's `stdout`).
#[derive(Clone, Copy, Debug)]
pub struct Stdout;
/// Standard error, unbuffered (shared with C's `stderr`).
#[derive(Clone, Copy, Debug)]
pub struct Stderr;
/// Standard input, buffered (shared with C's `stdin`).
#[derive(Clone, Copy, Debug)]
pub struct Stdin;

/// A handle to standard output.
pub fn stdout() -> Stdout {
    Stdout
}
/// A handle to standard error.
pub fn stderr() -> Stderr {
    Stderr
}
/// A handle to standard input.
pub fn stdin() -> Stdin {
    Stdin
}

impl Stdout {
    /// Writes all of `buf` (buffered); returns its length.
    pub fn write(&mut self, buf: &[u8]) -> Result<usize> {
        write_stream(&STDOUT, buf)
    }
    /// Writes pending output to the descriptor.
    pub fn flush(&mut self) -> Result<()> {
        if super::file::flush(&STDOUT) {
            Ok(())
        } else {
            Err(Errno::last())
        }
    }
}

impl Stderr {
    /// Writes all of `buf`; returns its length.
    pub fn write(&mut self, buf: &[u8]) -> Result<usize> {
        write_stream(&STDERR, buf)
    }
    /// Does nothing: standard error is unbuffered.
    pub fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

impl core::fmt::Write for Stdout {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write_stream(&STDOUT, s.as_bytes())
            .map(drop)
            .map_err(|_| core::fmt::Error)
    }
    fn write_fmt(&mut self, args: core::fmt::Arguments<'_>) -> core::fmt::Result {
        write_fmt_stream(&STDOUT, args)
    }
}

impl core::fmt::Write for Stderr {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write_stream(&STDERR, s.as_bytes())
            .map(drop)
            .map_err(|_| core::fmt::Error)
    }
    fn write_fmt(&mut self, args: core::fmt::Arguments<'_>) -> core::fmt::Result {
        write_fmt_stream(&STDERR, args)
    }
}

impl Stdin {
    /// Reads up to `buf.len()` bytes: what is buffered, else one read of
    /// the descriptor; 0 at end of input.
    pub fn read(&mut self, buf: &mut [u8]) -> Result<usize> {
        let g = Guard::new(&STDIN);
        let st = g.st();
        if buf.is_empty() {
            return Ok(0);
        }
        if !st.available() {
            return if st.flags & super::file::F_ERR != 0 {
                Err(Errno::last())
            } else {
                Ok(0)
            };
        }
        let mut n = 0;
        while n < buf.len() && st.ungetn > 0 {
            n += st.read_bytes(&mut buf[n..n + 1]);
        }
        let b = st.buffered();
        let k = b.len().min(buf.len() - n);
        buf[n..n + k].copy_from_slice(&b[..k]);
        st.rpos += k;
        Ok(n + k)
    }

    /// Reads one line, newline included, into `buf`: stops after a
    /// newline, when `buf` is full, or at end of input. Returns the length
    /// (0 at end of input).
    pub fn read_line(&mut self, buf: &mut [u8]) -> Result<usize> {
        let g = Guard::new(&STDIN);
        let st = g.st();
        let mut n = 0;
        while n < buf.len() {
            match st.getc() {
                Some(c) => {
                    buf[n] = c;
                    n += 1;
                    if c == b'\n' {
                        break;
                    }
                }
                None => {
                    if st.flags & super::file::F_ERR != 0 && n == 0 {
                        return Err(Errno::last());
                    }
                    break;
                }
            }
        }
        Ok(n)
    }
}

/// `print!`'s implementation.
#[doc(hidden)]
pub fn _print(args: core::fmt::Arguments<'_>) {
    let _ = write_fmt_stream(&STDOUT, args);
}

/// `eprint!`'s implementation.
#[doc(hidden)]
pub fn _eprint(args: core::fmt::Arguments<'_>) {
    let _ = write_fmt_stream(&STDERR, args);
}
