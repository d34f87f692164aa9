//! Time zones: POSIX `TZ` strings, TZif files (RFC 8536, versions 1 to 4),
//! and the rules that pick one from the `TZ` environment variable.
//!
//! Nothing here allocates: a loaded zone is a [`ZoneBuf`], which holds the
//! bytes of its TZif file and reads the transitions straight out of them
//! (big-endian, so no copy is needed), plus the parsed POSIX rule. The
//! caller (the C ABI) keeps one in a static and serialises access to it.
//!
//! Choices where glibc and musl differ or the standards are silent:
//! - `TZ` unset: `/etc/localtime`; if that cannot be read, UTC ("UTC").
//!   `TZ` empty or `:` alone: UTC.
//! - `TZ=name` or `TZ=:name`: the TZif file `name` (absolute when it starts
//!   with `/`, else under `$TZDIR` or `/usr/share/zoneinfo`), then, when no
//!   such file parses, `name` as a POSIX string (glibc's and musl's order).
//! - A malformed POSIX string: like glibc, the standard-time name it starts
//!   with is kept (or "UTC" when there is none) with the UTC offset it gives
//!   (0 when it gives none), and no daylight saving time. `TZ=bogus` is
//!   thus UTC under the name "bogus", as in glibc and musl.
//! - A DST name without rules (`EST5EDT` when no file of that name exists)
//!   uses the US rules `M3.2.0,M11.1.0`, glibc's default.
//! - Before a TZif file's first transition, the first standard-time type
//!   is used (glibc), and after its last one the footer's POSIX rule
//!   (version 2+); leap-second records are ignored (times are POSIX times).

use super::civil::{DAY, Tm, days_from_civil, is_leap, month_days, tm_to_secs};
use core::ffi::c_int;

/// Longest zone abbreviation kept (longer POSIX names are rejected).
pub const NAME_MAX: usize = 31;

/// A zone abbreviation such as `CEST` or `+0330`.
#[derive(Copy, Clone, Debug)]
pub struct Name {
    len: u8,
    bytes: [u8; NAME_MAX],
}

impl Name {
    const fn from_static(s: &[u8]) -> Name {
        let mut bytes = [0; NAME_MAX];
        let mut i = 0;
        while i < s.len() {
            bytes[i] = s[i];
            i += 1;
        }
        Name {
            len: s.len() as u8,
            bytes,
        }
    }

    /// The abbreviation's bytes (no NUL).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

/// The day a POSIX rule switches on.
#[derive(Copy, Clone, Debug)]
enum RuleDate {
    /// `Jn`: day 1..=365, February 29 never counted.
    NoLeap(u16),
    /// `n`: day 0..=365, February 29 counted.
    Leap(u16),
    /// `Mm.w.d`: weekday `d` of week `w` (5: the last) of month `m`.
    Month { m: u8, w: u8, d: u8 },
}

/// A switching date and the local time of day (seconds, possibly negative
/// or past 24 hours) of the switch.
#[derive(Copy, Clone, Debug)]
struct Rule {
    date: RuleDate,
    time: i32,
}

impl Rule {
    /// Local seconds since the Epoch (in the time in force before the
    /// switch) at which the rule switches in year `y`.
    fn local_secs(&self, y: i64) -> i64 {
        let jan1 = days_from_civil(y, 1, 1);
        let day = match self.date {
            RuleDate::NoLeap(n) => {
                let n = n as i64;
                jan1 + n - 1 + if is_leap(y) && n >= 60 { 1 } else { 0 }
            }
            RuleDate::Leap(n) => jan1 + n as i64,
            RuleDate::Month { m, w, d } => {
                let first = days_from_civil(y, m as u32, 1);
                let wday_first = (first + 4).rem_euclid(7);
                let mut day = first + (d as i64 - wday_first).rem_euclid(7) + (w as i64 - 1) * 7;
                while day >= first + month_days(y, m as u32) as i64 {
                    day -= 7;
                }
                day
            }
        };
        day * DAY + self.time as i64
    }
}

/// The time in force at an instant: UTC offset, DST flag, abbreviation.
#[derive(Copy, Clone, Debug)]
pub struct Local<'a> {
    /// Seconds east of UTC.
    pub utoff: i32,
    /// Whether this is daylight saving time.
    pub isdst: bool,
    /// The abbreviation (no NUL).
    pub abbr: &'a [u8],
}

