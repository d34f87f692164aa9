//! Threads from Rust: spawn/join with results, 64 threads with their own
//! TLS and errno, and cancellation as a value: a thread blocked in `read`
//! gets `Err(ECANCELED)`, its destructors run as `?` unwinds it, every later
//! cancellable call fails the same way, and `join` reports `Canceled`. A C
//! cancellation point in a Rust thread shares the same flag and thunk and
//! ends the thread the C way. A thread's result is dropped exactly once,
//! whoever lets go of it last: the joiner, the dropped handle, or the
//! detached thread itself (a returned descriptor gets closed).
#![no_std]
#![no_main]
#![feature(thread_local)]

mod common;
use common::{check, check_eq, status};
use core::cell::Cell;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicI32, Ordering::SeqCst};
use muslin::Errno;
use muslin::syscall::fd::{self, Fd};
use muslin::syscall::process;
use muslin::thread::{self, Canceled};
use muslin::time::{self, Timespec};

#[thread_local]
static TLS: Cell<u64> = Cell::new(7);

static DROPPED: AtomicBool = AtomicBool::new(false);
static READ_FD: AtomicI32 = AtomicI32::new(-1);
static READY: AtomicBool = AtomicBool::new(false);

unsafe extern "C" {
    fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize;
}

struct Guard;
impl Drop for Guard {
    fn drop(&mut self) {
        DROPPED.store(true, SeqCst);
    }
}

/// Blocks in read until cancelled; `?` carries the cancellation out.
fn blocked_reader() -> Result<u32, Errno> {
    let _guard = Guard;
    let mut b = [0u8; 1];
    READY.store(true, SeqCst);
    fd::read(Fd(READ_FD.load(SeqCst)), &mut b)?;
    Ok(1)
}

/// Counts its drops and remembers the thread that dropped it.
struct Counted;
static DROPS: AtomicI32 = AtomicI32::new(0);
static DROPPED_BY: AtomicI32 = AtomicI32::new(0);
impl Drop for Counted {
    fn drop(&mut self) {
        DROPPED_BY.store(process::gettid(), SeqCst);
        DROPS.fetch_add(1, SeqCst);
    }
}

/// Lets the threads of the result-dropping cases return.
static GO: AtomicBool = AtomicBool::new(false);

/// Blocks (politely) until the main thread sets `GO`.
fn wait_go() {
    while !GO.load(SeqCst) {
        let _ = time::nanosleep(&Timespec::new(0, 1_000_000));
    }
}

/// Polls `cond` for up to five seconds; whether it came true.
fn wait_until(cond: impl Fn() -> bool) -> bool {
    for _ in 0..5000 {
        if cond() {
            return true;
        }
        let _ = time::nanosleep(&Timespec::new(0, 1_000_000));
    }
    cond()
}

/// Waits until thread `tid` is gone from the kernel (a detached thread has
/// no handle left to ask).
fn wait_gone(tid: c_int) -> bool {
    wait_until(|| process::tgkill(process::getpid(), tid, 0) == Err(Errno::ESRCH))
}

const F_GETFD: c_int = linux_raw_sys::general::F_GETFD as c_int;

/// Whether `fd` is closed: `F_GETFD` fails with `EBADF`.
fn is_closed(fd: Fd) -> bool {
    fd::fcntl(fd, F_GETFD, 0) == Err(Errno::EBADF)
}

/// Reads a byte from pipe end `fd` (0: the write end is closed), if
/// `closed` says the read cannot block.
fn read_if(closed: bool, fd: Fd) -> Result<usize, Errno> {
    if closed {
        fd::read(fd, &mut [0u8; 1])
    } else {
        Err(Errno::EBADF)
    }
}

