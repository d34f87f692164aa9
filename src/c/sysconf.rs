//! sysconf(3), pathconf(3) and fpathconf(3).

use crate::Errno;
use crate::env::auxv;
use crate::signal::{SIGRTMAX, SIGRTMIN};
use crate::syscall::fd::Fd;
use crate::syscall::{fs, resource, sched};
use core::ffi::{c_char, c_int, c_long};
use linux_raw_sys::general::{RLIMIT_NOFILE, RLIMIT_NPROC, RLIMIT_SIGPENDING, RLIMIT_STACK};

/// An option muslin does not support: -1 with `errno` unchanged.
const NO: c_long = -1;
/// A limit that muslin does not fix (only memory or the kernel bounds
/// it): -1 with `errno` unchanged, as POSIX says for an indeterminate one.
const NO_LIMIT: c_long = -1;

fn page_size() -> c_long {
    auxv::get(auxv::AT_PAGESZ) as c_long
}

fn cpus() -> c_long {
    sched::cpu_count() as c_long
}

/// A soft resource limit; -1 without an error when unlimited.
fn rlimit(which: u32) -> c_long {
    match resource::getrlimit(which) {
        Ok(r) if r.cur == resource::RLIM_INFINITY => -1,
        Ok(r) => r.cur.min(c_long::MAX as u64) as c_long,
        Err(e) => {
            e.set_last();
            -1
        }
    }
}

/// `ARG_MAX`: what the kernel allows for arguments and environment, a
/// quarter of the stack limit, and never below the historic 128 KiB (as
/// glibc computes it).
fn arg_max() -> c_long {
    let stack = resource::getrlimit(RLIMIT_STACK).map_or(0, |r| r.cur / 4);
    stack.clamp(128 * 1024, c_long::MAX as u64) as c_long
}

/// 1 where `int`, `long` and pointers are 32 bits (`off_t` is 64 bits
/// everywhere), else unsupported.
fn ilp32() -> c_long {
    if size_of::<usize>() == 4 { 1 } else { NO }
}

/// 1 where `long` and pointers are 64 bits, else unsupported.
fn lp64() -> c_long {
    if size_of::<usize>() == 8 { 1 } else { NO }
}

/// Physical memory pages, all or free (`sysinfo`).
fn mem_pages(free: bool) -> c_long {
    // The kernel's struct sysinfo: words for uptime, loads[3], totalram,
    // freeram, ...; mem_unit, a u32, after 13 words (procs and its pad
    // share word 10).
    let mut info = [0usize; 16];
    // SAFETY: `info` is larger than the kernel's struct sysinfo.
    let r = unsafe { crate::syscall!(__NR_sysinfo, info.as_mut_ptr()) };
    if let Err(e) = crate::syscall::ret(r) {
        e.set_last();
        return -1;
    }
    // SAFETY: mem_unit lies inside `info`, 4-byte aligned.
    let unit = unsafe { info.as_ptr().add(13).cast::<u32>().read() }.max(1) as u128;
    let bytes = info[if free { 5 } else { 4 }] as u128 * unit;
    (bytes / page_size().max(1) as u128).min(c_long::MAX as u128) as c_long
}

