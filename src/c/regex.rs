//! `<regex.h>`: POSIX basic and extended regular expressions (`regcomp`,
//! `regexec`, `regerror`, `regfree`) in the C locale, bytewise.
//!
//! The pattern is parsed into a tree (an interval `x{m,n}` becomes `m`
//! copies of `x` and `n - m` optional ones) and compiled twice into
//! Thompson NFAs, one reading forwards and one backwards; every tree node
//! knows its fragment in both. Matching never backtracks:
//!
//! * The leftmost-longest match is one pass of an NFA simulation that
//!   keeps, per state, the thread with the earliest start: `O(m·n)` time
//!   for `m` states and a subject of `n` bytes, `O(m)` memory.
//! * Subexpressions follow POSIX's rule that each subpattern, left to
//!   right, matches the longest string that still lets the whole match
//!   happen. Within a span known to match, a concatenation's first part
//!   takes the largest end that both its own forward simulation reaches
//!   and the backward simulation of the rest (from the span's end)
//!   reaches; a `*` splits its span into iterations the same way, each as
//!   long as possible and never empty (one empty iteration only for an
//!   empty span); an alternation takes its first alternative that matches
//!   the span. Each step is a simulation over a part of the span, so the
//!   submatches cost at most `O(m²·n²)` (and `O(m·n)` per nesting level
//!   for the usual patterns). A subexpression inside another is reported
//!   within the outer one's last match (POSIX), never a stale earlier
//!   iteration's.
//!
//! Back-references make matching NP-hard, so a pattern with one is matched
//! by a backtracking search over the same tree with the same preference
//! order, bounded by [`STEP_LIMIT`] steps per `regexec` call: past that it
//! returns `REG_ESPACE`. Patterns are bounded too: more than [`MAX_NODES`]
//! tree nodes (after expanding intervals) or nesting deeper than
//! [`MAX_DEPTH`] is `REG_ESPACE` from `regcomp`.
//!
//! glibc's extensions that are kept (they are what programs written for
//! glibc expect): `\+`, `\?` and `\|` in basic expressions, back-references
//! `\1`..`\9` in extended ones, `{,n}`, an unmatched `)` in an extended
//! expression as an ordinary character, and `REG_STARTEND`. The GNU
//! operators `\w \W \s \S \b \B \< \> \` \'` are not implemented: their
//! backslash quotes the letter.

use super::ctype::in_class;
use crate::malloc::c_api::{free, malloc};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

/// `REG_EXTENDED`.
const EXTENDED: c_int = 1;
/// `REG_ICASE`.
const ICASE: c_int = 2;
/// `REG_NEWLINE`.
const NEWLINE: c_int = 4;
/// `REG_NOSUB`.
const NOSUB: c_int = 8;
/// `REG_NOTBOL`.
const NOTBOL: c_int = 1;
/// `REG_NOTEOL`.
const NOTEOL: c_int = 2;
/// `REG_STARTEND`.
const STARTEND: c_int = 4;

/// `REG_NOMATCH`.
const NOMATCH: c_int = 1;
/// `REG_BADPAT`.
const BADPAT: c_int = 2;
/// `REG_ECOLLATE`.
const ECOLLATE: c_int = 3;
/// `REG_ECTYPE`.
const ECTYPE: c_int = 4;
/// `REG_EESCAPE`.
const EESCAPE: c_int = 5;
/// `REG_ESUBREG`.
const ESUBREG: c_int = 6;
/// `REG_EBRACK`.
const EBRACK: c_int = 7;
/// `REG_EPAREN`.
const EPAREN: c_int = 8;
/// `REG_EBRACE`.
const EBRACE: c_int = 9;
/// `REG_BADBR`.
const BADBR: c_int = 10;
/// `REG_ERANGE`.
const ERANGE: c_int = 11;
/// `REG_ESPACE`.
const ESPACE: c_int = 12;
/// `REG_BADRPT`.
const BADRPT: c_int = 13;
/// `REG_EEND`.
const EEND: c_int = 14;
/// `REG_ESIZE`.
const ESIZE: c_int = 15;
/// `REG_ERPAREN`.
const ERPAREN: c_int = 16;

/// `RE_DUP_MAX`: the largest count in an interval.
const DUP_MAX: u32 = 0x7fff;
/// The most tree nodes a pattern may have, intervals expanded.
pub const MAX_NODES: usize = 100_000;
/// The deepest nesting of subexpressions and repetitions.
pub const MAX_DEPTH: u32 = 100;
/// The most steps of the backtracking search (patterns with
/// back-references) in one `regexec` call.
pub const STEP_LIMIT: u64 = 20_000_000;

/// `regoff_t`.
type RegOff = isize;

/// `regmatch_t`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct RegMatch {
    /// Start offset, or -1.
    pub rm_so: RegOff,
    /// End offset, or -1.
    pub rm_eo: RegOff,
}

/// `regex_t`.
#[repr(C)]
pub struct Regex {
    /// The number of parenthesized subexpressions.
    pub re_nsub: usize,
    /// The compiled program.
    pub __re_impl: *mut c_void,
    /// Room to grow.
    pub __re_pad: [*mut c_void; 6],
}

/// A growable array on `malloc`; `None` from a method means no memory.
struct Buf<T: Copy> {
    p: *mut T,
    len: usize,
    cap: usize,
}

impl<T: Copy> Buf<T> {
    const fn new() -> Self {
        Buf {
            p: null_mut(),
            len: 0,
            cap: 0,
        }
    }

    /// `n` copies of `v`.
    fn filled(n: usize, v: T) -> Option<Self> {
        let mut b = Buf::new();
        b.reserve(n)?;
        for _ in 0..n {
            b.push(v)?;
        }
        Some(b)
    }

    fn reserve(&mut self, extra: usize) -> Option<()> {
        let need = self.len.checked_add(extra)?;
        if need <= self.cap {
            return Some(());
        }
        let cap = need.max(self.cap * 2).max(8);
        let bytes = cap.checked_mul(size_of::<T>())?;
        let p = malloc(bytes).cast::<T>();
        if p.is_null() {
            return None;
        }
        if !self.p.is_null() {
            // SAFETY: both hold at least `len` elements and do not overlap.
            unsafe {
                core::ptr::copy_nonoverlapping(self.p, p, self.len);
                free(self.p.cast());
            }
        }
        self.p = p;
        self.cap = cap;
        Some(())
    }

    fn push(&mut self, v: T) -> Option<()> {
        self.reserve(1)?;
        // SAFETY: reserve made room for one more.
        unsafe { self.p.add(self.len).write(v) };
        self.len += 1;
        Some(())
    }

    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: element `len` was initialised.
        Some(unsafe { self.p.add(self.len).read() })
    }

    fn as_slice(&self) -> &[T] {
        if self.p.is_null() {
            return &[];
        }
        // SAFETY: `len` initialised elements live at `p`.
        unsafe { core::slice::from_raw_parts(self.p, self.len) }
    }

    fn as_mut_slice(&mut self) -> &mut [T] {
        if self.p.is_null() {
            return &mut [];
        }
        // SAFETY: `len` initialised elements live at `p`, borrowed uniquely.
        unsafe { core::slice::from_raw_parts_mut(self.p, self.len) }
    }
}

impl<T: Copy> Drop for Buf<T> {
    fn drop(&mut self) {
        // SAFETY: `p` is null or from malloc.
        unsafe { free(self.p.cast()) };
    }
}

impl<T: Copy> core::ops::Deref for Buf<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> core::ops::DerefMut for Buf<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

