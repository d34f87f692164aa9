//! Main-thread static TLS: initialised, zeroed and 64-byte-aligned
//! variables, and the thread descriptor found through the thread pointer.
#![no_std]
#![no_main]
#![feature(thread_local)]

mod common;
use common::{check, check_eq, status};

#[thread_local]
static mut INITIALISED: u64 = 0x1122_3344_5566_7788;
#[thread_local]
static mut ZEROED: [u32; 16] = [0; 16];

#[repr(align(64))]
struct Aligned([u8; 64]);
#[thread_local]
static mut ALIGNED: Aligned = Aligned([0x5a; 64]);

/// Bytes that differ from their neighbours, so that a copy that slips by
/// one shows.
const fn pattern() -> [u8; 700] {
    let mut a = [0u8; 700];
    let mut i = 0;
    while i < a.len() {
        a[i] = (i * 7 + 3) as u8;
        i += 1;
    }
    a
}
/// Larger than 256 bytes: s390x copies the image in 256-byte blocks and a
/// remainder (arch/s390x/copy.rs), and this makes it do both.
#[thread_local]
static mut LARGE: [u8; 700] = pattern();

fn run() -> i32 {
    // SAFETY: single-threaded; the TLS variables are only touched here.
    unsafe {
        check_eq("tdata initialised", INITIALISED, 0x1122_3344_5566_7788);
        let zeroed = ZEROED;
        check(
            "tbss zeroed",
            zeroed.iter().all(|&x| x == 0),
            format_args!("{zeroed:?}"),
        );
        let a = (&raw const ALIGNED) as usize;
        check(
            "64-byte aligned",
            a.is_multiple_of(64),
            format_args!("{a:#x}"),
        );
        let aligned = ALIGNED.0;
        check(
            "aligned initialised",
            aligned.iter().all(|&x| x == 0x5a),
            format_args!("bad bytes"),
        );
        let large = LARGE;
        let bad = large.iter().zip(pattern()).position(|(&x, y)| x != y);
        check(
            "large tdata initialised",
            bad.is_none(),
            format_args!("first bad byte {bad:?}"),
        );
        INITIALISED += 1;
        ZEROED[15] = 7;
        ALIGNED.0[63] = 1;
        check_eq("tdata writable", INITIALISED, 0x1122_3344_5566_7789);
        check_eq("tbss writable", ZEROED[15], 7);
        check_eq("aligned writable", ALIGNED.0[63], 1);
    }
    let t = muslin::thread::current();
    check_eq(
        "tid from set_tid_address",
        t.tid(),
        muslin::syscall::process::gettid(),
    );
    check(
        "errno location stable",
        t.errno_location() == muslin::thread::current().errno_location(),
        format_args!("moved"),
    );
    status()
}

muslin::main!(run);
