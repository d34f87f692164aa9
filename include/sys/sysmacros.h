#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

/* glibc's dev_t encoding: 32-bit major and minor numbers, the low 12 bits
 * of the major and 8 of the minor where the kernel's old encoding has them. */
#define major(dev) \
	((unsigned int)((((unsigned long long)(dev) >> 32) & 0xfffff000u) | \
			(((unsigned long long)(dev) >> 8) & 0x00000fffu)))
#define minor(dev) \
	((unsigned int)((((unsigned long long)(dev) >> 12) & 0xffffff00u) | \
			((unsigned long long)(dev) & 0x000000ffu)))
#define makedev(ma, mi) \
	((((unsigned long long)(ma) & 0xfffff000u) << 32) | \
	 (((unsigned long long)(ma) & 0x00000fffu) << 8) | \
	 (((unsigned long long)(mi) & 0xffffff00u) << 12) | \
	 ((unsigned long long)(mi) & 0x000000ffu))

#endif
