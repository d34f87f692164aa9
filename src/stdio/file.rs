//! The `FILE` object, its buffer, and the list of open streams.
//!
//! A stream's buffer holds either data read ahead (`rpos..rend`) or data
//! waiting to be written (`..wlen`), never both: switching direction
//! flushes pending output, or moves the descriptor's offset back over the
//! data read ahead. Pushed-back characters (`ungetc`) live in their own
//! small stack and are read first.

use super::lock::{RecLock, lock_op, threaded};
use crate::errno::{Errno, Result};
use crate::syscall;
use crate::syscall::ret;
use core::cell::UnsafeCell;
use core::ffi::c_int;
use core::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// Size of the buffers stdio allocates (`BUFSIZ`).
pub const BUFSIZ: usize = 4096;
/// How many characters `ungetc` can push back.
pub const UNGET_MAX: usize = 8;

/// Full buffering (`_IOFBF`).
pub const IOFBF: c_int = 0;
/// Line buffering (`_IOLBF`).
pub const IOLBF: c_int = 1;
/// No buffering (`_IONBF`).
pub const IONBF: c_int = 2;

pub(crate) const F_READ: u32 = 1;
pub(crate) const F_WRITE: u32 = 2;
pub(crate) const F_APPEND: u32 = 4;
pub(crate) const F_EOF: u32 = 8;
pub(crate) const F_ERR: u32 = 16;
/// The buffer came from malloc and is freed with the stream.
pub(crate) const F_OWNBUF: u32 = 32;
/// The buffering mode is settled (set by setvbuf, or decided at first use).
pub(crate) const F_MODE_SET: u32 = 64;
/// A standard stream: a static object, never freed.
pub(crate) const F_STATIC: u32 = 128;

/// A stream's mutable state, guarded by its lock.
pub(crate) struct State {
    pub(crate) fd: c_int,
    pub(crate) flags: u32,
    pub(crate) mode: c_int,
    pub(crate) buf: *mut u8,
    pub(crate) cap: usize,
    pub(crate) rpos: usize,
    pub(crate) rend: usize,
    pub(crate) wlen: usize,
    pub(crate) unget: [u8; UNGET_MAX],
    pub(crate) ungetn: usize,
    /// The one-byte read buffer of an unbuffered stream.
    pub(crate) one: u8,
    /// What the stream reads and writes when it is not a descriptor (a
    /// memory stream, `fd` -1); null for descriptor streams. Only the
    /// constructors of such streams store here, so a program that never
    /// calls them links none of their code.
    pub(crate) ops: *const Ops,
    /// The state `ops` works on.
    pub(crate) cookie: *mut u8,
}

/// The operations of a stream that is not a descriptor, each on its
/// cookie: as `read(2)`, a `write(2)` of everything, `lseek(2)` and
/// `close(2)` (which frees the cookie).
pub(crate) struct Ops {
    pub(crate) read: unsafe fn(*mut u8, *mut u8, usize) -> Result<usize>,
    pub(crate) write: unsafe fn(*mut u8, *const u8, usize) -> Result<()>,
    pub(crate) seek: unsafe fn(*mut u8, i64, c_int) -> Result<i64>,
    pub(crate) close: unsafe fn(*mut u8) -> Result<()>,
}

/// Links of the open-stream list, guarded by the list lock.
#[derive(Clone, Copy)]
pub(crate) struct Link {
    pub(crate) next: *mut FILE,
    pub(crate) prev: *mut FILE,
}

/// A C stream (`FILE`). Opaque to C.
pub struct FILE {
    pub(crate) lock: RecLock,
    pub(crate) st: UnsafeCell<State>,
    pub(crate) link: UnsafeCell<Link>,
}

// SAFETY: `st` is only touched under `lock` (or while single-threaded) and
// `link` only under the list lock.
unsafe impl Sync for FILE {}

impl FILE {
    /// A stream over `fd` with the `F_*` `flags`, using `buf` (`cap`
    /// bytes, or null for one allocated at first use) in `mode`.
    pub(crate) const fn new(fd: c_int, flags: u32, buf: *mut u8, cap: usize, mode: c_int) -> FILE {
        FILE {
            lock: RecLock::new(),
            st: UnsafeCell::new(State {
                fd,
                flags,
                mode,
                buf,
                cap,
                rpos: 0,
                rend: 0,
                wlen: 0,
                unget: [0; UNGET_MAX],
                ungetn: 0,
                one: 0,
                ops: core::ptr::null(),
                cookie: core::ptr::null_mut(),
            }),
            link: UnsafeCell::new(Link {
                next: core::ptr::null_mut(),
                prev: core::ptr::null_mut(),
            }),
        }
    }

