//! The signal-context probe (see `probe!`), returning in a0.

probe! {
    head: [".p2align 2"],
    zero: "    li a0, 0",      // a0 = 0
    load: "    ld a0, 0(a0)",  // a0 = [a0]
    seven: "    li a0, 7",     // a0 = 7
    ret: "    ret",            // return a0 to ra (untouched)
}
