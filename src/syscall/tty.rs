//! Terminals.

use super::{Fd, Result, ret_unit};
use crate::syscall;

/// `struct winsize`, the same on every architecture.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug)]
pub struct WinSize {
    /// Rows of characters.
    pub rows: u16,
    /// Columns of characters.
    pub cols: u16,
    /// Width in pixels.
    pub xpixel: u16,
    /// Height in pixels.
    pub ypixel: u16,
}

/// The window size of the terminal `fd`; `ENOTTY` when it is not one.
pub fn window_size(fd: Fd) -> Result<WinSize> {
    let mut ws = WinSize::default();
    // SAFETY: the kernel writes one `struct winsize` into `ws`.
    ret_unit(unsafe {
        syscall!(
            __NR_ioctl,
            fd.0,
            crate::arch::TIOCGWINSZ,
            &mut ws as *mut WinSize
        )
    })?;
    Ok(ws)
}

/// Whether `fd` is a terminal: `Ok(())`, or `ENOTTY`, `EBADF`, ….
pub fn isatty(fd: Fd) -> Result<()> {
    window_size(fd).map(drop)
}
