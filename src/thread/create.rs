//! Creating, joining and detaching threads.
//!
//! Each thread gets one mapping: `[guard][stack][TLS block + descriptor][extra]`,
//! with the guard page(s) `PROT_NONE` and "extra" room for a Rust thread's
//! closure and result. With a caller-supplied stack only the TLS part is
//! mapped. The descriptor lives in the mapping, so joining (or a detached
//! thread's own exit) frees everything with one `munmap`.

use super::descriptor::{DETACHED, EXITING, JOINABLE, ThreadDescriptor};
use super::exit::OTHER_THREADS;
use super::futex;
use crate::arch::CloneTlsArg;
use crate::env::auxv;
use crate::errno::{Errno, Result};
use crate::signal::Sigset;
use crate::syscall::{mm, signal as sigsys};
use core::ffi::c_void;
use core::sync::atomic::Ordering;
use linux_raw_sys::general as g;

/// Default stack size of a new thread.
pub const DEFAULT_STACK_SIZE: usize = 128 * 1024;
/// Smallest stack accepted (`PTHREAD_STACK_MIN`).
pub const STACK_MIN: usize = 16 * 1024;

/// How to create a thread (`pthread_attr_t`'s contents).
#[derive(Copy, Clone, Debug)]
pub struct Attr {
    /// Stack size in bytes.
    pub stack_size: usize,
    /// Guard size in bytes (rounded up to pages; 0 for none).
    pub guard_size: usize,
    /// Lowest address of a caller-supplied stack, or null.
    pub stack_addr: *mut u8,
    /// Start detached.
    pub detached: bool,
}

impl Default for Attr {
    fn default() -> Attr {
        Attr {
            stack_size: DEFAULT_STACK_SIZE,
            guard_size: 4096,
            stack_addr: core::ptr::null_mut(),
            detached: false,
        }
    }
}

const CLONE_FLAGS: u32 = g::CLONE_VM
    | g::CLONE_FS
    | g::CLONE_FILES
    | g::CLONE_SIGHAND
    | g::CLONE_THREAD
    | g::CLONE_SYSVSEM
    | g::CLONE_SETTLS
    | g::CLONE_PARENT_SETTID
    | g::CLONE_CHILD_CLEARTID;

unsafe extern "C" {
    /// `arch/<arch>/clone.rs`: clone(2) with `func(arg)` run on `stack` in
    /// the child, which never returns; the parent gets the tid or -errno.
    fn __muslin_clone(
        func: unsafe extern "C" fn(*mut u8) -> !,
        stack: *mut u8,
        flags: usize,
        arg: *mut u8,
        ptid: *mut i32,
        tls: usize,
        ctid: *mut i32,
    ) -> isize;
}

fn page_size() -> usize {
    match auxv::get(auxv::AT_PAGESZ) {
        0 => 4096,
        p => p,
    }
}

/// Rounds up to a multiple of the power of two `a`; `None` on overflow.
fn round_up(x: usize, a: usize) -> Option<usize> {
    Some(x.checked_add(a - 1)? & !(a - 1))
}

/// Memory for a new thread, as [`map_thread`] made it.
struct ThreadMap {
    /// Base of the mapping.
    base: *mut u8,
    /// Its size.
    size: usize,
    /// Top of the stack (where it starts growing down from).
    top: *mut u8,
    /// Usable stack size below `top`.
    stack: usize,
    /// Guard size below the stack.
    guard: usize,
    /// Where the TLS area and descriptor go.
    tls: *mut u8,
}

/// Memory for a new thread: stack (with its guard) and TLS area.
fn map_thread(attr: &Attr, tls_size: usize) -> Result<ThreadMap> {
    let page = page_size();
    let rw = (g::PROT_READ | g::PROT_WRITE) as i32;
    let flags = (g::MAP_PRIVATE | g::MAP_ANONYMOUS) as i32;
    let tls = round_up(tls_size, page).ok_or(Errno::EAGAIN)?;
    if !attr.stack_addr.is_null() {
        // SAFETY: a fresh anonymous mapping overlaps nothing.
        let base = unsafe { mm::mmap(core::ptr::null_mut(), tls, rw, flags, -1, 0) }?;
        let top = attr.stack_addr.wrapping_add(attr.stack_size);
        return Ok(ThreadMap {
            base,
            size: tls,
            top,
            stack: attr.stack_size,
            guard: 0,
            tls: base,
        });
    }
    let guard = round_up(attr.guard_size, page).ok_or(Errno::EAGAIN)?;
    let stack = round_up(attr.stack_size.max(STACK_MIN), page).ok_or(Errno::EAGAIN)?;
    let size = guard
        .checked_add(stack)
        .and_then(|s| s.checked_add(tls))
        .ok_or(Errno::EAGAIN)?;
    let prot = if guard == 0 { rw } else { g::PROT_NONE as i32 };
    // SAFETY: a fresh anonymous mapping overlaps nothing.
    let base = unsafe { mm::mmap(core::ptr::null_mut(), size, prot, flags, -1, 0) }?;
    if guard != 0 {
        // SAFETY: the range is inside the mapping just made.
        if let Err(e) = unsafe { mm::mprotect(base.add(guard), size - guard, rw) } {
            // SAFETY: the mapping is ours and unused.
            let _ = unsafe { mm::munmap(base, size) };
            return Err(e);
        }
    }
    // SAFETY: guard + stack < size.
    let top = unsafe { base.add(guard + stack) };
    Ok(ThreadMap {
        base,
        size,
        top,
        stack,
        guard,
        tls: top,
    })
}

