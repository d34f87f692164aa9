use super::ret_zero;
use crate::time::{self, Timespec};
use core::ffi::c_int;

/// clock_gettime(2), through the vDSO when present.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn clock_gettime(clock: c_int, ts: *mut Timespec) -> c_int {
    // SAFETY: C passes a writable struct timespec.
    ret_zero(unsafe { time::clock_gettime_raw(clock, ts) })
}

/// nanosleep(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nanosleep(req: *const Timespec, rem: *mut Timespec) -> c_int {
    // Copy the request so the pad word after tv_nsec (32-bit arches) is zero.
    // SAFETY: C passes a readable struct timespec (NULL gives EFAULT).
    let Some(req) = (unsafe { req.as_ref() }) else {
        crate::Errno::EFAULT.set_last();
        return -1;
    };
    match time::nanosleep(req) {
        Ok(()) => 0,
        Err((e, left)) => {
            let _ = crate::thread::cancel::c_point::<()>(Err(e));
            // SAFETY: C passes NULL or a writable struct timespec.
            if let Some(rem) = unsafe { rem.as_mut() } {
                *rem = left;
            }
            e.set_last();
            -1
        }
    }
}

/// time(2).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn time(out: *mut i64) -> i64 {
    let t = time::time();
    // SAFETY: C passes NULL or a writable time_t.
    if let Some(out) = unsafe { out.as_mut() } {
        *out = t;
    }
    t
}

// ---- <time.h>: the calendar ----

use crate::errno::Errno;
use crate::thread::futex::Lock;
use crate::time::civil::{self, Tm};
use crate::time::strftime::{self as fmt, Context};
use crate::time::zone::{Local, ZoneBuf};
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_double, c_long};

/// `clock_t` ticks per second, as POSIX (XSI) requires.
const CLOCKS_PER_SEC: c_long = 1_000_000;

/// clock(3): processor time of the process, in microseconds; -1 when it
/// does not fit a `clock_t` (after about 36 minutes on 32-bit arches, as
/// in musl).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn clock() -> c_long {
    let Ok(ts) = time::clock_gettime(CPUTIME) else {
        return -1;
    };
    let us = ts.tv_sec as i128 * CLOCKS_PER_SEC as i128 + (ts.tv_nsec / 1000) as i128;
    c_long::try_from(us).unwrap_or(-1)
}

/// `CLOCK_PROCESS_CPUTIME_ID`.
const CPUTIME: c_int = 2;

/// timespec_get(3) (C11): `TIME_UTC` (1) is the one base.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn timespec_get(ts: *mut Timespec, base: c_int) -> c_int {
    if base != 1 {
        return 0;
    }
    // SAFETY: C passes a writable struct timespec.
    match unsafe { time::clock_gettime_raw(time::CLOCK_REALTIME, ts) } {
        Ok(()) => base,
        Err(_) => 0,
    }
}

/// The zone names `tzset` publishes (`tzname[0]` standard, `[1]` DST).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut tzname: [*mut c_char; 2] = [UTC_NAME.as_ptr().cast_mut(); 2];
/// Seconds west of UTC of local standard time.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut timezone: c_long = 0;
/// Whether the zone has daylight saving time.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut daylight: c_int = 0;
/// How muslin reaches `tzname`, `timezone` and `daylight` (see
/// [`super::Exported`]).
static TZNAME: super::Exported<[*mut c_char; 2]> = super::Exported::new(&raw mut tzname);
static TIMEZONE: super::Exported<c_long> = super::Exported::new(&raw mut timezone);
static DAYLIGHT: super::Exported<c_int> = super::Exported::new(&raw mut daylight);

const UTC_NAME: &CStr = c"UTC";

/// Room for the zone abbreviations handed out in `tm_zone` and `tzname`.
const POOL: usize = 4096;

/// The loaded zone and every abbreviation handed out so far. The
/// abbreviations stay at their address for the life of the process (a
/// `tm_zone` from before a zone change stays valid), so they are interned
/// here and never freed; should the pool fill up, further ones come from
/// `malloc` and are kept too.
struct State {
    zone: ZoneBuf,
    pool: [u8; POOL],
    used: usize,
}

/// [`State`] behind a lock: `localtime_r` may race `tzset` or a `TZ`
/// change seen by another thread's `localtime`.
struct Shared {
    lock: Lock,
    state: UnsafeCell<State>,
}

// SAFETY: `state` is only reached with `lock` held (see `with_zone`).
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    lock: Lock::new(),
    state: UnsafeCell::new(State {
        zone: ZoneBuf::new(),
        pool: [0; POOL],
        used: 0,
    }),
};

