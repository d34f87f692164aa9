//! Civil (proleptic Gregorian) calendar arithmetic and the C `struct tm`.
//!
//! Everything here is 64-bit integer arithmetic on days and seconds, so
//! normalising any `int` field values of a `struct tm` cannot overflow; only
//! the final year has to fit the `int` `tm_year` again.

use core::ffi::{c_char, c_int, c_long};

/// The C `struct tm`, in the layout glibc and musl share (the two BSD
/// fields `tm_gmtoff` and `tm_zone` at the end).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct Tm {
    /// Seconds, `0..=60`.
    pub tm_sec: c_int,
    /// Minutes, `0..=59`.
    pub tm_min: c_int,
    /// Hours, `0..=23`.
    pub tm_hour: c_int,
    /// Day of the month, `1..=31`.
    pub tm_mday: c_int,
    /// Month, `0..=11`.
    pub tm_mon: c_int,
    /// Year minus 1900.
    pub tm_year: c_int,
    /// Day of the week, `0..=6`, Sunday is 0.
    pub tm_wday: c_int,
    /// Day of the year, `0..=365`.
    pub tm_yday: c_int,
    /// Positive when daylight saving time is in effect, 0 when not,
    /// negative (for `mktime`) when unknown.
    pub tm_isdst: c_int,
    /// Seconds east of UTC.
    pub tm_gmtoff: c_long,
    /// Abbreviation of the zone, or NULL.
    pub tm_zone: *const c_char,
}

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Whether `y` (the full year) is a leap year.
pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` (1..=12) of year `y`.
pub fn month_days(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to `y`-`m`-`d` (`m` in 1..=12, `d` may be any
/// value: it is added as a day count).
///
/// The year is shifted to start in March, so that the leap day is the last
/// day of a shifted year; 400-year eras of 146097 days then make the count
/// exact for negative years too.
pub fn days_from_civil(y: i64, m: u32, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400); // 0..=399
    let mp = (m as i64 + 9) % 12; // March is 0
    let doy = (153 * mp + 2) / 5; // day of the shifted year the month starts on
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // day of the era
    era * 146_097 + doe - 719_468 + (d - 1)
}

/// The date `(year, month 1..=12, day 1..=31)` of day `z` since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// Breaks `local` (seconds since the Epoch, already shifted to local time)
/// into the calendar fields of `tm` (`tm_isdst`, `tm_gmtoff` and `tm_zone`
/// are left alone). `None` when the year does not fit `tm_year`.
pub fn secs_to_tm(local: i64, tm: &mut Tm) -> Option<()> {
    let days = local.div_euclid(DAY);
    let secs = local.rem_euclid(DAY);
    let (y, m, d) = civil_from_days(days);
    let year = c_int::try_from(y - 1900).ok()?;
    tm.tm_year = year;
    tm.tm_mon = m as c_int - 1;
    tm.tm_mday = d as c_int;
    tm.tm_hour = (secs / 3600) as c_int;
    tm.tm_min = (secs / 60 % 60) as c_int;
    tm.tm_sec = (secs % 60) as c_int;
    // 1970-01-01 was a Thursday.
    tm.tm_wday = (days + 4).rem_euclid(7) as c_int;
    tm.tm_yday = (days - days_from_civil(y, 1, 1)) as c_int;
    Some(())
}

/// The seconds since the Epoch that the calendar fields of `tm` name,
/// read as UTC, with every field normalised (a month of 14 is February of
/// the next year, a day of 0 the last day of the month before, and so on).
/// `tm_wday` and `tm_yday` are ignored.
pub fn tm_to_secs(tm: &Tm) -> i64 {
    let mon = tm.tm_mon as i64;
    let y = tm.tm_year as i64 + 1900 + mon.div_euclid(12);
    let m = mon.rem_euclid(12) as u32 + 1;
    let days = days_from_civil(y, m, tm.tm_mday as i64);
    days * DAY + tm.tm_hour as i64 * 3600 + tm.tm_min as i64 * 60 + tm.tm_sec as i64
}

/// The ISO 8601 week-based year and week number (1..=53) of a date given
/// by its full year, day of the year (0-based) and day of the week (0 is
/// Sunday), as `%G` and `%V` print them.
pub fn iso_week(year: i64, yday: i64, wday: i64) -> (i64, i64) {
    // Day of the year of this week's Monday, and of the Thursday that
    // decides the week's year.
    let wd = (wday + 6).rem_euclid(7); // Monday is 0
    let thursday = yday - wd + 3;
    if thursday < 0 {
        let py = year - 1;
        let plen = if is_leap(py) { 366 } else { 365 };
        return (py, (thursday + plen) / 7 + 1);
    }
    let len = if is_leap(year) { 366 } else { 365 };
    if thursday >= len {
        return (year + 1, 1);
    }
    (year, thursday / 7 + 1)
}
