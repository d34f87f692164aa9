/* __cxa_thread_atexit_impl on the main thread: its destructors run at the
 * start of exit (here: return from main), newest first, one registered by
 * a destructor next, all before the atexit handlers and .fini_array (as
 * glibc); the main thread's pthread_key destructors do not run at exit.
 * A thread that exits first runs only its own.
 *
 * expect-status: 0
 * expect-stdout: "thread: t1\n" "main\n" "tls3\n" "tls2\n" "nested\n" "tls1\n" "atexit\n" "fini\n"
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __GLIBC__ /* for a run against glibc: it declares none */
int __cxa_thread_atexit_impl(void (*dtor)(void *), void *obj, void *dso_symbol);
#endif
/* Names this program to __cxa_thread_atexit_impl, as a C++ compiler's
 * __dso_handle would (glibc wants one; muslin ignores it). */
static char dso;

static void say(const char *s)
{
	write(1, s, strlen(s));
}

static void tls(void *s) { say(s); }
static void tls_nest(void *s)
{
	say(s);
	__cxa_thread_atexit_impl(tls, "nested\n", &dso);
}
static void thread_tls(void *s)
{
	say("thread: ");
	say(s);
}
static void at_exit(void) { say("atexit\n"); }
static void key_dtor(void *s) { say("key (must not run at exit)\n"); (void)s; }
__attribute__((destructor)) static void fini(void) { say("fini\n"); }

static void *thread(void *arg)
{
	(void)arg;
	__cxa_thread_atexit_impl(thread_tls, "t1\n", &dso);
	return 0;
}

int main(void)
{
	pthread_t t;
	pthread_key_t k;
	pthread_key_create(&k, key_dtor);
	pthread_setspecific(k, "x");
	atexit(at_exit);
	__cxa_thread_atexit_impl(tls, "tls1\n", &dso);
	__cxa_thread_atexit_impl(tls_nest, "tls2\n", &dso);
	__cxa_thread_atexit_impl(tls, "tls3\n", &dso);
	pthread_create(&t, 0, thread, 0);
	pthread_join(t, 0);
	say("main\n");
	return 0;
}
