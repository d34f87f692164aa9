//! sysconf(3).

use crate::Errno;
use crate::env::auxv;
use crate::syscall::{resource, sched};
use core::ffi::{c_int, c_long};

/// `_SC_CLK_TCK`: clock ticks per second of `times()`.
pub const SC_CLK_TCK: c_int = 2;
/// `_SC_OPEN_MAX`: the file descriptor limit.
pub const SC_OPEN_MAX: c_int = 4;
/// `_SC_PAGESIZE` and `_SC_PAGE_SIZE`.
pub const SC_PAGESIZE: c_int = 30;
/// `_SC_NPROCESSORS_CONF`.
pub const SC_NPROCESSORS_CONF: c_int = 83;
/// `_SC_NPROCESSORS_ONLN`.
pub const SC_NPROCESSORS_ONLN: c_int = 84;

/// sysconf(3): page size (from `AT_PAGESZ`), CPU count (the calling
/// thread's affinity mask, for both `_CONF` and `_ONLN`), clock ticks (100,
/// the kernel's `USER_HZ`), open-file limit (-1 without an error when it is
/// unlimited); anything else is `EINVAL` and -1.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sysconf(name: c_int) -> c_long {
    match name {
        SC_PAGESIZE => auxv::get(auxv::AT_PAGESZ) as c_long,
        SC_NPROCESSORS_CONF | SC_NPROCESSORS_ONLN => sched::cpu_count() as c_long,
        SC_CLK_TCK => 100,
        SC_OPEN_MAX => match resource::getrlimit(resource::RLIMIT_NOFILE) {
            Ok(r) if r.cur == resource::RLIM_INFINITY => -1,
            Ok(r) => r.cur.min(c_long::MAX as u64) as c_long,
            Err(e) => {
                e.set_last();
                -1
            }
        },
        _ => {
            Errno::EINVAL.set_last();
            -1
        }
    }
}