/// The new thread's first Rust code: restore the creator's signal mask,
/// run the start routine, exit with its result.
unsafe extern "C" fn thread_entry(arg: *mut u8) -> ! {
    // SAFETY: the creator passed this thread's own descriptor, fully built.
    let t = unsafe { &*(arg as *const ThreadDescriptor) };
    let _ = sigsys::rt_sigprocmask(g::SIG_SETMASK as i32, Some(&t.start_mask.get()), None);
    let start = t.start.get().expect("start routine");
    // SAFETY: `start` was chosen by `create`'s caller for this descriptor.
    let result = unsafe { start(t) };
    super::exit::exit_current(result)
}

/// Creates a thread running `start(descriptor)` with `extra` bytes of
/// zeroed, 16-byte-aligned room reserved after its TLS (returned with the
/// descriptor). `prepare` fills in the descriptor before the thread starts.
///
/// Errors: `EAGAIN` when memory or kernel resources run out, `EINVAL` for a
/// bad attribute.
pub(crate) fn create(
    attr: &Attr,
    extra: usize,
    start: unsafe fn(&ThreadDescriptor) -> *mut c_void,
    prepare: impl FnOnce(&ThreadDescriptor, *mut u8),
) -> Result<&'static ThreadDescriptor> {
    if attr.stack_size < STACK_MIN && attr.stack_addr.is_null() {
        return Err(Errno::EINVAL);
    }
    let area = super::tls::area_size();
    let m = map_thread(attr, area + 16 + extra).map_err(|_| Errno::EAGAIN)?;
    let (base, size, top, tls_mem) = (m.base, m.size, m.top, m.tls);
    // SAFETY: tls_mem has area + 16 + extra fresh zeroed bytes.
    let tp = unsafe { super::tls::install(tls_mem) };
    let extra_mem = ((tls_mem as usize + area + 15) & !15) as *mut u8;
    // SAFETY: install() built the descriptor; it lives as long as the mapping,
    // which only a join or the thread's own exit frees.
    let t: &'static ThreadDescriptor = unsafe { &*super::tls::descriptor_from_tp(tp) };
    t.map_base.set(base);
    t.map_size.set(size);
    t.stack_lo.set(top.wrapping_sub(m.stack));
    t.stack_size.set(m.stack);
    t.guard_size.set(m.guard);
    t.start.set(Some(start));
    t.detach_state.store(
        if attr.detached { DETACHED } else { JOINABLE },
        Ordering::Relaxed,
    );
    prepare(t, extra_mem);

    // Stream locks lock from now on (stdio's `threaded()`): link their code.
    super::reclock::enable_locking();
    OTHER_THREADS.fetch_add(1, Ordering::AcqRel);
    // No id change may run between here and the clone: the new thread
    // gets the creator's ids and must be in the registry, with a tid,
    // when the change walks it.
    super::setxid::read_enter();
    // The child starts with every signal blocked (no handler may run before
    // it is ready) and restores this mask itself.
    let mut old = Sigset::empty();
    let _ = sigsys::rt_sigprocmask(
        g::SIG_BLOCK as i32,
        Some(&Sigset::all_including_reserved()),
        Some(&mut old),
    );
    // Whatever the creator blocks, the new thread takes id changes (a
    // `timer_create` helper is made with every signal blocked).
    let mut start = old;
    let _ = start.remove(crate::signal::SIGSETXID);
    t.start_mask.set(start);
    // Registered before it runs: a detached thread may end (and take itself
    // out) before `clone` has returned here.
    super::registry::Locked::new().insert(t);
    let tid_ptr = t.tid.as_ptr();
    let tls = crate::arch::clone::clone_tls(tp);
    // SAFETY: the stack top and TLS belong to the new thread alone; its
    // entry never returns; `tls` outlives the call.
    let r = unsafe {
        __muslin_clone(
            thread_entry,
            top,
            CLONE_FLAGS as usize,
            (t as *const ThreadDescriptor).cast_mut().cast(),
            tid_ptr,
            tls.as_arg(),
            tid_ptr,
        )
    };
    if r < 0 {
        super::registry::Locked::new().remove(t);
    }
    let _ = sigsys::rt_sigprocmask(g::SIG_SETMASK as i32, Some(&old), None);
    super::setxid::read_exit();
    if r < 0 {
        OTHER_THREADS.fetch_sub(1, Ordering::AcqRel);
        // SAFETY: the thread never started; the mapping is ours.
        let _ = unsafe { mm::munmap(base, size) };
        return Err(Errno::EAGAIN);
    }
    Ok(t)
}

