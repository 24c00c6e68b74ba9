import Crypto
import CryptoExtras
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// PBKDF2-SHA256 password hashes, stored as `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>` so the
/// iteration count can change. Hashing runs on a Dispatch queue, off the cooperative pool.
struct PasswordHasher: Sendable {
    /// Iterations for new hashes.
    var iterations: Int

    private static let queue = DispatchQueue(label: "imctl.server.password", attributes: .concurrent)

    /// A new salted hash of `password`.
    func hash(_ password: String) async throws -> String {
        let iterations = iterations
        return try await Self.offPool {
            var generator = SystemRandomNumberGenerator()
            let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let derived = try Self.derive(password, salt: salt, iterations: iterations)
            return "pbkdf2-sha256$\(iterations)$\(Secrets.hex(salt))$\(Secrets.hex(derived))"
        }
    }

    /// Whether `password` matches a stored hash (false for a malformed one).
    func verify(_ password: String, against stored: String) async throws -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]),
            let salt = Self.bytes(fromHex: parts[2]), let expected = Self.bytes(fromHex: parts[3])
        else { return false }
        return try await Self.offPool {
            let derived = try Self.derive(password, salt: salt, iterations: iterations)
            return derived.count == expected.count && zip(derived, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: iterations
        )
        return key.withUnsafeBytes { Array($0) }
    }

    private static func bytes(fromHex hex: Substring) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        for index in stride(from: 0, to: chars.count, by: 2) {
            guard let byte = UInt8(String(decoding: chars[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            result.append(byte)
        }
        return result
    }

    private static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
