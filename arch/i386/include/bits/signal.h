/* The kernel's MINSIGSTKSZ for this arch (room for one signal frame) and
 * the SIGSTKSZ glibc recommends. */
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192
