//! The general heap: `linked_list_allocator` first-fit heaps, one per 1 MiB
//! arena, each arena mapped on demand at a 1 MiB-aligned address so that a
//! block's arena is found by masking its address. One lock covers all arenas.

use super::Guard;
use crate::thread::futex::Lock;
use core::alloc::Layout;
use core::cell::UnsafeCell;
use core::ptr::NonNull;
use linked_list_allocator::Heap;

/// The size and alignment of an arena.
const ARENA: usize = 1 << 20;

/// The start of every arena: its heap and the next (older) arena.
struct Arena {
    heap: Heap,
    next: *mut Arena,
}

/// The arena list, newest first.
struct Arenas {
    lock: Lock,
    head: UnsafeCell<*mut Arena>,
}

// SAFETY: `head` and the arenas are only touched under `lock` (or with one
// thread alive).
unsafe impl Sync for Arenas {}

static ARENAS: Arenas = Arenas {
    lock: Lock::new(),
    head: UnsafeCell::new(core::ptr::null_mut()),
};

/// Takes (`take`) or releases the arena lock around `fork` (after the
/// class locks, the order `alloc` takes them in).
pub(super) fn fork_lock(take: bool) {
    if take {
        ARENAS.lock.lock();
    } else {
        ARENAS.lock.unlock();
    }
}

/// The layout of a heap block of `bytes` (a multiple of 16).
fn layout(bytes: usize) -> Layout {
    // SAFETY: 16 is a power of two and `bytes` is far below isize::MAX.
    unsafe { Layout::from_size_align_unchecked(bytes, super::ALIGN) }
}

/// Allocates `bytes` (a multiple of 16, well below 1 MiB) from the heap,
/// 16-aligned; null when out of memory.
pub fn alloc(bytes: usize) -> *mut u8 {
    let _g = Guard::new(&ARENAS.lock);
    // SAFETY: the list and the heaps are ours while the guard lives.
    let mut a = unsafe { *ARENAS.head.get() };
    while !a.is_null() {
        // SAFETY: `a` is a live arena (under the lock).
        let arena = unsafe { &mut *a };
        if let Ok(p) = arena.heap.allocate_first_fit(layout(bytes)) {
            return p.as_ptr();
        }
        a = arena.next;
    }
    let Some(arena) = map_arena() else {
        return core::ptr::null_mut();
    };
    // SAFETY: the new arena is ours; link it in under the lock.
    unsafe {
        (*arena).next = *ARENAS.head.get();
        *ARENAS.head.get() = arena;
        (*arena)
            .heap
            .allocate_first_fit(layout(bytes))
            .map_or(core::ptr::null_mut(), |p| p.as_ptr())
    }
}

/// Returns a block of `bytes` at `p` to its arena's heap; unmaps the arena
/// if it is now empty and not the newest.
///
/// # Safety
/// `p` came from [`alloc`] with the same `bytes` and is not used afterwards.
pub unsafe fn free(p: *mut u8, bytes: usize) {
    let a = (p as usize & !(ARENA - 1)) as *mut Arena;
    let _g = Guard::new(&ARENAS.lock);
    // SAFETY: the block lies in arena `a` (arenas are ARENA-aligned and
    // blocks never cross them); the heaps are ours while the guard lives.
    let arena = unsafe { &mut *a };
    // SAFETY: the block came from this heap with this layout.
    unsafe {
        arena
            .heap
            .deallocate(NonNull::new_unchecked(p), layout(bytes))
    };
    if arena.heap.used() != 0 {
        return;
    }
    // SAFETY: the list is ours while the guard lives.
    let mut link = unsafe { &mut *ARENAS.head.get() };
    if *link == a {
        return;
    }
    while !link.is_null() {
        if *link == a {
            *link = arena.next;
            // SAFETY: the arena holds no block and is unlinked.
            let _ = unsafe { crate::syscall::mm::munmap(a.cast(), ARENA) };
            return;
        }
        // SAFETY: `*link` is a live arena.
        link = unsafe { &mut (**link).next };
    }
}

/// Maps a fresh, ARENA-aligned arena with an empty heap after its header.
#[cold]
fn map_arena() -> Option<*mut Arena> {
    use crate::syscall::mm::{mmap, munmap};
    use linux_raw_sys::general::{MAP_ANONYMOUS, MAP_PRIVATE, PROT_READ, PROT_WRITE};
    // Map twice the size and trim to an aligned arena.
    // SAFETY: a fresh anonymous mapping overlaps nothing.
    let raw = unsafe {
        mmap(
            core::ptr::null_mut(),
            2 * ARENA,
            (PROT_READ | PROT_WRITE) as i32,
            (MAP_PRIVATE | MAP_ANONYMOUS) as i32,
            -1,
            0,
        )
    }
    .ok()?;
    let start = raw as usize;
    let aligned = (start + ARENA - 1) & !(ARENA - 1);
    // SAFETY: the trimmed parts are ours and unused; both are page-aligned
    // because the mapping and ARENA are.
    unsafe {
        if aligned > start {
            let _ = munmap(raw, aligned - start);
        }
        let tail = start + 2 * ARENA - (aligned + ARENA);
        if tail > 0 {
            let _ = munmap((aligned + ARENA) as *mut u8, tail);
        }
    }
    let a = aligned as *mut Arena;
    let bottom = super::round_up(aligned + size_of::<Arena>(), super::ALIGN);
    // SAFETY: the arena is ours: its header holds the heap, which manages
    // the rest of the arena.
    unsafe {
        a.write(Arena {
            heap: Heap::empty(),
            next: core::ptr::null_mut(),
        });
        (*a).heap.init(bottom as *mut u8, aligned + ARENA - bottom);
    }
    Some(a)
}
