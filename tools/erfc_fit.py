#!/usr/bin/env python3
"""Prints the tables of erfc in src/c/math.rs, ERFC_HEAD and ERFC_TAIL:
polynomial fits (mpmath.chebyfit at 40 digits, degree 13, coefficients
rounded to double, the first two also as double-doubles) on pieces of
the argument, asserted within 2^-60 relative.

- ERFC_HEAD, 0 <= x < 1.25: H(x) = e^(x²)·erfc x (entire) in v = x − mid
  (mid 0 on the first piece).
- ERFC_TAIL, 1.25 <= x < 27.3: K(u) = x·e^(x²)·erfc x, u = 1/x (so erfc x
  = e^(-x²)·u·K(u)), in v = u − mid; each piece spans less than a factor
  2 in u, so v is exact.

Run: python3 tools/erfc_fit.py (needs mpmath).
"""

import mpmath as mp

mp.mp.dps = 40
DEG = 13
HEAD = [0.0, 0.15625, 0.3125, 0.625, 0.9375, 1.25]
TAIL = [1.25, 1.75, 2.5, 3.5, 5.0, 8.0, 14.0, 27.3]


def h_of_x(x):
    return mp.erfc(x) * mp.exp(x * x)


def k_of_u(u):
    x = 1 / u
    return x * mp.erfc(x) * mp.exp(x * x)


def dd(t):
    h = float(t)
    return f"({h!r}, {float(t - mp.mpf(h))!r})"


def piece(f, a, b, mid, x_lo, label):
    poly, err = mp.chebyfit(lambda v: f(v + mid), [a - mid, b - mid], DEG + 1, error=True)
    rel = err / min(abs(f(a)), abs(f(b)))
    assert rel < mp.mpf(2) ** -60, (label, float(mp.log(rel, 2)))
    c = [mp.mpf(t) for t in reversed(poly)]  # c[0] the constant term
    print(f"    // {label}: fit error 2^{float(mp.log(rel, 2)):.1f}")
    print("    ErfcPiece {")
    print(f"        x_lo: {x_lo!r},")
    print(f"        mid: {mid!r},")
    print(f"        c0: {dd(c[0])},")
    print(f"        c1: {dd(c[1])},")
    print("        c: [")
    for t in c[2:]:
        print(f"            {float(t)!r},")
    print("        ],")
    print("    },")


print(f"static ERFC_HEAD: [ErfcPiece; {len(HEAD) - 1}] = [")
for lo, hi in zip(HEAD, HEAD[1:]):
    mid = 0.0 if lo == 0 else (lo + hi) / 2
    piece(h_of_x, mp.mpf(lo), mp.mpf(hi), mid, lo, f"x in [{lo}, {hi})")
print("];")
print()
print(f"static ERFC_TAIL: [ErfcPiece; {len(TAIL) - 1}] = [")
for lo, hi in zip(TAIL, TAIL[1:]):
    a, b = mp.mpf(1) / hi, mp.mpf(1) / lo
    mid = float((a + b) / 2)
    piece(k_of_u, a, b, mid, lo, f"x in [{lo}, {hi})")
print("];")
