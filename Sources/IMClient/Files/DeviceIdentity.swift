import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The device UUID of a data directory (`device-uuid`), generated once and kept.
enum DeviceIdentity {
    /// The stored UUID, created on first use (once, even when several processes start together).
    static func uuid(in dataDirectory: String) throws(ChatError) -> String {
        let path = dataDirectory + "/device-uuid"
        if let data = try SecureFile.read(path) {
            let text = String(decoding: data, as: UTF8.self).trimmed
            if !text.isEmpty { return text }
        }
        let uuid = UUID().uuidString.lowercased()
        if try SecureFile.write(Data(uuid.utf8), to: path, replace: false) { return uuid }
        // Another process created it first: use theirs.
        return String(decoding: try SecureFile.read(path) ?? Data(uuid.utf8), as: UTF8.self).trimmed
    }
}
