"""The modules behind `./x.py`, muslin's one driver (standard library only).

common     paths, the arch table, messages
toolchain  `setup`: the pinned Rust toolchain, qemu-user, clang, lld
build      cargo builds, libmuslin.a, the examples; `build` and `cc`
cc         compiling and linking C programs against libmuslin.a
new        `new`: a Rust crate outside the tree, and the test of that flow
run        running a program natively or under qemu; `run`
expect     the expectations tests declare in their own source
judge      turning a program's run into pass/fail/xfail results
testing    `test`: building, running and judging every test, with progress
size       `size`
lint       `lint`: rustfmt, clippy, the layer check
layers     the layer check `lint` runs
weak       the weak-export check `lint` runs
bench/     `bench`: muslin against musl and glibc
"""
