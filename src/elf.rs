//! The ELF muslin reads: its own program headers (for `PT_TLS`), through
//! the native-layout [`Phdr`], and the vDSO's dynamic symbols, through
//! [`find_symbol`], which reads fields by offset in the image's class and
//! byte order from a byte slice, so that the host tests run the code the
//! target runs on every arch's layout.
#![allow(missing_docs)]

#[cfg(target_pointer_width = "64")]
mod imp {
    /// A program header, 64-bit layout.
    #[repr(C)]
    pub struct Phdr {
        pub ty: u32,
        pub flags: u32,
        pub offset: u64,
        pub vaddr: u64,
        pub paddr: u64,
        pub filesz: u64,
        pub memsz: u64,
        pub align: u64,
    }
}

#[cfg(target_pointer_width = "32")]
mod imp {
    /// A program header, 32-bit layout.
    #[repr(C)]
    pub struct Phdr {
        pub ty: u32,
        pub offset: u32,
        pub vaddr: u32,
        pub paddr: u32,
        pub filesz: u32,
        pub memsz: u32,
        pub flags: u32,
        pub align: u32,
    }
}

pub use imp::*;

/// `PT_LOAD`.
pub const PT_LOAD: u32 = 1;
/// `PT_DYNAMIC`.
pub const PT_DYNAMIC: u32 = 2;
/// `PT_PHDR`.
pub const PT_PHDR: u32 = 6;
/// `PT_TLS`.
pub const PT_TLS: u32 = 7;

/// `DT_NULL`: the end of the dynamic section.
const DT_NULL: usize = 0;
/// `DT_HASH`: the SysV symbol hash table.
const DT_HASH: usize = 4;
/// `DT_STRTAB`: the dynamic string table.
const DT_STRTAB: usize = 5;
/// `DT_SYMTAB`: the dynamic symbol table.
const DT_SYMTAB: usize = 6;
/// `DT_GNU_HASH`: the GNU symbol hash table.
const DT_GNU_HASH: usize = 0x6fff_fef5;
/// `DT_VERSYM`: each dynamic symbol's version index.
const DT_VERSYM: usize = 0x6fff_fff0;
/// `DT_VERDEF`: the chain of version definitions.
const DT_VERDEF: usize = 0x6fff_fffc;
/// `SHN_UNDEF`: the symbol is not defined here.
const SHN_UNDEF: usize = 0;
/// `STT_FUNC`: the highest symbol type [`find_symbol`] accepts (after
/// `STT_NOTYPE` and `STT_OBJECT`).
const STT_FUNC: usize = 2;
/// `VER_FLG_BASE`: the version definition naming the file itself.
const VER_FLG_BASE: usize = 1;
/// Bit of a `DT_VERSYM` entry that marks a hidden symbol, not part of the
/// version index.
const VERSYM_HIDDEN: usize = 0x8000;

/// How an ELF image encodes its fields. On target the only image parsed
/// this way is the vDSO, always in the running program's own format
/// ([`Format::native`]); the host tests feed every arch's format through
/// the same code.
#[derive(Copy, Clone, Debug)]
pub struct Format {
    /// `ELFCLASS64`: addresses, offsets and dynamic entries are 8 bytes.
    pub wide: bool,
    /// Most significant byte first.
    pub big_endian: bool,
    /// Width of a `DT_HASH` table entry: 4 bytes, except 8 on s390x (and
    /// alpha), whose ABIs widened the SysV hash table with the class.
    pub hash_entry: usize,
}

impl Format {
    /// The running program's format, with the arch's `DT_HASH` entry width.
    pub const fn native(hash_entry: usize) -> Format {
        Format {
            wide: size_of::<usize>() == 8,
            big_endian: cfg!(target_endian = "big"),
            hash_entry,
        }
    }

    /// Size of the ELF header.
    pub const fn header_size(self) -> usize {
        if self.wide { 64 } else { 52 }
    }

    /// Size of an address, offset or dynamic-section field.
    const fn word(self) -> usize {
        if self.wide { 8 } else { 4 }
    }
}

/// Bounds-checked reads of the fields of an image in a given [`Format`]:
/// `(at, field)` is the field at offset `field` of the structure at offset
/// `at`. `None` past the end (or on overflow). Fields wider than `usize`
/// keep their low bits, which only a 64-bit image read on a 32-bit machine
/// would see: never, as a target parses only its own vDSO.
struct Reader<'a> {
    bytes: &'a [u8],
    f: Format,
}