/// A tree node's kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Matches the empty string.
    Empty,
    /// One byte of the set `a`.
    Set,
    /// `^`.
    Bol,
    /// `$`.
    Eol,
    /// `\a`.
    Backref,
    /// Subexpression `a` around node `b`.
    Group,
    /// `b` children from `kids[a..]`, in sequence.
    Cat,
    /// `b` alternatives from `kids[a..]`.
    Alt,
    /// Node `a`, any number of times; `b` is 1 when it continues a
    /// repetition (the copies after the first of `x+` or `x{m,n}`).
    Star,
    /// Node `a` or nothing; `b` as for `Star`.
    Quest,
}

/// A tree node.
#[derive(Clone, Copy)]
struct Node {
    kind: Kind,
    a: u32,
    b: u32,
    /// The subexpressions inside (not counting a group's own): `g0..g1`.
    g0: u32,
    g1: u32,
    /// Whether a back-reference is inside.
    br: bool,
    /// Shortest and longest match (`u32::MAX`: unbounded).
    min: u32,
    max: u32,
    /// Fragments: start and end states, forwards and backwards.
    fs: u32,
    fe: u32,
    rs: u32,
    re: u32,
}

impl Node {
    fn has_groups(&self) -> bool {
        self.g0 < self.g1 || self.kind == Kind::Group
    }

    /// The subexpressions inside, a group's own included.
    fn span(&self) -> (u32, u32) {
        if self.kind == Kind::Group {
            (self.a, self.g1)
        } else {
            (self.g0, self.g1)
        }
    }

    /// Whether the NFA alone decides it: no subexpression or
    /// back-reference inside.
    fn plain(&self) -> bool {
        !self.has_groups() && !self.br
    }
}

/// An NFA state's operation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    /// Nothing: an epsilon edge to `x` (`u32::MAX` until patched).
    Nop,
    /// Reads a byte of set `set`, then `x`.
    Byte,
    /// Epsilon edges to `x` and `y`.
    Split,
    /// At a line start, then `x`.
    Bol,
    /// At a line end, then `x`.
    Eol,
}

/// An NFA state.
#[derive(Clone, Copy)]
struct State {
    op: Op,
    x: u32,
    y: u32,
    set: u32,
}

/// A compiled pattern.
struct Prog {
    nodes: Buf<Node>,
    kids: Buf<u32>,
    sets: Buf<[u64; 4]>,
    fwd: Buf<State>,
    rev: Buf<State>,
    root: u32,
    nsub: u32,
    cflags: c_int,
    backrefs: bool,
}

/// Whether set `s` holds byte `c`.
fn set_has(s: &[u64; 4], c: u8) -> bool {
    s[(c >> 6) as usize] >> (c & 63) & 1 != 0
}

fn set_add(s: &mut [u64; 4], c: u8) {
    s[(c >> 6) as usize] |= 1 << (c & 63);
}

/// Adds `a + b` for lengths, `u32::MAX` meaning unbounded.
fn len_add(a: u32, b: u32) -> u32 {
    a.checked_add(b)
        .filter(|&s| s != u32::MAX)
        .unwrap_or(u32::MAX)
}

/// The parser's state.
struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    ere: bool,
    icase: bool,
    newline: bool,
    nodes: Buf<Node>,
    kids: Buf<u32>,
    sets: Buf<[u64; 4]>,
    nsub: u32,
    /// Bit `i` set once group `i` (1..=9) is closed.
    closed: u32,
    depth: u32,
    backrefs: bool,
    /// Open groups (how many `(` wait for their `)`).
    open: u32,
}

type PResult<T> = Result<T, c_int>;

