/* i386: the x87 status word's bits, which MXCSR shares (see
 * arch/x86_64/fenv.rs, which i386 uses too). */
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_ALL_EXCEPT 0x3d

#define FE_TONEAREST 0
#define FE_DOWNWARD 0x400
#define FE_UPWARD 0x800
#define FE_TOWARDZERO 0xc00

typedef unsigned short fexcept_t;

/* The x87 environment as fnstenv stores it, then MXCSR. */
typedef struct {
	unsigned int __x87[7];
	unsigned int __mxcsr;
} fenv_t;