/// The names whose answer is a constant: (name, value); -1 for an
/// unsupported option or a limit muslin does not fix. A table, not match
/// arms: with ~130 arms, powerpc64le's hello kept all of sysconf (6.5 KB).
static FIXED: [(u16, i32); 116] = [
    (2, 100),          // _SC_CLK_TCK
    (3, 65536),        // _SC_NGROUPS_MAX
    (5, -1),           // _SC_STREAM_MAX
    (6, -1),           // _SC_TZNAME_MAX
    (7, 1),            // _SC_JOB_CONTROL
    (8, 1),            // _SC_SAVED_IDS
    (9, 200809),       // _SC_REALTIME_SIGNALS
    (10, 200809),      // _SC_PRIORITY_SCHEDULING
    (11, 200809),      // _SC_TIMERS
    (12, -1),          // _SC_ASYNCHRONOUS_IO
    (13, -1),          // _SC_PRIORITIZED_IO
    (14, 200809),      // _SC_SYNCHRONIZED_IO
    (15, 200809),      // _SC_FSYNC
    (16, 200809),      // _SC_MAPPED_FILES
    (17, -1),          // _SC_MEMLOCK
    (18, -1),          // _SC_MEMLOCK_RANGE
    (19, 200809),      // _SC_MEMORY_PROTECTION
    (20, -1),          // _SC_MESSAGE_PASSING
    (21, 200809),      // _SC_SEMAPHORES
    (22, -1),          // _SC_SHARED_MEMORY_OBJECTS
    (23, -1),          // _SC_AIO_LISTIO_MAX
    (24, -1),          // _SC_AIO_MAX
    (25, 0),           // _SC_AIO_PRIO_DELTA_MAX
    (26, 0x7fff_ffff), // _SC_DELAYTIMER_MAX
    (27, -1),          // _SC_MQ_OPEN_MAX
    (28, -1),          // _SC_MQ_PRIO_MAX
    (29, 200809),      // _SC_VERSION
    (32, 256),         // _SC_SEM_NSEMS_MAX: sem_open's table
    (33, 0x7fff_ffff), // _SC_SEM_VALUE_MAX
    (35, -1),          // _SC_TIMER_MAX
    (36, 99),          // _SC_BC_BASE_MAX
    (37, 2048),        // _SC_BC_DIM_MAX
    (38, 99),          // _SC_BC_SCALE_MAX
    (39, 1000),        // _SC_BC_STRING_MAX
    (40, 255),         // _SC_COLL_WEIGHTS_MAX
    (42, 32),          // _SC_EXPR_NEST_MAX
    (43, 2048),        // _SC_LINE_MAX
    (44, 0x7fff),      // _SC_RE_DUP_MAX
    (46, 200809),      // _SC_2_VERSION
    (47, 200809),      // _SC_2_C_BIND
    (48, -1),          // _SC_2_C_DEV
    (49, -1),          // _SC_2_FORT_DEV
    (50, -1),          // _SC_2_FORT_RUN
    (51, -1),          // _SC_2_SW_DEV
    (52, -1),          // _SC_2_LOCALEDEF
    (60, 1024),        // _SC_IOV_MAX
    (67, 200809),      // _SC_THREADS
    (68, 200809),      // _SC_THREAD_SAFE_FUNCTIONS
    (69, -1),          // _SC_GETGR_R_SIZE_MAX
    (70, -1),          // _SC_GETPW_R_SIZE_MAX
    (71, 256),         // _SC_LOGIN_NAME_MAX
    (72, 32),          // _SC_TTY_NAME_MAX
    (73, 4),           // _SC_THREAD_DESTRUCTOR_ITERATIONS
    (74, 128),         // _SC_THREAD_KEYS_MAX
    (75, 16384),       // _SC_THREAD_STACK_MIN
    (76, -1),          // _SC_THREAD_THREADS_MAX
    (77, 200809),      // _SC_THREAD_ATTR_STACKADDR
    (78, 200809),      // _SC_THREAD_ATTR_STACKSIZE
    (79, 200809),      // _SC_THREAD_PRIORITY_SCHEDULING
    (80, -1),          // _SC_THREAD_PRIO_INHERIT
    (81, -1),          // _SC_THREAD_PRIO_PROTECT
    (82, 200809),      // _SC_THREAD_PROCESS_SHARED
    (89, -1),          // _SC_XOPEN_VERSION
    (91, -1),          // _SC_XOPEN_UNIX
    (92, -1),          // _SC_XOPEN_CRYPT
    (93, -1),          // _SC_XOPEN_ENH_I18N
    (94, -1),          // _SC_XOPEN_SHM
    (95, -1),          // _SC_2_CHAR_TERM
    (97, -1),          // _SC_2_UPE
    (109, 20),         // _SC_NZERO
    (125, -1),         // _SC_XBS5_ILP32_OFF32
    (128, -1),         // _SC_XBS5_LPBIG_OFFBIG
    (129, -1),         // _SC_XOPEN_LEGACY
    (130, -1),         // _SC_XOPEN_REALTIME
    (131, -1),         // _SC_XOPEN_REALTIME_THREADS
    (132, -1),         // _SC_ADVISORY_INFO
    (133, 200809),     // _SC_BARRIERS
    (137, 200809),     // _SC_CLOCK_SELECTION
    (138, 200809),     // _SC_CPUTIME
    (139, 200809),     // _SC_THREAD_CPUTIME
    (149, 200809),     // _SC_MONOTONIC_CLOCK
    (153, 200809),     // _SC_READER_WRITER_LOCKS
    (154, 200809),     // _SC_SPIN_LOCKS
    (155, -1),         // _SC_REGEXP
    (157, 1),          // _SC_SHELL
    (159, -1),         // _SC_SPAWN
    (160, -1),         // _SC_SPORADIC_SERVER
    (161, -1),         // _SC_THREAD_SPORADIC_SERVER
    (164, 200809),     // _SC_TIMEOUTS
    (165, -1),         // _SC_TYPED_MEMORY_OBJECTS
    (168, -1),         // _SC_2_PBS
    (169, -1),         // _SC_2_PBS_ACCOUNTING
    (170, -1),         // _SC_2_PBS_LOCATE
    (171, -1),         // _SC_2_PBS_MESSAGE
    (172, -1),         // _SC_2_PBS_TRACK
    (173, 40),         // _SC_SYMLOOP_MAX
    (175, -1),         // _SC_2_PBS_CHECKPOINT
    (176, -1),         // _SC_V6_ILP32_OFF32
    (179, -1),         // _SC_V6_LPBIG_OFFBIG
    (180, 64),         // _SC_HOST_NAME_MAX
    (181, -1),         // _SC_TRACE
    (182, -1),         // _SC_TRACE_EVENT_FILTER
    (183, -1),         // _SC_TRACE_INHERIT
    (184, -1),         // _SC_TRACE_LOG
    (235, -1),         // _SC_IPV6
    (236, -1),         // _SC_RAW_SOCKETS
    (237, -1),         // _SC_V7_ILP32_OFF32
    (240, -1),         // _SC_V7_LPBIG_OFFBIG
    (241, -1),         // _SC_SS_REPL_MAX
    (242, -1),         // _SC_TRACE_EVENT_NAME_MAX
    (243, -1),         // _SC_TRACE_NAME_MAX
    (244, -1),         // _SC_TRACE_SYS_MAX
    (245, -1),         // _SC_TRACE_USER_EVENT_MAX
    (246, -1),         // _SC_XOPEN_STREAMS
    (247, -1),         // _SC_THREAD_ROBUST_PRIO_INHERIT
    (248, -1),         // _SC_THREAD_ROBUST_PRIO_PROTECT
];

