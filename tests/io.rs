//! `muslin::io`: `write!`/`writeln!` to the standard streams (redirected
//! into files), to a `Vec` and to a slice; `File` round trips through
//! `write_all`, `read_exact` and `read_to_end`; the errors (`ENODATA` for a
//! short `read_exact`, `ENOSPC` for a full writer, `EEXIST`, `ENOENT`,
//! `EINVAL`, `EBADF`); `seek`; `OpenOptions`; descriptors closed on drop;
//! the `&[u8]` reader; retries after `EINTR` and short transfers.
#![no_std]
#![no_main]

extern crate alloc;

mod common;
use alloc::vec::Vec;
use common::{check, check_eq, status};
use core::ffi::{CStr, c_int};
use core::fmt;
use muslin::Errno;
use muslin::io::{self, ExtendWriter, File, OpenOptions, Read, Seek, SeekFrom, Write};
use muslin::syscall::fd::{self, Fd, OwnedFd};
use muslin::syscall::{fs, process};

muslin::global_allocator!();

type R<T> = muslin::errno::Result<T>;

const F_GETFD: c_int = linux_raw_sys::general::F_GETFD as c_int;

/// A scratch file name in /tmp, unique to this process and `tag`; the file
/// is removed before use and when the `TmpPath` is dropped.
struct TmpPath([u8; 64]);

impl TmpPath {
    fn new(tag: &str) -> TmpPath {
        let mut b = [0u8; 64];
        let mut w: &mut [u8] = &mut b;
        write!(w, "/tmp/muslin_io_{}_{}\0", process::getpid(), tag).expect("path fits");
        let p = TmpPath(b);
        let _ = fs::unlink(p.get());
        p
    }
    fn get(&self) -> &CStr {
        CStr::from_bytes_until_nul(&self.0).expect("NUL-terminated")
    }
    /// Creates the file holding `data`.
    fn with(tag: &str, data: &[u8]) -> TmpPath {
        let p = TmpPath::new(tag);
        File::create(p.get())
            .and_then(|mut f| f.write_all(data))
            .expect("scratch file");
        p
    }
    /// The file's whole contents.
    fn contents(&self) -> R<Vec<u8>> {
        let mut v = Vec::new();
        File::open(self.get())?.read_to_end(&mut v)?;
        Ok(v)
    }
}

impl Drop for TmpPath {
    fn drop(&mut self) {
        let _ = fs::unlink(self.get());
    }
}

/// Runs `f` with descriptor `target` (0, 1 or 2) pointing at `to`,
/// restoring it afterwards. Result lines still in standard output's buffer
/// are flushed first, so that they do not land in (or get lost with) `to`.
fn redirected<T>(target: Fd, to: Fd, f: impl FnOnce() -> T) -> T {
    let _ = io::stdout().flush();
    let saved = fd::dup(target).expect("dup");
    fd::dup2(to, target).expect("dup2");
    let r = f();
    fd::dup2(saved, target).expect("dup2 back");
    let _ = fd::close(saved);
    r
}

