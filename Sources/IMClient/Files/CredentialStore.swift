import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads and writes the stored login at one path.
struct CredentialStore: Sendable {
    var path: String

    /// The stored login, nil when there is none. Throws 104 for a file that is not private to this user.
    func load() throws(ChatError) -> StoredLogin? {
        guard let data = try SecureFile.read(path, requirePrivate: true) else { return nil }
        do {
            return try WireJSON.decode(StoredLogin.self, from: data)
        } catch {
            throw ChatError(.invalidToken, "credentials file \(path) is damaged: it does not hold a stored login")
        }
    }

    /// Replaces the stored login atomically.
    func save(_ login: StoredLogin) throws(ChatError) {
        let data: Data
        do { data = try WireJSON.encoder(pretty: true).encode(login) } catch { throw ChatError(.generalError, "cannot encode the login: \(error)") }
        try SecureFile.write(data, to: path)
    }

    /// Deletes the stored login.
    func clear() throws(ChatError) {
        try SecureFile.remove(path)
    }

    /// Deletes the stored login only if it is still the session `login` (a newer login on this profile stays).
    func clear(ifStillSession login: StoredLogin) {
        guard let current = try? load(), current.token == login.token, current.resource == login.resource else { return }
        try? clear()
    }
}