/// Where an interval's number stopped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    End,
    Comma,
    Close,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }

    fn peek2(&self) -> Option<u8> {
        self.p.get(self.i + 1).copied()
    }

    fn node(&mut self, kind: Kind, a: u32, b: u32) -> PResult<u32> {
        if self.nodes.len() >= MAX_NODES {
            return Err(ESPACE);
        }
        let id = self.nodes.len() as u32;
        let (g0, g1, min, max) = match kind {
            Kind::Empty | Kind::Bol | Kind::Eol => (self.nsub + 1, self.nsub + 1, 0, 0),
            Kind::Set => (self.nsub + 1, self.nsub + 1, 1, 1),
            Kind::Backref => {
                // The group is closed: its length bounds this one.
                let g = self.group_node(a);
                (
                    self.nsub + 1,
                    self.nsub + 1,
                    0,
                    g.map_or(u32::MAX, |g| g.max),
                )
            }
            Kind::Group => {
                let c = self.nodes[b as usize];
                (a + 1, c.g1.max(a + 1), c.min, c.max)
            }
            Kind::Star | Kind::Quest => {
                let c = self.nodes[a as usize];
                let max = if kind == Kind::Quest || c.max == 0 {
                    c.max
                } else {
                    u32::MAX
                };
                let (g0, g1) = c.span();
                (g0, g1, 0, max)
            }
            Kind::Cat | Kind::Alt => {
                let (mut g0, mut g1) = (u32::MAX, 0);
                let (mut min, mut max) = if kind == Kind::Cat {
                    (0, 0)
                } else {
                    (u32::MAX, 0)
                };
                for k in 0..b {
                    let c = self.nodes[self.kids[(a + k) as usize] as usize];
                    let (cg0, cg1) = c.span();
                    if cg0 < cg1 {
                        g0 = g0.min(cg0);
                        g1 = g1.max(cg1);
                    }
                    if kind == Kind::Cat {
                        min = len_add(min, c.min);
                        max = len_add(max, c.max);
                    } else {
                        min = min.min(c.min);
                        max = max.max(c.max);
                    }
                }
                if g0 >= g1 {
                    g0 = self.nsub + 1;
                    g1 = g0;
                }
                (g0, g1, min, max)
            }
        };
        let br = match kind {
            Kind::Backref => true,
            Kind::Group => self.nodes[b as usize].br,
            Kind::Star | Kind::Quest => self.nodes[a as usize].br,
            Kind::Cat | Kind::Alt => {
                (0..b).any(|k| self.nodes[self.kids[(a + k) as usize] as usize].br)
            }
            _ => false,
        };
        let n = Node {
            kind,
            a,
            b,
            g0,
            g1,
            br,
            min,
            max,
            fs: 0,
            fe: 0,
            rs: 0,
            re: 0,
        };
        self.nodes.push(n).ok_or(ESPACE)?;
        Ok(id)
    }

    /// The node of closed group `g`, for a back-reference's length.
    fn group_node(&self, g: u32) -> Option<Node> {
        self.nodes
            .iter()
            .rev()
            .find(|n| n.kind == Kind::Group && n.a == g)
            .copied()
    }

    fn set_node(&mut self, mut s: [u64; 4]) -> PResult<u32> {
        if self.icase {
            for c in b'a'..=b'z' {
                let u = c.to_ascii_uppercase();
                if set_has(&s, c) || set_has(&s, u) {
                    set_add(&mut s, c);
                    set_add(&mut s, u);
                }
            }
        }
        let idx = self.sets.len() as u32;
        self.sets.push(s).ok_or(ESPACE)?;
        self.node(Kind::Set, idx, 0)
    }

    fn char_node(&mut self, c: u8) -> PResult<u32> {
        let mut s = [0; 4];
        set_add(&mut s, c);
        self.set_node(s)
    }

    /// A node of `kind` over the children `list`.
    fn list_node(&mut self, kind: Kind, list: &[u32]) -> PResult<u32> {
        match list.len() {
            0 => self.node(Kind::Empty, 0, 0),
            1 => Ok(list[0]),
            n => {
                let a = self.kids.len() as u32;
                for &k in list {
                    self.kids.push(k).ok_or(ESPACE)?;
                }
                self.node(kind, a, n as u32)
            }
        }
    }

    /// A copy of the subtree at `id`, with nodes of its own.
    fn copy(&mut self, id: u32) -> PResult<u32> {
        let n = self.nodes[id as usize];
        match n.kind {
            Kind::Empty | Kind::Set | Kind::Bol | Kind::Eol | Kind::Backref => {
                if self.nodes.len() >= MAX_NODES {
                    return Err(ESPACE);
                }
                self.nodes.push(n).ok_or(ESPACE)?;
                Ok(self.nodes.len() as u32 - 1)
            }
            Kind::Group => {
                let c = self.copy(n.b)?;
                self.node_like(n, n.a, c)
            }
            Kind::Star | Kind::Quest => {
                let c = self.copy(n.a)?;
                self.node_like(n, c, 0)
            }
            Kind::Cat | Kind::Alt => {
                let mut list = Buf::new();
                for k in 0..n.b {
                    let c = self.copy(self.kids[(n.a + k) as usize])?;
                    list.push(c).ok_or(ESPACE)?;
                }
                let a = self.kids.len() as u32;
                for &k in list.iter() {
                    self.kids.push(k).ok_or(ESPACE)?;
                }
                self.node_like(n, a, n.b)
            }
        }
    }

    /// `n` with new operands (its group range and lengths stay).
    fn node_like(&mut self, n: Node, a: u32, b: u32) -> PResult<u32> {
        if self.nodes.len() >= MAX_NODES {
            return Err(ESPACE);
        }
        self.nodes.push(Node { a, b, ..n }).ok_or(ESPACE)?;
        Ok(self.nodes.len() as u32 - 1)
    }

    /// regex := branch ('|' branch)*
    fn regex(&mut self) -> PResult<u32> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ESPACE);
        }
        let mut alts = Buf::new();
        // As glibc: a back-reference may name a group closed before the
        // alternation or earlier in its own alternative.
        let initial = self.closed;
        let mut all = initial;
        loop {
            self.closed = initial;
            let b = self.branch()?;
            all |= self.closed;
            alts.push(b).ok_or(ESPACE)?;
            if self.at_bar() {
                self.i += if self.ere { 1 } else { 2 };
                continue;
            }
            break;
        }
        self.closed = all;
        self.depth -= 1;
        let list: Buf<u32> = alts;
        self.list_node(Kind::Alt, &list)
    }

    fn at_bar(&self) -> bool {
        if self.ere {
            self.peek() == Some(b'|')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b'|')
        }
    }

    fn at_close(&self) -> bool {
        if self.ere {
            self.peek() == Some(b')') && self.open > 0
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b')')
        }
    }

    /// branch := piece*
    fn branch(&mut self) -> PResult<u32> {
        let mut list = Buf::new();
        let start = self.i;
        while self.i < self.p.len() && !self.at_bar() && !self.at_close() {
            let piece = self.piece(self.i == start, &list)?;
            list.push(piece).ok_or(ESPACE)?;
        }
        let l: Buf<u32> = list;
        self.list_node(Kind::Cat, &l)
    }

    /// Whether a repetition operator starts at the current position:
    /// its length in bytes.
    fn dup_op(&self) -> Option<(u8, usize)> {
        let c = self.peek()?;
        if self.ere {
            matches!(c, b'*' | b'+' | b'?' | b'{').then_some((c, 1))
        } else if c == b'*' {
            Some((c, 1))
        } else if c == b'\\' {
            let d = self.peek2()?;
            matches!(d, b'+' | b'?' | b'{').then_some((d, 2))
        } else {
            None
        }
    }

    /// piece := atom dup*
    fn piece(&mut self, first: bool, before: &[u32]) -> PResult<u32> {
        let after_bol = before.len() == 1 && self.nodes[before[0] as usize].kind == Kind::Bol;
        if let Some((op, len)) = self.dup_op() {
            if self.ere && (first || after_bol) {
                return Err(BADRPT);
            }
            if !self.ere && (first || after_bol) {
                if op == b'{' {
                    return Err(BADRPT);
                }
                // A leading `*` (or `\+`, `\?`) is an ordinary character.
                self.i += len;
                let atom = self.char_node(op)?;
                return self.dups(atom);
            }
        }
        let atom = self.atom(first)?;
        self.dups(atom)
    }

    fn dups(&mut self, mut atom: u32) -> PResult<u32> {
        let mut depth = 0;
        while let Some((op, len)) = self.dup_op() {
            let k = self.nodes[atom as usize].kind;
            if k == Kind::Bol && !self.ere {
                // The next piece's operator is an ordinary character.
                break;
            }
            if matches!(k, Kind::Bol | Kind::Eol) && self.ere {
                return Err(BADRPT);
            }
            if depth > 0 && !self.ere && matches!(op, b'*' | b'{') {
                // As glibc (RE_CONTEXT_INVALID_DUP): `a**` in a BRE.
                return Err(BADRPT);
            }
            depth += 1;
            if self.depth + depth > MAX_DEPTH {
                return Err(ESPACE);
            }
            self.i += len;
            atom = match op {
                b'*' => self.node(Kind::Star, atom, 0)?,
                b'+' => {
                    let again = self.copy(atom)?;
                    let star = self.node(Kind::Star, again, 1)?;
                    self.list_node(Kind::Cat, &[atom, star])?
                }
                b'?' => self.node(Kind::Quest, atom, 0)?,
                _ => {
                    let (m, n) = self.interval()?;
                    self.repeat(atom, m, n)?
                }
            };
        }
        Ok(atom)
    }

    /// One number of an interval, as glibc reads it: the bytes up to a
    /// `,`, the closing brace or the end (`Tok::End`: -2); -1 for none,
    /// -2 for anything but digits.
    fn interval_num(&mut self) -> (i64, Tok) {
        let mut num: i64 = -1;
        loop {
            let Some(c) = self.peek() else {
                return (-2, Tok::End);
            };
            if self.ere && c == b'}' {
                self.i += 1;
                return (num, Tok::Close);
            }
            if c == b'\\' {
                let Some(d) = self.peek2() else {
                    self.i += 1;
                    return (-2, Tok::End);
                };
                self.i += 2;
                if !self.ere && d == b'}' {
                    return (num, Tok::Close);
                }
                num = -2;
                continue;
            }
            self.i += 1;
            if c == b',' {
                return (num, Tok::Comma);
            }
            num = if !c.is_ascii_digit() || num == -2 {
                -2
            } else if num == -1 {
                (c - b'0') as i64
            } else {
                (num * 10 + (c - b'0') as i64).min(DUP_MAX as i64 + 1)
            };
        }
    }

    /// `{m}`, `{m,}`, `{m,n}`, `{,n}` after the `{`: (m, Some(n) or None),
    /// with glibc's error codes.
    fn interval(&mut self) -> PResult<(u32, Option<u32>)> {
        let (mut m, mut tok) = self.interval_num();
        if m == -1 {
            if tok == Tok::Comma {
                m = 0;
            } else {
                return Err(BADBR);
            }
        }
        let mut n = 0;
        if m != -2 {
            n = match tok {
                Tok::Close => m,
                Tok::Comma => {
                    let (v, t) = self.interval_num();
                    tok = t;
                    v
                }
                Tok::End => -2,
            };
        }
        if m == -2 || n == -2 {
            return Err(if tok == Tok::End { EBRACE } else { BADBR });
        }
        if (n != -1 && m > n) || tok != Tok::Close {
            return Err(BADBR);
        }
        if (if n == -1 { m } else { n }) > DUP_MAX as i64 {
            return Err(ESIZE);
        }
        Ok((m as u32, if n == -1 { None } else { Some(n as u32) }))
    }

    /// `atom{m,n}`: `m` copies and `n - m` optional ones (or a star).
    fn repeat(&mut self, atom: u32, m: u32, n: Option<u32>) -> PResult<u32> {
        if n == Some(0) {
            // No copy remains: the subexpressions inside stay unmatched.
            return self.node(Kind::Empty, 0, 0);
        }
        let mut list = Buf::new();
        let total = match n {
            Some(n) => n,
            None => m + 1,
        };
        for k in 0..total {
            let c = if k == 0 { atom } else { self.copy(atom)? };
            let cont = (k > 0) as u32;
            let c = if k < m {
                c
            } else if n.is_some() {
                self.node(Kind::Quest, c, cont)?
            } else {
                self.node(Kind::Star, c, cont)?
            };
            list.push(c).ok_or(ESPACE)?;
        }
        let l: Buf<u32> = list;
        self.list_node(Kind::Cat, &l)
    }

    fn atom(&mut self, first: bool) -> PResult<u32> {
        let c = self.peek().ok_or(EEND)?;
        self.i += 1;
        match c {
            b'(' if self.ere => self.group(),
            b'.' => {
                let mut s = [!0u64; 4];
                s[0] &= !1;
                if self.newline {
                    s[0] &= !(1 << b'\n');
                }
                self.set_node(s)
            }
            b'[' => self.bracket(),
            b'^' if self.ere || first => self.node(Kind::Bol, 0, 0),
            b'$' if self.ere || self.at_branch_end() => self.node(Kind::Eol, 0, 0),
            b'\\' => {
                let d = self.peek().ok_or(EESCAPE)?;
                self.i += 1;
                match d {
                    b'(' if !self.ere => self.group(),
                    b')' if !self.ere => Err(ERPAREN),
                    b'{' if !self.ere => Err(BADRPT),
                    b'1'..=b'9' => {
                        let g = (d - b'0') as u32;
                        if self.closed & (1 << g) == 0 {
                            return Err(ESUBREG);
                        }
                        self.backrefs = true;
                        self.node(Kind::Backref, g, 0)
                    }
                    _ => self.char_node(d),
                }
            }
            b'{' if self.ere => Err(BADRPT),
            _ => self.char_node(c),
        }
    }

    /// Whether the current position ends a branch (for a BRE's `$`).
    fn at_branch_end(&self) -> bool {
        self.i >= self.p.len() || self.at_bar() || self.at_close()
    }

    /// A subexpression, after its `(`.
    fn group(&mut self) -> PResult<u32> {
        self.nsub += 1;
        let idx = self.nsub;
        self.open += 1;
        let inner = self.regex()?;
        if !self.at_close() {
            return Err(EPAREN);
        }
        self.open -= 1;
        self.i += if self.ere { 1 } else { 2 };
        if idx < 32 {
            self.closed |= 1 << idx;
        }
        self.node(Kind::Group, idx, inner)
    }

    /// A bracket expression, after its `[`.
    fn bracket(&mut self) -> PResult<u32> {
        let mut s = [0u64; 4];
        let negate = self.peek() == Some(b'^');
        if negate {
            self.i += 1;
        }
        if self.i >= self.p.len() {
            // As glibc: nothing at all after the `[` is a bad pattern.
            return Err(BADPAT);
        }
        let mut first = true;
        loop {
            let c = self.peek().ok_or(EBRACK)?;
            if c == b']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            // One endpoint: a byte, a collating symbol or an equivalence
            // class (both single bytes in the C locale), or a class.
            let lo = match self.bracket_elem(&mut s)? {
                Some(lo) => lo,
                None => {
                    if self.peek() == Some(b'-') && self.peek2().is_some_and(|c| c != b']') {
                        return Err(ERANGE);
                    }
                    continue;
                }
            };
            if self.peek() == Some(b'-') && self.peek2().is_some_and(|c| c != b']') {
                self.i += 1;
                let hi = self.bracket_elem(&mut s)?.ok_or(ERANGE)?;
                if hi < lo {
                    return Err(ERANGE);
                }
                for b in lo..=hi {
                    set_add(&mut s, b);
                }
            } else {
                set_add(&mut s, lo);
            }
        }
        if self.icase {
            for c in b'a'..=b'z' {
                let u = c.to_ascii_uppercase();
                if set_has(&s, c) || set_has(&s, u) {
                    set_add(&mut s, c);
                    set_add(&mut s, u);
                }
            }
        }
        if negate {
            for w in s.iter_mut() {
                *w = !*w;
            }
            if self.newline {
                s[0] &= !(1 << b'\n');
            }
        }
        s[0] &= !1;
        self.set_node(s)
    }

    /// A bracket element: `Some(byte)` for one that may end a range,
    /// `None` for a class (added to `s`).
    fn bracket_elem(&mut self, s: &mut [u64; 4]) -> PResult<Option<u8>> {
        let c = self.peek().ok_or(EBRACK)?;
        self.i += 1;
        if c != b'[' {
            return Ok(Some(c));
        }
        let kind = match self.peek() {
            Some(k @ (b':' | b'=' | b'.')) => k,
            _ => return Ok(Some(c)),
        };
        self.i += 1;
        let start = self.i;
        let rest = &self.p[start..];
        let len = rest
            .windows(2)
            .position(|w| w[0] == kind && w[1] == b']')
            .ok_or(EBRACK)?;
        let name = &self.p[start..start + len];
        self.i = start + len + 2;
        match kind {
            b':' => {
                for b in 1..=255u8 {
                    if in_class(name, b).ok_or(ECTYPE)? {
                        set_add(s, b);
                    }
                }
                if name.is_empty() {
                    return Err(ECTYPE);
                }
                Ok(None)
            }
            _ => {
                if name.len() != 1 {
                    return Err(ECOLLATE);
                }
                if kind == b'=' {
                    set_add(s, name[0]);
                    Ok(None)
                } else {
                    Ok(Some(name[0]))
                }
            }
        }
    }
}

