#!/usr/bin/env python3
"""Prints EXP2_TABLE of src/c/math.rs: 2^(j/128) for j in 0..128 as
double-doubles (hi, lo), hi the correctly rounded double and lo the rest,
rounded. Standard library only (decimal with 80 digits; Python's
float(Decimal) rounds correctly). Run: python3 tools/exp2_table.py
"""

from decimal import Decimal, getcontext

getcontext().prec = 80
ln2 = Decimal(2).ln()
print("static EXP2_TABLE: [(f64, f64); 128] = [")
for j in range(128):
    v = (ln2 * j / 128).exp()
    hi = float(v)
    lo = float(v - Decimal(hi))
    # clippy wants core's constant where one exists (the same double).
    h = "core::f64::consts::SQRT_2" if j == 64 else repr(hi)
    print(f"    ({h}, {lo!r}),")
print("];")
