//! <math.h> for `double` and `float`: thin C wrappers around the `libm`
//! crate (musl's libm ported to Rust), so the numerics are a well-kept
//! crate's, not ours.
//!
//! Every function is exported here, name for name, even the ~30 that
//! compiler_builtins also defines weakly (`sqrt`, `floor`, `fma`, ...): one
//! table is the single source of truth. Both definitions are weak; the
//! linker takes muslin's because muslin's object is the first member of
//! `libmuslin.a` (it holds `_start`), so its archive-index entries come
//! first (see `arch/x86_64/string.rs` for the same case with `memcpy`).
//!
//! Errors are reported the musl way, `math_errhandling == MATH_ERREXCEPT`:
//! a domain or range error raises the floating-point exception and returns
//! the C99 value; no function here sets `errno`.
//!
//! The `long double` (`l`) variants and `nexttoward[f]` (which take a
//! `long double`) are not here.

use crate::ldmath::eft::{fast_two_sum, two_prod};
use core::ffi::{CStr, c_char, c_int, c_long, c_longlong};

/// Exports `fn NAME(x: T) -> T` as libm's function of the same name.
macro_rules! unary {
    ($t:ty: $($name:ident)*) => {$(
        #[doc = concat!(stringify!($name), "(3).")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t) -> $t {
            libm::$name(x)
        }
    )*};
}

/// Exports `fn NAME(x: T, y: T) -> T` as libm's function of the same name.
macro_rules! binary {
    ($t:ty: $($name:ident)*) => {$(
        #[doc = concat!(stringify!($name), "(3).")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t, y: $t) -> $t {
            libm::$name(x, y)
        }
    )*};
}

unary!(f64: acos asin atan cos sin tan asinh atanh sinh tanh
    exp10 expm1 log10 log1p cbrt fabs sqrt erf tgamma
    ceil floor rint round trunc j0 j1 y0 y1);
unary!(f32: acosf asinf atanf cosf sinf tanf atanhf sinhf tanhf
    expm1f log10f log1pf fabsf sqrtf erff tgammaf
    ceilf floorf rintf roundf truncf j0f j1f y0f y1f);
/// Exports `fn NAMEf(x: f32) -> f32` as the double function here (muslin's
/// own or the libm crate's), rounded once: where the libm crate's float
/// version (an older FreeBSD algorithm than musl's) measured worse than
/// musl's in tests/math_diff.c.
macro_rules! via_f64 {
    ($($name:ident = $f:ident;)*) => {$(
        #[doc = concat!(stringify!($name), "(3): `", stringify!($f), "` rounded to float.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: f32) -> f32 {
            $f(x as f64) as f32
        }
    )*};
}

via_f64! {
    expf = exp;
    logf = log;
    log2f = log2;
    exp10f = exp10;
    cbrtf = cbrt;
    coshf = cosh;
    asinhf = asinh;
    erfcf = erfc;
}

binary!(f64: atan2 hypot fmod remainder copysign nextafter fdim fmax fmin);
binary!(f32: atan2f fmodf remainderf copysignf nextafterf fdimf fmaxf fminf);

/// exp2f(3): [`exp2`] (correctly rounded in practice) rounded to float.
/// A float's 2^x lies within 2^-53 relative of a float rounding boundary
/// only by chance, so the double rounding is the float's correct rounding
/// in practice.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn exp2f(x: f32) -> f32 {
    exp2(x as f64) as f32
}

/// powf(3): `pow` of the two floats as doubles, rounded to float. The
/// doubles are the floats' exact values, so every special case (signed
/// zeros, infinities, a negative base with an integer or non-integer
/// exponent) is the double one's; [`pow`] is correctly rounded in
/// practice, so the one rounding to float is correct in practice, and
/// overflow/underflow come from the narrowing with their flags.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn powf(x: f32, y: f32) -> f32 {
    pow(x as f64, y as f64) as f32
}

/// ln 2 as a double-double.
const LN2_HI: f64 = core::f64::consts::LN_2;
/// ln 2 − [`LN2_HI`].
const LN2_LO: f64 = 2.3190468138462996e-17;

