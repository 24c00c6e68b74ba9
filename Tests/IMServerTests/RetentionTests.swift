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
            let app = try await store.createApp(AppInfo(appKey: "org#app", clientId: "c", clientSecret: "s", createdAt: now, settings: AppSettings()))
            _ = try await store.createUser(app.id, StoredUser(userId: "bob", passwordHash: nil, createdAt: now, active: true))
            let bob = UserKey(app: app.id, userId: "bob")
            let token = AuthController.tokenRecord(hash: "h", key: bob, ttl: 600, now: now)
            let plan = LoginPlan(
                app: app, userId: "bob", deviceUUID: "d", platform: "linux", deviceName: "linux", loginExtension: nil, token: token,
                insertToken: true, resource: "linux_0000000000000001", now: now
            )
            let start = try await store.login(plan)
            let old = now - EventRetention.maxAgeMilliseconds - 1_000
            try await store.write { context in
                try context.appendEvent(to: bob, type: "old", payloadJSON: "{}", time: old)
                try context.appendEvent(to: bob, type: "new", payloadJSON: "{}", time: now)
            }
            try await store.write { try $0.pruneEvents(olderThan: now - EventRetention.maxAgeMilliseconds) }
            let read = try #require(try await store.readEvents(plan.resource, after: start, limit: 10))
            #expect(read.gap)
            #expect(read.events.map(\.type) == ["new"])
            let later = try #require(try await store.readEvents(plan.resource, after: read.events.last?.seq, limit: 10))
            #expect(!later.gap)
            #expect(later.events.isEmpty)
        }
    }
}