/// Compiles the tree into an NFA.
struct Compiler<'a> {
    nodes: &'a mut [Node],
    kids: &'a [u32],
    out: Buf<State>,
    rev: bool,
}

impl Compiler<'_> {
    fn state(&mut self, op: Op, x: u32, y: u32, set: u32) -> Option<u32> {
        self.out.push(State { op, x, y, set })?;
        Some(self.out.len() as u32 - 1)
    }

    fn patch(&mut self, s: u32, to: u32) {
        self.out[s as usize].x = to;
    }

    /// The fragment of node `id`: (start, end), `end` a `Nop` to patch.
    fn frag(&mut self, id: u32) -> Option<(u32, u32)> {
        let n = self.nodes[id as usize];
        let (s, e) = match n.kind {
            Kind::Empty | Kind::Backref => {
                let e = self.state(Op::Nop, u32::MAX, 0, 0)?;
                (e, e)
            }
            Kind::Set | Kind::Bol | Kind::Eol => {
                let e = self.state(Op::Nop, u32::MAX, 0, 0)?;
                let op = match n.kind {
                    Kind::Set => Op::Byte,
                    Kind::Bol => Op::Bol,
                    _ => Op::Eol,
                };
                (self.state(op, e, 0, n.a)?, e)
            }
            Kind::Group => self.frag(n.b)?,
            Kind::Cat => {
                let mut first = None;
                let mut prev: Option<u32> = None;
                for k in 0..n.b {
                    let k = if self.rev { n.b - 1 - k } else { k };
                    let (cs, ce) = self.frag(self.kids[(n.a + k) as usize])?;
                    match prev {
                        Some(p) => self.patch(p, cs),
                        None => first = Some(cs),
                    }
                    prev = Some(ce);
                }
                (first?, prev?)
            }
            Kind::Alt => {
                let e = self.state(Op::Nop, u32::MAX, 0, 0)?;
                let mut starts = Buf::new();
                for k in 0..n.b {
                    let (cs, ce) = self.frag(self.kids[(n.a + k) as usize])?;
                    self.patch(ce, e);
                    starts.push(cs)?;
                }
                // A chain of splits, first alternative first.
                let mut s = starts[starts.len() - 1];
                for k in (0..starts.len() - 1).rev() {
                    s = self.state(Op::Split, starts[k], s, 0)?;
                }
                (s, e)
            }
            Kind::Star | Kind::Quest => {
                let (cs, ce) = self.frag(n.a)?;
                let e = self.state(Op::Nop, u32::MAX, 0, 0)?;
                let s = self.state(Op::Split, cs, e, 0)?;
                self.patch(ce, if n.kind == Kind::Star { s } else { e });
                (s, e)
            }
        };
        let node = &mut self.nodes[id as usize];
        if self.rev {
            node.rs = s;
            node.re = e;
        } else {
            node.fs = s;
            node.fe = e;
        }
        Some((s, e))
    }
}

