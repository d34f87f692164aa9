//! Random bytes from the kernel.

use super::{Result, ret};
use crate::syscall;

pub use linux_raw_sys::general::{GRND_INSECURE, GRND_NONBLOCK, GRND_RANDOM};

/// Fills up to `buf.len()` bytes with random bytes; returns how many.
/// `flags` is a mix of `GRND_NONBLOCK`, `GRND_RANDOM`, `GRND_INSECURE`.
pub fn getrandom(buf: &mut [u8], flags: u32) -> Result<usize> {
    // SAFETY: the kernel writes at most `buf.len()` bytes into `buf`.
    ret(unsafe { syscall!(__NR_getrandom, buf.as_mut_ptr(), buf.len(), flags) })
}

/// Fills all of `buf`, retrying short reads and `EINTR`.
pub fn fill(mut buf: &mut [u8]) -> Result<()> {
    while !buf.is_empty() {
        match getrandom(buf, 0) {
            Ok(n) => buf = &mut buf[n..],
            Err(super::Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