/// The result of a thread is dropped exactly once, by whoever lets go of
/// it last.
fn results_dropped_once() {
    let me = process::gettid();

    // The handle goes first: the detached thread drops its own result.
    DROPS.store(0, SeqCst);
    GO.store(false, SeqCst);
    let h = thread::spawn(|| {
        wait_go();
        Counted
    })
    .unwrap();
    let tid = h.tid();
    drop(h);
    let early = DROPS.load(SeqCst);
    GO.store(true, SeqCst);
    let signalled = wait_until(|| DROPS.load(SeqCst) != 0);
    let gone = wait_gone(tid);
    check_eq(
        "detached thread drops its result once, itself",
        (
            early,
            signalled,
            gone,
            DROPS.load(SeqCst),
            DROPPED_BY.load(SeqCst),
        ),
        (0, true, true, 1, tid),
    );

    // The thread finishes first: dropping the handle drops the result.
    DROPS.store(0, SeqCst);
    let h = thread::spawn(|| Counted).unwrap();
    let exited = wait_until(|| h.tid() == 0);
    let before = DROPS.load(SeqCst);
    drop(h);
    check_eq(
        "handle dropped after the thread finished drops its result once",
        (exited, before, DROPS.load(SeqCst), DROPPED_BY.load(SeqCst)),
        (true, 0, 1, me),
    );

    // Joined: the caller owns the result.
    DROPS.store(0, SeqCst);
    let r = thread::spawn(|| Counted).unwrap().join();
    let before = DROPS.load(SeqCst);
    let ok = r.is_ok();
    drop(r);
    check_eq(
        "joined result is the caller's, dropped once",
        (ok, before, DROPS.load(SeqCst), DROPPED_BY.load(SeqCst)),
        (true, 0, 1, me),
    );

    // Cancelled, yet the closure returned a value: join drops it.
    DROPS.store(0, SeqCst);
    READY.store(false, SeqCst);
    let h = thread::spawn(|| {
        let _ = blocked_reader();
        Counted
    })
    .unwrap();
    wait_ready();
    h.cancel();
    let canceled = matches!(h.join(), Err(Canceled));
    check_eq(
        "cancelled thread's returned value is dropped once by join",
        (canceled, DROPS.load(SeqCst)),
        (true, 1),
    );

    // Ended the C way: no result, nothing to drop, handle dropped.
    DROPS.store(0, SeqCst);
    READY.store(false, SeqCst);
    let h = thread::spawn(|| {
        READY.store(true, SeqCst);
        let mut b = 0u8;
        // SAFETY: a valid one-byte buffer.
        unsafe { read(READ_FD.load(SeqCst), (&raw mut b).cast(), 1) };
        Counted
    })
    .unwrap();
    wait_ready();
    let tid = h.tid();
    h.cancel();
    drop(h);
    let gone = wait_gone(tid);
    check_eq(
        "detached thread ended by C cancellation has no result to drop",
        (gone, DROPS.load(SeqCst)),
        (true, 0),
    );

    // A returned descriptor is closed, handle dropped first.
    let (r, w) = fd::pipe2(fd::O_CLOEXEC).unwrap();
    let raw = w.fd();
    GO.store(false, SeqCst);
    let h = thread::spawn(move || {
        wait_go();
        w
    })
    .unwrap();
    drop(h);
    let open = !is_closed(raw);
    GO.store(true, SeqCst);
    let closed = wait_until(|| is_closed(raw));
    let eof = read_if(closed, r.fd());
    check_eq(
        "detached thread's returned descriptor is closed",
        (open, closed, eof),
        (true, true, Ok(0)),
    );

    // And handle dropped after the thread finished.
    let (r, w) = fd::pipe2(fd::O_CLOEXEC).unwrap();
    let raw = w.fd();
    let h = thread::spawn(move || w).unwrap();
    let exited = wait_until(|| h.tid() == 0);
    let open = !is_closed(raw);
    drop(h);
    let closed = is_closed(raw);
    let eof = read_if(closed, r.fd());
    check_eq(
        "finished thread's returned descriptor is closed with its handle",
        (exited, open, closed, eof),
        (true, true, true, Ok(0)),
    );
}

fn wait_ready() {
    while !READY.load(SeqCst) {
        thread::yield_now();
    }
    let _ = time::nanosleep(&Timespec::new(0, 20_000_000));
}

