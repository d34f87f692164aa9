//! The few ELF structures muslin reads: its own program headers (for
//! `PT_TLS`) and the vDSO's dynamic symbol table. Native width and byte
//! order, so one definition per pointer width serves every arch.
#![allow(missing_docs)]

#[cfg(target_pointer_width = "64")]
mod imp {
    pub type Addr = u64;
    #[repr(C)]
    pub struct Ehdr {
        pub ident: [u8; 16],
        pub ty: u16,
        pub machine: u16,
        pub version: u32,
        pub entry: u64,
        pub phoff: u64,
        pub shoff: u64,
        pub flags: u32,
        pub ehsize: u16,
        pub phentsize: u16,
        pub phnum: u16,
    }
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
    #[repr(C)]
    pub struct Sym {
        pub name: u32,
        pub info: u8,
        pub other: u8,
        pub shndx: u16,
        pub value: u64,
        pub size: u64,
    }
    #[repr(C)]
    pub struct Dyn {
        pub tag: isize,
        pub val: u64,
    }
}

#[cfg(target_pointer_width = "32")]
mod imp {
    pub type Addr = u32;
    #[repr(C)]
    pub struct Ehdr {
        pub ident: [u8; 16],
        pub ty: u16,
        pub machine: u16,
        pub version: u32,
        pub entry: u32,
        pub phoff: u32,
        pub shoff: u32,
        pub flags: u32,
        pub ehsize: u16,
        pub phentsize: u16,
        pub phnum: u16,
    }
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
    #[repr(C)]
    pub struct Sym {
        pub name: u32,
        pub value: u32,
        pub size: u32,
        pub info: u8,
        pub other: u8,
        pub shndx: u16,
    }
    #[repr(C)]
    pub struct Dyn {
        pub tag: isize,
        pub val: u32,
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
