//! The Rust synchronisation API: `Mutex<T>` under contention, `try_lock`,
//! and `Condvar` notify_one / notify_all / timed and cancellable waits, with
//! threads from `muslin::thread::spawn`.
#![no_std]
#![no_main]

mod common;
use common::{check, check_eq, status};
use core::sync::atomic::{AtomicU32, Ordering::SeqCst};
use muslin::thread::spawn;
use muslin::thread::sync::{Condvar, Mutex};
use muslin::time::{self, CLOCK_MONOTONIC, CLOCK_REALTIME, Timespec};

const THREADS: usize = 4;
const ITERS: u64 = 10_000;

fn now(clock: i32) -> i128 {
    time::clock_gettime(clock).expect("clock").as_nanos()
}

fn at(ns: i128) -> Timespec {
    Timespec::new((ns / 1_000_000_000) as i64, (ns % 1_000_000_000) as _)
}

fn sleep_ms(ms: i64) {
    let _ = time::nanosleep(&Timespec::new(0, (ms * 1_000_000) as _));
}

/// Waits (yielding) until `f` holds or about 10 s pass.
fn until(f: impl Fn() -> bool) -> bool {
    let end = now(CLOCK_MONOTONIC) + 10_000_000_000;
    while !f() {
        if now(CLOCK_MONOTONIC) > end {
            return false;
        }
        muslin::thread::yield_now();
    }
    true
}

static COUNTER: Mutex<u64> = Mutex::new(0);

fn mutex_contention() {
    let handles: [_; THREADS] = core::array::from_fn(|_| {
        spawn(|| {
            for i in 0..ITERS {
                let mut g = COUNTER.lock();
                let v = *g;
                if i % 1000 == 0 {
                    muslin::thread::yield_now();
                }
                *g = v + 1;
            }
        })
        .expect("spawn")
    });
    for h in handles {
        let _ = h.join();
    }
    check_eq(
        "Mutex 4 threads x 10000 increments",
        *COUNTER.lock(),
        THREADS as u64 * ITERS,
    );
}

static HELD: Mutex<i32> = Mutex::new(5);

fn try_lock() {
    let g = HELD.lock();
    check(
        "try_lock while held is None",
        HELD.try_lock().is_none(),
        format_args!("got a guard"),
    );
    let other = spawn(|| HELD.try_lock().is_none()).expect("spawn").join();
    check_eq("try_lock from another thread while held", other, Ok(true));
    drop(g);
    match HELD.try_lock() {
        Some(mut g) => {
            *g += 1;
            check_eq("try_lock when free", *g, 6);
        }
        None => check("try_lock when free", false, format_args!("None")),
    }
    let mut m = Mutex::new([1u8, 2, 3]);
    m.get_mut()[0] = 9;
    check_eq("get_mut and into_inner", m.into_inner(), [9, 2, 3]);
}

static FLAG: Mutex<bool> = Mutex::new(false);
static FLAG_CV: Condvar = Condvar::new();
static WAITING: AtomicU32 = AtomicU32::new(0);
static WOKEN: AtomicU32 = AtomicU32::new(0);

fn wait_for_flag() {
    let mut g = FLAG.lock();
    WAITING.fetch_add(1, SeqCst);
    while !*g {
        g = FLAG_CV.wait(g);
    }
    WOKEN.fetch_add(1, SeqCst);
}

fn condvar_notify() {
    let h = spawn(wait_for_flag).expect("spawn");
    check(
        "one waiter waiting",
        until(|| WAITING.load(SeqCst) == 1),
        format_args!("timeout"),
    );
    sleep_ms(20);
    *FLAG.lock() = true;
    FLAG_CV.notify_one();
    let _ = h.join();
    check_eq("notify_one wakes the waiter", WOKEN.load(SeqCst), 1);

    *FLAG.lock() = false;
    WAITING.store(0, SeqCst);
    WOKEN.store(0, SeqCst);
    let handles: [_; THREADS] = core::array::from_fn(|_| spawn(wait_for_flag).expect("spawn"));
    check(
        "4 waiters waiting",
        until(|| WAITING.load(SeqCst) == THREADS as u32),
        format_args!("timeout"),
    );
    sleep_ms(20);
    {
        let mut g = FLAG.lock();
        *g = true;
        FLAG_CV.notify_all();
    }
    for h in handles {
        let _ = h.join();
    }
    check_eq("notify_all wakes all 4", WOKEN.load(SeqCst), THREADS as u32);
}

