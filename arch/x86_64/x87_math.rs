//! The `long double` maths functions for x86_64 and i386 (which includes
//! this file), computed by the x87 FPU in its 80-bit format.
//!
//! A `long double` result comes back in `st(0)`, which no Rust type
//! reaches, so each C function is a short naked entry in the arch's
//! `mathl.rs` that passes a pointer to the stack arguments (and the integer
//! argument, if any) to one of the `extern "C"` functions here and loads
//! their result into `st(0)`. Here [`X80`] is the 80-bit value in memory,
//! with its arithmetic done by single x87 instructions (each rounded to the
//! 64-bit significand: Linux starts processes with the control word's
//! precision set to extended).
//!
//! Accuracy (measured against glibc by `tests/mathl_diff.c`; musl computes
//! the same functions in ld80 C or x87 assembly):
//! - exact: `sqrtl`, `fmal`, `floorl`, `ceill`, `truncl`, `roundl`,
//!   `rintl`, `nearbyintl`, the `l*rint`/`l*round` conversions, `fmodl`,
//!   `remainderl`, `remquol`, `frexpl`, `ldexpl`, `scalbnl`, `scalblnl`,
//!   `ilogbl`, `logbl`, `modfl`, `copysignl`, `fabsl`, `fdiml`, `fmaxl`,
//!   `fminl`, `nextafterl`, `nexttowardl`, `nexttoward`, `nexttowardf`;
//! - a few ulp: the logarithms (`fyl2x`, `fyl2xp1` near 1), `atanl`,
//!   `atan2l` (`fpatan`), `asinl`, `acosl`, `exp2l`, `expl` and `expm1l`
//!   (the argument times log2(e) carried in two parts before `f2xm1`),
//!   `cbrtl`, `hypotl`, and `sinhl`, `tanhl` and the inverse hyperbolic
//!   functions built on them;
//! - `sinl`, `cosl`, `tanl`: the argument reduced by pi/2 exactly for
//!   every finite value, then series in `f128` (`crate::ldmath::trig`),
//!   rounded once (not the x87's `fsin`, `fcos`, `fptan`, whose own
//!   reduction uses a 66-bit pi, and which qemu computes in double);
//! - `powl`, `coshl`: computed in `f128` (`e^(y ln|x|)`, `(e^a + e^-a)/2`
//!   with the kernels of `crate::ldmath`) and rounded once: within an ulp
//!   (correctly rounded in every case checked) over the whole range;
//! - `erfl`, `erfcl`, `lgammal`, `tgammal`: computed in `f128` by
//!   `crate::ldmath` and rounded once (about 1 ulp; `tgammal` near its
//!   overflow and `lgammal` near its negative zeros a few).
//!
//! musl does not set `errno` in its maths functions; neither do these.

use core::arch::asm;
use core::ffi::{c_int, c_long, c_longlong};

use super::STRIDE;

/// An x87 extended value as it sits in memory: the 64-bit significand
/// (with its explicit integer bit), then sign and 15-bit exponent.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
pub struct X80 {
    m: u64,
    se: u16,
    pad: [u16; 3],
}

/// Runs x87 instructions on the values their operands point to; the
/// instructions must leave the x87 stack empty.
macro_rules! fpu {
    ($($ins:literal),* ; $($op:ident = $val:expr),*) => {
        // SAFETY: the instructions only read and write the X80 values (and
        // the control word) the operands point to, which are live locals,
        // and leave the x87 stack as they found it: empty.
        unsafe {
            asm!(
                $($ins,)*
                $($op = in(reg) $val,)*
                out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
                out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _,
                options(nostack),
            )
        }
    };
}

/// `x` loaded into `st(0)`, the instructions run, `st(0)` stored and
/// popped.
macro_rules! un {
    ($x:expr, $($ins:literal),*) => {{
        let x: X80 = $x;
        let mut r = X80::ZERO;
        fpu!("fld tbyte ptr [{x}]", $($ins,)* "fstp tbyte ptr [{r}]";
             x = &raw const x, r = &raw mut r);
        r
    }};
}

/// `a` in `st(0)` and `b` in `st(1)`, the instructions run (leaving one
/// or two values), `st(0)` stored and the stack emptied.
macro_rules! bin {
    ($a:expr, $b:expr, [$($ins:literal),*], $left:literal) => {{
        let (a, b): (X80, X80) = ($a, $b);
        let mut r = X80::ZERO;
        fpu!("fld tbyte ptr [{b}]", "fld tbyte ptr [{a}]", $($ins,)*
             "fstp tbyte ptr [{r}]", $left;
             a = &raw const a, b = &raw const b, r = &raw mut r);
        r
    }};
}

impl X80 {
    /// +0.
    const ZERO: X80 = X80::new(0, 0);
    /// 1.
    const ONE: X80 = X80::new(0x3fff, 1 << 63);
    /// 0.5.
    const HALF: X80 = X80::new(0x3ffe, 1 << 63);
    /// 2.
    const TWO: X80 = X80::new(0x4000, 1 << 63);
    /// +infinity.
    const INF: X80 = X80::new(0x7fff, 1 << 63);
    /// The default quiet NaN.
    const NAN: X80 = X80::new(0x7fff, 0xc000_0000_0000_0000);
    /// ln 2, rounded.
    const LN2: X80 = X80::new(0x3ffe, 0xb172_17f7_d1cf_79ac);

    /// The value with this sign-and-exponent word and significand.
    const fn new(se: u16, m: u64) -> X80 {
        X80 { m, se, pad: [0; 3] }
    }

    /// Reads the 10 bytes at `p` (any alignment).
    ///
    /// # Safety
    /// `p` is readable for 10 bytes.
    unsafe fn load(p: *const u8) -> X80 {
        let mut r = X80::ZERO;
        // SAFETY: 10 readable bytes at p into the 16 of r.
        unsafe { core::ptr::copy_nonoverlapping(p, (&raw mut r).cast::<u8>(), 10) };
        r
    }

