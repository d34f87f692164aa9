/* Memory streams: fmemopen (modes r w a with + and b, the NUL rules,
 * ENOSPC, seeking, a NULL buffer, size 0 and bad modes) and open_memstream
 * (the caller's pointer and size after fflush, fseek and fclose; the NUL
 * after the contents; growth; seeking past the end). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static void fmem_read(void)
{
	char buf[] = "hello world";
	FILE *f = fmemopen(buf, 11, "r");
	char w[16];
	CHECK("fmem r open", f != NULL);
	CHECK_EQ("fmem r fscanf", fscanf(f, "%15s", w), 1);
	CHECK("fmem r word", strcmp(w, "hello") == 0);
	CHECK_EQ("fmem r ftell", ftell(f), 5);
	CHECK_EQ("fmem r getc", fgetc(f), ' ');
	CHECK("fmem r fgets", fgets(w, sizeof w, f) && strcmp(w, "world") == 0);
	CHECK_EQ("fmem r eof", fgetc(f), EOF);
	CHECK("fmem r feof", feof(f));
	CHECK_EQ("fmem r seek set", fseek(f, 6, SEEK_SET), 0);
	CHECK_EQ("fmem r after seek", fgetc(f), 'w');
	CHECK_EQ("fmem r seek end", fseek(f, -2, SEEK_END), 0);
	CHECK_EQ("fmem r tail", fgetc(f), 'l');
	errno = 0;
	CHECK_EQ("fmem r seek past size", fseek(f, 12, SEEK_SET), -1);
	CHECK_EQ("fmem r seek past size errno", errno, EINVAL);
	CHECK_EQ("fmem r seek negative", fseek(f, -1, SEEK_SET), -1);
	CHECK_EQ("fmem r fputc fails", fputc('x', f), EOF);
	CHECK("fmem r buffer untouched", memcmp(buf, "hello world", 12) == 0);
	CHECK_EQ("fmem r fileno", fileno(f), -1);
	CHECK_EQ("fmem r fclose", fclose(f), 0);

	/* fread of binary data, NULs included. */
	char bin[6] = {1, 0, 2, 0, 3, 0};
	char got[8] = {0};
	f = fmemopen(bin, sizeof bin, "rb");
	CHECK_EQ("fmem rb fread", fread(got, 1, 8, f), 6);
	CHECK("fmem rb bytes", memcmp(got, bin, 6) == 0);
	fclose(f);
}

static void fmem_write(void)
{
	char buf[8];
	memset(buf, 'x', sizeof buf);
	FILE *f = fmemopen(buf, sizeof buf, "w");
	CHECK("fmem w open", f != NULL);
	CHECK_EQ("fmem w truncates", buf[0], 0);
	CHECK_EQ("fmem w fputs", fputs("abc", f), 0);
	fflush(f);
	CHECK("fmem w NUL after", memcmp(buf, "abc\0xxxx", 8) == 0);
	CHECK_EQ("fmem w ftell", ftell(f), 3);
	/* Past the end: what fits, ENOSPC, and the last byte kept for a NUL
	 * in a write-only mode. */
	errno = 0;
	CHECK_EQ("fmem w overflow", fputs("defghij", f), EOF);
	CHECK_EQ("fmem w overflow errno", errno, ENOSPC);
	CHECK("fmem w overflow ferror", ferror(f));
	CHECK("fmem w full string", strcmp(buf, "abcdefg") == 0);
	fclose(f);

	/* w+: read back what was written. */
	memset(buf, 'x', sizeof buf);
	f = fmemopen(buf, sizeof buf, "w+");
	CHECK_EQ("fmem w+ fprintf", fprintf(f, "%d-%s", 42, "ab"), 5);
	rewind(f);
	char r[8] = {0};
	CHECK_EQ("fmem w+ fread", fread(r, 1, sizeof r, f), 5);
	CHECK("fmem w+ read back", strcmp(r, "42-ab") == 0);
	/* An update mode fills the whole buffer (no byte given up). */
	fseek(f, 0, SEEK_SET);
	CHECK_EQ("fmem w+ fill", fwrite("ABCDEFGH", 1, 8, f), 8);
	CHECK("fmem w+ full", memcmp(buf, "ABCDEFGH", 8) == 0);
	fclose(f);

	/* Writing in the middle keeps what follows. */
	strcpy(buf, "0123456");
	f = fmemopen(buf, sizeof buf, "r+");
	fseek(f, 2, SEEK_SET);
	fputc('x', f);
	fclose(f);
	CHECK("fmem r+ overwrite", strcmp(buf, "01x3456") == 0);
}