fn std_streams() {
    let mut out = io::stdout();
    let p = TmpPath::new("stdout");
    let f = File::create(p.get()).expect("create");
    let two = "two";
    let rs = redirected(fd::STDOUT, f.as_raw_fd(), || {
        (
            write!(out, "{}-{}", 1, two),
            writeln!(out, " [{:>4}]", 7),
            out.write_all(b"raw\n"),
            out.flush(),
        )
    });
    check_eq(
        "write!/writeln! to Stdout",
        (rs, p.contents().as_deref()),
        (
            (Ok(()), Ok(()), Ok(()), Ok(())),
            Ok(&b"1-two [   7]\nraw\n"[..]),
        ),
    );

    // Writing to a read-only descriptor: the buffered write succeeds, the
    // flush reports the kernel's EBADF (and drops the bytes).
    let ro = File::open(p.get()).expect("open");
    let rs = redirected(fd::STDOUT, ro.as_raw_fd(), || {
        (write!(out, "lost {}", 1), out.flush())
    });
    check_eq(
        "Stdout flush error is the kernel's",
        rs,
        (Ok(()), Err(Errno::EBADF)),
    );

    let mut err = io::stderr();
    let p2 = TmpPath::new("stderr");
    let f2 = File::create(p2.get()).expect("create");
    let rs = redirected(fd::STDERR, f2.as_raw_fd(), || {
        (writeln!(err, "e{}", 42), err.write(b"xy"), err.flush())
    });
    check_eq(
        "writeln! to Stderr",
        (rs, p2.contents().as_deref()),
        ((Ok(()), Ok(2), Ok(())), Ok(&b"e42\nxy"[..])),
    );
    let rs = redirected(fd::STDERR, f2.as_raw_fd(), || {
        Errno::ENOTTY.set_last();
        let ok = (write!(err, "{}", 1), Errno::last());
        (ok, write!(err, "{}", BadDisplay))
    });
    check_eq(
        "Stderr write! keeps errno; a failing Display gives EIO",
        rs,
        ((Ok(()), Errno::ENOTTY), Err(Errno::EIO)),
    );
    let rs = redirected(fd::STDERR, ro.as_raw_fd(), || {
        (write!(err, "x{}", 1), err.write_all(b"y"))
    });
    check_eq(
        "Stderr write! error is the kernel's",
        rs,
        (Err(Errno::EBADF), Err(Errno::EBADF)),
    );

    // Standard input from a file, through its buffer.
    let p3 = TmpPath::with("stdin", b"line one\nline two\n");
    let f3 = File::open(p3.get()).expect("open");
    let mut head = [0u8; 5];
    let mut rest = Vec::new();
    let rs = redirected(fd::STDIN, f3.as_raw_fd(), || {
        let mut inp = io::stdin();
        (inp.read_exact(&mut head), inp.read_to_end(&mut rest))
    });
    check_eq(
        "Stdin read_exact + read_to_end",
        (rs, &head, rest.as_slice()),
        ((Ok(()), Ok(13)), b"line ", &b"one\nline two\n"[..]),
    );
}

fn memory() {
    let mut v = Vec::new();
    let (x, q) = ("x", 'q');
    let r1 = write!(ExtendWriter(&mut v), "{:03}|{}", 5, x);
    let r2 = writeln!(ExtendWriter(&mut v), "!{q:?}");
    check_eq(
        "write!/writeln! to a Vec",
        (r1, r2, v.as_slice()),
        (Ok(()), Ok(()), &b"005|x!'q'\n"[..]),
    );

    let mut buf = [0u8; 8];
    let mut w: &mut [u8] = &mut buf;
    let r = write!(w, "{}", 1234567890);
    let left = w.len();
    check_eq(
        "write! to a full slice gives ENOSPC",
        (r, left, &buf),
        (Err(Errno::ENOSPC), 0, b"12345678"),
    );
    let mut buf = [0u8; 8];
    let mut w: &mut [u8] = &mut buf;
    let rs = (w.write(b"abc"), w.write(b"defghij"), w.write(b"k"));
    check_eq(
        "&mut [u8] write takes what fits",
        (rs, &buf),
        ((Ok(3), Ok(5), Ok(0)), b"abcdefgh"),
    );

    let mut r: &[u8] = b"hello world";
    let mut b3 = [0u8; 3];
    let first = (r.read(&mut b3), b3);
    let second = (r.read_exact(&mut b3), b3);
    let mut v = Vec::new();
    let rest = r.read_to_end(&mut v);
    let mut big = [0u8; 8];
    check_eq(
        "&[u8] reader",
        (first, second, rest, v.as_slice(), r.read(&mut big)),
        (
            (Ok(3), *b"hel"),
            (Ok(()), *b"lo "),
            Ok(5),
            &b"world"[..],
            Ok(0),
        ),
    );
    let mut r: &[u8] = b"ab";
    check_eq(
        "&[u8] short read_exact gives ENODATA",
        (r.read_exact(&mut b3), r.len()),
        (Err(Errno::ENODATA), 0),
    );
    let mut r: &[u8] = b"xyz";
    let d: &mut dyn Read = &mut r;
    let mut d = d;
    let mut v = Vec::new();
    check_eq(
        "read_to_end through &mut dyn Read",
        (Read::read_to_end(&mut d, &mut v), v.as_slice()),
        (Ok(3), &b"xyz"[..]),
    );
    let mut v = Vec::new();
    let mut ew = ExtendWriter(&mut v);
    let d: &mut dyn Write = &mut ew;
    let r = write!(d, "dyn {}", 1);
    check_eq(
        "write! through &mut dyn Write",
        (r, v.as_slice()),
        (Ok(()), &b"dyn 1"[..]),
    );
}

