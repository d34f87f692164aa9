#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_HWCAP 16
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31
#define AT_SYSINFO 32
#define AT_SYSINFO_EHDR 33

unsigned long getauxval(unsigned long type);

#endif