    /// A standard stream before its first use: all zero, so that it costs
    /// no `.data`; [`ready`](Self::ready) sets it up.
    pub(crate) const fn unset() -> FILE {
        FILE::new(0, 0, core::ptr::null_mut(), 0, IOFBF)
    }

    /// Sets up a standard stream at its first use. Only those have flags 0
    /// (every open stream reads or writes, and a closed standard stream
    /// keeps `F_STATIC`). The caller holds the lock or has one thread.
    #[inline]
    pub(crate) fn ready(&self) {
        // SAFETY: as the caller says, no other thread touches the state.
        let st = unsafe { &mut *self.st.get() };
        if st.flags == 0 {
            super::standard::set_up(self, st);
        }
    }
}

/// Holds a stream's lock (when the process has more than one thread) and
/// gives access to its state.
pub(crate) struct Guard<'a> {
    f: &'a FILE,
    held: bool,
}

impl<'a> Guard<'a> {
    /// Locks `f` if another thread exists.
    #[inline]
    pub(crate) fn new(f: &'a FILE) -> Guard<'a> {
        let held = threaded();
        if held {
            lock_op(&f.lock, true);
        }
        f.ready();
        Guard { f, held }
    }

    /// The stream's state.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub(crate) fn st(&self) -> &mut State {
        // SAFETY: the guard excludes other threads; stdio never makes two
        // guards for one stream in one thread at once, nor keeps the
        // returned reference past the guard's own use of it.
        unsafe { &mut *self.f.st.get() }
    }
}

impl Drop for Guard<'_> {
    #[inline]
    fn drop(&mut self) {
        if self.held {
            lock_op(&self.f.lock, false);
        }
    }
}

/// `read(2)` that is not a cancellation point.
pub(crate) fn sys_read(fd: c_int, buf: *mut u8, len: usize) -> Result<usize> {
    // SAFETY: the kernel writes at most len bytes into buf, which the caller
    // owns.
    ret(unsafe { syscall!(__NR_read, fd, buf, len) })
}

