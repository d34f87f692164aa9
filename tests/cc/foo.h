/* The library's interface: two functions from two objects of libfoo.a. */
#ifndef FOO_H
#define FOO_H

#define FOO_SCALE 3

int foo(int x);
int bar(int x);

#endif
