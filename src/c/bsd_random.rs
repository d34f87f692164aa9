//! `random`, `srandom`, `initstate`, `setstate` (`<stdlib.h>`): the
//! additive feedback generator of 4.3BSD, with the state layouts, seeding
//! and sequences glibc gives (the default is glibc's `TYPE_3`, 31 words),
//! so that a program seeded alike draws the same numbers.
//!
//! A state buffer is an array of `int32_t`: the first word records the
//! generator type and the rear pointer's position (`5 * rear + type`),
//! the rest are the generator's words.

use crate::thread::futex::Lock;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_long, c_uint};
use core::ptr::null_mut;

/// The generator types: (state words, separation of the two pointers).
const TYPES: [(usize, usize); 5] = [(0, 0), (7, 3), (15, 1), (31, 3), (63, 1)];

/// The generator in use.
struct Gen {
    /// The type's first word (the record), followed by its words.
    buf: *mut i32,
    kind: usize,
    front: usize,
    rear: usize,
}

/// [`Gen`] and the default state buffer, behind [`LOCK`].
struct Cell(UnsafeCell<(Gen, [i32; 32], bool)>);

// SAFETY: only touched under LOCK.
unsafe impl Sync for Cell {}

static LOCK: Lock = Lock::new();
static GEN: Cell = Cell(UnsafeCell::new((
    Gen {
        buf: null_mut(),
        kind: 3,
        front: 3,
        rear: 0,
    },
    [0; 32],
    false,
)));

impl Gen {
    /// Word `i` of the state (after the record).
    ///
    /// # Safety
    /// `buf` holds the type's words.
    unsafe fn word(&self, i: usize) -> *mut i32 {
        // SAFETY: as the caller says.
        unsafe { self.buf.add(1 + i) }
    }

    /// The next number, `0..2^31`.
    ///
    /// # Safety
    /// `buf` holds the type's words.
    unsafe fn next(&mut self) -> i32 {
        // SAFETY: indices stay below the type's word count.
        unsafe {
            if self.kind == 0 {
                let w = self.word(0);
                let v =
                    ((*w as u32).wrapping_mul(1103515245).wrapping_add(12345) & 0x7fff_ffff) as i32;
                *w = v;
                return v;
            }
            let deg = TYPES[self.kind].0;
            let f = self.word(self.front);
            let v = (*f as u32).wrapping_add(*self.word(self.rear) as u32);
            *f = v as i32;
            self.front += 1;
            self.rear += 1;
            if self.front >= deg {
                self.front = 0;
            } else if self.rear >= deg {
                self.rear = 0;
            }
            (v >> 1) as i32
        }
    }

    /// Seeds the words from `seed` and stirs them, as glibc's `srandom_r`.
    ///
    /// # Safety
    /// `buf` holds the type's words.
    unsafe fn seed(&mut self, seed: c_uint) {
        let seed = if seed == 0 { 1 } else { seed };
        // SAFETY: indices stay below the type's word count.
        unsafe {
            *self.word(0) = seed as i32;
            if self.kind == 0 {
                return;
            }
            let (deg, sep) = TYPES[self.kind];
            let mut w = seed as i32;
            for i in 1..deg {
                // Park and Miller's minimal standard generator, by Schrage's
                // method so that no product overflows.
                let (hi, lo) = (w / 127773, w % 127773);
                w = 16807 * lo - 2836 * hi;
                if w < 0 {
                    w += 2147483647;
                }
                *self.word(i) = w;
            }
            self.front = sep;
            self.rear = 0;
            for _ in 0..deg * 10 {
                self.next();
            }
        }
    }

    /// Writes the type and rear position into the record word.
    ///
    /// # Safety
    /// `buf` is valid.
    unsafe fn save(&self) {
        let rec = if self.kind == 0 {
            0
        } else {
            5 * self.rear + self.kind
        };
        // SAFETY: as the caller says.
        unsafe { *self.buf = rec as i32 };
    }
}

/// Runs `f` on the generator under the lock, first installing the default
/// state (seeded with 1, as glibc's initial table) if nothing has.
fn with<R>(f: impl FnOnce(&mut Gen) -> R) -> R {
    LOCK.lock();
    // SAFETY: under LOCK.
    let (g, table, ready) = unsafe { &mut *GEN.0.get() };
    if !*ready {
        g.buf = table.as_mut_ptr();
        g.kind = 3;
        // SAFETY: the table holds the record and 31 words.
        unsafe { g.seed(1) };
        *ready = true;
    }
    let r = f(g);
    LOCK.unlock();
    r
}

/// random(3): the next number of the sequence, `0..2^31`.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn random() -> c_long {
    // SAFETY: the generator's buffer holds its words.
    with(|g| unsafe { g.next() }) as c_long
}

/// srandom(3): restarts the sequence from `seed` (0 acts as 1).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub extern "C" fn srandom(seed: c_uint) {
    // SAFETY: as above.
    with(|g| unsafe { g.seed(seed) })
}

/// initstate(3): makes the `n` bytes at `state` (8 or more, else `EINVAL`
/// and NULL) the generator's state, seeded with `seed`; the bigger the
/// buffer, the longer the period (past 256 bytes no more is used).
/// Returns the previous state buffer.
///
/// # Safety
/// `state` has `n` writable bytes, aligned for `int32_t`, and stays valid
/// while it is in use.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn initstate(seed: c_uint, state: *mut c_char, n: usize) -> *mut c_char {
    if n < 8 {
        crate::Errno::EINVAL.set_last();
        return null_mut();
    }
    let kind = match n {
        0..32 => 0,
        32..64 => 1,
        64..128 => 2,
        128..256 => 3,
        _ => 4,
    };
    with(|g| {
        // SAFETY: the old buffer is valid; the new one holds the record and
        // the type's words, as the caller says.
        unsafe {
            g.save();
            let old = g.buf;
            g.buf = state.cast();
            g.kind = kind;
            g.seed(seed);
            g.save();
            old.cast()
        }
    })
}

/// setstate(3): goes back to a state buffer that `initstate` set up (or
/// one `setstate` returned), where it left off. Returns the previous state
/// buffer, or NULL and `EINVAL` when the buffer's record is corrupt.
///
/// # Safety
/// `state` is such a buffer, still valid.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn setstate(state: *mut c_char) -> *mut c_char {
    let buf = state.cast::<i32>();
    // SAFETY: the caller passes a state buffer.
    let rec = unsafe { *buf };
    let kind = rec.rem_euclid(5) as usize;
    let rear = (rec / 5) as usize;
    let (deg, sep) = TYPES[kind];
    if rec < 0 || (kind != 0 && rear >= deg) {
        crate::Errno::EINVAL.set_last();
        return null_mut();
    }
    with(|g| {
        // SAFETY: both buffers are valid.
        unsafe {
            g.save();
            let old = g.buf;
            g.buf = buf;
            g.kind = kind;
            if kind != 0 {
                g.rear = rear;
                g.front = (rear + sep) % deg;
            }
            old.cast()
        }
    })
}
