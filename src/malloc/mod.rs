//! muslin's memory allocator: the engine behind C `malloc` and friends and
//! behind [`Malloc`], the Rust global allocator.
//!
//! Three tiers, each chunk preceded by a 16-byte header (its usable size and a
//! tag saying which tier owns it), every chunk 16-byte aligned:
//!
//! - **Size classes** ([`class`]): requests of up to 1024 bytes are rounded
//!   to one of 20 classes, each a LIFO free list of equal blocks with its own
//!   lock. A list that runs dry is refilled with a batch of blocks carved from
//!   one heap allocation; freed blocks go back to their class list, so a small
//!   `malloc`/`free` never walks anything.
//! - **The heap** ([`arena`]): `linked_list_allocator` first-fit heaps over
//!   1 MiB arenas mapped on demand, for everything between the classes and
//!   128 KiB and for over-aligned requests; an arena that becomes empty (and
//!   is not the newest) is unmapped.
//! - **Direct mappings**: requests of 128 KiB and more (or aligned beyond a
//!   page) get their own `mmap`, returned by `munmap` on free and grown or
//!   shrunk in place with `mremap` by `realloc`.
//!
//! Locks are taken only once the process has a second thread: a
//! single-threaded program pays no atomic operations at all.
//!
//! Rust programs opt in with [`global_allocator!`](crate::global_allocator):
//!
//! ```ignore
//! extern crate alloc;
//! muslin::global_allocator!();
//! ```

mod arena;
pub mod c_api;
mod class;

use crate::thread::futex::Lock;
use core::alloc::{GlobalAlloc, Layout};
use core::sync::atomic::Ordering;

/// The alignment of every chunk `malloc` returns.
pub const ALIGN: usize = 16;
/// Bytes reserved in front of every chunk for its [`Header`].
const HDR: usize = 16;
/// Requests of this size and more are mapped directly.
pub const MMAP_THRESHOLD: usize = 128 * 1024;
/// The granularity of direct mappings (the kernel rounds up to its own page).
const PAGE: usize = 4096;
/// The largest request considered at all: beyond it, allocation fails.
const MAX_REQUEST: usize = isize::MAX as usize - 2 * 1024 * 1024;

/// The words just before a chunk: how many bytes it offers, and who owns it.
#[repr(C)]
struct Header {
    /// Usable bytes from the chunk's start.
    size: usize,
    /// Low 4 bits: the `KIND_*`; the rest: the class index (shifted left
    /// by 4) for a class block, or the distance from the underlying block's
    /// start to the chunk (a multiple of 16) for heap and mapped chunks.
    tag: usize,
}

const KIND_CLASS: usize = 1;
const KIND_HEAP: usize = 2;
const KIND_MMAP: usize = 3;
const KIND_MASK: usize = 15;

/// The header of chunk `p`.
///
/// # Safety
/// `p` must be a chunk this allocator handed out (header in front of it).
#[inline(always)]
unsafe fn header(p: *mut u8) -> *mut Header {
    // SAFETY: every chunk has HDR >= size_of::<Header>() bytes before it.
    unsafe { p.sub(size_of::<Header>()).cast() }
}

/// Writes the header of chunk `p`.
///
/// # Safety
/// The `HDR` bytes before `p` must belong to the allocator.
#[inline(always)]
unsafe fn set_header(p: *mut u8, size: usize, tag: usize) {
    // SAFETY: the caller owns the header bytes; `p` is 16-aligned.
    unsafe { header(p).write(Header { size, tag }) }
}

/// Whether a second thread exists (and locks are needed).
#[inline(always)]
fn threaded() -> bool {
    crate::thread::exit::OTHER_THREADS.load(Ordering::Acquire) != 0
}

/// Around `fork` in a process with other threads: `take` holds every
/// allocator lock, so that no other thread is halfway through a change
/// the child would inherit; the parent and the child each call it again
/// with `false` to release them.
pub fn fork_locks(take: bool) {
    if take {
        class::fork_locks(true);
        arena::fork_lock(true);
    } else {
        arena::fork_lock(false);
        class::fork_locks(false);
    }
}

/// A held lock, released on drop; empty while the process has one thread.
/// No thread can be created while the only thread is inside the allocator,
/// and the last other thread leaves the count only after its last
/// allocator call, so skipping the lock then is safe.
struct Guard<'a>(Option<&'a Lock>);