    /// The `k`-th `long double` argument in the stack area at `a`.
    ///
    /// # Safety
    /// There are at least `k + 1` such arguments.
    unsafe fn arg(a: *const u8, k: usize) -> X80 {
        // SAFETY: the caller's promise.
        unsafe { X80::load(a.add(k * STRIDE)) }
    }

    /// Whether the sign bit is set.
    fn sign(self) -> bool {
        self.se >> 15 != 0
    }
    /// The biased exponent.
    fn exp(self) -> i32 {
        (self.se & 0x7fff) as i32
    }
    /// NaN?
    fn is_nan(self) -> bool {
        self.exp() == 0x7fff && self.m << 1 != 0
    }
    /// ±infinity?
    fn is_inf(self) -> bool {
        self.exp() == 0x7fff && self.m << 1 == 0
    }
    /// ±0?
    fn is_zero(self) -> bool {
        self.exp() == 0 && self.m == 0
    }
    /// Neither infinite nor NaN?
    fn is_finite(self) -> bool {
        self.exp() != 0x7fff
    }
    /// |self|.
    fn abs(self) -> X80 {
        X80::new(self.se & 0x7fff, self.m)
    }
    /// |self| with the sign `neg`.
    fn with_sign(self, neg: bool) -> X80 {
        X80::new((self.se & 0x7fff) | (neg as u16) << 15, self.m)
    }
    /// A number whose order is the value's (NaNs excluded; -0 = +0).
    fn key(self) -> i128 {
        let mag = ((self.exp() as i128) << 64) | self.m as i128;
        if self.sign() { -mag } else { mag }
    }
    /// `self < b` (false with a NaN).
    fn lt(self, b: X80) -> bool {
        !self.is_nan() && !b.is_nan() && self.key() < b.key()
    }
    /// `self == b` (false with a NaN).
    fn eq(self, b: X80) -> bool {
        !self.is_nan() && !b.is_nan() && self.key() == b.key()
    }

    /// `v` exactly.
    fn from_f64(v: f64) -> X80 {
        let mut r = X80::ZERO;
        fpu!("fld qword ptr [{v}]", "fstp tbyte ptr [{r}]"; v = &raw const v, r = &raw mut r);
        r
    }
    /// `self` rounded to a double.
    fn to_f64(self) -> f64 {
        let mut d = 0f64;
        fpu!("fld tbyte ptr [{x}]", "fstp qword ptr [{d}]"; x = &raw const self, d = &raw mut d);
        d
    }
    /// `v` exactly.
    fn from_i64(v: i64) -> X80 {
        let mut r = X80::ZERO;
        fpu!("fild qword ptr [{v}]", "fstp tbyte ptr [{r}]"; v = &raw const v, r = &raw mut r);
        r
    }
    /// `self` rounded to an integer in the current rounding mode (the
    /// "integer indefinite" `i64::MIN` when out of range or NaN).
    fn to_i64(self) -> i64 {
        let mut v = 0i64;
        fpu!("fld tbyte ptr [{x}]", "fistp qword ptr [{v}]"; x = &raw const self, v = &raw mut v);
        v
    }

    /// `self + b`.
    fn add(self, b: X80) -> X80 {
        bin!(self, b, ["fadd st(0), st(1)"], "fstp st(0)")
    }
    /// `self - b`.
    fn sub(self, b: X80) -> X80 {
        bin!(self, b, ["fsub st(0), st(1)"], "fstp st(0)")
    }
    /// `self * b`.
    fn mul(self, b: X80) -> X80 {
        bin!(self, b, ["fmul st(0), st(1)"], "fstp st(0)")
    }
    /// `self / b`.
    fn div(self, b: X80) -> X80 {
        bin!(self, b, ["fdiv st(0), st(1)"], "fstp st(0)")
    }
    /// -self.
    fn neg(self) -> X80 {
        X80::new(self.se ^ 0x8000, self.m)
    }
    /// The correctly rounded square root.
    fn sqrt(self) -> X80 {
        un!(self, "fsqrt")
    }
    /// Rounded to an integer in the current rounding mode.
    fn rint(self) -> X80 {
        un!(self, "frndint")
    }
    /// Rounded to an integer with the control word's rounding field set to
    /// `rc` (0 nearest, 1 down, 2 up, 3 toward zero) for the one `frndint`.
    fn rint_mode(self, rc: u16) -> X80 {
        let mut cw = 0u16;
        fpu!("fnstcw word ptr [{c}]"; c = &raw mut cw);
        let new = (cw & 0xf3ff) | rc << 10;
        let x = self;
        let mut r = X80::ZERO;
        fpu!(
            "fld tbyte ptr [{x}]",
            "fldcw word ptr [{n}]", // the rounding mode asked for
            "frndint",
            "fldcw word ptr [{c}]", // the caller's again
            "fstp tbyte ptr [{r}]";
            x = &raw const x, n = &raw const new, c = &raw const cw, r = &raw mut r
        );
        r
    }
    /// `self * 2^n`, one rounding (`fscale`; `n` within ±2^16).
    fn scale(self, n: i64) -> X80 {
        bin!(self, X80::from_i64(n), ["fscale"], "fstp st(0)")
    }
    /// `2^self - 1` for |self| <= 1 (`f2xm1`).
    fn f2xm1(self) -> X80 {
        un!(self, "f2xm1")
    }
    /// `self * log2(b)` (`fyl2x`).
    fn yl2x(self, b: X80) -> X80 {
        bin!(b, self, ["fyl2x"], "")
    }
    /// `self * log2(1 + b)` for |b| < 1 - sqrt(1/2) (`fyl2xp1`).
    fn yl2xp1(self, b: X80) -> X80 {
        bin!(b, self, ["fyl2xp1"], "")
    }
    /// `atan(self / b)` in the quadrant of (b, self) (`fpatan`).
    fn atan2(self, b: X80) -> X80 {
        bin!(b, self, ["fpatan"], "")
    }
}

