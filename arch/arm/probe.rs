//! The signal-context probe (see `probe!`), in ARM mode, returning in r0.

probe! {
    head: [".arm"],
    zero: "    mov r0, #0",    // r0 = 0
    load: "    ldr r0, [r0]",  // r0 = [r0]
    seven: "    mov r0, #7",   // r0 = 7
    ret: "    bx lr",          // return r0 to lr (untouched)
}
