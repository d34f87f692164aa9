//! Differential tests of muslin's number formatting and parsing engines
//! (`src/fmt/`, compiled here for the host) against the host's glibc, and
//! of its vDSO symbol lookup (`src/elf.rs`) against synthetic vDSO images
//! of every arch. Run with `cargo test --release` (or `./x.py test host`).
#![feature(optimize_attribute)]

#[path = "../../../src/elf.rs"]
pub mod elf;
#[path = "../../../src/fmt/mod.rs"]
pub mod fmt;

#[cfg(test)]
mod common;
#[cfg(test)]
mod ld;
#[cfg(test)]
mod printf;
#[cfg(test)]
mod scanf;
#[cfg(test)]
mod strto;
#[cfg(test)]
mod utf8;
#[cfg(test)]
mod vdso;
