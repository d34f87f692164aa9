//! The signal-context probe (see `probe!`), returning in r3. It uses no
//! TOC, so its global and local entry points coincide.

probe! {
    zero: "    li 3, 0",     // r3 = 0
    load: "    ld 3, 0(3)",  // r3 = [r3]
    seven: "    li 3, 7",    // r3 = 7
    ret: "    blr",          // return r3 to lr (untouched)
}
