#!/usr/bin/env python3
"""Prints the constants of exp, cosh, log, log2 and pow in src/c/math.rs, from
80-digit decimal arithmetic (standard library only; float(Decimal) rounds
correctly). Run: python3 tools/explog_consts.py
"""

import math
import struct
from decimal import Decimal, getcontext

getcontext().prec = 80
ln2 = Decimal(2).ln()


def bits(f):
    return struct.unpack("<Q", struct.pack("<d", f))[0]


def up(f):
    """The least double above f (f > 0 or f < 0, finite)."""
    return math.nextafter(f, math.inf)


# ln2/128 = LN2_128_HI + LN2_128_LO: HI keeps 35 significant bits, so k·HI
# is exact for |k| < 2^18.
c = ln2 / 128
m, e = math.frexp(float(c))
hi = math.ldexp(math.floor(math.ldexp(float(c), 35 - e)), e - 35)
assert Decimal(hi) <= c
lo = float(c - Decimal(hi))
print(f"LN2_128_HI = {hi!r} (0x{bits(hi):016x})")
print(f"LN2_128_LO = {lo!r}")
print(f"INV_LN2_128 = {float(128 / ln2)!r}")
inv = 1 / ln2
print(f"INV_LN2 = ({float(inv)!r}, {float(inv - Decimal(float(inv)))!r})")
# ln_dd's ATANH_HEAD: 2/7, 2/5, 2/3 as double-doubles.
for n in (7, 5, 3):
    t = Decimal(2) / n
    print(f"2/{n} = ({float(t)!r}, {float(t - Decimal(float(t)))!r})")


def least_at_or_above(v):
    """The least double >= v."""
    f = float(v)
    return f if Decimal(f) >= v else up(f)


# exp: x below TINY (the least double >= ln 2^-1022) gives e^x < 2^-1022.
tiny = least_at_or_above(-1022 * ln2)
print(f"EXP_TINY = {tiny!r}")
# e^x rounds to 0 for x <= ln 2^-1075 (e^x never equals 2^-1075 there).
print(f"ln 2^-1075 = {float(-1075 * ln2)!r} ({Decimal(float(-1075 * ln2)) < -1075 * ln2})")
