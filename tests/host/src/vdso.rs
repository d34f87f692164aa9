//! muslin's vDSO symbol lookup (`src/elf.rs`, the code the target runs)
//! on synthetic vDSO images built here in each arch's layout: class, byte
//! order, `DT_HASH` entry width, hash tables and symbol versions as the
//! kernel's vDSO on that arch has them, and the symbol muslin looks up
//! there (read from `arch/<arch>/mod.rs`, and checked against the kernel's
//! own names and versions below).

use crate::elf::{self, Format};

/// Which symbol hash tables an image has.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Hash {
    Sysv,
    Gnu,
    Both,
}

/// The kernel's vDSO on one arch (facts from its vDSO linker script and
/// Makefile, and the ELF ABI of the arch).
struct Arch {
    /// `arch/<name>/`.
    name: &'static str,
    /// The arch's `mod.rs`, whose constants muslin uses.
    source: &'static str,
    wide: bool,
    big_endian: bool,
    /// `DT_HASH` entry width.
    hash_entry: usize,
    /// The vDSO's 64-bit-time `clock_gettime`, and its version node.
    symbol: &'static str,
    version: &'static str,
    /// The hash tables the kernel links the vDSO with.
    hash: Hash,
    /// The vDSO's other exported functions (decoys).
    others: &'static [&'static str],
}

const VDSO_OTHERS: &[&str] = &[
    "__vdso_gettimeofday",
    "__vdso_time",
    "__vdso_clock_getres",
    "__vdso_clock_gettime",
    "__vdso_clock_gettime64",
    "__vdso_getcpu",
];
const KERNEL_OTHERS: &[&str] = &[
    "__kernel_gettimeofday",
    "__kernel_clock_getres",
    "__kernel_clock_gettime",
    "__kernel_clock_gettime64",
    "__kernel_getcpu",
];

const ARCHES: &[Arch] = &[
    Arch {
        name: "x86_64",
        source: include_str!("../../../arch/x86_64/mod.rs"),
        wide: true,
        big_endian: false,
        hash_entry: 4,
        symbol: "__vdso_clock_gettime",
        version: "LINUX_2.6",
        hash: Hash::Both,
        others: VDSO_OTHERS,
    },
    Arch {
        name: "i386",
        source: include_str!("../../../arch/i386/mod.rs"),
        wide: false,
        big_endian: false,
        hash_entry: 4,
        symbol: "__vdso_clock_gettime64",
        version: "LINUX_2.6",
        hash: Hash::Both,
        others: VDSO_OTHERS,
    },
    Arch {
        name: "aarch64",
        source: include_str!("../../../arch/aarch64/mod.rs"),
        wide: true,
        big_endian: false,
        hash_entry: 4,
        symbol: "__kernel_clock_gettime",
        version: "LINUX_2.6.39",
        hash: Hash::Sysv,
        others: KERNEL_OTHERS,
    },
    Arch {
        name: "arm",
        source: include_str!("../../../arch/arm/mod.rs"),
        wide: false,
        big_endian: false,
        hash_entry: 4,
        symbol: "__vdso_clock_gettime64",
        version: "LINUX_2.6",
        hash: Hash::Sysv,
        others: VDSO_OTHERS,
    },
    Arch {
        name: "riscv64",
        source: include_str!("../../../arch/riscv64/mod.rs"),
        wide: true,
        big_endian: false,
        hash_entry: 4,
        symbol: "__vdso_clock_gettime",
        version: "LINUX_4.15",
        hash: Hash::Both,
        others: VDSO_OTHERS,
    },
    Arch {
        name: "powerpc64le",
        source: include_str!("../../../arch/powerpc64le/mod.rs"),
        wide: true,
        big_endian: false,
        hash_entry: 4,
        symbol: "__kernel_clock_gettime",
        version: "LINUX_2.6.15",
        hash: Hash::Both,
        others: KERNEL_OTHERS,
    },
    Arch {
        name: "s390x",
        source: include_str!("../../../arch/s390x/mod.rs"),
        wide: true,
        big_endian: true,
        hash_entry: 8,
        symbol: "__kernel_clock_gettime",
        version: "LINUX_2.6.29",
        hash: Hash::Both,
        others: KERNEL_OTHERS,
    },
    Arch {
        name: "loongarch64",
        source: include_str!("../../../arch/loongarch64/mod.rs"),
        wide: true,
        big_endian: false,
        hash_entry: 4,
        symbol: "__vdso_clock_gettime",
        version: "LINUX_5.10",
        hash: Hash::Sysv,
        others: VDSO_OTHERS,
    },
];

