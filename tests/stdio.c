/* Buffered stdio on a temporary file: write/read back, modes, seek, ungetc,
 * getline, errors. (Root ignores permissions, so EACCES is not tested:
 * opening a directory for writing gives EISDIR, a path under a regular file
 * ENOTDIR.) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define PATH "/tmp/muslin_stdio_test.txt"

int main(void)
{
	FILE *f = fopen(PATH, "w");
	CHECK("fopen w", f != NULL);
	CHECK("fputs", fputs("line one\nline two\n", f) >= 0);
	CHECK_EQ("ftell after write", ftell(f), 18);
	CHECK_EQ("fclose", fclose(f), 0);

	f = fopen(PATH, "r");
	char buf[64];
	CHECK("fgets 1", fgets(buf, sizeof buf, f) && strcmp(buf, "line one\n") == 0);
	CHECK_EQ("ftell after fgets", ftell(f), 9);
	int c = fgetc(f);
	CHECK_EQ("ungetc", ungetc(c, f), 'l');
	char *line = NULL;
	size_t cap = 0;
	CHECK_EQ("getline", getline(&line, &cap, f), 9);
	CHECK("getline text", strcmp(line, "line two\n") == 0);
	CHECK_EQ("getline eof", getline(&line, &cap, f), -1);
	CHECK("feof", feof(f) && !ferror(f));
	clearerr(f);
	CHECK("clearerr", !feof(f));
	rewind(f);
	CHECK_EQ("getdelim custom", getdelim(&line, &cap, ' ', f), 5);
	CHECK("getdelim text", strcmp(line, "line ") == 0);
	free(line);
	CHECK_EQ("fputc on read stream", fputc('x', f), EOF);
	CHECK("ferror", ferror(f));
	fclose(f);

	f = fopen(PATH, "a");
	fputs("three\n", f);
	fclose(f);
	f = fopen(PATH, "r+");
	CHECK_EQ("fseek end", fseek(f, 0, SEEK_END), 0);
	CHECK_EQ("ftell end", ftell(f), 24);
	fseek(f, 5, SEEK_SET);
	fputs("ONE", f);
	fseek(f, 0, SEEK_SET);
	CHECK("r+ mixing", fgets(buf, sizeof buf, f) && strcmp(buf, "line ONE\n") == 0);
	fclose(f);

	errno = 0;
	CHECK("ENOENT", fopen("/nonexistent/x", "r") == NULL && errno == ENOENT);
	CHECK("EISDIR", fopen("/tmp", "w") == NULL && errno == EISDIR);
	CHECK("ENOTDIR", fopen(PATH "/x", "r") == NULL && errno == ENOTDIR);
	CHECK("EINVAL mode", fopen(PATH, "q") == NULL && errno == EINVAL);
	CHECK("x EEXIST", fopen(PATH, "wx") == NULL && errno == EEXIST);
	unlink(PATH);
	return check_failed;
}