/// The partial remainder loop of `fprem` (`fmod`) or `fprem1`
/// (`remainder`): exact. Returns the remainder and the low three bits of
/// the quotient (C0, C3, C1 of the status word after the last step).
fn prem(x: X80, y: X80, nearest: bool) -> (X80, u32) {
    let mut r = X80::ZERO;
    let sw: u16;
    macro_rules! prem_loop {
        ($ins:literal) => {
            // SAFETY: reads x and y, writes r; the x87 stack ends empty.
            unsafe {
                asm!(
                    "fld tbyte ptr [{y}]",  // st(1) = y
                    "fld tbyte ptr [{x}]",  // st(0) = x
                    "2:",
                    $ins,                   // st(0) = the next partial remainder
                    "fnstsw ax",
                    "test ah, 4",           // C2 set: not finished yet
                    "jnz 2b",
                    "fstp tbyte ptr [{r}]",
                    "fstp st(0)",
                    x = in(reg) &raw const x, y = in(reg) &raw const y, r = in(reg) &raw mut r,
                    out("ax") sw,
                    out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
                    out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _,
                    options(nostack),
                )
            }
        };
    }
    if nearest {
        prem_loop!("fprem1");
    } else {
        prem_loop!("fprem");
    }
    let sw = sw as u32;
    // Quotient bit 2 in C0 (bit 8), bit 1 in C3 (bit 14), bit 0 in C1 (bit 9).
    let q = (sw >> 8 & 1) << 2 | (sw >> 14 & 1) << 1 | (sw >> 9 & 1);
    (r, q)
}

/// Stores `v` at `out`.
///
/// # Safety
/// `out` is writable for 16 bytes.
unsafe fn put(out: *mut X80, v: X80) {
    // SAFETY: the caller's promise.
    unsafe { out.write_unaligned(v) };
}