impl Arch {
    fn format(&self) -> Format {
        Format {
            wide: self.wide,
            big_endian: self.big_endian,
            hash_entry: self.hash_entry,
        }
    }
}

/// The value of `pub const NAME: TYPE = VALUE;` in an arch's `mod.rs`.
fn arch_const<'a>(source: &'a str, name: &str) -> &'a str {
    let start = format!("pub const {name}: ");
    let line = source
        .lines()
        .find(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("no `{start}` line"));
    let value = line.split_once(" = ").expect("a value").1;
    value.strip_suffix(';').expect("a ;")
}

/// A byte-string constant's text (`b"..."`).
fn arch_bytes<'a>(source: &'a str, name: &str) -> &'a str {
    let v = arch_const(source, name);
    v.strip_prefix("b\"")
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{name} is not a byte string: {v}"))
}

/// One dynamic symbol of a synthetic image.
#[derive(Clone)]
struct Sym {
    name: String,
    /// Offset of what it names in the image (its address is that plus the
    /// image's load address).
    offset: u64,
    /// `st_info`: binding << 4 | type.
    info: u8,
    shndx: u16,
    /// Index into the version definitions (1: the file's base, 2: the
    /// arch's version, 3: another one).
    version: u16,
}

const STB_GLOBAL: u8 = 1;
const STT_OBJECT: u8 = 1;
const STT_FUNC: u8 = 2;
const STT_TLS: u8 = 6;
const SHN_ABS: u16 = 0xfff1;
/// The `.text` section's index in the synthetic images.
const TEXT: u16 = 7;
/// Where the synthetic images keep their "code".
const TEXT_AT: u64 = 0x400;

fn func(name: &str, k: u64, version: u16) -> Sym {
    Sym {
        name: name.into(),
        offset: TEXT_AT + 16 * k,
        info: STB_GLOBAL << 4 | STT_FUNC,
        shndx: TEXT,
        version,
    }
}

/// A synthetic vDSO.
struct Image {
    f: Format,
    /// Address the image is linked at (`PT_LOAD`'s `p_vaddr` for offset 0).
    load: u64,
    hash: Hash,
    /// With `DT_VERSYM`/`DT_VERDEF`.
    versioned: bool,
    /// Names of version definitions 2 and 3.
    versions: [String; 2],
    /// Symbols after the null symbol 0.
    syms: Vec<Sym>,
}

/// Writes fields in an image's byte order.
struct Out {
    f: Format,
    bytes: Vec<u8>,
}

impl Out {
    fn put(&mut self, at: u64, n: usize, v: u64) {
        let at = at as usize;
        if self.bytes.len() < at + n {
            self.bytes.resize(at + n, 0);
        }
        let b = v.to_le_bytes();
        for i in 0..n {
            let byte = if self.f.big_endian {
                b[n - 1 - i]
            } else {
                b[i]
            };
            self.bytes[at + i] = byte;
        }
    }
    fn word(&mut self, at: u64, v: u64) {
        let n = if self.f.wide { 8 } else { 4 };
        self.put(at, n, v);
    }
    /// Appends `bytes` at the next 8-byte boundary; returns their offset.
    fn append(&mut self, bytes: &[u8]) -> u64 {
        let at = self.bytes.len().next_multiple_of(8);
        self.bytes.resize(at, 0);
        self.bytes.extend_from_slice(bytes);
        at as u64
    }
    /// Reserves `n` zero bytes at the next 8-byte boundary.
    fn reserve(&mut self, n: usize) -> u64 {
        self.append(&vec![0; n])
    }
}

fn gnu_hash(name: &[u8]) -> u32 {
    name.iter()
        .fold(5381u32, |h, &c| h.wrapping_mul(33).wrapping_add(c as u32))
}

const GNU_BUCKETS: u32 = 3;

impl Image {
    /// The image of `arch`'s vDSO, with the hash tables its kernel has.
    fn of(arch: &Arch) -> Image {
        let mut syms = vec![
            // The version node's own symbol, as the linker makes it.
            Sym {
                name: arch.version.into(),
                offset: 0,
                info: STB_GLOBAL << 4 | STT_OBJECT,
                shndx: SHN_ABS,
                version: 2,
            },
        ];
        for (k, name) in arch.others.iter().enumerate() {
            if *name != arch.symbol {
                syms.push(func(name, k as u64 + 1, 2));
            }
        }
        // Last, so that a short symbol count misses it.
        syms.push(func(arch.symbol, 0, 2));
        Image {
            f: arch.format(),
            load: 0,
            hash: arch.hash,
            versioned: true,
            versions: [arch.version.into(), "LINUX_9.99".into()],
            syms,
        }
    }

