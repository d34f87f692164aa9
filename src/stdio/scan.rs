//! The scanf engine's input over a `FILE`: the push-back stack first, then
//! the buffer, refilled as the engine asks for more.

use super::file::{FILE, Guard, State};
use crate::fmt::scanf::{Input, Store, scan};

/// [`Input`] over a locked stream's state.
struct FileInput<'a>(&'a mut State);

impl Input for FileInput<'_> {
    fn chunk(&mut self) -> &[u8] {
        let st = &mut *self.0;
        if st.ungetn > 0 {
            return core::slice::from_ref(&st.unget[st.ungetn - 1]);
        }
        if st.rpos >= st.rend && !st.available() {
            return &[];
        }
        st.buffered()
    }

    fn consume(&mut self, n: usize) {
        let st = &mut *self.0;
        if st.ungetn > 0 {
            st.ungetn -= n;
        } else {
            st.rpos += n;
        }
    }
}

/// Scans the open stream `f` according to `fmt` (the `vfscanf` core),
/// holding its lock throughout.
///
/// # Safety
/// `f` must be an open stream.
pub unsafe fn scan_file(f: *mut FILE, fmt: &[u8], store: &mut dyn Store) -> i32 {
    // SAFETY: the caller passes an open stream.
    let g = Guard::new(unsafe { &*f });
    scan(&mut FileInput(g.st()), fmt, store)
}