static void fmem_append(void)
{
	char buf[16] = "abc";
	memset(buf + 4, 'z', sizeof buf - 4);
	FILE *f = fmemopen(buf, sizeof buf, "a");
	CHECK("fmem a open", f != NULL);
	CHECK_EQ("fmem a ftell at first NUL", ftell(f), 3);
	fputs("de", f);
	fflush(f);
	CHECK("fmem a appended", strcmp(buf, "abcde") == 0);
	/* Every write goes to the end, wherever the position was. */
	fseek(f, 0, SEEK_SET);
	fputs("f", f);
	fclose(f);
	CHECK("fmem a always at end", strcmp(buf, "abcdef") == 0);

	/* a+: reads from the start after a seek. */
	strcpy(buf, "xy");
	f = fmemopen(buf, sizeof buf, "a+");
	fputs("z", f);
	rewind(f);
	char r[8] = {0};
	CHECK("fmem a+ read", fgets(r, sizeof r, f) && strcmp(r, "xyz") == 0);
	fclose(f);

	/* No NUL in the buffer: the contents are all of it. */
	char full[4] = {'a', 'b', 'c', 'd'};
	f = fmemopen(full, sizeof full, "a");
	CHECK_EQ("fmem a no NUL ftell", ftell(f), 4);
	CHECK_EQ("fmem a no room", fputc('e', f), EOF);
	fclose(f);
}

static void fmem_null_and_errors(void)
{
	FILE *f = fmemopen(NULL, 32, "w+");
	CHECK("fmem NULL buf open", f != NULL);
	fprintf(f, "%s %d", "x", 7);
	rewind(f);
	char r[8] = {0};
	CHECK("fmem NULL buf read back", fgets(r, sizeof r, f) && strcmp(r, "x 7") == 0);
	CHECK_EQ("fmem NULL buf fclose", fclose(f), 0);

	char buf[4];
	errno = 0;
	CHECK("fmem size 0", fmemopen(buf, 0, "r") == NULL && errno == EINVAL);
	errno = 0;
	CHECK("fmem bad mode", fmemopen(buf, 4, "q") == NULL && errno == EINVAL);
	errno = 0;
	CHECK("fmem bad mode char", fmemopen(buf, 4, "rw") == NULL && errno == EINVAL);
	f = fmemopen(buf, sizeof buf, "wb+");
	CHECK("fmem mode wb+", f != NULL);
	if (f)
		fclose(f);
}

static void memstream(void)
{
	char *p = (char *)1;
	size_t n = 99;
	FILE *f = open_memstream(&p, &n);
	CHECK("memstream open", f != NULL);
	fflush(f);
	CHECK("memstream empty", p != NULL && n == 0 && p[0] == 0);
	fprintf(f, "hello %d", 42);
	fflush(f);
	CHECK_EQ("memstream size", n, 8);
	CHECK("memstream text", strcmp(p, "hello 42") == 0);
	/* Growth: a long run of writes. */
	for (int i = 0; i < 1000; i++)
		fputc('a' + i % 26, f);
	fflush(f);
	CHECK_EQ("memstream grown size", n, 1008);
	CHECK("memstream grown text", p[8] == 'a' && p[1007] == 'a' + 999 % 26 && p[1008] == 0);
	/* The size follows the position when it is before the end. */
	fseek(f, 5, SEEK_SET);
	fflush(f);
	CHECK_EQ("memstream size after seek back", n, 5);
	CHECK_EQ("memstream ftell", ftell(f), 5);
	fputs("!", f);
	fflush(f);
	CHECK_EQ("memstream size after overwrite", n, 6);
	CHECK("memstream overwrite keeps rest", p[5] == '!' && p[6] == '4' && p[1008] == 0);
	/* Past the end: the gap is NULs. */
	fseek(f, 1010, SEEK_SET);
	fputs("z", f);
	fflush(f);
	CHECK_EQ("memstream size past end", n, 1011);
	CHECK("memstream gap", p[1008] == 0 && p[1009] == 0 && p[1010] == 'z' && p[1011] == 0);
	/* Not readable. */
	CHECK_EQ("memstream read fails", fgetc(f), EOF);
	CHECK_EQ("memstream fclose", fclose(f), 0);
	CHECK_EQ("memstream size at close", n, 1011);
	free(p);

	/* Only fclose. */
	f = open_memstream(&p, &n);
	fputs("bye", f);
	fclose(f);
	CHECK("memstream fclose publishes", n == 3 && strcmp(p, "bye") == 0);
	free(p);

	errno = 0;
	CHECK("memstream NULL", open_memstream(NULL, &n) == NULL && errno == EINVAL);
}

int main(void)
{
	fmem_read();
	fmem_write();
	fmem_append();
	fmem_null_and_errors();
	memstream();
	return check_failed;
}
