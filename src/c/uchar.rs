//! `<uchar.h>`: conversions between UTF-8 and UTF-16 (`char16_t`) or
//! UTF-32 (`char32_t`) code units.
//!
//! `mbrtoc16` returns a character above U+FFFF as two calls: the first
//! stores the high surrogate and keeps the low one in the `mbstate_t`, the
//! second stores it and returns `(size_t)-3` without reading input.
//! `c16rtomb` keeps a high surrogate in the state (writing nothing,
//! returning 0) until the low one completes the character; a surrogate out
//! of its pair is `EILSEQ`.

use super::wchar::{OwnState, ilseq, mbrtowc_with, wcrtomb};
use crate::fmt::utf8::State;
use core::ffi::c_char;

/// Marks a state holding a low surrogate for `mbrtoc16` to return next.
const LOW_PENDING: u32 = 1 << 24;
/// Marks a state holding a high surrogate `c16rtomb` received.
const HIGH_PENDING: u32 = 2 << 24;

/// mbrtoc16's internal state.
static MBRTOC16_STATE: OwnState = OwnState::new();
/// c16rtomb's internal state.
static C16RTOMB_STATE: OwnState = OwnState::new();
/// mbrtoc32's internal state.
static MBRTOC32_STATE: OwnState = OwnState::new();

/// mbrtoc16(3).
///
/// # Safety
/// As `mbrtowc`: `s` is null or has `n` readable bytes (or a NUL before
/// them); `pc` is null or writable; `ps` is null or valid.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbrtoc16(
    pc: *mut u16,
    s: *const c_char,
    n: usize,
    ps: *mut State,
) -> usize {
    let st = MBRTOC16_STATE.or(ps);
    // SAFETY: `st` is valid; `pc` null or writable.
    unsafe {
        if (*st).pending == LOW_PENDING {
            if !pc.is_null() {
                *pc = (*st).value as u16;
            }
            *st = State::default();
            return usize::MAX - 2;
        }
    }
    let mut c = 0u32;
    // SAFETY: as the caller says.
    let r = unsafe { mbrtowc_with(&mut c, s, n, st) };
    if r >= usize::MAX - 1 || s.is_null() {
        return r;
    }
    let unit = if c >= 0x10000 {
        let v = c - 0x10000;
        // SAFETY: `st` is valid (and initial after a whole character).
        unsafe {
            *st = State {
                value: 0xdc00 | (v & 0x3ff),
                pending: LOW_PENDING,
            }
        };
        0xd800 | (v >> 10)
    } else {
        c
    };
    if !pc.is_null() {
        // SAFETY: `pc` is writable.
        unsafe { *pc = unit as u16 };
    }
    r
}

/// c16rtomb(3).
///
/// # Safety
/// `s` is null or has room for 4 bytes; `ps` is null or valid.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn c16rtomb(s: *mut c_char, c16: u16, ps: *mut State) -> usize {
    let st = C16RTOMB_STATE.or(ps);
    let c = c16 as u32;
    // SAFETY: `st` is valid.
    let high = unsafe { ((*st).pending == HIGH_PENDING).then_some((*st).value) };
    if s.is_null() {
        // SAFETY: as above.
        unsafe { *st = State::default() };
        return 1;
    }
    let whole = match (high, c) {
        (None, 0xd800..=0xdbff) => {
            // SAFETY: as above.
            unsafe {
                *st = State {
                    value: c,
                    pending: HIGH_PENDING,
                }
            };
            return 0;
        }
        (Some(h), 0xdc00..=0xdfff) => 0x10000 + ((h - 0xd800) << 10) + (c - 0xdc00),
        (None, _) if !(0xdc00..=0xdfff).contains(&c) => c,
        _ => {
            // SAFETY: as above.
            unsafe { *st = State::default() };
            return ilseq();
        }
    };
    // SAFETY: as above; `s` has room for the character.
    unsafe {
        *st = State::default();
        wcrtomb(s, whole as i32, core::ptr::null_mut())
    }
}

/// mbrtoc32(3): `mbrtowc` (`char32_t` and `wchar_t` both hold code points).
///
/// # Safety
/// As [`mbrtoc16`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mbrtoc32(
    pc: *mut u32,
    s: *const c_char,
    n: usize,
    ps: *mut State,
) -> usize {
    // SAFETY: as the caller says.
    unsafe { mbrtowc_with(pc, s, n, MBRTOC32_STATE.or(ps)) }
}

/// c32rtomb(3): `wcrtomb`.
///
/// # Safety
/// As [`c16rtomb`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn c32rtomb(s: *mut c_char, c32: u32, ps: *mut State) -> usize {
    // SAFETY: as the caller says.
    unsafe { wcrtomb(s, c32 as i32, ps) }
}
