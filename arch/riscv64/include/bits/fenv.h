/* riscv64: fflags and frm (arch/riscv64/fenv.rs). */
#define FE_INEXACT 0x01
#define FE_UNDERFLOW 0x02
#define FE_OVERFLOW 0x04
#define FE_DIVBYZERO 0x08
#define FE_INVALID 0x10
#define FE_ALL_EXCEPT 0x1f

#define FE_TONEAREST 0
#define FE_TOWARDZERO 1
#define FE_DOWNWARD 2
#define FE_UPWARD 3

typedef unsigned int fexcept_t;

typedef struct {
	unsigned int __fcsr;
} fenv_t;
