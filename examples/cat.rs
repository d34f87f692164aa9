//! cat: copies the files named on the command line, or standard input, to
//! standard output. A file that cannot be opened is reported on standard
//! error (`cat: NAME: message`) and makes the exit status 1.
#![no_std]
#![no_main]

use core::ffi::CStr;
use muslin::syscall::fd::{self, Fd, STDERR, STDIN, STDOUT};
use muslin::{Errno, env};

fn copy(from: Fd) -> Result<(), Errno> {
    let mut buf = [0u8; 4096];
    loop {
        match fd::read(from, &mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => fd::write_all(STDOUT, &buf[..n])?,
            Err(e) if e == Errno::EINTR => {}
            Err(e) => return Err(e),
        }
    }
}

fn report(name: &CStr, e: Errno) {
    for part in [
        b"cat: ".as_slice(),
        name.to_bytes(),
        b": ",
        e.message().as_bytes(),
        b"\n",
    ] {
        let _ = fd::write_all(STDERR, part);
    }
}

fn run() -> i32 {
    let mut status = 0;
    if env::argc() <= 1
        && let Err(e) = copy(STDIN)
    {
        report(c"-", e);
        status = 1;
    }
    for name in env::args().skip(1) {
        let result = if name.to_bytes() == b"-" {
            copy(STDIN)
        } else {
            fd::open(name, fd::O_RDONLY | fd::O_CLOEXEC, 0).and_then(|f| copy(f.fd()))
        };
        if let Err(e) = result {
            report(name, e);
            status = 1;
        }
    }
    status
}

muslin::main!(run);
