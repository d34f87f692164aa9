/* Size of jmp_buf's register area in 8-byte words: arch/arm/setjmp.rs
 * (JB_WORDS) says what it holds. */
#define __JB_WORDS 13