/// sysconf(3): every `_SC_*` name of POSIX.1-2008 that `<unistd.h>`
/// defines. Options muslin supports give `200809` (or 1 where POSIX says
/// so), unsupported ones and limits it does not fix -1 with `errno`
/// unchanged; an unknown name is -1 with `EINVAL`. The CPU counts are the
/// calling thread's affinity mask; `_SC_CLK_TCK` is the kernel's
/// `USER_HZ` (100); `_SC_OPEN_MAX`, `_SC_CHILD_MAX` and `_SC_SIGQUEUE_MAX`
/// are the soft resource limits.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn sysconf(name: c_int) -> c_long {
    match name {
        0 => arg_max(),
        1 => rlimit(RLIMIT_NPROC),
        4 => rlimit(RLIMIT_NOFILE),
        30 => page_size(),
        31 => (SIGRTMAX - SIGRTMIN + 1) as c_long,
        34 => rlimit(RLIMIT_SIGPENDING),
        83 | 84 => cpus(),
        85 => mem_pages(false),
        86 => mem_pages(true),
        87 => crate::process::ATEXIT_MAX as c_long,
        126 | 177 | 238 => ilp32(),
        127 | 178 | 239 => lp64(),
        _ => match FIXED.iter().find(|&&(n, _)| n as c_int == name) {
            Some(&(_, v)) => v as c_long,
            None => {
                Errno::EINVAL.set_last();
                -1
            }
        },
    }
}

/// Known Linux file-system magic numbers and their `LINK_MAX`.
fn link_max(kind: u64) -> c_long {
    match kind {
        0xEF53 => 65000,                          // ext2/3/4
        0x5846_5342 => 0x7fff_ffff,               // XFS
        0x9123_683E => 65535,                     // btrfs
        0x0102_1994 | 0x6265_6572 => 0x7fff_ffff, // tmpfs, sysfs
        _ => 127,                                 // glibc's LINUX_LINK_MAX
    }
}

/// The answer for `name` about a file on the file system described by `r`.
fn path_conf(name: c_int, r: crate::errno::Result<fs::FsStats>) -> c_long {
    let st = match r {
        Ok(st) => st,
        Err(e) => {
            e.set_last();
            return -1;
        }
    };
    match name {
        0 => link_max(st.kind),             // _PC_LINK_MAX
        1 | 2 => 255,                       // _PC_MAX_CANON, _PC_MAX_INPUT
        3 => st.namelen as c_long,          // _PC_NAME_MAX
        4 => 4096,                          // _PC_PATH_MAX
        5 => 4096,                          // _PC_PIPE_BUF
        6 | 7 => 1,                         // _PC_CHOWN_RESTRICTED, _PC_NO_TRUNC
        8 => 0,                             // _PC_VDISABLE
        9..=12 => NO, // _PC_SYNC_IO, _PC_ASYNC_IO, _PC_PRIO_IO, _PC_SOCK_MAXBUF
        13 => 64,     // _PC_FILESIZEBITS
        14 | 16 | 17 => st.bsize as c_long, // _PC_REC_INCR_XFER_SIZE, _MIN_, _XFER_ALIGN
        15 => NO_LIMIT, // _PC_REC_MAX_XFER_SIZE
        18 => st.bsize as c_long, // _PC_ALLOC_SIZE_MIN
        19 => NO_LIMIT, // _PC_SYMLINK_MAX
        20 => 1,      // _PC_2_SYMLINKS
        _ => {
            Errno::EINVAL.set_last();
            -1
        }
    }
}

/// pathconf(3): limits of the file system holding `path` (`statfs`, so a
/// path that does not resolve gives its error). `_PC_NAME_MAX` is the
/// file system's own; `_PC_LINK_MAX` is known for ext2/3/4, XFS, btrfs and
/// tmpfs and 127 elsewhere (as glibc); an unknown name is `EINVAL`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn pathconf(path: *const c_char, name: c_int) -> c_long {
    if path.is_null() {
        Errno::EFAULT.set_last();
        return -1;
    }
    // SAFETY: C passes a string; the kernel validates it.
    path_conf(name, unsafe { fs::statfs_raw(path.cast(), Fd(-1)) })
}

/// fpathconf(3): as `pathconf`, for the file open on `fd` (`EBADF`).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fpathconf(fd: c_int, name: c_int) -> c_long {
    // SAFETY: a null path asks for fstatfs.
    path_conf(name, unsafe { fs::statfs_raw(core::ptr::null(), Fd(fd)) })
}
