//! muslin's `long double` engines in the x87 layout (`fmt::ldfloat`,
//! `fmt::ldparse`) against the host glibc: the reference side of
//! `tests/ld_diff.c`, compiled here with the host's `cc`, prints random
//! values with glibc's `printf` and parses strings with its `strtold`; each
//! line is checked against the engines. `MUSLIN_LD_CASES` sets how many
//! printf cases (default 100000).

use crate::fmt::Truncating;
use crate::fmt::ldfloat::LdFormat;
use crate::fmt::ldparse::strtold;
use crate::fmt::printf::{self, ArgType, Args, Length};
use std::process::Command;

/// One x87 `long double` argument.
struct Ld(u128);

impl Args for Ld {
    fn arg(&mut self, _ty: ArgType) -> u64 {
        0
    }
    fn c_str(&mut self, _ptr: u64, _max: usize) -> &[u8] {
        b""
    }
    fn wide_char(&mut self, _ptr: u64, _i: usize) -> u32 {
        0
    }
    fn store_count(&mut self, _ptr: u64, _len: Length, _count: usize) {}
    fn long_double(&mut self, _v: u64) -> (LdFormat, u128) {
        (LdFormat::X87, self.0)
    }
}

fn format(fmt: &str, bits: u128) -> String {
    let mut buf = vec![0u8; 1 << 16];
    let mut sink = Truncating::new(&mut buf);
    printf::format(&mut sink, fmt.as_bytes(), &mut Ld(bits)).unwrap();
    let n = sink.finish();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[test]
fn x87_against_glibc() {
    let dir = std::env::temp_dir().join(format!("muslin-ld-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let exe = dir.join("ref");
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../ld_diff.c");
    let st = Command::new("cc")
        .args(["-DREFERENCE", "-O1", "-w", "-o"])
        .arg(&exe)
        .arg(src)
        .arg("-lm")
        .status()
        .unwrap();
    assert!(st.success());
    let n = std::env::var("MUSLIN_LD_CASES").unwrap_or("100000".into());
    let out = Command::new(&exe).arg(n).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut bad = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let mut parts = line.splitn(5, ' ');
        let kind = parts.next().unwrap();
        let a = parts.next().unwrap();
        let hi = u128::from_str_radix(parts.next().unwrap(), 16).unwrap();
        let lo = u128::from_str_radix(parts.next().unwrap(), 16).unwrap();
        let rest = parts.next().unwrap_or("");
        let bits = hi << 64 | lo;
        count += 1;
        if kind == "P" {
            let got = format(a, bits);
            if got != rest {
                bad.push(format!("{a} {bits:020x}: got {got:?}, want {rest:?}"));
            }
        } else {
            let p = strtold(a.as_bytes(), LdFormat::X87);
            let got = format!("{} {}", p.range_error as u8, p.consumed);
            if p.value != bits || got != rest {
                bad.push(format!(
                    "strtold {a}: got {:020x} {got}, want {bits:020x} {rest}",
                    p.value
                ));
            }
        }
    }
    assert!(count > 0);
    assert!(
        bad.is_empty(),
        "{} of {count} differ:\n{}",
        bad.len(),
        bad.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}
