/* No libc, no muslin. x86_64 and i386: qemu-user's x87 emulation computes
 * fsin, fcos and fptan through the host's double-precision functions, so
 * the 80-bit result has only about 53 correct bits; a real FPU gets
 * sin(0.5) within an ulp of the 64-bit value.
 * Exit status: 0 = fsin(0.5) within 2^-60 of sin(0.5) (an x87 FPU),
 *              1 = further off (double precision: the emulator). */
static void exit_with(int status)
{
#ifdef __x86_64__
	__asm__ volatile("syscall" : : "a"(60), "D"(status));
#else
	__asm__ volatile("int $0x80" : : "a"(1), "b"(status));
#endif
	for (;;)
		;
}

void _start(void)
{
	volatile long double x = 0.5L;
	long double r, want = 0.479425538604203000273287935215571388L, d;
	__asm__("fsin" : "=t"(r) : "0"(x));
	d = r - want;
	if (d < 0)
		d = -d;
	exit_with(d < want / 1152921504606846976.0L ? 0 : 1); /* 2^-60 relative */
}