/// A subject string and the flags that decide what its ends are.
struct Subject<'a> {
    s: &'a [u8],
    notbol: bool,
    noteol: bool,
    newline: bool,
    icase: bool,
}

impl Subject<'_> {
    fn bol(&self, p: usize) -> bool {
        (p == 0 && !self.notbol) || (self.newline && p > 0 && self.s[p - 1] == b'\n')
    }

    fn eol(&self, p: usize) -> bool {
        (p == self.s.len() && !self.noteol)
            || (self.newline && p < self.s.len() && self.s[p] == b'\n')
    }
}

/// The NFA simulation's working sets.
struct Sim {
    /// Per state: the generation in which it was last added.
    mark: Buf<u32>,
    epoch: u32,
    cur: Buf<u32>,
    next: Buf<u32>,
    /// Per entry of `cur`/`next` in the search: the thread's start.
    cur_start: Buf<usize>,
    next_start: Buf<usize>,
    stack: Buf<u32>,
}

impl Sim {
    fn new(states: usize) -> Option<Sim> {
        Some(Sim {
            mark: Buf::filled(states, 0)?,
            epoch: 0,
            cur: Buf::new(),
            next: Buf::new(),
            cur_start: Buf::new(),
            next_start: Buf::new(),
            stack: Buf::new(),
        })
    }

    fn new_epoch(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            for m in self.mark.iter_mut() {
                *m = 0;
            }
            self.epoch = 1;
        }
    }

    /// Adds to `next` the closure of `st` at position `p` (not leaving
    /// `target`), each entry with `start`.
    fn add(
        &mut self,
        nfa: &[State],
        sub: &Subject,
        st: u32,
        p: usize,
        target: u32,
        start: usize,
    ) -> Option<()> {
        self.stack.push(st)?;
        while let Some(s) = self.stack.pop() {
            if self.mark[s as usize] == self.epoch {
                continue;
            }
            self.mark[s as usize] = self.epoch;
            let state = nfa[s as usize];
            let follow = match state.op {
                _ if s == target => {
                    self.next.push(s)?;
                    self.next_start.push(start)?;
                    continue;
                }
                Op::Byte => {
                    self.next.push(s)?;
                    self.next_start.push(start)?;
                    continue;
                }
                Op::Nop => state.x != u32::MAX,
                Op::Split => {
                    // The second edge goes on the stack first: the first
                    // is explored first.
                    self.stack.push(state.y)?;
                    true
                }
                Op::Bol => sub.bol(p),
                Op::Eol => sub.eol(p),
            };
            if follow {
                self.stack.push(state.x)?;
            }
        }
        Some(())
    }

    fn swap(&mut self) {
        core::mem::swap(&mut self.cur, &mut self.next);
        core::mem::swap(&mut self.cur_start, &mut self.next_start);
        self.next.len = 0;
        self.next_start.len = 0;
    }

    /// Runs `nfa` from state `st` at position `p0` (forwards up to `lim`,
    /// or backwards down to it) and pushes onto `out`, in increasing
    /// order, each `k` such that state `target` is reached `k` bytes from
    /// `p0`. Stops as soon as no thread is left, so a short part costs
    /// little however long the span.
    #[allow(clippy::too_many_arguments)]
    fn reach(
        &mut self,
        nfa: &[State],
        sets: &[[u64; 4]],
        sub: &Subject,
        back: bool,
        st: u32,
        target: u32,
        p0: usize,
        lim: usize,
        out: &mut Buf<usize>,
    ) -> Option<()> {
        self.next.len = 0;
        self.next_start.len = 0;
        self.new_epoch();
        self.add(nfa, sub, st, p0, target, 0)?;
        self.swap();
        let span = if back { p0 - lim } else { lim - p0 };
        let mut k = 0;
        loop {
            let p = if back { p0 - k } else { p0 + k };
            if self.cur.len == 0 {
                return Some(());
            }
            if k == span {
                if self.cur.contains(&target) {
                    out.push(k)?;
                }
                return Some(());
            }
            let byte = if back { sub.s[p - 1] } else { sub.s[p] };
            let np = if back { p - 1 } else { p + 1 };
            self.new_epoch();
            let mut hit = false;
            for i in 0..self.cur.len {
                let s = self.cur[i];
                if s == target {
                    hit = true;
                    continue;
                }
                let state = nfa[s as usize];
                if set_has(&sets[state.set as usize], byte) {
                    self.add(nfa, sub, state.x, np, target, 0)?;
                }
            }
            if hit {
                out.push(k)?;
            }
            self.swap();
            k += 1;
        }
    }

    /// The leftmost-longest match of the whole program at or after
    /// `from`: (start, end).
    fn search(
        &mut self,
        prog: &Prog,
        sub: &Subject,
        from: usize,
    ) -> Option<Option<(usize, usize)>> {
        let nfa = prog.fwd.as_slice();
        let root = prog.nodes[prog.root as usize];
        let (st, fin) = (root.fs, root.fe);
        let n = sub.s.len();
        let mut best: Option<(usize, usize)> = None;
        self.cur.len = 0;
        self.cur_start.len = 0;
        self.next.len = 0;
        self.next_start.len = 0;
        self.new_epoch();
        self.add(nfa, sub, st, from, fin, from)?;
        self.swap();
        let mut p = from;
        loop {
            for i in 0..self.cur.len {
                if self.cur[i] == fin {
                    let s = self.cur_start[i];
                    if best.is_none_or(|(bs, _)| s <= bs) {
                        best = Some((s, p));
                    }
                    break;
                }
            }
            if p == n || (self.cur.len == 0 && best.is_some()) {
                return Some(best);
            }
            let byte = sub.s[p];
            self.new_epoch();
            for i in 0..self.cur.len {
                let s = self.cur[i];
                let start = self.cur_start[i];
                if best.is_some_and(|(bs, _)| start > bs) {
                    continue;
                }
                let state = nfa[s as usize];
                if state.op == Op::Byte && set_has(&prog.sets[state.set as usize], byte) {
                    self.add(nfa, sub, state.x, p + 1, fin, start)?;
                }
            }
            if best.is_none() {
                self.add(nfa, sub, st, p + 1, fin, p + 1)?;
            }
            self.swap();
            p += 1;
        }
    }
}

