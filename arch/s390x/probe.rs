//! The signal-context probe (see `probe!`), returning in r2. Translation
//! exceptions are nullifying: the PSW the kernel saves points at the load
//! itself.

probe! {
    zero: "    lghi %r2, 0",     // r2 = 0
    load: "    lg %r2, 0(%r2)",  // r2 = [r2]
    seven: "    lghi %r2, 7",    // r2 = 7
    ret: "    br %r14",          // return r2 to r14 (untouched)
}
