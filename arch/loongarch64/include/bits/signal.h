/* The kernel's MINSIGSTKSZ for this arch (room for one signal frame) and
 * the SIGSTKSZ glibc recommends. */
#define MINSIGSTKSZ 4096
#define SIGSTKSZ 16384