/// A parsed POSIX `TZ` string.
#[derive(Copy, Clone, Debug)]
pub struct Posix {
    std: Name,
    std_off: i32,
    dst: Option<(Name, i32, Rule, Rule)>,
}

const UTC: Posix = Posix {
    std: Name::from_static(b"UTC"),
    std_off: 0,
    dst: None,
};

/// A cursor over the bytes of a POSIX `TZ` string.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// A zone name: `<...>` (letters, digits, `+`, `-`) or three or more
    /// letters.
    fn name(&mut self) -> Option<Name> {
        let start = self.i;
        let (from, to) = if self.eat(b'<') {
            while self
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'-')
            {
                self.i += 1;
            }
            let to = self.i;
            if !self.eat(b'>') {
                self.i = start;
                return None;
            }
            (start + 1, to)
        } else {
            while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                self.i += 1;
            }
            (start, self.i)
        };
        let n = to - from;
        if !(3..=NAME_MAX).contains(&n) {
            self.i = start;
            return None;
        }
        let mut name = Name::from_static(b"");
        name.bytes[..n].copy_from_slice(&self.s[from..to]);
        name.len = n as u8;
        Some(name)
    }

    fn number(&mut self, max: i64) -> Option<i64> {
        let start = self.i;
        let mut v: i64 = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            v = v * 10 + (c - b'0') as i64;
            if v > max {
                return None;
            }
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }

    /// `[+-]hh[:mm[:ss]]` as signed seconds; hours up to `max_h`.
    fn hms(&mut self, max_h: i64) -> Option<i32> {
        let neg = if self.eat(b'-') {
            true
        } else {
            self.eat(b'+');
            false
        };
        let mut v = self.number(max_h)? * 3600;
        if self.eat(b':') {
            v += self.number(59)? * 60;
            if self.eat(b':') {
                v += self.number(59)?;
            }
        }
        Some(if neg { -v } else { v } as i32)
    }

    /// `,date[/time]`.
    fn rule(&mut self) -> Option<Rule> {
        let date = if self.eat(b'J') {
            let n = self.number(365)?;
            if n < 1 {
                return None;
            }
            RuleDate::NoLeap(n as u16)
        } else if self.eat(b'M') {
            let m = self.number(12)?;
            if m < 1 || !self.eat(b'.') {
                return None;
            }
            let w = self.number(5)?;
            if w < 1 || !self.eat(b'.') {
                return None;
            }
            let d = self.number(6)?;
            RuleDate::Month {
                m: m as u8,
                w: w as u8,
                d: d as u8,
            }
        } else {
            RuleDate::Leap(self.number(365)? as u16)
        };
        // POSIX 2024 (and glibc) allow -167..=167 hours here.
        let time = if self.eat(b'/') { self.hms(167)? } else { 7200 };
        Some(Rule { date, time })
    }
}

impl Posix {
    /// Parses a POSIX `TZ` string. `Err` carries the fallback zone for a
    /// malformed one (its leading name, if any, at its offset, no DST).
    pub fn parse(s: &[u8]) -> Result<Posix, Posix> {
        let mut c = Cursor { s, i: 0 };
        let Some(std) = c.name() else {
            return Err(UTC);
        };
        let Some(off) = c.hms(24) else {
            return Err(Posix { std, ..UTC });
        };
        let std_off = -off;
        let plain = Posix {
            std,
            std_off,
            dst: None,
        };
        if c.peek().is_none() {
            return Ok(plain);
        }
        let Some(dst) = c.name() else {
            return Err(plain);
        };
        let dst_off = match c.peek() {
            Some(b',') | None => std_off + 3600,
            _ => match c.hms(24) {
                Some(o) => -o,
                None => return Err(plain),
            },
        };
        let (start, end) = if c.peek().is_none() {
            // glibc's default rule: the US one.
            let m = |m, w| Rule {
                date: RuleDate::Month { m, w, d: 0 },
                time: 7200,
            };
            (m(3, 2), m(11, 1))
        } else {
            let start = c.eat(b',').then(|| c.rule()).flatten();
            let end = c.eat(b',').then(|| c.rule()).flatten();
            match (start, end) {
                (Some(s), Some(e)) if c.peek().is_none() => (s, e),
                _ => return Err(plain),
            }
        };
        Ok(Posix {
            std,
            std_off,
            dst: Some((dst, dst_off, start, end)),
        })
    }

