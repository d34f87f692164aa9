//! Clocks and sleeping: monotonic never goes back, nanosleep sleeps at
//! least as long as asked, realtime is plausible, the vDSO is used when the
//! kernel maps one.
#![no_std]
#![no_main]

mod common;
use common::{check, status};
use muslin::env::auxv;
use muslin::time::{self, CLOCK_MONOTONIC, CLOCK_REALTIME, Timespec};

fn run() -> i32 {
    let a = time::clock_gettime(CLOCK_MONOTONIC).unwrap();
    let b = time::clock_gettime(CLOCK_MONOTONIC).unwrap();
    check(
        "monotonic does not go back",
        b.as_nanos() >= a.as_nanos(),
        format_args!("{a:?} then {b:?}"),
    );
    check(
        "tv_nsec in range",
        (0..1_000_000_000).contains(&a.tv_nsec),
        format_args!("{a:?}"),
    );
    let rt = time::clock_gettime(CLOCK_REALTIME).unwrap();
    check(
        "realtime after 2020",
        rt.tv_sec > 1_577_836_800,
        format_args!("{rt:?}"),
    );
    let t = time::time();
    check(
        "time() agrees",
        (t - rt.tv_sec).abs() <= 2,
        format_args!("{t} vs {}", rt.tv_sec),
    );
    check(
        "bad clock EINVAL",
        time::clock_gettime(12345) == Err(muslin::Errno::EINVAL),
        format_args!("accepted"),
    );
    let start = time::clock_gettime(CLOCK_MONOTONIC).unwrap();
    let r = time::nanosleep(&Timespec::new(0, 50_000_000));
    let slept = time::clock_gettime(CLOCK_MONOTONIC).unwrap().as_nanos() - start.as_nanos();
    check(
        "nanosleep 50ms",
        r.is_ok() && (50_000_000..5_000_000_000).contains(&slept),
        format_args!("{r:?} slept {slept}ns"),
    );
    let bad = time::nanosleep(&Timespec::new(0, 1_000_000_000));
    check(
        "nanosleep EINVAL",
        matches!(bad, Err((muslin::Errno::EINVAL, _))),
        format_args!("{bad:?}"),
    );
    let has_vdso = auxv::get(auxv::AT_SYSINFO_EHDR) != 0;
    check(
        "vDSO used iff mapped",
        time::uses_vdso() == has_vdso,
        format_args!("mapped {has_vdso}, used {}", time::uses_vdso()),
    );
    status()
}

muslin::main!(run);