/// Writes all of `len` bytes at `buf`, retrying after short writes and
/// `EINTR`; not a cancellation point.
#[optimize(size)]
pub(crate) fn sys_write_all(fd: c_int, mut buf: *const u8, mut len: usize) -> Result<()> {
    while len > 0 {
        // SAFETY: the kernel only reads buf..buf+len, which the caller owns.
        match ret(unsafe { syscall!(__NR_write, fd, buf, len) }) {
            Ok(n) => {
                let n = n.min(len);
                // SAFETY: n <= len, so buf stays inside the caller's buffer.
                buf = unsafe { buf.add(n) };
                len -= n;
            }
            Err(e) if e == Errno::EINTR => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

impl State {
    /// Writes all of `len` bytes at `buf` to the descriptor or the
    /// stream's [`Ops`].
    #[inline(always)]
    pub(crate) fn dev_write(&mut self, buf: *const u8, len: usize) -> Result<()> {
        if self.ops.is_null() {
            return sys_write_all(self.fd, buf, len);
        }
        // SAFETY: ops and cookie were set together by a constructor; the
        // caller's buffer holds len bytes.
        unsafe { ((*self.ops).write)(self.cookie, buf, len) }
    }

    /// Reads up to `len` bytes into `buf` from the descriptor or the
    /// stream's [`Ops`].
    #[inline(always)]
    pub(crate) fn dev_read(&mut self, buf: *mut u8, len: usize) -> Result<usize> {
        if self.ops.is_null() {
            return sys_read(self.fd, buf, len);
        }
        // SAFETY: as in dev_write; buf has room for len bytes.
        unsafe { ((*self.ops).read)(self.cookie, buf, len) }
    }

    /// Moves the descriptor's (or the [`Ops`]') offset.
    #[inline(always)]
    pub(crate) fn dev_seek(&mut self, off: i64, whence: c_int) -> Result<i64> {
        if self.ops.is_null() {
            return crate::syscall::fd::lseek(crate::syscall::fd::Fd(self.fd), off, whence);
        }
        // SAFETY: as in dev_write.
        unsafe { ((*self.ops).seek)(self.cookie, off, whence) }
    }

    /// The buffer reads go through: the stream's own, or the one-byte slot.
    fn rbuf(&mut self) -> (*mut u8, usize) {
        if self.cap == 0 {
            (&raw mut self.one, 1)
        } else {
            (self.buf, self.cap)
        }
    }

    /// Allocates the buffer at first use (unbuffered if malloc fails).
    #[optimize(size)]
    fn ensure_buf(&mut self) {
        if self.buf.is_null() && self.mode != IONBF {
            let p = alloc_buf();
            if p.is_null() {
                self.mode = IONBF;
                self.cap = 0;
            } else {
                self.buf = p;
                self.cap = BUFSIZ;
                self.flags |= F_OWNBUF;
            }
        }
    }

    /// Records an error: the stream's error flag and `errno`.
    fn fail(&mut self, e: Errno) {
        self.flags |= F_ERR;
        e.set_last();
    }

    /// Writes out pending output; false (error flag set) on failure.
    #[optimize(size)]
    pub(crate) fn flush(&mut self) -> bool {
        if self.wlen == 0 {
            return true;
        }
        let n = self.wlen;
        self.wlen = 0;
        self.put_out(self.buf, n)
    }

    /// Writes all of `len` bytes at `buf` out ([`dev_write`](Self::dev_write));
    /// false (error flag and `errno` set) on failure. One outlined copy
    /// for both write paths.
    #[inline(never)]
    #[optimize(size)]
    fn put_out(&mut self, buf: *const u8, len: usize) -> bool {
        match self.dev_write(buf, len) {
            Ok(()) => true,
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }

    /// Unread data held in the buffer and the push-back stack.
    pub(crate) fn unread(&self) -> usize {
        self.rend - self.rpos + self.ungetn
    }

    /// Forgets data read ahead, moving the descriptor back over it (a
    /// seekable stream then continues where the reader was).
    fn drop_read_ahead(&mut self) {
        let back = self.unread();
        // (The descriptor only: a memory stream has none, and C leaves
        // reading then writing without fseek or fflush between undefined;
        // this saves the dispatch in every program's write path.)
        if back > 0 {
            let _ = crate::syscall::fd::lseek(
                crate::syscall::fd::Fd(self.fd),
                -(back as i64),
                super::seek::SEEK_CUR,
            );
        }
        self.rpos = 0;
        self.rend = 0;
        self.ungetn = 0;
    }

    /// `fflush` of a stream that holds data read ahead: moves the
    /// descriptor back to the reader's position and forgets that data, as
    /// POSIX asks. On a descriptor that cannot seek (a pipe) the data is
    /// kept, so nothing is lost.
    pub(crate) fn sync_read(&mut self) {
        let back = self.unread();
        if back == 0 {
            return;
        }
        if self.dev_seek(-(back as i64), super::seek::SEEK_CUR).is_ok() {
            self.rpos = 0;
            self.rend = 0;
            self.ungetn = 0;
        }
    }

    /// Prepares for writing: false (with `EBADF`) on a read-only stream.
    #[optimize(size)]
    fn prepare_write(&mut self) -> bool {
        if self.flags & F_WRITE == 0 {
            self.fail(Errno::EBADF);
            return false;
        }
        if self.rend != 0 || self.ungetn != 0 {
            self.drop_read_ahead();
        }
        if self.flags & F_MODE_SET == 0 {
            self.flags |= F_MODE_SET;
            if self.fd == 1 && crate::syscall::tty::isatty(crate::syscall::fd::STDOUT).is_ok() {
                self.mode = IOLBF;
            }
        }
        self.ensure_buf();
        true
    }

    /// Writes `s` through the buffer; returns how many bytes were accepted
    /// (all of them unless an error occurred).
    #[optimize(size)]
    pub(crate) fn write_bytes(&mut self, s: &[u8]) -> usize {
        if !self.prepare_write() {
            return 0;
        }
        // Unbuffered, or too long for the buffer once it is flushed: write
        // it out directly.
        let mut direct = self.mode == IONBF || self.cap == 0;
        if !direct && s.len() > self.cap - self.wlen {
            if !self.flush() {
                return 0;
            }
            direct = s.len() >= self.cap;
        }
        if direct {
            return if self.put_out(s.as_ptr(), s.len()) {
                s.len()
            } else {
                0
            };
        }
        // SAFETY: wlen + s.len() <= cap, the buffer's size; s is not in it.
        // (arch's copy: on s390x an inline copy would keep every `exrl`
        // template of the library.)
        unsafe {
            crate::arch::mem::copy(self.buf.add(self.wlen), s.as_ptr(), s.len());
        }
        self.wlen += s.len();
        // (A plain loop: `contains` would link a word-at-a-time memchr.)
        #[allow(clippy::manual_contains)]
        if self.mode == IOLBF && s.iter().any(|&c| c == b'\n') && !self.flush() {
            return 0;
        }
        s.len()
    }

    /// Prepares for reading: false (with `EBADF`) on a write-only stream or
    /// when pending output cannot be written.
    fn prepare_read(&mut self) -> bool {
        if self.flags & F_READ == 0 {
            self.fail(Errno::EBADF);
            return false;
        }
        if self.flags & F_MODE_SET == 0 {
            self.flags |= F_MODE_SET;
        }
        self.ensure_buf();
        self.flush()
    }

    /// Refills an empty buffer; false at end of file or on error (flags set).
    fn fill(&mut self) -> bool {
        if self.flags & F_EOF != 0 {
            return false;
        }
        if self.fd == 0 {
            super::standard::flush_stdout_if_line_buffered();
        }
        let (p, cap) = self.rbuf();
        match self.dev_read(p, cap) {
            Ok(0) => {
                self.flags |= F_EOF;
                false
            }
            Ok(n) => {
                self.rpos = 0;
                self.rend = n;
                true
            }
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }

    /// Makes buffered data available: true when `rpos < rend` or the
    /// push-back stack is not empty.
    pub(crate) fn available(&mut self) -> bool {
        if self.ungetn > 0 || self.rpos < self.rend {
            return true;
        }
        self.prepare_read() && self.fill()
    }

    /// Reads one byte, or `None` at end of file or on error.
    #[inline]
    pub(crate) fn getc(&mut self) -> Option<u8> {
        if self.ungetn > 0 {
            self.ungetn -= 1;
            return Some(self.unget[self.ungetn]);
        }
        if self.rpos >= self.rend && !self.available() {
            return None;
        }
        let (p, _) = self.rbuf();
        // SAFETY: rpos < rend <= the read buffer's size.
        let c = unsafe { *p.add(self.rpos) };
        self.rpos += 1;
        Some(c)
    }

    /// The buffered bytes not yet consumed (push-back stack excluded).
    pub(crate) fn buffered(&mut self) -> &[u8] {
        let (p, _) = self.rbuf();
        // SAFETY: rpos..rend lies inside the read buffer and was filled.
        unsafe { core::slice::from_raw_parts(p.add(self.rpos), self.rend - self.rpos) }
    }

    /// Reads up to `dst.len()` bytes; fewer only at end of file or on error.
    pub(crate) fn read_bytes(&mut self, dst: &mut [u8]) -> usize {
        let mut got = 0;
        while got < dst.len() && self.ungetn > 0 {
            self.ungetn -= 1;
            dst[got] = self.unget[self.ungetn];
            got += 1;
        }
        while got < dst.len() {
            if self.rpos < self.rend {
                let b = self.buffered();
                let n = b.len().min(dst.len() - got);
                dst[got..got + n].copy_from_slice(&b[..n]);
                self.rpos += n;
                got += n;
                continue;
            }
            if !self.prepare_read() || self.flags & F_EOF != 0 {
                break;
            }
            let rest = dst.len() - got;
            if rest >= self.cap.max(1) {
                // Large request: straight into the caller's memory.
                match self.dev_read(dst[got..].as_mut_ptr(), rest) {
                    Ok(0) => {
                        self.flags |= F_EOF;
                        break;
                    }
                    Ok(n) => got += n.min(rest),
                    Err(e) => {
                        self.fail(e);
                        break;
                    }
                }
            } else if !self.fill() {
                break;
            }
        }
        got
    }

    /// Pushes `c` back; false when the stack is full or `c` is `EOF`.
    pub(crate) fn ungetc(&mut self, c: c_int) -> bool {
        if c < 0 || self.ungetn >= UNGET_MAX || self.flags & F_READ == 0 {
            return false;
        }
        if self.wlen > 0 && !self.flush() {
            return false;
        }
        self.unget[self.ungetn] = c as u8;
        self.ungetn += 1;
        self.flags &= !F_EOF;
        true
    }
}

/// The allocator of stream buffers, null until [`hook_buf_alloc`].
static BUF_ALLOC: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Lets streams allocate their buffers with malloc. Only a stream from
/// `fopen`/`fdopen`, or one `setvbuf` left without a buffer, needs one
/// (the standard streams have static buffers), so those functions install
/// it and a program that uses only the standard streams links no malloc.
pub(crate) fn hook_buf_alloc() {
    fn alloc() -> *mut u8 {
        crate::malloc::c_api::malloc(BUFSIZ).cast()
    }
    // Opaque to the optimizer, as for `hook_exit_flush`.
    let f = core::hint::black_box(alloc as fn() -> *mut u8);
    BUF_ALLOC.store(f as *mut (), Ordering::Release);
}

/// A `BUFSIZ` buffer from the installed allocator; null without one or
/// when it fails.
fn alloc_buf() -> *mut u8 {
    let f = BUF_ALLOC.load(Ordering::Acquire);
    if f.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: only hook_buf_alloc() stores here, always a `fn() -> *mut u8`.
    unsafe { core::mem::transmute::<*mut (), fn() -> *mut u8>(f)() }
}

/// Whether the first write installed the exit flush.
static HOOKED: AtomicBool = AtomicBool::new(false);

/// Makes `exit` flush standard output (unless [`list_add`] made it flush
/// every stream already); called on every write path. A program that
/// never opens a stream links no walk of the list of them.
#[inline]
pub(crate) fn hook_exit_flush() {
    if !HOOKED.load(Ordering::Relaxed) {
        HOOKED.store(true, Ordering::Relaxed);
        // Opaque to the optimizer: otherwise whole-program optimization sees
        // that `exit` can only call `flush_stdout` and links it into
        // programs that never write.
        crate::process::set_flush_hook(core::hint::black_box(flush_stdout as fn()), false);
    }
}

fn flush_stdout() {
    let _ = flush(&super::standard::STDOUT);
}

/// The streams opened with `fopen`/`fdopen`, newest first.
static HEAD: AtomicPtr<FILE> = AtomicPtr::new(core::ptr::null_mut());
/// Guards the list (taken only when threaded).
static LIST: RecLock = RecLock::new();

fn list_lock() -> bool {
    let held = threaded();
    if held {
        lock_op(&LIST, true);
    }
    held
}

fn list_unlock(held: bool) {
    if held {
        lock_op(&LIST, false);
    }
}

/// Takes (`take`) or releases the stream-list lock around `fork`, so that
/// the child's list is whole; in a process with other threads only.
pub fn fork_list_lock(take: bool) {
    lock_op(&LIST, take);
}

/// In a `fork` child, which has one thread: frees every stream lock (and
/// the list's) that another thread of the parent held, as that thread is
/// gone there. The caller's own `flockfile`s stay held. As in glibc, a
/// stream another thread was in the middle of changing is left as it was.
pub fn fork_child() {
    LIST.reset_foreign();
    super::standard::STDIN.lock.reset_foreign();
    super::standard::STDOUT.lock.reset_foreign();
    super::standard::STDERR.lock.reset_foreign();
    let mut p = HEAD.load(Ordering::Relaxed);
    while !p.is_null() {
        // SAFETY: listed streams are live; no other thread exists.
        unsafe {
            (*p).lock.reset_foreign();
            p = (*(*p).link.get()).next;
        }
    }
}

/// Adds a newly opened stream to the list, and makes `exit` flush them all.
pub(crate) fn list_add(f: *mut FILE) {
    crate::process::set_flush_hook(core::hint::black_box(flush_all as fn()), true);
    let held = list_lock();
    let head = HEAD.load(Ordering::Relaxed);
    // SAFETY: f is a live stream not yet in the list; head, if any, is a
    // live listed stream; the list lock is held.
    unsafe {
        *(*f).link.get() = Link {
            next: head,
            prev: core::ptr::null_mut(),
        };
        if !head.is_null() {
            (*(*head).link.get()).prev = f;
        }
    }
    HEAD.store(f, Ordering::Relaxed);
    list_unlock(held);
}

/// Removes a stream from the list (at `fclose`).
pub(crate) fn list_remove(f: *mut FILE) {
    let held = list_lock();
    // SAFETY: f is a live listed stream and the list lock is held, so its
    // neighbours are live too.
    unsafe {
        let Link { next, prev } = *(*f).link.get();
        if prev.is_null() {
            HEAD.store(next, Ordering::Relaxed);
        } else {
            (*(*prev).link.get()).next = next;
        }
        if !next.is_null() {
            (*(*next).link.get()).prev = prev;
        }
    }
    list_unlock(held);
}

/// Flushes one stream; false on error. (A stream that does not write has
/// nothing pending.)
#[optimize(size)]
pub(crate) fn flush(f: &FILE) -> bool {
    Guard::new(f).st().flush()
}

/// Flushes standard output and every open stream; false if any failed.
pub(crate) fn flush_all_streams() -> bool {
    let mut ok = flush(&super::standard::STDOUT);
    let held = list_lock();
    let mut p = HEAD.load(Ordering::Relaxed);
    while !p.is_null() {
        // SAFETY: listed streams stay live while the list lock is held
        // (fclose removes them under it before freeing).
        let f = unsafe { &*p };
        ok &= flush(f);
        // SAFETY: as above.
        p = unsafe { (*f.link.get()).next };
    }
    list_unlock(held);
    ok
}

fn flush_all() {
    let _ = flush_all_streams();
}
