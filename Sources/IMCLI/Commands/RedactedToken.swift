import IMCore
import IMClient

/// A token's lifetime without the token itself (printed after a renew, where the caller already has it).
struct RedactedToken: Encodable {
    var userId: String
    var issuedAt: Int64
    var expiresAt: Int64
    var ttl: Int64

    init(_ info: TokenInfo) {
        userId = info.userId
        issuedAt = info.issuedAt
        expiresAt = info.expiresAt
        ttl = info.ttl
    }
}
