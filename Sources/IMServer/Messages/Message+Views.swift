import IMCore

extension Message {
    /// The message as `viewer` sees it: conversation = the other party, direction relative to the viewer.
    /// `self` is the stored (sender's) view.
    func viewed(by viewer: String, delivered: Bool) -> Message {
        var view = self
        view.status = .success
        if viewer == from {
            view.direction = .send
            view.conversationId = to
            view.hasRead = true
            view.hasDeliverAck = delivered
        } else {
            view.direction = .receive
            view.conversationId = from
            view.hasRead = hasReadAck
            view.hasReadAck = false
            view.hasDeliverAck = false
        }
        return view
    }

    /// The conversation ID as `viewer` sees it: the other party (oneself for a message to oneself).
    func conversationId(viewedBy viewer: String) -> String {
        viewer == from ? to : from
    }

    /// The one-to-one conversation key of both parties, independent of direction.
    var pairKey: String { Self.pairKey(from, to) }

    /// The one-to-one conversation key of two users, in either order.
    static func pairKey(_ one: String, _ other: String) -> String { one < other ? one + "|" + other : other + "|" + one }

    /// Whether two sends carry the same content (§4.2 idempotency); translations are the server's, not the sender's.
    func hasSameContent(as other: Message) -> Bool {
        from == other.from && to == other.to && body.withoutTranslations == other.body.withoutTranslations
            && attributes == other.attributes
    }
}
