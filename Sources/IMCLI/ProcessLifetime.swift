import IMClient
import Synchronization

/// What a one-shot `imctl` process keeps until it exits: the clients its command made. Their local store and HTTP
/// connection close with the process anyway, so closing them first (about half a millisecond) is skipped.
final class ProcessLifetime: Sendable {
    private let clients = Mutex<[ChatClient]>([])

    func keep(_ client: ChatClient) {
        clients.withLock { $0.append(client) }
    }
}