/// Writes one byte per call, and fails every other call with `EINTR`.
struct Trickle {
    out: Vec<u8>,
    calls: u32,
}

impl Write for Trickle {
    fn write(&mut self, buf: &[u8]) -> R<usize> {
        self.calls += 1;
        if self.calls % 2 == 1 {
            return Err(Errno::EINTR);
        }
        match buf.first() {
            Some(&c) => {
                self.out.push(c);
                Ok(1)
            }
            None => Ok(0),
        }
    }
    fn flush(&mut self) -> R<()> {
        Ok(())
    }
}

/// Reads one byte per call from `data`, failing every other call with
/// `EINTR`, then `end` once `data` is used up.
struct Drip<'a> {
    data: &'a [u8],
    calls: u32,
    end: R<usize>,
}

impl Read for Drip<'_> {
    fn read(&mut self, buf: &mut [u8]) -> R<usize> {
        self.calls += 1;
        if self.calls % 2 == 1 {
            return Err(Errno::EINTR);
        }
        match (self.data.split_first(), buf.first_mut()) {
            (Some((&c, rest)), Some(slot)) => {
                *slot = c;
                self.data = rest;
                Ok(1)
            }
            _ => self.end,
        }
    }
}

/// Fails every write with `EPIPE`.
struct Broken;

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> R<usize> {
        Err(Errno::EPIPE)
    }
    fn flush(&mut self) -> R<()> {
        Err(Errno::EPIPE)
    }
}

/// A `Display` that fails by itself.
struct BadDisplay;

