/* Size of jmp_buf's register area in 8-byte words: arch/s390x/setjmp.rs
 * (JB_WORDS) says what it holds. */
#define __JB_WORDS 18