/// 2^(j/128) for j in 0..128 as double-doubles `(hi, lo)` (hi the
/// correctly rounded value), computed with 80-digit decimal arithmetic
/// by `tools/exp2_table.py` (its output is this table).
#[allow(clippy::excessive_precision)]
static EXP2_TABLE: [(f64, f64); 128] = [
    (1.0, 0.0),
    (1.0054299011128027, 9.499186535455032e-17),
    (1.0108892860517005, -1.5234778603368577e-17),
    (1.016378314910953, -5.77217007319966e-17),
    (1.0218971486541166, 5.109225028973444e-17),
    (1.0274459491187637, -4.9560741746453704e-17),
    (1.0330248790212284, 7.600838874027088e-18),
    (1.0386341019613787, 5.996273788852511e-17),
    (1.0442737824274138, 8.551889705537965e-17),
    (1.0499440858006872, 5.592937848127003e-17),
    (1.0556451783605572, 1.759325738772092e-18),
    (1.061377227289262, -1.1973537085365658e-17),
    (1.0671404006768237, -7.899853966841582e-17),
    (1.0729348675259756, -3.839668843358824e-18),
    (1.0787607977571199, -6.656660436056593e-17),
    (1.0846183622133092, 3.166152845816346e-17),
    (1.0905077326652577, -3.046782079812471e-17),
    (1.0964290818163769, -5.919933484449316e-17),
    (1.102382583307841, 5.2660368715706944e-17),
    (1.1083684117236787, -8.786813845180527e-17),
    (1.1143867425958924, 1.0410278456845571e-16),
    (1.1204377524096067, -6.201085906554179e-17),
    (1.1265216186082418, 5.165856758795457e-17),
    (1.1326385195987192, 3.237356166738e-17),
    (1.1387886347566916, 8.912812676025408e-17),
    (1.1449721444318042, 4.6412898921700107e-17),
    (1.1511892299529827, 3.250710218863827e-17),
    (1.1574400736337511, -9.1238712311344e-17),
    (1.1637248587775775, 3.8292048369240935e-17),
    (1.1700437696832502, -1.8477442017900047e-18),
    (1.1763969916502812, 5.554203254218079e-17),
    (1.182784710984341, 1.542975430079076e-17),
    (1.189207115002721, 3.982015231465646e-17),
    (1.1956643920398273, 4.6166036704814814e-17),
    (1.202156731452703, 6.644981499252301e-17),
    (1.2086843236265816, -4.746725945228984e-17),
    (1.215247359980469, -7.712630692681488e-17),
    (1.2218460329727576, -1.0611021211402691e-16),
    (1.22848053610687, -1.89878163130253e-17),
    (1.2351510639369334, -1.0755244344307841e-16),
    (1.241857812073484, 4.658027591836937e-17),
    (1.2486009771892048, -8.261810999021964e-17),
    (1.255380757024691, -6.7113898212968784e-18),
    (1.2621973503942507, -3.0844648874738465e-17),
    (1.2690509571917332, 2.667932131342186e-18),
    (1.275941778396392, 9.91543024421429e-17),
    (1.2828700160787783, 1.713594918243561e-17),
    (1.2898358734066657, 8.949257530897592e-17),
    (1.2968395546510096, 2.5382502794888315e-17),
    (1.3038812651919358, 8.647675598267871e-17),
    (1.3109612115247644, -7.181536135519454e-17),
    (1.318079601266064, -5.4579558271491535e-17),
    (1.3252366431597413, -2.8587312100388614e-17),
    (1.3324325470831615, -5.101586630916744e-17),
    (1.339667524053303, 8.927282594831732e-17),
    (1.3469417862329458, 3.224065101254679e-17),
    (1.3542555469368927, 7.70094837980299e-17),
    (1.3616090206382248, 1.533787661270668e-18),
    (1.3690024229745905, 9.593797919118849e-17),
    (1.3764359707545302, -6.898588935871801e-17),
    (1.383909881963832, -6.770511658794786e-17),
    (1.3914243757719262, -4.9061748652889893e-17),
    (1.3989796725383112, -9.614213209051323e-17),
    (1.4065759938190154, 7.034914812136422e-18),
    (core::f64::consts::SQRT_2, -9.667293313452913e-17),
    (1.4218926021691656, -1.6077828915890244e-17),
    (1.42961333839197, -1.2031642489053655e-17),
    (1.4373759974489824, -4.2040340164675566e-17),
    (1.4451808069770467, -3.0237581349939873e-17),
    (1.4530279958490526, -5.779948609396106e-17),
    (1.460917794180647, -5.600377186075216e-17),
    (1.4688504333369818, 8.465882756533628e-17),
    (1.4768261459394993, -3.483994556892796e-17),
    (1.4848451658727524, 1.0780086764407481e-16),
    (1.4929077282912648, 1.4192920154284036e-17),
    (1.5010140696264256, -6.413767275790235e-17),
    (1.5091644275934228, -1.016455327754295e-16),
    (1.5173590411982147, -4.308699472043341e-17),
    (1.5255981507445384, -1.1024941712342561e-16),
    (1.533881997840956, 8.875226844438446e-17),
    (1.5422108254079407, 7.949834809697621e-17),
    (1.550584877685, -1.4600706590689385e-17),
    (1.559004400237837, 3.7812070533575275e-17),
    (1.567469639965553, -1.0352061768849722e-16),
    (1.5759808451078865, -1.0136916471278304e-17),
    (1.5845382652524937, -1.9337717034585703e-17),
    (1.593142151342267, -1.0094406542311964e-16),
    (1.6017927556826934, -6.054917453527784e-17),
    (1.6104903319492543, 2.4707192569797888e-17),
    (1.6192351351948637, 2.0941334154229092e-17),
    (1.6280274218573478, -6.712955084707084e-17),
    (1.6368674497669644, 7.698325071319876e-17),
    (1.645755478153965, -1.0125679913674773e-16),
    (1.6546917676561943, 9.643294303196029e-17),
    (1.6636765803267364, 5.8909926967131e-17),
    (1.6727101796415966, -5.476715964599563e-17),
    (1.681792830507429, 8.199010020581497e-17),
    (1.6909247992693053, -9.66967147439488e-17),
    (1.7001063537185235, -8.0237193703977e-18),
    (1.709337763100463, -9.868779456632931e-17),
    (1.718619298122478, -1.851380418263111e-17),
    (1.7279512309618377, -1.0750981861204642e-16),
    (1.7373338352737062, 3.164389299292957e-17),
    (1.746767386199169, -1.0752290483507515e-16),
    (1.7562521603732995, 2.960140695448873e-17),
    (1.7657884359332727, 9.461315018083268e-17),
    (1.7753764925265212, 6.429731796556572e-17),
    (1.785016611318935, 1.5330400121031314e-17),
    (1.7947090750031072, 1.8227458427912087e-17),
    (1.804454167806624, -5.177222408793318e-17),
    (1.8142521755003989, -9.969531538920349e-17),
    (1.8241033854070534, -1.0159627862277083e-16),
    (1.8340080864093424, 3.283107224245627e-17),
    (1.843966568958626, -5.939742026949965e-17),
    (1.8539791250833855, 9.761887490727594e-17),
    (1.864046048397789, 6.540912680620572e-17),
    (1.8741676341103, -6.122763413004143e-17),
    (1.8843441790323345, -8.226593125533711e-17),
    (1.8945759815869656, 3.4034035352165297e-17),
    (1.9048633418176741, 6.533857514718279e-17),
    (1.9152065613971474, -1.0619946056195963e-16),
    (1.925605943636125, -9.914963769693741e-17),
    (1.9360617934922943, 1.0332385960676326e-16),
    (1.9465744175792332, 6.811022349533877e-17),
    (1.9571441241754002, 8.960767791036668e-17),
    (1.9677712232331759, -1.0314928011531132e-16),
    (1.978456026387951, 4.0388753109278167e-17),
    (1.9891988469672663, 8.2051326383692e-18),
];

/// 2^(k/128)·e^t as `(m, a, c)`: 2^m·(a + c), a + c an unnormalised
/// double-double (a in [0.99, 2], |c| < 2^-27), for |t| <= ln 2/256
/// (slightly more is fine) given as a double-double `th + tl` with |tl| at
/// most an ulp of th.
///
/// 2^(k/128) = 2^m·T[j] with T the table; e^t − 1 = t + t²/2 (t² exact) +
/// a short Taylor tail (its terms under 2^-28, truncated at 2^-85), and the
/// product with the table's double-double is summed so that a + c is within
/// about 2^-95 relative of 2^(k/128)·e^t.
fn exp_core(k: i32, th: f64, tl: f64) -> (i32, f64, f64) {
    let m = k >> 7;
    let (th_tab, tl_tab) = EXP2_TABLE[(k & 127) as usize];
    // e^t − 1 = th + q_hi + q_lo.
    let (s2h, s2l) = two_prod(th, th);
    let q_hi = 0.5 * s2h;
    let tail = th
        * th
        * th
        * (1.0 / 6.0
            + th * (1.0 / 24.0 + th * (1.0 / 120.0 + th * (1.0 / 720.0 + th * (1.0 / 5040.0)))));
    let q_lo = 0.5 * s2l + th * tl + tail;
    let (sh, e2) = fast_two_sum(th, q_hi);
    let sl = e2 + (tl + q_lo);
    // T·e^t = T + T·(sh + sl).
    let (ph, pl) = two_prod(th_tab, sh);
    let rest = pl + th_tab * sl + tl_tab + tl_tab * sh;
    let (a, b) = fast_two_sum(th_tab, ph);
    (m, a, b + rest)
}

/// 2^m·(a + c) (from [`exp_core`]) rounded once, with its flags.
///
/// `tiny` says that the value is below 2^-1022 (the caller knows it from
/// its argument): it is then rounded once, at the subnormal's own last bit
/// (by adding it to 1 in units of 2^-1022), and underflow is raised when
/// `exact` is false. Otherwise 2^m scales a + c rounded, exactly (m up to
/// 1024: a value at or above 2^1024 overflows, with its flags).
fn exp_finish(m: i32, a: f64, c: f64, tiny: bool, exact: bool) -> f64 {
    use core::hint::black_box;
    if tiny {
        // w = value / 2^-1022 < 1, and 1 + w rounds w at the subnormal's
        // last bit (2^-52 in these units).
        let sc = f64::from_bits(((m + 1022 + 1023) as u64) << 52);
        let (wa, wc) = (a * sc, c * sc);
        let (s, e) = fast_two_sum(1.0, wa);
        let f = s + (e + wc);
        if !exact {
            // Inexact and tiny: the multiply below is exact, so raise
            // underflow here.
            let _ = black_box(black_box(f64::MIN_POSITIVE) * f64::MIN_POSITIVE);
        }
        return (f - 1.0) * f64::MIN_POSITIVE;
    }
    let v = a + c;
    if m > 1023 {
        return v * 2.0 * f64::from_bits(((m - 1 + 1023) as u64) << 52);
    }
    v * f64::from_bits(((m + 1023) as u64) << 52)
}

