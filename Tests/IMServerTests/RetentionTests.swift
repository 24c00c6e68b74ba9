import IMCore
import Logging
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("Event-log retention (§8.2)", .timeLimit(.minutes(1)))
struct RetentionTests {
    @Test("entries older than 7 days leave the log; a cursor behind them reads gap: true from the oldest kept entry")
    func ageSweep() async throws {
        try await TestServer.withStore { store in
            let now = WallClock.milliseconds()
            let session = try await StoreSession.make(on: store, now: now)
            let bob = session.user
            let old = now - EventRetention.maxAgeMilliseconds - 1_000
            try await store.write { context in
                try context.appendEvent(to: bob, type: "old", payloadJSON: "{}", time: old)
                try context.appendEvent(to: bob, type: "new", payloadJSON: "{}", time: now)
            }
            try await store.write { try $0.pruneEvents(olderThan: now - EventRetention.maxAgeMilliseconds) }
            let read = try #require(try await store.readEvents(session.resource, after: session.start, limit: 10))
            #expect(read.gap)
            #expect(read.events.map(\.type) == ["new"])
            let later = try #require(try await store.readEvents(session.resource, after: read.events.last?.seq, limit: 10))
            #expect(!later.gap)
            #expect(later.events.isEmpty)
        }
    }
}
