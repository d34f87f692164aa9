//! [`SyscallArg`]: what may be passed to a system call as one register.

/// A value that fits one system-call argument register, and how it goes
/// there: signed integers are sign-extended, unsigned ones zero-extended,
/// pointers pass their address. 64-bit integers qualify only where
/// registers are 64 bits wide: on a 32-bit arch a 64-bit value (a file
/// offset, say) takes two registers, and passing it as one does not
/// compile instead of being cut to its low half.
pub trait SyscallArg {
    /// The register's value.
    fn into_arg(self) -> usize;
}

macro_rules! widen {
    ($($t:ty),*) => {
        $(impl SyscallArg for $t {
            #[inline(always)]
            fn into_arg(self) -> usize {
                self as usize
            }
        })*
    };
}

widen!(usize, isize, u32, i32, u16, i16, u8, i8, bool);

#[cfg(target_pointer_width = "64")]
widen!(u64, i64);

impl<T: ?Sized> SyscallArg for *const T {
    #[inline(always)]
    fn into_arg(self) -> usize {
        self.cast::<u8>() as usize
    }
}

impl<T: ?Sized> SyscallArg for *mut T {
    #[inline(always)]
    fn into_arg(self) -> usize {
        self.cast::<u8>() as usize
    }
}
