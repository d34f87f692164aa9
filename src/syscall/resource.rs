//! Resource limits.

use super::{Result, ret_unit};
use crate::syscall;
use core::ffi::c_int;

pub use linux_raw_sys::general::RLIMIT_NOFILE;

/// "No limit" in an [`Rlimit`].
pub const RLIM_INFINITY: u64 = u64::MAX;

/// A resource limit (`struct rlimit64`, the same on every architecture).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Rlimit {
    /// The soft limit, which the kernel enforces.
    pub cur: u64,
    /// The hard limit, the ceiling for the soft one.
    pub max: u64,
}

/// The calling process's limit on `resource` (`RLIMIT_NOFILE`, …), through
/// `prlimit64`, which every architecture has with one layout.
pub fn getrlimit(resource: u32) -> Result<Rlimit> {
    let mut r = Rlimit::default();
    // SAFETY: no new limit is passed; the kernel writes one rlimit64 into `r`.
    ret_unit(unsafe {
        syscall!(
            __NR_prlimit64,
            0,
            resource as c_int,
            core::ptr::null::<Rlimit>(),
            &mut r as *mut Rlimit
        )
    })?;
    Ok(r)
}
