//! The kernel's name and version.

use super::{Result, ret_unit};
use crate::syscall;

/// The length of each [`UtsName`] field, its NUL included.
pub const FIELD_LEN: usize = 65;

/// `struct utsname` (the kernel's `new_utsname`): NUL-terminated strings.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct UtsName {
    /// The operating system: "Linux".
    pub sysname: [u8; FIELD_LEN],
    /// The host name.
    pub nodename: [u8; FIELD_LEN],
    /// The kernel release ("6.1.0-…").
    pub release: [u8; FIELD_LEN],
    /// The kernel version (build date and options).
    pub version: [u8; FIELD_LEN],
    /// The hardware ("x86_64", …).
    pub machine: [u8; FIELD_LEN],
    /// The NIS domain name.
    pub domainname: [u8; FIELD_LEN],
}

/// Fills `buf` with the system's names.
pub fn uname_into(buf: &mut UtsName) -> Result<()> {
    // SAFETY: the kernel writes one `new_utsname` into `buf`.
    ret_unit(unsafe { syscall!(__NR_uname, buf as *mut UtsName) })
}

/// The system's names.
pub fn uname() -> Result<UtsName> {
    let mut u = UtsName {
        sysname: [0; FIELD_LEN],
        nodename: [0; FIELD_LEN],
        release: [0; FIELD_LEN],
        version: [0; FIELD_LEN],
        machine: [0; FIELD_LEN],
        domainname: [0; FIELD_LEN],
    };
    uname_into(&mut u)?;
    Ok(u)
}