    /// The time in force at `t`.
    pub fn local(&self, t: i64) -> Local<'_> {
        let std = Local {
            utoff: self.std_off,
            isdst: false,
            abbr: self.std.as_bytes(),
        };
        let Some((name, dst_off, start, end)) = &self.dst else {
            return std;
        };
        // The year of `t` in local standard time; both switches of that
        // year are compared with `t` in UTC.
        let y = super::civil::civil_from_days((t + self.std_off as i64).div_euclid(DAY)).0;
        let on = start.local_secs(y) - self.std_off as i64;
        let off = end.local_secs(y) - *dst_off as i64;
        let in_dst = if on < off {
            on <= t && t < off
        } else {
            !(off <= t && t < on)
        };
        if in_dst {
            Local {
                utoff: *dst_off,
                isdst: true,
                abbr: name.as_bytes(),
            }
        } else {
            std
        }
    }

    /// `(tzname[0], tzname[1], timezone, daylight)`.
    fn names(&self) -> (&[u8], &[u8], i64, bool) {
        let std = self.std.as_bytes();
        match &self.dst {
            Some((n, ..)) => (std, n.as_bytes(), -(self.std_off as i64), true),
            None => (std, std, -(self.std_off as i64), false),
        }
    }
}

/// Offsets of the parts of a TZif file's (64-bit, when present) data block.
#[derive(Copy, Clone, Debug)]
pub struct Tzif {
    timecnt: usize,
    typecnt: usize,
    charcnt: usize,
    /// Bytes per transition time: 4 (version 1) or 8.
    tsize: usize,
    trans: usize,
    idx: usize,
    types: usize,
    chars: usize,
    footer: Option<Posix>,
}

fn be32(d: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]])
}

impl Tzif {
    /// Validates a TZif file and records where its parts lie.
    pub fn parse(d: &[u8]) -> Option<Tzif> {
        let header = |at: usize| -> Option<[usize; 6]> {
            if d.len() < at + 44 || &d[at..at + 4] != b"TZif" {
                return None;
            }
            let mut n = [0; 6];
            for (k, v) in n.iter_mut().enumerate() {
                *v = be32(d, at + 20 + 4 * k) as usize;
            }
            Some(n)
        };
        let block = |n: [usize; 6], tsize: usize| {
            let [isut, isstd, leap, time, typ, chr] = n;
            time * (tsize + 1) + typ * 6 + chr + leap * (tsize + 4) + isstd + isut
        };
        let n1 = header(0)?;
        if n1.iter().any(|&c| c > d.len()) {
            return None;
        }
        let (n, tsize, start) = if d[4] >= b'2' {
            let at2 = 44 + block(n1, 4);
            (header(at2)?, 8, at2 + 44)
        } else {
            (n1, 4, 44)
        };
        let [_, _, _, timecnt, typecnt, charcnt] = n;
        // No count can exceed the file's size; this also keeps `block`
        // from overflowing on 32-bit arches.
        if n.iter().any(|&c| c > d.len()) {
            return None;
        }
        let end = start.checked_add(block(n, tsize))?;
        if typecnt == 0 || end > d.len() {
            return None;
        }
        let trans = start;
        let idx = trans + timecnt * tsize;
        let types = idx + timecnt;
        let chars = types + typecnt * 6;
        let z = Tzif {
            timecnt,
            typecnt,
            charcnt,
            tsize,
            trans,
            idx,
            types,
            chars,
            footer: None,
        };
        // Every index and abbreviation must be in range, so lookups need
        // no further checks.
        if (0..timecnt).any(|i| d[idx + i] as usize >= typecnt)
            || (0..typecnt).any(|i| d[types + 6 * i + 5] as usize >= charcnt.max(1))
        {
            return None;
        }
        let footer = if tsize == 8 {
            let rest = &d[end..];
            let rest = rest.strip_prefix(b"\n")?;
            let nl = rest.iter().position(|&c| c == b'\n')?;
            let s = &rest[..nl];
            if s.is_empty() {
                None
            } else {
                Posix::parse(s).ok()
            }
        } else {
            None
        };
        Some(Tzif { footer, ..z })
    }

