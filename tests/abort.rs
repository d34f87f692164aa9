//! `abort` ends the process with SIGABRT even when a handler catches it and
//! returns. x.py expects death by signal 6:
//!
//! expect-status: signal 6
//! expect-stdout: "handler ran\n"
#![no_std]
#![no_main]

use core::ffi::c_int;
use muslin::signal::{self, SigAction};

extern "C" fn returns(_: c_int) {
    // A raw write: buffered stdout would die unflushed with the process.
    let _ = muslin::syscall::fd::write_all(muslin::syscall::fd::STDOUT, b"handler ran\n");
}

fn run() -> i32 {
    let act = SigAction::handler(returns, 0);
    signal::sigaction(linux_raw_sys::general::SIGABRT as c_int, Some(&act), None).unwrap();
    muslin::process::abort()
}

muslin::main!(run);
