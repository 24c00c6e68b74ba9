import IMCore
import Logging

/// Everything the request handlers share: storage, the event hub, the app cache and the tunables.
struct ServerState: Sendable {
    let configuration: ServerConfiguration
    let store: any ChatStore
    let hub: EventHub
    let apps: AppRegistry
    let operatorCredentials: OperatorCredentials
    let hasher: PasswordHasher
    let rateLimiter = RateLimiter()
    let translation = TranslationService()
    let logger: Logger
}