impl fmt::Display for BadDisplay {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

fn retries() {
    let mut t = Trickle {
        out: Vec::new(),
        calls: 0,
    };
    let r1 = t.write_all(b"abcdef");
    let calls = t.calls;
    let r2 = write!(t, "{}", 42);
    check_eq(
        "write_all retries short writes and EINTR",
        (r1, calls, r2, t.out.as_slice()),
        (Ok(()), 12, Ok(()), &b"abcdef42"[..]),
    );

    let mut d = Drip {
        data: b"0123456789",
        calls: 0,
        end: Ok(0),
    };
    let mut b4 = [0u8; 4];
    let r1 = (d.read_exact(&mut b4), b4);
    let mut v = Vec::new();
    let r2 = d.read_to_end(&mut v);
    check_eq(
        "read_exact and read_to_end retry short reads and EINTR",
        (r1, r2, v.as_slice()),
        ((Ok(()), *b"0123"), Ok(6), &b"456789"[..]),
    );
    let mut d = Drip {
        data: b"ab",
        calls: 0,
        end: Err(Errno::EIO),
    };
    let mut v = Vec::new();
    let r = d.read_to_end(&mut v);
    check_eq(
        "read_to_end error keeps what was read",
        (r, v.as_slice()),
        (Err(Errno::EIO), &b"ab"[..]),
    );

    check_eq(
        "write! reports the writer's error",
        (write!(Broken, "x{}", 1), Broken.write_all(b"y")),
        (Err(Errno::EPIPE), Err(Errno::EPIPE)),
    );
    let mut v = Vec::new();
    check_eq(
        "write! with a failing Display gives EIO",
        write!(ExtendWriter(&mut v), "a{}b", BadDisplay),
        Err(Errno::EIO),
    );

    fn emit(mut w: impl Write) -> R<()> {
        writeln!(w, "generic {}", 3)
    }
    let mut v = Vec::new();
    let mut ew = ExtendWriter(&mut v);
    let r = emit(&mut ew).and_then(|()| emit(&mut ew));
    check_eq(
        "Write through &mut W",
        (r, v.as_slice()),
        (Ok(()), &b"generic 3\ngeneric 3\n"[..]),
    );
}

fn files() {
    let p = TmpPath::new("rw");
    let data: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let size = File::create(p.get())
        .and_then(|mut f| f.write_all(&data).map(|()| f))
        .and_then(|f| f.metadata())
        .map(|st| st.st_size);
    check_eq("write_all to a File", size, Ok(10_000));

    let mut f = File::open(p.get()).expect("open");
    let mut head = [0u8; 100];
    let r = f.read_exact(&mut head);
    check(
        "read_exact reads back",
        r.is_ok() && head[..] == data[..100],
        format_args!("{r:?} {:?}", &head[..8]),
    );
    let mut rest = Vec::new();
    let r = f.read_to_end(&mut rest);
    check(
        "read_to_end reads the rest",
        r == Ok(9_900) && rest[..] == data[100..],
        format_args!("{r:?}, {} bytes", rest.len()),
    );
    check_eq(
        "File at end of file",
        (f.read_to_end(&mut rest), f.read(&mut head)),
        (Ok(0), Ok(0)),
    );

    let short = TmpPath::with("short", b"abc");
    let mut buf = [0u8; 8];
    let r = File::open(short.get()).and_then(|mut f| f.read_exact(&mut buf));
    check_eq(
        "read_exact on a short file gives ENODATA",
        (r, &buf[..3]),
        (Err(io::UNEXPECTED_EOF), &b"abc"[..]),
    );
    check_eq(
        "UNEXPECTED_EOF is ENODATA",
        io::UNEXPECTED_EOF,
        Errno::ENODATA,
    );
    let mut b3 = [0u8; 3];
    let r = File::open(short.get()).and_then(|mut f| f.read_exact(&mut b3));
    check_eq("read_exact of the whole file", (r, &b3), (Ok(()), b"abc"));

    check_eq(
        "create_new on an existing file gives EEXIST",
        File::create_new(short.get()).map(drop),
        Err(Errno::EEXIST),
    );
    let fresh = TmpPath::new("fresh");
    let r = File::create_new(fresh.get()).and_then(|mut f| {
        f.write_all(b"new")?;
        f.rewind()?;
        let mut v = Vec::new();
        f.read_to_end(&mut v)?;
        Ok(v)
    });
    check_eq(
        "create_new makes a read-write file",
        r.as_deref(),
        Ok(&b"new"[..]),
    );
    check_eq(
        "open of a missing file gives ENOENT",
        File::open(c"/nonexistent/muslin_io").map(drop),
        Err(Errno::ENOENT),
    );
    let missing = TmpPath::new("missing");
    check_eq(
        "open of a missing file without create gives ENOENT",
        OpenOptions::new().write(true).open(missing.get()).map(drop),
        Err(Errno::ENOENT),
    );
}

fn seeking() {
    let p = TmpPath::with("seek", b"0123456789");
    let Ok(mut f) = OpenOptions::new().read(true).write(true).open(p.get()) else {
        check("seek", false, format_args!("open failed"));
        return;
    };
    let mut b2 = [0u8; 2];
    let mut b1 = [0u8; 1];
    let a = (f.seek(SeekFrom::Start(3)), f.read_exact(&mut b2), b2);
    let b = (f.stream_position(), f.seek(SeekFrom::Current(-4)));
    let c = (f.read_exact(&mut b1), b1);
    let d = (f.seek(SeekFrom::End(-2)), f.read_exact(&mut b2), b2);
    check_eq(
        "seek from start, current and end",
        (a, b, c, d),
        (
            (Ok(3), Ok(()), *b"34"),
            (Ok(5), Ok(1)),
            (Ok(()), *b"1"),
            (Ok(8), Ok(()), *b"89"),
        ),
    );
    let past = (f.seek(SeekFrom::End(5)), f.write_all(b"X"));
    let mut v = Vec::new();
    let back = (f.rewind(), f.read_to_end(&mut v));
    check_eq(
        "seek past the end leaves a hole",
        (past, back, v.as_slice()),
        (
            (Ok(15), Ok(())),
            (Ok(()), Ok(16)),
            &b"0123456789\0\0\0\0\0X"[..],
        ),
    );
    check_eq(
        "seek before the start gives EINVAL",
        (
            f.seek(SeekFrom::Current(-100)),
            f.seek(SeekFrom::Start(u64::MAX)),
            f.stream_position(),
        ),
        (Err(Errno::EINVAL), Err(Errno::EINVAL), Ok(16)),
    );
}

fn options() {
    let p = TmpPath::with("append", b"abc");
    let r = OpenOptions::new()
        .append(true)
        .open(p.get())
        .and_then(|mut f| {
            f.seek(SeekFrom::Start(0))?;
            f.write_all(b"de")
        });
    check_eq(
        "append writes at the end",
        (r, p.contents().as_deref()),
        (Ok(()), Ok(&b"abcde"[..])),
    );
    let r = OpenOptions::new()
        .write(true)
        .create(true)
        .open(p.get())
        .and_then(|mut f| f.write_all(b"X"));
    check_eq(
        "create keeps an existing file",
        (r, p.contents().as_deref()),
        (Ok(()), Ok(&b"Xbcde"[..])),
    );
    let r = File::create(p.get()).map(drop);
    check_eq(
        "create truncates",
        (r, p.contents().as_deref()),
        (Ok(()), Ok(&b""[..])),
    );
    let r = File::open(p.get()).and_then(|mut f| f.write(b"x"));
    check_eq("open is read-only", r, Err(Errno::EBADF));
    let r = OpenOptions::new()
        .write(true)
        .open(p.get())
        .and_then(|mut f| f.read(&mut [0u8; 1]));
    check_eq("write-only cannot read", r, Err(Errno::EBADF));

    let bad = |o: &OpenOptions| o.open(p.get()).map(drop);
    check_eq(
        "OpenOptions refuses senseless combinations",
        (
            bad(&OpenOptions::new()),
            bad(OpenOptions::new().read(true).truncate(true)),
            bad(OpenOptions::new().read(true).create(true)),
            bad(OpenOptions::new().read(true).create_new(true)),
            bad(OpenOptions::new().append(true).truncate(true)),
        ),
        (
            Err(Errno::EINVAL),
            Err(Errno::EINVAL),
            Err(Errno::EINVAL),
            Err(Errno::EINVAL),
            Err(Errno::EINVAL),
        ),
    );

    let m = TmpPath::new("mode");
    let r = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(m.get())
        .and_then(|f| f.metadata())
        .map(|st| st.st_mode & 0o777);
    check_eq("mode sets the permission bits", r, Ok(0o600));
}

fn descriptors() {
    let p = TmpPath::with("fds", b"q");
    let Ok(f) = File::open(p.get()) else {
        check("Drop closes the descriptor", false, format_args!("open"));
        return;
    };
    let n = f.as_raw_fd();
    let open_before = fd::fcntl(n, F_GETFD, 0).is_ok();
    drop(f);
    let after = fd::fcntl(n, F_GETFD, 0);
    let next = File::open(p.get()).map(|g| g.as_raw_fd());
    check_eq(
        "Drop closes the descriptor (reused by the next open)",
        (open_before, after, next),
        (true, Err(Errno::EBADF), Ok(n)),
    );

    let raw = File::open(p.get()).map(File::into_raw_fd);
    let still_open = raw.map(|n| fd::fcntl(n, F_GETFD, 0).is_ok());
    let closed = raw.map(fd::close);
    check_eq(
        "into_raw_fd keeps the descriptor open",
        (still_open, closed),
        (Ok(true), Ok(Ok(()))),
    );

    let r = fd::open(p.get(), fd::O_RDONLY | fd::O_CLOEXEC, 0).and_then(|o: OwnedFd| {
        let mut f = File::from(o);
        let mut b = [0u8; 1];
        f.read_exact(&mut b)?;
        let o: OwnedFd = f.into();
        Ok((b, fd::fcntl(o.fd(), F_GETFD, 0).is_ok()))
    });
    check_eq("File from and into OwnedFd", r, Ok((*b"q", true)));
}

fn run() -> i32 {
    std_streams();
    memory();
    retries();
    files();
    seeking();
    options();
    descriptors();
    status()
}

muslin::main!(run);
