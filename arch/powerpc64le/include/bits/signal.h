/* The kernel's MINSIGSTKSZ for this arch (room for one signal frame) and
 * the SIGSTKSZ glibc recommends. */
#define MINSIGSTKSZ 8192
#define SIGSTKSZ 32768
