#ifndef _SETJMP_H
#define _SETJMP_H

#include <bits/setjmp.h>

/* The callee-saved registers (laid out by arch/<arch>/setjmp.rs), then
 * whether sigsetjmp saved the signal mask, and the mask. */
typedef struct __jmp_buf_tag {
	unsigned long long __jb[__JB_WORDS];
	unsigned long long __fl;
	unsigned long __ss[8 / sizeof(long)];
} jmp_buf[1];

typedef jmp_buf sigjmp_buf;

/* setjmp/longjmp and _setjmp/_longjmp never save or restore the signal
 * mask (as musl and glibc on Linux); sigsetjmp(env, nonzero) saves it and
 * siglongjmp restores it. */
int setjmp(jmp_buf env) __attribute__((__returns_twice__));
int _setjmp(jmp_buf env) __attribute__((__returns_twice__));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
int __sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
void longjmp(jmp_buf env, int val) __attribute__((__noreturn__));
void _longjmp(jmp_buf env, int val) __attribute__((__noreturn__));
void siglongjmp(sigjmp_buf env, int val) __attribute__((__noreturn__));

#endif