/// +inf, raising overflow (and inexact).
#[inline(always)]
fn overflow() -> f64 {
    core::hint::black_box(f64::MAX) * 2.0
}

/// 0, raising underflow and inexact.
#[inline(always)]
fn underflow() -> f64 {
    core::hint::black_box(f64::MIN_POSITIVE) * f64::MIN_POSITIVE
}

/// The special cases of [`exp`] and [`exp2`], or None for x the core
/// takes: NaN; above `hi` +inf (exact for +inf, else overflow); below `lo`
/// 0 (exact for -inf, else underflow and inexact); |x| < 2^-54 1 + x (the
/// value is within 2^-54 of 1, so 1, inexact unless x is 0; the core's
/// products would underflow and raise that spuriously).
#[inline(always)]
fn exp_special(x: f64, hi: f64, lo: f64) -> Option<f64> {
    if x.is_nan() {
        return Some(x + x);
    }
    if x > hi {
        return Some(if x == f64::INFINITY { x } else { overflow() });
    }
    if x < lo {
        return Some(if x == f64::NEG_INFINITY {
            0.0
        } else {
            underflow()
        });
    }
    if libm::fabs(x) < f64::from_bits(0x3c90000000000000) {
        return Some(1.0 + x);
    }
    None
}

/// exp2(3), correctly rounded in practice (the libm crate's is up to an
/// ulp off; musl's, and glibc's, are correctly rounded in practice).
///
/// x = m + j/128 + r with m, j integers, |r| <= 1/256 (exact: `r` keeps
/// x's low bits); 2^x = 2^(k/128)·e^t with k = 128m + j and t = r·ln 2,
/// |t| < 0.0028, from [`exp_core`]: the computed value is within about
/// 2^-95 of 2^x, so it rounds wrongly only when 2^x is that close to a
/// rounding boundary.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn exp2(x: f64) -> f64 {
    // From 1024 on (above the greatest double below it) 2^x overflows;
    // below -1075 it rounds to 0.
    if let Some(v) = exp_special(x, f64::from_bits(0x408FFFFFFFFFFFFF), -1075.0) {
        return v;
    }
    // |x| < 1076: x·128 is exact; adding and taking away 1.5·2^52 rounds
    // it to an integer (to nearest; another rounding mode gives a
    // neighbour, and |r| <= 1/128 keeps the error terms below 2^-75).
    let k = (x * 128.0 + SHIFT) - SHIFT;
    let r = x - k / 128.0;
    let k = k as i32;
    // t = r·ln 2 as th + tl.
    let (th, e1) = two_prod(r, LN2_HI);
    let tl = e1 + r * LN2_LO;
    let (m, a, c) = exp_core(k, th, tl);
    // (An exact subnormal, 2^-1074 and the like, raises nothing, as IEEE
    // 754 says; glibc raises underflow and inexact.)
    let exact = r == 0.0 && k & 127 == 0 && x >= -1074.0;
    exp_finish(m, a, c, x < -1022.0, exact)
}

/// 1.5·2^52: adding and taking away rounds a double below 2^51 to an
/// integer.
const SHIFT: f64 = 6755399441055744.0;
/// ln 2/128 = `LN2_128_HI` + `LN2_128_LO` (to about 2^-96 relative):
/// `LN2_128_HI` has 34 significant bits, so k·`LN2_128_HI` is exact for
/// |k| < 2^19. From `tools/explog_consts.py`.
const LN2_128_HI: f64 = f64::from_bits(0x3f762e42fef80000);
/// See [`LN2_128_HI`].
const LN2_128_LO: f64 = 1.2655086083325438e-13;
/// 128/ln 2 (only picks k; its rounding does not matter).
const INV_LN2_128: f64 = 184.6649652337873;

/// e^x as `(m, a, c)` of [`exp_core`], for a finite x with
/// 2^-54 <= |x| < 746.
///
/// k = round(x·128/ln 2) (|k| < 2^18), t = x − k·ln 2/128 with k·HI exact
/// and x − k·HI exact (Sterbenz: the two are within a factor 2, or k = 0),
/// and k·LO (|k·LO| < 2^-25) rounded, an error under 2^-77; th + tl is
/// then renormalised so that t²'s missing terms are negligible.
fn exp_dd(x: f64) -> (i32, f64, f64) {
    exp_dd2(x, 0.0)
}

/// e^(x + xl) as `(m, a, c)` of [`exp_core`], for a double-double
/// x + xl (|xl| at most about an ulp of x) with 2^-54 <= |x| < 746: as
/// [`exp_dd`], xl joining the low part, where it adds a rounding under
/// 2^-78 (|xl| < 2^-43).
fn exp_dd2(x: f64, xl: f64) -> (i32, f64, f64) {
    let kf = (x * INV_LN2_128 + SHIFT) - SHIFT;
    let h = x - kf * LN2_128_HI;
    let l = xl - kf * LN2_128_LO;
    let (th, tl) = crate::ldmath::eft::two_sum(h, l);
    exp_core(kf as i32, th, tl)
}

/// exp(3), correctly rounded in practice: e^x = 2^(k/128)·e^t from
/// [`exp_dd`], within about 2^-76 relative before the one rounding.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn exp(x: f64) -> f64 {
    // Above 0x40862E42FEFA39EF, the greatest x whose e^x rounds below
    // 2^1024, e^x overflows. At or below ln 2^-1075 (-745.1332191019412)
    // e^x rounds to 0; the core handles down to there, and 0 is returned a
    // little further out.
    if let Some(v) = exp_special(x, f64::from_bits(0x40862E42FEFA39EF), -745.2) {
        return v;
    }
    let (m, a, c) = exp_dd(x);
    // -708.3964185322641 is the least double >= ln 2^-1022: below it e^x
    // < 2^-1022 (tools/explog_consts.py).
    exp_finish(m, a, c, x < -708.3964185322641, false)
}

/// cosh(3), correctly rounded in practice: (E + 1/E)/2 with E = e^|x| a
/// double-double from [`exp_dd`], 1/E to double-double precision, summed
/// and rounded once. From |x| = 40 on, 1/E is below 2^-115·E and cosh x is
/// E/2, the halving folded into the scaling so that cosh near 710.47 is
/// finite.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn cosh(x: f64) -> f64 {
    use core::hint::black_box;
    let x = libm::fabs(x);
    if x.is_nan() {
        return x + x;
    }
    // The greatest x whose cosh rounds below 2^1024.
    if x > f64::from_bits(0x408633CE8FB9F87D) {
        return if x == f64::INFINITY { x } else { overflow() };
    }
    if x < f64::from_bits(0x3e50000000000000) {
        // |x| < 2^-26: cosh x = 1 + x²/2 + ... rounds to 1, inexact
        // unless x is 0 (x² itself could underflow, so it is not used).
        return if x == 0.0 {
            1.0
        } else {
            black_box(1.0) + f64::from_bits(0x3c30000000000000)
        };
    }
    let (m, a, c) = exp_dd(x);
    if x >= 40.0 {
        return exp_finish(m - 1, a, c, false, false);
    }
    // |m| <= 58: E = eh + el exactly scaled, renormalised (c carries
    // e^t's Taylor tail, up to 2^-27, which 1/E's first-order correction
    // below would square).
    let sc = f64::from_bits(((m + 1023) as u64) << 52);
    let (eh, el) = fast_two_sum(a * sc, c * sc);
    // 1/E = qh + ql: 1 − eh·qh is exact (two_prod, and 1 − p by
    // Sterbenz).
    let qh = 1.0 / eh;
    let (p, pe) = two_prod(eh, qh);
    let ql = qh * (((1.0 - p) - pe) - el * qh);
    let (sh, se) = fast_two_sum(eh, qh);
    (sh + (se + (el + ql))) * 0.5
}

