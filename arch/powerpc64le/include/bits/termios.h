/* <termios.h> for powerpc64le: the kernel's values (its uapi headers). */
#ifndef _MUSLIN_BITS_TERMIOS_H
#define _MUSLIN_BITS_TERMIOS_H

/* The kernel's own layout here: TCGETS reads and writes all of it. */
#define NCCS 19
struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_cc[NCCS];
	cc_t c_line;
	speed_t __c_ispeed;
	speed_t __c_ospeed;
};

#define IGNBRK 1
#define BRKINT 2
#define IGNPAR 4
#define PARMRK 010
#define INPCK 020
#define ISTRIP 040
#define INLCR 0100
#define IGNCR 0200
#define ICRNL 0400
#define IUCLC 010000
#define IXON 01000
#define IXANY 04000
#define IXOFF 02000
#define IMAXBEL 020000
#define IUTF8 040000
#define OPOST 1
#define OLCUC 4
#define ONLCR 2
#define OCRNL 010
#define ONOCR 020
#define ONLRET 040
#define OFILL 0100
#define OFDEL 0200
#define NLDLY 01400
#define NL0 0
#define NL1 0400
#define CRDLY 030000
#define CR0 0
#define CR1 010000
#define CR2 020000
#define CR3 030000
#define TABDLY 06000
#define TAB0 0
#define TAB1 02000
#define TAB2 04000
#define TAB3 06000
#define XTABS 06000
#define BSDLY 32768
#define BS0 0
#define BS1 32768
#define VTDLY 65536
#define VT0 0
#define VT1 65536
#define FFDLY 040000
#define FF0 0
#define FF1 040000
#define CBAUD 0377
#define CBAUDEX 0
#define CSIZE 01400
#define CS5 0
#define CS6 0400
#define CS7 01000
#define CS8 01400
#define CSTOPB 02000
#define CREAD 04000
#define PARENB 010000
#define PARODD 020000
#define HUPCL 040000
#define CLOCAL 0100000
#define CIBAUD 077600000
#define CMSPAR 010000000000
#define CRTSCTS 020000000000
#define BOTHER 31
#define IBSHIFT 020
#define B0 0
#define B50 1
#define B75 2
#define B110 3
#define B134 4
#define B150 5
#define B200 6
#define B300 7
#define B600 8
#define B1200 9
#define B1800 10
#define B2400 11
#define B4800 12
#define B9600 13
#define B19200 14
#define B38400 15
#define B57600 16
#define B115200 17
#define B230400 18
#define B460800 19
#define B500000 20
#define B576000 21
#define B921600 22
#define B1000000 23
#define B1152000 24
#define B1500000 25
#define B2000000 26
#define B2500000 27
#define B3000000 28
#define B3500000 29
#define B4000000 30
#define EXTA 016
#define EXTB 017
#define ISIG 0200
#define ICANON 0400
#define XCASE 040000
#define ECHO 010
#define ECHOE 2
#define ECHOK 4
#define ECHONL 020
#define NOFLSH 020000000000
#define TOSTOP 020000000
#define ECHOCTL 0100
#define ECHOPRT 040
#define ECHOKE 1
#define FLUSHO 040000000
#define PENDIN 04000000000
#define IEXTEN 02000
#define EXTPROC 02000000000
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 7
#define VMIN 5
#define VSWTC 9
#define VSTART 13
#define VSTOP 14
#define VSUSP 12
#define VEOL 6
#define VREPRINT 11
#define VDISCARD 16
#define VWERASE 10
#define VLNEXT 15
#define VEOL2 8
#define TCOOFF 0
#define TCOON 1
#define TCIOFF 2
#define TCION 3
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2

#endif