fn run() -> i32 {
    let h = thread::spawn(|| 6 * 7).unwrap();
    check_eq("spawn and join", h.join(), Ok(42));

    let mut handles = [const { None }; 64];
    for (i, slot) in handles.iter_mut().enumerate() {
        *slot = Some(
            thread::spawn(move || {
                let fresh = TLS.get() == 7;
                TLS.set(i as u64);
                let want = if i % 2 == 0 {
                    Errno::EBADF
                } else {
                    Errno::ENOENT
                };
                let mut ok = fresh;
                for _ in 0..50 {
                    let got = if i % 2 == 0 {
                        fd::read(Fd(-1), &mut [0u8; 1]).map(drop)
                    } else {
                        fd::open(c"/nonexistent/muslin", 0, 0).map(drop)
                    };
                    ok &= got == Err(want) && TLS.get() == i as u64;
                    thread::yield_now();
                }
                ok
            })
            .unwrap(),
        );
    }
    let all = handles
        .iter_mut()
        .all(|h| h.take().unwrap().join() == Ok(true));
    check(
        "64 threads keep their own TLS and errors",
        all,
        format_args!("a thread saw another's state"),
    );
    check_eq("main TLS untouched", TLS.get(), 7);

    let (r, _w) = fd::pipe2(fd::O_CLOEXEC).unwrap();
    READ_FD.store(r.fd().0, SeqCst);
    let h = thread::spawn(|| {
        let first = blocked_reader();
        // Every later cancellable call reports the cancellation too.
        let later = fd::write(fd::STDOUT, b"");
        let sleep = time::nanosleep(&Timespec::new(0, 1));
        (first, later, sleep.map_err(|(e, _)| e))
    })
    .unwrap();
    wait_ready();
    h.cancel();
    check_eq(
        "cancelled thread's join reports Canceled",
        h.join(),
        Err(Canceled),
    );
    check(
        "RAII cleanup ran",
        DROPPED.load(SeqCst),
        format_args!("guard not dropped"),
    );

    // Descriptors owned by a cancelled thread are closed as `?` unwinds it:
    // dropping an OwnedFd must not itself be cancelled (and leak).
    static OWNED: [AtomicI32; 2] = [const { AtomicI32::new(-1) }; 2];
    READY.store(false, SeqCst);
    let h = thread::spawn(|| {
        let (a, b) = fd::pipe2(fd::O_CLOEXEC)?;
        OWNED[0].store(a.fd().0, SeqCst);
        OWNED[1].store(b.fd().0, SeqCst);
        blocked_reader()
    })
    .unwrap();
    wait_ready();
    h.cancel();
    let _ = h.join();
    let owned = [OWNED[0].load(SeqCst), OWNED[1].load(SeqCst)];
    check(
        "descriptors dropped while a cancelled thread unwinds are closed",
        owned[0] >= 0 && owned.iter().all(|&n| is_closed(Fd(n))),
        format_args!("fds {owned:?} still open"),
    );

    // See the values the thread saw, through a thread that is not joined
    // as cancelled: record them in statics instead.
    static SAW: [AtomicI32; 3] = [const { AtomicI32::new(0) }; 3];
    READY.store(false, SeqCst);
    let h = thread::spawn(|| {
        let codes = [
            blocked_reader().map(drop),
            fd::write(fd::STDOUT, b"").map(drop),
            time::nanosleep(&Timespec::new(0, 1)).map_err(|(e, _)| e),
        ];
        for (slot, c) in SAW.iter().zip(codes) {
            slot.store(c.err().map_or(0, Errno::raw), SeqCst);
        }
    })
    .unwrap();
    wait_ready();
    h.cancel();
    let _ = h.join();
    let saw = [
        SAW[0].load(SeqCst),
        SAW[1].load(SeqCst),
        SAW[2].load(SeqCst),
    ];
    let c = Errno::ECANCELED.raw();
    check_eq(
        "read, then write and nanosleep all return ECANCELED",
        saw,
        [c, c, c],
    );

    // A C cancellation point in a Rust thread: same flag, C semantics.
    READY.store(false, SeqCst);
    let h = thread::spawn(|| {
        READY.store(true, SeqCst);
        let mut b = 0u8;
        // SAFETY: a valid one-byte buffer.
        unsafe { read(READ_FD.load(SeqCst), (&raw mut b).cast(), 1) };
        1u32
    })
    .unwrap();
    wait_ready();
    h.cancel();
    check_eq(
        "C read in a Rust thread is cancelled the C way",
        h.join(),
        Err(Canceled),
    );

    // Dropping a handle detaches; the thread still runs to its end.
    static DETACHED_RAN: AtomicBool = AtomicBool::new(false);
    drop(thread::spawn(|| DETACHED_RAN.store(true, SeqCst)).unwrap());
    for _ in 0..10000 {
        if DETACHED_RAN.load(SeqCst) {
            break;
        }
        let _ = time::nanosleep(&Timespec::new(0, 1_000_000));
    }
    check(
        "dropped handle detaches, thread runs",
        DETACHED_RAN.load(SeqCst),
        format_args!("never ran"),
    );

    results_dropped_once();
    status()
}

muslin::main!(run);