/// ln 2 = `LN2_HI` + `LN2_LO`, as in exp2; 1/ln 2 as a double-double
/// (tools/explog_consts.py).
const INV_LN2_HI: f64 = core::f64::consts::LOG2_E;
/// See [`INV_LN2_HI`].
const INV_LN2_LO: f64 = 2.0355273740931033e-17;

/// 2/(2k + 1) for k = 4..=14: the coefficients of atanh's series past its
/// first four terms, in s², for [`ln_dd`].
const ATANH_TAIL: [f64; 11] = {
    let mut a = [0.0; 11];
    let mut k = 0;
    while k < 11 {
        a[k] = 2.0 / (2 * k + 9) as f64;
        k += 1;
    }
    a
};

/// 2/7, 2/5 and 2/3 as double-doubles `(hi, lo)`, in the order Horner's
/// rule takes them (tools/explog_consts.py).
const ATANH_HEAD: [(f64, f64); 3] = [
    (2.0 / 7.0, 1.586032892321652e-17),
    (2.0 / 5.0, -2.2204460492503132e-17),
    (2.0 / 3.0, 3.700743415417188e-17),
];

/// ln x as a double-double `(hi, lo)` (|lo| at most about an ulp of hi),
/// for a finite x > 0: with `DD` = 3 within about 2^-74 relative (pow
/// multiplies it by up to 2^10 and still wants the product to 2^-64),
/// with `DD` = 1 within about 2^-64 (enough for log and log2; without
/// FMA each double-double step costs some 25 instructions).
///
/// x = 2^e·m with m in [√½, √2) (a subnormal normalised first), f = m − 1
/// (exact, Sterbenz), s = f/(2 + f) as a double-double (|s| < 0.172,
/// z = s² < 0.0295 < 2^-5), ln m = 2·atanh s = 2s + s³·P(z) with
/// P(z) = Σ 2z^(k−1)/(2k + 1) (k >= 1), truncated after k = 14 (under
/// 2^-80): its first `DD` terms in double-double, the others in double
/// (z^DD·(...), under 2^-5·DD of P; s³·P is under z/2 of ln m, so their
/// rounding is under 2^-(54 + 5·(DD + 1)) of ln m). ln x = e·ln 2 + ln m
/// (e·ln 2 in double-double). Where e ≠ 0, |e·ln 2| >= 2|ln m|, so nothing cancels.
fn ln_dd<const DD: usize>(x: f64) -> (f64, f64) {
    let bits = x.to_bits();
    // A subnormal is normalised in integers: a multiply by 2^54 here is
    // computed for every x by the optimiser (it assumes no floating-point
    // flags), raising overflow for a large x.
    let (frac, mut e) = if bits < 1 << 52 {
        let sh = bits.leading_zeros() - 11;
        ((bits << sh) & ((1 << 52) - 1), -1022 - sh as i32)
    } else {
        (bits & ((1 << 52) - 1), (bits >> 52) as i32 - 1023)
    };
    let mut m = f64::from_bits(frac | (1023 << 52));
    if m >= core::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let f = m - 1.0;
    // d = 2 + f as dh + dl; s = f/d as sh + sl.
    let (dh, dl) = fast_two_sum(2.0, f);
    let sh = f / dh;
    let (p, pe) = two_prod(sh, dh);
    let sl = (((f - p) - pe) - sh * dl) / dh;
    // z = s² and s³ as double-doubles.
    let (zh, zl) = two_prod(sh, sh);
    let zl = zl + 2.0 * sh * sl;
    let (s3h, s3l) = two_prod(sh, zh);
    let s3l = s3l + sh * zl + sl * zh;
    // The double part: 2/9 + z (2/11 + ... + z 2/29), then 2/7 and 2/5
    // unless they are in the double-double part, by Horner's rule.
    let mut ph = ATANH_TAIL[10];
    for c in ATANH_TAIL[..10].iter().rev() {
        ph = *c + zh * ph;
    }
    for (c, _) in &ATANH_HEAD[..3 - DD] {
        ph = *c + zh * ph;
    }
    // The double-double part: P = (ph, pl) ← c + z·P, DD times.
    let mut pl = 0.0;
    for &(ch, cl) in &ATANH_HEAD[3 - DD..] {
        let (qh, ql) = two_prod(zh, ph);
        let ql = ql + (zh * pl + zl * ph);
        let (rh, re) = fast_two_sum(ch, qh);
        (ph, pl) = (rh, re + (ql + cl));
    }
    // s³·P (under 2^-5 of 2s), added to 2s.
    let (th, tl) = two_prod(s3h, ph);
    let tl = tl + (s3h * pl + s3l * ph);
    let (u, ue) = fast_two_sum(2.0 * sh, th);
    let ul = ue + (2.0 * sl + tl);
    let ef = e as f64;
    let (lh, ll) = two_prod(ef, LN2_HI);
    let ll = ll + ef * LN2_LO;
    let (rh, re) = crate::ldmath::eft::two_sum(lh, u);
    fast_two_sum(rh, re + (ll + ul))
}

/// The special cases of log and log2, or None for a finite x > 0: NaN
/// stays, ±0 is a pole (−inf, divide-by-zero), below 0 a domain error
/// (NaN, invalid), +inf stays.
fn log_special(x: f64) -> Option<f64> {
    use core::hint::black_box;
    if x.is_nan() {
        return Some(x + x);
    }
    if x == 0.0 {
        return Some(-1.0 / black_box(0.0));
    }
    if x < 0.0 {
        // 0/0: NaN, raising invalid.
        let z = black_box(0.0);
        return Some(z / black_box(z));
    }
    if x == f64::INFINITY {
        return Some(x);
    }
    None
}

/// log(3), correctly rounded in practice: [`ln_dd`] rounded once.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn log(x: f64) -> f64 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (h, l) = ln_dd::<1>(x);
    h + l
}

/// log2(3), correctly rounded in practice: [`ln_dd`] times 1/ln 2 in
/// double-double, rounded once (exact at powers of 2, where ln m is 0).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn log2(x: f64) -> f64 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (h, l) = ln_dd::<1>(x);
    let (ph, pl) = two_prod(h, INV_LN2_HI);
    ph + (pl + (h * INV_LN2_LO + l * INV_LN2_HI))
}