impl<'a> Guard<'a> {
    #[inline(always)]
    fn new(lock: &'a Lock) -> Guard<'a> {
        if threaded() {
            lock.lock();
            Guard(Some(lock))
        } else {
            Guard(None)
        }
    }
}

impl Drop for Guard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(l) = self.0 {
            l.unlock();
        }
    }
}

/// `x` rounded up to a multiple of `a` (a power of two); no overflow check.
#[inline(always)]
const fn round_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

/// Allocates `size` bytes aligned to 16; null when out of memory.
#[inline]
pub fn malloc(size: usize) -> *mut u8 {
    match class::of(size) {
        Some(c) => class::alloc(c),
        None => alloc_big(size, ALIGN),
    }
}

/// Allocates `size` bytes aligned to `align` (a power of two); null when
/// out of memory.
pub fn aligned(size: usize, align: usize) -> *mut u8 {
    debug_assert!(align.is_power_of_two());
    if align <= ALIGN {
        malloc(size)
    } else {
        alloc_big(size, align)
    }
}

/// Allocates `size` zeroed bytes aligned to `align`; null when out of memory.
pub fn zeroed(size: usize, align: usize) -> *mut u8 {
    let p = aligned(size, align);
    if p.is_null() {
        return p;
    }
    // SAFETY: `p` is a live chunk of at least `size` bytes.
    let h = unsafe { &*header(p) };
    // Fresh mappings are already zero.
    if h.tag & KIND_MASK != KIND_MMAP {
        // SAFETY: as above.
        unsafe { p.write_bytes(0, size) };
    }
    p
}

/// A request for the heap or a direct mapping.
fn alloc_big(size: usize, align: usize) -> *mut u8 {
    if size > MAX_REQUEST {
        return core::ptr::null_mut();
    }
    if size >= MMAP_THRESHOLD || align > PAGE {
        return alloc_mapped(size, align);
    }
    // The header fits in front of the chunk; over-alignment needs at most
    // `align - 16` bytes more.
    let total = round_up(size, ALIGN) + HDR + (align - ALIGN);
    let base = arena::alloc(total);
    if base.is_null() {
        return base;
    }
    let user = round_up(base as usize + HDR, align);
    let offset = user - base as usize;
    let p = base.wrapping_add(offset);
    // SAFETY: `[base, base+total)` is ours and `offset >= HDR`.
    unsafe { set_header(p, total - offset, offset | KIND_HEAP) };
    p
}

/// A direct mapping holding `size` bytes at alignment `align`.
fn alloc_mapped(size: usize, align: usize) -> *mut u8 {
    use linux_raw_sys::general::{MAP_ANONYMOUS, MAP_PRIVATE, PROT_READ, PROT_WRITE};
    // With a page-aligned base the chunk starts at most `max(align, 16)`
    // bytes in, leaving room for the header.
    let Some(need) = size
        .checked_add(align.max(HDR))
        .filter(|&n| n <= MAX_REQUEST)
    else {
        return core::ptr::null_mut();
    };
    let len = round_up(need, PAGE);
    // SAFETY: a fresh anonymous mapping overlaps nothing.
    let base = match unsafe {
        crate::syscall::mm::mmap(
            core::ptr::null_mut(),
            len,
            (PROT_READ | PROT_WRITE) as i32,
            (MAP_PRIVATE | MAP_ANONYMOUS) as i32,
            -1,
            0,
        )
    } {
        Ok(b) => b,
        Err(_) => return core::ptr::null_mut(),
    };
    let offset = round_up(base as usize + HDR, align.max(ALIGN)) - base as usize;
    let p = base.wrapping_add(offset);
    // SAFETY: the mapping is ours and `offset >= HDR`.
    unsafe { set_header(p, len - offset, offset | KIND_MMAP) };
    p
}

/// Frees chunk `p`; null is ignored.
///
/// # Safety
/// `p` is null or a live chunk from this allocator, not used afterwards.
pub unsafe fn free(p: *mut u8) {
    if p.is_null() {
        return;
    }
    // SAFETY: the caller passes a live chunk.
    let Header { size, tag } = unsafe { header(p).read() };
    let offset = tag & !KIND_MASK;
    match tag & KIND_MASK {
        // SAFETY: the tag names the class that carved the block.
        KIND_CLASS => unsafe { class::free(p, tag >> 4) },
        // SAFETY: the block was `offset + size` bytes from the heap.
        KIND_HEAP => unsafe { arena::free(p.wrapping_sub(offset), offset + size) },
        _ => {
            // SAFETY: the chunk is the whole mapping, unused from now on.
            let _ = unsafe { crate::syscall::mm::munmap(p.wrapping_sub(offset), offset + size) };
        }
    }
}

