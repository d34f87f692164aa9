/* s390x: the FPC flag byte and rounding mode (arch/s390x/fenv.rs). */
#define FE_INEXACT 0x08
#define FE_UNDERFLOW 0x10
#define FE_OVERFLOW 0x20
#define FE_DIVBYZERO 0x40
#define FE_INVALID 0x80
#define FE_ALL_EXCEPT 0xf8

#define FE_TONEAREST 0
#define FE_TOWARDZERO 1
#define FE_UPWARD 2
#define FE_DOWNWARD 3

typedef unsigned int fexcept_t;

typedef struct {
	fexcept_t __fpc;
	void *__unused;
} fenv_t;
