//! Signals: delivery and return through the restorer, siginfo, blocked then
//! pending, SA_RESTART versus EINTR on an interrupted read, the reserved
//! signals, and the interrupted PC/SP in the handler's ucontext (the offsets
//! the cancellation handler depends on), including PC redirection.
#![no_std]
#![no_main]

mod common;
use common::{check, check_eq, status};
use core::ffi::{c_int, c_long, c_void};
use core::sync::atomic::{AtomicI32, AtomicUsize, Ordering::SeqCst};
use linux_raw_sys::general::{
    SA_RESTART, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIGALRM, SIGSEGV, SIGUSR1, SIGUSR2,
};
use muslin::Errno;
use muslin::signal::{self, SigAction, Sigset, context};
use muslin::syscall::fd::{self, Fd};

static HITS: AtomicI32 = AtomicI32::new(0);
static INFO: [AtomicI32; 3] = [const { AtomicI32::new(0) }; 3];
static PC: AtomicUsize = AtomicUsize::new(0);
static SP: AtomicUsize = AtomicUsize::new(0);
static PIPE_W: AtomicI32 = AtomicI32::new(-1);

extern "C" fn count(_: c_int) {
    HITS.fetch_add(1, SeqCst);
}

extern "C" fn record_info(_: c_int, info: *mut c_void, _: *mut c_void) {
    let info = info.cast::<c_int>();
    // SAFETY: the kernel passes a siginfo_t, whose first three ints are
    // si_signo, si_errno, si_code on every arch muslin supports.
    unsafe {
        for (i, slot) in INFO.iter().enumerate() {
            slot.store(*info.add(i), SeqCst);
        }
    }
}

extern "C" fn alarm_writes(_: c_int) {
    HITS.fetch_add(1, SeqCst);
    let _ = fd::write(Fd(PIPE_W.load(SeqCst)), b"x");
}

extern "C" fn redirect(_: c_int, _: *mut c_void, uc: *mut c_void) {
    // SAFETY: uc is this handler's ucontext.
    unsafe {
        PC.store(context::pc(uc), SeqCst);
        SP.store(context::sp(uc), SeqCst);
        context::set_pc(uc, context::probe::resume_address());
    }
}

/// setitimer(ITIMER_REAL) firing once after `usec` microseconds.
fn alarm_in(usec: c_long) {
    let it: [c_long; 4] = [0, 0, 0, usec];
    // SAFETY: a valid old-style itimerval; no old value requested.
    let r = unsafe { muslin::syscall!(__NR_setitimer, 0, it.as_ptr(), 0) };
    muslin::syscall::ret(r).expect("setitimer");
}

fn install(sig: u32, act: &SigAction) {
    signal::sigaction(sig as c_int, Some(act), None).expect("sigaction");
}

fn run() -> i32 {
    install(SIGUSR1, &SigAction::handler(count, 0));
    let _ = signal::raise(SIGUSR1 as c_int);
    check_eq(
        "handler ran and returned through the restorer",
        HITS.load(SeqCst),
        1,
    );
    let _ = muslin::syscall::process::kill(muslin::syscall::process::getpid(), SIGUSR1 as c_int);
    check_eq("kill to self delivers", HITS.load(SeqCst), 2);

    let mut old = SigAction::default_action();
    signal::sigaction(SIGUSR1 as c_int, None, Some(&mut old)).unwrap();
    check_eq(
        "old action reported",
        old.handler,
        count as *const () as usize,
    );

    install(SIGUSR2, &SigAction::action(record_info, 0));
    let _ = signal::raise(SIGUSR2 as c_int);
    let info = [
        INFO[0].load(SeqCst),
        INFO[1].load(SeqCst),
        INFO[2].load(SeqCst),
    ];
    check_eq(
        "siginfo signo/errno/code (SI_TKILL)",
        info,
        [SIGUSR2 as c_int, 0, -6],
    );

    let mut set = Sigset::empty();
    set.insert(SIGUSR1 as c_int).unwrap();
    let mut before = Sigset::empty();
    signal::sigprocmask(SIG_BLOCK as c_int, Some(&set), Some(&mut before)).unwrap();
    let _ = signal::raise(SIGUSR1 as c_int);
    check_eq("blocked signal stays pending", HITS.load(SeqCst), 2);
    signal::sigprocmask(SIG_UNBLOCK as c_int, Some(&set), None).unwrap();
    check_eq("pending signal delivered on unblock", HITS.load(SeqCst), 3);

    // A read blocked on an empty pipe, interrupted by SIGALRM whose handler
    // writes one byte: with SA_RESTART the read resumes and gets it.
    let (r, w) = fd::pipe2(fd::O_CLOEXEC).unwrap();
    PIPE_W.store(w.fd().0, SeqCst);
    install(
        SIGALRM,
        &SigAction::handler(alarm_writes, SA_RESTART as c_int),
    );
    alarm_in(100_000);
    let mut b = [0u8; 1];
    let got = fd::read(r.fd(), &mut b);
    check_eq(
        "SA_RESTART read resumes",
        (got, b[0], HITS.load(SeqCst)),
        (Ok(1), b'x', 4),
    );
    install(SIGALRM, &SigAction::handler(alarm_writes, 0));
    alarm_in(100_000);
    let mut b = [0u8; 1];
    let got = fd::read(r.fd(), &mut b);
    check_eq(
        "read without SA_RESTART gives EINTR",
        got,
        Err(Errno::EINTR),
    );

    // The reserved signals.
    check_eq(
        "sigaction(SIGCANCEL) refused",
        signal::sigaction(signal::SIGCANCEL, Some(&SigAction::handler(count, 0)), None),
        Err(Errno::EINVAL),
    );
    let mut s = Sigset::empty();
    check_eq(
        "sigaddset(SIGCANCEL) refused",
        s.insert(signal::SIGCANCEL),
        Err(Errno::EINVAL),
    );
    check_eq(
        "sigfillset leaves SIGCANCEL out",
        Sigset::all_but_reserved().contains(signal::SIGCANCEL),
        Ok(false),
    );
    check_eq(
        "sigfillset has SIGRTMIN",
        Sigset::all_but_reserved().contains(signal::SIGRTMIN),
        Ok(true),
    );
    signal::sigprocmask(
        SIG_SETMASK as c_int,
        Some(&Sigset::all_including_reserved()),
        None,
    )
    .unwrap();
    let mut now = Sigset::empty();
    signal::sigprocmask(SIG_SETMASK as c_int, Some(&before), Some(&mut now)).unwrap();
    check_eq(
        "SIGCANCEL cannot be blocked",
        (
            now.contains(signal::SIGCANCEL),
            now.contains(SIGUSR1 as c_int),
        ),
        (Ok(false), Ok(true)),
    );

    // The interrupted PC: a load from address 0 at a known address.
    install(SIGSEGV, &SigAction::action(redirect, 0));
    let here = 0u8;
    // SAFETY: the SIGSEGV handler above redirects the probe to its resume label.
    let r = unsafe { context::probe::run() };
    check_eq("PC redirected by the handler", r, 7);
    check_eq(
        "PC is the faulting instruction",
        PC.load(SeqCst),
        context::probe::fault_address(),
    );
    let sp = SP.load(SeqCst);
    let local = &raw const here as usize;
    check(
        "SP is the interrupted stack",
        sp.abs_diff(local) < 65536,
        format_args!("sp {sp:#x}, a local at {local:#x}"),
    );
    status()
}

muslin::main!(run);