/// The usable size of chunk `p` (0 for null).
///
/// # Safety
/// `p` is null or a live chunk from this allocator.
pub unsafe fn usable_size(p: *mut u8) -> usize {
    if p.is_null() {
        return 0;
    }
    // SAFETY: the caller passes a live chunk.
    unsafe { (*header(p)).size }
}

/// Resizes chunk `p` to `size` bytes, keeping its contents up to the smaller
/// size: in place when it fits and does not waste more than half, by
/// `mremap` for direct mappings, otherwise by moving. Null `p` allocates.
/// Returns null (leaving `p` intact) when out of memory.
///
/// # Safety
/// `p` is null or a live chunk from this allocator; on success it must no
/// longer be used unless the result is `p` itself.
pub unsafe fn realloc(p: *mut u8, size: usize) -> *mut u8 {
    if p.is_null() {
        return malloc(size);
    }
    // SAFETY: the caller passes a live chunk.
    let Header { size: old, tag } = unsafe { header(p).read() };
    if size <= old && (size >= old / 2 || old <= 64) {
        return p;
    }
    if tag & KIND_MASK == KIND_MMAP && (MMAP_THRESHOLD..=MAX_REQUEST).contains(&size) {
        // SAFETY: the chunk is a whole mapping of `offset + old` bytes.
        if let Some(q) = unsafe { remap(p, tag & !KIND_MASK, old, size) } {
            return q;
        }
    }
    let q = malloc(size);
    if !q.is_null() {
        // SAFETY: both chunks are live, distinct and hold `min(old, size)`.
        unsafe {
            core::ptr::copy_nonoverlapping(p, q, old.min(size));
            free(p);
        }
    }
    q
}

/// Resizes a direct mapping with `mremap`, maybe moving it.
///
/// # Safety
/// `p` is a mapped chunk `offset` bytes into a mapping of `offset + old`.
unsafe fn remap(p: *mut u8, offset: usize, old: usize, size: usize) -> Option<*mut u8> {
    use linux_raw_sys::general::MREMAP_MAYMOVE;
    let base = p.wrapping_sub(offset);
    let len = round_up(size + offset, PAGE);
    // SAFETY: the mapping is the chunk's own; moving it is what realloc
    // allows.
    let r = unsafe { crate::syscall!(__NR_mremap, base, offset + old, len, MREMAP_MAYMOVE, 0) };
    let base = crate::syscall::ret(r).ok()? as *mut u8;
    let q = base.wrapping_add(offset);
    // SAFETY: the (possibly moved) mapping still starts with our header.
    unsafe { set_header(q, len - offset, offset | KIND_MMAP) };
    Some(q)
}

/// muslin's allocator as Rust's [`GlobalAlloc`]; install it with
/// [`global_allocator!`](crate::global_allocator).
#[derive(Clone, Copy, Debug, Default)]
pub struct Malloc;

// SAFETY: chunks are aligned as the layout asks, at least as large, and
// stay valid until freed; the allocator is thread-safe.
unsafe impl GlobalAlloc for Malloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        aligned(layout.size(), layout.align())
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { free(ptr) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        zeroed(layout.size(), layout.align())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= ALIGN {
            // SAFETY: `ptr` came from this allocator with 16-byte alignment.
            return unsafe { realloc(ptr, new_size) };
        }
        let q = aligned(new_size, layout.align());
        if !q.is_null() {
            // SAFETY: both chunks are live and hold `min(old, new)` bytes.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, q, layout.size().min(new_size));
                free(ptr);
            }
        }
        q
    }
}

/// Makes muslin's allocator the program's `#[global_allocator]`, so that
/// `alloc::{vec::Vec, string::String, boxed::Box, format!}` work. Use once,
/// at the crate root, next to `extern crate alloc;`.
#[macro_export]
macro_rules! global_allocator {
    () => {
        #[global_allocator]
        static MUSLIN_GLOBAL_ALLOCATOR: $crate::malloc::Malloc = $crate::malloc::Malloc;
    };
}
