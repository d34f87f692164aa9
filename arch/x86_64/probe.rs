//! The signal-context probe (see `probe!`), returning in rax.

probe! {
    zero: "    xor eax, eax",             // rax = 0
    load: "    mov rax, qword ptr [rax]", // rax = [rax]
    seven: "    mov eax, 7",              // rax = 7
    ret: "    ret",                       // return rax
}
