//! `<pwd.h>` and `<grp.h>`: the user and group databases, read from
//! `/etc/passwd` and `/etc/group` (there is no NSS). Each lookup reads the
//! file afresh. A line that does not parse (a wrong number of fields, an
//! id that is not a number) is skipped, as are comments and empty lines.
//!
//! Not found is NULL with `errno` unchanged (`0` and a NULL `*result` for
//! the `_r` forms); a buffer too small for an `_r` form is `ERANGE`.

use crate::Errno;
use crate::malloc::c_api as m;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

/// `struct passwd`.
#[repr(C)]
pub struct Passwd {
    pw_name: *mut c_char,
    pw_passwd: *mut c_char,
    pw_uid: u32,
    pw_gid: u32,
    pw_gecos: *mut c_char,
    pw_dir: *mut c_char,
    pw_shell: *mut c_char,
}

/// `struct group`.
#[repr(C)]
pub struct Group {
    gr_name: *mut c_char,
    gr_passwd: *mut c_char,
    gr_gid: u32,
    gr_mem: *mut *mut c_char,
}

/// A whole file in a `malloc`ed buffer.
struct Text {
    ptr: *mut u8,
    len: usize,
}

impl Text {
    /// The file's bytes.
    fn bytes(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: `ptr` holds `len` bytes that we read.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl Drop for Text {
    fn drop(&mut self) {
        // SAFETY: `ptr` is null or our chunk.
        unsafe { m::free(self.ptr.cast()) };
    }
}

/// Reads all of `path`.
fn slurp(path: &CStr) -> Result<Text, Errno> {
    use crate::syscall::fd::{AT_FDCWD, O_CLOEXEC, O_RDONLY};
    // SAFETY: path is a C string; the other arguments are numbers.
    let fd = crate::syscall::ret(unsafe {
        crate::syscall!(
            __NR_openat,
            AT_FDCWD.0,
            path.as_ptr(),
            O_RDONLY | O_CLOEXEC,
            0u32
        )
    })?;
    let mut t = Text {
        ptr: null_mut(),
        len: 0,
    };
    let mut cap = 0;
    let r = loop {
        if t.len == cap {
            cap = (cap * 2).max(4096);
            // SAFETY: `ptr` is null or our chunk.
            let p = unsafe { m::realloc(t.ptr.cast(), cap) };
            if p.is_null() {
                break Err(Errno::ENOMEM);
            }
            t.ptr = p.cast();
        }
        // SAFETY: the kernel writes at most `cap - len` bytes after `len`.
        let n = crate::syscall::ret(unsafe {
            crate::syscall!(__NR_read, fd, t.ptr.add(t.len), cap - t.len)
        });
        match n {
            Ok(0) => break Ok(()),
            Ok(n) => t.len += n,
            Err(Errno::EINTR) => {}
            Err(e) => break Err(e),
        }
    };
    // SAFETY: closing our own descriptor affects no memory.
    unsafe { crate::syscall!(__NR_close, fd) };
    r.map(|()| t)
}

/// The `N` `:`-separated fields of `line`, or None when it has another
/// number of them or is a comment or empty.
fn fields<const N: usize>(line: &[u8]) -> Option<[&[u8]; N]> {
    if line.is_empty() || line[0] == b'#' {
        return None;
    }
    let mut out = [&line[..0]; N];
    let mut it = line.split(|&c| c == b':');
    for f in out.iter_mut() {
        *f = it.next()?;
    }
    if it.next().is_some() {
        return None;
    }
    Some(out)
}

/// A decimal id (not empty, fits in 32 bits).
fn parse_id(s: &[u8]) -> Option<u32> {
    if s.is_empty() || s.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    u32::try_from(v).ok()
}

/// A parsed `/etc/passwd` line.
struct PwLine<'a> {
    f: [&'a [u8]; 7],
    uid: u32,
    gid: u32,
}

fn parse_pw(line: &[u8]) -> Option<PwLine<'_>> {
    let f = fields::<7>(line)?;
    if f[0].is_empty() {
        return None;
    }
    Some(PwLine {
        f,
        uid: parse_id(f[2])?,
        gid: parse_id(f[3])?,
    })
}

/// A parsed `/etc/group` line.
struct GrLine<'a> {
    f: [&'a [u8]; 4],
    gid: u32,
}

impl GrLine<'_> {
    /// The member names (empty ones left out).
    fn members(&self) -> impl Iterator<Item = &[u8]> {
        self.f[3].split(|&c| c == b',').filter(|m| !m.is_empty())
    }
}

