/* No libc, no muslin. i386: two threads share one TLS GDT entry number, as
 * with CLONE_SETTLS + struct user_desc (glibc/musl/muslin all do this).
 * On Linux the TLS GDT entries are per thread. The main thread checks that
 * its %gs base (read as %gs:0 -> its own block) survives a signal handler's
 * sigreturn, which reloads %gs from the saved selector, after a second
 * thread set the same entry to another base.
 * Exit status: 0 = main still sees its own block after sigreturn,
 *              1 = it sees the child's block (GDT entry shared by threads),
 *              2 = setup failed. */
struct user_desc { unsigned entry, base, limit, flags; };

static unsigned block_main[4] = { 0x4d4d4d4d };   /* %gs:0 of the main thread */
static unsigned block_child[4] = { 0x43434343 };  /* %gs:0 of the child */
static unsigned char child_stack[4096] __attribute__((aligned(16)));
static volatile unsigned child_saw, child_done, handled;

static long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}
static unsigned gs0(void)
{
	unsigned v;
	__asm__ volatile("movl %%gs:0, %0" : "=r"(v));
	return v;
}

/* clone(flags, stack, ptid, tls, ctid): eax=120 ebx ecx edx esi edi.
 * Child: record %gs:0, flag done, exit(0) (this thread only). */
long do_clone(unsigned flags, void *stack, struct user_desc *tls);
__asm__(".text\n.globl do_clone\ndo_clone:\n"
	"push %ebx\npush %esi\npush %edi\n"
	"movl 16(%esp), %ebx\nmovl 20(%esp), %ecx\nxorl %edx, %edx\n"
	"movl 24(%esp), %esi\nxorl %edi, %edi\nmovl $120, %eax\nint $0x80\n"
	"testl %eax, %eax\njnz 1f\n"
	"movl %gs:0, %eax\nmovl %eax, child_saw\nmovl $1, child_done\n"
	"movl $1, %eax\nxorl %ebx, %ebx\nint $0x80\nud2\n"
	"1: pop %edi\npop %esi\npop %ebx\nret\n");

void handler(int sig) { (void)sig; handled = 1; }
void restorer(void);
__asm__(".text\n.globl restorer\nrestorer:\nmovl $173, %eax\nint $0x80\n");

void _start(void)
{
	struct user_desc d = { -1u, (unsigned)block_main, 0xfffff, 0x51 };
	int status = 2;
	if (sys3(243, (long)&d, 0, 0) != 0) /* set_thread_area */
		goto out;
	unsigned sel = d.entry << 3 | 3;
	__asm__ volatile("movw %w0, %%gs" : : "r"(sel));
	/* rt_sigaction(SIGUSR1, {handler, SA_RESTORER|SA_SIGINFO}, 0, 8): rt frame */
	struct { void *h; unsigned long flags; void *restorer; unsigned mask[2]; } sa =
		{ (void *)handler, 0x04000004, (void *)restorer, { 0, 0 } };
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(174), "b"(10), "c"(&sa), "d"(0), "S"(8) : "memory");
	if (r)
		goto out;
	struct user_desc cd = { d.entry, (unsigned)block_child, 0xfffff, 0x51 };
	/* CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS */
	if (do_clone(0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000,
		     child_stack + sizeof child_stack, &cd) < 0)
		goto out;
	while (!child_done)
		sys3(158, 0, 0, 0); /* sched_yield */
	if (child_saw != 0x43434343 || gs0() != 0x4d4d4d4d)
		goto out;
	long pid = sys3(20, 0, 0, 0); /* getpid */
	sys3(270, pid, sys3(224, 0, 0, 0), 10); /* tgkill(pid, gettid, SIGUSR1) */
	if (!handled)
		goto out;
	status = gs0() == 0x4d4d4d4d ? 0 : gs0() == 0x43434343 ? 1 : 2;
out:
	sys3(252, status, 0, 0); /* exit_group */
	for (;;)
		;
}
