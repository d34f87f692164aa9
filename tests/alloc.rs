//! Rust's `alloc` through muslin's allocator: `Vec`, `String`, `Box`,
//! `format!`, over-aligned boxes, big vectors (direct mappings), and the
//! same from a spawned thread while the main thread allocates too.
#![no_std]
#![no_main]

extern crate alloc;

mod common;
use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use alloc::{format, vec};
use common::{check, check_eq, status};
use muslin::thread;

muslin::global_allocator!();

/// Allocation-heavy work whose result is easy to check: returns true when
/// everything it built read back as written.
fn churn(seed: u32) -> bool {
    let mut ok = true;
    let mut s = seed;
    let mut live: Vec<Vec<u32>> = Vec::new();
    for round in 0..20_000u32 {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        let n = (s % 300) as usize;
        if live.len() < 64 {
            live.push((0..n as u32).map(|i| i ^ round).collect());
        } else {
            let i = (s as usize / 7) % live.len();
            let v = live.swap_remove(i);
            ok &= v
                .iter()
                .enumerate()
                .all(|(j, &x)| x ^ j as u32 == v.first().map_or(0, |f| *f));
        }
    }
    ok
}

#[repr(align(256))]
struct Aligned([u8; 300]);

fn run() -> i32 {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..10_000 {
        v.push(i * i);
    }
    check(
        "Vec push 10000",
        v.iter().enumerate().all(|(i, &x)| x == (i * i) as u64),
        format_args!("len {}", v.len()),
    );
    v.truncate(10);
    v.shrink_to_fit();
    check_eq("Vec shrink keeps contents", v[9], 81);

    let mut s = String::new();
    for i in 0..1000 {
        s.push_str(&i.to_string());
    }
    check_eq("String grows", s.len(), 2890);
    check_eq("String contents", &s[..12], "012345678910");

    let b = Box::new([7u8; 1000]);
    check("Box", b.iter().all(|&x| x == 7), format_args!("bad byte"));
    let a = Box::new(Aligned([1; 300]));
    check(
        "over-aligned Box",
        (&*a as *const Aligned as usize).is_multiple_of(256) && a.0[299] == 1,
        format_args!("{:p}", &*a),
    );

    let f = format!("{}-{:04}-{:x}", "muslin", 42, 255);
    check_eq("format!", f.as_str(), "muslin-0042-ff");

    let big = vec![0xabu8; 3 << 20];
    check(
        "3 MiB vec! (direct mapping)",
        big.iter().all(|&x| x == 0xab),
        format_args!("bad byte"),
    );
    let z = vec![0u64; 100_000];
    check(
        "zeroed vec!",
        z.iter().all(|&x| x == 0),
        format_args!("nonzero"),
    );

    let mut m = BTreeMap::new();
    for i in 0..2000 {
        m.insert(i * 7 % 2000, format!("v{i}"));
    }
    check_eq("BTreeMap", m.get(&14).map(String::as_str), Some("v2"));

    let h = thread::spawn(|| {
        let v: Vec<String> = (0..1000).map(|i| format!("t{i}")).collect();
        (v.concat().len(), churn(99))
    });
    let main_ok = churn(7);
    match h {
        Ok(h) => check_eq(
            "spawned thread allocates",
            h.join().ok(),
            Some((3890, true)),
        ),
        Err(e) => check("spawned thread allocates", false, format_args!("{e:?}")),
    }
    check(
        "main thread churn alongside",
        main_ok,
        format_args!("mismatch"),
    );

    let boxed = thread::spawn(|| Box::new(String::from("from a thread")));
    let got = boxed.ok().and_then(|h| h.join().ok());
    check_eq(
        "Box made in a thread, freed in main",
        got.as_deref().map(String::as_str),
        Some("from a thread"),
    );
    status()
}

muslin::main!(run);
