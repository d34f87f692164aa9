//! Threads from Rust: spawn/join with results, 64 threads with their own
//! TLS and errno, and cancellation as a value: a thread blocked in `read`
//! gets `Err(ECANCELED)`, its destructors run as `?` unwinds it, every later
//! cancellable call fails the same way, and `join` reports `Canceled`. A C
//! cancellation point in a Rust thread shares the same flag and thunk and
//! ends the thread the C way.
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
    status()
}

muslin::main!(run);
