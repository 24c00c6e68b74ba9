/// One `Range: bytes=…` request (RFC 9110 §14): `a-b`, `a-` or the suffix `-n`. Several ranges are not served
/// (the whole file is sent instead, which the RFC allows).
enum ByteRange {
    /// The satisfiable byte range of a file of `size` bytes; nil when the header is absent or not a single
    /// bytes range (serve the whole file); `.failure` when it cannot be satisfied (416).
    static func parse(_ header: String?, size: Int64) -> Result<ClosedRange<Int64>, UnsatisfiableRange>? {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst("bytes=".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard spec.count == 2 else { return nil }
        let first = spec[0].trimmingPrefix(" ")
        let last = spec[1]
        if first.isEmpty {
            guard let suffix = Int64(last), suffix > 0, size > 0 else { return .failure(UnsatisfiableRange()) }
            return .success(max(0, size - suffix)...(size - 1))
        }
        guard let start = Int64(first) else { return nil }
        guard start < size else { return .failure(UnsatisfiableRange()) }
        if last.isEmpty { return .success(start...(size - 1)) }
        guard let end = Int64(last), end >= start else { return nil }
        return .success(start...min(end, size - 1))
    }

    /// A range that starts at or after the end of the file.
    struct UnsatisfiableRange: Error {}
}