/// pow(3), correctly rounded in practice (the libm crate's, fdlibm's
/// algorithm, is up to 0.76 ulp off; musl's up to about 0.52).
///
/// The special cases are C99's (Annex F.9.4.4): x^±0 and 1^y are 1 even
/// for a NaN, ±1^±inf is 1, a zero to a negative power is a pole, a
/// negative finite x to a non-integer finite power is a domain error
/// (NaN, invalid), and a negative x (−0 and −inf included) to an odd
/// integer power gives the negated result of |x|.
///
/// Otherwise |x|^y = e^(y·ln|x|) with ln|x| from [`ln_dd`] (to about
/// 2^-74 relative) and the product y·ln|x| a double-double, its error
/// under 2^-64 where the result is finite and not 0 (|y·ln|x|| < 746),
/// fed to the exp core; the result is within about 2^-64 relative before
/// its one rounding (subnormal results rounded once at their own last
/// bit).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    use core::hint::black_box;
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let ax = libm::fabs(x);
    let ay = libm::fabs(y);
    // From y's bits (no conversion or rounding, which could raise
    // inexact or invalid): e is y's exponent; from 2^53 on (an infinite y
    // included), y is an even integer; below 1 (y ≠ 0) not an integer.
    let yb = y.to_bits();
    let e = ((yb >> 52) & 0x7ff) as i32 - 1023;
    let (y_int, y_odd) = if e > 52 {
        (true, false)
    } else if e < 0 {
        (false, false)
    } else {
        let frac = (1u64 << (52 - e)) - 1;
        let int_lsb = 1u64 << (52 - e);
        let mant = (yb & ((1 << 52) - 1)) | (1 << 52);
        (mant & frac == 0, mant & frac == 0 && mant & int_lsb != 0)
    };
    let neg = x.is_sign_negative() && y_odd;
    let signed = |r: f64| if neg { -r } else { r };
    // Whether |x|^y grows without bound (|x| > 1 to a positive power or
    // |x| < 1 to a negative one).
    let grows = (ax > 1.0) == (y > 0.0);
    if y.is_infinite() {
        return if ax == 1.0 {
            1.0
        } else if grows {
            f64::INFINITY
        } else {
            0.0
        };
    }
    if x == 0.0 {
        // A pole for y < 0: ±inf, raising divide-by-zero.
        return if y < 0.0 {
            signed(1.0) / black_box(0.0)
        } else {
            signed(0.0)
        };
    }
    if x.is_infinite() {
        return signed(if y > 0.0 { f64::INFINITY } else { 0.0 });
    }
    if x < 0.0 && !y_int {
        // 0/0: NaN, raising invalid.
        let z = black_box(0.0);
        return z / black_box(z);
    }
    if ax == 1.0 {
        return signed(1.0);
    }
    let overflow = || signed(self::overflow());
    let underflow = || signed(self::underflow());
    // |ln|x|| > 2^-54 for x ≠ 1: from |y| = 2^64 on, |y·ln|x|| > 2^10
    // (and the product below could overflow).
    if ay >= f64::from_bits(0x43f0000000000000) {
        return if grows { overflow() } else { underflow() };
    }
    // |ln|x|| < 745: below |y| = 2^-64, |y·ln|x|| < 2^-54 and |x|^y is
    // within 2^-54 of 1 (a non-integer y, so x > 0): 1, inexact (the
    // products below could underflow, raising it spuriously).
    if ay < f64::from_bits(0x3bf0000000000000) {
        let d = f64::from_bits(0x3c30000000000000);
        return black_box(1.0) + if grows { d } else { -d };
    }
    let (lh, ll) = ln_dd::<3>(ax);
    let (ph, pl) = two_prod(y, lh);
    let pl = pl + y * ll;
    // e^710 > 2^1024; e^-746 < 2^-1076, which rounds to 0.
    if ph > 710.0 {
        return overflow();
    }
    if ph < -746.0 {
        return underflow();
    }
    if libm::fabs(ph) < f64::from_bits(0x3c90000000000000) {
        // |y·ln|x|| < 2^-54: 1, inexact.
        return signed(1.0 + ph);
    }
    let (m, a, c) = exp_dd2(ph, pl);
    // Below 2^-1022 (a + c is unnormalised, a in [0.99, 2]).
    let tiny = m < -1022 || (m == -1022 && (a < 1.0 || (a == 1.0 && c < 0.0)));
    signed(exp_finish(m, a, c, tiny, false))
}

/// One piece of a fit for erfc (see [`ERFC_HEAD`], [`ERFC_TAIL`]), for
/// x from `x_lo` up to the next piece's: a polynomial in v = t − `mid`,
/// its first two coefficients `c0` and `c1` double-doubles, `c` the others
/// from v² up.
struct ErfcPiece {
    x_lo: f64,
    mid: f64,
    c0: (f64, f64),
    c1: (f64, f64),
    c: [f64; 12],
}

// From `tools/erfc_fit.py` (its output is these tables): ERFC_HEAD fits
// e^(x²)·erfc x in x − mid for 0 <= x < 1.25 (mid 0 on the first piece),
// ERFC_TAIL fits x·e^(x²)·erfc x in 1/x − mid for 1.25 <= x < 27.3; each
// within 2^-61 relative. v = t − mid is exact (Sterbenz: a piece spans
// less than a factor 2 in t).
/// erfc's fit for 0 <= x < 1.25 (see [`ErfcPiece`]). (The first piece's
/// c1 is −2/√π, the derivative at 0, as a fitted double-double.)
#[allow(clippy::excessive_precision, clippy::approx_constant)]
static ERFC_HEAD: [ErfcPiece; 5] = [
    // x in [0.0, 0.15625): fit error 2^-77.1
    ErfcPiece {
        x_lo: 0.0,
        mid: 0.0,
        c0: (1.0, -5.188765441492666e-24),
        c1: (-1.1283791670955126, -1.5322440152779077e-17),
        c: [
            1.0,
            -0.7522527780636742,
            0.49999999999992384,
            -0.300901111221559,
            0.1666666665364596,
            -0.08597174311872308,
            0.04166662014989091,
            -0.019104313691033176,
            0.008329256791871931,
            -0.0034514433990408054,
            0.0013089107466181461,
            -0.000358097571715297,
        ],
    },
    // x in [0.15625, 0.3125): fit error 2^-78.1
    ErfcPiece {
        x_lo: 0.15625,
        mid: 0.234375,
        c0: (0.7821033840209444, 1.3491510372549604e-17),
        c1: (-0.7617682058356949, 3.956094139191425e-17),
        c: [
            0.6035639607782034,
            -0.41353860168553563,
            0.2533204255040781,
            -0.14166665078320698,
            0.07337243474216253,
            -0.03556285325439432,
            0.016259347795794646,
            -0.007056015264806979,
            0.0029211084794264525,
            -0.001158428804601643,
            0.0004428352904609556,
            -0.00016272160191557625,
        ],
    },
    // x in [0.3125, 0.625): fit error 2^-65.4
    ErfcPiece {
        x_lo: 0.3125,
        mid: 0.46875,
        c0: (0.6320696892495561, -9.960961257714569e-18),
        c1: (-0.5358138334240538, 3.0674818574701655e-18),
        c: [
            0.38090695483203085,
            -0.23817579889769283,
            0.13463102454939824,
            -0.07002700245608025,
            0.03393528904210287,
            -0.015462810201659455,
            0.006671775040662553,
            -0.002741203846933415,
            0.0010773160375468186,
            -0.0004065627972730026,
            0.0001493126663843102,
            -5.239186557650996e-05,
        ],
    },
    // x in [0.625, 0.9375): fit error 2^-67.2
    ErfcPiece {
        x_lo: 0.625,
        mid: 0.78125,
        c0: (0.4956601492060253, 1.3943251251020168e-17),
        c1: (-0.353910183961098, 6.4461913274701026e-18),
        c: [
            0.2191678179864175,
            -0.1217902174394729,
            0.06200960530592121,
            -0.029338085317692882,
            0.013029742048875949,
            -0.005473885525424688,
            0.002188317434598431,
            -0.0008365028760548264,
            0.00030694855303223055,
            -0.00010848563482572129,
            3.7370786245089505e-05,
            -1.2344467687963084e-05,
        ],
    },
    // x in [0.9375, 1.25): fit error 2^-69.0
    ErfcPiece {
        x_lo: 0.9375,
        mid: 1.09375,
        c0: (0.40326423632801306, 1.009105306023189e-17),
        c1: (-0.246238650127984, 3.2677764013541656e-18),
        c: [
            0.13394071275053057,
            -0.06649399703806078,
            0.030606451745077395,
            -0.013207276176754108,
            0.005386997808527748,
            -0.0020900706636711205,
            0.0007752458006566896,
            -0.00027603237323212273,
            9.466433740584794e-05,
            -3.136105773468253e-05,
            1.0142192712393134e-05,
            -3.1559439116385285e-06,
        ],
    },
];

