import HTTPTypes
import Hummingbird
import IMCore
import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Request {
    /// The largest request body the server reads.
    static let maxBodyBytes = 1024 * 1024

    /// Decodes the JSON body; a missing or malformed body → 110.
    func decodeWire<T: Decodable>(_ type: T.Type) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: Self.maxBodyBytes)
        } catch {
            throw ChatError(.invalidParam, "the request body is larger than \(Self.maxBodyBytes) bytes")
        }
        do {
            return try WireJSON.decode(type, from: Data(readableBytesOf: buffer))
        } catch {
            throw ChatError(.invalidParam, "the request body is not a valid \(T.self): \(error)")
        }
    }

    /// A header by name.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// A query parameter, nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// An integer query parameter within `range`; absent → nil; malformed or outside → 110.
    func queryInt(_ name: String, in range: ClosedRange<Int64>) throws(ChatError) -> Int64? {
        guard let raw = query(name) else { return nil }
        guard let value = Int64(raw), range.contains(value) else {
            throw ChatError(.invalidParam, "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

extension Data {
    init(readableBytesOf buffer: ByteBuffer) {
        self = buffer.withUnsafeReadableBytes { Data($0) }
    }
}