impl State {
    /// A NUL-terminated copy of `name` that lives for ever.
    fn intern(&mut self, name: &[u8]) -> *const c_char {
        let mut at = 0;
        while at < self.used {
            let len = self.pool[at..self.used]
                .iter()
                .position(|&c| c == 0)
                .unwrap_or(0);
            if &self.pool[at..at + len] == name {
                return self.pool[at..].as_ptr().cast();
            }
            at += len + 1;
        }
        if name.contains(&0) {
            return UTC_NAME.as_ptr();
        }
        if self.used + name.len() < POOL {
            let at = self.used;
            self.pool[at..at + name.len()].copy_from_slice(name);
            self.pool[at + name.len()] = 0;
            self.used += name.len() + 1;
            return self.pool[at..].as_ptr().cast();
        }
        let p = crate::malloc::c_api::malloc(name.len() + 1).cast::<u8>();
        if p.is_null() {
            return UTC_NAME.as_ptr();
        }
        // SAFETY: `p` has room for the name and its NUL.
        unsafe {
            core::ptr::copy_nonoverlapping(name.as_ptr(), p, name.len());
            *p.add(name.len()) = 0;
        }
        p.cast()
    }

    /// Reloads the zone if `TZ` changed (as if `tzset` was called, which
    /// POSIX asks of `localtime`, `mktime`, `ctime` and `strftime`), and
    /// republishes `tzname`, `timezone` and `daylight` when it did.
    fn refresh(&mut self) {
        let tz = crate::env::var(b"TZ").map(CStr::to_bytes);
        if !self.zone.update(tz) {
            return;
        }
        let (std, dst, west, dst_rule) = self.zone.names();
        let (std, dst) = (std as *const [u8], dst as *const [u8]);
        // SAFETY: the names point into `self.zone`, which `intern` does
        // not touch.
        let (std, dst) = unsafe { (self.intern(&*std), self.intern(&*dst)) };
        // SAFETY: the globals are written only here, under the lock; C
        // programs read them after `tzset` as POSIX prescribes.
        unsafe {
            TZNAME.get().write([std.cast_mut(), dst.cast_mut()]);
            TIMEZONE.get().write(west as c_long);
            DAYLIGHT.get().write(dst_rule as c_int);
        }
    }
}

/// Runs `f` on the current zone, with the lock held.
fn with_zone<R>(f: impl FnOnce(&mut State) -> R) -> R {
    SHARED.lock.lock();
    // SAFETY: the lock is held, so this is the only reference.
    let st = unsafe { &mut *SHARED.state.get() };
    st.refresh();
    let r = f(st);
    SHARED.lock.unlock();
    r
}

/// Fills `tm` with the broken-down time of `t` in the time `l`;
/// `EOVERFLOW` when the year does not fit `tm_year`.
fn fill(tm: &mut Tm, t: i64, utoff: i32, isdst: bool, zone: *const c_char) -> Option<()> {
    let mut new = Tm::default();
    let local = t.checked_add(utoff as i64)?;
    civil::secs_to_tm(local, &mut new)?;
    new.tm_isdst = isdst as c_int;
    new.tm_gmtoff = utoff as c_long;
    new.tm_zone = zone;
    *tm = new;
    Some(())
}

/// The result buffer `gmtime` and `localtime` share (as in glibc).
struct TmBuf(UnsafeCell<Tm>);
// SAFETY: C's `gmtime`/`localtime` are not thread-safe by definition;
// callers that share them across threads race in C, not here.
unsafe impl Sync for TmBuf {}
static TM: TmBuf = TmBuf(UnsafeCell::new(Tm {
    tm_sec: 0,
    tm_min: 0,
    tm_hour: 0,
    tm_mday: 0,
    tm_mon: 0,
    tm_year: 0,
    tm_wday: 0,
    tm_yday: 0,
    tm_isdst: 0,
    tm_gmtoff: 0,
    tm_zone: core::ptr::null(),
}));

/// The `tm_zone` of `gmtime`: "GMT", as glibc.
const GMT: &CStr = c"GMT";

/// gmtime_r(3); NULL with `EOVERFLOW` when the year does not fit an `int`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn gmtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm {
    // SAFETY: C passes a readable time_t and a writable struct tm.
    let (t, out) = unsafe { (*t, &mut *tm) };
    match fill(out, t, 0, false, GMT.as_ptr()) {
        Some(()) => tm,
        None => {
            Errno::EOVERFLOW.set_last();
            core::ptr::null_mut()
        }
    }
}

/// gmtime(3): into a static `struct tm`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn gmtime(t: *const i64) -> *mut Tm {
    // SAFETY: as gmtime_r; TM is the static result buffer.
    unsafe { gmtime_r(t, TM.0.get()) }
}

