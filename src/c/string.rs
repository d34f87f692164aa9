//! The C string functions that `compiler_builtins` does not already provide
//! (it supplies `memmove`, `memcmp`, `bcmp` and `strlen` everywhere, and
//! `memcpy`/`memset` except on x86_64 and i386, which have their own in
//! `arch/`).

use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::AtomicPtr;
use core::sync::atomic::Ordering::Relaxed;

/// strcmp(3): compares as unsigned char.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: C passes NUL-terminated strings.
    unsafe { strncmp(a, b, usize::MAX) }
}

/// strncmp(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    let (a, b) = (a.cast::<u8>(), b.cast::<u8>());
    let mut i = 0;
    while i < n {
        // SAFETY: we stop at the first NUL or difference, inside both strings.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
        i += 1;
    }
    0
}

/// strchr(3): the terminating NUL can be found too.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strchr(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: s is a string; strchrnul returns a byte inside it.
    unsafe {
        let p = super::string_posix::strchrnul(s, c);
        if *p.cast::<u8>() == c as u8 {
            p
        } else {
            core::ptr::null_mut()
        }
    }
}

/// strrchr(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    let c = c as u8;
    let mut found = core::ptr::null_mut();
    let mut p = s.cast::<u8>();
    loop {
        // SAFETY: we stop at the terminating NUL.
        let x = unsafe { *p };
        if x == c {
            found = p.cast_mut().cast();
        }
        if x == 0 {
            return found;
        }
        // SAFETY: x was not the terminator.
        p = unsafe { p.add(1) };
    }
}

/// strcpy(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    let mut i = 0;
    loop {
        // SAFETY: src is NUL-terminated, and its NUL is not behind `i`.
        let x = unsafe { *src.add(i) };
        // SAFETY: C guarantees dst has room for src and its NUL.
        unsafe { *dst.add(i) = x };
        if x == 0 {
            return dst;
        }
        i += 1;
    }
}

/// strncpy(3): pads with NULs up to `n`; no terminator if `src` is too long.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    let mut i = 0;
    // SAFETY: C guarantees dst has n bytes and src is NUL-terminated.
    unsafe {
        while i < n && *src.add(i) != 0 {
            *dst.add(i) = *src.add(i);
            i += 1;
        }
        core::ptr::write_bytes(dst.add(i), 0, n - i);
    }
    dst
}

// ---- Pure byte-string algorithms: slices in, positions out. ----

/// A set of bytes (a 256-bit map), as `strspn` and friends use.
#[derive(Clone, Copy)]
pub struct ByteSet([u32; 8]);

impl ByteSet {
    /// The set of the bytes in `s`.
    pub fn new(s: &[u8]) -> ByteSet {
        let mut m = [0u32; 8];
        for &b in s {
            m[(b >> 5) as usize] |= 1 << (b & 31);
        }
        ByteSet(m)
    }

    /// Whether `b` is in the set.
    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.0[(b >> 5) as usize] & (1 << (b & 31)) != 0
    }
}

/// The length of the longest prefix of `s` whose bytes are all in `set`
/// (`inside`) or all outside it (`!inside`): `strspn` and `strcspn`.
pub fn span(s: &[u8], set: &[u8], inside: bool) -> usize {
    let set = ByteSet::new(set);
    s.iter()
        .position(|&b| set.contains(b) != inside)
        .unwrap_or(s.len())
}

/// The first position of `needle` in `hay` (`strstr`, `memmem`): an empty
/// needle is found at 0. Rabin–Karp with a rolling hash, so linear time in
/// all but adversarial hash collisions, and no memory beyond the stack.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let m = needle.len();
    if m == 0 {
        return Some(0);
    }
    if m == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    if m > hay.len() {
        return None;
    }
    const B: u32 = 257;
    // B^(m-1): the weight of the byte that leaves the window.
    let mut top = 1u32;
    let (mut hn, mut hh) = (0u32, 0u32);
    for i in 0..m {
        if i > 0 {
            top = top.wrapping_mul(B);
        }
        hn = hn.wrapping_mul(B).wrapping_add(needle[i] as u32);
        hh = hh.wrapping_mul(B).wrapping_add(hay[i] as u32);
    }
    let mut i = 0;
    loop {
        if hh == hn && hay[i..i + m] == *needle {
            return Some(i);
        }
        if i + m == hay.len() {
            return None;
        }
        hh = hh
            .wrapping_sub((hay[i] as u32).wrapping_mul(top))
            .wrapping_mul(B)
            .wrapping_add(hay[i + m] as u32);
        i += 1;
    }
}

/// Compares `a` and `b` ignoring ASCII case, as `strncasecmp` does: the
/// end of a slice counts as a NUL, and the result is the difference of the
/// first pair of lowercased bytes that differ (0 when equal).
pub fn casecmp(a: &[u8], b: &[u8]) -> c_int {
    let n = a.len().max(b.len());
    for i in 0..n {
        let x = a.get(i).copied().unwrap_or(0).to_ascii_lowercase();
        let y = b.get(i).copied().unwrap_or(0).to_ascii_lowercase();
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// The bytes of the C string `s`, at most `max` of them (no terminator).
///
/// # Safety
/// `s` must be NUL-terminated or have at least `max` readable bytes.
unsafe fn bytes<'a>(s: *const c_char, max: usize) -> &'a [u8] {
    // SAFETY: the caller's guarantee covers the bytes strnlen reads and returns.
    unsafe { core::slice::from_raw_parts(s.cast(), strnlen(s, max)) }
}

// ---- The C ABI. ----

/// strcat(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcat(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: dst is a string with room for src after it.
    unsafe { strcpy(dst.add(strnlen(dst, usize::MAX)), src) };
    dst
}

/// strncat(3): appends at most `n` bytes of `src`, then always a NUL.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strncat(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: dst is a string with room for min(n, strlen(src)) + 1 more bytes;
    // src is a string or has n readable bytes.
    unsafe {
        let end = dst.add(strnlen(dst, usize::MAX));
        let k = strnlen(src, n);
        core::ptr::copy_nonoverlapping(src, end, k);
        *end.add(k) = 0;
    }
    dst
}