    fn time(&self, d: &[u8], i: usize) -> i64 {
        let at = self.trans + i * self.tsize;
        if self.tsize == 8 {
            ((be32(d, at) as u64) << 32 | be32(d, at + 4) as u64) as i64
        } else {
            be32(d, at) as i32 as i64
        }
    }

    fn ttype<'a>(&self, d: &'a [u8], k: usize) -> Local<'a> {
        let at = self.types + 6 * k;
        let abbr = &d[self.chars..self.chars + self.charcnt];
        let from = (d[at + 5] as usize).min(abbr.len());
        let abbr = &abbr[from..];
        let abbr = &abbr[..abbr.iter().position(|&c| c == 0).unwrap_or(abbr.len())];
        Local {
            utoff: be32(d, at) as i32,
            isdst: d[at + 4] != 0,
            abbr,
        }
    }

    /// The first standard-time type (or type 0), which glibc uses before
    /// the first transition.
    fn first_std(&self, d: &[u8]) -> usize {
        (0..self.typecnt)
            .find(|&k| !self.ttype(d, k).isdst)
            .unwrap_or(0)
    }

    /// The number of transitions at or before `t`.
    fn count_le(&self, d: &[u8], t: i64) -> usize {
        let (mut lo, mut hi) = (0, self.timecnt);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.time(d, mid) <= t {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn local<'a>(&'a self, d: &'a [u8], t: i64) -> Local<'a> {
        let n = self.count_le(d, t);
        if n == 0 {
            return self.ttype(d, self.first_std(d));
        }
        if n == self.timecnt
            && let Some(f) = &self.footer
        {
            return f.local(t);
        }
        self.ttype(d, d[self.idx + n - 1] as usize)
    }

    fn names<'a>(&'a self, d: &'a [u8]) -> (&'a [u8], &'a [u8], i64, bool) {
        if let Some(f) = &self.footer {
            return f.names();
        }
        let (mut std, mut dst) = (None, None);
        for i in (0..self.timecnt).rev() {
            let l = self.ttype(d, d[self.idx + i] as usize);
            let slot = if l.isdst { &mut dst } else { &mut std };
            slot.get_or_insert(l);
            if std.is_some() && dst.is_some() {
                break;
            }
        }
        let std = std.unwrap_or_else(|| self.ttype(d, self.first_std(d)));
        match dst {
            Some(l) => (std.abbr, l.abbr, -(std.utoff as i64), true),
            None => (std.abbr, std.abbr, -(std.utoff as i64), false),
        }
    }
}

/// What a zone is. `repr(u8)` puts the tag first with `Unloaded` as 0
/// (no niche in a payload), so that an unloaded zone is all zero bytes.
#[derive(Copy, Clone, Debug)]
#[repr(u8)]
enum Kind {
    /// Nothing loaded yet (reads as UTC). First, so that a new
    /// [`ZoneBuf`] is all zero bytes and a static one costs no file space.
    Unloaded,
    Posix(Posix),
    Tzif(Tzif),
}

/// Room for a TZif file: the largest in tzdata are under 4 KiB.
pub const FILE_MAX: usize = 16 * 1024;
/// Longest `TZ` value remembered to skip reloading an unchanged zone.
const TZ_MAX: usize = 256;

/// What `TZ` was when the zone was loaded.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Loaded {
    /// Nothing loaded yet.
    Never,
    /// `TZ` was unset.
    Unset,
    /// `TZ` was the first `n` bytes of `ZoneBuf::tz`.
    Value(usize),
    /// `TZ` was too long to remember: reload every time.
    Long,
}

