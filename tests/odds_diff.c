/* random/srandom/initstate/setstate and the drand48 family against glibc:
 * the same seeds must give the same sequences.
 *
 * test-reference: "host"
 *
 * With -DREFERENCE (glibc): prints one line per section, "NAME numbers...".
 * Without: reads those lines, computes each section with muslin and prints
 * ok/FAIL per section. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[1 << 16];
static size_t len;

static void add(long long v)
{
	len += snprintf(out + len, sizeof out - len, " %lld", v);
}

static void addd(double v)
{
	len += snprintf(out + len, sizeof out - len, " %a", v);
}

static void n_random(int n)
{
	for (int i = 0; i < n; i++)
		add(random());
}

/* Aligned state buffers for initstate. */
static long long st_a[40], st_b[40];

#define NSECTIONS 16
static const char *const names[NSECTIONS] = {
	"random-unseeded", "srandom-1", "srandom-0", "srandom-big",
	"initstate-8", "initstate-32", "initstate-64", "initstate-128",
	"initstate-256", "setstate-switch", "drand48-default", "srand48",
	"seed48", "lcong48", "xsubi", "srand48-neg",
};

static void section(int k)
{
	unsigned short x[3] = { 1, 2, 3 }, p[7] = { 5, 6, 7, 0x1234, 0x5678, 0x9, 0x11 };
	len = 0;
	switch (k) {
	case 0: n_random(50); break;
	case 1: srandom(1); n_random(50); break;
	case 2: srandom(0); n_random(50); break;
	case 3: srandom(0xdeadbeefu); n_random(200); break;
	case 4: case 5: case 6: case 7: case 8: {
		static const size_t sizes[] = { 8, 32, 64, 128, 256 };
		char *old = initstate(12345, (char *)st_a, sizes[k - 4]);
		n_random(100);
		setstate(old);
		break;
	}
	case 9: {
		char *old = initstate(7, (char *)st_a, 64);
		n_random(10);
		initstate(9, (char *)st_b, 128);
		n_random(10);
		setstate((char *)st_a);
		n_random(10);
		setstate((char *)st_b);
		n_random(10);
		setstate(old);
		n_random(5);
		break;
	}
	case 10:
		for (int i = 0; i < 20; i++) {
			addd(drand48());
			add(lrand48());
			add(mrand48());
		}
		break;
	case 11:
		srand48(0x12345678);
		for (int i = 0; i < 20; i++) {
			addd(drand48());
			add(lrand48());
			add(mrand48());
		}
		break;
	case 12: {
		srand48(99);
		unsigned short s[3] = { 0xabcd, 0x1234, 0x5555 };
		unsigned short *o = seed48(s);
		add(o[0]), add(o[1]), add(o[2]);
		for (int i = 0; i < 20; i++)
			add(lrand48());
		break;
	}
	case 13:
		lcong48(p);
		for (int i = 0; i < 20; i++) {
			add(lrand48());
			addd(drand48());
		}
		srand48(1); /* back to the defaults */
		break;
	case 14:
		for (int i = 0; i < 20; i++) {
			addd(erand48(x));
			add(nrand48(x));
			add(jrand48(x));
		}
		add(x[0]), add(x[1]), add(x[2]);
		break;
	case 15:
		srand48(-5);
		for (int i = 0; i < 20; i++)
			add(mrand48());
		break;
	}
}

#ifdef REFERENCE
int main(void)
{
	for (int k = 0; k < NSECTIONS; k++) {
		section(k);
		printf("%s%s\n", names[k], out);
	}
	return 0;
}
#else
static char line[1 << 16];

int main(void)
{
	int passed = 0, failed = 0;
	for (int k = 0; k < NSECTIONS; k++) {
		section(k);
		if (!fgets(line, sizeof line, stdin)) {
			printf("FAIL %s: no reference line\n", names[k]);
			failed++;
			continue;
		}
		line[strcspn(line, "\n")] = 0;
		size_t n = strlen(names[k]);
		int ok = strncmp(line, names[k], n) == 0 && strcmp(line + n, out) == 0;
		if (ok) {
			printf("ok %s\n", names[k]);
			passed++;
		} else {
			printf("FAIL %s\n  want%s\n  got %s\n", names[k], line + n, out);
			failed++;
		}
	}
	return failed != 0;
}
#endif