/// strnlen(3): the length of `s`, reading at most `n` bytes (the search
/// for the NUL is [`memchr`]'s, a word at a time).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strnlen(s: *const c_char, n: usize) -> usize {
    // SAFETY: s is a string or has n readable bytes; memchr stops at the NUL.
    let z = unsafe { memchr(s.cast(), 0, n) };
    if z.is_null() {
        n
    } else {
        z as usize - s as usize
    }
}

/// A word with every byte 0x01.
const ONES: usize = usize::MAX / 255;
/// A word with every byte 0x80.
const HIGHS: usize = ONES << 7;

/// Whether some byte of `w` is zero: the classic test, exact (no false
/// positives) because it is only used to stop a scan that then looks at
/// the word's bytes one by one.
#[inline(always)]
pub(crate) fn has_zero_byte(w: usize) -> bool {
    w.wrapping_sub(ONES) & !w & HIGHS != 0
}

/// memchr(3): the first `c` in the `n` bytes at `s`. Reads a word at a
/// time between byte-wise head and tail; the aligned words it reads never
/// cross a page, so where `n` overstates the object but the byte is found
/// (which C allows) no unmapped byte is touched.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    const W: usize = size_of::<usize>();
    let c = c as u8;
    let mut p = s.cast::<u8>();
    let mut n = n;
    // SAFETY: bytes up to the first match are readable, and
    // an aligned word holding one of them lies in the same page.
    unsafe {
        while n > 0 && !(p as usize).is_multiple_of(W) {
            if *p == c {
                return p.cast_mut().cast();
            }
            p = p.add(1);
            n -= 1;
        }
        let rep = ONES * c as usize;
        while n >= W && !has_zero_byte(p.cast::<usize>().read() ^ rep) {
            p = p.add(W);
            n -= W;
        }
        while n > 0 {
            if *p == c {
                return p.cast_mut().cast();
            }
            p = p.add(1);
            n -= 1;
        }
    }
    core::ptr::null_mut()
}

/// memrchr(3): the last `c` in the `n` bytes at `s`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    // SAFETY: all n bytes are readable.
    let b = unsafe { core::slice::from_raw_parts(s.cast::<u8>(), n) };
    match b.iter().rposition(|&x| x == c as u8) {
        Some(i) => b[i..].as_ptr().cast_mut().cast(),
        None => core::ptr::null_mut(),
    }
}

/// strspn(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strspn(s: *const c_char, accept: *const c_char) -> usize {
    // SAFETY: both are NUL-terminated strings.
    unsafe { span(bytes(s, usize::MAX), bytes(accept, usize::MAX), true) }
}

/// strcspn(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcspn(s: *const c_char, reject: *const c_char) -> usize {
    // SAFETY: both are NUL-terminated strings.
    unsafe { span(bytes(s, usize::MAX), bytes(reject, usize::MAX), false) }
}

/// strpbrk(3): the first byte of `s` that is in `set`, or NULL.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strpbrk(s: *const c_char, set: *const c_char) -> *mut c_char {
    // SAFETY: both are NUL-terminated strings; the span ends inside s.
    unsafe {
        let p = s.add(strcspn(s, set));
        if *p == 0 {
            core::ptr::null_mut()
        } else {
            p.cast_mut()
        }
    }
}

/// strstr(3): an empty needle matches at `hay`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strstr(hay: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: both are NUL-terminated strings.
    let (h, n) = unsafe { (bytes(hay, usize::MAX), bytes(needle, usize::MAX)) };
    match find_bytes(h, n) {
        Some(i) => h[i..].as_ptr().cast_mut().cast(),
        None => core::ptr::null_mut(),
    }
}

/// strcasecmp(3): ASCII case-insensitive comparison.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strcasecmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: both are NUL-terminated strings.
    unsafe { casecmp(bytes(a, usize::MAX), bytes(b, usize::MAX)) }
}

/// strncasecmp(3): at most `n` bytes.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strncasecmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    // SAFETY: both are strings or have n readable bytes.
    unsafe { casecmp(bytes(a, n), bytes(b, n)) }
}

/// strtok_r(3): the next token of `s` (or, when `s` is NULL, of the string
/// `*save` continues), NUL-terminated in place; NULL when none is left.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtok_r(
    s: *mut c_char,
    delim: *const c_char,
    save: *mut *mut c_char,
) -> *mut c_char {
    // SAFETY: save is valid; s (or *save) and delim are strings; every
    // offset below comes from a span inside the string.
    unsafe {
        let s = if s.is_null() { *save } else { s };
        if s.is_null() {
            return core::ptr::null_mut();
        }
        let start = s.add(strspn(s, delim));
        if *start == 0 {
            *save = start;
            return core::ptr::null_mut();
        }
        let end = start.add(strcspn(start, delim));
        if *end == 0 {
            *save = end;
        } else {
            *end = 0;
            *save = end.add(1);
        }
        start
    }
}

/// strtok(3): [`strtok_r`] with one state for the whole process.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn strtok(s: *mut c_char, delim: *const c_char) -> *mut c_char {
    static SAVE: AtomicPtr<c_char> = AtomicPtr::new(core::ptr::null_mut());
    let mut save = SAVE.load(Relaxed);
    // SAFETY: forwarded; `save` is a local.
    let r = unsafe { strtok_r(s, delim, &mut save) };
    SAVE.store(save, Relaxed);
    r
}
