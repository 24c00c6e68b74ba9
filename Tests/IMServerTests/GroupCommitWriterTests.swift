import IMSQLite
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("The group-commit writer: answers after the WAL flush, checkpoints beside it", .timeLimit(.minutes(1)))
struct GroupCommitWriterTests {
    static let user = UserKey(app: 1, userId: "alice")

    @Test("a write is answered only once its batch is on disk: the durable cursor already covers what it appended")
    func answeredAfterFlush() async throws {
        try await TestServer.withStore { store in
            let before = try await store.currentCursor()
            for round in 1...20 {
                let seq = try await store.write { context in
                    try context.appendEvent(to: Self.user, type: "test", payloadJSON: "{\"round\":\(round)}", time: 1)
                }
                #expect(store.writer.durableCursor >= seq)
                #expect(try await store.currentCursor() == seq)
            }
            #expect(try await store.currentCursor() == before + 20)
        }
    }

    @Test("a read never hands out an entry past the durable cursor: one committed behind the writer's back waits for a flush")
    func readsStopAtTheDurableCursor() async throws {
        try await TestServer.withState { state, configuration in
            let store = try #require(state.store as? SQLiteChatStore)
            let now = WallClock.milliseconds()
            let session = try await StoreSession.make(on: store, now: now)
            let probe = try ProbeDatabase(path: configuration.databasePath)
            let unflushed = try WriteContext(connection: probe.connection).appendEvent(
                to: session.user, type: "unflushed", payloadJSON: "{}", time: now
            )
            #expect(store.writer.durableCursor < unflushed)
            let early = try #require(try await store.readEvents(session.resource, after: session.start, limit: 10))
            #expect(early.events.isEmpty)
            let flushed = try await store.write { context in
                try context.appendEvent(to: session.user, type: "flushed", payloadJSON: "{}", time: now)
            }
            let late = try #require(try await store.readEvents(session.resource, after: session.start, limit: 10))
            #expect(late.events.map(\.seq) == [unflushed, flushed])
        }
    }

    @Test("200 concurrent writes: each answered once with its own entry; past 1,000 WAL frames a checkpoint fills the database file")
    func concurrentWritesAndCheckpoint() async throws {
        try await TestServer.withState { state, configuration in
            let store = try #require(state.store as? SQLiteChatStore)
            let path = configuration.databasePath
            let sizeBefore = try Self.fileSize(path)
            let payload = "{\"fill\":\"" + String(repeating: "x", count: 24_000) + "\"}"
            let seqs = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        try await store.write { context in try context.appendEvent(to: Self.user, type: "test", payloadJSON: payload, time: 1) }
                    }
                }
                return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
            }
            #expect(seqs.count == 200)
            #expect(store.writer.durableCursor == seqs.max())
            var grown = false
            for _ in 0..<100 where !grown {
                grown = try Self.fileSize(path) > sizeBefore + 2_000_000
                if !grown { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(grown, "no checkpoint copied the WAL into \(path)")
        }
    }

    @Test("a deferred write rides on the next batch, ahead of the write that brought it along")
    func deferredWriteRidesOnTheNextBatch() async throws {
        try await TestServer.withStore { store in
            store.writer.submitDeferred({ context in
                _ = try context.appendEvent(to: Self.user, type: "deferred", payloadJSON: "{}", time: WallClock.milliseconds())
            }, onFailure: { error in Issue.record(error) })
            let seq = try await store.write { context in try context.appendEvent(to: Self.user, type: "now", payloadJSON: "{}", time: WallClock.milliseconds()) }
            let types = try await store.read { db in
                try db.query("SELECT type FROM events WHERE user_id = 'alice' AND seq <= ? ORDER BY seq", seq).map { $0.string(0) }
            }
            #expect(types == ["deferred", "now"])
        }
    }

    @Test("a deferred write with no batch to join commits on its own, and one still waiting commits on close")
    func deferredWriteCommitsAloneAndOnClose() async throws {
        try await TestServer.withState { state, configuration in
            let store = try #require(state.store as? SQLiteChatStore)
            let before = try await store.currentCursor()
            store.writer.submitDeferred({ context in
                _ = try context.appendEvent(to: Self.user, type: "alone", payloadJSON: "{}", time: WallClock.milliseconds())
            }, onFailure: { error in Issue.record(error) })
            var cursor = before
            for _ in 0..<200 where cursor == before {
                try await Task.sleep(for: .milliseconds(10))
                cursor = try await store.currentCursor()
            }
            #expect(cursor == before + 1)
            store.writer.submitDeferred({ context in
                _ = try context.appendEvent(to: Self.user, type: "at close", payloadJSON: "{}", time: WallClock.milliseconds())
            }, onFailure: { error in Issue.record(error) })
            store.close()
            let db = try Connection(path: configuration.databasePath)
            #expect(try db.first("SELECT count(*) FROM events WHERE type = 'at close'")?.int(0) == 1)
        }
    }

    static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
