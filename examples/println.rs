//! `println!` through muslin's buffered standard output: core::fmt and
//! stdio, no allocation, no threads.
#![no_std]
#![no_main]

fn run() -> i32 {
    muslin::println!("hello {}", 42);
    0
}

muslin::main!(run);
