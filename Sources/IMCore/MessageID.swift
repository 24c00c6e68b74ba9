#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// New message IDs (§3.2): 22 characters of `[0-9A-Za-z]`. The first 8 are the creation time in milliseconds in base
/// 62, so IDs made later sort later and new rows land next to each other in the server's indexes; the other 14 are
/// random (83 bits), so IDs made in the same millisecond still differ.
public enum MessageID {
    private static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// A new ID for a message created at `milliseconds` (now by default).
    public static func generate(milliseconds: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 22)
        var time = UInt64(max(0, milliseconds))
        for index in stride(from: 7, through: 0, by: -1) {
            bytes[index] = digits[Int(time % 62)]
            time /= 62
        }
        var random = (generator.next() as UInt64, generator.next() as UInt64)
        for index in 8..<22 {
            let source = index < 15 ? random.0 : random.1
            bytes[index] = digits[Int(source % 62)]
            if index < 15 { random.0 /= 62 } else { random.1 /= 62 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
