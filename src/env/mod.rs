//! The process's arguments, environment and auxiliary vector, as start-up
//! found them on the initial stack.

pub mod auxv;

use core::ffi::{CStr, c_char};
use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

static ARGC: AtomicUsize = AtomicUsize::new(0);
static ARGV: AtomicPtr<*mut c_char> = AtomicPtr::new(core::ptr::null_mut());

/// The C `environ`: the environment as a NULL-terminated array of `NAME=value`.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut environ: *mut *mut c_char = core::ptr::null_mut();

/// Records argv and envp; called once by start-up.
///
/// # Safety
/// The pointers must be the kernel's initial argv/envp arrays.
pub(crate) unsafe fn init(argc: usize, argv: *mut *mut c_char, envp: *mut *mut c_char) {
    ARGC.store(argc, Ordering::Relaxed);
    ARGV.store(argv, Ordering::Relaxed);
    // SAFETY: start-up runs before any other code can read `environ`.
    unsafe { environ = envp };
}

/// Iterator over a NULL-terminated array of C strings.
#[derive(Clone)]
pub struct CStrArray {
    next: *const *mut c_char,
}

impl Iterator for CStrArray {
    type Item = &'static CStr;
    fn next(&mut self) -> Option<&'static CStr> {
        if self.next.is_null() {
            return None;
        }
        // SAFETY: `next` walks a NULL-terminated array of C strings that
        // live for the whole process.
        unsafe {
            let p = *self.next;
            if p.is_null() {
                return None;
            }
            self.next = self.next.add(1);
            Some(CStr::from_ptr(p))
        }
    }
}

/// The command-line arguments, `argv[0]` first.
pub fn args() -> CStrArray {
    CStrArray {
        next: ARGV.load(Ordering::Relaxed),
    }
}

/// Number of command-line arguments.
pub fn argc() -> usize {
    ARGC.load(Ordering::Relaxed)
}

/// The environment, each entry `NAME=value`.
pub fn vars() -> CStrArray {
    CStrArray {
        // SAFETY: a plain read of the pointer value.
        next: unsafe { environ },
    }
}

/// Whether `name` can name an environment variable: not empty, no `=`.
pub fn is_valid_name(name: &[u8]) -> bool {
    !name.is_empty() && !name.contains(&b'=')
}

/// The value in the environment entry `entry` (`NAME=value`, with or
/// without its NUL) if the entry is `name`'s.
pub fn value_of<'a>(entry: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    entry.strip_prefix(name)?.strip_prefix(b"=")
}

/// The value of environment variable `name`, if set.
pub fn var(name: &[u8]) -> Option<&'static CStr> {
    if !is_valid_name(name) {
        return None;
    }
    vars().find_map(|entry| {
        CStr::from_bytes_with_nul(value_of(entry.to_bytes_with_nul(), name)?).ok()
    })
}
