//! Scheduling: CPU affinity.

use super::{Result, ret};
use crate::syscall;

/// Fills `mask` with the calling thread's CPU affinity bit mask (bit `n`
/// of byte `n / 8` for CPU `n`); returns how many bytes the kernel wrote.
/// `EINVAL` when `mask` is shorter than the kernel's CPU mask.
pub fn getaffinity(mask: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most `mask.len()` bytes into `mask`.
    ret(unsafe { syscall!(__NR_sched_getaffinity, 0, mask.len(), mask.as_mut_ptr()) })
}

/// The number of CPUs the calling thread may run on (at least 1).
pub fn cpu_count() -> usize {
    let mut mask = [0u8; 512];
    match getaffinity(&mut mask) {
        Ok(n) => mask[..n]
            .iter()
            .map(|b| b.count_ones() as usize)
            .sum::<usize>()
            .max(1),
        Err(_) => 1,
    }
}