/// A loaded time zone with the file bytes it reads from, and the `TZ`
/// value it was loaded for.
pub struct ZoneBuf {
    data: [u8; FILE_MAX],
    kind: Kind,
    tz: [u8; TZ_MAX],
    loaded: Loaded,
}

impl Default for ZoneBuf {
    fn default() -> ZoneBuf {
        ZoneBuf::new()
    }
}

impl ZoneBuf {
    /// An empty buffer (UTC until [`update`](Self::update) loads a zone).
    pub const fn new() -> ZoneBuf {
        ZoneBuf {
            data: [0; FILE_MAX],
            kind: Kind::Unloaded,
            tz: [0; TZ_MAX],
            loaded: Loaded::Never,
        }
    }

    /// Loads the zone `tz` (the value of `TZ`, `None` when unset) names,
    /// unless it is the one already loaded. True when it loaded.
    pub fn update(&mut self, tz: Option<&[u8]>) -> bool {
        let now = match tz {
            None => Loaded::Unset,
            Some(s) if s.len() <= TZ_MAX => Loaded::Value(s.len()),
            Some(_) => Loaded::Long,
        };
        let same = match (now, tz) {
            (Loaded::Unset, _) => self.loaded == Loaded::Unset,
            (Loaded::Value(n), Some(s)) => self.loaded == now && s == &self.tz[..n],
            _ => false,
        };
        if same {
            return false;
        }
        self.kind = self.load(tz);
        self.loaded = now;
        if let (Loaded::Value(n), Some(s)) = (now, tz) {
            self.tz[..n].copy_from_slice(s);
        }
        true
    }

    fn load(&mut self, tz: Option<&[u8]>) -> Kind {
        let name: &[u8] = match tz {
            None => b"/etc/localtime",
            Some(s) => s.strip_prefix(b":").unwrap_or(s),
        };
        if name.is_empty() {
            return Kind::Posix(UTC);
        }
        if let Some(z) = self.load_file(name) {
            return Kind::Tzif(z);
        }
        if tz.is_none() {
            return Kind::Posix(UTC);
        }
        match Posix::parse(name) {
            Ok(p) | Err(p) => Kind::Posix(p),
        }
    }

    fn load_file(&mut self, name: &[u8]) -> Option<Tzif> {
        let mut path = [0u8; 512];
        let mut len = 0;
        let mut push = |s: &[u8]| -> Option<()> {
            path.get_mut(len..len + s.len())?.copy_from_slice(s);
            len += s.len();
            Some(())
        };
        if name[0] != b'/' {
            let dir =
                crate::env::var(b"TZDIR").map_or(&b"/usr/share/zoneinfo"[..], |d| d.to_bytes());
            push(dir)?;
            push(b"/")?;
        }
        push(name)?;
        push(b"\0")?;
        if name.contains(&0) {
            return None;
        }
        let n = read_file(&path[..len], &mut self.data)?;
        Tzif::parse(&self.data[..n])
    }

