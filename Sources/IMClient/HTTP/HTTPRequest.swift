#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One HTTP request as the transport sends it.
struct HTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    var method: String
    /// The absolute URL, query included and already percent-encoded.
    var url: String
    /// Header lines in order, as name and value.
    var headers: [HTTPHeader]
    /// The body, nil for none.
    var body: Data?
    /// The whole transfer's time limit.
    var timeout: Duration
    /// How long the transfer may move no bytes at all before it fails as timed out; nil for no such limit (a held
    /// long-poll is silent by design). Set for file transfers, whose whole limit is long.
    var stallTimeout: Duration? = nil

    /// The value of the first header with this name (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One header line.
struct HTTPHeader: Sendable, Hashable {
    var name: String
    var value: String
}