fn parse_gr(line: &[u8]) -> Option<GrLine<'_>> {
    let f = fields::<4>(line)?;
    if f[0].is_empty() {
        return None;
    }
    Some(GrLine {
        f,
        gid: parse_id(f[2])?,
    })
}

/// Places strings (and a pointer array) into a caller's buffer.
struct Out {
    buf: *mut c_char,
    size: usize,
    used: usize,
}

impl Out {
    /// Copies `s` and a NUL; None when it does not fit.
    fn put(&mut self, s: &[u8]) -> Option<*mut c_char> {
        if self.size - self.used < s.len() + 1 {
            return None;
        }
        // SAFETY: the bytes fit within the caller's `size`.
        unsafe {
            let p = self.buf.add(self.used);
            core::ptr::copy_nonoverlapping(s.as_ptr().cast(), p, s.len());
            *p.add(s.len()) = 0;
            self.used += s.len() + 1;
            Some(p)
        }
    }

    /// Room for `n` pointers, aligned; None when it does not fit.
    fn ptrs(&mut self, n: usize) -> Option<*mut *mut c_char> {
        let align = core::mem::align_of::<*mut c_char>();
        let pad = (align - (self.buf as usize + self.used) % align) % align;
        let need = pad + n * core::mem::size_of::<*mut c_char>();
        if self.size - self.used < need {
            return None;
        }
        // SAFETY: within the caller's buffer.
        let p = unsafe { self.buf.add(self.used + pad) }.cast();
        self.used += need;
        Some(p)
    }
}
/// What the password and group databases share: a file of lines, each
/// parsed into a `Line` and filled into the C struct (`Self`).
trait Db: Sized {
    /// A parsed line.
    type Line<'a>;
    /// The file.
    const PATH: &'static CStr;
    /// The line's fields, or None when it is not an entry.
    fn parse(line: &[u8]) -> Option<Self::Line<'_>>;
    /// The line's name and id.
    fn key<'b>(l: &'b Self::Line<'_>) -> (&'b [u8], u32);
    /// Fills `ent` from `l`, its strings in `out`; `ERANGE` when they do
    /// not fit.
    ///
    /// # Safety
    /// `ent` is writable; `out` describes a writable buffer.
    unsafe fn fill(l: &Self::Line<'_>, ent: *mut Self, out: &mut Out) -> Result<(), Errno>;
    /// This database's part of the statics, and the shared buffer.
    fn statics(s: &mut Statics) -> (&mut DbStatics<Self>, &mut StaticBuf);
}

impl Db for Passwd {
    type Line<'a> = PwLine<'a>;
    const PATH: &'static CStr = PASSWD;

    fn parse(line: &[u8]) -> Option<PwLine<'_>> {
        parse_pw(line)
    }

    fn key<'b>(l: &'b PwLine<'_>) -> (&'b [u8], u32) {
        (l.f[0], l.uid)
    }

    unsafe fn fill(l: &PwLine<'_>, pw: *mut Passwd, out: &mut Out) -> Result<(), Errno> {
        let mut s = [null_mut(); 7];
        for i in [0, 1, 4, 5, 6] {
            s[i] = out.put(l.f[i]).ok_or(Errno::ERANGE)?;
        }
        // SAFETY: as the caller says.
        unsafe {
            *pw = Passwd {
                pw_name: s[0],
                pw_passwd: s[1],
                pw_uid: l.uid,
                pw_gid: l.gid,
                pw_gecos: s[4],
                pw_dir: s[5],
                pw_shell: s[6],
            }
        };
        Ok(())
    }

    fn statics(s: &mut Statics) -> (&mut DbStatics<Self>, &mut StaticBuf) {
        (&mut s.pw, &mut s.buf)
    }
}

impl Db for Group {
    type Line<'a> = GrLine<'a>;
    const PATH: &'static CStr = GROUP;

