/* powerpc moves these four flags around. */
#define O_DIRECTORY 040000
#define O_NOFOLLOW 0100000
#define O_LARGEFILE 0200000
#define O_DIRECT 0400000