/// erfc's fit for 1.25 <= x < 27.3 (see [`ErfcPiece`]).
#[allow(clippy::excessive_precision)]
static ERFC_TAIL: [ErfcPiece; 7] = [
    // x in [1.25, 1.75): fit error 2^-61.1
    ErfcPiece {
        x_lo: 1.25,
        mid: 0.6857142857142857,
        c0: (0.4791174322436412, -2.0546579194225487e-17),
        c1: (-0.17101204135589793, -3.465349088106097e-19),
        c: [
            0.01022093986117584,
            0.054923455477578445,
            -0.0636924450348031,
            0.0445200993195682,
            -0.016656586791295433,
            -0.00814976203339916,
            0.024004318779095153,
            -0.029310423995251723,
            0.0253709051814737,
            -0.015092848711410374,
            0.001123654093260243,
            0.011430068875518897,
        ],
    },
    // x in [1.75, 2.5): fit error 2^-64.3
    ErfcPiece {
        x_lo: 1.75,
        mid: 0.4857142857142857,
        c0: (0.5131722537761716, 2.221026422379783e-17),
        c1: (-0.16609023387595975, -1.0106813275839092e-17),
        c: [
            -0.041866064756021094,
            0.12526134673721978,
            -0.1116538653562945,
            0.03855174250335414,
            0.05174494767489231,
            -0.11904902824057458,
            0.13309638831602164,
            -0.08092549973840703,
            -0.027891961458535536,
            0.16041997943924047,
            -0.26868366679692196,
            0.27899493530471814,
        ],
    },
    // x in [2.5, 3.5): fit error 2^-67.7
    ErfcPiece {
        x_lo: 2.5,
        mid: 0.34285714285714286,
        c0: (0.535631639543098, -3.64052118922995e-17),
        c1: (-0.1451040306121313, 9.866904460205349e-18),
        c: [
            -0.10983863438549023,
            0.19168781332121937,
            -0.1068578927890615,
            -0.08142727129204824,
            0.2570966450492071,
            -0.2818515437849987,
            0.05651242061832902,
            0.3965062771317882,
            -0.8612906890268742,
            0.9226798827170754,
            -0.05295626220825466,
            -1.8748431438661306,
        ],
    },
    // x in [3.5, 5.0): fit error 2^-73.1
    ErfcPiece {
        x_lo: 3.5,
        mid: 0.24285714285714285,
        c0: (0.548842382285778, 3.189529008899404e-17),
        c1: (-0.1170163500761629, 3.9779640255648216e-18),
        c: [
            -0.17249762755951217,
            0.22017329718623074,
            -0.018028940190437028,
            -0.29047219628312027,
            0.4149383762648214,
            -0.05467361161779831,
            -0.8054249873044746,
            1.5457243036616093,
            -0.8448783639985088,
            -2.55662768771196,
            7.80788694266992,
            -9.11160925148994,
        ],
    },
    // x in [5.0, 8.0): fit error 2^-72.0
    ErfcPiece {
        x_lo: 5.0,
        mid: 0.1625,
        c0: (0.5570177055765642, -3.591547901091537e-17),
        c1: (-0.08505978010667822, 5.5888432157294656e-18),
        c: [
            -0.22451034832330904,
            0.20301309627730812,
            0.13683676246888898,
            -0.46617795431741926,
            0.2314943259346908,
            0.8156274775575925,
            -1.758686293953764,
            0.24625576976985483,
            5.380450535598714,
            -10.491413940907337,
            -1.1083663397785266,
            44.323635873457,
        ],
    },
    // x in [8.0, 14.0): fit error 2^-77.3
    ErfcPiece {
        x_lo: 8.0,
        mid: 0.09821428571428571,
        c0: (0.5615069372843382, 5.214567351761103e-17),
        c1: (-0.053863497321274, 3.0260377878815687e-18),
        c: [
            -0.25899431875543844,
            0.14792468374148804,
            0.29140391859503945,
            -0.4597971816792928,
            -0.3203862189058255,
            1.5333526554914994,
            -0.5263899425490551,
            -4.845005583543285,
            8.015999685897878,
            10.247299966522645,
            -51.916584226293324,
            27.83775797562253,
        ],
    },
    // x in [14.0, 27.3): fit error 2^-85.9
    ErfcPiece {
        x_lo: 14.0,
        mid: 0.05402930402930403,
        c0: (0.5633696818777664, 3.8503930839953606e-17),
        c1: (-0.030218700894868507, 2.293703296609836e-19),
        c: [
            -0.2748161513371044,
            0.08820425320004173,
            0.3789460559899462,
            -0.31206947512760075,
            -0.7830580793383541,
            1.31586255865292,
            1.8597265172877455,
            -6.309232656850465,
            -3.304976595762729,
            32.78699001186123,
            -11.729787942692367,
            -173.58684531740957,
        ],
    },
];

/// The polynomial of the piece of `pieces` that `x` falls in (the last
/// with `x_lo` <= x), at t = `t` + `tl` (a double-double, tl at most an
/// ulp of t), as a double-double: the terms from v² on by Horner's rule in
/// double, the last two steps in double-double, so the double steps'
/// rounding is scaled by v² (under 2^-4 of the value).
fn erfc_poly(pieces: &[ErfcPiece], x: f64, t: f64, tl: f64) -> (f64, f64) {
    let mut piece = &pieces[0];
    for pc in &pieces[1..] {
        if x >= pc.x_lo {
            piece = pc;
        }
    }
    let v = t - piece.mid;
    let mut q = piece.c[11];
    for ci in piece.c[..11].iter().rev() {
        q = *ci + v * q;
    }
    // r = c1 + (v + tl)·q.
    let (ph, pl) = two_prod(v, q);
    let pl = pl + tl * q;
    let (rh, re) = crate::ldmath::eft::two_sum(piece.c1.0, ph);
    let rl = re + (pl + piece.c1.1);
    // c0 + (v + tl)·r.
    let (ph, pl) = two_prod(v, rh);
    let pl = pl + (v * rl + tl * rh);
    let (kh, ke) = crate::ldmath::eft::two_sum(piece.c0.0, ph);
    (kh, ke + (pl + piece.c0.1))
}

