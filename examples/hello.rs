//! The smallest muslin program: one `write`, no formatting, no threads.
#![no_std]
#![no_main]

use muslin::syscall::fd::{STDOUT, write_all};

fn run() -> i32 {
    match write_all(STDOUT, b"hello, world\n") {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

muslin::main!(run);
