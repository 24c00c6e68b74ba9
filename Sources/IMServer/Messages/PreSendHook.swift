import IMCore
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The app's `preSendHook` (semantics §1.7, §4.2): before a send is stored, the message (as the sender would see it
/// stored) is POSTed to the URL as `{"appKey":…,"message":{…}}`. A 2xx answer lets it through unless its JSON says
/// `"allow": false`; `{"allow":false}`, any other status, no answer within 2 s or no connection refuse it with 508.
enum PreSendHook {
    static let timeout = Duration.seconds(2)

    /// 508 when the hook refuses `message`, nil when it lets it through (or the app has no hook). The hook sees only
    /// sends that get that far (§0): not those to an unknown recipient (204) nor repeats of a used `msgId` (a replay or
    /// a conflict), which the store answers. The sender learns why only in general terms; how the hook failed (its
    /// address included) goes to the server's log.
    static func refusal(of message: Message, app: AppRecord, store: any ChatStore, logger: Logger) async throws -> ChatError? {
        guard let url = app.settings.preSendHook, !url.isEmpty,
            try await store.user(UserKey(app: app.id, userId: message.to)) != nil,
            try await !store.isMessageIdUsed(message.msgId, app: app.id)
        else { return nil }
        let blocked = { (reason: String) in ChatError(.messageExternalLogicBlocked, "the app's pre-send hook refused the message: \(reason)") }
        do {
            let request = try WireJSON.encode(HookRequest(appKey: app.appKey, message: message))
            let response = try await CurlHTTP.send("POST", url, json: Array(request), timeout: timeout)
            guard (200..<300).contains(response.status) else {
                logger.warning("preSendHook failed", metadata: ["app": "\(app.appKey)", "status": "\(response.status)"])
                return blocked("the hook failed")
            }
            let verdict = try? WireJSON.decode(JSONValue.self, from: Data(response.body))
            return verdict?.objectValue?["allow"] == .bool(false) ? blocked("it said allow: false") : nil
        } catch {
            logger.warning("preSendHook did not answer", metadata: ["app": "\(app.appKey)", "error": "\(error)"])
            return blocked("the hook did not answer")
        }
    }

    private struct HookRequest: Encodable {
        var appKey: String
        var message: Message
    }
}