/// erfc x for 2^-27 <= x < 27.3 as `(m, h, l)`: 2^m·(h + l), h in [1, 2).
///
/// erfc x = e^(-x²)·F with e^(-x²) from the exp core fed x² as a
/// double-double (exact), F = H(x) from [`ERFC_HEAD`] below 1.25, else
/// u·K(u) with u = 1/x as a double-double and K from [`ERFC_TAIL`]; the
/// products in double-double. The error is the fit's plus the double
/// Horner steps', about 2^-58 relative.
fn erfc_dd(x: f64) -> (i32, f64, f64) {
    let (x2h, x2l) = two_prod(x, x);
    let (m, a, c) = exp_dd2(-x2h, -x2l);
    let (wh, wl) = if x < 1.25 {
        erfc_poly(&ERFC_HEAD, x, x, 0.0)
    } else {
        // u = 1/x as uh + ul: 1 − uh·x is exact (two_prod, and Sterbenz).
        let uh = 1.0 / x;
        let (p, pe) = two_prod(uh, x);
        let ul = ((1.0 - p) - pe) / x;
        let (kh, kl) = erfc_poly(&ERFC_TAIL, x, uh, ul);
        let (wh, wl) = two_prod(uh, kh);
        (wh, wl + (uh * kl + ul * kh))
    };
    let (vh, vl) = two_prod(a, wh);
    let vl = vl + (a * wl + c * wh);
    // Normalised to vh in [1, 2) (a power of 2: exact).
    let ev = ((vh.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let sc = f64::from_bits(((1023 - ev) as u64) << 52);
    (m + ev, vh * sc, vl * sc)
}

/// 2/√π as a double-double (the low part from mpmath, 40 digits).
const TWO_INV_SQRT_PI: (f64, f64) = (core::f64::consts::FRAC_2_SQRT_PI, 1.533545961316588e-17);

/// erfc(3), correctly rounded in practice (the libm crate's, fdlibm's
/// algorithm, is up to about 2 ulp off, and so is musl's): [`erfc_dd`]
/// rounded once.
///
/// Below |x| = 2^-27, erfc x = 1 − 2x/√π to 2^-80 (below 2^-60 that
/// rounds to 1, inexact unless x is 0). erfc(−x) = 2 − erfc x, rounded
/// once from erfc x as a double-double (below −6, erfc x < 2^-55 and the
/// result is 2, inexact unless x is −inf); above 27.3 the result is below 2^-1081 and
/// rounds to 0 (underflow, inexact).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn erfc(x: f64) -> f64 {
    use core::hint::black_box;
    if x.is_nan() {
        return x + x;
    }
    let ax = libm::fabs(x);
    if ax < f64::from_bits(0x3e40000000000000) {
        if ax < f64::from_bits(0x3c30000000000000) {
            return 1.0 - x;
        }
        let (p, pe) = two_prod(x, TWO_INV_SQRT_PI.0);
        let (s, e) = fast_two_sum(1.0, -p);
        return s + (e - (pe + x * TWO_INV_SQRT_PI.1));
    }
    if x < 0.0 {
        if x < -6.0 {
            return if x == f64::NEG_INFINITY {
                2.0
            } else {
                black_box(2.0) - f64::from_bits(0x3c30000000000000)
            };
        }
        // m > -60: the scaling is exact.
        let (m, h, l) = erfc_dd(ax);
        let sc = f64::from_bits(((m + 1023) as u64) << 52);
        let (s, e) = fast_two_sum(2.0, -(h * sc));
        return s + (e - l * sc);
    }
    if x >= 27.3 {
        return if x == f64::INFINITY { 0.0 } else { underflow() };
    }
    let (m, h, l) = erfc_dd(x);
    let tiny = m < -1022 || (m == -1022 && h == 1.0 && l < 0.0);
    exp_finish(m, h, l, tiny, false)
}

/// acosh(3). Below 1 a domain error (NaN, invalid): the libm crate, like
/// musl, returns a number for some negative arguments, where
/// `x + √(x² − 1)` cancels.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn acosh(x: f64) -> f64 {
    if x < 1.0 {
        return libm::sqrt(x - 1.0);
    }
    libm::acosh(x)
}

/// acoshf(3): see [`acosh`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn acoshf(x: f32) -> f32 {
    if x < 1.0 {
        return libm::sqrtf(x - 1.0);
    }
    libm::acoshf(x)
}

/// fma(3): `x * y + z` rounded once.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fma(x: f64, y: f64, z: f64) -> f64 {
    libm::fma(x, y, z)
}

/// hypotf(3): `hypot` in double, rounded to float. (The libm crate's
/// hypotf gives wrong results under qemu-s390x, where its widening
/// multiply is one instruction; this one has no such multiply.)
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn hypotf(x: f32, y: f32) -> f32 {
    libm::hypot(x as f64, y as f64) as f32
}

/// fmaf(3): `x * y + z` rounded once. The product of two floats is exact
/// in double; the sum is made round-to-odd in double (its exact error by
/// TwoSum decides the last bit), which a second rounding to float turns
/// into the correctly rounded result (Boldo and Melquiond).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn fmaf(x: f32, y: f32, z: f32) -> f32 {
    // black_box keeps the widening and the multiply apart (see hypotf).
    let (xd, yd) = core::hint::black_box((x as f64, y as f64));
    let p = xd * yd;
    let zd = z as f64;
    let s = p + zd;
    if !s.is_finite() || s == 0.0 {
        return s as f32;
    }
    let b = s - p;
    let err = (p - (s - b)) + (zd - b);
    let bits = s.to_bits();
    if err != 0.0 && bits & 1 == 0 {
        // Round to odd: one ulp towards the exact sum.
        let up = (err > 0.0) == (s > 0.0);
        return f64::from_bits(if up { bits + 1 } else { bits - 1 }) as f32;
    }
    s as f32
}

/// Exports the `double` and `float` versions of a function whose other
/// results go through C pointers: `$name(x.., p: *mut P) -> T`, where libm
/// returns `(T, P)`.
macro_rules! with_out {
    ($($name:ident($($a:ident: $t:ty),*; $p:ident: $pt:ty) -> $r:ty;)*) => {$(
        #[doc = concat!(stringify!($name), "(3): the second result is stored through `",
            stringify!($p), "`.")]
        ///
        /// # Safety
        /// The pointer must be writable.
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub unsafe extern "C" fn $name($($a: $t,)* $p: *mut $pt) -> $r {
            let (v, o) = libm::$name($($a),*);
            // SAFETY: the caller passes a writable pointer.
            unsafe { $p.write(o) };
            v
        }
    )*};
}

with_out! {
    frexp(x: f64; e: c_int) -> f64;
    frexpf(x: f32; e: c_int) -> f32;
    remquo(x: f64, y: f64; q: c_int) -> f64;
    remquof(x: f32, y: f32; q: c_int) -> f32;
    lgamma_r(x: f64; sign: c_int) -> f64;
}

/// modf(3): the fraction, with the integral part stored through `ip`.
///
/// # Safety
/// `ip` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modf(x: f64, ip: *mut f64) -> f64 {
    let (frac, int) = libm::modf(x);
    // SAFETY: the caller passes a writable pointer.
    unsafe { ip.write(int) };
    frac
}

/// modff(3): the fraction, with the integral part stored through `ip`.
///
/// # Safety
/// `ip` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn modff(x: f32, ip: *mut f32) -> f32 {
    let (frac, int) = libm::modff(x);
    // SAFETY: the caller passes a writable pointer.
    unsafe { ip.write(int) };
    frac
}

/// sincos(3) (GNU): both results of one argument reduction.
///
/// # Safety
/// `s` and `c` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (sv, cv) = libm::sincos(x);
    // SAFETY: the caller passes writable pointers.
    unsafe {
        s.write(sv);
        c.write(cv);
    }
}

/// sincosf(3) (GNU): both results of one argument reduction.
///
/// # Safety
/// `s` and `c` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    // In double, rounded: the libm crate's sincosf is wrong under
    // qemu-s390x (see hypotf).
    let (sv, cv) = libm::sincos(x as f64);
    let (sv, cv) = (sv as f32, cv as f32);
    // SAFETY: the caller passes writable pointers.
    unsafe {
        s.write(sv);
        c.write(cv);
    }
}

