#ifndef _REGEX_H
#define _REGEX_H

#include <bits/alltypes.h>

/* POSIX regular expressions in the C locale, bytewise, with POSIX
 * leftmost-longest matching and subexpression rules. Kept glibc
 * extensions: \+ \? \| in basic expressions, \1..\9 in extended ones,
 * {,n}, REG_STARTEND. Bounds (REG_ESPACE past them): see src/c/regex.rs. */

typedef ssize_t regoff_t;

typedef struct {
	size_t re_nsub;
	void *__re_impl;
	void *__re_pad[6];
} regex_t;

typedef struct {
	regoff_t rm_so;
	regoff_t rm_eo;
} regmatch_t;

#define REG_EXTENDED 1
#define REG_ICASE 2
#define REG_NEWLINE 4
#define REG_NOSUB 8

#define REG_NOTBOL 1
#define REG_NOTEOL 2
#define REG_STARTEND 4

#define REG_NOERROR 0
#define REG_NOMATCH 1
#define REG_BADPAT 2
#define REG_ECOLLATE 3
#define REG_ECTYPE 4
#define REG_EESCAPE 5
#define REG_ESUBREG 6
#define REG_EBRACK 7
#define REG_EPAREN 8
#define REG_EBRACE 9
#define REG_BADBR 10
#define REG_ERANGE 11
#define REG_ESPACE 12
#define REG_BADRPT 13
#define REG_EEND 14
#define REG_ESIZE 15
#define REG_ERPAREN 16

#define RE_DUP_MAX 0x7fff

int regcomp(regex_t *restrict preg, const char *restrict pattern, int cflags);
int regexec(const regex_t *restrict preg, const char *restrict string, size_t nmatch,
	    regmatch_t *restrict pmatch, int eflags);
size_t regerror(int errcode, const regex_t *restrict preg, char *restrict errbuf,
		size_t errbuf_size);
void regfree(regex_t *preg);

#endif
