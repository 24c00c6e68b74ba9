#if canImport(Glibc)
    import Glibc
#endif

/// The C library's allocator, asked to give its free pages back to the system.
enum ProcessMemory {
    /// glibc's `malloc_trim` (declared in `<malloc.h>`, which Swift's Glibc module leaves out), looked up once.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// Returns the allocator's free memory to the system, keeping no padding.
    static func trim() {
        _ = mallocTrim?(0)
    }
}