/// The sign of Γ(x) from the last `lgamma` or `lgammaf` call (XSI). Like
/// every C library's, it is one global, not per thread: threads use
/// `lgamma_r`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
#[allow(non_upper_case_globals)]
pub static mut signgam: c_int = 0;
/// How `lgamma` reaches `signgam` (see [`super::Exported`]).
static SIGNGAM: super::Exported<c_int> = super::Exported::new(&raw mut signgam);

/// lgamma(3): ln|Γ(x)|, the sign of Γ(x) in `signgam`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lgamma(x: f64) -> f64 {
    let (v, sign) = libm::lgamma_r(x);
    // SAFETY: a plain int store; C leaves races on signgam to the program.
    unsafe { SIGNGAM.get().write(sign) };
    v
}

/// lgammaf_r(3): ln|Γ(x)| in double, rounded to float (the libm crate's
/// float version is hundreds of ulps off near the zeros, worse than
/// musl's), the sign of Γ(x) stored through `sign`.
///
/// # Safety
/// `sign` must be writable.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    let (v, s) = libm::lgamma_r(x as f64);
    // SAFETY: the caller passes a writable pointer.
    unsafe { sign.write(s) };
    v as f32
}

/// lgammaf(3): ln|Γ(x)| (see [`lgammaf_r`]), the sign of Γ(x) in `signgam`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn lgammaf(x: f32) -> f32 {
    let (v, sign) = libm::lgamma_r(x as f64);
    let v = v as f32;
    // SAFETY: a plain int store; C leaves races on signgam to the program.
    unsafe { SIGNGAM.get().write(sign) };
    v
}

/// ilogb(3): the unbiased exponent; `FP_ILOGB0` (`INT_MIN`) for 0 and
/// `FP_ILOGBNAN` (`INT_MIN`) for NaN, `INT_MAX` for infinity.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ilogb(x: f64) -> c_int {
    libm::ilogb(x)
}

/// ilogbf(3): see [`ilogb`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ilogbf(x: f32) -> c_int {
    libm::ilogbf(x)
}

/// logb(3): the exponent as a `double`: −∞ (divide-by-zero) for ±0, +∞ for
/// ±∞, NaN for NaN; subnormals give their true exponent.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn logb(x: f64) -> f64 {
    if !x.is_finite() {
        return x * x;
    }
    if x == 0.0 {
        // −1/|0| raises divide-by-zero, as C99 F.9.3.11 asks.
        return -1.0 / libm::fabs(x);
    }
    libm::ilogb(x) as f64
}

/// logbf(3): see [`logb`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn logbf(x: f32) -> f32 {
    if !x.is_finite() {
        return x * x;
    }
    if x == 0.0 {
        return -1.0 / libm::fabsf(x);
    }
    libm::ilogbf(x) as f32
}

/// Exports `fn NAME(x: T, n: int) -> T` as libm's function `$f`.
macro_rules! scale {
    ($($name:ident = $f:ident($t:ty);)*) => {$(
        #[doc = concat!(stringify!($name), "(3): `x` × 2ⁿ.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t, n: c_int) -> $t {
            libm::$f(x, n)
        }
    )*};
}

scale! {
    ldexp = ldexp(f64);
    ldexpf = ldexpf(f32);
    scalbn = scalbn(f64);
    scalbnf = scalbnf(f32);
}

/// An exponent for `scalbn` from a `long` one: beyond ±2¹⁶ every finite
/// non-zero input already over- or underflows, so clamping changes nothing.
fn clamp_exp(n: c_long) -> c_int {
    n.clamp(-65536, 65536) as c_int
}

/// scalbln(3): `x` × 2ⁿ with a `long` exponent.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalbln(x: f64, n: c_long) -> f64 {
    libm::scalbn(x, clamp_exp(n))
}

/// scalblnf(3): `x` × 2ⁿ with a `long` exponent.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn scalblnf(x: f32, n: c_long) -> f32 {
    libm::scalbnf(x, clamp_exp(n))
}

/// Exports a rounding to an integer type: libm's rounding `$f`, then the
/// conversion. Out of range (and NaN) the C result is unspecified; here it
/// saturates (NaN gives 0), and FE_INVALID is not raised.
macro_rules! to_int {
    ($($name:ident = $f:ident($t:ty) -> $r:ty;)*) => {$(
        #[doc = concat!(stringify!($name), "(3): `", stringify!($f),
            "`, converted to the integer type.")]
        #[unsafe(no_mangle)]
        #[linkage = "weak"]
        pub extern "C" fn $name(x: $t) -> $r {
            libm::$f(x) as $r
        }
    )*};
}

to_int! {
    lrint = rint(f64) -> c_long;
    lrintf = rintf(f32) -> c_long;
    llrint = rint(f64) -> c_longlong;
    llrintf = rintf(f32) -> c_longlong;
    lround = round(f64) -> c_long;
    lroundf = roundf(f32) -> c_long;
    llround = round(f64) -> c_longlong;
    llroundf = roundf(f32) -> c_longlong;
}

/// nearbyint(3): `rint` in the current rounding mode. C asks that it not
/// raise FE_INEXACT; without saving the exception flags (fenv.h is not
/// used here) it may, as `rint` does.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nearbyint(x: f64) -> f64 {
    libm::rint(x)
}

/// nearbyintf(3): see [`nearbyint`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn nearbyintf(x: f32) -> f32 {
    libm::rintf(x)
}

/// jn(3): Bessel function of the first kind, order `n`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 {
    libm::jn(n, x)
}

/// jnf(3): see [`jn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn jnf(n: c_int, x: f32) -> f32 {
    libm::jnf(n, x)
}

/// yn(3): Bessel function of the second kind, order `n`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 {
    libm::yn(n, x)
}

/// ynf(3): see [`yn`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn ynf(n: c_int, x: f32) -> f32 {
    libm::ynf(n, x)
}

/// The payload `nan("n-char-sequence")` puts in a quiet NaN's mantissa:
/// the string read as `strtoull` would with base 0 (decimal, `0x` hex or
/// `0` octal), as glibc does; 0 when it is not all digits. musl ignores the
/// string; the C standard leaves the meaning to the implementation.
fn nan_payload(tag: &[u8]) -> u64 {
    let (digits, base) = match tag {
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] => (rest, 8),
        _ => (tag, 10),
    };
    let mut v: u64 = 0;
    for &c in digits {
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u64,
            b'a'..=b'f' => (c - b'a' + 10) as u64,
            b'A'..=b'F' => (c - b'A' + 10) as u64,
            _ => return 0,
        };
        if d >= base {
            return 0;
        }
        v = v.wrapping_mul(base).wrapping_add(d);
    }
    v
}

/// nan(3): a quiet NaN whose payload is `tag`'s number (see
/// [`nan_payload`]), cut to the mantissa.
///
/// # Safety
/// `tag` is a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nan(tag: *const c_char) -> f64 {
    // SAFETY: the caller passes a NUL-terminated string.
    let p = nan_payload(unsafe { CStr::from_ptr(tag) }.to_bytes());
    f64::from_bits(0x7ff8_0000_0000_0000 | (p & 0x0007_ffff_ffff_ffff))
}

/// nanf(3): see [`nan`].
///
/// # Safety
/// `tag` is a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn nanf(tag: *const c_char) -> f32 {
    // SAFETY: the caller passes a NUL-terminated string.
    let p = nan_payload(unsafe { CStr::from_ptr(tag) }.to_bytes());
    f32::from_bits(0x7fc0_0000 | (p as u32 & 0x003f_ffff))
}
