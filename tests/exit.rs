//! Constructors, `atexit` handlers (last registered first), destructors and
//! the exit status. x.py checks the exact output and status:
//!
//! expect-status: 42
//! expect-stdout: "ctor\n" "main\n" "atexit 2\n" "atexit 1\n" "fini\n"
#![no_std]
#![no_main]

use muslin::println;

extern "C" fn ctor() {
    println!("ctor");
}
extern "C" fn dtor() {
    println!("fini");
}
extern "C" fn first() {
    println!("atexit 1");
}
extern "C" fn second() {
    println!("atexit 2");
}

#[used]
#[unsafe(link_section = ".init_array")]
static CTOR: extern "C" fn() = ctor;
#[used]
#[unsafe(link_section = ".fini_array")]
static DTOR: extern "C" fn() = dtor;

fn run() -> i32 {
    println!("main");
    muslin::process::atexit(first).unwrap();
    muslin::process::atexit(second).unwrap();
    muslin::process::exit(42)
}

muslin::main!(run);