    /// The time in force at `t`.
    pub fn local(&self, t: i64) -> Local<'_> {
        match &self.kind {
            Kind::Unloaded => UTC.local(t),
            Kind::Posix(p) => p.local(t),
            Kind::Tzif(z) => z.local(&self.data, t),
        }
    }

    /// `(tzname[0], tzname[1], timezone, daylight)` as `tzset` sets them.
    pub fn names(&self) -> (&[u8], &[u8], i64, bool) {
        match &self.kind {
            Kind::Unloaded => UTC.names(),
            Kind::Posix(p) => p.names(),
            Kind::Tzif(z) => z.names(&self.data),
        }
    }

    /// The instant the local time in `tm` names (fields normalised), as
    /// `mktime` finds it, following glibc's (2.36) rules:
    /// - a time that exists once gets that instant;
    /// - a time that exists twice (clocks turned back) gets the instant
    ///   whose DST flag `tm_isdst` asks for, else the earlier one (glibc's
    ///   choice there depends on its previous calls);
    /// - a time that does not exist (clocks turned forward) is read in one
    ///   of the offsets on either side of the gap, the one that gives an
    ///   instant whose DST flag differs from `tm_isdst` (for -1: whose DST
    ///   flag is set): 02:30 on the US spring-forward day is 03:30 EDT with
    ///   -1 or 0, and 01:30 EST with 1;
    /// - when the time found is not of the kind `tm_isdst` (0 or positive)
    ///   asks for, the fields are read in the offset of a nearby time of
    ///   that kind, looked for as glibc does (probes every 601200 s, up to
    ///   about 7.3 years each way, the earlier side first, from the time
    ///   with `tm_sec` clamped to 0..=59); when there is none, one hour of
    ///   DST is assumed (glibc, musl).
    pub fn mktime(&self, tm: &Tm) -> i64 {
        // glibc searches with the seconds clamped, then adds the rest.
        let sec = tm.tm_sec.clamp(0, 59);
        let extra = tm.tm_sec as i64 - sec as i64;
        let l = tm_to_secs(&Tm { tm_sec: sec, ..*tm });
        self.mktime_clamped(l, tm.tm_isdst) + extra
    }

    fn mktime_clamped(&self, l: i64, isdst: c_int) -> i64 {
        let want = (isdst >= 0).then_some(isdst > 0);
        let probe = |t: i64| {
            let x = self.local(t);
            (x.utoff, x.isdst)
        };
        // Offsets around: 36 hours covers every UTC offset in use.
        let before = probe(l - 129_600);
        let after = probe(l + 129_600);
        let mid = probe(l - probe(l).0 as i64);
        let mut best: Option<(i64, bool)> = None;
        for (o, _) in [before, mid, after] {
            let t = l - o as i64;
            let (o2, dst) = probe(t);
            if o2 != o {
                continue;
            }
            let better = match best {
                None => true,
                Some((bt, bdst)) => match want {
                    Some(w) if (dst == w) != (bdst == w) => dst == w,
                    _ => t < bt,
                },
            };
            if better {
                best = Some((t, dst));
            }
        }
        let Some((t, dst)) = best else {
            // A gap: read in the offset before it, the instant lands after
            // it (with the DST flag after), and the other way round.
            let (t_after, t_before) = (l - before.0 as i64, l - after.0 as i64);
            let differs = |d: bool| match want {
                Some(w) => d != w,
                None => d,
            };
            return if !differs(after.1) && differs(before.1) {
                t_before
            } else {
                t_after
            };
        };
        let Some(w) = want.filter(|&w| w != dst) else {
            return t;
        };
        const STRIDE: i64 = 601_200;
        // glibc 2.36's bound: half the longest period of DST (or not)
        // whose DST difference is not one hour, plus a stride.
        const BOUND: i64 = 457_243_200 / 2 + STRIDE;
        let mut delta = STRIDE;
        while delta < BOUND {
            for o in [t - delta, t + delta] {
                let (off, d) = probe(o);
                if d == w {
                    return l - off as i64;
                }
            }
            delta += STRIDE;
        }
        if w { t - 3600 } else { t + 3600 }
    }
}

/// Reads the file at `path` (NUL-terminated) into `buf`; `None` when it
/// cannot be opened or does not fit. Plain (not cancellable) system calls,
/// since the caller holds the zone lock.
fn read_file(path: &[u8], buf: &mut [u8]) -> Option<usize> {
    use crate::syscall::{fd, ret};
    let flags = fd::O_CLOEXEC | linux_raw_sys::general::O_RDONLY as c_int;
    // SAFETY: `path` is NUL-terminated.
    let r = unsafe { crate::syscall!(__NR_openat, fd::AT_FDCWD.0, path.as_ptr(), flags, 0u32) };
    let f = ret(r).ok()? as c_int;
    let mut n = 0;
    let ok = loop {
        let rest = &mut buf[n..];
        if rest.is_empty() {
            break false;
        }
        // SAFETY: `rest` is writable for its length.
        let r = unsafe { crate::syscall!(__NR_read, f, rest.as_mut_ptr(), rest.len()) };
        match ret(r) {
            Ok(0) => break true,
            Ok(k) => n += k,
            Err(crate::errno::Errno::EINTR) => {}
            Err(_) => break false,
        }
    };
    // SAFETY: closing our own descriptor.
    let _ = unsafe { crate::syscall!(__NR_close, f) };
    ok.then_some(n)
}