/// The broken-down local time of `t` into `out`.
fn local_tm(t: i64, out: &mut Tm) -> Option<()> {
    with_zone(|st| {
        let Local { utoff, isdst, abbr } = st.zone.local(t);
        let abbr = abbr as *const [u8];
        // SAFETY: `abbr` points into `st.zone`, which `intern` leaves alone.
        let zone = st.intern(unsafe { &*abbr });
        fill(out, t, utoff, isdst, zone)
    })
}

/// localtime_r(3). Reads `TZ` on every call (as musl; glibc's only once):
/// a program that changes `TZ` sees the new zone.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn localtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm {
    // SAFETY: C passes a readable time_t and a writable struct tm.
    let (t, out) = unsafe { (*t, &mut *tm) };
    match local_tm(t, out) {
        Some(()) => tm,
        None => {
            Errno::EOVERFLOW.set_last();
            core::ptr::null_mut()
        }
    }
}

/// localtime(3): into a static `struct tm`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn localtime(t: *const i64) -> *mut Tm {
    // SAFETY: as localtime_r; TM is the static result buffer.
    unsafe { localtime_r(t, TM.0.get()) }
}

/// mktime(3): the instant `tm` names in local time (see
/// `ZoneBuf::mktime` for gaps, overlaps and `tm_isdst`); `tm` is
/// normalised. -1 with `EOVERFLOW` (and `tm` untouched) when out of range.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn mktime(tm: *mut Tm) -> i64 {
    // SAFETY: C passes a readable and writable struct tm.
    let tm = unsafe { &mut *tm };
    let t = with_zone(|st| {
        let t = st.zone.mktime(tm);
        let Local { utoff, isdst, abbr } = st.zone.local(t);
        let abbr = abbr as *const [u8];
        // SAFETY: `abbr` points into `st.zone`, which `intern` leaves alone.
        let zone = st.intern(unsafe { &*abbr });
        fill(tm, t, utoff, isdst, zone).map(|()| t)
    });
    t.unwrap_or_else(|| {
        Errno::EOVERFLOW.set_last();
        -1
    })
}

/// timegm(3): `tm` read as UTC; `tm` is normalised.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn timegm(tm: *mut Tm) -> i64 {
    // SAFETY: C passes a readable and writable struct tm.
    let tm = unsafe { &mut *tm };
    let t = civil::tm_to_secs(tm);
    match fill(tm, t, 0, false, GMT.as_ptr()) {
        Some(()) => t,
        None => {
            Errno::EOVERFLOW.set_last();
            -1
        }
    }
}

/// difftime(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn difftime(t1: i64, t0: i64) -> c_double {
    // The exact difference, rounded once.
    (t1 as i128 - t0 as i128) as c_double
}

/// tzset(3): (re)reads `TZ` and sets `tzname`, `timezone`, `daylight`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn tzset() {
    with_zone(|_| ());
}

/// `%Z` and `%s` for strftime: the zone is consulted only when the format
/// asks for them.
struct CCtx {
    zone: [u8; 64],
}

impl Context for CCtx {
    fn zone(&mut self, tm: &Tm) -> &[u8] {
        let mut p = tm.tm_zone;
        // SAFETY: a non-NULL tm_zone is a C string.
        if p.is_null() || unsafe { *p } == 0 {
            // glibc: an unset tm_zone prints the zone's name for tm_isdst.
            if tm.tm_isdst < 0 {
                return b"";
            }
            // SAFETY: tzname's entries are C strings (interned, never freed).
            p = with_zone(|_| unsafe { (*TZNAME.get())[(tm.tm_isdst != 0) as usize] });
        }
        // SAFETY: `p` is a C string.
        let s = unsafe { CStr::from_ptr(p) }.to_bytes();
        let n = s.len().min(self.zone.len());
        self.zone[..n].copy_from_slice(&s[..n]);
        &self.zone[..n]
    }

    fn epoch(&mut self, tm: &Tm) -> i64 {
        with_zone(|st| st.zone.mktime(tm))
    }
}

/// strftime(3) in the C locale: the length written, or 0 (and the
/// contents undefined) when the result and its NUL exceed `max`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strftime(
    s: *mut c_char,
    max: usize,
    format: *const c_char,
    tm: *const Tm,
) -> usize {
    if max == 0 {
        // Nothing fits, not even the NUL (and `s` may be NULL).
        return 0;
    }
    // SAFETY: C passes a buffer of `max` bytes, a C string and a struct tm.
    let (buf, fmt, tm) = unsafe {
        (
            core::slice::from_raw_parts_mut(s.cast::<u8>(), max),
            CStr::from_ptr(format).to_bytes(),
            &*tm,
        )
    };
    let mut cx = CCtx { zone: [0; 64] };
    fmt::strftime(buf, fmt, tm, &mut cx).unwrap_or(0)
}

