//! The signal-context probe (see `probe!`), returning in eax.

probe! {
    zero: "    xor eax, eax",             // eax = 0
    load: "    mov eax, dword ptr [eax]", // eax = [eax]
    seven: "    mov eax, 7",              // eax = 7
    ret: "    ret",                       // return eax
}