impl Reader<'_> {
    /// The `n`-byte unsigned field.
    fn uint(&self, at: usize, field: usize, n: usize) -> Option<usize> {
        let start = at.checked_add(field)?;
        let b = self.bytes.get(start..start.checked_add(n)?)?;
        let fold = |v: usize, &x: &u8| (v << 8) | x as usize;
        Some(if self.f.big_endian {
            b.iter().fold(0, fold)
        } else {
            b.iter().rev().fold(0, fold)
        })
    }

    fn u8(&self, at: usize, field: usize) -> Option<usize> {
        self.uint(at, field, 1)
    }

    fn u16(&self, at: usize, field: usize) -> Option<usize> {
        self.uint(at, field, 2)
    }

    fn u32(&self, at: usize, field: usize) -> Option<usize> {
        self.uint(at, field, 4)
    }

    /// An address, offset, size or dynamic-section field.
    fn word(&self, at: usize, field: usize) -> Option<usize> {
        self.uint(at, field, self.f.word())
    }

    /// Element `i` of the array at `at` whose elements are `size` bytes.
    fn index(at: usize, i: usize, size: usize) -> Option<usize> {
        at.checked_add(i.checked_mul(size)?)
    }

    /// Whether the NUL-terminated string at `at` is `name`.
    fn str_is(&self, at: usize, name: &[u8]) -> bool {
        let end = at.saturating_add(name.len());
        self.bytes.get(at..end) == Some(name) && self.bytes.get(end) == Some(&0)
    }

    /// The program header table: (offset, entry size, entry count), and
    /// where it ends.
    fn program_headers(&self) -> Option<(usize, usize, usize, usize)> {
        let (off, size, count) = if self.f.wide {
            (self.word(0, 32)?, self.u16(0, 54)?, self.u16(0, 56)?)
        } else {
            (self.word(0, 28)?, self.u16(0, 42)?, self.u16(0, 44)?)
        };
        Some((off, size, count, Self::index(off, count, size)?))
    }

    /// Each program header: (type, file offset, virtual address, size in
    /// the file).
    fn segments(&self) -> Option<impl Iterator<Item = Option<Segment>>> {
        let (off, size, count, _) = self.program_headers()?;
        Some((0..count).map(move |i| {
            // No overflow: `program_headers` checked the table's end.
            let ph = off + i * size;
            let ty = self.u32(ph, 0)?;
            Some(if self.f.wide {
                Segment {
                    ty,
                    offset: self.word(ph, 8)?,
                    vaddr: self.word(ph, 16)?,
                    filesz: self.word(ph, 32)?,
                }
            } else {
                Segment {
                    ty,
                    offset: self.word(ph, 4)?,
                    vaddr: self.word(ph, 8)?,
                    filesz: self.word(ph, 16)?,
                }
            })
        }))
    }
}

/// The fields of a program header that the symbol lookup needs.
struct Segment {
    ty: usize,
    offset: usize,
    vaddr: usize,
    filesz: usize,
}

/// How many bytes the ELF image that starts with `head` spans, as far as
/// `head` can tell: when `head` holds only the ELF header, the end of the
/// program header table; when it holds that too, the furthest end of the
/// headers and of the `PT_LOAD` segments' file contents. A caller that sees
/// memory, not a file, grows `head` to the answer until it stops growing.
/// `None` when `head` is shorter than [`Format::header_size`] or the
/// headers overflow.
pub fn span(head: &[u8], f: Format) -> Option<usize> {
    let r = Reader { bytes: head, f };
    let (_, _, _, table_end) = r.program_headers()?;
    let mut end = table_end.max(f.header_size());
    if head.len() < table_end {
        return Some(end);
    }
    for s in r.segments()? {
        let s = s?;
        if s.ty == PT_LOAD as usize {
            end = end.max(s.offset.checked_add(s.filesz)?);
        }
    }
    Some(end)
}

/// Finds the dynamic symbol `name` of version `version` in `image`, an ELF
/// image as mapped (a vDSO: file offset = position in `image`), and returns
/// the symbol's offset in `image`.
///
/// The symbol must be defined (section index not `SHN_UNDEF`) and of type
/// `STT_NOTYPE`, `STT_OBJECT` or `STT_FUNC`. When the image carries symbol
/// versions (`DT_VERSYM` and `DT_VERDEF`), the symbol's version must be
/// `version`; an unversioned image's symbols match any. The symbols are
/// counted with `DT_HASH` (its `nchain`), or else `DT_GNU_HASH`. Anything
/// malformed or out of bounds gives `None`.
pub fn find_symbol(image: &[u8], f: Format, name: &[u8], version: &[u8]) -> Option<usize> {
    let r = Reader { bytes: image, f };
    // Address - `to_offset` = file offset, from the first PT_LOAD.
    let (mut to_offset, mut dynamic) = (None, None);
    for s in r.segments()? {
        let s = s?;
        if s.ty == PT_LOAD as usize && to_offset.is_none() {
            to_offset = Some(s.vaddr.wrapping_sub(s.offset));
        } else if s.ty == PT_DYNAMIC as usize {
            dynamic = Some(s.offset);
        }
    }
    let (to_offset, dynamic) = (to_offset?, dynamic?);
    let t = Tables::read(&r, dynamic, to_offset)?;
    let versioned = t.versym.is_some() && t.verdef.is_some();
    let sym_size = if f.wide { 24 } else { 16 };
    for i in 0..t.symbol_count(&r)? {
        let s = Reader::index(t.symtab, i, sym_size)?;
        let (st_name, info, shndx, value) = if f.wide {
            (r.u32(s, 0)?, r.u8(s, 4)?, r.u16(s, 6)?, r.word(s, 8)?)
        } else {
            (r.u32(s, 0)?, r.u8(s, 12)?, r.u16(s, 14)?, r.word(s, 4)?)
        };
        if shndx == SHN_UNDEF || info & 0xf > STT_FUNC {
            continue;
        }
        if !r.str_is(t.strtab.checked_add(st_name)?, name) {
            continue;
        }
        if versioned && !t.has_version(&r, i, version)? {
            continue;
        }
        let at = value.wrapping_sub(to_offset);
        return (at < image.len()).then_some(at);
    }
    None
}

