import IMCore
import Testing

@Suite("Format rules shared by client and server (semantics §1.1, §3.2)")
struct ValidationTests {
    @Test("user IDs are lower-cased; empty or bad characters → 101; over 64 bytes → 105")
    func userIds() throws {
        #expect(try Validation.userId("Alice.B-2_x") == "alice.b-2_x")
        #expect(throws: ChatError(.invalidUserName, "user ID is empty")) { try Validation.userId("") }
        #expect(performing: { try Validation.userId("a b") }, throws: { ($0 as? ChatError)?.code == .invalidUserName })
        #expect(performing: { try Validation.userId(String(repeating: "a", count: 65)) },
                throws: { ($0 as? ChatError)?.code == .userNameTooLong })
        #expect(try Validation.userId(String(repeating: "a", count: 64)).count == 64)
    }

    @Test("passwords are 1–64 bytes (102)")
    func passwords() throws {
        try Validation.password("x")
        try Validation.password(String(repeating: "é", count: 32))
        #expect(performing: { try Validation.password("") }, throws: { ($0 as? ChatError)?.code == .invalidPassword })
        #expect(performing: { try Validation.password(String(repeating: "é", count: 33)) },
                throws: { ($0 as? ChatError)?.code == .invalidPassword })
    }

    @Test("app keys match org#app of [a-z0-9_-]{1,64} (100)", arguments: [
        ("acme#chat", true), ("a-b_c#d1", true), ("Acme#chat", false), ("acme", false), ("acme#", false),
        ("#chat", false), ("a#b#c", false), (String(repeating: "a", count: 65) + "#x", false),
    ])
    func appKeys(key: String, valid: Bool) {
        let threw = (try? Validation.appKey(key)) == nil
        #expect(threw != valid)
    }

    @Test("message IDs are 1–64 of [A-Za-z0-9_-] (110)", arguments: [
        ("abc-DEF_123", true), ("", false), ("has space", false), ("dot.ted", false), (String(repeating: "x", count: 65), false),
    ])
    func msgIds(id: String, valid: Bool) {
        #expect(((try? Validation.msgId(id)) != nil) == valid)
    }

    @Test("every route is unique and versioned")
    func routes() {
        #expect(Set(Route.all).count == Route.all.count)
        #expect(Route.all.allSatisfy { $0.path.hasPrefix("/v1/") })
    }

    @Test("app settings: defaults of §1.7 are valid; out-of-range values are named")
    func settings() {
        var settings = AppSettings()
        #expect(settings.validationError() == nil)
        #expect(settings.maxDevicesPerUser == 4 && settings.tokenTTL == 5_184_000 && settings.devicePolicy == "evictOldest")
        settings.maxDevicesPerUser = 101
        #expect(settings.validationError()?.contains("maxDevicesPerUser") == true)
        settings = AppSettings()
        settings.devicePolicy = "random"
        #expect(settings.validationError()?.contains("devicePolicy") == true)
    }
}

@Suite("Message IDs")
struct MessageIDTests {
    @Test("22 valid characters; later IDs sort later; IDs of one millisecond differ")
    func shape() throws {
        let early = MessageID.generate(milliseconds: 1_700_000_000_000)
        let late = MessageID.generate(milliseconds: 1_700_000_000_001)
        #expect(early.count == 22)
        #expect(throws: Never.self) { try Validation.msgId(early) }
        #expect(early < late)
        let sameInstant = Set((0..<100).map { _ in MessageID.generate(milliseconds: 5) })
        #expect(sameInstant.count == 100)
    }
}
