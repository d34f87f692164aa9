/* sysconf for the POSIX names (supported options agree with unistd.h's
 * _POSIX_* macros, unsupported ones are -1 with errno untouched, unknown
 * names EINVAL), pathconf/fpathconf, sys/param.h, and sem_init's
 * SEM_VALUE_MAX. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/param.h>
#include <unistd.h>
#include "check.h"

#define OPTION(name, macro) CHECK_EQ(#name " = " #macro, sysconf(name), macro)

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	CHECK("page size: a power of two >= 4096", pg >= 4096 && (pg & (pg - 1)) == 0);
	CHECK_EQ("_SC_PAGE_SIZE", sysconf(_SC_PAGE_SIZE), pg);
	CHECK("CPUs >= 1", sysconf(_SC_NPROCESSORS_ONLN) >= 1 && sysconf(_SC_NPROCESSORS_CONF) >= 1);
	CHECK_EQ("CLK_TCK", sysconf(_SC_CLK_TCK), 100);
	CHECK("ARG_MAX >= 128 KiB", sysconf(_SC_ARG_MAX) >= 131072);
	CHECK("OPEN_MAX >= 20", sysconf(_SC_OPEN_MAX) >= 20);
	CHECK_EQ("RTSIG_MAX", sysconf(_SC_RTSIG_MAX), SIGRTMAX - SIGRTMIN + 1);
	CHECK_EQ("RTSIG_MAX = limits.h", sysconf(_SC_RTSIG_MAX), RTSIG_MAX);
	CHECK_EQ("SEM_VALUE_MAX", sysconf(_SC_SEM_VALUE_MAX), SEM_VALUE_MAX);
	CHECK_EQ("THREAD_STACK_MIN", sysconf(_SC_THREAD_STACK_MIN), PTHREAD_STACK_MIN);
	CHECK_EQ("THREAD_KEYS_MAX", sysconf(_SC_THREAD_KEYS_MAX), PTHREAD_KEYS_MAX);
	CHECK_EQ("HOST_NAME_MAX", sysconf(_SC_HOST_NAME_MAX), HOST_NAME_MAX);
	CHECK_EQ("IOV_MAX", sysconf(_SC_IOV_MAX), IOV_MAX);
	CHECK_EQ("LINE_MAX", sysconf(_SC_LINE_MAX), LINE_MAX);
	CHECK_EQ("NGROUPS_MAX", sysconf(_SC_NGROUPS_MAX), NGROUPS_MAX);
	CHECK_EQ("SYMLOOP_MAX", sysconf(_SC_SYMLOOP_MAX), SYMLOOP_MAX);
	CHECK_EQ("DELAYTIMER_MAX", sysconf(_SC_DELAYTIMER_MAX), DELAYTIMER_MAX);
	long phys = sysconf(_SC_PHYS_PAGES), av = sysconf(_SC_AVPHYS_PAGES);
	/* (Not av <= phys: each comes from its own sysinfo call, and qemu-arm
	 * scales a 32-bit guest's figures per call; under load the two once
	 * disagreed.) */
	CHECK("PHYS_PAGES > 0, AVPHYS_PAGES > 0", phys > 0 && av > 0);
	CHECK_EQ("LP64_OFF64", sysconf(_SC_V7_LP64_OFF64), sizeof(long) == 8 ? 1 : -1);
	CHECK_EQ("ILP32_OFFBIG", sysconf(_SC_V7_ILP32_OFFBIG), sizeof(long) == 4 ? 1 : -1);
	CHECK_EQ("ILP32_OFF32 (off_t is 64 bits)", sysconf(_SC_V7_ILP32_OFF32), -1);

	OPTION(_SC_VERSION, _POSIX_VERSION);
	OPTION(_SC_2_VERSION, _POSIX2_VERSION);
	OPTION(_SC_THREADS, _POSIX_THREADS);
	OPTION(_SC_TIMERS, _POSIX_TIMERS);
	OPTION(_SC_SEMAPHORES, _POSIX_SEMAPHORES);
	OPTION(_SC_REALTIME_SIGNALS, _POSIX_REALTIME_SIGNALS);
	OPTION(_SC_PRIORITY_SCHEDULING, _POSIX_PRIORITY_SCHEDULING);
	OPTION(_SC_THREAD_PRIORITY_SCHEDULING, _POSIX_THREAD_PRIORITY_SCHEDULING);
	OPTION(_SC_CLOCK_SELECTION, _POSIX_CLOCK_SELECTION);
	OPTION(_SC_MONOTONIC_CLOCK, _POSIX_MONOTONIC_CLOCK);
	OPTION(_SC_CPUTIME, _POSIX_CPUTIME);
	OPTION(_SC_THREAD_CPUTIME, _POSIX_THREAD_CPUTIME);
	OPTION(_SC_BARRIERS, _POSIX_BARRIERS);
	OPTION(_SC_SPIN_LOCKS, _POSIX_SPIN_LOCKS);
	OPTION(_SC_READER_WRITER_LOCKS, _POSIX_READER_WRITER_LOCKS);
	OPTION(_SC_TIMEOUTS, _POSIX_TIMEOUTS);
	OPTION(_SC_THREAD_SAFE_FUNCTIONS, _POSIX_THREAD_SAFE_FUNCTIONS);
	OPTION(_SC_THREAD_PROCESS_SHARED, _POSIX_THREAD_PROCESS_SHARED);
	OPTION(_SC_FSYNC, _POSIX_FSYNC);
	OPTION(_SC_MAPPED_FILES, _POSIX_MAPPED_FILES);
	OPTION(_SC_JOB_CONTROL, _POSIX_JOB_CONTROL);
	OPTION(_SC_SAVED_IDS, _POSIX_SAVED_IDS);

	errno = 1234;
	CHECK("unsupported option: -1", sysconf(_SC_ASYNCHRONOUS_IO) == -1 && sysconf(_SC_MESSAGE_PASSING) == -1);
	CHECK_EQ("unsupported option: errno untouched", errno, 1234);
	CHECK("no fixed limit: -1, errno untouched", sysconf(_SC_TIMER_MAX) == -1 && errno == 1234);
	CHECK("SEM_NSEMS_MAX: sem_open's table", sysconf(_SC_SEM_NSEMS_MAX) == 256 && errno == 1234);
	errno = 0;
	CHECK("unknown name -1: EINVAL", sysconf(-1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("unknown name 41: EINVAL", sysconf(41) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("unknown name 100000: EINVAL", sysconf(100000) == -1 && errno == EINVAL);
	int known = 0;
	for (int i = 0; i < 300; i++) {
		errno = 0;
		if (sysconf(i) != -1 || errno == 0)
			known++;
	}
	CHECK("at least 125 names known", known >= 125);

	/* pathconf. */
	long nm = pathconf("/", _PC_NAME_MAX);
	CHECK("NAME_MAX of / >= 14", nm >= 14 && nm <= 1024);
	CHECK_EQ("PATH_MAX", pathconf("/", _PC_PATH_MAX), PATH_MAX);
	CHECK_EQ("PIPE_BUF", pathconf("/", _PC_PIPE_BUF), PIPE_BUF);
	CHECK_EQ("VDISABLE", pathconf("/", _PC_VDISABLE), _POSIX_VDISABLE);
	CHECK_EQ("NO_TRUNC", pathconf("/", _PC_NO_TRUNC), 1);
	CHECK_EQ("FILESIZEBITS", pathconf("/", _PC_FILESIZEBITS), 64);
	CHECK("LINK_MAX >= 8", pathconf("/", _PC_LINK_MAX) >= 8);
	errno = 0;
	CHECK("missing path: ENOENT", pathconf("/no/such/dir/x", _PC_NAME_MAX) == -1 && errno == ENOENT);
	errno = 0;
	CHECK("unknown name: EINVAL", pathconf("/", 999) == -1 && errno == EINVAL);
	int fd = open("/", O_RDONLY);
	CHECK_EQ("fpathconf = pathconf", fpathconf(fd, _PC_NAME_MAX), nm);
	close(fd);
	errno = 0;
	CHECK("fpathconf bad fd: EBADF", fpathconf(-1, _PC_NAME_MAX) == -1 && errno == EBADF);

	/* sys/param.h. */
	CHECK_EQ("MAXPATHLEN", MAXPATHLEN, PATH_MAX);
	CHECK_EQ("howmany", howmany(10, 3), 4);
	CHECK_EQ("roundup", roundup(10, 4), 12);
	CHECK("powerof2", powerof2(8) && !powerof2(6));
	CHECK("MIN MAX", MIN(3, 4) == 3 && MAX(3, 4) == 4);
	unsigned char bits[4] = {0};
	setbit(bits, 17);
	CHECK("setbit/isset", isset(bits, 17) && isclr(bits, 16) && bits[2] == 2);
	clrbit(bits, 17);
	CHECK("clrbit", isclr(bits, 17));

	/* sem_init honours SEM_VALUE_MAX. */
	sem_t sem;
	CHECK_EQ("sem_init SEM_VALUE_MAX", sem_init(&sem, 0, SEM_VALUE_MAX), 0);
	errno = 0;
	CHECK("sem_init above: EINVAL", sem_init(&sem, 0, (unsigned)SEM_VALUE_MAX + 1) == -1 && errno == EINVAL);
	return check_failed;
}
