//! What every Rust test program shares: one line per case (`ok NAME` or
//! `FAIL NAME: why`) and an exit status that says whether any case failed.
#![allow(dead_code)]

use core::sync::atomic::{AtomicBool, Ordering};

static FAILED: AtomicBool = AtomicBool::new(false);

/// Records case `name`: passes when `ok`; otherwise prints `detail`.
pub fn check(name: &str, ok: bool, detail: core::fmt::Arguments<'_>) {
    if ok {
        muslin::println!("ok {name}");
    } else {
        FAILED.store(true, Ordering::Relaxed);
        muslin::println!("FAIL {name}: {detail}");
    }
}

/// Records case `name` comparing two values.
pub fn check_eq<T: PartialEq + core::fmt::Debug>(name: &str, got: T, want: T) {
    let ok = got == want;
    check(name, ok, format_args!("got {got:?}, want {want:?}"));
}

/// The exit status: 0 when every case passed.
pub fn status() -> i32 {
    FAILED.load(Ordering::Relaxed) as i32
}
