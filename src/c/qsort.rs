//! qsort(3) and bsearch(3). The sort is an in-place introsort on a byte
//! slice of fixed-size elements (median-of-three quicksort, heapsort when
//! the recursion gets too deep, insertion sort for short runs): no
//! allocation, O(n log n) worst case, any element size.

use core::cmp::Ordering::{self, Greater, Less};
use core::ffi::{c_int, c_void};

/// Runs at most this long are finished by insertion sort.
const SMALL: usize = 12;

struct Sorter<'a, F> {
    v: &'a mut [u8],
    size: usize,
    cmp: F,
}

impl<F: FnMut(&[u8], &[u8]) -> Ordering> Sorter<'_, F> {
    fn cmp(&mut self, i: usize, j: usize) -> Ordering {
        let w = self.size;
        (self.cmp)(&self.v[i * w..][..w], &self.v[j * w..][..w])
    }

    fn swap(&mut self, i: usize, j: usize) {
        if i == j {
            return;
        }
        let w = self.size;
        let (lo, hi) = (i.min(j), i.max(j));
        let (a, b) = self.v.split_at_mut(hi * w);
        a[lo * w..][..w].swap_with_slice(&mut b[..w]);
    }

    fn insertion(&mut self, lo: usize, hi: usize) {
        for i in lo + 1..hi {
            let mut j = i;
            while j > lo && self.cmp(j - 1, j) == Greater {
                self.swap(j - 1, j);
                j -= 1;
            }
        }
    }

    /// Moves element `lo + root` down the max-heap of `len` elements at `lo`.
    fn sift(&mut self, lo: usize, mut root: usize, len: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= len {
                return;
            }
            if child + 1 < len && self.cmp(lo + child, lo + child + 1) == Less {
                child += 1;
            }
            if self.cmp(lo + root, lo + child) != Less {
                return;
            }
            self.swap(lo + root, lo + child);
            root = child;
        }
    }

    fn heapsort(&mut self, lo: usize, hi: usize) {
        let n = hi - lo;
        for root in (0..n / 2).rev() {
            self.sift(lo, root, n);
        }
        for end in (1..n).rev() {
            self.swap(lo, lo + end);
            self.sift(lo, 0, end);
        }
    }

    /// Partitions `[lo, hi)` around a median-of-three pivot; returns the
    /// pivot's final index: everything before it is `<=`, after it `>=`.
    fn partition(&mut self, lo: usize, hi: usize) -> usize {
        let (a, b, c) = (lo, lo + (hi - lo) / 2, hi - 1);
        // Order a <= b <= c, then use b's element as the pivot, kept at lo.
        if self.cmp(b, a) == Less {
            self.swap(a, b);
        }
        if self.cmp(c, b) == Less {
            self.swap(b, c);
            if self.cmp(b, a) == Less {
                self.swap(a, b);
            }
        }
        self.swap(lo, b);
        // Both scans stop on elements equal to the pivot, so runs of equal
        // elements split evenly.
        let (mut i, mut j) = (lo + 1, hi - 1);
        loop {
            while i <= j && self.cmp(i, lo) == Less {
                i += 1;
            }
            while i <= j && self.cmp(j, lo) == Greater {
                j -= 1;
            }
            if i >= j {
                break;
            }
            self.swap(i, j);
            i += 1;
            j -= 1;
        }
        self.swap(lo, j);
        j
    }

    fn introsort(&mut self, mut lo: usize, mut hi: usize, mut depth: u32) {
        while hi - lo > SMALL {
            if depth == 0 {
                return self.heapsort(lo, hi);
            }
            depth -= 1;
            let p = self.partition(lo, hi);
            // Recurse into the smaller side, loop on the larger: O(log n) stack.
            if p - lo < hi - p {
                self.introsort(lo, p, depth);
                lo = p + 1;
            } else {
                self.introsort(p + 1, hi, depth);
                hi = p;
            }
        }
        self.insertion(lo, hi);
    }
}

/// Sorts the elements of `size` bytes that make up `v` (a trailing partial
/// element is left alone) in the order `cmp` gives. Not stable.
pub fn sort(v: &mut [u8], size: usize, cmp: impl FnMut(&[u8], &[u8]) -> Ordering) {
    if size == 0 {
        return;
    }
    let n = v.len() / size;
    if n < 2 {
        return;
    }
    let depth = 2 * (usize::BITS - n.leading_zeros());
    Sorter { v, size, cmp }.introsort(0, n, depth);
}

/// Binary search over `n` sorted elements: `probe(i)` compares the key with
/// element `i`. Returns the index of an element that compares equal.
pub fn search(n: usize, mut probe: impl FnMut(usize) -> Ordering) -> Option<usize> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match probe(mid) {
            Less => hi = mid,
            Greater => lo = mid + 1,
            Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// A C comparison function.
type CCmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;

/// qsort(3).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn qsort(base: *mut c_void, n: usize, size: usize, cmp: CCmp) {
    if n < 2 || size == 0 {
        return;
    }
    // SAFETY: C guarantees `n` elements of `size` bytes at `base`.
    let v = unsafe { core::slice::from_raw_parts_mut(base.cast::<u8>(), n * size) };
    sort(v, size, |a, b| {
        // SAFETY: both point at whole elements of the array; C's comparator
        // only reads them.
        unsafe { cmp(a.as_ptr().cast(), b.as_ptr().cast()) }.cmp(&0)
    });
}

/// bsearch(3): a matching element of the sorted array, or NULL.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn bsearch(
    key: *const c_void,
    base: *const c_void,
    n: usize,
    size: usize,
    cmp: CCmp,
) -> *mut c_void {
    let at = |i: usize| base.cast::<u8>().wrapping_add(i * size).cast::<c_void>();
    // SAFETY: C guarantees `n` elements of `size` bytes at `base`.
    match search(n, |i| unsafe { cmp(key, at(i)) }.cmp(&0)) {
        Some(i) => at(i).cast_mut(),
        None => core::ptr::null_mut(),
    }
}