static TURN: Mutex<(u32, u32)> = Mutex::new((0, 0));
static TURN_CV: Condvar = Condvar::new();

fn ping_pong(me: u32) {
    for _ in 0..2000 {
        let mut g = TURN.lock();
        while g.0 != me {
            g = TURN_CV.wait(g);
        }
        g.0 = 1 - me;
        g.1 += 1;
        TURN_CV.notify_one();
    }
}

fn condvar_pingpong() {
    let a = spawn(|| ping_pong(0)).expect("spawn");
    let b = spawn(|| ping_pong(1)).expect("spawn");
    let _ = (a.join(), b.join());
    check_eq("Condvar ping-pong 4000 turns", TURN.lock().1, 4000);
}

static TIMED: Mutex<()> = Mutex::new(());
static TIMED_CV: Condvar = Condvar::new();

fn condvar_timed() {
    let cases = [
        (
            CLOCK_MONOTONIC,
            [
                "wait_until MONOTONIC times out",
                "wait_until MONOTONIC waited about 100ms",
                "wait_until MONOTONIC unlocks after",
            ],
        ),
        (
            CLOCK_REALTIME,
            [
                "wait_until REALTIME times out",
                "wait_until REALTIME waited about 100ms",
                "wait_until REALTIME unlocks after",
            ],
        ),
    ];
    for (clock, [timeout, waited, unlocked]) in cases {
        let g = TIMED.lock();
        let start = now(CLOCK_MONOTONIC);
        let (g, timed_out) = TIMED_CV.wait_until(g, clock, &at(now(clock) + 100_000_000));
        let took = now(CLOCK_MONOTONIC) - start;
        check(timeout, timed_out, format_args!("did not time out"));
        check(
            waited,
            (95_000_000..3_000_000_000).contains(&took),
            format_args!("took {took} ns"),
        );
        drop(g);
        check(
            unlocked,
            TIMED.try_lock().is_some(),
            format_args!("mutex left locked"),
        );
    }
    let g = TIMED.lock();
    let (g, timed_out) = TIMED_CV.wait_until(g, CLOCK_MONOTONIC, &Timespec::new(1, 2_000_000_000));
    check(
        "wait_until malformed deadline counts as passed",
        timed_out,
        format_args!("waited"),
    );
    drop(g);
}

static CANCEL: Mutex<u32> = Mutex::new(0);
static CANCEL_CV: Condvar = Condvar::new();
static CANCEL_IN: AtomicU32 = AtomicU32::new(0);

fn condvar_cancel() {
    let h = spawn(|| {
        let g = CANCEL.lock();
        CANCEL_IN.store(1, SeqCst);
        let mut g = Some(g);
        loop {
            match CANCEL_CV.wait_cancellable(g.take().expect("guard")) {
                Ok(back) => g = Some(back),
                Err(e) => return Some(e),
            }
        }
    })
    .expect("spawn");
    check(
        "cancellable waiter waiting",
        until(|| CANCEL_IN.load(SeqCst) == 1),
        format_args!("timeout"),
    );
    sleep_ms(30);
    h.cancel();
    let r = h.join();
    check(
        "wait_cancellable ends a cancelled thread",
        r.is_err(),
        format_args!("{r:?}"),
    );
    check(
        "mutex free after a cancelled wait",
        CANCEL.try_lock().is_some(),
        format_args!("still locked"),
    );
}

fn run() -> i32 {
    mutex_contention();
    try_lock();
    condvar_notify();
    condvar_pingpong();
    condvar_timed();
    condvar_cancel();
    status()
}

muslin::main!(run);