    fn parse(line: &[u8]) -> Option<GrLine<'_>> {
        parse_gr(line)
    }

    fn key<'b>(l: &'b GrLine<'_>) -> (&'b [u8], u32) {
        (l.f[0], l.gid)
    }

    /// The member array goes first (aligned), then the strings.
    unsafe fn fill(l: &GrLine<'_>, gr: *mut Group, out: &mut Out) -> Result<(), Errno> {
        let n = l.members().count();
        let mem = out.ptrs(n + 1).ok_or(Errno::ERANGE)?;
        for (i, name) in l.members().enumerate() {
            let p = out.put(name).ok_or(Errno::ERANGE)?;
            // SAFETY: `mem` has `n + 1` slots.
            unsafe { *mem.add(i) = p };
        }
        // SAFETY: as above.
        unsafe { *mem.add(n) = null_mut() };
        let name = out.put(l.f[0]).ok_or(Errno::ERANGE)?;
        let passwd = out.put(l.f[1]).ok_or(Errno::ERANGE)?;
        // SAFETY: as the caller says.
        unsafe {
            *gr = Group {
                gr_name: name,
                gr_passwd: passwd,
                gr_gid: l.gid,
                gr_mem: mem,
            }
        };
        Ok(())
    }

    fn statics(s: &mut Statics) -> (&mut DbStatics<Self>, &mut StaticBuf) {
        (&mut s.gr, &mut s.buf)
    }
}

/// What to look for: a name or an id.
#[derive(Clone, Copy)]
enum Key<'a> {
    Name(&'a [u8]),
    Id(u32),
}

/// The password file.
const PASSWD: &CStr = c"/etc/passwd";
/// The group file.
const GROUP: &CStr = c"/etc/group";

/// The lines of `t`.
fn lines(t: &Text) -> impl Iterator<Item = &[u8]> {
    t.bytes().split(|&c| c == b'\n')
}

/// `*result` is `ent`, filled from `l` in `buf`: 0, or the error number.
///
/// # Safety
/// `ent` and `result` are writable; `buf` has `size` writable bytes.
unsafe fn fill_r<D: Db>(
    l: &D::Line<'_>,
    ent: *mut D,
    buf: *mut c_char,
    size: usize,
    result: *mut *mut D,
) -> c_int {
    let mut out = Out { buf, size, used: 0 };
    // SAFETY: as the caller says.
    match unsafe { D::fill(l, ent, &mut out) } {
        Ok(()) => {
            // SAFETY: as the caller says.
            unsafe { *result = ent };
            0
        }
        Err(e) => e.raw(),
    }
}

/// The `_r` forms: `*result` is `ent`, filled from the first line matching
/// `key`, or NULL. An error number, or 0 (found or not).
///
/// # Safety
/// As [`fill_r`].
unsafe fn get_r<D: Db>(
    key: Key<'_>,
    ent: *mut D,
    buf: *mut c_char,
    size: usize,
    result: *mut *mut D,
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { *result = null_mut() };
    let t = match slurp(D::PATH) {
        Ok(t) => t,
        Err(Errno::ENOENT) => return 0,
        Err(e) => return e.raw(),
    };
    let hit = |l: &D::Line<'_>| match (key, D::key(l)) {
        (Key::Name(n), (name, _)) => name == n,
        (Key::Id(id), (_, i)) => i == id,
    };
    match lines(&t).filter_map(D::parse).find(hit) {
        // SAFETY: as the caller says.
        Some(l) => unsafe { fill_r(&l, ent, buf, size, result) },
        None => 0,
    }
}

/// The bytes of a C string.
///
/// # Safety
/// `s` is NUL-terminated.
unsafe fn cbytes<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: as the caller says.
    unsafe { CStr::from_ptr(s) }.to_bytes()
}

/// getpwnam_r(3).
///
/// # Safety
/// `name` is a C string; `pw`, `result` writable; `buf` has `size` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getpwnam_r(
    name: *const c_char,
    pw: *mut Passwd,
    buf: *mut c_char,
    size: usize,
    result: *mut *mut Passwd,
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { get_r(Key::Name(cbytes(name)), pw, buf, size, result) }
}

/// getpwuid_r(3).
///
/// # Safety
/// As [`getpwnam_r`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getpwuid_r(
    uid: u32,
    pw: *mut Passwd,
    buf: *mut c_char,
    size: usize,
    result: *mut *mut Passwd,
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { get_r(Key::Id(uid), pw, buf, size, result) }
}

/// getgrnam_r(3).
///
/// # Safety
/// As [`getpwnam_r`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getgrnam_r(
    name: *const c_char,
    gr: *mut Group,
    buf: *mut c_char,
    size: usize,
    result: *mut *mut Group,
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { get_r(Key::Name(cbytes(name)), gr, buf, size, result) }
}

/// getgrgid_r(3).
///
/// # Safety
/// As [`getpwnam_r`].
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getgrgid_r(
    gid: u32,
    gr: *mut Group,
    buf: *mut c_char,
    size: usize,
    result: *mut *mut Group,
) -> c_int {
    // SAFETY: as the caller says.
    unsafe { get_r(Key::Id(gid), gr, buf, size, result) }
}

