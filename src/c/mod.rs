//! The C ABI: POSIX names with C signatures, declared by the headers in
//! `include/`. Each function converts its arguments, calls the typed Rust
//! layer, and reports errors through the calling thread's `errno`.

mod errno;
mod fcntl;
mod mman;
mod pthread;
mod pthread_sync;
mod semaphore;
mod signal;
mod stat;
mod stdlib;
mod string;
mod time;
mod unistd;

use crate::errno::Result;
use core::ffi::c_int;

/// `Ok(v)` → `v`; `Err(e)` → sets `errno`, returns `-1`.
fn ret_int(r: Result<c_int>) -> c_int {
    r.unwrap_or_else(|e| {
        e.set_last();
        -1
    })
}

/// `Ok(())` → `0`; `Err(e)` → sets `errno`, returns `-1`.
fn ret_zero(r: Result<()>) -> c_int {
    ret_int(r.map(|()| 0))
}

/// `Ok(n)` → `n`; `Err(e)` → sets `errno`, returns `-1`.
fn ret_size(r: Result<usize>) -> isize {
    r.map_or_else(
        |e| {
            e.set_last();
            -1
        },
        |n| n as isize,
    )
}
