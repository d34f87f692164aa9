//! Memory mappings: anonymous and file-backed (with an offset), protection
//! changes, unmapping, and errors.
#![no_std]
#![no_main]

mod common;
use common::{check, check_eq, status};
use linux_raw_sys::general::{MAP_ANONYMOUS, MAP_PRIVATE, MAP_SHARED, PROT_READ, PROT_WRITE};
use muslin::Errno;
use muslin::syscall::{fd, mm};

const RW: i32 = (PROT_READ | PROT_WRITE) as i32;

fn run() -> i32 {
    let len = 1 << 20;
    // SAFETY: fresh mappings overlap nothing; each is used only here.
    unsafe {
        let p = mm::mmap(
            core::ptr::null_mut(),
            len,
            RW,
            (MAP_PRIVATE | MAP_ANONYMOUS) as i32,
            -1,
            0,
        );
        check("anonymous mmap", p.is_ok(), format_args!("{p:?}"));
        let p = p.unwrap();
        check(
            "zero filled",
            (0..len).step_by(4096).all(|i| *p.add(i) == 0),
            format_args!("dirty"),
        );
        for i in (0..len).step_by(4096) {
            *p.add(i) = (i >> 12) as u8;
        }
        check(
            "writable",
            (0..len).step_by(4096).all(|i| *p.add(i) == (i >> 12) as u8),
            format_args!("lost"),
        );
        check_eq("mprotect", mm::mprotect(p, len, PROT_READ as i32), Ok(()));
        check_eq("still readable", *p.add(8192), 2);
        check_eq("munmap", mm::munmap(p, len), Ok(()));
        check_eq(
            "munmap unaligned EINVAL",
            mm::munmap(p.add(1), 4096),
            Err(Errno::EINVAL),
        );
        let bad = mm::mmap(core::ptr::null_mut(), 4096, RW, MAP_SHARED as i32, -1, 0);
        check_eq("mmap EBADF", bad.map(|_| ()), Err(Errno::EBADF));
        let zero = mm::mmap(
            core::ptr::null_mut(),
            0,
            RW,
            (MAP_PRIVATE | MAP_ANONYMOUS) as i32,
            -1,
            0,
        );
        check_eq("mmap len 0 EINVAL", zero.map(|_| ()), Err(Errno::EINVAL));

        // File-backed, second page: checks the offset reaches the kernel
        // correctly (mmap2 counts 4096-byte units on 32-bit arches). The page
        // size comes from the kernel: 16 KiB on loongarch64, 64 KiB on some
        // powerpc64 systems.
        let page = muslin::env::auxv::get(muslin::env::auxv::AT_PAGESZ);
        // Per-process name: x.py runs this natively and under qemu at once.
        let mut name = *b"/tmp/muslin-mm-0000000000\0";
        let mut pid = muslin::syscall::process::getpid() as u32;
        for digit in name[15..25].iter_mut().rev() {
            *digit = b'0' + (pid % 10) as u8;
            pid /= 10;
        }
        let path = core::ffi::CStr::from_bytes_with_nul(&name).unwrap();
        let f = fd::open(path, fd::O_RDWR | fd::O_CREAT | fd::O_TRUNC, 0o600).unwrap();
        let _ = muslin::syscall::fs::unlink(path);
        let zeros = [0u8; 4096];
        for _ in 0..page / 4096 {
            fd::write_all(f.fd(), &zeros).unwrap();
        }
        fd::write_all(f.fd(), b"page 2").unwrap();
        let prot = PROT_READ as i32;
        let m = mm::mmap(
            core::ptr::null_mut(),
            page,
            prot,
            MAP_SHARED as i32,
            f.fd().0,
            page as i64,
        );
        check(
            "file mmap at an offset of one page",
            m.is_ok(),
            format_args!("{m:?}"),
        );
        if let Ok(m) = m {
            let head = core::slice::from_raw_parts(m, 6);
            check_eq("file contents", head, b"page 2".as_slice());
            let _ = mm::munmap(m, page);
        }
        check_eq("lseek end", fd::lseek(f.fd(), 0, 2), Ok(page as i64 + 6));
        check_eq(
            "lseek set beyond 4GiB",
            fd::lseek(f.fd(), 5 << 30, 0),
            Ok(5 << 30),
        );
    }
    status()
}

muslin::main!(run);