/// One database's static entry and `*ent` iterator (its file and where
/// the next line starts).
struct DbStatics<D> {
    ent: D,
    text: Option<Text>,
    pos: usize,
}

/// The buffer the static entries' strings live in.
struct StaticBuf {
    buf: *mut c_char,
    size: usize,
}

/// The state behind the non-reentrant forms: the static entries, the
/// buffer their strings live in, and the `*ent` iterators' files.
struct Statics {
    pw: DbStatics<Passwd>,
    gr: DbStatics<Group>,
    buf: StaticBuf,
}

/// [`Statics`] as a shareable static.
struct StaticsCell(UnsafeCell<Statics>);

// SAFETY: as in C, the non-reentrant forms are not thread-safe.
unsafe impl Sync for StaticsCell {}

static STATICS: StaticsCell = StaticsCell(UnsafeCell::new(Statics {
    pw: DbStatics {
        ent: Passwd {
            pw_name: null_mut(),
            pw_passwd: null_mut(),
            pw_uid: 0,
            pw_gid: 0,
            pw_gecos: null_mut(),
            pw_dir: null_mut(),
            pw_shell: null_mut(),
        },
        text: None,
        pos: 0,
    },
    gr: DbStatics {
        ent: Group {
            gr_name: null_mut(),
            gr_passwd: null_mut(),
            gr_gid: 0,
            gr_mem: null_mut(),
        },
        text: None,
        pos: 0,
    },
    buf: StaticBuf {
        buf: null_mut(),
        size: 0,
    },
}));

/// The statics.
fn statics() -> &'static mut Statics {
    // SAFETY: see `StaticsCell`.
    unsafe { &mut *STATICS.0.get() }
}

/// Runs an `_r` form `f` on the static entry `ent` and buffer `sb`,
/// growing the buffer while `f` says `ERANGE`: the entry, or NULL (with
/// `errno` set on an error, unchanged when not found).
fn with_static<D>(
    ent: *mut D,
    sb: &mut StaticBuf,
    mut f: impl FnMut(*mut D, *mut c_char, usize, *mut *mut D) -> c_int,
) -> *mut D {
    loop {
        let mut result = null_mut();
        let r = f(ent, sb.buf, sb.size, &mut result);
        if r != Errno::ERANGE.raw() {
            if r != 0 {
                Errno::from_raw(r).set_last();
            }
            return result;
        }
        let new = (sb.size * 2).max(1024);
        // SAFETY: `buf` is null or our chunk.
        let p = unsafe { m::realloc(sb.buf.cast(), new) };
        if p.is_null() {
            Errno::ENOMEM.set_last();
            return null_mut();
        }
        sb.buf = p.cast();
        sb.size = new;
    }
}

/// [`with_static`] on `D`'s static entry.
fn lookup<D: Db>(f: impl FnMut(*mut D, *mut c_char, usize, *mut *mut D) -> c_int) -> *mut D {
    let (db, sb) = D::statics(statics());
    with_static(&raw mut db.ent, sb, f)
}

/// getpwnam(3).
///
/// # Safety
/// `name` is a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getpwnam(name: *const c_char) -> *mut Passwd {
    // SAFETY: as the caller says; the static entry and buffer are writable.
    lookup(|pw, b, n, r| unsafe { getpwnam_r(name, pw, b, n, r) })
}

/// getpwuid(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getpwuid(uid: u32) -> *mut Passwd {
    // SAFETY: the static entry and buffer are writable.
    lookup(|pw, b, n, r| unsafe { getpwuid_r(uid, pw, b, n, r) })
}

/// getgrnam(3).
///
/// # Safety
/// `name` is a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getgrnam(name: *const c_char) -> *mut Group {
    // SAFETY: as the caller says; the static entry and buffer are writable.
    lookup(|gr, b, n, r| unsafe { getgrnam_r(name, gr, b, n, r) })
}

/// getgrgid(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getgrgid(gid: u32) -> *mut Group {
    // SAFETY: the static entry and buffer are writable.
    lookup(|gr, b, n, r| unsafe { getgrgid_r(gid, gr, b, n, r) })
}