/// Where the dynamic section's tables are (offsets in the image).
struct Tables {
    strtab: usize,
    symtab: usize,
    hash: Option<usize>,
    gnu_hash: Option<usize>,
    versym: Option<usize>,
    verdef: Option<usize>,
}

impl Tables {
    /// Reads the dynamic section at offset `dynamic`; addresses become
    /// offsets by subtracting `to_offset`. `None` without a string or
    /// symbol table.
    fn read(r: &Reader<'_>, dynamic: usize, to_offset: usize) -> Option<Tables> {
        let (mut strtab, mut symtab) = (None, None);
        let mut t = Tables {
            strtab: 0,
            symtab: 0,
            hash: None,
            gnu_hash: None,
            versym: None,
            verdef: None,
        };
        let w = r.f.word();
        for i in 0.. {
            let d = Reader::index(dynamic, i, 2 * w)?;
            let tag = r.word(d, 0)?;
            if tag == DT_NULL {
                break;
            }
            let at = Some(r.word(d, w)?.wrapping_sub(to_offset));
            match tag {
                DT_STRTAB => strtab = at,
                DT_SYMTAB => symtab = at,
                DT_HASH => t.hash = at,
                DT_GNU_HASH => t.gnu_hash = at,
                DT_VERSYM => t.versym = at,
                DT_VERDEF => t.verdef = at,
                _ => {}
            }
        }
        t.strtab = strtab?;
        t.symtab = symtab?;
        Some(t)
    }

    /// Number of dynamic symbols: `DT_HASH`'s `nchain`, or one past the
    /// last symbol reachable through `DT_GNU_HASH` (whose buckets hold the
    /// first symbol of each chain, and whose chain words mark a chain's
    /// last symbol with bit 0).
    fn symbol_count(&self, r: &Reader<'_>) -> Option<usize> {
        if let Some(hash) = self.hash {
            // nbucket, then nchain, each one entry wide.
            return r.uint(hash, r.f.hash_entry, r.f.hash_entry);
        }
        let Some(gnu) = self.gnu_hash else {
            return Some(0);
        };
        let nbuckets = r.u32(gnu, 0)?;
        let symoffset = r.u32(gnu, 4)?;
        let bloom_words = r.u32(gnu, 8)?;
        // The bloom filter's words are the class's width; the rest is 32-bit.
        let buckets = Reader::index(gnu.checked_add(16)?, bloom_words, r.f.word())?;
        let chains = Reader::index(buckets, nbuckets, 4)?;
        let mut last = 0;
        for i in 0..nbuckets {
            last = last.max(r.u32(buckets, 4 * i)?);
        }
        if last < symoffset {
            return Some(symoffset);
        }
        while r.u32(Reader::index(chains, last - symoffset, 4)?, 0)? & 1 == 0 {
            last += 1;
        }
        Some(last + 1)
    }

    /// Whether symbol `i`'s version (through `DT_VERSYM` and `DT_VERDEF`)
    /// is named `want`. The file's base definition names no version.
    fn has_version(&self, r: &Reader<'_>, i: usize, want: &[u8]) -> Option<bool> {
        let (versym, mut def) = (self.versym?, self.verdef?);
        let index = r.u16(Reader::index(versym, i, 2)?, 0)? & !VERSYM_HIDDEN;
        loop {
            // Elf_Verdef: vd_flags at 2, vd_ndx at 4, vd_aux at 12, vd_next at 16.
            if r.u16(def, 2)? & VER_FLG_BASE == 0 && r.u16(def, 4)? == index {
                // Its first Elf_Verdaux names the version (vda_name at 0).
                let aux = def.checked_add(r.u32(def, 12)?)?;
                let name = self.strtab.checked_add(r.u32(aux, 0)?)?;
                return Some(r.str_is(name, want));
            }
            match r.u32(def, 16)? {
                0 => return Some(false),
                next => def = def.checked_add(next)?,
            }
        }
    }
}

/// The whole ELF image of which `view(len)` shows the first `len` bytes,
/// for an image in memory that nothing else gives the length of (the
/// vDSO): starting with the ELF header, `len` grows to what the headers
/// say the image spans (see [`span`]). `view` is asked only for lengths
/// the image's own headers claim. `None` when they are malformed.
pub fn whole_image<'a>(f: Format, view: impl Fn(usize) -> &'a [u8]) -> Option<&'a [u8]> {
    let mut len = f.header_size();
    // Header, then program headers, then segments: three views suffice.
    for _ in 0..3 {
        let head = view(len);
        len = span(head, f)?;
        if len <= head.len() {
            return Some(head);
        }
    }
    None
}
