//! Standard streams. For now unbuffered: each write goes straight to the
//! descriptor.

use crate::syscall::fd::{STDERR, STDOUT, write_all};

/// Standard output, unbuffered.
pub struct Stdout;
/// Standard error, unbuffered.
pub struct Stderr;

impl core::fmt::Write for Stdout {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write_all(STDOUT, s.as_bytes()).map_err(|_| core::fmt::Error)
    }
}

impl core::fmt::Write for Stderr {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write_all(STDERR, s.as_bytes()).map_err(|_| core::fmt::Error)
    }
}

/// Prints to standard output.
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => {{
        let _ = ::core::fmt::Write::write_fmt(&mut $crate::stdio::Stdout, format_args!($($arg)*));
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

/// Prints to standard error.
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => {{
        let _ = ::core::fmt::Write::write_fmt(&mut $crate::stdio::Stderr, format_args!($($arg)*));
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
