//! The printf engine on its own: formats with run-time format strings (so
//! the whole engine, floating point included, is linked) and writes to
//! standard output. `./x.py size` shows what the engine costs.
#![no_std]
#![no_main]

use muslin::fmt::Sink;
use muslin::fmt::printf::{SliceArgs, format};
use muslin::syscall::fd::{STDOUT, write_all};

/// Unbuffered standard output.
struct Out;

impl Sink for Out {
    fn write(&mut self, bytes: &[u8]) {
        let _ = write_all(STDOUT, bytes);
    }
}

fn run() -> i32 {
    // Opaque to the optimiser, as a C program's format would be.
    let fmt: &[u8] = core::hint::black_box(b"hello %d\n");
    let ok = format(&mut Out, fmt, &mut SliceArgs::new(&[42])).is_ok();
    let fmt: &[u8] = core::hint::black_box(b"%.5f %g %a\n");
    let pi = core::f64::consts::PI.to_bits();
    let ok = ok && format(&mut Out, fmt, &mut SliceArgs::new(&[pi, pi, pi])).is_ok();
    if ok { 0 } else { 1 }
}

muslin::main!(run);
