import Foundation
import IMSQLite
import Testing

@Suite("The SQLite wrapper")
struct ConnectionTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("imsqlite-\(UUID().uuidString).sqlite").path
    }

    @Test("values bind and read back with their types")
    func bindAndRead() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        try db.query("INSERT INTO t VALUES (?, ?, ?, ?, ?)", Int64(42), 1.5, "héllo", SQLValue.blob([0, 1, 255]), String?.none)
        let row = try #require(try db.first("SELECT i, r, s, b, n FROM t"))
        #expect(row.int(0) == 42)
        #expect(row[1] == .real(1.5))
        #expect(row.string(2) == "héllo")
        #expect(row[3] == .blob([0, 1, 255]))
        #expect(row.optionalString(4) == nil)
        #expect(row["s"] == .text("héllo"))
    }

    @Test("a failing transaction changes nothing; a failing savepoint undoes only itself")
    func atomicity() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.query("INSERT INTO t VALUES ('a')")
                try db.query("INSERT INTO t VALUES ('a')")
            }
        }
        #expect(try db.query("SELECT k FROM t").isEmpty)
        try db.transaction {
            try db.query("INSERT INTO t VALUES ('b')")
            _ = try? db.savepoint { try db.query("INSERT INTO t VALUES ('b')") }
            try db.savepoint { try db.query("INSERT INTO t VALUES ('c')") }
        }
        #expect(try db.query("SELECT k FROM t ORDER BY k").map { $0.string(0) } == ["b", "c"])
    }

    @Test("savepoint journals and temporary tables stay in memory, never in files under /var/tmp")
    func temporaryStorageInMemory() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Connection(path: path)
        #expect(try db.first("PRAGMA temp_store")?.int(0) == 2)
    }

    @Test("constraint violations are recognisable")
    func constraint() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        try db.query("INSERT INTO t VALUES ('a')")
        do {
            try db.query("INSERT INTO t VALUES ('a')")
            Issue.record("expected a constraint violation")
        } catch {
            #expect(error.isConstraintViolation)
            #expect(error.sql?.contains("INSERT") == true)
        }
    }

    @Test("migrations run once each and refuse a newer schema")
    func migrations() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let v2 = Migrator(["CREATE TABLE a (x)", "CREATE TABLE b (y)"])
        try v2.migrate(try Connection(path: path))
        try v2.migrate(try Connection(path: path))
        let db = try Connection(path: path)
        #expect(try db.first("PRAGMA user_version")?.int(0) == 2)
        #expect(throws: (any Error).self) { try Migrator(["CREATE TABLE a (x)"]).migrate(db) }
    }

    @Test("two connections share one WAL database: a writer does not block a reader")
    func twoConnections() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try Connection(path: path)
        let reader = try Connection(path: path)
        try writer.execute("CREATE TABLE t (v INTEGER)")
        try writer.execute("BEGIN IMMEDIATE")
        try writer.query("INSERT INTO t VALUES (1)")
        #expect(try reader.query("SELECT v FROM t").isEmpty)
        try writer.execute("COMMIT")
        #expect(try reader.query("SELECT v FROM t").map { $0.int(0) } == [1])
        #expect(try writer.first("PRAGMA journal_mode")?.string(0) == "wal")
    }

    @Test("a kept WAL survives close; truncateWriteAheadLog empties it only once it is larger than the limit")
    func keptWriteAheadLog() throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        func walBytes() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? -1 }
        do {
            let connection = try Connection(path: path, synchronous: .normal)
            try connection.keepWriteAheadLogOnClose()
            try connection.execute("CREATE TABLE t (v TEXT)")
            for _ in 0..<50 {
                try connection.query("INSERT INTO t VALUES (?)", String(repeating: "x", count: 3_000))
                try connection.truncateWriteAheadLog(ifLargerThan: 64 * 1024)
                #expect(try walBytes() <= 64 * 1024 + 2 * 4_096 + 64)
            }
            #expect(try walBytes() > 0)
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Connection(path: path).first("SELECT COUNT(*) FROM t")?.int(0) == 50)
    }

    @Test("releaseMemory empties the page cache a read filled, and the data reads back the same")
    func releaseMemory() throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let connection = try Connection(path: path)
        try connection.execute("CREATE TABLE t (v TEXT)")
        try connection.transaction {
            for _ in 0..<200 { try connection.query("INSERT INTO t VALUES (?)", String(repeating: "x", count: 2_000)) }
        }
        let total = try connection.first("SELECT SUM(LENGTH(v)) FROM t")?.int(0)
        let filled = connection.pageCacheBytes
        #expect(filled > 100 * 4_096)
        connection.releaseMemory()
        #expect(connection.pageCacheBytes < filled / 10)
        #expect(try connection.first("SELECT SUM(LENGTH(v)) FROM t")?.int(0) == total)
    }
}