/// The `*ent` forms: the entry of `D`'s next line, or NULL at the end
/// (reading the file first when it is not open).
fn next_ent<D: Db>() -> *mut D {
    let (db, sb) = D::statics(statics());
    if db.text.is_none() {
        let Ok(t) = slurp(D::PATH) else {
            return null_mut();
        };
        db.text = Some(t);
        db.pos = 0;
    }
    let Some(bytes) = db.text.as_ref().map(Text::bytes) else {
        return null_mut();
    };
    while db.pos < bytes.len() {
        let rest = &bytes[db.pos..];
        let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
        db.pos += end + 1;
        if let Some(l) = D::parse(&rest[..end]) {
            // SAFETY: the static entry and buffer are writable; the line
            // stays in `text`, apart from the buffer.
            return with_static(&raw mut db.ent, sb, |ent, b, n, r| unsafe {
                fill_r(&l, ent, b, n, r)
            });
        }
    }
    null_mut()
}

/// getpwent(3): the next entry of `/etc/passwd`, or NULL at its end.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getpwent() -> *mut Passwd {
    next_ent()
}

/// setpwent(3): `getpwent` starts again from the first entry.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setpwent() {
    statics().pw.text = None;
}

/// endpwent(3): closes the database (frees what `getpwent` read).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn endpwent() {
    statics().pw.text = None;
}

/// getgrent(3): the next entry of `/etc/group`, or NULL at its end.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn getgrent() -> *mut Group {
    next_ent()
}

/// setgrent(3): `getgrent` starts again from the first entry.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn setgrent() {
    statics().gr.text = None;
}

/// endgrent(3): closes the database.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn endgrent() {
    statics().gr.text = None;
}

/// Calls `f` with `group` and then each other group of `/etc/group` that
/// lists `user` as a member (each gid once, in file order).
fn groups_of(user: &[u8], group: u32, mut f: impl FnMut(u32)) {
    f(group);
    let Ok(t) = slurp(GROUP) else { return };
    for l in lines(&t).filter_map(parse_gr) {
        if l.gid != group && l.members().any(|m| m == user) {
            f(l.gid);
        }
    }
}

/// getgrouplist(3): `group` and the groups listing `user`, into
/// `groups[0..*ngroups]`; their count, or -1 when there are more than
/// `*ngroups` (as many as fit are stored). `*ngroups` becomes the count.
///
/// # Safety
/// `user` is a C string; `groups` has `*ngroups` writable slots.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn getgrouplist(
    user: *const c_char,
    group: u32,
    groups: *mut u32,
    ngroups: *mut c_int,
) -> c_int {
    // SAFETY: as the caller says.
    let (user, max) = unsafe { (cbytes(user), (*ngroups).max(0) as usize) };
    let mut n = 0usize;
    groups_of(user, group, |g| {
        if n < max {
            // SAFETY: `n < *ngroups`.
            unsafe { *groups.add(n) = g };
        }
        n += 1;
    });
    // SAFETY: as the caller says.
    unsafe { *ngroups = n as c_int };
    if n > max { -1 } else { n as c_int }
}

/// initgroups(3): sets the supplementary groups to those
/// [`getgrouplist`] finds for `user` and `group` (needs `CAP_SETGID`:
/// `EPERM` otherwise).
///
/// # Safety
/// `user` is a C string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn initgroups(user: *const c_char, group: u32) -> c_int {
    // SAFETY: as the caller says.
    let user = unsafe { cbytes(user) };
    let mut n = 0usize;
    groups_of(user, group, |_| n += 1);
    let list = m::malloc(n * 4).cast::<u32>();
    if list.is_null() {
        Errno::ENOMEM.set_last();
        return -1;
    }
    let mut i = 0;
    groups_of(user, group, |g| {
        if i < n {
            // SAFETY: `list` has `n` slots.
            unsafe { *list.add(i) = g };
            i += 1;
        }
    });
    // SAFETY: `list` holds `i` gids.
    let r = unsafe { setgroups_raw(i, list) };
    // SAFETY: our chunk.
    unsafe { m::free(list.cast()) };
    super::ret_zero(r)
}

/// The `setgroups` system call with 32-bit gids (`setgroups32` on the
/// 32-bit arches, where plain `setgroups` takes 16-bit ones).
///
/// # Safety
/// `list` holds `n` gids.
unsafe fn setgroups_raw(n: usize, list: *const u32) -> Result<(), Errno> {
    // Every thread's groups, like `setgroups`.
    let r =
        crate::thread::setxid::set_ids(super::process::nr::SETGROUPS as usize, n, list as usize, 0);
    crate::syscall::ret_unit(r)
}