/// Writes `v` in decimal, at least `min` digits, into `out` at `*n`.
fn put_int(out: &mut [u8; 128], n: &mut usize, v: i64, min: usize, space: bool) {
    let mut tmp = [0u8; 20];
    let mut k = 0;
    let mut u = v.unsigned_abs();
    loop {
        tmp[k] = b'0' + (u % 10) as u8;
        k += 1;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    let neg = (v < 0) as usize;
    let pad = if space {
        min.saturating_sub(k + neg)
    } else {
        0
    };
    let zeros = if space { 0 } else { min.saturating_sub(k) };
    for _ in 0..pad {
        out[*n] = b' ';
        *n += 1;
    }
    if neg == 1 {
        out[*n] = b'-';
        *n += 1;
    }
    for _ in 0..zeros {
        out[*n] = b'0';
        *n += 1;
    }
    for i in (0..k).rev() {
        out[*n] = tmp[i];
        *n += 1;
    }
}

/// The text of asctime: `printf("%.3s %.3s%3d %.2d:%.2d:%.2d %d\n")` with
/// `???` for an out-of-range day or month name, as glibc.
fn asctime_text(tm: &Tm, out: &mut [u8; 128]) -> usize {
    const DAYS: &[u8; 21] = b"SunMonTueWedThuFriSat";
    const MONTHS: &[u8; 36] = b"JanFebMarAprMayJunJulAugSepOctNovDec";
    let name = |table: &'static [u8], i: c_int, count: c_int| -> &'static [u8] {
        if (0..count).contains(&i) {
            &table[i as usize * 3..i as usize * 3 + 3]
        } else {
            b"???"
        }
    };
    let mut n = 0;
    for part in [name(DAYS, tm.tm_wday, 7), b" ", name(MONTHS, tm.tm_mon, 12)] {
        out[n..n + part.len()].copy_from_slice(part);
        n += part.len();
    }
    put_int(out, &mut n, tm.tm_mday as i64, 3, true);
    for (i, v) in [tm.tm_hour, tm.tm_min, tm.tm_sec].into_iter().enumerate() {
        out[n] = if i == 0 { b' ' } else { b':' };
        n += 1;
        put_int(out, &mut n, v as i64, 2, false);
    }
    out[n] = b' ';
    n += 1;
    put_int(out, &mut n, tm.tm_year as i64 + 1900, 1, false);
    out[n] = b'\n';
    out[n + 1] = 0;
    n + 2
}

/// asctime into `buf` of `size` bytes; NULL with `EOVERFLOW` if it does not
/// fit (glibc: the 26 bytes of `asctime_r`'s buffer hold years up to 9999).
///
/// # Safety
/// `tm` readable, `buf` writable for `size` bytes.
unsafe fn asctime_into(tm: *const Tm, buf: *mut c_char, size: usize) -> *mut c_char {
    let mut text = [0u8; 128];
    // SAFETY: C passes a readable struct tm.
    let n = asctime_text(unsafe { &*tm }, &mut text);
    if n > size {
        Errno::EOVERFLOW.set_last();
        return core::ptr::null_mut();
    }
    // SAFETY: `buf` has room for `n <= size` bytes.
    unsafe { core::ptr::copy_nonoverlapping(text.as_ptr(), buf.cast::<u8>(), n) };
    buf
}

/// asctime_r(3): `buf` must hold 26 bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn asctime_r(tm: *const Tm, buf: *mut c_char) -> *mut c_char {
    // SAFETY: C passes a struct tm and a 26-byte buffer.
    unsafe { asctime_into(tm, buf, 26) }
}

/// The static buffer of `asctime` and `ctime`: room for any `int` year.
struct AscBuf(UnsafeCell<[u8; 128]>);
// SAFETY: asctime is not thread-safe by definition (see `TmBuf`).
unsafe impl Sync for AscBuf {}
static ASC: AscBuf = AscBuf(UnsafeCell::new([0; 128]));

/// asctime(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn asctime(tm: *const Tm) -> *mut c_char {
    // SAFETY: ASC is 128 bytes.
    unsafe { asctime_into(tm, ASC.0.get().cast(), 128) }
}

/// ctime_r(3): `asctime_r(localtime_r(t))`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ctime_r(t: *const i64, buf: *mut c_char) -> *mut c_char {
    let mut tm = Tm::default();
    // SAFETY: C passes a readable time_t and a 26-byte buffer.
    unsafe {
        if localtime_r(t, &mut tm).is_null() {
            return core::ptr::null_mut();
        }
        asctime_r(&tm, buf)
    }
}

/// ctime(3): `asctime(localtime(t))`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn ctime(t: *const i64) -> *mut c_char {
    // SAFETY: as localtime and asctime.
    unsafe {
        let tm = localtime(t);
        if tm.is_null() {
            return core::ptr::null_mut();
        }
        asctime(tm)
    }
}
