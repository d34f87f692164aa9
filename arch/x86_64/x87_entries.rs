// The C functions of `x87_math.rs`, written once for x86_64 and i386 with
// their `ld_fn!` and `other_fn!` (included by both `mathl.rs`). The number
// after each `ld_fn!` entry is the offset of its integer or pointer
// argument from the first stack argument on i386 (12 bytes per `long
// double` before it).

ld_fn! {
    /// sqrtl(3).
    sqrtl => m::sqrt, 0;
    /// fabsl(3).
    fabsl => m::fabs, 0;
    /// floorl(3).
    floorl => m::floor, 0;
    /// ceill(3).
    ceill => m::ceil, 0;
    /// truncl(3).
    truncl => m::trunc, 0;
    /// roundl(3).
    roundl => m::round, 0;
    /// rintl(3).
    rintl => m::rint, 0;
    /// nearbyintl(3): `frndint` in the current mode (the inexact flag it
    /// may raise is not cleared).
    nearbyintl => m::rint, 0;
    /// copysignl(3).
    copysignl => m::copysign, 0;
    /// fdiml(3).
    fdiml => m::fdim, 0;
    /// fmaxl(3).
    fmaxl => m::fmax, 0;
    /// fminl(3).
    fminl => m::fmin, 0;
    /// fmodl(3).
    fmodl => m::fmod, 0;
    /// remainderl(3).
    remainderl => m::remainder, 0;
    /// remquol(3).
    remquol => m::remquo, 24;
    /// frexpl(3).
    frexpl => m::frexp, 12;
    /// ldexpl(3).
    ldexpl => m::scalbn, 12;
    /// scalbnl(3).
    scalbnl => m::scalbn, 12;
    /// scalblnl(3).
    scalblnl => m::scalbln, 12;
    /// logbl(3).
    logbl => m::logb, 0;
    /// modfl(3).
    modfl => m::modf, 12;
    /// nextafterl(3).
    nextafterl => m::nextafter, 0;
    /// nexttowardl(3).
    nexttowardl => m::nextafter, 0;
    /// nanl(3).
    nanl => m::nan, 0;
    /// fmal(3).
    fmal => m::fmal, 0;
    /// sinl(3).
    sinl => m::sin, 0;
    /// cosl(3).
    cosl => m::cos, 0;
    /// tanl(3).
    tanl => m::tan, 0;
    /// asinl(3).
    asinl => m::asin, 0;
    /// acosl(3).
    acosl => m::acos, 0;
    /// atanl(3).
    atanl => m::atan, 0;
    /// atan2l(3).
    atan2l => m::atan2, 0;
    /// expl(3).
    expl => m::expl, 0;
    /// exp2l(3).
    exp2l => m::exp2, 0;
    /// expm1l(3).
    expm1l => m::expm1l, 0;
    /// logl(3).
    logl => m::logl, 0;
    /// log2l(3).
    log2l => m::log2, 0;
    /// log10l(3).
    log10l => m::log10, 0;
    /// log1pl(3).
    log1pl => m::log1pl, 0;
    /// powl(3).
    powl => m::powl, 0;
    /// cbrtl(3).
    cbrtl => m::cbrt, 0;
    /// hypotl(3).
    hypotl => m::hypot, 0;
    /// sinhl(3).
    sinhl => m::sinh, 0;
    /// coshl(3).
    coshl => m::cosh, 0;
    /// tanhl(3).
    tanhl => m::tanh, 0;
    /// asinhl(3).
    asinhl => m::asinh, 0;
    /// acoshl(3).
    acoshl => m::acosh, 0;
    /// atanhl(3).
    atanhl => m::atanh, 0;
    /// erfl(3).
    erfl => m::erf, 0;
    /// erfcl(3).
    erfcl => m::erfc, 0;
    /// lgammal(3).
    lgammal => m::lgammal, 0;
    /// tgammal(3).
    tgammal => m::tgamma, 0;
}

other_fn! {
    /// ilogbl(3).
    ilogbl => m::ilogb;
    /// lrintl(3).
    lrintl => m::lrint;
    /// llrintl(3).
    llrintl => m::llrint;
    /// lroundl(3).
    lroundl => m::lround;
    /// llroundl(3).
    llroundl => m::llround;
}
