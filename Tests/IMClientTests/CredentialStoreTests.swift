import Glibc
import IMCore
import Testing

@testable import IMClient

@Suite("Stored login file")
struct CredentialStoreTests {
    private let login = StoredLogin(userId: "alice", token: "t1", resource: "linux_1", expiresAt: 0, serverURL: "http://x", appKey: "a#b")

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func savesPrivatelyAndReadsBack() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = CredentialStore(path: directory.path + "/config/imctl/credentials.json")
        try store.save(login)
        #expect(try store.load() == login)
        #expect(mode(store.path) == 0o600)
        #expect(mode(directory.path + "/config/imctl") == 0o700)
        try store.clear()
        #expect(try store.load() == nil)
    }

    @Test func atomicWriteReplacesWithoutLeftovers() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = CredentialStore(path: directory.path + "/credentials.json")
        try store.save(login)
        var renewed = login
        renewed.token = "t2"
        try store.save(renewed)
        #expect(try store.load()?.token == "t2")
        let entries = try #require(listDirectory(directory.path))
        #expect(entries == ["credentials.json"])
    }

    @Test(arguments: [0o620, 0o602, 0o666] as [mode_t])
    func refusesGroupOrWorldWritableFiles(permissions: mode_t) throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = CredentialStore(path: directory.path + "/credentials.json")
        try store.save(login)
        chmod(store.path, permissions)
        let error = #expect(throws: ChatError.self) { try store.load() }
        #expect(error?.code == .invalidToken)
        #expect(error?.description.contains("writable") == true)
    }

    @Test func clearIfStillSessionKeepsANewerLogin() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = CredentialStore(path: directory.path + "/credentials.json")
        var newer = login
        newer.token = "t9"
        try store.save(newer)
        store.clear(ifStillSession: login)
        #expect(try store.load() == newer)
        store.clear(ifStillSession: newer)
        #expect(try store.load() == nil)
    }

    @Test func deviceUUIDIsGeneratedOnceAndKept() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let first = try DeviceIdentity.uuid(in: directory.path + "/data")
        #expect(first.count == 36)
        #expect(try DeviceIdentity.uuid(in: directory.path + "/data") == first)
    }

    @Test func concurrentFirstUseAgreesOnOneDeviceUUID() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/data"
        let uuids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try DeviceIdentity.uuid(in: path) } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(uuids.count == 1)
        #expect(listDirectory(path) == ["device-uuid"])
    }

    private func listDirectory(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