    /// The symbols in table order: a GNU hash table needs those it covers
    /// (all but the null symbol) grouped by bucket.
    fn ordered(&self) -> Vec<Sym> {
        let mut syms = self.syms.clone();
        if self.hash != Hash::Sysv {
            syms.sort_by_key(|s| gnu_hash(s.name.as_bytes()) % GNU_BUCKETS);
        }
        syms
    }

    fn build(&self) -> Vec<u8> {
        let f = self.f;
        let w: u64 = if f.wide { 8 } else { 4 };
        let syms = self.ordered();
        let nsyms = syms.len() as u64 + 1;
        let mut o = Out {
            f,
            bytes: Vec::new(),
        };
        let (ehsize, phentsize) = if f.wide { (64, 56) } else { (52, 32) };
        let phnum = 3u64;
        o.reserve((TEXT_AT + 0x200) as usize);

        // Strings: the soname, the version names, the symbol names.
        let mut strtab = vec![0u8];
        let mut string = |s: &str| {
            let at = strtab.len() as u64;
            strtab.extend_from_slice(s.as_bytes());
            strtab.push(0);
            at
        };
        let soname = string("linux-vdso.so.1");
        let vnames = [string(&self.versions[0]), string(&self.versions[1])];
        let names: Vec<u64> = syms.iter().map(|s| string(&s.name)).collect();
        let strtab_at = o.append(&strtab);

        let sym_size: u64 = if f.wide { 24 } else { 16 };
        let symtab_at = o.reserve((nsyms * sym_size) as usize);
        for (i, s) in syms.iter().enumerate() {
            let at = symtab_at + (i as u64 + 1) * sym_size;
            let value = if s.shndx == SHN_ABS {
                0
            } else {
                self.load + s.offset
            };
            o.put(at, 4, names[i]);
            if f.wide {
                o.put(at + 4, 1, s.info as u64);
                o.put(at + 6, 2, s.shndx as u64);
                o.put(at + 8, 8, value);
                o.put(at + 16, 8, 16);
            } else {
                o.put(at + 4, 4, value);
                o.put(at + 8, 4, 16);
                o.put(at + 12, 1, s.info as u64);
                o.put(at + 14, 2, s.shndx as u64);
            }
        }

        // SysV hash: nbucket, nchain, buckets, chains (entries of the
        // arch's width). One bucket chaining every symbol is valid.
        let mut dynamic = vec![(5u64, strtab_at), (6, symtab_at), (10, strtab.len() as u64)];
        if self.hash != Hash::Gnu {
            let e = f.hash_entry as u64;
            let at = o.reserve(((3 + nsyms) * e) as usize);
            o.put(at, e as usize, 1);
            o.put(at + e, e as usize, nsyms);
            o.put(at + 2 * e, e as usize, nsyms - 1);
            for i in 1..nsyms {
                o.put(at + (3 + i) * e, e as usize, i - 1);
            }
            dynamic.push((4, at));
        }
        // GNU hash: nbuckets, symoffset 1, one bloom word (all ones: every
        // name "may be there"), shift; buckets; chain words, bit 0 ending
        // each bucket's run.
        if self.hash != Hash::Sysv {
            let n = GNU_BUCKETS as u64;
            let at = o.reserve((16 + w + 4 * n + 4 * nsyms) as usize);
            o.put(at, 4, n);
            o.put(at + 4, 4, 1);
            o.put(at + 8, 4, 1);
            o.put(at + 12, 4, 6);
            o.word(at + 16, u64::MAX);
            let buckets = at + 16 + w;
            let chains = buckets + 4 * n;
            let hashes: Vec<u32> = syms.iter().map(|s| gnu_hash(s.name.as_bytes())).collect();
            for (i, &h) in hashes.iter().enumerate() {
                let b = (h % GNU_BUCKETS) as u64;
                let first = i == 0 || hashes[i - 1] % GNU_BUCKETS != h % GNU_BUCKETS;
                let last = hashes
                    .get(i + 1)
                    .is_none_or(|&g| g % GNU_BUCKETS != h % GNU_BUCKETS);
                if first {
                    o.put(buckets + 4 * b, 4, i as u64 + 1);
                }
                o.put(chains + 4 * i as u64, 4, (h & !1 | last as u32) as u64);
            }
            dynamic.push((0x6fff_fef5, at));
        }
        if self.versioned {
            let versym = o.reserve((2 * nsyms) as usize);
            for (i, s) in syms.iter().enumerate() {
                o.put(versym + 2 * (i as u64 + 1), 2, s.version as u64);
            }
            // Three definitions: the base (the soname), then the two
            // versions, each with one auxiliary entry right after it.
            let verdef = o.reserve(3 * 28);
            for (k, name) in [soname, vnames[0], vnames[1]].into_iter().enumerate() {
                let at = verdef + 28 * k as u64;
                o.put(at, 2, 1);
                o.put(at + 2, 2, (k == 0) as u64);
                o.put(at + 4, 2, k as u64 + 1);
                o.put(at + 6, 2, 1);
                o.put(at + 12, 4, 20);
                o.put(at + 16, 4, if k == 2 { 0 } else { 28 });
                o.put(at + 20, 4, name);
            }
            dynamic.extend([
                (0x6fff_fff0, versym),
                (0x6fff_fffc, verdef),
                (0x6fff_fffd, 3),
            ]);
        }
        dynamic.push((0, 0));
        let dyn_at = o.reserve(dynamic.len() * 2 * w as usize);
        for (i, &(tag, val)) in dynamic.iter().enumerate() {
            let at = dyn_at + 2 * w * i as u64;
            // Pointer entries are addresses; sizes and counts are not.
            let val = if [4, 5, 6, 0x6fff_fef5, 0x6fff_fff0, 0x6fff_fffc].contains(&tag) {
                self.load + val
            } else {
                val
            };
            o.word(at, tag);
            o.word(at + w, val);
        }
        let len = o.bytes.len() as u64;

        // ELF header and program headers: PT_LOAD (everything), PT_DYNAMIC,
        // PT_NOTE (skipped).
        o.put(0, 4, 0x464c_457f);
        o.bytes[4] = if f.wide { 2 } else { 1 };
        o.bytes[5] = if f.big_endian { 2 } else { 1 };
        o.bytes[6] = 1;
        o.put(16, 2, 3);
        if f.wide {
            o.put(32, 8, ehsize);
            o.put(52, 2, ehsize);
            o.put(54, 2, phentsize);
            o.put(56, 2, phnum);
        } else {
            o.put(28, 4, ehsize);
            o.put(40, 2, ehsize);
            o.put(42, 2, phentsize);
            o.put(44, 2, phnum);
        }
        let dyn_len = dynamic.len() as u64 * 2 * w;
        let segments = [
            (1, 0, len),
            (2, dyn_at, dyn_len),
            (4, TEXT_AT + 0x100, 0x20),
        ];
        for (i, (ty, off, size)) in segments.into_iter().enumerate() {
            let at = ehsize + phentsize * i as u64;
            o.put(at, 4, ty);
            let vaddr = self.load + off;
            if f.wide {
                o.put(at + 8, 8, off);
                o.put(at + 16, 8, vaddr);
                o.put(at + 24, 8, vaddr);
                o.put(at + 32, 8, size);
                o.put(at + 40, 8, size);
            } else {
                o.put(at + 4, 4, off);
                o.put(at + 8, 4, vaddr);
                o.put(at + 12, 4, vaddr);
                o.put(at + 16, 4, size);
                o.put(at + 20, 4, size);
            }
        }
        // Memory past the image: the lookup must not need it.
        assert_eq!(o.bytes.len() as u64, len);
        o.bytes
    }