/// Whether node `id` matches the empty string everywhere, without an
/// anchor: only such a body takes an empty iteration of `*` or `?` (as
/// glibc; POSIX lets a null expression match only where needed).
fn free_null(prog: &Prog, id: u32) -> bool {
    let n = prog.nodes[id as usize];
    let kid = |k: u32| prog.kids[(n.a + k) as usize];
    match n.kind {
        Kind::Empty | Kind::Star | Kind::Quest => true,
        Kind::Set | Kind::Bol | Kind::Eol => false,
        Kind::Backref => n.min == 0,
        Kind::Group => free_null(prog, n.b),
        Kind::Cat => (0..n.b).all(|k| free_null(prog, kid(k))),
        Kind::Alt => (0..n.b).any(|k| free_null(prog, kid(k))),
    }
}

/// Submatch assignment without back-references (see the module docs).
struct Decomposer<'a> {
    prog: &'a Prog,
    sub: &'a Subject<'a>,
    sim: Sim,
    caps: &'a mut [RegMatch],
}

impl Decomposer<'_> {
    /// The ends in `s..=e` of node `id` from `s`, as offsets from `s`,
    /// increasing.
    fn ends(&mut self, id: u32, s: usize, e: usize) -> Option<Buf<usize>> {
        let n = self.prog.nodes[id as usize];
        let mut out = Buf::new();
        let prog = self.prog;
        self.sim.reach(
            &prog.fwd, &prog.sets, self.sub, false, n.fs, n.fe, s, e, &mut out,
        )?;
        Some(out)
    }

    /// Flags for the positions `p` in `s..=e` (indexed by `e - p`) from
    /// which the backward fragment `rs..re` reaches `e`.
    fn starts(&mut self, rs: u32, re: u32, s: usize, e: usize) -> Option<Buf<u8>> {
        let mut list = Buf::new();
        let prog = self.prog;
        self.sim.reach(
            &prog.rev, &prog.sets, self.sub, true, rs, re, e, s, &mut list,
        )?;
        let mut flags = Buf::filled(e - s + 1, 0u8)?;
        for &k in list.iter() {
            flags[k] = 1;
        }
        Some(flags)
    }

    fn clear(&mut self, n: &Node) {
        for g in n.g0..n.g1 {
            if let Some(c) = self.caps.get_mut(g as usize) {
                *c = RegMatch {
                    rm_so: -1,
                    rm_eo: -1,
                };
            }
        }
    }

    /// Assigns the subexpressions of node `id`, known to match `s..e`.
    fn run(&mut self, id: u32, s: usize, e: usize) -> Option<()> {
        let prog = self.prog;
        let n = prog.nodes[id as usize];
        match n.kind {
            Kind::Group => {
                self.clear(&n);
                if let Some(c) = self.caps.get_mut(n.a as usize) {
                    *c = RegMatch {
                        rm_so: s as RegOff,
                        rm_eo: e as RegOff,
                    };
                }
                if prog.nodes[n.b as usize].has_groups() {
                    self.run(n.b, s, e)?;
                }
            }
            Kind::Cat => {
                let kids = &prog.kids[n.a as usize..(n.a + n.b) as usize];
                let mut cur = s;
                for k in 0..kids.len() {
                    if !kids[k..]
                        .iter()
                        .any(|&c| prog.nodes[c as usize].has_groups())
                    {
                        break;
                    }
                    let c = prog.nodes[kids[k] as usize];
                    let j = if k == kids.len() - 1 {
                        e
                    } else {
                        let last = prog.nodes[kids[kids.len() - 1] as usize];
                        let next = prog.nodes[kids[k + 1] as usize];
                        let r = self.starts(last.rs, next.re, cur, e)?;
                        let hi = if c.max == u32::MAX {
                            e
                        } else {
                            e.min(cur + c.max as usize)
                        };
                        let f = self.ends(kids[k], cur, hi)?;
                        f.iter().rev().map(|&k| cur + k).find(|&j| r[e - j] != 0)?
                    };
                    if c.has_groups() {
                        self.run(kids[k], cur, j)?;
                    }
                    cur = j;
                }
            }
            Kind::Alt => {
                for k in 0..n.b {
                    let c = prog.kids[(n.a + k) as usize];
                    let f = self.ends(c, s, e)?;
                    if f.last() == Some(&(e - s)) {
                        if prog.nodes[c as usize].has_groups() {
                            self.run(c, s, e)?;
                        }
                        break;
                    }
                }
            }
            Kind::Star | Kind::Quest => {
                if s == e && n.b == 0 {
                    if free_null(prog, n.a) {
                        self.run(n.a, s, s)?;
                    }
                } else if s == e {
                    // A repetition's later copy takes no empty iteration
                    // (glibc undoes one too: POSIX allows an empty
                    // iteration only where needed).
                } else if n.kind == Kind::Quest {
                    self.run(n.a, s, e)?;
                } else {
                    let r = self.starts(n.rs, n.re, s, e)?;
                    let mut cur = s;
                    while cur < e {
                        let f = self.ends(n.a, cur, e)?;
                        let j = f
                            .iter()
                            .rev()
                            .map(|&k| cur + k)
                            .find(|&j| j > cur && r[e - j] != 0)?;
                        self.run(n.a, cur, j)?;
                        cur = j;
                    }
                }
            }
            _ => {}
        }
        Some(())
    }
}

/// The backtracking matcher for patterns with back-references: the same
/// preference order as [`Decomposer`], with an undo log for the
/// subexpressions. A part without subexpressions or back-references is
/// left to the NFA.
struct Backtrack<'a> {
    prog: &'a Prog,
    sub: &'a Subject<'a>,
    sim: Sim,
    caps: Buf<(usize, usize)>,
    trail: Buf<(u32, (usize, usize))>,
    steps: u64,
    depth: u32,
}

/// The search gave up: [`STEP_LIMIT`], [`BT_DEPTH`] or no memory.
struct Stop;

/// The deepest recursion of the backtracking search (a `*` around a
/// subexpression or back-reference recurses once per iteration).
pub const BT_DEPTH: u32 = 250;

const UNSET: (usize, usize) = (usize::MAX, usize::MAX);

impl<'a> Backtrack<'a> {
    fn set(&mut self, g: u32, v: (usize, usize)) -> Result<(), Stop> {
        let old = self.caps[g as usize];
        self.trail.push((g, old)).ok_or(Stop)?;
        self.caps[g as usize] = v;
        Ok(())
    }

    fn undo(&mut self, mark: usize) {
        while self.trail.len > mark {
            let Some((g, v)) = self.trail.pop() else {
                break;
            };
            self.caps[g as usize] = v;
        }
    }

    fn fits(n: &Node, len: usize) -> bool {
        len >= n.min as usize && (n.max == u32::MAX || len <= n.max as usize)
    }

