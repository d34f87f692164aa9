/* No include guard: C requires that each inclusion defines assert anew from
 * whether NDEBUG is defined at that point. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define __ASSERT_FUNC __func__
#else
#define __ASSERT_FUNC __extension__ __FUNCTION__
#endif
#define assert(expr) \
	((void)((expr) || (__assert_fail(#expr, __FILE__, __LINE__, __ASSERT_FUNC), 0)))
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && \
	__STDC_VERSION__ < 202311L && !defined(__cplusplus)
/* C11's spelling; C23 makes static_assert a keyword. */
#undef static_assert
#define static_assert _Static_assert
#endif

/* Writes "prog: file:line: func: Assertion `expr' failed." to standard error
 * and aborts (glibc's message). */
void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func) __attribute__((__noreturn__));
