import IMCore

extension WriteContext {
    /// Appends one event about a message to each of its participants except the calling session (its other
    /// sessions get it, §5 "own other devices"); `payload` builds each user's payload from their point of view.
    func notifyParticipants(
        of message: Message, app: Int64, caller: SessionRecord, type: String, time: Int64, payload: (String) throws -> String
    ) throws {
        for user in MessageAccess.participants(of: message) {
            try appendEvent(
                to: UserKey(app: app, userId: user), type: type, payloadJSON: payload(user), time: time,
                except: user == caller.userId ? caller.resource : nil
            )
        }
    }
}
