//! Size classes: requests of up to 1024 bytes are served from per-class LIFO
//! free lists of equal blocks, each list with its own lock. The next pointer
//! of a free block lives in its first word; its header, written once when
//! the block is carved, never changes.

use super::{Guard, HDR, KIND_CLASS, set_header};
use crate::thread::futex::Lock;
use core::cell::UnsafeCell;

/// Number of classes.
const N: usize = 20;
/// The usable size of each class.
const SIZES: [usize; N] = [
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
];
/// The largest request a class serves.
pub const MAX: usize = SIZES[N - 1];

/// The class for each `ceil(size / 16)`, `0..=64`.
static INDEX: [u8; MAX / 16 + 1] = {
    let mut t = [0u8; MAX / 16 + 1];
    let mut i = 0;
    let mut c = 0;
    while i < t.len() {
        while SIZES[c] < i * 16 {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
};

/// A free block: its first word links to the next.
struct Free {
    next: *mut Free,
}

/// One class: a lock and the head of its free list.
struct Class {
    lock: Lock,
    head: UnsafeCell<*mut Free>,
}

// SAFETY: `head` is only touched under `lock` (or with one thread alive).
unsafe impl Sync for Class {}

static CLASSES: [Class; N] = [const {
    Class {
        lock: Lock::new(),
        head: UnsafeCell::new(core::ptr::null_mut()),
    }
}; N];

/// Takes (`take`) or releases every class lock, in class order, around
/// `fork`: the child then finds every free list whole.
pub(super) fn fork_locks(take: bool) {
    for c in &CLASSES {
        if take {
            c.lock.lock();
        } else {
            c.lock.unlock();
        }
    }
}

/// The class serving `size` bytes, if one does.
#[inline(always)]
pub fn of(size: usize) -> Option<usize> {
    if size <= MAX {
        Some(INDEX[size.div_ceil(16)] as usize)
    } else {
        None
    }
}

/// Takes a block of class `c`; null when out of memory.
#[inline]
pub fn alloc(c: usize) -> *mut u8 {
    let class = &CLASSES[c];
    let _g = Guard::new(&class.lock);
    // SAFETY: the list is ours while the guard lives.
    let mut head = unsafe { *class.head.get() };
    if head.is_null() {
        head = refill(c);
        if head.is_null() {
            return head.cast();
        }
    }
    // SAFETY: `head` is a free block of this class; its first word is the
    // link, and the list is ours while the guard lives.
    unsafe { *class.head.get() = (*head).next };
    head.cast()
}

/// Returns block `p` to class `c`.
///
/// # Safety
/// `p` is a live block of class `c`, not used afterwards.
#[inline]
pub unsafe fn free(p: *mut u8, c: usize) {
    let class = &CLASSES[c];
    let block = p.cast::<Free>();
    let _g = Guard::new(&class.lock);
    // SAFETY: the block is ours now (at least 16 bytes, 16-aligned), and the
    // list is ours while the guard lives.
    unsafe {
        (*block).next = *class.head.get();
        *class.head.get() = block;
    }
}

/// Carves a batch of blocks of class `c` out of one heap allocation and
/// returns them as a list; null when out of memory.
#[cold]
fn refill(c: usize) -> *mut Free {
    let size = SIZES[c];
    let stride = size + HDR;
    let count = (8192 / stride).clamp(8, 128);
    let slab = super::arena::alloc(count * stride);
    if slab.is_null() {
        return core::ptr::null_mut();
    }
    let mut next: *mut Free = core::ptr::null_mut();
    for i in (0..count).rev() {
        let p = slab.wrapping_add(i * stride + HDR);
        // SAFETY: the slab is ours, 16-aligned, `count * stride` bytes; each
        // block's header and first word lie inside it.
        unsafe {
            set_header(p, size, (c << 4) | KIND_CLASS);
            p.cast::<Free>().write(Free { next });
        }
        next = p.cast();
    }
    next
}