/// Waits until thread `t` has exited (the kernel cleared its tid).
/// `cancellable`: as a cancellation point, `ECANCELED` when it acts.
pub(crate) fn wait_exit(t: &ThreadDescriptor, cancellable: bool) -> Result<()> {
    if cancellable {
        super::cancel::testcancel()?;
    }
    loop {
        let tid = t.tid.load(Ordering::Acquire);
        if tid == 0 {
            return Ok(());
        }
        // The kernel's wake at thread exit is a shared (non-private) futex wake.
        let r = if cancellable {
            futex::wait_cp(&t.tid, tid, futex::Timeout::Forever, false)
        } else {
            futex::wait(&t.tid, tid, futex::Timeout::Forever, false)
        };
        if r == Err(Errno::ECANCELED) {
            return r;
        }
    }
}

/// Frees an exited, joined thread's memory; returns its exit value. Its
/// handle is invalid from here on: the registry forgets it before the
/// memory goes.
pub(crate) fn reclaim(t: &'static ThreadDescriptor) -> *mut c_void {
    let result = t.result.get();
    let (base, size) = (t.map_base.get(), t.map_size.get());
    super::registry::Locked::new().remove(t);
    if !base.is_null() {
        // SAFETY: the thread has exited (tid cleared) and nobody else refers
        // to its mapping, which holds `t` itself: `t` is not used after this.
        let _ = unsafe { mm::munmap(base, size) };
    }
    result
}

/// `pthread_join`: waits for the thread `t` names (a cancellation point),
/// frees it and returns its exit value. `EDEADLK` for the calling thread
/// itself, `EINVAL` for a detached one or one another thread is joining,
/// `ESRCH` for one that was joined or that ended detached.
pub fn join(t: *const ThreadDescriptor) -> Result<*mut c_void> {
    if core::ptr::eq(t, super::current()) {
        return Err(Errno::EDEADLK);
    }
    let reg = super::registry::Locked::new();
    let t = reg.find(t).ok_or(Errno::ESRCH)?;
    if t.claimed.get() || t.detach_state.load(Ordering::Acquire) == DETACHED {
        return Err(Errno::EINVAL);
    }
    // Ours now: nobody else joins, detaches or frees it.
    t.claimed.set(true);
    drop(reg);
    if let Err(e) = wait_exit(t, true) {
        // Cancelled: the thread stays joinable (POSIX).
        let reg = super::registry::Locked::new();
        t.claimed.set(false);
        drop(reg);
        return Err(e);
    }
    Ok(reclaim(t))
}

/// `pthread_detach`: the thread `t` names frees itself when it exits (or
/// now, if it already is exiting). `EINVAL` if already detached or being
/// joined, `ESRCH` for one that was joined or that ended detached.
pub fn detach(t: *const ThreadDescriptor) -> Result<()> {
    let reg = super::registry::Locked::new();
    let me = super::current();
    // The calling thread may not be registered yet (no thread created).
    let t = if core::ptr::eq(t, me) {
        me
    } else {
        reg.find(t).ok_or(Errno::ESRCH)?
    };
    if t.claimed.get() {
        return Err(Errno::EINVAL);
    }
    match t
        .detach_state
        .compare_exchange(JOINABLE, DETACHED, Ordering::AcqRel, Ordering::Acquire)
    {
        Ok(_) => Ok(()),
        Err(EXITING) => {
            // It is on its way out and will not free itself: do it for it.
            t.claimed.set(true);
            drop(reg);
            let _ = wait_exit(t, false);
            reclaim(t);
            Ok(())
        }
        Err(_) => Err(Errno::EINVAL),
    }
}
