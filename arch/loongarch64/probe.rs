//! The signal-context probe (see `probe!`), returning in `$a0`.

probe! {
    zero: "    move $a0, $zero",    // a0 = 0
    load: "    ld.d $a0, $a0, 0",   // a0 = [a0]
    seven: "    ori $a0, $zero, 7", // a0 = 7
    ret: "    jr $ra",              // return a0 to ra (untouched)
}