    /// The ends in `s..=e` of plain node `n` from `s` (flags by `p - s`).
    fn ends(&mut self, n: &Node, s: usize, e: usize) -> Result<Buf<u8>, Stop> {
        self.steps += (e - s) as u64 + 1;
        let mut list = Buf::new();
        let prog = self.prog;
        self.sim
            .reach(
                &prog.fwd, &prog.sets, self.sub, false, n.fs, n.fe, s, e, &mut list,
            )
            .ok_or(Stop)?;
        let mut flags = Buf::filled(e - s + 1, 0u8).ok_or(Stop)?;
        for &k in list.iter() {
            flags[k] = 1;
        }
        Ok(flags)
    }

    /// Whether node `id` matches exactly `s..e` (subexpressions set) in a
    /// way after which `k` succeeds: every way, in preference order.
    fn node(&mut self, id: u32, s: usize, e: usize, k: &mut Cont<'_, 'a>) -> Result<bool, Stop> {
        self.steps += 1;
        self.depth += 1;
        if self.steps > STEP_LIMIT || self.depth > BT_DEPTH {
            return Err(Stop);
        }
        let r = self.node_in(id, s, e, k);
        self.depth -= 1;
        r
    }

    fn node_in(&mut self, id: u32, s: usize, e: usize, k: &mut Cont<'_, 'a>) -> Result<bool, Stop> {
        let prog = self.prog;
        let n = prog.nodes[id as usize];
        if !Self::fits(&n, e - s) {
            return Ok(false);
        }
        let sub = self.sub;
        let ok = match n.kind {
            Kind::Empty => s == e,
            Kind::Set => e == s + 1 && set_has(&prog.sets[n.a as usize], sub.s[s]),
            Kind::Bol => s == e && sub.bol(s),
            Kind::Eol => s == e && sub.eol(s),
            Kind::Backref => {
                let (gs, ge) = self.caps[n.a as usize];
                if gs == usize::MAX || ge - gs != e - s {
                    false
                } else {
                    let (a, b) = (&sub.s[gs..ge], &sub.s[s..e]);
                    if sub.icase {
                        a.eq_ignore_ascii_case(b)
                    } else {
                        a == b
                    }
                }
            }
            _ if n.plain() => self.ends(&n, s, e)?[e - s] != 0,
            Kind::Group => {
                let mark = self.trail.len;
                for g in n.g0..n.g1 {
                    self.set(g, UNSET)?;
                }
                self.set(n.a, (s, e))?;
                let ok = self.node(n.b, s, e, k)?;
                if !ok {
                    self.undo(mark);
                }
                return Ok(ok);
            }
            Kind::Cat => return self.seq(n.a, n.b, s, e, k),
            Kind::Alt => {
                for i in 0..n.b {
                    if self.node(prog.kids[(n.a + i) as usize], s, e, k)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Kind::Quest | Kind::Star if s == e => {
                if n.b == 0 && free_null(prog, n.a) {
                    let mark = self.trail.len;
                    if self.node(n.a, s, s, k)? {
                        return Ok(true);
                    }
                    self.undo(mark);
                }
                true
            }
            Kind::Quest => return self.node(n.a, s, e, k),
            _ => return self.star(&n, s, e, k),
        };
        if ok { k(self) } else { Ok(false) }
    }

    /// Star `n` over `s..e`: iterations, each non-empty, then `k`.
    fn star(&mut self, n: &Node, s: usize, e: usize, k: &mut Cont<'_, 'a>) -> Result<bool, Stop> {
        if s == e {
            return k(self);
        }
        let c = self.prog.nodes[n.a as usize];
        let hi = if c.max == u32::MAX {
            e
        } else {
            e.min(s + c.max as usize)
        };
        let lo = s + (c.min as usize).max(1);
        for j in (lo..=hi).rev() {
            let mark = self.trail.len;
            if self.node(n.a, s, j, &mut |me: &mut Self| me.star(n, j, e, &mut *k))? {
                return Ok(true);
            }
            self.undo(mark);
        }
        Ok(false)
    }

    /// Children `a..a + len` of a concatenation over `s..e`, then `k`.
    fn seq(
        &mut self,
        a: u32,
        len: u32,
        s: usize,
        e: usize,
        k: &mut Cont<'_, 'a>,
    ) -> Result<bool, Stop> {
        if len == 0 {
            return if s == e { k(self) } else { Ok(false) };
        }
        let prog = self.prog;
        let id = prog.kids[a as usize];
        let c = prog.nodes[id as usize];
        if len == 1 {
            return self.node(id, s, e, k);
        }
        let (mut rmin, mut rmax) = (0u32, 0u32);
        for i in 1..len {
            let r = prog.nodes[prog.kids[(a + i) as usize] as usize];
            rmin = len_add(rmin, r.min);
            rmax = len_add(rmax, r.max);
        }
        let Some(hi) = e.checked_sub(rmin as usize) else {
            return Ok(false);
        };
        let hi = if c.max == u32::MAX {
            hi
        } else {
            hi.min(s + c.max as usize)
        };
        let lo = s + c.min as usize;
        let lo = if rmax == u32::MAX {
            lo
        } else {
            lo.max(e.saturating_sub(rmax as usize))
        };
        if lo > hi {
            return Ok(false);
        }
        let plain = c.plain() && !matches!(c.kind, Kind::Set | Kind::Empty | Kind::Bol | Kind::Eol);
        let f = if plain {
            Some(self.ends(&c, s, hi)?)
        } else {
            None
        };
        for j in (lo..=hi).rev() {
            if let Some(f) = &f {
                if f[j - s] != 0 && self.seq(a + 1, len - 1, j, e, k)? {
                    return Ok(true);
                }
                continue;
            }
            let mark = self.trail.len;
            if self.node(id, s, j, &mut |me: &mut Self| {
                me.seq(a + 1, len - 1, j, e, &mut *k)
            })? {
                return Ok(true);
            }
            self.undo(mark);
        }
        Ok(false)
    }
}

/// What to match after a part, in the backtracking search.
type Cont<'k, 'a> = dyn FnMut(&mut Backtrack<'a>) -> Result<bool, Stop> + 'k;

/// regcomp(3): compiles `pattern` into `preg`.
///
/// # Safety
/// `preg` is writable and `pattern` a NUL-terminated string.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn regcomp(preg: *mut Regex, pattern: *const c_char, cflags: c_int) -> c_int {
    // SAFETY: per the contract.
    let pat = unsafe { core::ffi::CStr::from_ptr(pattern) }.to_bytes();
    let prog = match compile(pat, cflags) {
        Ok(p) => p,
        // As glibc: POSIX has no separate code for an unmatched `\)`.
        Err(ERPAREN) => return EPAREN,
        Err(e) => return e,
    };
    let mem = malloc(size_of::<Prog>()).cast::<Prog>();
    if mem.is_null() {
        return ESPACE;
    }
    // SAFETY: `mem` is fresh and big enough; `preg` is writable.
    unsafe {
        (*preg).re_nsub = prog.nsub as usize;
        mem.write(prog);
        (*preg).__re_impl = mem.cast();
    }
    0
}

fn compile(pat: &[u8], cflags: c_int) -> Result<Prog, c_int> {
    let mut p = Parser {
        p: pat,
        i: 0,
        ere: cflags & EXTENDED != 0,
        icase: cflags & ICASE != 0,
        newline: cflags & NEWLINE != 0,
        nodes: Buf::new(),
        kids: Buf::new(),
        sets: Buf::new(),
        nsub: 0,
        closed: 0,
        depth: 0,
        backrefs: false,
        open: 0,
    };
    let root = p.regex()?;
    if p.i < pat.len() {
        // Only a BRE's `\)` can stop the top level early.
        return Err(if p.ere { BADPAT } else { ERPAREN });
    }
    let mut nodes = p.nodes;
    let kids = p.kids;
    let mut fwd = Compiler {
        nodes: &mut nodes,
        kids: &kids,
        out: Buf::new(),
        rev: false,
    };
    fwd.frag(root).ok_or(ESPACE)?;
    let fwd = fwd.out;
    let mut rev = Compiler {
        nodes: &mut nodes,
        kids: &kids,
        out: Buf::new(),
        rev: true,
    };
    rev.frag(root).ok_or(ESPACE)?;
    let rev = rev.out;
    Ok(Prog {
        nodes,
        kids,
        sets: p.sets,
        fwd,
        rev,
        root,
        nsub: p.nsub,
        cflags,
        backrefs: p.backrefs,
    })
}

/// regexec(3): matches `string` against `preg`, filling `pmatch[..nmatch]`.
///
/// # Safety
/// `preg` was compiled by `regcomp`; `string` is NUL-terminated (or, with
/// `REG_STARTEND`, readable up to `pmatch[0].rm_eo`); `pmatch` holds
/// `nmatch` entries.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn regexec(
    preg: *const Regex,
    string: *const c_char,
    nmatch: usize,
    pmatch: *mut RegMatch,
    eflags: c_int,
) -> c_int {
    // SAFETY: regcomp stored a Prog there.
    let prog = unsafe { &*(*preg).__re_impl.cast::<Prog>() };
    let nosub = prog.cflags & NOSUB != 0;
    let (from, s) = if eflags & STARTEND != 0 {
        // SAFETY: the caller passes pmatch[0] with the bounds.
        let m = unsafe { *pmatch };
        if m.rm_so < 0 || m.rm_eo < m.rm_so {
            return NOMATCH;
        }
        // SAFETY: the caller's string holds rm_eo bytes.
        (m.rm_so as usize, unsafe {
            core::slice::from_raw_parts(string.cast::<u8>(), m.rm_eo as usize)
        })
    } else {
        // SAFETY: NUL-terminated per the contract.
        (0, unsafe { core::ffi::CStr::from_ptr(string) }.to_bytes())
    };
    let nmatch = if nosub || pmatch.is_null() { 0 } else { nmatch };
    let caps = if nmatch == 0 {
        &mut [][..]
    } else {
        // SAFETY: the caller passes nmatch entries.
        unsafe { core::slice::from_raw_parts_mut(pmatch, nmatch) }
    };
    let sub = Subject {
        s,
        notbol: eflags & NOTBOL != 0,
        noteol: eflags & NOTEOL != 0,
        newline: prog.cflags & NEWLINE != 0,
        icase: prog.cflags & ICASE != 0,
    };
    let r = if prog.backrefs {
        exec_backtrack(prog, &sub, from, caps)
    } else {
        exec_nfa(prog, &sub, from, caps)
    };
    r.unwrap_or(ESPACE)
}

fn exec_nfa(prog: &Prog, sub: &Subject, from: usize, caps: &mut [RegMatch]) -> Option<c_int> {
    let mut sim = Sim::new(prog.fwd.len().max(prog.rev.len()))?;
    let Some((s, e)) = sim.search(prog, sub, from)? else {
        return Some(NOMATCH);
    };
    if caps.is_empty() {
        return Some(0);
    }
    for c in caps.iter_mut() {
        *c = RegMatch {
            rm_so: -1,
            rm_eo: -1,
        };
    }
    caps[0] = RegMatch {
        rm_so: s as RegOff,
        rm_eo: e as RegOff,
    };
    if caps.len() > 1 && prog.nsub > 0 {
        let mut d = Decomposer {
            prog,
            sub,
            sim,
            caps,
        };
        d.run(prog.root, s, e)?;
    }
    Some(0)
}

fn exec_backtrack(prog: &Prog, sub: &Subject, from: usize, caps: &mut [RegMatch]) -> Option<c_int> {
    let mut bt = Backtrack {
        prog,
        sub,
        sim: Sim::new(prog.fwd.len())?,
        caps: Buf::filled(prog.nsub as usize + 1, UNSET)?,
        trail: Buf::new(),
        steps: 0,
        depth: 0,
    };
    let root = prog.nodes[prog.root as usize];
    let n = sub.s.len();
    for s in from..=n {
        let hi = if root.max == u32::MAX {
            n
        } else {
            n.min(s + root.max as usize)
        };
        let lo = s + root.min as usize;
        if lo > hi {
            continue;
        }
        for e in (lo..=hi).rev() {
            bt.undo(0);
            match bt.node(prog.root, s, e, &mut |_| Ok(true)) {
                Err(Stop) => return Some(ESPACE),
                Ok(false) => {}
                Ok(true) => {
                    for (i, c) in caps.iter_mut().enumerate() {
                        let (a, b) = if i == 0 {
                            (s, e)
                        } else {
                            bt.caps.get(i).copied().unwrap_or(UNSET)
                        };
                        *c = if a == usize::MAX {
                            RegMatch {
                                rm_so: -1,
                                rm_eo: -1,
                            }
                        } else {
                            RegMatch {
                                rm_so: a as RegOff,
                                rm_eo: b as RegOff,
                            }
                        };
                    }
                    return Some(0);
                }
            }
        }
    }
    Some(NOMATCH)
}

/// regfree(3): frees what `regcomp` allocated.
///
/// # Safety
/// `preg` was compiled by `regcomp` and not freed since.
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn regfree(preg: *mut Regex) {
    // SAFETY: regcomp stored a Prog there, dropped once here.
    unsafe {
        let p = (*preg).__re_impl.cast::<Prog>();
        if !p.is_null() {
            core::ptr::drop_in_place(p);
            free(p.cast());
            (*preg).__re_impl = null_mut();
        }
    }
}

/// regerror(3): the message for `errcode` into `errbuf` (at most
/// `errbuf_size` bytes, NUL included); returns the size the whole message
/// needs.
///
/// # Safety
/// `errbuf` holds `errbuf_size` bytes (or `errbuf_size` is 0).
#[unsafe(no_mangle)]
#[linkage = "weak"]
pub unsafe extern "C" fn regerror(
    errcode: c_int,
    _preg: *const Regex,
    errbuf: *mut c_char,
    errbuf_size: usize,
) -> usize {
    let msg: &[u8] = match errcode {
        0 => b"Success",
        NOMATCH => b"No match",
        BADPAT => b"Invalid regular expression",
        ECOLLATE => b"Invalid collation character",
        ECTYPE => b"Invalid character class name",
        EESCAPE => b"Trailing backslash",
        ESUBREG => b"Invalid back reference",
        EBRACK => b"Unmatched [, [^, [:, [., or [=",
        EPAREN => b"Unmatched ( or \\(",
        EBRACE => b"Unmatched \\{",
        BADBR => b"Invalid content of \\{\\}",
        ERANGE => b"Invalid range end",
        ESPACE => b"Memory exhausted",
        BADRPT => b"Invalid preceding regular expression",
        EEND => b"Premature end of regular expression",
        ESIZE => b"Regular expression too big",
        ERPAREN => b"Unmatched ) or \\)",
        _ => b"Unknown error",
    };
    if errbuf_size > 0 {
        let n = msg.len().min(errbuf_size - 1);
        // SAFETY: errbuf holds errbuf_size > n bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(msg.as_ptr(), errbuf.cast::<u8>(), n);
            *errbuf.add(n) = 0;
        }
    }
    msg.len() + 1
}