/// Defines the functions the naked entries call: `$x`, `$y`, `$z` are the
/// first `long double` arguments, `$i` the integer or pointer argument.
macro_rules! inner {
    ($(#[$doc:meta])* fn $name:ident($x:ident) $body:block) => {
        $(#[$doc])*
        /// # Safety
        /// Called by its naked entry: `out` writable, `a` the arguments.
        pub unsafe extern "C" fn $name(out: *mut X80, a: *const u8, _i: usize) {
            // SAFETY: one long double argument.
            let $x = unsafe { X80::arg(a, 0) };
            let r = $body;
            // SAFETY: the result slot.
            unsafe { put(out, r) }
        }
    };
    ($(#[$doc:meta])* fn $name:ident($x:ident, $y:ident) $body:block) => {
        $(#[$doc])*
        /// # Safety
        /// Called by its naked entry: `out` writable, `a` the arguments.
        pub unsafe extern "C" fn $name(out: *mut X80, a: *const u8, _i: usize) {
            // SAFETY: two long double arguments.
            let ($x, $y) = unsafe { (X80::arg(a, 0), X80::arg(a, 1)) };
            let r = $body;
            // SAFETY: the result slot.
            unsafe { put(out, r) }
        }
    };
    ($(#[$doc:meta])* fn $name:ident($x:ident; $i:ident) $body:block) => {
        $(#[$doc])*
        /// # Safety
        /// Called by its naked entry: `out` writable, `a` the arguments,
        /// `i` the integer or pointer argument.
        pub unsafe extern "C" fn $name(out: *mut X80, a: *const u8, $i: usize) {
            // SAFETY: one long double argument.
            let $x = unsafe { X80::arg(a, 0) };
            let r = $body;
            // SAFETY: the result slot.
            unsafe { put(out, r) }
        }
    };
}

/// `Some(x)` quietened when `x` is NaN, else `None`.
fn nan1(x: X80) -> Option<X80> {
    x.is_nan().then(|| x.add(x))
}

inner! {
    /// sqrtl(3).
    fn sqrt(x) { x.sqrt() }
}
inner! {
    /// fabsl(3).
    fn fabs(x) { x.abs() }
}
inner! {
    /// floorl(3).
    fn floor(x) { x.rint_mode(1) }
}
inner! {
    /// ceill(3).
    fn ceil(x) { x.rint_mode(2) }
}
inner! {
    /// truncl(3).
    fn trunc(x) { x.rint_mode(3) }
}
inner! {
    /// rintl(3) and nearbyintl(3).
    fn rint(x) { x.rint() }
}

/// Halfway cases away from zero: the truncation plus one in the direction
/// of `x` when the (exact) fraction is at least a half.
fn round_half_away(x: X80) -> X80 {
    let t = x.rint_mode(3);
    let f = x.sub(t).abs();
    if !x.is_finite() || f.lt(X80::HALF) {
        return t;
    }
    t.add(X80::ONE.with_sign(x.sign()))
}

inner! {
    /// roundl(3).
    fn round(x) { round_half_away(x) }
}
inner! {
    /// copysignl(3).
    fn copysign(x, y) { x.with_sign(y.sign()) }
}
inner! {
    /// fdiml(3).
    fn fdim(x, y) {
        if x.is_nan() || y.is_nan() {
            x.add(y)
        } else if y.lt(x) {
            x.sub(y)
        } else {
            X80::ZERO
        }
    }
}
inner! {
    /// fmaxl(3): a NaN loses to a number; +0 is above -0.
    fn fmax(x, y) { pick(x, y, true) }
}
inner! {
    /// fminl(3).
    fn fmin(x, y) { pick(x, y, false) }
}

/// The larger (`max`) or smaller of `x` and `y`, a number winning over a
/// NaN, and -0 below +0.
fn pick(x: X80, y: X80, max: bool) -> X80 {
    if x.is_nan() {
        return y;
    }
    if y.is_nan() {
        return x;
    }
    let x_first = if x.eq(y) {
        x.sign() != max
    } else {
        x.lt(y) != max
    };
    if x_first { x } else { y }
}

inner! {
    /// fmodl(3): exact.
    fn fmod(x, y) { prem(x, y, false).0 }
}
inner! {
    /// remainderl(3): exact.
    fn remainder(x, y) { prem(x, y, true).0 }
}

/// `x - n y` with `n` the integer nearest `x/y` (ties to even) and the
/// low three bits of `n` with the sign of `x/y`: `fprem` by `8|y|`, then
/// the quotient's three low bits by comparison, each subtraction exact
/// (values within a factor of two). The bits `fprem1` leaves in the status
/// word would do, but qemu-user does not set them.
fn remquo_parts(x: X80, y: X80) -> (X80, c_int) {
    if x.is_nan() || y.is_nan() || x.is_inf() || y.is_zero() {
        return (X80::NAN, 0);
    }
    let ay = y.abs();
    let mut ax = x.abs();
    if ay.is_inf() {
        return (x, 0);
    }
    let y8 = ay.scale(3);
    if y8.is_finite() {
        ax = prem(ax, y8, false).0;
    }
    let mut q = 0;
    for k in [2, 1, 0] {
        let yk = ay.scale(k);
        if yk.is_finite() && !ax.lt(yk) {
            ax = ax.sub(yk);
            q += 1 << k;
        }
    }
    let (a2, b2) = if ay.lt(X80::new(4, 1 << 63)) {
        (ax.scale(1), ay)
    } else {
        (ax, ay.scale(-1))
    };
    if b2.lt(a2) || (a2.eq(b2) && q & 1 == 1) {
        ax = ax.sub(ay);
        q += 1;
    }
    let q = q & 7;
    let q = if x.sign() != y.sign() { -q } else { q };
    (if x.sign() { ax.neg() } else { ax }, q)
}

/// remquol(3): exact, the quotient's low three bits and sign in `*quo`.
///
/// # Safety
/// Called by its naked entry: `out` writable, `a` the arguments, `quo`
/// the `int *`.
pub unsafe extern "C" fn remquo(out: *mut X80, a: *const u8, quo: usize) {
    // SAFETY: two long double arguments.
    let (x, y) = unsafe { (X80::arg(a, 0), X80::arg(a, 1)) };
    let (r, q) = remquo_parts(x, y);
    // SAFETY: the caller's int pointer, and the result slot.
    unsafe {
        *(quo as *mut c_int) = q;
        put(out, r)
    }
}

/// `x` as `m * 2^e` with `0.5 <= |m| < 1`; zero, infinities and NaN give
/// `(x, 0)`.
fn frexp_parts(x: X80) -> (X80, i32) {
    if x.is_zero() || !x.is_finite() {
        return (x, 0);
    }
    let (mut e, mut m) = (x.exp(), x.m);
    if e == 0 {
        // Subnormal: no integer bit; exponent -16382 as for e = 1.
        let lz = m.leading_zeros() as i32;
        m <<= lz;
        e = 1 - lz;
    }
    (X80::new(0x3ffe | (x.se & 0x8000), m), e - 0x3ffe)
}

/// frexpl(3).
///
/// # Safety
/// Called by its naked entry; `ep` is the `int *`.
pub unsafe extern "C" fn frexp(out: *mut X80, a: *const u8, ep: usize) {
    // SAFETY: one long double argument.
    let (m, e) = frexp_parts(unsafe { X80::arg(a, 0) });
    // SAFETY: the caller's int pointer, and the result slot.
    unsafe {
        *(ep as *mut c_int) = e;
        put(out, m)
    }
}

inner! {
    /// ldexpl(3) and scalbnl(3): `i` holds an `int` (the register's low
    /// half on x86_64).
    fn scalbn(x; i) { x.scale((i as c_int as i64).clamp(-65536, 65536)) }
}
inner! {
    /// scalblnl(3): `i` holds a `long`.
    fn scalbln(x; i) { x.scale(long_arg(i).clamp(-65536, 65536)) }
}

/// The `long` argument in `i` (its low half on i386, where `long` is 32
/// bits), widened.
#[allow(clippy::unnecessary_cast)]
fn long_arg(i: usize) -> i64 {
    i as c_long as i64
}

/// ilogbl(3) (`INT_MIN` for 0 and NaN, `INT_MAX` for infinities).
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn ilogb(a: *const u8) -> c_int {
    // SAFETY: one long double argument.
    let x = unsafe { X80::arg(a, 0) };
    if x.is_zero() || x.is_nan() {
        c_int::MIN
    } else if x.is_inf() {
        c_int::MAX
    } else {
        frexp_parts(x).1 - 1
    }
}

inner! {
    /// logbl(3).
    fn logb(x) {
        if let Some(n) = nan1(x) {
            n
        } else if x.is_zero() {
            X80::ONE.neg().div(x.abs())
        } else if x.is_inf() {
            x.abs()
        } else {
            X80::from_i64(frexp_parts(x).1 as i64 - 1)
        }
    }
}

/// modfl(3).
///
/// # Safety
/// Called by its naked entry; `ip` is the `long double *`.
pub unsafe extern "C" fn modf(out: *mut X80, a: *const u8, ip: usize) {
    // SAFETY: one long double argument.
    let x = unsafe { X80::arg(a, 0) };
    let t = x.rint_mode(3);
    let f = if x.is_inf() { X80::ZERO } else { x.sub(t) };
    let f = if f.is_nan() { f } else { f.with_sign(x.sign()) };
    // SAFETY: the caller's long double pointer (the 10 bytes C stores),
    // and the result slot.
    unsafe {
        core::ptr::copy_nonoverlapping((&raw const t).cast::<u8>(), ip as *mut u8, 10);
        put(out, f)
    }
}

/// The neighbour of `x` in the direction of `y`.
fn next(x: X80, y: X80) -> X80 {
    if x.is_nan() || y.is_nan() {
        return x.add(y);
    }
    if x.eq(y) {
        return y;
    }
    if x.is_zero() {
        return X80::new(y.se & 0x8000, 1);
    }
    let up = x.lt(y) != x.sign(); // away from zero?
    let (mut e, mut m) = (x.exp(), x.m);
    if up {
        if m == u64::MAX {
            m = 1 << 63;
            e += 1;
        } else {
            m += 1;
            if e == 0 && m == 1 << 63 {
                e = 1; // the largest subnormal's successor is normal
            }
        }
    } else if m == 1 << 63 && e > 1 {
        m = u64::MAX;
        e -= 1;
    } else {
        m -= 1;
        if e == 1 && m >> 63 == 0 {
            e = 0;
        }
    }
    X80::new(e as u16 | (x.se & 0x8000), m)
}

inner! {
    /// nextafterl(3) and nexttowardl(3).
    fn nextafter(x, y) { next(x, y) }
}

/// nexttoward(3): the double after `x` towards the `long double` at `a`.
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn nexttoward(x: f64, a: *const u8) -> f64 {
    // SAFETY: the long double argument.
    let y = unsafe { X80::arg(a, 0) };
    let xl = X80::from_f64(x);
    let t = if y.is_nan() {
        f64::NAN
    } else if xl.lt(y) {
        f64::INFINITY
    } else if y.lt(xl) {
        f64::NEG_INFINITY
    } else {
        return y.to_f64();
    };
    libm::nextafter(x, t)
}

/// nexttowardf(3): the float after `x` towards the `long double` at `a`.
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn nexttowardf(x: f32, a: *const u8) -> f32 {
    // SAFETY: the long double argument.
    let y = unsafe { X80::arg(a, 0) };
    let xl = X80::from_f64(x as f64);
    let t = if y.is_nan() {
        f32::NAN
    } else if xl.lt(y) {
        f32::INFINITY
    } else if y.lt(xl) {
        f32::NEG_INFINITY
    } else {
        return y.to_f64() as f32;
    };
    libm::nextafterf(x, t)
}

inner! {
    /// nanl(3): the default quiet NaN (the tag is ignored, as in musl).
    fn nan(_x) { X80::NAN }
}

/// `x` rounded to an integer by `f`, as a `long long` (out of range and
/// NaN: `LLONG_MIN`, the x87's "integer indefinite").
///
/// # Safety
/// Called by its naked entry.
unsafe fn to_ll(a: *const u8, round: bool) -> c_longlong {
    // SAFETY: one long double argument.
    let x = unsafe { X80::arg(a, 0) };
    if round {
        round_half_away(x).to_i64()
    } else {
        x.to_i64()
    }
}

/// llrintl(3) (and lrintl where `long` is 64 bits).
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn llrint(a: *const u8) -> c_longlong {
    // SAFETY: passed on.
    unsafe { to_ll(a, false) }
}

/// llroundl(3).
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn llround(a: *const u8) -> c_longlong {
    // SAFETY: passed on.
    unsafe { to_ll(a, true) }
}

/// lrintl(3): out of `long`'s range the result is unspecified (C); the
/// low bits of the `long long` here.
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn lrint(a: *const u8) -> c_long {
    // SAFETY: passed on.
    unsafe { to_ll(a, false) as c_long }
}

/// lroundl(3).
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn lround(a: *const u8) -> c_long {
    // SAFETY: passed on.
    unsafe { to_ll(a, true) as c_long }
}

/// `a * b` as the unevaluated sum `hi + lo`, exactly (Dekker's product
/// with Veltkamp's split into 32-bit halves; no overflow or underflow in
/// the operands' range here).
fn two_prod(a: X80, b: X80) -> (X80, X80) {
    let split = |v: X80| {
        let c = v.mul(X80::new(0x401f, 0x8000_0001_0000_0000)); // 2^32 + 1
        let h = c.sub(c.sub(v));
        (h, v.sub(h))
    };
    let p = a.mul(b);
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = ah
        .mul(bh)
        .sub(p)
        .add(ah.mul(bl))
        .add(al.mul(bh))
        .add(al.mul(bl));
    (p, e)
}

/// `a + b` as `s + t` exactly (Knuth's two-sum).
fn two_sum(a: X80, b: X80) -> (X80, X80) {
    let s = a.add(b);
    let bb = s.sub(a);
    let t = a.sub(s.sub(bb)).add(b.sub(bb));
    (s, t)
}

/// fmal(3): `x * y + z` rounded once. The product is split exactly into
/// two parts, `z` added exactly to the high one, and the two small parts
/// summed with round-to-odd, which makes the final rounding the single
/// correct one (Boldo and Melquiond). Operands are scaled so that the
/// splits neither overflow nor underflow; the scale is undone by one
/// `fscale` (a result in the subnormal range can then be rounded twice).
fn fma(x: X80, y: X80, z: X80) -> X80 {
    if !x.is_finite() || !y.is_finite() || !z.is_finite() || x.is_zero() || y.is_zero() {
        return x.mul(y).add(z);
    }
    if z.is_zero() {
        return x.mul(y);
    }
    let (mx, ex) = frexp_parts(x);
    let (my, ey) = frexp_parts(y);
    let (mz, ez) = frexp_parts(z);
    let ep = (ex + ey) as i64;
    let ez = ez as i64;
    // The product is below half an ulp of z: z (under round to nearest,
    // the mode C programs start in).
    if ep < ez - 140 {
        return z;
    }
    // z far below the product: the product, nudged by z's sign.
    let zs = if ez < ep - 140 {
        X80::new(0x3fff - 200, 1 << 63).with_sign(z.sign())
    } else {
        mz.scale(ez - ep)
    };
    let (p, e) = two_prod(mx, my);
    let (s, t) = two_sum(p, zs);
    let (u, w) = two_sum(t, e);
    // Round-to-odd of t + e: u if exact, else whichever neighbour of u
    // towards w has an odd last bit.
    let u = if w.is_zero() || u.m & 1 == 1 {
        u
    } else {
        next(u, X80::INF.with_sign(w.sign()))
    };
    s.add(u).scale(ep)
}

/// fmal(3).
///
/// # Safety
/// Called by its naked entry.
pub unsafe extern "C" fn fmal(out: *mut X80, a: *const u8, _i: usize) {
    // SAFETY: three long double arguments, and the result slot.
    unsafe {
        let (x, y, z) = (X80::arg(a, 0), X80::arg(a, 1), X80::arg(a, 2));
        put(out, fma(x, y, z))
    }
}

/// log2(e), rounded to 64 bits, and the rest.
const LOG2E: X80 = X80::new(0x3fff, 0xb8aa_3b29_5c17_f0bc);
/// log2(e) minus [`LOG2E`].
const LOG2E_LO: f64 = -2.772710179645131e-20;
/// log10(2), rounded.
const LG2: X80 = X80::new(0x3ffd, 0x9a20_9a84_fbcf_f799);
/// sin or (with `cos`) cos of `x`: [`crate::ldmath::trig`] on the exact
/// binary128 value, rounded once to 80 bits (the reduction is exact for
/// every finite argument).
fn sin_cos(x: X80, cos: bool) -> X80 {
    if !x.is_finite() {
        return x.sub(x);
    }
    let v = x.to_f128();
    let r = if cos {
        crate::ldmath::trig::cos(v)
    } else {
        crate::ldmath::trig::sin(v)
    };
    from_scaled((r, 0))
}

inner! {
    /// sinl(3) (see the module's notes on accuracy).
    fn sin(x) { sin_cos(x, false) }
}
inner! {
    /// cosl(3).
    fn cos(x) { sin_cos(x, true) }
}
inner! {
    /// tanl(3).
    fn tan(x) {
        if !x.is_finite() {
            x.sub(x)
        } else {
            from_scaled((crate::ldmath::trig::tan(x.to_f128()), 0))
        }
    }
}

/// `sqrt((1 - x)(1 + x))`, the other leg for asin and acos.
fn cos_of_asin(x: X80) -> X80 {
    X80::ONE.sub(x).mul(X80::ONE.add(x)).sqrt()
}

inner! {
    /// asinl(3).
    fn asin(x) { x.atan2(cos_of_asin(x)) }
}
inner! {
    /// acosl(3).
    fn acos(x) { cos_of_asin(x).atan2(x) }
}
inner! {
    /// atanl(3).
    fn atan(x) { x.atan2(X80::ONE) }
}
inner! {
    /// atan2l(3): `fpatan` follows C99's special cases.
    fn atan2(y, x) { y.atan2(x) }
}

/// `2^(n + f)` for an integer `n` and |f| < 1.
fn pow2(n: X80, f: X80) -> X80 {
    f.f2xm1().add(X80::ONE).scale(n.to_i64())
}

inner! {
    /// exp2l(3).
    fn exp2(x) {
        if x.is_nan() {
            x.add(x)
        } else if X80::from_i64(16400).lt(x) {
            X80::INF.scale(0).add(x.abs()) // +inf (overflow)
        } else if x.lt(X80::from_i64(-16500)) {
            X80::new(1, 1 << 63).scale(-100) // +0 (underflow)
        } else {
            let n = x.rint();
            pow2(n, x.sub(n))
        }
    }
}

/// e^x: x log2(e) carried as `n + f` with `f` exact to about 2^-80.
fn exp(x: X80) -> X80 {
    if x.is_nan() {
        return x.add(x);
    }
    if X80::from_i64(11400).lt(x) {
        return X80::INF;
    }
    if x.lt(X80::from_i64(-11500)) {
        return X80::new(1, 1 << 63).scale(-100);
    }
    let (p, pe) = two_prod(x, LOG2E);
    let n = p.rint();
    let f = p.sub(n).add(pe.add(x.mul(X80::from_f64(LOG2E_LO))));
    pow2(n, f)
}

inner! {
    /// expl(3).
    fn expl(x) { exp(x) }
}

/// e^x - 1, accurate near 0.
fn expm1(x: X80) -> X80 {
    if x.is_nan() {
        return x.add(x);
    }
    if x.lt(X80::from_i64(-50)) {
        return X80::ONE.neg().add(X80::new(1, 1 << 63).scale(-100));
    }
    if x.abs().lt(X80::HALF) {
        // 2^t - 1 with t = x log2(e) rounded once: the relative error of t
        // is the result's.
        let (p, pe) = two_prod(x, LOG2E);
        return p.add(pe).add(x.mul(X80::from_f64(LOG2E_LO))).f2xm1();
    }
    exp(x).sub(X80::ONE)
}

inner! {
    /// expm1l(3).
    fn expm1l(x) { expm1(x) }
}

/// 0.29: below this distance from 1, `fyl2xp1` on `x - 1` (exact) is
/// used for the logarithms (it is defined for |x - 1| < 1 - sqrt(1/2)).
fn near_one(d: X80) -> bool {
    d.abs().lt(X80::from_f64(0.29))
}

/// `k * log2(x)` for `x` positive (and the C99 special values otherwise).
fn log_k(k: X80, x: X80) -> X80 {
    let d = x.sub(X80::ONE);
    if near_one(d) { k.yl2xp1(d) } else { k.yl2x(x) }
}

/// ln x.
fn log(x: X80) -> X80 {
    log_k(X80::LN2, x)
}

inner! {
    /// logl(3).
    fn logl(x) { log(x) }
}
inner! {
    /// log2l(3).
    fn log2(x) { log_k(X80::ONE, x) }
}
inner! {
    /// log10l(3).
    fn log10(x) { log_k(LG2, x) }
}

/// ln(1 + x), accurate near 0.
fn log1p(x: X80) -> X80 {
    if near_one(x) {
        X80::LN2.yl2xp1(x)
    } else {
        X80::LN2.yl2x(X80::ONE.add(x))
    }
}

inner! {
    /// log1pl(3).
    fn log1pl(x) { log1p(x) }
}

/// `y` an integer? And an odd one?
fn int_odd(y: X80) -> (bool, bool) {
    if !y.is_finite() || !y.rint_mode(3).eq(y) {
        return (false, false);
    }
    let h = y.mul(X80::HALF);
    (true, !h.rint_mode(3).eq(h))
}

/// x^y with C99's special cases.
fn pow(x: X80, y: X80) -> X80 {
    if y.is_zero() || x.eq(X80::ONE) {
        return X80::ONE;
    }
    if x.is_nan() || y.is_nan() {
        return x.add(y);
    }
    let (yint, yodd) = int_odd(y);
    let ax = x.abs();
    if y.is_inf() {
        if ax.eq(X80::ONE) {
            return X80::ONE;
        }
        return if ax.lt(X80::ONE) == y.sign() {
            X80::INF
        } else {
            X80::ZERO
        };
    }
    let neg = x.sign() && yodd;
    if x.is_zero() || x.is_inf() {
        // |x|^y is 0 or infinity; the sign is x's for odd integer y.
        let big = x.is_inf() != y.sign();
        return if big { X80::INF } else { X80::ZERO }.with_sign(neg);
    }
    if x.sign() && !yint {
        return X80::NAN.add(x.sub(x)); // invalid
    }
    // |x|^y = e^(y ln|x|) in f128: ln|x| to about 2^-112 relatively, so
    // the exponent's absolute error, and the result's relative one, stays
    // near 2^-98 up to the ends of the range; then one rounding.
    let t = y.to_f128() * crate::ldmath::kernel::ln(ax.to_f128());
    let r = if t > 20000.0 {
        (1.0, 40000) // overflow
    } else if t < -20000.0 {
        (1.0, -40000) // underflow
    } else {
        crate::ldmath::kernel::exp_scaled(t)
    };
    from_scaled(r).with_sign(neg)
}

inner! {
    /// powl(3).
    fn powl(x, y) { pow(x, y) }
}

inner! {
    /// cbrtl(3): a double cube root, then one Newton step with the
    /// residual computed exactly.
    fn cbrt(x) {
        if x.is_zero() || !x.is_finite() {
            x.add(x)
        } else {
            let (m, e) = frexp_parts(x.abs());
            let r = e.rem_euclid(3);
            let m = m.scale(r as i64);
            let c = X80::from_f64(libm::cbrt(m.to_f64()));
            let (s, sl) = two_prod(c, c);
            let (p, pl) = two_prod(s, c);
            let resid = p.sub(m).add(pl).add(sl.mul(c));
            let c = c.sub(resid.div(X80::from_i64(3).mul(s)));
            c.scale(((e - r) / 3) as i64).with_sign(x.sign())
        }
    }
}

inner! {
    /// hypotl(3): scaled by a power of two, then `sqrt(x^2 + y^2)`.
    fn hypot(x, y) {
        if x.is_inf() || y.is_inf() {
            X80::INF
        } else if x.is_nan() || y.is_nan() {
            x.add(y)
        } else {
            let (ax, ay) = (x.abs(), y.abs());
            let big = if ax.lt(ay) { ay } else { ax };
            if big.is_zero() {
                X80::ZERO
            } else {
                let e = frexp_parts(big).1 as i64;
                let (xs, ys) = (ax.scale(-e), ay.scale(-e));
                xs.mul(xs).add(ys.mul(ys)).sqrt().scale(e)
            }
        }
    }
}

/// 2^-40: below it the odd hyperbolic functions are `x` itself.
fn tiny(x: X80) -> bool {
    x.abs().lt(X80::new(0x3fff - 40, 1 << 63))
}

inner! {
    /// sinhl(3).
    fn sinh(x) {
        let a = x.abs();
        let r = if !x.is_finite() || tiny(x) {
            a
        } else if a.lt(X80::ONE) {
            let t = expm1(a);
            t.add(t.div(t.add(X80::ONE))).mul(X80::HALF)
        } else {
            // e^a / 2 - e^-a / 2, as e^(a/2) (e^(a/2) / 2) when e^a alone
            // would overflow.
            let h = exp(a.mul(X80::HALF));
            let big = h.mul(h.mul(X80::HALF));
            big.sub(X80::new(0x3ffd, 1 << 63).div(big))
        };
        r.with_sign(x.sign())
    }
}
inner! {
    /// coshl(3): (e^a + e^-a)/2 in f128 (e^a as m 2^k, so that it
    /// neither overflows nor loses bits before the one rounding).
    fn cosh(x) {
        let a = x.abs();
        if !x.is_finite() {
            a.mul(a)
        } else {
            let (m, k) = crate::ldmath::kernel::exp_scaled(a.to_f128());
            if k < 64 {
                let e = m * crate::ldmath::pow2(k);
                from_scaled((e + 1.0 / e, -1))
            } else {
                from_scaled((m, k - 1)) // e^-a is below 2^-128 of e^a
            }
        }
    }
}
inner! {
    /// tanhl(3).
    fn tanh(x) {
        let a = x.abs();
        let r = if x.is_nan() || tiny(x) {
            a.add(a.sub(a))
        } else if X80::from_i64(23).lt(a) {
            X80::ONE
        } else {
            let t = expm1(a.mul(X80::TWO));
            t.div(t.add(X80::TWO))
        };
        r.with_sign(x.sign())
    }
}
inner! {
    /// asinhl(3).
    fn asinh(x) {
        let a = x.abs();
        let r = if !x.is_finite() || tiny(x) {
            a
        } else if X80::new(0x3fff + 32, 1 << 63).lt(a) {
            log(a).add(X80::LN2)
        } else if a.lt(X80::TWO) {
            let s = a.mul(a);
            log1p(a.add(s.div(X80::ONE.add(s.add(X80::ONE).sqrt()))))
        } else {
            log(a.mul(X80::TWO).add(X80::ONE.div(a.mul(a).add(X80::ONE).sqrt().add(a))))
        };
        r.with_sign(x.sign())
    }
}
inner! {
    /// acoshl(3).
    fn acosh(x) {
        if x.is_nan() || x.lt(X80::ONE) {
            x.sub(x).div(x.sub(x)) // NaN, invalid below 1
        } else if X80::new(0x3fff + 32, 1 << 63).lt(x) {
            log(x).add(X80::LN2)
        } else if x.lt(X80::TWO) {
            let t = x.sub(X80::ONE);
            log1p(t.add(X80::TWO.mul(t).add(t.mul(t)).sqrt()))
        } else {
            log(x.mul(X80::TWO).sub(X80::ONE.div(x.add(x.mul(x).sub(X80::ONE).sqrt()))))
        }
    }
}
inner! {
    /// atanhl(3).
    fn atanh(x) {
        let a = x.abs();
        let r = if x.is_nan() || tiny(x) {
            a.add(a.sub(a))
        } else if a.lt(X80::HALF) {
            let a2 = a.mul(X80::TWO);
            log1p(a2.add(a2.mul(a).div(X80::ONE.sub(a)))).mul(X80::HALF)
        } else {
            log1p(a.mul(X80::TWO).div(X80::ONE.sub(a))).mul(X80::HALF)
        };
        r.with_sign(x.sign())
    }
}

unsafe extern "C" {
    /// The C library's `signgam` (`src/c/math.rs`), named here so that
    /// `lgammal` sets the variable `lgamma` sets.
    static mut signgam: c_int;
}

/// The result of an `f128` kernel, `v 2^k`, rounded once to the 80-bit
/// format; overflow and underflow raise their flags (by an x87 operation
/// that overflows or underflows too), as does inexactness.
fn from_scaled((v, k): (f128, i32)) -> X80 {
    if v.is_nan() {
        return X80::NAN;
    }
    let b = v.to_bits();
    let neg = b >> 127 != 0;
    let ef = (b >> 112) as i32 & 0x7fff;
    let frac = b & ((1u128 << 112) - 1);
    if ef == 0x7fff {
        return X80::INF.with_sign(neg);
    }
    if ef == 0 && frac == 0 {
        return X80::ZERO.with_sign(neg);
    }
    // sig 2^(e - 112), the leading bit of sig at 112.
    let (mut sig, mut e) = if ef == 0 {
        (frac, -16382)
    } else {
        (frac | 1u128 << 112, ef - 16383)
    };
    let lz = sig.leading_zeros() as i32 - 15;
    sig <<= lz;
    e = e - lz + k.clamp(-40000, 40000);
    // Keep 64 bits, fewer below the least normal exponent.
    let shift = (49 + (-16382 - e).max(0)).min(120) as u32;
    let (mut q, rem, half) = (
        sig >> shift,
        sig & ((1u128 << shift) - 1),
        1u128 << (shift - 1),
    );
    if rem > half || (rem == half && q & 1 == 1) {
        q += 1;
    }
    if rem != 0 {
        let _ = X80::ONE.add(X80::new(0x3fff - 100, 1 << 63)); // inexact
    }
    let mut be = if e < -16382 { 0 } else { e + 16383 };
    if q >> 64 != 0 {
        q >>= 1; // rounded up to the next power of two
        be += 1;
    } else if be == 0 && q >> 63 != 0 {
        be = 1; // a subnormal rounded up to the least normal
    }
    if be >= 0x7fff {
        let max = X80::new(0x7ffe, u64::MAX);
        return max.mul(max).with_sign(neg); // overflow: +-inf
    }
    if be == 0 && rem != 0 {
        let min = X80::new(1, 1 << 63);
        let _ = min.mul(min); // underflow
    }
    X80::new(be as u16 | (neg as u16) << 15, q as u64)
}

impl X80 {
    /// `self` exactly (finite; the formats share their exponent range).
    fn to_f128(self) -> f128 {
        let b = (self.sign() as u128) << 127
            | (self.exp() as u128) << 112
            | ((self.m & !(1 << 63)) as u128) << 49;
        f128::from_bits(b)
    }
}

inner! {
    /// erfl(3): [`ldmath::erf`](crate::ldmath::erf) in `f128`.
    fn erf(x) {
        if x.is_nan() {
            x.add(x)
        } else if x.is_inf() {
            X80::ONE.with_sign(x.sign())
        } else {
            from_scaled(crate::ldmath::erf::erf(x.to_f128()))
        }
    }
}
inner! {
    /// erfcl(3).
    fn erfc(x) {
        if x.is_nan() {
            x.add(x)
        } else if x.is_inf() {
            if x.sign() { X80::TWO } else { X80::ZERO }
        } else {
            from_scaled(crate::ldmath::erf::erfc(x.to_f128()))
        }
    }
}
inner! {
    /// lgammal(3), setting `signgam`: +inf with the divide-by-zero flag at
    /// the poles (0 and the negative integers).
    fn lgammal(x) {
        let (v, s) = if x.is_nan() {
            (x.add(x), 1)
        } else if x.is_inf() {
            (X80::INF, 1)
        } else {
            let (v, s) = crate::ldmath::gamma::lgamma(x.to_f128());
            let r = if v != f128::INFINITY {
                from_scaled((v, 0))
            } else if x.is_zero() || x.sign() {
                X80::ONE.div(X80::ZERO) // a pole: +inf, divide-by-zero
            } else {
                from_scaled((1.0, 20000)) // overflow (x beyond 1e4928)
            };
            (r, s)
        };
        // SAFETY: a plain int store; C leaves races on signgam to the program.
        unsafe { (&raw mut signgam).write(s) };
        v
    }
}
inner! {
    /// tgammal(3): +-inf with divide-by-zero at +-0, NaN (invalid) at the
    /// negative integers and -inf; overflow and underflow flagged.
    fn tgamma(x) {
        if x.is_nan() {
            x.add(x)
        } else if x.is_zero() {
            X80::ONE.with_sign(x.sign()).div(X80::ZERO)
        } else if x.sign() && (x.is_inf() || x.rint_mode(3).eq(x)) {
            x.sub(x).div(x.sub(x)).abs() // 0/0: invalid; glibc's NaN is positive
        } else if x.is_inf() {
            x
        } else {
            from_scaled(crate::ldmath::gamma::tgamma(x.to_f128()))
        }
    }
}
