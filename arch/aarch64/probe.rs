//! The signal-context probe (see `probe!`), returning in x0.

probe! {
    head: [".p2align 2"],
    zero: "    mov x0, #0",    // x0 = 0
    load: "    ldr x0, [x0]",  // x0 = [x0]
    seven: "    mov x0, #7",   // x0 = 7
    ret: "    ret",            // return x0 to x30 (untouched)
}