    /// Looks `name` up as the target does: the image from its headers
    /// (growing a view of memory), then the symbol.
    fn find(&self, f: Format, name: &str, version: &str) -> Option<usize> {
        let bytes = self.build();
        let image = elf::whole_image(f, |len| &bytes[..len]).expect("image spans");
        assert_eq!(image.len(), bytes.len(), "span of the image");
        elf::find_symbol(image, f, name.as_bytes(), version.as_bytes())
    }

    /// Where symbol `name` (of version 2) is in the image.
    fn offset_of(&self, name: &str) -> Option<usize> {
        self.syms
            .iter()
            .find(|s| s.name == name && s.version == 2)
            .map(|s| s.offset as usize)
    }
}

/// Every arch's lookup, on images with each hash-table style, linked at 0
/// and elsewhere: the symbol is found where it is, and not found when
/// missing, undefined, of another version, or of a type not accepted.
fn check_arch(arch: &Arch) {
    let f = arch.format();
    let (name, version) = (arch.symbol, arch.version);
    let mut bad = Vec::new();
    let mut check = |what: String, got: Option<usize>, want: Option<usize>| {
        if got != want {
            bad.push(format!(
                "{}: {what}: got {got:x?}, want {want:x?}",
                arch.name
            ));
        }
    };
    for hash in [Hash::Sysv, Hash::Gnu, Hash::Both, arch.hash] {
        for load in [0, 0x10_0000] {
            let mut img = Image::of(arch);
            img.hash = hash;
            img.load = load;
            let at = |what: &str| format!("{what} ({hash:?} hash, linked at {load:#x})");
            let want = img.offset_of(name);
            check(at("found"), img.find(f, name, version), want);
            for other in arch.others {
                check(
                    at(&format!("decoy {other}")),
                    img.find(f, other, version),
                    img.offset_of(other),
                );
            }
            check(
                at("missing name"),
                img.find(f, "__vdso_nothing", version),
                None,
            );
            let prefix = &name[..name.len() - 1];
            check(at("name prefix"), img.find(f, prefix, version), None);
            check(
                at("wrong version asked"),
                img.find(f, name, "LINUX_9.99"),
                None,
            );

            // The symbol exists only in another version.
            let mut other = Image::of(arch);
            (other.hash, other.load) = (hash, load);
            other.syms.last_mut().unwrap().version = 3;
            check(at("other version only"), other.find(f, name, version), None);

            // Both: the other version comes first and must be skipped.
            let mut both = Image::of(arch);
            (both.hash, both.load) = (hash, load);
            let mut early = func(name, 30, 3);
            early.name = name.into();
            both.syms.insert(1, early);
            check(
                at("right version of two"),
                both.find(f, name, version),
                want,
            );

            // A hidden symbol of the right version still counts.
            let mut hidden = Image::of(arch);
            (hidden.hash, hidden.load) = (hash, load);
            hidden.syms.last_mut().unwrap().version |= 0x8000;
            check(at("hidden bit"), hidden.find(f, name, version), want);

            let mut undefined = Image::of(arch);
            (undefined.hash, undefined.load) = (hash, load);
            undefined.syms.last_mut().unwrap().shndx = 0;
            check(at("undefined"), undefined.find(f, name, version), None);

            let mut tls = Image::of(arch);
            (tls.hash, tls.load) = (hash, load);
            tls.syms.last_mut().unwrap().info = STB_GLOBAL << 4 | STT_TLS;
            check(at("TLS symbol"), tls.find(f, name, version), None);

            let mut object = Image::of(arch);
            (object.hash, object.load) = (hash, load);
            object.syms.last_mut().unwrap().info = STB_GLOBAL << 4 | STT_OBJECT;
            check(at("object symbol"), object.find(f, name, version), want);

            // Without version tables any version matches.
            let mut plain = Image::of(arch);
            (plain.hash, plain.load, plain.versioned) = (hash, load, false);
            check(at("unversioned"), plain.find(f, name, "LINUX_9.99"), want);
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The constants muslin's arch layer gives the lookup are the kernel's.
fn check_arch_consts(arch: &Arch) {
    let s = arch.source;
    assert_eq!(
        arch_bytes(s, "VDSO_CLOCK_GETTIME"),
        arch.symbol,
        "{}",
        arch.name
    );
    assert_eq!(arch_bytes(s, "VDSO_VERSION"), arch.version, "{}", arch.name);
    assert_eq!(
        arch_const(s, "ELF_HASH_ENTRY").parse::<usize>().ok(),
        Some(arch.hash_entry),
        "{}",
        arch.name
    );
}

fn arch(name: &str) -> &'static Arch {
    ARCHES.iter().find(|a| a.name == name).unwrap()
}

macro_rules! arch_tests {
    ($($name:ident: $arch:literal),*) => {$(
        #[test]
        fn $name() {
            check_arch_consts(arch($arch));
            check_arch(arch($arch));
        }
    )*};
}

arch_tests!(
    vdso_lookup_x86_64: "x86_64",
    vdso_lookup_i386: "i386",
    vdso_lookup_aarch64: "aarch64",
    vdso_lookup_arm: "arm",
    vdso_lookup_riscv64: "riscv64",
    vdso_lookup_powerpc64le: "powerpc64le",
    vdso_lookup_s390x: "s390x",
    vdso_lookup_loongarch64: "loongarch64"
);

#[test]
fn vdso_arches_all_covered() {
    let dirs: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../arch"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("mod.rs").exists())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    for d in &dirs {
        assert!(
            ARCHES.iter().any(|a| a.name == d),
            "arch/{d} has no vDSO image test"
        );
    }
    assert_eq!(dirs.len(), ARCHES.len());
}

/// s390x's `DT_HASH` entries are 8 bytes: read as 4, `nchain` would be
/// the low half of `nbucket` (big-endian), and the symbol, last in the
/// table, would not be found. This was muslin's bug.
#[test]
fn vdso_s390x_hash_entry_width_matters() {
    let s390x = arch("s390x");
    let mut img = Image::of(s390x);
    img.hash = Hash::Sysv;
    let right = img.find(s390x.format(), s390x.symbol, s390x.version);
    assert_eq!(right, img.offset_of(s390x.symbol));
    let narrow = Format {
        hash_entry: 4,
        ..s390x.format()
    };
    assert_eq!(img.find(narrow, s390x.symbol, s390x.version), None);
}

/// Truncated or corrupt images give `None`, never a panic or a read out of
/// bounds.
#[test]
fn vdso_malformed_images() {
    for a in ARCHES {
        let f = a.format();
        let mut img = Image::of(a);
        img.hash = Hash::Gnu;
        let bytes = img.build();
        for cut in (0..bytes.len()).step_by(7) {
            let _ = elf::find_symbol(&bytes[..cut], f, a.symbol.as_bytes(), a.version.as_bytes());
            let _ = elf::span(&bytes[..cut], f);
        }
        let mut r = crate::common::Rng(0x5eed);
        for _ in 0..2000 {
            let mut b = bytes.clone();
            for _ in 0..1 + r.below(4) {
                let i = r.below(b.len() as u64) as usize;
                b[i] = r.next() as u8;
            }
            let _ = elf::find_symbol(&b, f, a.symbol.as_bytes(), a.version.as_bytes());
        }
    }
}

/// The lookup on the real vDSO of the host (x86_64, where `x.py` runs these
/// tests), with x86_64's constants: found, and it tells the time.
#[test]
#[cfg(target_arch = "x86_64")]
fn vdso_lookup_real_host_vdso() {
    // SAFETY: getauxval has no preconditions.
    let base = unsafe { libc::getauxval(libc::AT_SYSINFO_EHDR) } as usize;
    if base == 0 {
        println!("no vDSO mapped on this host: nothing to look up");
        return;
    }
    let x86_64 = arch("x86_64");
    let f = x86_64.format();
    let image = elf::whole_image(f, |len| {
        // SAFETY: the kernel maps the whole vDSO at `base`, and
        // `whole_image` asks only for lengths its headers say it spans.
        unsafe { std::slice::from_raw_parts(base as *const u8, len) }
    })
    .expect("the vDSO's headers");
    let name = arch_bytes(x86_64.source, "VDSO_CLOCK_GETTIME").as_bytes();
    let version = arch_bytes(x86_64.source, "VDSO_VERSION").as_bytes();
    let offset = elf::find_symbol(image, f, name, version).expect("clock_gettime in the vDSO");
    assert_eq!(elf::find_symbol(image, f, name, b"LINUX_9.99"), None);
    type Cgt = unsafe extern "C" fn(libc::clockid_t, *mut libc::timespec) -> libc::c_int;
    // SAFETY: the vDSO's LINUX_2.6 __vdso_clock_gettime has this signature.
    let cgt: Cgt = unsafe { std::mem::transmute(base + offset) };
    let mut ours = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    let mut theirs = ours;
    // SAFETY: valid clock and out-pointers.
    let (a, b) = unsafe {
        (
            libc::clock_gettime(libc::CLOCK_REALTIME, &mut theirs),
            cgt(libc::CLOCK_REALTIME, &mut ours),
        )
    };
    assert_eq!((a, b), (0, 0));
    assert!(
        (ours.tv_sec - theirs.tv_sec).abs() <= 1,
        "{} vs {}",
        ours.tv_sec,
        theirs.tv_sec
    );
}
