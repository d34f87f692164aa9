//! Start-up: argv, envp and the aux vector as the kernel passed them.
//! Run by x.py with these arguments and environment:
//!
//! test-args: "alpha" "beta gamma" ""
//! test-env: MUSLIN_TEST="yes" EMPTY=""
#![no_std]
#![no_main]

mod common;
use common::{check, check_eq, status};
use muslin::env::{self, auxv};

fn run() -> i32 {
    let args: [&[u8]; 4] = {
        let mut a: [&[u8]; 4] = [b"?"; 4];
        for (i, arg) in env::args().take(4).enumerate() {
            a[i] = arg.to_bytes();
        }
        a
    };
    check_eq("argc", env::argc(), 4);
    check(
        "argv0",
        args[0].ends_with(b"startup") || args[0].contains(&b'/'),
        format_args!("{:?}", args[0]),
    );
    check_eq("argv1", args[1], b"alpha".as_slice());
    check_eq("argv2 has a space", args[2], b"beta gamma".as_slice());
    check_eq("argv3 empty", args[3], b"".as_slice());
    check_eq("argv ends", env::args().count(), 4);
    check_eq(
        "getenv",
        env::var(b"MUSLIN_TEST").map(|v| v.to_bytes()),
        Some(b"yes".as_slice()),
    );
    check_eq(
        "getenv empty value",
        env::var(b"EMPTY").map(|v| v.to_bytes()),
        Some(b"".as_slice()),
    );
    check_eq("getenv missing", env::var(b"MUSLIN_NOPE"), None);
    check_eq("getenv prefix is not a match", env::var(b"MUSLIN"), None);
    check(
        "envp walk",
        env::vars().any(|v| v.to_bytes() == b"MUSLIN_TEST=yes"),
        format_args!("not found"),
    );
    let page = auxv::get(auxv::AT_PAGESZ);
    check(
        "AT_PAGESZ",
        page >= 4096 && page.is_power_of_two(),
        format_args!("{page}"),
    );
    check(
        "AT_RANDOM",
        auxv::get(auxv::AT_RANDOM) != 0,
        format_args!("missing"),
    );
    check(
        "AT_PHDR",
        auxv::get(auxv::AT_PHDR) != 0 && auxv::get(auxv::AT_PHNUM) > 0,
        format_args!("missing"),
    );
    let execfn = auxv::get(auxv::AT_EXECFN);
    // SAFETY: the kernel's AT_EXECFN is a NUL-terminated path.
    let execfn_ok = execfn != 0
        && unsafe { core::ffi::CStr::from_ptr(execfn as *const _) }.to_bytes() == args[0];
    check(
        "AT_EXECFN is argv[0]",
        execfn_ok,
        format_args!("{execfn:#x}"),
    );
    check_eq("AT_SECURE", auxv::get(auxv::AT_SECURE), 0);
    status()
}

muslin::main!(run);
